/**
 * No import circle anywhere in src/, type-only imports included: dependency-cruiser with the project's own
 * config (.dependency-cruiser.cjs) finds none in src/, and finds the one in a pair of files made to import
 * each other's types (so the check itself can fail). Run in a child process: dependency-cruiser is ESM.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";

const root = path.resolve(__dirname, "..");

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
  cycle?: { name: string }[];
}

function cruise(target: string): { violations: Violation[]; modules: number } {
  const out = execFileSync(
    process.execPath,
    [
      path.join(root, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs"),
      target,
      "--config",
      ".dependency-cruiser.cjs",
      "--output-type",
      "json",
    ],
    { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  const json = JSON.parse(out) as { summary: { violations: Violation[]; totalCruised: number } };
  return { violations: json.summary.violations, modules: json.summary.totalCruised };
}

describe("import circles", () => {
  test("src/ has none, type-only imports counted", () => {
    const { violations, modules } = cruise("src");
    expect(modules).toBeGreaterThan(100);
    expect(violations.map((v) => `${v.from} → ${v.to}`)).toEqual([]);
  }, 60000);

  test("a circle through type-only imports is found", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-cycle-"));
    try {
      writeFileSync(path.join(dir, "a.ts"), 'import type { B } from "./b";\nexport interface A { b?: B }\n');
      writeFileSync(path.join(dir, "b.ts"), 'import type { A } from "./a";\nexport interface B { a?: A }\n');
      writeFileSync(path.join(dir, "c.ts"), 'import type { A } from "./a";\nexport type C = A;\n');
      const { violations } = cruise(dir);
      expect(violations.map((v) => v.rule.name)).toEqual(["no-circular"]);
      expect([path.basename(violations[0].from), path.basename(violations[0].to)].sort()).toEqual([
        "a.ts",
        "b.ts",
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60000);
});
