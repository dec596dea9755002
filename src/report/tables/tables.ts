/**
 * Room tables/ of the engine — the three statistics tables as data (tables.ts), reading typed tables and their
 * F-findings (tablesInput.ts), the 勾稽 checks and their findings (checks.ts, findings.ts), the printed layout of
 * each table and the statistics sheet (layout.ts), and the names of their cells (cellRef.ts). Imports formats/
 * and common/ only: it knows nothing of registers, of the report's words or of reading printed reports.
 *
 * The tables as data: the contract of product.md §2 that the command line prints with --json and that
 * `check` reads. A table copied from a published report may have blanks (null).
 */
import type { FormatDef, FormatId } from "../formats";
import { numberRows, T4_WIDTH } from "../formats";

export type Num = number | null;

/** 表三: row key → seven numbers (natural, business, research, social, legal, other, total). */
export type Table3 = Record<string, Num[]>;

/** 表四: review×5, direct×5, after×5 (upheld, corrected, other, pending, total). */
export type Table4 = Num[];

/** 表二: row key → a number (one-column blocks) or an array (in column order); legacy: category → count. */
export type Table2 = Record<string, Num | Num[]>;

export interface TableSet {
  format: FormatId;
  year: number;
  agency: string;
  t2: Table2 | null;
  t3: Table3;
  t4: Table4;
  /** 信息处理费 collected in the year, in 元 (from the register), when known. */
  feeYuan?: Num;
}

export function emptyTable3(format: FormatDef): Table3 {
  const t3: Table3 = {};
  for (const row of numberRows(format)) t3[row.key] = new Array<Num>(7).fill(0);
  return t3;
}

export function emptyTable4(): Table4 {
  return new Array<Num>(T4_WIDTH).fill(0);
}

/** 表二 with every cell 0, in the format's shape. */
export function emptyTable2(format: FormatDef): Table2 | null {
  const t2: Table2 = {};
  if (format.t2) {
    for (const block of format.t2.blocks)
      for (const row of block.rows)
        t2[row.key] = block.columns.length === 1 ? 0 : new Array<Num>(block.columns.length).fill(0);
    return t2;
  }
  for (const c of format.legacyCategories ?? []) t2[c.key] = 0;
  return t2;
}

/** Null as 0, for arithmetic on tables with blanks. */
export const n0 = (v: Num | undefined): number => (typeof v === "number" && Number.isFinite(v) ? v : 0);

/** The three tables with every number cell blank (null): the 统计表 a person types in by hand. */
export function blankTables(format: FormatDef, year: number, agency: string): TableSet {
  const blank = <T>(v: T): T => (Array.isArray(v) ? (v.map(() => null) as T) : (null as T));
  const t2 = emptyTable2(format);
  const t3 = emptyTable3(format);
  return {
    format: format.id,
    year,
    agency,
    t2: t2 && Object.fromEntries(Object.entries(t2).map(([k, v]) => [k, blank(v)])),
    t3: Object.fromEntries(Object.entries(t3).map(([k, v]) => [k, blank(v)])),
    t4: blank(emptyTable4()),
  };
}
