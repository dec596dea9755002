/**
 * The completeness rules (C1–C5) on reports written the ways people write them. The headings are the
 * template's, as the spec gives them (test/fixtures/template-labels.md), typed here by hand.
 */
import { getFormat } from "../formats";
import { completenessFindings } from "./complete";

const HEADINGS = [
  "一、总体情况",
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "六、其他需要报告的事项",
];

/** A whole report's paragraphs, each part replaceable. */
function report(over: { title?: string; lead?: string; five?: string; six?: string; order?: number[] } = {}) {
  const body: Record<number, string[]> = {
    0: ["2025年，本局认真贯彻落实《条例》。"],
    1: [],
    2: [],
    3: [],
    4: [over.five ?? "部分栏目更新不够及时。下一步将加强审核，按时更新。"],
    5: [over.six ?? "本年度未收取信息处理费。"],
  };
  return [
    over.title ?? "某县住房和城乡建设局2025年政府信息公开工作年度报告",
    over.lead ?? "本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。",
    ...(over.order ?? [0, 1, 2, 3, 4, 5]).flatMap((i) => [HEADINGS[i], ...body[i]]),
  ];
}

const rules = (paragraphs: string[], id: "2021" | "2019" = "2021", year?: number) =>
  completenessFindings(getFormat(id), paragraphs, year ? { year } : {}).map((f) => `${f.rule}:${f.where}`);

test("a whole report, spaces and widths as people type them: nothing to say", () => {
  expect(rules(report())).toEqual([]);
  const spaced = report().map((p) =>
    HEADINGS.includes(p) ? p.replace("、", "、 ").replace(/(.)$/, " $1") : p,
  );
  expect(rules(spaced)).toEqual([]);
});

test("C1: a section missing or out of order is an error naming it", () => {
  const noFive = report().filter((p) => p !== HEADINGS[4] && !p.startsWith("部分栏目"));
  const f = completenessFindings(getFormat("2021"), noFive);
  expect(f.map((x) => [x.rule, x.severity, x.where])).toEqual([["C1", "error", "text.s5"]]);
  expect(f[0].message).toContain("五、存在的主要问题及改进情况");
  expect(rules(report({ order: [0, 1, 3, 2, 4, 5] }))).toEqual(["C1:text.s4"]);
});

test("C2: 五 empty, 无, 暂无 or our 【请填写】 prompt; C3: 六 silent on 信息处理费 (2021 only)", () => {
  for (const five of ["无", "无。", "暂无", "【请填写：存在的主要问题及改进情况】"])
    expect(rules(report({ five }))).toEqual(["C2:text.s5"]);
  expect(rules(report({ six: "无。" }))).toEqual(["C3:text.s6"]);
  expect(rules(report({ six: "无。" }), "2019")).toEqual([]);
  expect(rules(report({ six: "本机关未收取任何费用。" }))).toEqual([]);
});

test("C4: the title's form and, in a review, its year; C5: the 统计期限 in the lead", () => {
  expect(rules(report({ title: "某县住房和城乡建设局2025年度政府信息公开工作报告" }))).toEqual([
    "C4:text.title",
  ]);
  expect(rules(report(), "2021", 2026)).toEqual(["C4:text.title"]);
  // The agency on the line above the year and the words, as 公文 titles are often broken.
  expect(rules(["某县住房和城乡建设局", ...report({ title: "2025年政府信息公开工作年度报告" })])).toEqual([]);
  expect(rules(report({ title: "2025年政府信息公开工作年度报告" }))).toEqual(["C4:text.title"]);
  expect(rules(report({ lead: "现将本局2025年政府信息公开工作情况报告如下。" }))).toEqual(["C5:text.lead"]);
  expect(rules(report({ lead: "统计期限为2025年1月1日至2025年12月31日。" }))).toEqual([]);
});

test("a table excerpt (no title, no heading) is no report: nothing to say", () => {
  expect(rules(["表三 收到和处理政府信息公开申请情况", "（本列数据的勾稽关系为…）"])).toEqual([]);
});

test("C4 (R6): a title not in the template's form says how it differs and the title it should be", () => {
  const c4 = (title: string) =>
    completenessFindings(getFormat("2021"), report({ title })).filter((f) => f.rule === "C4");
  const agency = "某县住房和城乡建设局";
  const should = `「${agency}2025年政府信息公开工作年度报告」`;
  for (const [title, says] of [
    [`${agency}2025年政府信息公开工作报告`, "「工作报告」"],
    [`${agency}2025年政府信息公开年度工作报告`, "「年度工作报告」"],
    [`${agency}2025年政府信息公开工作的年度报告`, "「工作的年度报告」"],
    [`${agency}2025年度政府信息公开工作年度报告`, "「2025年度」"],
    [`2025年${agency}政府信息公开工作年度报告`, "年份写在机关名称之前"],
  ]) {
    const f = c4(title);
    expect(f.map((x) => x.severity)).toEqual(["warning"]);
    expect(f[0].message).toContain(says);
    expect(f[0].message).toContain(should);
  }
  // No unit's name, or the report's own word for itself: the unit is missing.
  expect(c4("2025年政府信息公开工作年度报告")[0].message).toContain("缺少机关名称");
  expect(c4("本局2025年政府信息公开工作年度报告")[0].message).toContain("以「本局」代替机关名称");
  // The template's form passes.
  expect(c4(`${agency}2025年政府信息公开工作年度报告`)).toEqual([]);
});

test("C5 (R8): the period with both ends and of the report's year", () => {
  const c5 = (lead: string, year?: number, extra: string[] = []) =>
    completenessFindings(getFormat("2021"), [...report({ lead }), ...extra], year ? { year } : {}).filter(
      (f) => f.rule === "C5",
    );
  // A 2024 period in a 2025 report: wrong year, both named.
  const wrong = c5("本报告所列数据的统计期限为2024年1月1日至2024年12月31日。");
  expect(wrong.map((f) => f.severity)).toEqual(["warning"]);
  expect(wrong[0].message).toMatch(/年份与报告年度不符.*2024年.*2025年/);
  // One end only: incomplete, whatever its year.
  expect(c5("所列数据截止日期为2025年12月31日")[0].message).toMatch(/不完整/);
  expect(c5("本报告所列数据统计期限自2025年1月1日起。")[0].message).toMatch(/不完整/);
  // The period of the report's year, the end's year implied: stated.
  expect(c5("本报告所列数据统计期限为2025年1月1日至12月31日。")).toEqual([]);
  // A comparison with last year's period in 一 beside the lead's right one: stated.
  expect(
    c5("统计期限为2025年1月1日至2025年12月31日。", undefined, [
      "与2024年1月1日至2024年12月31日相比，增加3条。",
    ]),
  ).toEqual([]);
  // A review of 2026 with the 2025 report: the title's year differs (C4), the period agrees with the title.
  expect(c5("统计期限为2025年1月1日至2025年12月31日。", 2026)).toEqual([]);
});
