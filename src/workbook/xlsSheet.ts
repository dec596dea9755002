/**
 * One worksheet of an .xls (./xls): its substream's cell records into the engine's cells, as ./sheet makes them
 * of an .xlsx part — rows placed by their numbers, a row kept at its exact length, a styled blank a null that
 * counts in its row, merged ranges as the file says them — with each value as ./xlsx gives it.
 */
import type { Cell, MergedRange } from "../report/common/cells";
import * as biff from "./biff";
import { BiffError, Continued, RecordReader, RT } from "./biff";
import { MAX_CELL_CHARS } from "./cellText";
import { serialDate } from "./cellValue";
import { CellTooLongError } from "./sheet";
import { cellName } from "./sheetBytes";

const { errorText, latin1, rkValue, u16, u32 } = biff;

/** What the workbook holds for every sheet: the stream, shared strings, which styles show dates. */
export interface Globals {
  stream: Uint8Array;
  view: DataView;
  strings: string[];
  /** Shared strings past Excel's limit of a cell (index → length), left undecoded. */
  tooLong: Map<number, number>;
  dateXf: boolean[];
  date1904: boolean;
  dates: Map<number, Date>;
  /** Decodes the one-byte characters of a LABEL record (the CODEPAGE's, where it names one). */
  narrow: typeof latin1;
}

export interface ParsedSheet {
  rows: Cell[][];
  merges: MergedRange[];
}

/** BIFF8's columns: A to IV. */
const MAX_COLUMNS = 256;

/**
 * The default cell format (XF 15 in every BIFF8 file). A blank cell of it holds nothing and only undoes a row's
 * or column's format: LibreOffice writes one for every empty cell of a column whose usual format is another (a
 * date column's blanks, down to a thousand rows past the data), and no cell for them in .xlsx. A blank of any
 * other format is a cell, as a styled empty <c> of an .xlsx is (null, counted in its row's length).
 */
const DEFAULT_XF = 15;

/**
 * A worksheet substream's cells and merged ranges, from its BOF at `offset` to its EOF (a chart embedded in the
 * sheet, BOF to EOF of its own, is passed over). Throws BiffError for a damaged record, CellTooLongError for a
 * cell past Excel's limit.
 */
export function parseSheet(g: Globals, offset: number): ParsedSheet {
  const { stream: d, view, strings, tooLong, dateXf, dates, date1904 } = g;
  const r = new RecordReader(d, offset);
  r.next(); // the BOF, checked with the globals
  const rows: Cell[][] = [];
  const merges: MergedRange[] = [];
  let rowIndex = -1;
  let cells: Cell[] = [];
  /** Where a formula's string result goes (the STRING record after it), or -1. */
  let pendingRow = -1;
  let pendingCol = 0;
  let depth = 0;

  const put = (row: number, col: number, v: Cell) => {
    if (col >= MAX_COLUMNS) throw new BiffError(`第 ${row + 1} 行的单元格超出了 .xls 的 256 列`);
    if (row !== rowIndex) {
      compact(rows, rowIndex, cells);
      rowIndex = row;
      cells = rows[row] ?? (rows[row] = []);
    }
    while (cells.length < col) cells.push(null);
    cells[col] = v;
  };
  const number = (v: number, xf: number): Cell => {
    if (!dateXf[xf] || !Number.isFinite(v)) return v;
    let date = dates.get(v);
    if (!date) {
      date = serialDate(v, date1904);
      if (dates.size < 100000) dates.set(v, date);
    }
    return date;
  };
  const text = (c: Continued, row: number, col: number, narrow: typeof latin1): string => {
    const length = c.u16();
    const wide = (c.u8() & 1) !== 0;
    if (length > MAX_CELL_CHARS) throw new CellTooLongError(cellName(row, col), length);
    return c.chars(length, wide, true, narrow);
  };
  const need = (n: number) => {
    if (r.length < n) throw new BiffError(`第 ${r.start - 4} 字节处的单元格记录过短`);
  };

  while (r.next()) {
    const t = r.type;
    const s = r.start;
    if (depth > 0) {
      if (t === RT.BOF) depth++;
      else if (t === RT.EOF) depth--;
      continue;
    }
    if (t === RT.EOF) break;
    switch (t) {
      case RT.LABELSST: {
        need(10);
        const row = u16(d, s);
        const col = u16(d, s + 2);
        const index = u32(d, s + 6);
        const length = tooLong.get(index);
        if (length !== undefined) throw new CellTooLongError(cellName(row, col), length);
        put(row, col, index < strings.length ? strings[index] : null);
        break;
      }
      case RT.NUMBER:
        need(14);
        put(u16(d, s), u16(d, s + 2), number(view.getFloat64(s + 6, true), u16(d, s + 4)));
        break;
      case RT.RK:
        need(10);
        put(u16(d, s), u16(d, s + 2), number(rkValue(d, s + 6, SCRATCH), u16(d, s + 4)));
        break;
      case RT.MULRK: {
        need(12);
        const row = u16(d, s);
        const first = u16(d, s + 2);
        const n = ((r.length - 6) / 6) | 0;
        for (let i = 0; i < n; i++)
          put(row, first + i, number(rkValue(d, s + 6 + i * 6, SCRATCH), u16(d, s + 4 + i * 6)));
        break;
      }
      case RT.FORMULA: {
        need(20);
        const row = u16(d, s);
        const col = u16(d, s + 2);
        pendingRow = -1;
        if (u16(d, s + 12) !== 0xffff) put(row, col, number(view.getFloat64(s + 6, true), u16(d, s + 4)));
        else
          switch (d[s + 6]) {
            case 0: // a string, in the STRING record that follows
              put(row, col, { error: "公式无计算结果" }); // until its STRING comes
              pendingRow = row;
              pendingCol = col;
              break;
            case 1:
              put(row, col, d[s + 8] !== 0);
              break;
            case 2:
              put(row, col, { error: errorText(d[s + 8]) });
              break;
            default: // 3: the empty string
              put(row, col, "");
          }
        break;
      }
      case RT.STRING:
        if (pendingRow >= 0)
          put(pendingRow, pendingCol, text(new Continued(d, r), pendingRow, pendingCol, latin1));
        pendingRow = -1;
        break;
      case RT.LABEL:
      case RT.RSTRING: {
        need(9);
        const row = u16(d, s);
        const col = u16(d, s + 2);
        put(row, col, text(new Continued(d, r, 6), row, col, g.narrow));
        break;
      }
      case RT.BOOLERR:
        need(8);
        put(u16(d, s), u16(d, s + 2), d[s + 7] ? { error: errorText(d[s + 6]) } : d[s + 6] !== 0);
        break;
      case RT.BLANK:
        need(6);
        if (u16(d, s + 4) !== DEFAULT_XF) put(u16(d, s), u16(d, s + 2), null);
        break;
      case RT.MULBLANK: {
        need(8);
        const row = u16(d, s);
        const first = u16(d, s + 2);
        const n = ((r.length - 6) / 2) | 0;
        for (let i = 0; i < n; i++) if (u16(d, s + 4 + 2 * i) !== DEFAULT_XF) put(row, first + i, null);
        break;
      }
      case RT.MERGECELLS: {
        const n = r.length >= 2 ? u16(d, s) : 0;
        for (let i = 0, at = s + 2; i < n && at + 8 <= s + r.length; i++, at += 8)
          merges.push({
            top: u16(d, at),
            bottom: u16(d, at + 2),
            left: u16(d, at + 4),
            right: u16(d, at + 6),
          });
        break;
      }
      case RT.BOF:
        depth = 1; // a chart embedded in the sheet, up to its own EOF
        break;
    }
  }
  compact(rows, rowIndex, cells);
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return { rows, merges };
}

/** Scratch for RK numbers that hold a double's high bits. */
const SCRATCH = new DataView(new ArrayBuffer(8));

/** A finished row kept at its exact length (as ./sheet keeps them). */
function compact(rows: Cell[][], index: number, cells: Cell[]): void {
  if (index >= 0 && rows[index] === cells && cells.length) rows[index] = cells.slice();
}
