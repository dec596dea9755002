/**
 * Writing workbooks with ExcelJS: register workbooks (each sheet with a bold header, date formats on date cells
 * and columns sized to their content; used for the demo workbook) and 汇总.xlsx of a roll-up. Every sheet is
 * laid out to print (./print.ts): A4 landscape, one page wide, its header row on every page, bordered.
 */
import ExcelJS from "exceljs";
import type { WorkbookData } from "../report/common/cells";
import { isCellError } from "../report/common/cells";
import { printLayout } from "../report/common/printLayout";
import { SHEETS } from "../report/register/registers";
import { PRINT_BOOKS, printTitle, SEVERITY_LABELS } from "../report/text/labels";
import { rollupRows } from "../report/rollup";
import type { RollupResult } from "../report/rollup";
import { layTable, printable } from "./print";

function registerWorkbook(data: WorkbookData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = "政府信息公开年报助手";
  for (const sheet of data.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row) => {
      const added = ws.addRow(
        row.map((v) => (isCellError(v) ? { error: v.error as ExcelJS.CellErrorValue["error"] } : v)),
      );
      added.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = "yyyy-mm-dd";
      });
    });
    // The 主动公开 grid has no header row: its blocks have their own.
    const headerRows = sheet.rows.length && sheet.name !== SHEETS.active ? 1 : 0;
    if (headerRows) {
      ws.getRow(1).font = { bold: true };
      ws.views = [{ state: "frozen", ySplit: 1 }];
    }
    layTable(ws, printLayout(sheet.rows, { headerRows, notes: false }), sheet.rows.length, headerRows);
    printable(ws, { title: printTitle("", sheet.name), titleRows: headerRows });
  }
  return wb;
}

export async function workbookBuffer(data: WorkbookData): Promise<Uint8Array> {
  const buf = await registerWorkbook(data).xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}

/** A sheet of rows (its first the header, bold and repeated on every printed page). */
function addTable(wb: ExcelJS.Workbook, name: string, title: string, rows: (string | number)[][]): void {
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  rows.forEach((row) => ws.addRow(row));
  ws.getRow(1).font = { bold: true };
  layTable(ws, printLayout(rows), rows.length);
  printable(ws, { title: printTitle(title, name), titleRows: 1 });
}

/** 汇总.xlsx: one row block per unit and one for the total, 表三 rows and the 表四 row, with the check results. */
export async function rollupWorkbookBuffer(r: RollupResult): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "政府信息公开年报助手";
  const title = PRINT_BOOKS.rollup(r.total.year);
  addTable(wb, "汇总", title, rollupRows(r));
  const checks: string[][] = [["单位", "规则", "严重程度", "位置", "说明"]];
  for (const u of r.units)
    for (const c of u.checks) checks.push([u.name, c.rule, SEVERITY_LABELS[c.severity], c.place, c.message]);
  for (const c of r.checks) checks.push(["合计", c.rule, SEVERITY_LABELS[c.severity], c.place, c.message]);
  addTable(wb, "校验结果", title, checks);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
