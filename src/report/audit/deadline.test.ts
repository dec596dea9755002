/**
 * R1 按时发布, written from 《政府信息公开条例》第四十九条 (departments by 1月31日 of the next year, the 本级人民政府's
 * own report by 3月31日) and the office's 审核要点 (its own day, or one full date): on the deadline is on time, a
 * day after is late (需修改, naming the date, where it was read, the deadline and its basis); a date read only
 * from a PDF file is a warning; no date is 无法判断 with no finding; a date before the year has ended is no
 * publication date. Whose deadline applies: the agencies of test/corpus/dates.json. The real reports the corpus
 * cites, and 淮安's, judged by the dates they carry.
 */
import { corpus } from "../../../test/corpus";
import dates from "../../../test/corpus/dates.json";
import { huaian } from "../../../test/fixtures";
import { defaultRuleSet } from "../rules/ruleset";
import type { RuleSet } from "../rules/ruleset";
import { isGovernment, judgeDeadline } from "./deadline";

const LAST = "落款日期";
const on = (date: string, source = LAST, weak?: boolean) => ({ date, source, ...(weak ? { weak } : {}) });
const dept = { year: 2025, government: false };
const gov = { year: 2025, government: true };

/** The national defaults with R1's parameters as the office writes them. */
function office(params: Record<string, string>): RuleSet {
  const set = defaultRuleSet();
  const r1 = set.rules.R1;
  if (!r1) throw new Error("no R1");
  set.rules.R1 = { ...r1, params: { ...r1.params, ...params } };
  return { ...set, from: "审核要点.xlsx" };
}

describe("whose report has the government's deadline (test/corpus/dates.json agencies)", () => {
  const agencies = dates.agencies;

  test("the family has both kinds, each seen or constructed with why", () => {
    expect(agencies.every((a) => a.seen)).toBe(true);
    expect(new Set(agencies.map((a) => a.meaning))).toEqual(new Set([true, false]));
  });

  test.each(agencies.map((a) => [a.text, a.meaning] as const))("%s: %s", (text, meaning) => {
    expect(isGovernment(text)).toBe(meaning);
  });
});

describe("a department's report (1月31日 of the next year, 条例 第四十九条)", () => {
  test("published on the deadline: 按时, no finding", () => {
    expect(judgeDeadline(on("2026-01-31"), dept)).toEqual({ state: "按时", deadline: "2026-01-31" });
  });

  test("a day late: 逾期, an error naming the date, where it was read, the deadline, its basis and the days", () => {
    const j = judgeDeadline(on("2026-02-01"), dept);
    expect([j.state, j.deadline, j.finding?.rule, j.finding?.severity, j.finding?.where]).toEqual([
      "逾期",
      "2026-01-31",
      "R1",
      "error",
      LAST,
    ]);
    for (const words of [
      "落款日期为2026年2月1日",
      "2026年1月31日",
      "《政府信息公开条例》第四十九条",
      "逾期1天",
    ])
      expect(j.finding?.message).toContain(words);
    expect(j.finding?.message).toContain("政府部门");
  });

  test("no date found: 无法判断 and no finding (the review lists it in its own column)", () => {
    expect(judgeDeadline(null, dept)).toEqual({ state: "无法判断", deadline: "2026-01-31" });
    expect(judgeDeadline(undefined, dept)).toEqual({ state: "无法判断", deadline: "2026-01-31" });
  });

  test("a date before the year has ended cannot be its publication: 无法判断, a warning saying so", () => {
    const j = judgeDeadline(on("2025-01-20"), dept);
    expect([j.state, j.finding?.severity]).toEqual(["无法判断", "warning"]);
    expect(j.finding?.message).toContain("2025年1月20日");
    expect(j.finding?.message).toContain("2025年12月31日");
    // The last day of the year too; the first of the next is a date like any other.
    expect(judgeDeadline(on("2025-12-31"), dept).state).toBe("无法判断");
    expect(judgeDeadline(on("2026-01-01"), dept)).toEqual({ state: "按时", deadline: "2026-01-31" });
  });
});

describe("a 人民政府's own report (3月31日)", () => {
  test("on 3月31日 按时; on 4月1日 逾期, the basis saying it is the government's report", () => {
    expect(judgeDeadline(on("2026-03-31", "网页的发布日期"), gov)).toEqual({
      state: "按时",
      deadline: "2026-03-31",
    });
    const j = judgeDeadline(on("2026-04-01", "网页的发布日期"), gov);
    expect([j.state, j.finding?.severity, j.finding?.where]).toEqual(["逾期", "error", "网页的发布日期"]);
    expect(j.finding?.message).toContain("本级人民政府");
    expect(j.finding?.message).toContain("3月31日");
  });

  test("the same date is late for a department and on time for the government", () => {
    expect(judgeDeadline(on("2026-02-20"), dept).state).toBe("逾期");
    expect(judgeDeadline(on("2026-02-20"), gov).state).toBe("按时");
  });
});

describe("a date read only from a PDF file's creation (weak)", () => {
  test("late: a warning, never an error, saying it is only the file's date", () => {
    const j = judgeDeadline(on("2026-02-05", "PDF 文件的创建日期（仅供参考）", true), dept);
    expect([j.state, j.finding?.severity]).toEqual(["逾期", "warning"]);
    expect(j.finding?.message).toContain("PDF 文件的创建日期");
    expect(j.finding?.message).toContain("不一定是发布日期");
  });

  test("on time: 按时, no finding", () => {
    expect(judgeDeadline(on("2026-01-10", "PDF 文件的创建日期（仅供参考）", true), dept)).toEqual({
      state: "按时",
      deadline: "2026-01-31",
    });
  });
});

describe("the office's own deadline (审核要点)", () => {
  test("an earlier day (怀化's 1月28日): late after it, the basis 本级要求 naming the setting", () => {
    const set = office({ 部门截止日期: "1月28日" });
    expect(judgeDeadline(on("2026-01-28"), { ...dept, set })).toEqual({
      state: "按时",
      deadline: "2026-01-28",
    });
    const j = judgeDeadline(on("2026-01-29"), { ...dept, set });
    expect([j.state, j.deadline, j.finding?.severity]).toEqual(["逾期", "2026-01-28", "error"]);
    expect(j.finding?.message).toContain("本级要求");
    expect(j.finding?.message).toContain("1月28日");
    expect(j.finding?.message).not.toContain("第四十九条");
  });

  test("one full date: that day whatever the year; the government's own setting is its own", () => {
    const set = office({ 部门截止日期: "2026年2月10日", 人民政府截止日期: "3月15日" });
    expect(judgeDeadline(on("2026-02-05"), { ...dept, set })).toEqual({
      state: "按时",
      deadline: "2026-02-10",
    });
    expect(judgeDeadline(on("2026-03-16"), { ...gov, set }).deadline).toBe("2026-03-15");
    expect(judgeDeadline(on("2026-03-16"), { ...gov, set }).finding?.message).toContain("本级要求");
  });

  test("the national day written by the office is still the 条例's", () => {
    const j = judgeDeadline(on("2026-02-02"), { ...dept, set: office({ 部门截止日期: "01-31" }) });
    expect(j.finding?.message).toContain("第四十九条");
  });
});

describe("the real reports: no false finding", () => {
  const reports = corpus<string>("dates").filter((v) => v.report && v.meaning !== "none");

  test.each(
    reports.map((v) => {
      const r = v.report as { agency: string; year: number; state: string };
      return [r.agency, r.year, v.meaning, r.state] as const;
    }),
  )("%s %i, dated %s: %s", (agency, year, date, state) => {
    const j = judgeDeadline(on(date), { year, government: isGovernment(agency) });
    expect(j.state).toBe(state);
    expect(j.finding).toBeUndefined();
  });

  test("淮安市人民政府's 2024 report, published 2025-02-25: the government's deadline, 按时", () => {
    const h = huaian();
    const published = /published (\d{4}-\d{2}-\d{2})/.exec(h.source)?.[1] as string;
    expect(published).toBe("2025-02-25");
    expect(
      judgeDeadline(on(published, "网页的发布日期"), { year: h.year, government: isGovernment(h.agency) }),
    ).toEqual({ state: "按时", deadline: "2025-03-31" });
  });
});
