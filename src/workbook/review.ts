/**
 * 审核结果.xlsx (ExcelJS): 总览 (one row per unit: its file, year, format, how it was read, its status coloured,
 * its errors and warnings, how many of them are the text contradicting its tables, whether last year's report
 * was found), 问题清单 (one row per finding), 汇总 (the roll-up of the year's units that were read, 需修改
 * included and marked), and 未报送 where a list of units was given. Header rows frozen, filters on.
 */
import ExcelJS from "exceljs";
import { getFormat } from "../report/formats";
import { SOURCE_LABELS } from "../report/review";
import type { ReviewResult, ReviewStatus } from "../report/review";
import { SEVERITY_LABELS } from "../report/text/labels";
import { numberRows } from "../report/formats";

/** Status fills: green passes, amber warnings, red what must be corrected, grey what could not be judged. */
const FILL: Record<ReviewStatus, string> = {
  通过: "FFC6EFCE",
  有提示: "FFFFEB9C",
  需修改: "FFFFC7CE",
  年度不符: "FFFFC7CE",
  无法读取: "FFD9D9D9",
  未报送: "FFD9D9D9",
};

function sheet(wb: ExcelJS.Workbook, name: string, header: string[], widths: number[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return ws;
}

export async function reviewWorkbookBuffer(r: ReviewResult): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "政府信息公开年报助手";
  const overview = sheet(
    wb,
    "总览",
    ["单位", "文件", "年度", "格式", "读取方式", "状态", "错误", "提示", "其中正文与表格不符", "与上年衔接"],
    [28, 36, 8, 8, 16, 10, 6, 6, 12, 24],
  );
  for (const u of r.units) {
    const row = overview.addRow([
      u.unit,
      u.file,
      u.year ?? "",
      u.format ?? "",
      u.source ? SOURCE_LABELS[u.source] : (u.reason ?? ""),
      u.status,
      u.errors,
      u.warnings,
      u.x3,
      u.previous ? `已对照上年：${u.previous}` : "未找到上年报告",
    ]);
    row.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL[u.status] } };
  }
  for (const name of r.missing) {
    const row = overview.addRow([name, "", "", "", "", "未报送"]);
    row.getCell(6).fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL.未报送 } };
  }

  const issues = sheet(
    wb,
    "问题清单",
    ["单位", "规则", "严重程度", "表和单元格", "说明"],
    [28, 8, 8, 24, 90],
  );
  for (const u of r.units) {
    if (u.reason) issues.addRow([u.unit, "读取", "错误", u.file, u.reason]);
    for (const f of u.findings)
      issues.addRow([u.unit, f.rule, SEVERITY_LABELS[f.severity], f.where, f.message]);
  }

  const total = sheet(
    wb,
    "汇总",
    ["项目", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"],
    [40, 8, 8, 8, 8, 8, 8, 8],
  );
  if (r.rollup) {
    const format = getFormat(r.rollup.format);
    for (const row of numberRows(format)) total.addRow([row.label, ...(r.rollup.t3[row.key] ?? [])]);
    total.addRow([]);
    total.addRow([`表四（行政复议、行政诉讼）：${r.rollup.t4.join("、")}`]);
    total.addRow([]);
    const marked = r.units.filter((u) => u.status === "需修改").map((u) => u.unit);
    total.addRow([`计入的单位（${r.rollup.units.length}个）：${r.rollup.units.join("、")}`]);
    if (marked.length) total.addRow([`其中需修改的单位：${marked.join("、")}（其数字可能还会改变）`]);
  } else total.addRow(["没有可以汇总的单位"]);

  if (r.missing.length) {
    const missing = sheet(wb, "未报送", ["单位"], [36]);
    for (const name of r.missing) missing.addRow([name]);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
