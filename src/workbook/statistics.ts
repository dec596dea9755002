/**
 * The 统计表 sheet as an .xlsx (ExcelJS), laid out as the Excel pane writes it (the engine's grids: title,
 * each table's caption, its merges and borders): for `extract`, so that staff can correct the numbers read
 * from a department's report and roll up from there. Reading such a sheet back is ./read's business (the
 * report reader runs on its cells, since it has the labels of a report's tables). Printed (./print.ts) on A4
 * landscape, one page wide, its title in every page's header; no rows repeat (each table has its own header).
 */
import ExcelJS from "exceljs";
import { gridMatrix, statisticsBlocks } from "../report/tables/layout";
import { STATISTICS_SHEET_NAME } from "../report/text/labels";
import type { TableSet } from "../report/tables/tables";
import { printLines } from "../report/common/printLayout";
import { LINE_POINTS, printable, ROW_MARGIN } from "./print";

export const STATISTICS_SHEET = STATISTICS_SHEET_NAME;

/** The tables' font size (points; the sheet's default is 11), and the columns' widths: labels, then numbers. */
const GRID_FONT = 9;
const columnWidth = (i: number): number => (i < 3 ? 14 : 9);

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
        cell.font = { size: GRID_FONT };
        cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
        const thin = { style: "thin" as const };
        cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      }),
    );
    for (const [r, c] of left)
      ws.getCell(top + 1 + r, c + 1).alignment = { wrapText: true, vertical: "middle", horizontal: "left" };
    for (const [r, c, h, w] of merges) ws.mergeCells(top + 1 + r, c + 1, top + r + h, c + w);
    // Rows as tall as their wrapped labels (no spreadsheet fits the height of a row written without one).
    const spans = new Map(merges.map(([r, c, h, w]) => [`${r},${c}`, [h, w]]));
    values.forEach((row, r) => {
      const lines = Math.max(
        1,
        ...row.map((v, c) => {
          const [h, w] = spans.get(`${r},${c}`) ?? [1, 1];
          const chars = Array.from({ length: w }, (_, k) => columnWidth(c + k)).reduce((a, b) => a + b, 0);
          return v === "" || h > 1 ? 1 : printLines(String(v), Math.floor((chars * 11) / GRID_FONT));
        }),
      );
      if (lines > 1) ws.getRow(top + 1 + r).height = (lines * LINE_POINTS * GRID_FONT) / 11 + ROW_MARGIN;
    });
  }
  ws.columns.forEach((col, i) => (col.width = columnWidth(i)));
  printable(ws, { title: blocks.title, titleRows: 0 });
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
