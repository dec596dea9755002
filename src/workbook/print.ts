/**
 * Every sheet we write with ExcelJS prints the same way: A4 landscape, one page wide and as many pages tall as
 * it takes (fitToHeight 0), its header rows repeated at the top of each page, its title in the page header and
 * 「第 1 页 共 N 页」 at the foot. Tables get thin borders, columns their print layout (../report/common/
 * printLayout.ts: widths from content, long text wrapped, note rows across), rows the height their lines take
 * (LibreOffice and Excel do not fit heights of rows written without them), data bars and percentages where
 * a sheet asks for them.
 */
import type ExcelJS from "exceljs";
import type { PrintLayout } from "../report/common/printLayout";
import { PRINT_BAR_COLOR } from "../report/common/printLayout";
import { headerFooterText, PRINT_FOOTER } from "../report/text/labels";

export interface PrintOptions {
  /** The page header: the sheet's title. */
  title: string;
  /** How many rows from the first are repeated at the top of every printed page (0: none). */
  titleRows: number;
}

/** A4 in the paper sizes of SpreadsheetML (and of Excel's and WPS's object models). */
export const PAPER_A4 = 9;
/** Points of row height per line of text at the default 11-point font, CJK included, and the cell's margin. */
export const LINE_POINTS = 15;
export const ROW_MARGIN = 3;

const THIN = { style: "thin" } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The page setup, header and footer every sheet we write prints with. */
export function printable(ws: ExcelJS.Worksheet, o: PrintOptions): void {
  Object.assign(ws.pageSetup, {
    paperSize: PAPER_A4,
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    // 0: as many pages tall as the rows take (1, ExcelJS's default, would squeeze the sheet onto one page).
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.4, right: 0.4, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 },
    ...(o.titleRows > 0 ? { printTitlesRow: `1:${o.titleRows}` } : {}),
  });
  ws.headerFooter.oddHeader = `&C${headerFooterText(o.title)}`;
  ws.headerFooter.oddFooter = `&C${PRINT_FOOTER}`;
}

/**
 * A table written from A1 (its first `headerRows` rows the header) laid out for print: column widths, every
 * cell wrapped, the table's rows bordered, notes below merged across, heights of rows that wrap.
 */
export function layTable(ws: ExcelJS.Worksheet, layout: PrintLayout, rowCount: number, headerRows = 1): void {
  const width = layout.widths.length;
  layout.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const spans = new Set(layout.spans);
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    if (!row.hasValues) continue;
    if (spans.has(r - 1)) ws.mergeCells(r, 1, r, width);
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (r <= layout.tableRows) cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: r <= headerRows ? "middle" : "top" };
    }
    const lines = layout.lines[r - 1] ?? 1;
    if (lines > 1) row.height = lines * LINE_POINTS + ROW_MARGIN;
  }
}

/** In-cell data bars over a column's rows (1-based, inclusive), from zero to the column's highest value. */
export function dataBars(ws: ExcelJS.Worksheet, column: number, from: number, to: number): void {
  if (to < from) return;
  const letter = ws.getColumn(column).letter;
  const rule = {
    type: "dataBar",
    priority: 1,
    // Solid bars (gradient: false, which ExcelJS writes with Excel 2010's extension): a gradient one prints pale.
    gradient: false,
    cfvo: [{ type: "num", value: 0 }, { type: "max" }],
    color: { argb: `FF${PRINT_BAR_COLOR}` },
  } as ExcelJS.DataBarRuleType;
  ws.addConditionalFormatting({ ref: `${letter}${from}:${letter}${to}`, rules: [rule] });
}

/** Shares (0.63) shown as percentages (63%) in a column's rows (1-based, inclusive). */
export function percentFormat(ws: ExcelJS.Worksheet, column: number, from: number, to: number): void {
  for (let r = from; r <= to; r++) ws.getCell(r, column).numFmt = "0%";
}
