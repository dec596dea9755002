/**
 * Cell decoding: one cell's value from its type (the `t` attribute), the span of its value, its formula and its
 * style — shared and inline strings, numbers, dates by their cell style (1900 or 1904 date system) or written as
 * ISO dates, booleans, error values (kept as errors; the engine reports them by row), and the cached value of a
 * formula (one never calculated is an error).
 */
import type { Cell } from "../report/common/cells";
import { digits, text } from "./xmlBytes";

export interface SheetContext {
  /** The shared strings table. */
  strings: string[];
  /**
   * Shared strings past Excel's limit of a cell (index → length), kept out of `strings` undecoded: a cell that
   * shows one is refused, naming the cell.
   */
  tooLong?: Map<number, number>;
  /** Whether each cell style (index into cellXfs) shows a date. */
  dateStyles: boolean[];
  date1904: boolean;
  /**
   * One Date per serial, shared by every cell of that date: a register's few hundred dates in 200 000 cells
   * would otherwise be 200 000 Date objects of about 100 bytes each. Cells are values the engine only reads.
   */
  dates?: Map<number, Date>;
}

const DAY_MS = 86400000;

/** An Excel serial as the Date ExcelJS and Office give (UTC midnight plus the time of day). */
export function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * DAY_MS));
}

/** Cell types (the `t` attribute) by their first byte and length. */
export const enum Type {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

/** The type written in [a, b) (a < 0: no `t` attribute, a number). */
export function cellType(xml: Uint8Array, a: number, b: number): Type {
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

/** One cell's value from its type, its value's span (a < 0: no value), its formula, and its style. */
export function cellValue(
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
      // ISO 8601; a date and time without a zone is read as UTC, never in the machine's time zone. Anything
      // longer than a date and time with its zone is no date: kept as text, never scanned.
      const raw = text(xml, a, b);
      if (raw.length > 40) return raw;
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
