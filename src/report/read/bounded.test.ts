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
import { checkTable2Text } from "./text2";
import { writingFindings } from "./writing";
import { aspectFindings } from "./aspects";
import { defaultRuleSet } from "../rules/ruleset";

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

test("the review rules that read the text (R7, R10–R17, R26, X4) read runs of 200 000 digits, letters, X or ideographs through", () => {
  const t = huaianTables();
  const format = getFormat("2021");
  const set = defaultRuleSet();
  for (const id of ["R14", "R15", "R17"] as const) set.rules[id] = { ...set.rules[id]!, on: true };
  const head = ["某局2025年政府信息公开工作年度报告", "一、总体情况"];
  const tail = [
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
  ];
  for (const run of ["1", "a", "X", "字", "1,"]) {
    const paragraphs = [...head, `制发规范性文件${run.repeat(N)}`, ...tail];
    // Each returns (a quadratic scan would not within the test's time), and no run is read as a claim of 表二.
    expect(checkTable2Text(paragraphs, t, format)).toEqual([]);
    expect(Array.isArray(writingFindings(format, paragraphs, { year: 2025, set }))).toBe(true);
    expect(Array.isArray(aspectFindings(format, paragraphs, { set }))).toBe(true);
  }
});
