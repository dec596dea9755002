/**
 * 审核结果.xlsx (ExcelJS): the review's sheets (src/report/reviewSheets.ts: 总览, 问题清单, 汇总, 未报送) with
 * their header rows bold and frozen, filters on, status cells coloured.
 */
import ExcelJS from "exceljs";
import type { ReviewResult, ReviewStatus } from "../report/review";
import { reviewSheets, STATUS_FILLS } from "../report/reviewSheets";

export async function reviewWorkbookBuffer(r: ReviewResult): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "政府信息公开年报助手";
  for (const s of reviewSheets(r)) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.addRow(s.header).font = { bold: true };
    s.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
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
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
