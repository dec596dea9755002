/**
 * The 统计表 sheet as an .xlsx (ExcelJS), laid out as the Excel pane writes it (the engine's grids: title,
 * each table's caption, its merges and borders): for `extract`, so that staff can correct the numbers read
 * from a department's report and roll up from there. Reading such a sheet back is ./read's business (the
 * report reader runs on its cells, since it has the labels of a report's tables).
 */
import ExcelJS from "exceljs";
import { gridMatrix, statisticsBlocks } from "../report/tables/layout";
import { STATISTICS_SHEET_NAME } from "../report/text/labels";
import type { TableSet } from "../report/tables/tables";

export const STATISTICS_SHEET = STATISTICS_SHEET_NAME;

export async function statisticsWorkbookBuffer(t: TableSet): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "政府信息公开年报助手";
  const ws = wb.addWorksheet(STATISTICS_SHEET);
  const blocks = statisticsBlocks(t);
  ws.getCell(1, 1).value = blocks.title;
  ws.getCell(1, 1).font = { bold: true };
  for (const b of blocks.tables) {
    const top = b.top + 1; // ExcelJS counts rows from 1
    ws.getCell(top, 1).value = b.caption;
    ws.getCell(top, 1).font = { bold: true };
    const { values, merges, left } = gridMatrix(b.grid);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = ws.getCell(top + 1 + r, c + 1);
        if (v !== "") cell.value = v;
        cell.font = { size: 9 };
        cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
        const thin = { style: "thin" as const };
        cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      }),
    );
    for (const [r, c] of left)
      ws.getCell(top + 1 + r, c + 1).alignment = { wrapText: true, vertical: "middle", horizontal: "left" };
    for (const [r, c, h, w] of merges) ws.mergeCells(top + 1 + r, c + 1, top + r + h, c + w);
  }
  ws.columns.forEach((col, i) => (col.width = i < 3 ? 14 : 9));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
