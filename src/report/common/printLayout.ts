/**
 * How a sheet of rows is laid out to be read on screen and printed (A4 landscape, one page wide), for every
 * writer (the .xlsx files, the Excel and WPS panes): each column as wide as its content (CJK counting two, by
 * displayWidth), a long header allowed two lines, no column wider than PRINT_MAX_WIDTH — longer text wraps —,
 * the lines each row then takes (for row heights where the host does not fit them itself), and the note rows:
 * a row holding only a sentence in its first cell, too long for that column, runs across the whole table.
 * The table proper (bordered, data bars) ends at the first empty row or such a note.
 */
import { displayWidth } from "./normalize";

/** No column wider than this (characters): fitted to a page's width, a wider one would shrink every other. */
export const PRINT_MAX_WIDTH = 50;
/** The colour of in-cell data bars (Excel's default blue), RGB. */
export const PRINT_BAR_COLOR = "638EC6";
/** No column narrower than this. */
export const PRINT_MIN_WIDTH = 6;
/** A width a sheet gives is kept up to this much; beyond it, the column shrinks to its content. */
const GIVEN_KEPT = 12;
/** A header this wide or less stays on one line; a longer one may take two. */
const HEADER_ONE_LINE = 10;
/** What a cell needs beside its text (Excel's cell padding, and slack for fonts wider than we count). */
const PADDING = 2;

export interface PrintLayout {
  /** Column widths in characters. */
  widths: number[];
  /** The lines each row takes at those widths (1 for a row that does not wrap). */
  lines: number[];
  /** Rows (zero-based, as given) whose only cell is a note to run across every column, merged and wrapped. */
  spans: number[];
  /** The rows of the table proper, bordered: from the first up to an empty row or a note run across. */
  tableRows: number;
}

/**
 * How many rows under the header carry a sheet's data bars: the table's, and no more than the sheet says (the
 * units of 汇总分析, not its 合计 and 中位数, which would set the scale and dwarf every unit's bar).
 */
export const barRowCount = (s: { barRows?: number }, layout: Pick<PrintLayout, "tableRows">): number =>
  Math.max(0, Math.min(s.barRows ?? Infinity, layout.tableRows - 1));

/** A share as the sheets and panes write it: 0.63 → 63%. */
export const percentText = (share: number): string => `${Math.round(share * 100)}%`;

/** A cell's text as a sheet shows it: numbers as written (shares as 63%), dates as 2025-01-31. */
export function printText(v: unknown, percent = false): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return percent ? percentText(v) : String(v);
  if (v instanceof Date) return "yyyy-mm-dd";
  if (typeof v === "object") return String((v as { error?: unknown }).error ?? "");
  return String(v);
}

/** The widest line of a text. */
const textWidth = (s: string): number => Math.max(0, ...s.split("\n").map(displayWidth));

/** The lines a text takes in a column (or merged columns) of `width` characters, wrapped. */
export function printLines(s: string, width: number): number {
  const room = Math.max(1, width - PADDING);
  return s.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / room)), 0);
}

/**
 * The layout of `rows` (the first `headerRows` of them its header): `given` are the widths a sheet asked for
 * (kept for narrow columns, GIVEN_KEPT at most), `percent` the columns holding shares. A note that fits its
 * first column stays an ordinary cell; `notes: false` for a sheet of data to be edited, where nothing is merged.
 */
export function printLayout(
  rows: readonly (readonly unknown[])[],
  o: { headerRows?: number; given?: readonly number[]; percent?: readonly number[]; notes?: boolean } = {},
): PrintLayout {
  const headerRows = o.headerRows ?? 1;
  const percent = new Set(o.percent ?? []);
  const texts = rows.map((r) => r.map((v, c) => printText(v, percent.has(c))));
  const count = texts.reduce((n, r) => Math.max(n, r.length), 0);
  // A note: below the header, only its first cell written, in a table of more than one column.
  const note = (r: number) =>
    o.notes !== false &&
    count > 1 &&
    r >= headerRows &&
    texts[r][0] !== "" &&
    texts[r].slice(1).every((t) => t === "");
  const need = (r: number, c: number): number => {
    const t = texts[r][c] ?? "";
    if (!t) return 0;
    const w = textWidth(t);
    return r < headerRows && w > HEADER_ONE_LINE
      ? Math.max(HEADER_ONE_LINE, Math.ceil(w / 2)) + PADDING
      : w + PADDING;
  };
  const widths = Array.from({ length: count }, (_, c) => {
    let w = Math.max(PRINT_MIN_WIDTH, Math.min(o.given?.[c] ?? PRINT_MIN_WIDTH, GIVEN_KEPT));
    texts.forEach((_, r) => {
      if (!note(r)) w = Math.max(w, need(r, c));
    });
    return Math.min(w, PRINT_MAX_WIDTH);
  });
  const spans = texts.flatMap((_, r) => (note(r) && need(r, 0) > widths[0] ? [r] : []));
  const across = new Set(spans);
  const total = widths.reduce((a, b) => a + b, 0);
  const lines = texts.map((r, i) =>
    across.has(i)
      ? printLines(r[0], total)
      : Math.max(1, ...r.map((t, c) => (t ? printLines(t, widths[c]) : 1))),
  );
  const end = texts.findIndex((r, i) => across.has(i) || r.every((t) => t === ""));
  return { widths, lines, spans, tableRows: end < 0 ? texts.length : end };
}
