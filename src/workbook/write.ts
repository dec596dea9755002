/**
 * Writing register workbooks with ExcelJS: each sheet with a bold header, date formats on date cells and
 * sensible column widths. Used for the demo workbook.
 */
import ExcelJS from "exceljs";
import type { WorkbookData } from "../report/common/cells";
import { isCellError } from "../report/common/cells";
import { SEVERITY_LABELS } from "../report/text/labels";
import { displayWidth } from "../report/common/normalize";
import { rollupRows } from "../report/rollup";
import type { RollupResult } from "../report/rollup";

function registerWorkbook(data: WorkbookData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "政府信息公开年报助手";
  for (const sheet of data.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    const widths: number[] = [];
    sheet.rows.forEach((row) => {
      const added = ws.addRow(
        row.map((v) => (isCellError(v) ? { error: v.error as ExcelJS.CellErrorValue["error"] } : v)),
      );
      added.eachCell((cell, col) => {
        if (cell.value instanceof Date) cell.numFmt = "yyyy-mm-dd";
        const w = cell.value instanceof Date ? 12 : displayWidth(String(cell.value ?? ""));
        widths[col - 1] = Math.max(widths[col - 1] ?? 8, Math.min(w + 2, 60));
      });
    });
    if (sheet.rows.length && sheet.name !== "主动公开") {
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: "frozen", ySplit: 1 }];
    }
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  }
  return wb;
}

export async function workbookBuffer(data: WorkbookData): Promise<Uint8Array> {
  const buf = await registerWorkbook(data).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** 汇总.xlsx: one row block per unit and one for the total, 表三 rows and the 表四 row, with the check results. */
export async function rollupWorkbookBuffer(r: RollupResult): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("汇总");
  rollupRows(r).forEach((row, i) => {
    const added = ws.addRow(row);
    if (i === 0) added.font = { bold: true };
  });
  ws.getColumn(1).width = 24;
  ws.getColumn(2).width = 40;
  const checks = wb.addWorksheet("校验结果");
  checks.addRow(["单位", "规则", "严重程度", "位置", "说明"]).font = { bold: true };
  for (const u of r.units)
    for (const c of u.checks)
      checks.addRow([u.name, c.rule, SEVERITY_LABELS[c.severity], c.where, c.message]);
  for (const c of r.checks) checks.addRow(["合计", c.rule, SEVERITY_LABELS[c.severity], c.where, c.message]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
