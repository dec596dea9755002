// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- et-jsapi-declare declares global namespaces (Et, KSO), not a module; its index.d.ts would add globals that clash with the DOM's.
/// <reference path="../../node_modules/et-jsapi-declare/lib.et.d.ts" />
/**
 * The sheets the WPS 表格 pane writes print as our .xlsx files do (PageSetup, as in Excel's object model): A4
 * landscape, one page wide and as many tall as the rows take, the header rows on every page, the sheet's title
 * in the page header and 「第 1 页 共 N 页」 at the foot. Tables bordered, columns sized by the engine's print
 * layout, rows fitted to their wrapped text, data bars and percentages where a sheet asks for them. The calls
 * into WPS grow with a sheet's columns, never with its rows. No WPS runs here: this rests on et-jsapi-declare's
 * typings and Excel's object model, which WPS follows, and is tested on a fake.
 */
import type { PrintLayout } from "../report/common/printLayout";
import { PRINT_BAR_COLOR } from "../report/common/printLayout";
import { headerFooterText, PRINT_FOOTER } from "../report/text/labels";
import { columnLetter } from "../report/templates";

/** Et's enum values (the typings declare the enums; WPS has no such object at run time). */
const PAPER_A4 = 9 as Et.XlPaperSize;
const LANDSCAPE = 2 as Et.XlPageOrientation;
const CONTINUOUS = 1;
const TOP = -4160;
const NUMBER = 0 as Et.XlConditionValueTypes;
const HIGHEST = 2 as Et.XlConditionValueTypes;
const SOLID = 0 as Et.XlDataBarFillType;
/** Points of row height per line of a note run across a table (merged cells are not fitted). */
const LINE_POINTS = 15;

/** An RGB colour ("FFC7CE") as the BGR number of Interior.Color (as in Excel's object model). */
export const bgr = (rgb: string): number => {
  const n = parseInt(rgb, 16);
  return ((n & 0xff) << 16) | (n & 0xff00) | ((n >> 16) & 0xff);
};

/** The range of rows `top`..`top + rows - 1` (zero-based) and columns `left`..`left + cols - 1`. */
const block = (ws: Et.Worksheet, top: number, left: number, rows: number, cols: number): Et.Range =>
  ws.Range(`${columnLetter(left)}${top + 1}`).Resize(rows, cols);

/** The page setup, header and footer. */
export function printSetupEt(ws: Et.Worksheet, title: string, titleRows: number): void {
  const page = ws.PageSetup;
  page.PaperSize = PAPER_A4;
  page.Orientation = LANDSCAPE;
  page.CenterHorizontally = true;
  // Zoom off first: only then do the fit-to-pages settings count. Tall: false, as many pages as the rows take.
  page.Zoom = false;
  page.FitToPagesWide = 1;
  page.FitToPagesTall = false;
  if (titleRows > 0) page.PrintTitleRows = `$1:$${titleRows}`;
  page.CenterHeader = headerFooterText(title);
  page.CenterFooter = PRINT_FOOTER;
}

/** In-cell data bars over a column's rows (zero-based `top`, `rows` of them), from zero to their highest value. */
export function dataBarsEt(ws: Et.Worksheet, column: number, top: number, rows: number): void {
  const bar = block(ws, top, column, rows, 1).FormatConditions.AddDatabar() as Et.Databar;
  bar.MinPoint.Modify(NUMBER, "0");
  bar.MaxPoint.Modify(HIGHEST);
  (bar.BarColor as Et.FormatColor).Color = bgr(PRINT_BAR_COLOR);
  bar.BarFillType = SOLID;
}

/** Shares (0.63) shown as percentages (63%) in a column's rows. */
export function percentFormatEt(ws: Et.Worksheet, column: number, top: number, rows: number): void {
  block(ws, top, column, rows, 1).NumberFormat = "0%";
}

/** Thin borders around and inside a range. */
export function borderedEt(range: Et.Range): void {
  range.Borders.LineStyle = CONTINUOUS;
}

/**
 * A table written from A1 laid out as the engine's print layout says: column widths, every cell wrapped, the
 * table's rows bordered, rows fitted to their text, notes below run across the table.
 */
export function layTableEt(ws: Et.Worksheet, layout: PrintLayout, rowCount: number): void {
  const width = layout.widths.length;
  layout.widths.forEach((w, i) => (block(ws, 0, i, 1, 1).ColumnWidth = w));
  const all = block(ws, 0, 0, rowCount, width);
  all.WrapText = true;
  all.VerticalAlignment = TOP;
  if (layout.tableRows > 0) borderedEt(block(ws, 0, 0, layout.tableRows, width));
  all.Rows.AutoFit();
  for (const r of layout.spans) {
    const note = block(ws, r, 0, 1, width);
    note.Merge();
    note.RowHeight = layout.lines[r] * LINE_POINTS + 3;
  }
}
