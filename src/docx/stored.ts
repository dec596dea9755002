/**
 * The tables a report of ours carries (its custom XML part), checked against the shape we write before anything
 * uses them: a known format, a whole year, the agency as text, every 表三 row of that format with seven cells, 表四
 * with fifteen, 表二 in the format's rows and columns (or absent), every cell a finite number or blank (null). A
 * part edited by hand, cut short or written by another program is no longer that shape: it is refused as a whole
 * (the caller then reads the printed tables and says so), never half used.
 */
import { getFormat, isFormatId, numberRows, T3_WIDTH, T4_WIDTH } from "../report/formats";
import type { FormatDef } from "../report/formats";
import type { Num, Table2, Table3, TableSet } from "../report/tables/tables";

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

const isCell = (v: unknown): v is Num => v === null || (typeof v === "number" && Number.isFinite(v));

const isRow = (v: unknown, width: number): v is Num[] =>
  Array.isArray(v) && v.length === width && v.every(isCell);

/** An object with exactly these keys, each value passing its test. */
function exactly(v: Record<string, unknown>, tests: Map<string, (x: unknown) => boolean>): boolean {
  const keys = Object.keys(v);
  return keys.length === tests.size && keys.every((k) => tests.get(k)?.(v[k]) === true);
}

/** 表二's rows in the format: a number per one-column row, an array per row of a wider block, a number per legacy category. */
function table2Tests(format: FormatDef): Map<string, (x: unknown) => boolean> {
  const tests = new Map<string, (x: unknown) => boolean>();
  for (const block of format.t2?.blocks ?? [])
    for (const row of block.rows)
      tests.set(row.key, block.columns.length === 1 ? isCell : (x) => isRow(x, block.columns.length));
  if (!format.t2) for (const c of format.legacyCategories ?? []) tests.set(c.key, isCell);
  return tests;
}

/** The stored tables when they have the shape we write, else null. */
export function storedTables(raw: unknown): TableSet | null {
  if (!isObject(raw)) return null;
  const { format: id, year, agency, t2, t3, t4, feeYuan } = raw;
  if (typeof id !== "string" || !isFormatId(id)) return null;
  if (typeof year !== "number" || !Number.isInteger(year) || typeof agency !== "string") return null;
  const format = getFormat(id);
  const rows = new Map(numberRows(format).map((r) => [r.key, (x: unknown) => isRow(x, T3_WIDTH)]));
  if (!isObject(t3) || !exactly(t3, rows)) return null;
  if (!isRow(t4, T4_WIDTH)) return null;
  if (t2 !== null && t2 !== undefined && !(isObject(t2) && exactly(t2, table2Tests(format)))) return null;
  if (feeYuan !== undefined && !isCell(feeYuan)) return null;
  return {
    format: id,
    year,
    agency,
    t2: (t2 ?? null) as Table2 | null,
    t3: t3 as Table3,
    t4,
    ...(feeYuan !== undefined ? { feeYuan } : {}),
  };
}
