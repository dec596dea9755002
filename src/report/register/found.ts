/**
 * What reading a ledger by its content finds, as types every part of it shares: the registers found and their
 * columns (./ledger), the fields two columns may be (./twocolumns), the questions asked (./understand). Apart, so
 * that those modules need not import each other for their types.
 */
import type { WordField } from "./words";

/** The registers a ledger can hold, by our sheet's name. */
export type LedgerKind = "applications" | "cases";

/** The item of a 对应关系 answer naming which field a column is. */
export const COLUMN_ITEM = "列";

export interface LedgerColumn {
  index: number;
  /** The header as written (with its group, for two-row headers). */
  header: string;
  /** Other columns the field's words fit whose values are the same on every row (one fact, read once). */
  same?: string[];
}

/** A column of the header row that may be the field, with the text to answer it by (its own header cell). */
export interface AskedColumn extends LedgerColumn {
  own: string;
}

/** A deciding field two columns or more may be: the question, and how many rows wait for it. */
export interface AskedField {
  columns: AskedColumn[];
  /** Rows not counted until it is answered (the choice would move them). */
  held: number;
}

/** Why a register has no 信息处理费 column: two columns of amounts (a question), or a column of neither. */
export type FeeDoubt =
  | { ask: { header: string; own: string; values: number }[] }
  | { unread: { header: string; examples: string[] } };

export interface FoundRegister {
  /** The ledger's sheet. */
  sheet: string;
  as: LedgerKind;
  /** Excel row number of the header row (the lower one of a two-row header). */
  headerRow: number;
  columns: Record<string, LedgerColumn>;
  /** How many rows below the header hold an entry (totals and signature lines left out). */
  rows?: number;
  /** Where no column is the 信息处理费: the columns that may be and why none was taken. */
  fee?: FeeDoubt;
  /** Deciding fields two columns or more may be, whose values differ: each a question (./twocolumns). */
  ask?: Record<string, AskedField>;
  /** Rows not counted until those questions are answered (each row once). */
  held?: number;
}

/** A question: what a value written in the ledger stands for. */
export interface Pending {
  /** A field whose value is asked about, or 列: which field a column (its header as `value`) is. */
  field: WordField | typeof COLUMN_ITEM;
  value: string;
  /** How many rows carry the value. */
  rows: number;
  /** The answers that fit (printed labels), most likely first; every answer of the field when none is known. */
  choices: string[];
  /** The sheets it was found in. */
  sheets: string[];
}
