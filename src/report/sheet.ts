/**
 * A sheet as the review writes it, for every writer (审核结果.xlsx through ExcelJS, the Excel and WPS panes into
 * the open workbook): its header, column widths, rows, and how its cells are shown.
 */
export type ReviewCell = string | number;

/** One sheet of the review (./reviewSheets, ./analysisSheet). */
export interface ReviewSheet {
  name: string;
  header: string[];
  /** Column widths in characters. */
  widths: number[];
  rows: ReviewCell[][];
  /** The column (zero-based) whose cells hold a status, coloured by STATUS_FILLS; -1 for none. */
  statusColumn: number;
  /** Columns (zero-based) drawn with in-cell data bars (conditional formatting): 汇总分析's volumes and rates. */
  bars?: number[];
  /** How many rows after the header the bars run over (the units', not 合计 or 中位数, which would dwarf them). */
  barRows?: number;
  /** Columns (zero-based) whose numbers are shares (0.63), shown as percentages (63%). */
  percent?: number[];
}
