/**
 * The reader's text scans on text no report holds — a cell of 200 000 「一」s, a run of 200 000 digits, as a broken
 * export or a hostile file gives — read it through and give what the words say. Each of these patterns was tried at
 * every position of such a run (its length squared: 40 000 characters took 3–4 s, these would take minutes); now
 * each run is read from its start only. (Their time is in the bench's bad-input process, not here.)
 */
import { huaianTables } from "../../../test/fixtures";
import { getFormat } from "../formats";
import { bareLabel } from "./cells";
import { checkText } from "./text";

const N = 200_000;

test("a label of one numeral or one digit repeated, with no numbering in it, is left as it is", () => {
  expect(bareLabel(`${"一".repeat(N)}x`)).toBe(`${"一".repeat(N)}x`);
  expect(bareLabel(`${"1".repeat(N)}x`)).toBe(`${"1".repeat(N)}x`);
  // And numbering is still dropped where it is one.
  expect(bareLabel("三、本年度办理结果")).toBe("本年度办理结果");
  expect(bareLabel("12.属于国家秘密")).toBe("属于国家秘密");
});

test("a sentence of digits claims nothing; 「N件结转下年度」 is still read, after a comma too", () => {
  const t = huaianTables();
  const format = getFormat("2021");
  expect(checkText([`共${"1".repeat(N)}x`], t, format)).toEqual([]);
  const fwd = t.t3.fwd[6] as number;
  const wrong = checkText(
    [`办结申请${t.t3.total[6] as number}件，${fwd + 1}件结转下年度继续办理。`],
    t,
    format,
  );
  expect(wrong.map((f) => [f.rule, f.row])).toEqual([["X3", "fwd"]]);
  expect(
    checkText([`办结申请${t.t3.total[6] as number}件，${fwd}件结转下年度继续办理。`], t, format),
  ).toEqual([]);
});
