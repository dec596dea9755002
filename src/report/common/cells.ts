/**
 * Room common/ of the engine — the values every room shares: cells as any host hands them (cells.ts), calendar
 * dates without time zones (dates.ts), and the text normalisation that matches what people type against labels
 * and vocabularies (normalize.ts). Imports nothing of the engine.
 *
 * Cell values as the engine receives them from any host: ExcelJS (the command line and file mode), Office.js
 * (the Excel pane) or the custom functions. Adapters flatten rich text, hyperlinks and formulas (cached
 * result) to these; error values (#N/A, #VALUE!) arrive as `{ error }`.
 */
import { daysFromSerial, daysFromText, daysFromUtcDate } from "./dates";

export interface CellError {
  error: string;
}

export type Cell = string | number | boolean | Date | CellError | null | undefined;

/** A merged range of a sheet, 0-based and inclusive, relative to the sheet's first row and column. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetData {
  name: string;
  /** rows[0] is the header row. */
  rows: Cell[][];
  /** Excel row number of rows[0] (1 unless the sheet starts lower). */
  firstRow?: number;
  /** Merged ranges, where the host or file says (the value stays in each range's top-left cell). */
  merges?: MergedRange[];
  /** A sheet hidden in the workbook ("veryHidden": only code can show it). */
  hidden?: "hidden" | "veryHidden";
}

export interface WorkbookData {
  sheets: SheetData[];
  /** File name of the source workbook, when known. */
  source?: string;
}

export function isCellError(value: Cell): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date) && "error" in value;
}

/** Empty: null, undefined, or text of spaces only. */
export function isEmptyCell(value: Cell): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" && value.trim() === "";
}

/** How a cell value is shown in a message. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? value.toISOString().slice(0, 10) : "无效日期";
  }
  if (typeof value === "object") return value.error;
  return String(value);
}

/** A cell as a calendar day number; NaN when it is not a date. */
export function cellDays(value: Cell): number {
  if (typeof value === "number") return daysFromSerial(value);
  if (typeof value === "string") {
    const days = daysFromText(value);
    if (!Number.isNaN(days)) return days;
    const t = value.trim();
    return /^\d{5}(\.\d+)?$/.test(t) ? daysFromSerial(Number(t)) : NaN;
  }
  if (value instanceof Date) return daysFromUtcDate(value);
  return NaN;
}

/** A cell as a number: numbers as they are, text with full-width digits, commas or spaces read; NaN otherwise. */
export function cellNumber(value: Cell): number {
  if (typeof value === "number") return Number.isFinite(value) ? value : NaN;
  if (typeof value === "string") {
    const t = value.normalize("NFKC").replace(/[,\s]/g, "");
    return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : NaN;
  }
  return NaN;
}

const ERROR_VALUES = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

/**
 * A value as a spreadsheet host's API gives it (Excel's `values`, WPS's `Value2`) as an engine cell: error
 * values, which the APIs give as text, become `{ error }`; anything but text, numbers and booleans is blank.
 */
export function hostCell(v: unknown): Cell {
  if (typeof v === "string") return ERROR_VALUES.has(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return null;
}
