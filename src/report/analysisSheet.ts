/**
 * The 汇总分析 sheet (./audit/analysis computes it): one row per unit of the review's year that was read, then the
 * batch's 合计 and 中位数, then notes — what each column means, what a blank cell means, and the marking rule.
 * Shares are written as numbers (0.63) in the columns `percent` lists; volumes and rates carry data bars.
 */
import { analysisRuleText } from "./audit/analysis";
import type { Analysis, FigureKey, Figures } from "./audit/analysis";
import type { ReviewResult } from "./review";

import type { ReviewCell, ReviewSheet } from "./sheet";

export const ANALYSIS_SHEET_NAME = "汇总分析";

type Kind = "count" | "share" | "change" | "points";

/** The sheet's number columns, after 单位: the figure each shows and how. */
export const ANALYSIS_COLUMNS: { label: string; key: FigureKey; kind: Kind; width: number }[] = [
  { label: "新收申请", key: "new", kind: "count", width: 10 },
  { label: "上年结转", key: "carry", kind: "count", width: 10 },
  { label: "办结", key: "decided", kind: "count", width: 10 },
  { label: "予以公开率", key: "openRate", kind: "share", width: 12 },
  { label: "不予公开占比", key: "denyRate", kind: "share", width: 12 },
  { label: "无法提供占比", key: "unableRate", kind: "share", width: 12 },
  { label: "不予处理占比", key: "noactionRate", kind: "share", width: 12 },
  { label: "结转下年度", key: "forward", kind: "count", width: 10 },
  { label: "行政复议", key: "review", kind: "count", width: 10 },
  { label: "复议纠错率", key: "reviewCorrectionRate", kind: "share", width: 12 },
  { label: "行政诉讼", key: "litigation", kind: "count", width: 10 },
  { label: "诉讼纠错率", key: "litigationCorrectionRate", kind: "share", width: 12 },
  { label: "新收申请同比", key: "newChange", kind: "change", width: 12 },
  { label: "予以公开率同比（百分点）", key: "openRateChange", kind: "points", width: 14 },
];

/** What the columns are, as the sheet's first note says. */
export const ANALYSIS_DEFINITIONS =
  "说明：新收申请、上年结转为表三“一”“二”项的总计；办结为表三“三、本年度办理结果”的总计（不含结转下年度）；" +
  "予以公开率＝（予以公开＋部分公开）÷办结，不予公开、无法提供、不予处理占比的分母也是办结；" +
  "行政诉讼为未经复议直接起诉与复议后起诉之和；纠错率＝结果纠正÷已审结（结果维持＋结果纠正＋其他结果，不含尚未审结）；" +
  "同比与对照的上年度报告相比。";

/** What a blank cell and the 合计/中位数 rows mean. */
export const ANALYSIS_BLANKS =
  "空白：报告未列出该项（如2019年以前格式的报告），办结或已审结为0无法计算比例，或未对照上年报告；" +
  "合计的数字为各单位之和（只加有数字的单位），合计的比例由相加后的数字计算，不是各单位比例的平均；" +
  "合计的同比只在每个单位都对照了上年报告时计算；中位数只取有数字的单位。";

/** A figure as its cell holds it: a share as a number (0.63), points as 百分点 (−30.5), blank for null. */
function value(f: Figures, key: FigureKey, kind: Kind): ReviewCell {
  const v = f[key];
  if (v === null) return "";
  return kind === "points" ? Math.round(v * 1000) / 10 : v;
}

const cells = (f: Figures): ReviewCell[] => ANALYSIS_COLUMNS.map((c) => value(f, c.key, c.kind));

/** The rows of 汇总分析 for an analysis (units, 合计, 中位数, notes). */
export function analysisRows(a: Analysis): ReviewCell[][] {
  const left = a.uncounted.length
    ? [[`未列入的单位：${a.uncounted.join("、")}（报送的几份文件数字不同，待确认以哪一份为准）`]]
    : [];
  if (!a.units.length) return [["没有可以分析的单位"], ...left];
  return [
    ...a.units.map((u) => [u.unit, ...cells(u), u.reasons.join("；")]),
    ...(a.total ? [["合计", ...cells(a.total), ""]] : []),
    ...(a.median ? [["中位数", ...cells(a.median), ""]] : []),
    [],
    [ANALYSIS_DEFINITIONS],
    [ANALYSIS_BLANKS],
    ...left,
    [analysisRuleText(a.rule)],
  ];
}

/** 汇总分析 as a sheet: the volumes and rates with data bars, the shares as percentages. */
export function analysisSheet(r: ReviewResult): ReviewSheet {
  const at = (kinds: Kind[]) => ANALYSIS_COLUMNS.flatMap((c, i) => (kinds.includes(c.kind) ? [i + 1] : []));
  return {
    name: ANALYSIS_SHEET_NAME,
    header: ["单位", ...ANALYSIS_COLUMNS.map((c) => c.label), "说明"],
    widths: [28, ...ANALYSIS_COLUMNS.map((c) => c.width), 60],
    rows: analysisRows(r.analysis),
    statusColumn: -1,
    bars: at(["count", "share"]),
    barRows: r.analysis.units.length,
    percent: at(["share", "change"]),
  };
}
