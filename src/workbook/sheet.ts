/**
 * One worksheet part (xl/worksheets/sheetN.xml) into the engine's cells, in one pass over its bytes: rows and
 * cells placed by their `r` references (or one after another where a producer leaves them out), each cell's value
 * decoded by ./cellValue from the spans the tokenizer (./sheetBytes) finds, inline strings read by ./cellText, and
 * merged ranges. A merged range's value stays in its top-left cell, as the file stores it and as Office.js gives
 * it. A cell whose text is past Excel's own limit (32 767 characters) is refused, naming the cell: Excel and WPS
 * cannot hold one, and a 50 MB "cell" would only cost every step after the reader its time and memory.
 */
import type { Cell, MergedRange } from "../report/common/cells";
import * as cellText from "./cellText";
import * as decoding from "./cellValue";
import { Type } from "./cellValue";
import type { SheetContext } from "./cellValue";
import * as tokens from "./sheetBytes";
import * as xmlBytes from "./xmlBytes";

// Bound here once: in the CommonJS build an imported name is read off its module at every use, and feed()'s loop
// uses these for every cell.
const { cellType, cellValue } = decoding;
const { MAX_CELL_CHARS, elementText, stringItem, textLength } = cellText;
const { ATTRS, cellIndex, cellName, endsCell, endsWithRoot, MAX_COLUMNS, MAX_ROWS } = tokens;
const { openCell, plainBytes, plainSpan } = tokens;
const { ascii, attrSpan, digits, isName, newTag, nextTag, readTag, text } = xmlBytes;
const LT = 0x3c;
const GT = 0x3e;

export type { SheetContext } from "./cellValue";
export { MAX_COLUMNS, MAX_ROWS } from "./sheetBytes";

export interface ParsedSheet {
  rows: Cell[][];
  merges: MergedRange[];
}

const ROW = ascii("row");
const C = ascii("c");
const V = ascii("v");
const F = ascii("f");
const IS = ascii("is");
const MERGE = ascii("mergeCell");
const REF = ascii("ref");

/** A file that breaks the format in a way we will not guess around; the caller names the sheet. */
export class SheetFormatError extends Error {}

/** A cell past Excel's limit of 32 767 characters; the caller names the sheet. */
export class CellTooLongError extends SheetFormatError {
  constructor(
    readonly cell: string,
    readonly length: number,
  ) {
    super(`单元格 ${cell} 有 ${length} 个字符，超过 Excel 单元格的上限 ${MAX_CELL_CHARS} 个`);
  }
}

const UNREADABLE = "内容不完整或不是有效的 XML";

const encoder = new TextEncoder();

/** Parses a worksheet part. Throws SheetFormatError for a reference past Excel's last row or column. */
export function parseSheet(xml: Uint8Array, ctx: SheetContext): ParsedSheet {
  const parser = new SheetParser(ctx);
  parser.feed(xml);
  return parser.finish(xml);
}

/**
 * A finished row kept at its exact length: a row grown cell by cell holds room for 17 cells, twice and more what a
 * register's row needs, and 100 000 of them are megabytes held for nothing.
 */
function compact(rows: Cell[][], index: number, cells: Cell[]): void {
  if (index >= 0 && rows[index] === cells && cells.length) rows[index] = cells.slice();
}

/** A worksheet part parsed as it arrives: feed() whole elements (windows ending at lastRowEnd), then finish(). */
export class SheetParser {
  private readonly rows: Cell[][] = [];
  private readonly merges: MergedRange[] = [];
  private readonly tag = newTag();
  private rowIndex = -1;
  private colIndex = -1;
  private cells: Cell[] = [];

  constructor(private readonly ctx: SheetContext) {}

  /** The rows and merges; `last` is the part's end (at least its closing tag), to tell a cut-off part. */
  finish(last: Uint8Array): ParsedSheet {
    if (!endsWithRoot(last)) throw new SheetFormatError(UNREADABLE);
    const rows = this.rows;
    compact(rows, this.rowIndex, this.cells);
    for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
    return { rows, merges: this.merges };
  }

  /**
   * Parses whole elements. Throws SheetFormatError for a reference past Excel's last row or column, and
   * CellTooLongError for a cell past Excel's limit of characters.
   */
  feed(xml: Uint8Array): void {
    const { ctx, rows, merges, tag } = this;
    const tooLong = ctx.tooLong;
    let { rowIndex, colIndex, cells } = this;
    let source = xml; // where the current cell's value span points: the part, or a decoded value's bytes
    let i = 0;
    // The next tag mostly starts right where the last one ended: no search then.
    for (let lt = nextTag(xml, 0); lt >= 0; lt = xml[i] === LT ? i : nextTag(xml, i)) {
      const after = xml[lt + 2];
      let open: number;
      /** Where a <row>'s attributes start (just past its name), when the tag is one. */
      let rowFrom = -1;
      if (xml[lt + 1] === 0x63 && (after === 0x20 || after === GT || after === 0x2f))
        open = openCell(xml, lt + 2);
      else if (xml[lt + 1] === 0x2f && xml[lt + 2] === 0x72 && xml[lt + 3] === 0x6f && xml[lt + 5] === GT) {
        i = lt + 6; // </row>
        continue;
      } else {
        if (xml[lt + 1] === 0x72 && xml[lt + 2] === 0x6f && xml[lt + 3] === 0x77 && xml[lt + 4] === 0x20)
          rowFrom = lt + 4;
        else {
          readTag(xml, lt, tag);
          i = tag.end;
          if (tag.closing) continue;
          if (isName(xml, tag, ROW)) rowFrom = tag.nameEnd;
          else if (!isName(xml, tag, C)) {
            if (isName(xml, tag, MERGE)) {
              const ref = attrSpan(xml, tag, REF);
              const range = ref ? mergedRange(text(xml, ref[0], ref[1])) : null;
              if (range) merges.push(range);
            }
            continue;
          }
        }
        if (rowFrom >= 0) {
          // <row r="…" …> (any prefix): its attributes in one pass, as a cell's.
          const end = openCell(xml, rowFrom);
          i = end < 0 ? -end : end;
          const n = ATTRS[0] >= 0 ? digits(xml, ATTRS[0], ATTRS[1]) : -1;
          compact(rows, rowIndex, cells);
          rowIndex = n >= 1 ? n - 1 : rowIndex + 1;
          if (rowIndex >= MAX_ROWS)
            throw new SheetFormatError(`行号超出 Excel 的范围，第 ${rowIndex + 1} 行`);
          cells = rows[rowIndex] ?? (rows[rowIndex] = []);
          colIndex = -1;
          continue;
        }
        open = openCell(xml, tag.nameEnd);
      }
      // A cell.
      const selfClosing = open < 0;
      i = selfClosing ? -open : open;
      const at = ATTRS[0] >= 0 ? cellIndex(xml, ATTRS[0], ATTRS[1]) : -1;
      if (ATTRS[0] >= 0 && at < 0)
        throw new SheetFormatError(`单元格位置「${text(xml, ATTRS[0], ATTRS[1])}」无效或超出 Excel 的范围`);
      if (at >= 0) {
        const row = (at / MAX_COLUMNS) | 0;
        if (row !== rowIndex) {
          compact(rows, rowIndex, cells);
          rowIndex = row;
          cells = rows[rowIndex] ?? (rows[rowIndex] = []);
        }
        colIndex = at - row * MAX_COLUMNS;
      } else {
        if (rowIndex < 0) {
          rowIndex = 0;
          cells = rows[0] ?? (rows[0] = []);
        }
        if (++colIndex >= MAX_COLUMNS)
          throw new SheetFormatError(`第 ${rowIndex + 1} 行的单元格超出 Excel 的范围`);
      }
      const type = cellType(xml, ATTRS[2], ATTRS[3]);
      const style = ATTRS[4] >= 0 ? digits(xml, ATTRS[4], ATTRS[5]) : 0;
      let va = -1;
      let vb = -1;
      let inline: string | null = null;
      let formula = false;
      let done = selfClosing;
      if (!done && xml[i] === LT && xml[i + 1] === 0x76 && xml[i + 2] === GT) {
        // The common shape, <v>…</v></c>, read without the general loop below.
        let end = i + 3;
        while (end < xml.length && xml[end] !== LT) end++;
        if (end < xml.length && endsCell(xml, end) && plainBytes(xml, i + 3, end)) {
          va = i + 3;
          vb = end;
          i = end + 8;
          done = true;
        }
      }
      if (!done) {
        // The cell's children: <f>, <v>, <is>, until </c>.
        for (let inner = nextTag(xml, i); inner >= 0; inner = nextTag(xml, i)) {
          readTag(xml, inner, tag);
          i = tag.end;
          if (tag.closing) {
            if (isName(xml, tag, C)) break;
            continue;
          }
          if (isName(xml, tag, F)) formula = true;
          else if (isName(xml, tag, V)) {
            va = vb = i;
            if (!tag.selfClosing) {
              const span = plainSpan(xml, i);
              if (span) [va, vb] = span;
              else {
                // References or CDATA: decoded once, then read like plain bytes.
                const t = elementText(xml, i, tag);
                if (t.length > MAX_CELL_CHARS)
                  throw new CellTooLongError(cellName(rowIndex, colIndex), t.length);
                source = encoder.encode(t.value);
                va = 0;
                vb = source.length;
                i = t.end;
              }
            }
          } else if (isName(xml, tag, IS) && !tag.selfClosing) {
            const item = stringItem(xml, i, tag);
            if (item.length > MAX_CELL_CHARS)
              throw new CellTooLongError(cellName(rowIndex, colIndex), item.length);
            inline = item.value;
            i = item.end;
          }
        }
      }
      if (source === xml && vb - va > MAX_CELL_CHARS) {
        const length = textLength(xml, va, vb);
        if (length > MAX_CELL_CHARS) throw new CellTooLongError(cellName(rowIndex, colIndex), length);
      }
      if (tooLong && type === Type.Shared && va >= 0) {
        const length = tooLong.get(digits(source, va, vb));
        if (length !== undefined) throw new CellTooLongError(cellName(rowIndex, colIndex), length);
      }
      while (cells.length < colIndex) cells.push(null);
      cells[colIndex] = cellValue(ctx, source, type, va, vb, inline, formula, style);
      source = xml;
    }
    this.rowIndex = rowIndex;
    this.colIndex = colIndex;
    this.cells = cells;
  }
}

/** "A1:G1" → 0-based corners; null for anything else. */
export function mergedRange(ref: string): MergedRange | null {
  const m = /^([A-Za-z]+)(\d+):([A-Za-z]+)(\d+)$/.exec(ref.trim());
  if (!m) return null;
  const col = (letters: string) =>
    [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return { top: Number(m[2]) - 1, left: col(m[1]), bottom: Number(m[4]) - 1, right: col(m[3]) };
}
