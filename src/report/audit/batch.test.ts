/**
 * The review's batch rules per unit: which date stands (the list's over the document's), what the 总览 says of a
 * PDF's creation date after the deadline (无法判断, a warning — no proof of lateness), which units are judged at all
 * (reports of the review's year; a register only where the list gives a date), and 雷同 turned off by the set.
 */
import { defaultRuleSet } from "../rules/ruleset";
import { batchRules } from "./batch";
import type { BatchUnit } from "./batch";

const YEAR = 2025;
const report = (unit: string, extra: Partial<BatchUnit> = {}): BatchUnit => ({
  unit,
  file: `${unit}.html`,
  tables: { year: YEAR, format: "2021" },
  source: "labels",
  ...extra,
});
const on = (date: string, source = "网页的发布日期", weak = false) => ({
  date,
  source,
  ...(weak ? { weak } : {}),
});

test("dates: the list's wins; a late page date is 逾期 (error); a late PDF date is 无法判断 (warning); none, no finding", () => {
  const units = [
    report("甲局", { published: on("2026-02-10") }),
    report("乙局", { published: on("2026-02-10") }),
    report("丙局", { published: on("2026-02-10", "PDF 文件的创建日期（仅供参考）", true) }),
    report("丁局"),
    report("戊局", { source: "register" }),
    report("己局", { source: "register" }),
    report("庚局", { tables: { year: 2024, format: "2021" }, published: on("2026-02-10") }),
  ];
  const listDates = new Map([
    ["乙局", on("2026-01-20", "单位名单的发布日期")],
    ["己局", on("2026-02-02", "单位名单的报送日期")],
  ]);
  const got = batchRules(units, { year: YEAR, set: defaultRuleSet(), listDates });
  const shown = got.map((j, i) => [
    units[i].unit,
    j.onTime,
    j.published?.source ?? null,
    j.findings.map((f) => `${f.rule}:${f.severity}`),
  ]);
  expect(shown).toEqual([
    ["甲局", "逾期", "网页的发布日期", ["R1:error"]],
    ["乙局", "按时", "单位名单的发布日期", []],
    ["丙局", "无法判断", "PDF 文件的创建日期（仅供参考）", ["R1:warning"]],
    ["丁局", "无法判断", null, []],
    // A register is not published: judged only where the list gives its date.
    ["戊局", null, null, []],
    ["己局", "逾期", "单位名单的报送日期", ["R1:error"]],
    // Another year's report is not held to this year's deadline.
    ["庚局", null, "网页的发布日期", []],
  ]);
  expect(got[0].deadline).toBe("2026-01-31");
});

test("雷同 off in the set: no comparison, no 雷同 column; R1 off: no date judged", () => {
  const text =
    "本局围绕优化营商环境，在门户网站开设惠企政策专栏，集中发布减税降费、融资支持和用工服务等政策文件，并配套制作图解和问答材料。".repeat(
      5,
    );
  const units = [report("甲局", { paragraphs: [text] }), report("乙局", { paragraphs: [text] })];
  const set = defaultRuleSet();
  expect(batchRules(units, { year: YEAR, set }).map((j) => j.findings.map((f) => f.rule))).toEqual([
    ["R29"],
    ["R29"],
  ]);
  set.rules.R29 = { ...set.rules.R29!, on: false };
  set.rules.R1 = { ...set.rules.R1!, on: false };
  const off = batchRules(units, { year: YEAR, set });
  expect(off.map((j) => [j.similar, j.onTime, j.findings])).toEqual([
    [null, null, []],
    [null, null, []],
  ]);
});

test("a text copied across a batch: the three reports shared most with named each, the rest in one finding", () => {
  const text =
    "本局围绕优化营商环境，在门户网站开设惠企政策专栏，集中发布减税降费、融资支持和用工服务等政策文件，并配套制作图解和问答材料。".repeat(
      5,
    );
  const names = ["甲局", "乙局", "丙局", "丁局", "戊局", "己局"];
  const got = batchRules(
    names.map((n) => report(n, { paragraphs: [text] })),
    { year: YEAR, set: defaultRuleSet() },
  );
  for (const [i, j] of got.entries()) {
    expect(j.findings.map((f) => f.rule)).toEqual(["R29", "R29", "R29", "R29"]);
    const others = names.filter((n) => n !== names[i]);
    // Every other unit named once: three in their own findings, two in the last.
    for (const other of others)
      expect(j.findings.filter((f) => f.message.includes(`「${other}」`))).toHaveLength(1);
    expect(j.findings[3].message).toMatch(/^另有.*共2份报告/);
  }
});
