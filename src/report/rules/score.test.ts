/**
 * 考核 points: given as the office writes them (分值 and 扣分方式 columns of the 审核要点 sheet, in the words offices
 * use), a review scores each judged unit from 100 and ranks them; the 总览 gains 得分, 排名 and 扣分, and the letters
 * state the deductions. Without points nothing about scores appears. Expected scores are worked out here by hand.
 */
import { compileWorkbook } from "../compile";
import { review } from "../review";
import type { ReadUnit } from "../review";
import { reviewLetters } from "../reviewLetters";
import { reviewSheets } from "../reviewSheets";
import { sampleWorkbook } from "../sample";
import type { Finding } from "../tables/findings";
import { ruleSetFromRows, ruleSetRows, RULE_COLUMNS } from "./parse";
import { defaultRuleSet, scored } from "./ruleset";
import { corpus } from "../../../test/corpus";

const tables = compileWorkbook(sampleWorkbook()).tables;
const finding = (rule: Finding["rule"], where: string): Finding => ({
  rule,
  severity: rule === "F2" ? "warning" : "error",
  table: "t3",
  where,
  place: where,
  message: `${rule} 在 ${where}`,
});
const unit = (name: string, findings: Finding[]): ReadUnit => ({
  unit: name,
  file: `${name}.docx`,
  tables: { ...tables, agency: name },
  findings,
});
const units = (): ReadUnit[] => [
  unit("甲局", []),
  // Two S2 (每处 2 分 → 4) and one F2 (每项 1 分 → 1): 95.
  unit("乙局", [
    finding("S2", "t3.new.total"),
    finding("S2", "t3.carry.total"),
    finding("F2", "t3.new.natural"),
  ]),
  // One S2 (2) and one F2 (1): 97.
  unit("丙局", [finding("S2", "t3.new.total"), finding("F2", "t3.o1.natural")]),
  // F2 twice, 每项: 1 once: 99.
  unit("丁局", [finding("F2", "t3.new.natural"), finding("F2", "t3.new.legal")]),
  // Same findings as 丁局: the same score shares its place.
  unit("戊局", [finding("F2", "t3.new.business"), finding("F2", "t3.new.legal")]),
  { unit: "己局", file: "己局.pdf", reason: "「己局.pdf」是扫描件" },
];

const OFFICE_ROWS = [
  ["编号", "审核要点", "扣分", "计分方式"],
  ["S2", "", "2分", "每处"],
  ["F2", "", "1", ""],
];

describe("points", () => {
  test("read as offices write them; written back; refused when they are no points", () => {
    const set = ruleSetFromRows(OFFICE_ROWS, "考核.xlsx");
    expect(set.rules.S2).toMatchObject({ points: 2, per: "每处" });
    expect(set.rules.F2?.points).toBe(1);
    expect(scored(set)).toBe(true);
    expect(scored(defaultRuleSet())).toBe(false);
    const back = ruleSetFromRows([[...RULE_COLUMNS], ...ruleSetRows(set)], "审核结果.xlsx");
    expect(back.rules).toEqual(set.rules);
    expect(() =>
      ruleSetFromRows(
        [
          ["编号", "分值", "扣分方式"],
          ["S2", "两分", "每回"],
        ],
        "x.csv",
      ),
    ).toThrow(/第2行（S2）的「分值」写作「两分」.*第2行（S2）的「扣分方式」写作「每回」/);
  });

  test("each judged unit from 100, ranked with shared places; the unreadable unit not scored", () => {
    const r = review(units(), { year: tables.year, set: ruleSetFromRows(OFFICE_ROWS, "考核.xlsx") });
    const score = Object.fromEntries(r.units.map((u) => [u.unit, u.score && [u.score.points, u.score.rank]]));
    expect(score).toEqual({
      甲局: [100, 1],
      乙局: [95, 5],
      丙局: [97, 4],
      丁局: [99, 2],
      戊局: [99, 2],
      己局: undefined,
    });
    const overview = reviewSheets(r)[0];
    const at = (h: string) => overview.header.indexOf(h);
    const row = overview.rows.find((x) => x[0] === "乙局") as (string | number)[];
    expect([row[at("得分")], row[at("排名")]]).toEqual([95, 5]);
    expect(row[at("扣分")]).toBe(
      "S2表三收到申请与办理结果相符 扣4分（2处）；F2统计表的格子填写（0 而非空白） 扣1分",
    );
    const letter = reviewLetters(r, { date: new Date(2026, 0, 20) }).find((l) => l.file.startsWith("乙局"));
    const text = JSON.stringify(letter?.blocks);
    expect(text).toContain("共扣5分，得分95分");
    const circular = JSON.stringify(reviewLetters(r, { date: new Date(2026, 0, 20) }).at(-1)?.blocks);
    expect(circular).toContain("1. 甲局 100分；2. 丁局 99分；2. 戊局 99分；4. 丙局 97分；5. 乙局 95分");
  });

  test("a rule turned off deducts nothing; points never take a unit below 0", () => {
    const rows = [
      ["编号", "启用", "分值", "扣分方式"],
      ["S2", "否", "2", "每处"],
      ["F2", "", "60", "每处"],
    ];
    const r = review(units(), { year: tables.year, set: ruleSetFromRows(rows, "考核.csv") });
    const get = (n: string) => r.units.find((u) => u.unit === n)?.score?.points;
    expect([get("乙局"), get("丁局")]).toEqual([40, 0]);
  });

  test("without points: no 得分 column, no deduction in any letter", () => {
    const r = review(units(), { year: tables.year });
    expect(r.units.every((u) => u.score === undefined)).toBe(true);
    expect(reviewSheets(r)[0].header).not.toContain("得分");
    expect(JSON.stringify(reviewLetters(r, { date: new Date(2026, 0, 20) }))).not.toMatch(/得分|扣分/);
  });
});

describe("the family of how offices write points (test/corpus/points.json)", () => {
  const variants = corpus<string | number | null>("points");
  test.each(variants.filter((v) => v.kind === "header").map((v) => [v.text, v.meaning]))(
    "header 「%s」 is the %s column",
    (header, meaning) => {
      const other = meaning === "分值" ? ["扣分方式", "每处"] : ["分值", "2"];
      const set = ruleSetFromRows(
        [
          ["编号", header as string, other[0]],
          ["S2", meaning === "分值" ? "2" : "每处", other[1]],
        ],
        "考核.xlsx",
      );
      expect(set.rules.S2).toMatchObject({ points: 2, per: "每处" });
    },
  );
  test.each(variants.filter((v) => v.kind !== "header").map((v) => [v.kind, v.text, v.meaning]))(
    "%s 「%s」 reads as %s",
    (kind, text, meaning) => {
      const row = kind === "points" ? ["S2", text, "每项"] : ["S2", "1", text];
      const read = () => ruleSetFromRows([["编号", "分值", "扣分方式"], row as string[]], "考核.xlsx");
      if (meaning === null) expect(read).toThrow(/第2行（S2）/);
      else if (kind === "points") expect(read().rules.S2?.points).toBe(meaning);
      else expect(read().rules.S2?.per).toBe(meaning);
    },
  );
});
