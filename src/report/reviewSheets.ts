/**
 * The review's sheets as rows, for every writer: 审核结果.xlsx (ExcelJS), and the sheets the Excel and WPS 表格
 * panes write into the open workbook. 总览 (one row per unit: its file, year, format, how it was read, its
 * status, its errors and warnings, how many are the text contradicting its tables, last year's report,
 * its publication date, where that was read and whether it was on time, its highest share of 雷同 and with whom),
 * 问题清单 (one row per finding), 汇总 (the year's units added up, 需修改 included and named), 审核要点 (the rule set
 * applied, which an office may edit and give back), and 未报送 where a list of units was given. The status
 * column is coloured by each writer with STATUS_FILLS.
 */
import { getFormat, numberRows } from "./formats";
import { SOURCE_LABELS, unitLabel } from "./review";
import type { ReviewResult, ReviewStatus } from "./review";
import { SEVERITY_LABELS } from "./text/labels";
import { percentText } from "./common/printLayout";
import { RULE_COLUMNS, RULE_SHEET_NAME, ruleSetRows } from "./rules/parse";
import { scored } from "./rules/ruleset";
import { deductionText } from "./rules/score";
import { ANALYSIS_SHEET_NAME, analysisSheet } from "./analysisSheet";

export type { ReviewCell, ReviewSheet } from "./sheet";
import type { ReviewCell, ReviewSheet } from "./sheet";

/** Status fills (RGB): green passes, amber warnings, red what must be corrected, grey what could not be judged. */
export const STATUS_FILLS: Record<ReviewStatus, string> = {
  通过: "C6EFCE",
  有提示: "FFEB9C",
  需修改: "FFC7CE",
  年度不符: "FFC7CE",
  无法读取: "D9D9D9",
  未报送: "D9D9D9",
};

export const REVIEW_SHEET_NAMES = [
  "总览",
  "问题清单",
  "汇总",
  ANALYSIS_SHEET_NAME,
  RULE_SHEET_NAME,
  "未报送",
] as const;

function overview(r: ReviewResult): ReviewSheet {
  // 考核 columns only where the office's 审核要点 give points.
  const scoring = scored(r.rules);
  const rows: ReviewCell[][] = r.units.map((u) => [
    unitLabel(u),
    u.file,
    u.year ?? "",
    u.format ?? "",
    u.source ? SOURCE_LABELS[u.source] : (u.reason ?? ""),
    u.status,
    u.errors,
    u.warnings,
    u.x3,
    u.previous ? `已对照上年：${u.previous}` : "未找到上年报告",
    u.published?.date ?? "",
    u.published?.source ?? "",
    u.onTime ?? "",
    u.similar ? `${percentText(u.similar.share)}（${u.similar.with}）` : "",
    ...(scoring ? [u.score?.points ?? "", u.score?.rank ?? "", deductionText(u.score)] : []),
  ]);
  for (const name of r.missing)
    rows.push([
      name,
      "",
      "",
      "",
      "",
      "未报送",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      ...(scoring ? ["", "", ""] : []),
    ]);
  return {
    name: "总览",
    header: [
      "单位",
      "文件",
      "年度",
      "格式",
      "读取方式",
      "状态",
      "错误",
      "提示",
      "其中正文与表格不符",
      "与上年衔接",
      "发布日期",
      "日期来源",
      "是否按时",
      "雷同（最高比例及对象）",
      ...(scoring ? ["得分", "排名", "扣分"] : []),
    ],
    widths: [28, 36, 8, 8, 16, 10, 6, 6, 12, 24, 12, 20, 10, 30, ...(scoring ? [6, 6, 40] : [])],
    rows,
    statusColumn: 5,
  };
}

function findings(r: ReviewResult): ReviewSheet {
  const rows: ReviewCell[][] = [];
  for (const u of r.units) {
    if (u.reason) rows.push([u.unit, "读取", "错误", u.file, u.reason, ""]);
    for (const f of u.findings)
      rows.push([u.unit, f.rule, SEVERITY_LABELS[f.severity], f.place, f.message, f.quote ?? ""]);
  }
  return {
    name: "问题清单",
    header: ["单位", "规则", "严重程度", "位置", "说明", "原文"],
    widths: [28, 8, 8, 24, 90, 60],
    rows,
    statusColumn: -1,
  };
}

function total(r: ReviewResult): ReviewSheet {
  const rows: ReviewCell[][] = [];
  const format = getFormat(r.rollup?.format);
  if (r.rollup) {
    for (const row of numberRows(format))
      rows.push([row.label, ...(r.rollup.t3[row.key] ?? []).map((v) => v ?? "")]);
    rows.push([]);
    rows.push([`表四（行政复议、行政诉讼）：${r.rollup.t4.map((v) => v ?? "").join("、")}`]);
    rows.push([]);
    rows.push([`计入的单位（${r.rollup.units.length}个）：${r.rollup.units.join("、")}`]);
    rows.push([r.rollup.fee]);
    const counted = new Set(r.rollup.units);
    const marked = r.units.filter((u) => u.status === "需修改" && counted.has(u.unit)).map((u) => u.unit);
    if (marked.length) rows.push([`其中需修改的单位：${marked.join("、")}（其数字可能还会改变）`]);
    // Read, of the year, and still not added: a unit whose files disagree (see oneUnitEach).
    const left = r.units
      .filter((u) => u.year === r.year && u.status === "需修改" && !counted.has(u.unit))
      .map((u) => u.unit);
    if (left.length)
      rows.push([`未计入的单位：${left.join("、")}（报送的几份文件数字不同，待确认以哪一份为准）`]);
  } else rows.push(["没有可以汇总的单位"]);
  return {
    name: "汇总",
    header: ["项目", ...format.t3.columns.map((c) => c.label)],
    widths: [40, 8, 8, 8, 8, 8, 8, 8],
    rows,
    statusColumn: -1,
  };
}

/** The 审核要点 the review applied, as an office may give them back with --rules. */
function ruleSheet(r: ReviewResult): ReviewSheet {
  return {
    name: RULE_SHEET_NAME,
    header: [...RULE_COLUMNS],
    widths: [6, 40, 6, 8, 16, 12, 6, 8, 60],
    rows: ruleSetRows(r.rules),
    statusColumn: -1,
  };
}

/** The review's sheets, in order; 未报送 only where a list of units was given and some are missing. */
export function reviewSheets(r: ReviewResult): ReviewSheet[] {
  const sheets = [overview(r), findings(r), total(r), analysisSheet(r), ruleSheet(r)];
  if (r.missing.length)
    sheets.push({
      name: "未报送",
      header: ["单位"],
      widths: [36],
      rows: r.missing.map((m) => [m]),
      statusColumn: -1,
    });
  return sheets;
}

/**
 * A sheet's cells as a rectangle for a spreadsheet's values (header first, short rows padded): a text that a
 * spreadsheet would take for a formula ("=…", "+…", "-…", "@…") gets the apostrophe that keeps it text.
 */
export function reviewSheetValues(s: ReviewSheet): ReviewCell[][] {
  const rows = [s.header, ...s.rows];
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const v = r[i] ?? "";
      return typeof v === "string" && /^[=+\-@]/.test(v) ? `'${v}` : v;
    }),
  );
}

/** The sheets the panes write into the open workbook: the review's, but 汇总, which 写入“汇总”工作表 writes. */
export function paneReviewSheets(r: ReviewResult): ReviewSheet[] {
  return reviewSheets(r).filter((s) => s.name !== "汇总");
}
