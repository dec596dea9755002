/**
 * 审核要点 as offices write them: the national defaults, a sheet with its own header words and a title row, a
 * further parameter on a row of its own, JSON in two shapes; every bad cell refused, named by its row; and how a
 * set handles findings (off, 需修改, 提示).
 */
import type { Finding } from "../tables/findings";
import { SEVERITY } from "../tables/findings";
import { ruleSetFromJson, ruleSetFromRows, ruleSetRows, RULE_COLUMNS } from "./parse";
import {
  applyRuleSet,
  countParam,
  deadlineParam,
  defaultRuleSet,
  parseDeadline,
  parseShare,
  ruleOn,
  RULES,
  shareParam,
} from "./ruleset";

describe("审核要点", () => {
  test("the national defaults: R1 1月31日 and 3月31日 (条例 第四十九条), 雷同 50%, the 2025 asks off", () => {
    const set = defaultRuleSet();
    expect(deadlineParam(set, "R1", "部门截止日期")).toEqual({ month: 1, day: 31 });
    expect(deadlineParam(set, "R1", "人民政府截止日期")).toEqual({ month: 3, day: 31 });
    expect(shareParam(set, "R29", "雷同比例")).toBe(0.5);
    expect(countParam(set, "R14", "字数上限")).toBe(1000);
    for (const id of ["R14", "R15", "R17"] as const) expect(ruleOn(set, id)).toBe(false);
    for (const id of ["R1", "R29", "X3", "X4", "C1"] as const) expect(ruleOn(set, id)).toBe(true);
    expect(RULES.find((r) => r.id === "R1")?.source).toContain("第四十九条");
    // Every rule has a name and a source a letter can cite.
    for (const r of RULES) expect(r.name && r.source).toBeTruthy();
  });

  test("the sheet the review writes reads back as the set it was written from", () => {
    const set = defaultRuleSet();
    set.rules.R29 = { ...set.rules.R29!, params: { 雷同比例: "60%" } };
    set.rules.R14 = { ...set.rules.R14!, on: true };
    set.rules.C4 = { ...set.rules.C4!, handling: "需修改" };
    const back = ruleSetFromRows([[...RULE_COLUMNS], ...ruleSetRows(set)], "审核结果.xlsx");
    expect(back.rules).toEqual(set.rules);
    // One row per rule, and one more for R1's second deadline.
    expect(ruleSetRows(set)).toHaveLength(RULES.length + 1);
  });

  test("an office's sheet: a title row, its own header words, a rule's second parameter on a row without 编号", () => {
    const rows = [
      ["某县政务公开办 2025年度年报审核要点"],
      ["规则编号", "要点", "是否启用", "处理方式", "设置项", "阈值", "来源"],
      ["R1", "按时发布", "是", "需修改", "部门截止日期", "1月28日", "怀化通知"],
      ["", "", "", "", "人民政府截止日期", "2026年3月15日", ""],
      ["r29", "雷同", "√", "提示", "", "0.6", ""],
      ["R14", "总体情况字数", "启用", "", "字数上限", "1,200字", ""],
      ["C4", "标题", "否", "", "", "", ""],
      [],
    ];
    const set = ruleSetFromRows(rows, "要点.xlsx");
    expect(set.from).toBe("要点.xlsx");
    expect(deadlineParam(set, "R1", "部门截止日期")).toEqual({ month: 1, day: 28 });
    expect(deadlineParam(set, "R1", "人民政府截止日期")).toEqual({ year: 2026, month: 3, day: 15 });
    expect(set.rules.R29).toEqual({ on: true, handling: "提示", params: { 雷同比例: "0.6" } });
    expect(shareParam(set, "R29", "雷同比例")).toBeCloseTo(0.6);
    expect(countParam(set, "R14", "字数上限")).toBe(1200);
    expect(ruleOn(set, "R14")).toBe(true);
    expect(ruleOn(set, "C4")).toBe(false);
    // Rules it does not list keep the national defaults.
    expect(set.rules.X3).toEqual(defaultRuleSet().rules.X3);
  });

  test("nothing guessed: every bad cell refuses the set, each named by its row", () => {
    const rows = [
      ["编号", "启用", "处理", "参数", "参数值"],
      ["R99", "是", "", "", ""],
      ["R1", "也许", "", "", ""],
      ["R29", "", "严重", "", ""],
      ["R29", "", "", "重复率", "50%"],
      ["R14", "", "", "字数上限", "一千"],
      ["C2", "", "", "", "3"],
    ];
    let message = "";
    try {
      ruleSetFromRows(rows, "要点.csv");
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("6处无法使用");
    for (const part of [
      "第2行的编号「R99」",
      "第3行（R1）的「启用」写作「也许」",
      "第4行（R29）的「处理」写作「严重」",
      "第5行（R29）的参数「重复率」不是这条规则的参数（可用：雷同比例）",
      "第6行（R14）的「字数上限」写作「一千」",
      "第7行（C2）这条规则没有参数",
    ])
      expect(message).toContain(part);
    expect(() => ruleSetFromRows([["规则说明"]], "说明.xlsx")).toThrow("没有找到审核要点的表头");
  });

  test("JSON: an array of rows, or under 「审核要点」; booleans and numbers as they come", () => {
    const a = ruleSetFromJson(JSON.stringify([{ 编号: "R29", 启用: false }]), "a.json");
    expect(ruleOn(a, "R29")).toBe(false);
    const b = ruleSetFromJson(
      JSON.stringify({ 审核要点: [{ 编号: "R14", 启用: true, 参数: "字数上限", 参数值: 800 }] }),
      "b.json",
    );
    expect(countParam(b, "R14", "字数上限")).toBe(800);
    expect(() => ruleSetFromJson("{", "c.json")).toThrow("不是有效的 JSON");
    expect(() => ruleSetFromJson('{"x": 1}', "d.json")).toThrow("应为审核要点的数组");
  });

  test("dates, shares as offices write them; impossible ones refused", () => {
    expect(parseDeadline("次年1月31日")).toEqual({ month: 1, day: 31 });
    expect(parseDeadline("01-31")).toEqual({ month: 1, day: 31 });
    expect(parseDeadline("2026.1.28")).toEqual({ year: 2026, month: 1, day: 28 });
    expect(parseDeadline("2月30日")).toBeNull();
    expect(parseDeadline("月底")).toBeNull();
    expect(parseShare("50％")).toBe(0.5);
    expect(parseShare("50")).toBe(0.5);
    expect(parseShare("0")).toBeNull();
    expect(parseShare("150%")).toBeNull();
  });

  test("a set handles findings: off drops them, 提示 softens an error, 需修改 makes the rule's own findings errors", () => {
    const f = (rule: Finding["rule"], severity: Finding["severity"]) => ({
      rule,
      severity,
      where: "text",
      message: rule,
    });
    const set = defaultRuleSet();
    set.rules.C4 = { ...set.rules.C4!, on: false };
    set.rules.P1 = { ...set.rules.P1!, handling: "提示" };
    const out = applyRuleSet(
      [
        f("X3", "warning"),
        f("C1", "warning"),
        f("C1", "error"),
        f("C4", "warning"),
        f("P1", "error"),
        { rule: "读取", severity: "warning" as const, where: "", message: "" },
      ],
      set,
      (r) => SEVERITY[r],
    );
    expect(out.map((x) => `${x.rule}:${x.severity}`)).toEqual([
      "X3:error", // X3 is 需修改 in a review by default (the text contradicts its own tables)
      "C1:warning", // a section there under another wording keeps its weight
      "C1:error",
      "P1:warning",
      "读取:warning", // not the office's to tune
    ]);
  });
});
