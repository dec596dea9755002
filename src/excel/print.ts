/**
 * The sheets the Excel pane writes print as our .xlsx files do: A4 landscape, one page wide and as many tall
 * as the rows take, the header rows on every page, the sheet's title in the page header and 「第 1 页 共 N 页」
 * at the foot (PageLayout, ExcelApi 1.9: only where `print` says this Excel has it — Excel 2019 has not, and
 * its sheets are written without a page setup). Tables bordered, columns sized by the engine's print layout,
 * rows fitted to their wrapped text, data bars (ExcelApi 1.6) and percentages where a sheet asks for them. All
 * queued in the caller's batch: no sync of its own. Excel's API only.
 */
import type { PrintLayout } from "../report/common/printLayout";
import { PRINT_BAR_COLOR } from "../report/common/printLayout";
import { headerFooterText, PRINT_FOOTER } from "../report/text/labels";

/** Points per character of a column's width (Excel's default font). */
export const POINTS_PER_CHAR = 7;
/** Points of row height per line of a note run across a table (merged cells are not fitted by Excel). */
const LINE_POINTS = 15;

/** The page setup, header and footer (ExcelApi 1.9). */
export function printSetup(ws: Excel.Worksheet, title: string, titleRows: number): void {
  const page = ws.pageLayout;
  page.paperSize = "A4";
  page.orientation = "Landscape";
  page.centerHorizontally = true;
  // One page wide; 0 pages tall: as many as the rows take (as fitToHeight="0" in the file).
  page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  if (titleRows > 0) page.setPrintTitleRows(`$1:$${titleRows}`);
  const all = page.headersFooters.defaultForAllPages;
  all.centerHeader = headerFooterText(title);
  all.centerFooter = PRINT_FOOTER;
}

const EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideHorizontal",
  "InsideVertical",
] as const;

/** Thin borders around and inside a range. */
export function bordered(range: Excel.Range): void {
  for (const edge of EDGES) range.format.borders.getItem(edge).style = "Continuous";
}

/** In-cell data bars over a range, from zero to its highest value (ExcelApi 1.6). */
export function dataBars(range: Excel.Range): void {
  const bar = range.conditionalFormats.add("DataBar").dataBar;
  bar.lowerBoundRule = { type: "Number", formula: "0" };
  bar.upperBoundRule = { type: "HighestValue" };
  bar.positiveFormat.fillColor = `#${PRINT_BAR_COLOR}`;
  bar.positiveFormat.gradientFill = false;
}

/** Shares (0.63) shown as percentages (63%), over a range of `rows` cells in one column. */
export function percentFormat(range: Excel.Range, rows: number): void {
  range.numberFormat = Array.from({ length: rows }, () => ["0%"]);
}

/**
 * A table written from A1 laid out as the engine's print layout says: column widths, the table's rows wrapped
 * and bordered, rows fitted to their text, notes below run across the table.
 */
export function layTable(ws: Excel.Worksheet, layout: PrintLayout, rowCount: number): void {
  const width = layout.widths.length;
  layout.widths.forEach(
    (w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHAR),
  );
  const all = ws.getRangeByIndexes(0, 0, rowCount, width);
  all.format.wrapText = true;
  all.format.verticalAlignment = "Top";
  if (layout.tableRows > 0) bordered(ws.getRangeByIndexes(0, 0, layout.tableRows, width));
  all.format.autofitRows();
  for (const r of layout.spans) {
    const note = ws.getRangeByIndexes(r, 0, 1, width);
    note.merge(false);
    note.format.rowHeight = layout.lines[r] * LINE_POINTS + 3;
  }
}
