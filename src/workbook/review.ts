/**
 * 审核结果.xlsx (ExcelJS): the review's sheets (src/report/reviewSheets.ts: 总览, 问题清单, 汇总, 审核要点, 未报送…)
 * with their header rows bold and frozen, filters on, status cells coloured, data bars and percentages where a
 * sheet asks for them, and laid out to print (./print.ts): A4 landscape, one page wide, the header row on
 * every page.
 */
import ExcelJS from "exceljs";
import type { ReviewResult, ReviewStatus } from "../report/review";
import { reviewSheets, STATUS_FILLS } from "../report/reviewSheets";
import { barRowCount, printLayout } from "../report/common/printLayout";
import { PRINT_BOOKS, printTitle } from "../report/text/labels";
import { dataBars, layTable, percentFormat, printable } from "./print";

export async function reviewWorkbookBuffer(r: ReviewResult): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "政府信息公开年报助手";
  for (const s of reviewSheets(r)) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(s.header).font = { bold: true };
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: s.header.length } };
    for (const values of s.rows) {
      const row = ws.addRow(values);
      const status = s.statusColumn >= 0 ? (values[s.statusColumn] as ReviewStatus) : undefined;
      if (status && STATUS_FILLS[status])
        row.getCell(s.statusColumn + 1).fill = {
          type: "pattern",
          pattern: "solid",
          fgColor: { argb: `FF${STATUS_FILLS[status]}` },
        };
    }
    const layout = printLayout([s.header, ...s.rows], { given: s.widths, percent: s.percent });
    layTable(ws, layout, s.rows.length + 1);
    for (const c of s.percent ?? []) percentFormat(ws, c + 1, 2, s.rows.length + 1);
    const bars = barRowCount(s, layout);
    if (bars) for (const c of s.bars ?? []) dataBars(ws, c + 1, 2, 1 + bars);
    printable(ws, { title: printTitle(PRINT_BOOKS.review(r.year), s.name), titleRows: 1 });
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
