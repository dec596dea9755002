/** The README's compatibility tables say what the tests on each Office version's profile show. */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { compatibilityRow, OFFICE_PROFILES } from "./office-profiles";

const readme = readFileSync(path.join(__dirname, "..", "README.md"), "utf8");
const english = readme.indexOf("\n## English");
const parts = { zh: readme.slice(0, english), en: readme.slice(english) };
/** Every table row of one language's part of the README, as trimmed cells. */
const rowsOf = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.startsWith("|"))
    .map((l) =>
      l
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    );

for (const lang of ["zh", "en"] as const)
  test(`the ${lang} compatibility table has one row per Office version, as the profiles' tests find`, () => {
    for (const p of OFFICE_PROFILES) {
      const expected = compatibilityRow(p, lang);
      const found = rowsOf(parts[lang]).filter((r) => r[0] === expected[0]);
      expect({ version: expected[0], found }).toEqual({ version: expected[0], found: [expected] });
    }
  });

test("every path of src/, test/ or bench/ the README names (folder table, recipes) exists", () => {
  const named = [...readme.matchAll(/`((?:src|test|bench)\/[^`\s]*)`/g)].map((m) => m[1]);
  expect(named.length).toBeGreaterThan(20);
  const root = path.join(__dirname, "..");
  expect(named.filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
});
