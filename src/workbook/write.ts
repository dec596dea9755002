/**
 * Writing register workbooks with ExcelJS: each sheet with a bold header, date formats on date cells and
 * sensible column widths. Used for the demo workbook.
 */
import ExcelJS from "exceljs";
import type { WorkbookData } from "../report/cells";
import { isCellError } from "../report/cells";
import { displayWidth } from "../report/text";

export function registerWorkbook(data: WorkbookData): ExcelJS.Workbook {
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
