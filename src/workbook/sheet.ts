/**
 * One worksheet part (xl/worksheets/sheetN.xml) into the engine's cells, in one pass over its bytes: rows and
 * cells placed by their `r` references (or one after another where a producer leaves them out), shared and
 * inline strings (rich-text runs joined, phonetic runs left out), numbers, dates by their cell style (1900 or
 * 1904 date system), booleans, error values (kept as errors; the engine reports them by row), the cached value
 * of every formula (shared and array formulas included; a formula never calculated is an error), and merged
 * ranges. A merged range's value stays in its top-left cell, as the file stores it and as Office.js gives it.
 */
import type { Cell, MergedRange } from "../report/common/cells";
import { ascii, attrSpan, digits, isName, newTag, nextTag, readTag, text } from "./xmlBytes";
import type { Tag } from "./xmlBytes";

export interface SheetContext {
  /** The shared strings table. */
  strings: string[];
  /** Whether each cell style (index into cellXfs) shows a date. */
  dateStyles: boolean[];
  date1904: boolean;
  /**
   * One Date per serial, shared by every cell of that date: a register's few hundred dates in 200 000 cells
   * would otherwise be 200 000 Date objects of about 100 bytes each. Cells are values the engine only reads.
   */
  dates?: Map<number, Date>;
}

export interface ParsedSheet {
  rows: Cell[][];
  merges: MergedRange[];
}

/** Excel's last row and column: a reference past them is a damaged file. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

const ROW = ascii("row");
const C = ascii("c");
const V = ascii("v");
const F = ascii("f");
const IS = ascii("is");
const T = ascii("t");
const RPH = ascii("rPh");
const MERGE = ascii("mergeCell");
const REF = ascii("ref");

/** A file that breaks the format in a way we will not guess around; the caller names the sheet. */
export class SheetFormatError extends Error {}

const UNREADABLE = "内容不完整或不是有效的 XML";
const WORKSHEET_END = ascii("worksheet>");

/** Whether the part ends with its root's closing tag (</worksheet>, any prefix): a cut-off part does not. */
function endsWithRoot(xml: Uint8Array): boolean {
  let i = xml.length - 1;
  while (i >= 0 && (xml[i] === 0x20 || xml[i] === 0x0a || xml[i] === 0x0d || xml[i] === 0x09)) i--;
  const start = i - WORKSHEET_END.length + 1;
  if (start < 2) return false;
  for (let j = 0; j < WORKSHEET_END.length; j++) if (xml[start + j] !== WORKSHEET_END[j]) return false;
  const before = xml[start - 1];
  return before === 0x2f || before === 0x3a; // "</worksheet>" or "</x:worksheet>"
}

const DAY_MS = 86400000;
const encoder = new TextEncoder();
const utf8 = new TextDecoder();

/** An Excel serial as the Date ExcelJS and Office give (UTC midnight plus the time of day). */
export function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** "AB12" → row 11 × 16384 + column 27 (0-based), or -1 for anything that is not a cell reference. */
export function cellIndex(xml: Uint8Array, start: number, end: number): number {
  let col = 0;
  let i = start;
  for (; i < end; i++) {
    const b = xml[i] | 0x20; // lower-case letters
    if (b < 0x61 || b > 0x7a) break;
    col = col * 26 + (b - 0x60);
  }
  const row = digits(xml, i, end);
  if (col === 0 || row < 1 || col > MAX_COLUMNS || row > MAX_ROWS) return -1;
  return (row - 1) * MAX_COLUMNS + (col - 1);
}

/** The text of the element whose open tag ends at `from`, up to its closing tag; CDATA sections kept raw. */
function elementText(xml: Uint8Array, from: number, tag: Tag): { value: string; end: number } {
  let value = "";
  let i = from;
  for (;;) {
    const lt = nextTag(xml, i);
    if (lt < 0) return { value: value + text(xml, i, xml.length), end: xml.length };
    if (lt > i) value += text(xml, i, lt);
    if (xml[lt + 1] === 0x21 && xml[lt + 2] === 0x5b) {
      // <![CDATA[ … ]]>
      const close = findBytes(xml, CDATA_END, lt + 9);
      const stop = close < 0 ? xml.length : close;
      value += utf8.decode(xml.subarray(lt + 9, stop));
      i = close < 0 ? xml.length : close + 3;
      continue;
    }
    readTag(xml, lt, tag);
    return { value, end: tag.closing ? tag.end : lt };
  }
}

const CDATA_END = ascii("]]>");

function findBytes(xml: Uint8Array, needle: Uint8Array, from: number): number {
  for (let i = xml.indexOf(needle[0], from); i >= 0; i = xml.indexOf(needle[0], i + 1)) {
    let j = 1;
    while (j < needle.length && xml[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/** `_x000D_`-style escapes of OOXML strings, as Excel writes characters XML cannot hold. */
export const unescapeOoxml = (s: string): string =>
  s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

/**
 * The text of a string item (<si> or <is>) whose open tag ends at `from`: its <t> elements, in runs or not,
 * joined; <rPh> (phonetic guides) left out. Returns the text and where the item's closing tag ends.
 */
export function stringItem(xml: Uint8Array, from: number, tag: Tag): { value: string; end: number } {
  let value = "";
  let i = from;
  let inPhonetic = false;
  for (;;) {
    const lt = nextTag(xml, i);
    if (lt < 0) return { value: unescapeOoxml(value), end: xml.length };
    readTag(xml, lt, tag);
    i = tag.end;
    if (isName(xml, tag, RPH)) inPhonetic = !tag.closing && !tag.selfClosing;
    else if (isName(xml, tag, T) && !tag.closing && !tag.selfClosing) {
      const t = elementText(xml, tag.end, tag);
      if (!inPhonetic) value += t.value;
      i = t.end;
    } else if (tag.closing && (isName(xml, tag, SI) || isName(xml, tag, IS)))
      return { value: unescapeOoxml(value), end: tag.end };
  }
}

const SI = ascii("si");

/** Cell types (the `t` attribute) by their first byte and length. */
const enum Type {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

function cellType(xml: Uint8Array, a: number, b: number): Type {
  if (a < 0) return Type.Number;
  switch (xml[a]) {
    case 0x73: // s, str
      return b - a === 1 ? Type.Shared : Type.Str;
    case 0x69: // inlineStr
      return Type.Inline;
    case 0x62: // b
      return Type.Bool;
    case 0x65: // e
      return Type.Error;
    case 0x64: // d
      return Type.Date;
    default: // n
      return Type.Number;
  }
}

/** A number written in [start, end): whole numbers read from the bytes, anything else through Number(). */
function numberAt(xml: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = xml[i] === 0x2d;
  if (negative) i++;
  const whole = digits(xml, i, end);
  if (whole >= 0 && end - i < 16) return negative ? -whole : whole;
  return Number(text(xml, start, end));
}

/** One cell's value from its type, its value's span (null: no value), its formula, and its style. */
function cellValue(
  ctx: SheetContext,
  xml: Uint8Array,
  type: Type,
  a: number,
  b: number,
  inline: string | null,
  formula: boolean,
  style: number,
): Cell {
  if (type === Type.Inline) return inline ?? (formula ? { error: "公式无计算结果" } : null);
  if (a < 0) return formula ? { error: "公式无计算结果" } : null;
  switch (type) {
    case Type.Shared: {
      const n = digits(xml, a, b);
      return n >= 0 && n < ctx.strings.length ? ctx.strings[n] : null;
    }
    case Type.Str:
      return text(xml, a, b);
    case Type.Bool:
      return numberAt(xml, a, b) !== 0;
    case Type.Error:
      return { error: text(xml, a, b) };
    case Type.Date: {
      // ISO 8601; a date and time without a zone is read as UTC, never in the machine's time zone.
      const raw = text(xml, a, b);
      const d = new Date(/T[^Z+-]*$/.test(raw) ? `${raw}Z` : raw);
      return Number.isNaN(d.getTime()) ? raw : d;
    }
    default: {
      if (a === b) return formula ? { error: "公式无计算结果" } : null;
      const n = numberAt(xml, a, b);
      if (ctx.dateStyles[style] && Number.isFinite(n)) {
        let d = ctx.dates?.get(n);
        if (!d) {
          d = serialDate(n, ctx.date1904);
          if (ctx.dates && ctx.dates.size < 100000) ctx.dates.set(n, d);
        }
        return d;
      }
      return n;
    }
  }
}

/** Scratch for a <c> tag's attributes: r, t and s as [start, end) pairs, -1 where absent. */
const ATTRS = new Int32Array(6);

/**
 * Reads a <c …> tag's attributes from `from` (just past its name) into ATTRS in one pass. Returns the index
 * past its ">", negated for a self-closing tag.
 */
function openCell(xml: Uint8Array, from: number): number {
  // Plain stores and loops rather than fill() and indexOf(): called for every cell, on values of a few bytes.
  ATTRS[0] = ATTRS[1] = ATTRS[2] = ATTRS[3] = ATTRS[4] = ATTRS[5] = -1;
  const len = xml.length;
  let i = from;
  for (;;) {
    let b = xml[i];
    while (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) b = xml[++i];
    if (b === GT) return i + 1;
    if (b === 0x2f) return -(i + 2);
    if (i >= xml.length) return xml.length;
    let nameStart = i;
    while (i < xml.length && xml[i] !== 0x3d && xml[i] !== 0x20) {
      if (xml[i] === 0x3a) nameStart = i + 1;
      i++;
    }
    const nameEnd = i;
    while (xml[i] === 0x20) i++;
    i++; // "="
    while (xml[i] === 0x20) i++;
    const quote = xml[i];
    let close = i + 1;
    while (close < len && xml[close] !== quote) close++;
    if (close >= len) return len;
    if (nameEnd - nameStart === 1) {
      const n = xml[nameStart];
      const slot = n === 0x72 ? 0 : n === 0x74 ? 2 : n === 0x73 ? 4 : -1;
      if (slot >= 0) {
        ATTRS[slot] = i + 1;
        ATTRS[slot + 1] = close;
      }
    }
    i = close + 1;
  }
}

/** The span of an element's text when it is plain (no reference, no CDATA, no child): [from, next "<"). */
function plainSpan(xml: Uint8Array, from: number): [number, number] | null {
  const lt = nextTag(xml, from);
  if (lt < 0) return null;
  if (xml[lt + 1] !== 0x2f) return null; // a child or CDATA
  return plainBytes(xml, from, lt) ? [from, lt] : null;
}

const LT = 0x3c;
const GT = 0x3e;
const V_C_END = ascii("</v></c>");

/** Whether [start, end) holds no reference ("&") to decode. */
function plainBytes(xml: Uint8Array, start: number, end: number): boolean {
  for (let j = start; j < end; j++) if (xml[j] === 0x26) return false;
  return true;
}

/** Whether "</v></c>" stands at `at`. */
function endsCell(xml: Uint8Array, at: number): boolean {
  for (let j = 0; j < 8; j++) if (xml[at + j] !== V_C_END[j]) return false;
  return true;
}

/** Parses a worksheet part. Throws SheetFormatError for a reference past Excel's last row or column. */
export function parseSheet(xml: Uint8Array, ctx: SheetContext): ParsedSheet {
  const parser = new SheetParser(ctx);
  parser.feed(xml);
  return parser.finish(xml);
}

/**
 * Where the last complete row of `buf` ends (just past its "</row>" or "</x:row>"), or 0: everything before it
 * is whole elements, so a part can be parsed as it is inflated, a window at a time.
 */
export function lastRowEnd(buf: Uint8Array): number {
  for (let i = buf.lastIndexOf(0x3e); i >= 5; i = buf.lastIndexOf(0x3e, i - 1)) {
    if (buf[i - 1] !== 0x77 || buf[i - 2] !== 0x6f || buf[i - 3] !== 0x72) continue;
    const before = buf[i - 4];
    if (before === 0x2f && buf[i - 5] === LT) return i + 1;
    if (before === 0x3a) {
      let j = i - 5;
      while (j > 0 && buf[j] !== LT && buf[j] !== 0x20 && buf[j] !== GT) j--;
      if (buf[j] === LT && buf[j + 1] === 0x2f) return i + 1;
    }
  }
  return 0;
}

/** A worksheet part parsed as it arrives: feed() whole elements (windows ending at lastRowEnd), then finish(). */
/**
 * A finished row kept at its exact length: a row grown cell by cell holds room for 17 cells, twice and more what a
 * register's row needs, and 100 000 of them are megabytes held for nothing.
 */
function compact(rows: Cell[][], index: number, cells: Cell[]): void {
  if (index >= 0 && rows[index] === cells && cells.length) rows[index] = cells.slice();
}

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

  /** Parses whole elements. Throws SheetFormatError for a reference past Excel's last row or column. */
  feed(xml: Uint8Array): void {
    const { ctx, rows, merges, tag } = this;
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
                source = encoder.encode(t.value);
                va = 0;
                vb = source.length;
                i = t.end;
              }
            }
          } else if (isName(xml, tag, IS) && !tag.selfClosing) {
            const item = stringItem(xml, i, tag);
            inline = item.value;
            i = item.end;
          }
        }
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
