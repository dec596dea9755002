/**
 * 汇总分析, every expected number worked by hand from the printed tables (淮安市人民政府's 2024 report,
 * test/fixtures) or from the small batches made here — never from the code under test: the figures of a unit,
 * blanks where a report gives no row (never 0), a share with 办结 0 blank, 合计 rates from the sums, medians of
 * odd and even batches, and each marking threshold tripped and just missed.
 */
import { huaianTables } from "../../../test/fixtures";
import { analysisSheet } from "../analysisSheet";
import { getFormat, numberRows } from "../formats";
import type { FormatId } from "../formats";
import { review } from "../review";
import type { ReadUnit } from "../review";
import type { Num, Table3, TableSet } from "../tables/tables";
import { analyse, ANALYSIS_RULE, analysisRuleText, median } from "./analysis";
import type { AnalysisInput } from "./analysis";

/**
 * A unit's tables from 表三's 总计 of each row (in 自然人 too; the rest 0): every row of its format given, 0 where
 * not named, unless `only` — then only the rows named (a report that gives no more).
 */
function tables(
  agency: string,
  totals: Record<string, Num>,
  o: { year?: number; format?: FormatId; t4?: Num[]; only?: boolean } = {},
): TableSet {
  const format = o.format ?? "2021";
  const keys = o.only ? Object.keys(totals) : numberRows(getFormat(format)).map((r) => r.key);
  const t3: Table3 = {};
  for (const k of keys) {
    const v = k in totals ? totals[k] : 0;
    t3[k] = [v, 0, 0, 0, 0, 0, v];
  }
  return { format, year: o.year ?? 2025, agency, t2: null, t3, t4: o.t4 ?? new Array<Num>(15).fill(0) };
}

/** A unit that received `n`, gave `granted` of them in full and could not give the rest (u1). */
const unit = (name: string, n: number, granted = n, last?: TableSet): AnalysisInput => ({
  unit: name,
  tables: tables(name, { new: n, grant: granted, u1: n - granted, total: n }),
  ...(last ? { previousTables: last } : {}),
});
const lastYear = (name: string, n: number, granted = n) =>
  tables(name, { new: n, grant: granted, u1: n - granted, total: n }, { year: 2024 });
const reasons = (input: AnalysisInput[]) =>
  Object.fromEntries(analyse(input, 2025).units.map((u) => [u.unit, u.reasons]));

describe("a unit's figures, from 淮安市人民政府's printed 2024 tables", () => {
  const a = analyse([{ unit: "淮安市人民政府", tables: huaianTables() }], 2024);
  const u = a.units[0];

  test("表三: 新收, 结转, 办结 (三's 总计, not 四), and the shares of 办结", () => {
    expect([u.new, u.carry, u.decided, u.forward]).toEqual([3119, 34, 3050, 103]);
    expect(u.openRate).toBeCloseTo((1362 + 454) / 3050, 12); // 予以公开 + 部分公开
    expect(u.denyRate).toBeCloseTo((2 + 31 + 5 + 6 + 8 + 12 + 9 + 105) / 3050, 12); // 178, 不予公开 1.–8.
    expect(u.unableRate).toBeCloseTo((769 + 11 + 1) / 3050, 12); // 781
    expect(u.noactionRate).toBeCloseTo((62 + 25 + 0 + 0 + 1) / 3050, 12); // 88
  });

  test("表四: 复议 351 and 诉讼 26 + 20; 纠错率 over those decided (尚未审结 left out)", () => {
    expect(u.review).toBe(351);
    expect(u.reviewCorrectionRate).toBeCloseTo(64 / (72 + 64 + 178), 12);
    expect(u.litigation).toBe(26 + 20);
    expect(u.litigationCorrectionRate).toBeCloseTo((4 + 1) / (13 + 4 + 8 + 12 + 1 + 1), 12);
  });

  test("alone it is compared with no batch: only its 结果纠正 are marked; no last year, no 同比", () => {
    expect(u.reasons).toEqual(["行政复议结果纠正 64 件", "行政诉讼结果纠正 5 件"]);
    expect([u.newChange, u.openRateChange]).toEqual([null, null]);
    expect(a.total?.openRate).toBeCloseTo(1816 / 3050, 12);
    expect(a.median?.new).toBe(3119);
  });

  test("against itself as last year's: 同比 0", () => {
    const last = huaianTables();
    const b = analyse(
      [{ unit: "淮安", tables: { ...huaianTables(), year: 2025 }, previousTables: last }],
      2025,
    );
    expect([b.units[0].newChange, b.units[0].openRateChange]).toEqual([0, 0]);
  });
});

describe("the batch's 合计 and 中位数", () => {
  test("median: the middle of an odd count, the mean of the middle two of an even one, blanks left out", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 5, null])).toBe(5);
    expect(median([null])).toBeNull();
  });

  test("合计 rates come from the sums, not the mean of the units' rates", () => {
    const a = analyse([unit("甲", 1, 1), unit("乙", 100, 10)], 2025);
    expect(a.total?.new).toBe(101);
    expect(a.total?.openRate).toBeCloseTo((1 + 10) / (1 + 100), 12); // not (100% + 10%) / 2
    expect(a.median?.openRate).toBeCloseTo((1 + 0.1) / 2, 12); // the median of two is their mean
  });

  test("a 2019-format unit and a pre-2019 one that gives fewer rows: its blanks stay blank, 合计 over those given", () => {
    const u2021 = tables("甲", {
      new: 40,
      grant: 20,
      partial: 4,
      d4: 2,
      u1: 6,
      n2: 2,
      o1: 2,
      o3: 4,
      total: 40,
    });
    const u2019 = tables(
      "乙",
      { new: 30, carry: 2, grant: 10, partial: 2, d1: 1, u1: 10, u2: 2, n1: 3, o: 2, total: 30, fwd: 2 },
      { format: "2019" },
    );
    const old = tables(
      "丙",
      { new: 12, grant: 8, total: 11, fwd: 1 },
      { format: "2008", only: true, t4: new Array<Num>(15).fill(null) },
    );
    const a = analyse(
      [u2021, u2019, old].map((t) => ({ unit: t.agency, tables: t })),
      2025,
    );
    const [j, y, b] = a.units;
    expect([j.openRate, j.denyRate, j.unableRate, j.noactionRate]).toEqual([24 / 40, 2 / 40, 6 / 40, 2 / 40]);
    expect([y.openRate, y.denyRate, y.unableRate, y.noactionRate]).toEqual([
      12 / 30,
      1 / 30,
      12 / 30,
      3 / 30,
    ]);
    // 丙 gives no 上年结转, 部分公开, 不予公开…, nor 表四: blank, never 0.
    expect([b.new, b.carry, b.decided, b.forward, b.openRate, b.denyRate, b.review, b.litigation]).toEqual([
      12,
      null,
      11,
      1,
      null,
      null,
      null,
      null,
    ]);
    const t = a.total;
    expect([t?.new, t?.carry, t?.decided, t?.forward, t?.review]).toEqual([82, 2, 81, 3, 0]);
    expect(t?.openRate).toBeCloseTo((24 + 12) / (40 + 30), 12); // 丙's 办结 left out: it gives no 部分公开
    expect(t?.unableRate).toBeCloseTo((6 + 12) / (40 + 30), 12);
    expect(t?.reviewCorrectionRate).toBeNull(); // nothing decided: 0 / 0
    const m = a.median;
    expect([m?.new, m?.carry, m?.decided, m?.forward, m?.openRate]).toEqual([30, 1, 30, 1, 0.5]);
    // Rates are given by two units only (fewer than 3): not compared; 新收 12 < 30 / 2 is.
    expect(reasons([u2021, u2019, old].map((x) => ({ unit: x.agency, tables: x })))).toEqual({
      甲: [],
      乙: [],
      丙: ["新收申请 12 件，不到中位数 30 件的一半"],
    });
  });

  test("办结 0: every share blank, not 0 or NaN, in the unit and in the sheet", () => {
    const a = analyse([{ unit: "甲", tables: tables("甲", { new: 5, fwd: 5 }) }], 2025);
    const u = a.units[0];
    expect([u.decided, u.openRate, u.denyRate, u.unableRate, u.noactionRate]).toEqual([
      0,
      null,
      null,
      null,
      null,
    ]);
    expect(a.total?.openRate).toBeNull();
  });
});

describe("the marking rule, each threshold tripped and just missed", () => {
  test("exactly twice the median, or exactly half, is not marked; beyond it is", () => {
    expect(reasons([unit("甲", 10), unit("乙", 20), unit("丙", 40)])).toEqual({ 甲: [], 乙: [], 丙: [] });
    expect(reasons([unit("甲", 10), unit("乙", 20), unit("丙", 42)]).丙).toEqual([
      "新收申请 42 件，为中位数 20 件的 2.1 倍",
    ]);
    expect(reasons([unit("甲", 86), unit("乙", 20), unit("丙", 20)]).甲).toEqual([
      "新收申请 86 件，为中位数 20 件的 4.3 倍",
    ]);
  });

  test("a unit with 10 applications is compared, one with 9 is not", () => {
    expect(reasons([unit("甲", 10), unit("乙", 30), unit("丙", 30)]).甲).toEqual([
      "新收申请 10 件，不到中位数 30 件的一半",
    ]);
    expect(reasons([unit("甲", 9), unit("乙", 30), unit("丙", 30)]).甲).toEqual([]);
  });

  test("a batch of two is not compared at all", () => {
    expect(reasons([unit("甲", 10), unit("乙", 300)])).toEqual({ 甲: [], 乙: [] });
  });

  test("rates: half the median's 予以公开率 is not marked, less is; a median of 0 compares nothing", () => {
    const batch = (granted: number) => [unit("甲", 100, 50), unit("乙", 100, 60), unit("丙", 100, granted)];
    expect(reasons(batch(25)).丙).toEqual([]); // 25% = 50% / 2
    expect(reasons(batch(24)).丙).toEqual(["予以公开率 24%，不到中位数 50% 的一半"]);
    const denied = (d1: number) => ({
      unit: `不予${d1}`,
      tables: tables(`不予${d1}`, { new: 100, grant: 100 - d1, d1, total: 100 }),
    });
    expect(reasons([denied(10), denied(10), denied(30)]).不予30).toEqual([
      "不予公开占比 30%，为中位数 10% 的 3 倍",
    ]);
    // 不予处理: 0, 0 and 10% — the median is 0, nothing is twice it.
    const n1 = { unit: "丙", tables: tables("丙", { new: 100, grant: 90, n1: 10, total: 100 }) };
    expect(reasons([unit("甲", 100), unit("乙", 100), n1]).丙).toEqual([]);
  });

  test("新收同比: +50% is not marked, +51% is; −60% is; under 10 applications both years, not compared", () => {
    const u = (n: number, last: number) => unit("甲", n, n, lastYear("甲", last));
    expect(reasons([u(15, 10)]).甲).toEqual([]);
    expect(reasons([u(151, 100)]).甲).toEqual(["新收申请同比增长 51%（上年 100 件）"]);
    expect(reasons([u(22, 10)]).甲).toEqual(["新收申请同比增长 120%（上年 10 件）"]);
    expect(reasons([u(20, 50)]).甲).toEqual(["新收申请同比下降 60%（上年 50 件）"]);
    expect(reasons([u(9, 4)]).甲).toEqual([]); // +125%, but 9 and 4 applications
    expect(analyse([u(9, 0)], 2025).units[0].newChange).toBeNull(); // no base to compare with
  });

  test("予以公开率同比: 20 points down is not marked, 21 is; last year's tables of another year are no 同比", () => {
    const u = (granted: number) => unit("甲", 100, granted, lastYear("甲", 100, 60));
    expect(reasons([u(40)]).甲).toEqual([]);
    expect(reasons([u(39)]).甲).toEqual(["予以公开率同比下降 21 个百分点（上年 60%，本年 39%）"]);
    expect(analyse([u(39)], 2025).units[0].openRateChange).toBeCloseTo(0.39 - 0.6, 12);
    const twoYears = { ...lastYear("甲", 10), year: 2023 };
    expect(analyse([unit("甲", 100, 100, twoYears)], 2025).units[0].newChange).toBeNull();
  });

  test("any 结果纠正, of 复议 or of 诉讼, is marked; 纠错率 leaves 尚未审结 out", () => {
    // 复议: 维持 3, 纠正 2, 其他 1, 尚未审结 4, 总计 10; 复议后起诉: 纠正 1, 总计 1.
    const t4 = [3, 2, 1, 4, 10, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1];
    const a = analyse([{ unit: "甲", tables: tables("甲", { new: 1, grant: 1, total: 1 }, { t4 }) }], 2025);
    expect(a.units[0].reasons).toEqual(["行政复议结果纠正 2 件", "行政诉讼结果纠正 1 件"]);
    expect(a.units[0].reviewCorrectionRate).toBe(2 / (3 + 2 + 1));
    expect(a.units[0].litigationCorrectionRate).toBe(1 / 1);
  });

  test("the rule as data, and in words", () => {
    expect(ANALYSIS_RULE).toEqual({
      far: 2,
      minApplications: 10,
      minUnits: 3,
      newChange: 0.5,
      openRateChange: 0.2,
    });
    expect(analysisRuleText()).toContain("高于本批中位数的2倍或低于中位数的一半");
    expect(analysisRuleText()).toContain("新收申请同比增减超过50%");
    expect(analysisRuleText()).toContain("予以公开率同比增减超过20个百分点");
  });
});

describe("in the review, and as the 汇总分析 sheet", () => {
  const read = (unit: string, t: TableSet, more: Partial<ReadUnit> = {}): ReadUnit => ({
    unit,
    file: `${unit}.json`,
    tables: t,
    findings: [],
    ...more,
  });

  test("the units of the year read, last year's tables kept from the first of a unit's files", () => {
    const r = review(
      [
        read("甲", tables("甲", { new: 22, grant: 22, total: 22 }), { previousTables: lastYear("甲", 10) }),
        read("甲", tables("甲", { new: 22, grant: 22, total: 22 }), {
          file: "甲.xlsx",
          previousTables: lastYear("甲", 22),
        }),
        read("乙", tables("乙", { new: 5 }, { year: 2024 })),
        { unit: "丙", file: "丙.pdf", reason: "扫描件" },
      ],
      { year: 2025 },
    );
    expect(r.analysis.units.map((u) => [u.unit, u.newChange])).toEqual([["甲", (22 - 10) / 10]]);
  });

  test("the sheet: a row a unit, 合计, 中位数, the notes and the rule; shares as numbers; blanks empty", () => {
    const r = review(
      [
        read("甲", tables("甲", { new: 40, grant: 30, u1: 10, total: 40 })),
        read("乙", tables("乙", { new: 12, grant: 8, total: 11, fwd: 1 }, { format: "2008", only: true })),
      ],
      { year: 2025 },
    );
    const s = analysisSheet(r);
    expect(s.name).toBe("汇总分析");
    expect(s.header).toEqual([
      "单位",
      "新收申请",
      "上年结转",
      "办结",
      "予以公开率",
      "不予公开占比",
      "无法提供占比",
      "不予处理占比",
      "结转下年度",
      "行政复议",
      "复议纠错率",
      "行政诉讼",
      "诉讼纠错率",
      "新收申请同比",
      "予以公开率同比（百分点）",
      "说明",
    ]);
    expect(s.bars).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(s.percent).toEqual([4, 5, 6, 7, 10, 12, 13]);
    expect(s.rows[0]).toEqual(["甲", 40, 0, 40, 30 / 40, 0, 10 / 40, 0, 0, 0, "", 0, "", "", "", ""]);
    expect(s.rows[1]).toEqual(["乙", 12, "", 11, "", "", "", "", 1, 0, "", 0, "", "", "", ""]);
    // 合计: 新收 40 + 12, 办结 40 + 11; 予以公开率 from 甲 alone (乙 gives no 部分公开).
    expect(s.rows[2].slice(0, 5)).toEqual(["合计", 52, 0, 51, 30 / 40]);
    expect(s.rows[3].slice(0, 4)).toEqual(["中位数", 26, 0, 25.5]);
    expect(s.rows[s.rows.length - 1]).toEqual([analysisRuleText()]);
    expect(s.rows.some((row) => row.some((c) => typeof c === "number" && Number.isNaN(c)))).toBe(false);
  });

  test("a unit whose files disagree is left out, as the total leaves it out, and named", () => {
    const r = review(
      [
        read("甲", tables("甲", { new: 22, grant: 22, total: 22 })),
        read("甲", tables("甲", { new: 23, grant: 23, total: 23 }), { file: "甲.xlsx" }),
      ],
      { year: 2025 },
    );
    expect([r.analysis.units, r.analysis.uncounted]).toEqual([[], ["甲"]]);
    expect(analysisSheet(r).rows).toEqual([
      ["没有可以分析的单位"],
      ["未列入的单位：甲（报送的几份文件数字不同，待确认以哪一份为准）"],
    ]);
  });

  test("no unit of the year: the sheet says so", () => {
    const r = review([{ unit: "丙", file: "丙.pdf", reason: "扫描件" }], { year: 2025 });
    expect(analysisSheet(r).rows).toEqual([["没有可以分析的单位"]]);
    expect(r.analysis.total).toBeNull();
  });
});
