/**
 * A cell of 表三 or 表四 as people name it: 表三's row by key (new, d1, total) or printed label (with or without
 * numbering), its column by key or label (总计 when left out); 表四 by its group (行政复议, 未经复议直接起诉,
 * 复议后起诉, or review/direct/after) and result (结果维持…, 总计 when left out). Used by OGI.COUNT, OGI.ROWS
 * and `ogi-report explain`.
 */
import type { FormatDef } from "../formats";
import { numberRows, T3_TOTAL_COLUMN, T4_GROUP_WIDTH, T4_TOTAL_RESULT } from "../formats";
import { normalizeText, stripNumbering } from "../common/normalize";

/** A cell: 表三 by row key and column (0–5 applicants, 6 总计); 表四 by group key and result (0–3, 4 总计). */
export interface CellRef {
  table: "t3" | "t4";
  row: string;
  column: number;
}

/** A name that is no cell of the format, with the Chinese sentence saying what may be written. */
export class CellRefError extends Error {}

const same = (a: string, b: string) => normalizeText(a) === normalizeText(b);

/** 表三's row key for a key or a printed label; null when none. */
function t3Row(format: FormatDef, text: string): string | null {
  const s = text.trim();
  const rows = numberRows(format);
  const hit =
    rows.find((r) => r.key === s.toLowerCase()) ??
    rows.find((r) => same(r.label, s)) ??
    // Without numbering ("属于国家秘密") the bare label is enough; with numbering it must be the row's own.
    (stripNumbering(s) === s.normalize("NFKC")
      ? rows.find((r) => same(stripNumbering(r.label), s))
      : undefined);
  return hit?.key ?? null;
}

export function t3RowKey(format: FormatDef, text: string): string {
  const key = t3Row(format, text);
  if (!key)
    throw new CellRefError(
      `找不到表三的行「${text.trim()}」，可写行的编号（如 new、d1、total）或表中文字（如「一、本年新收政府信息公开申请数量」）`,
    );
  return key;
}

export function t3ColumnIndex(format: FormatDef, text: string | null | undefined): number {
  if (text === null || text === undefined || text.trim() === "") return T3_TOTAL_COLUMN;
  const s = text.trim();
  const i = format.t3.columns.findIndex((c) => c.key === s.toLowerCase() || same(c.label, s));
  if (i < 0)
    throw new CellRefError(
      `找不到表三的列「${s}」，可写 ${format.t3.columns.map((c) => `${c.key}（${c.label}）`).join("、")}`,
    );
  return i;
}

/** A cell of 表三 (tried first) or 表四 from its row and column names. */
export function parseCell(format: FormatDef, row: string, column?: string): CellRef {
  if (t3Row(format, row))
    return { table: "t3", row: t3RowKey(format, row), column: t3ColumnIndex(format, column) };
  const groups = [format.t4.review, ...format.t4.litigation];
  const g = groups.find((x) => x.key === row.trim().toLowerCase() || same(x.label, row));
  if (!g)
    throw new CellRefError(
      `找不到「${row.trim()}」：可写表三的行（如 new、d1、「1.属于国家秘密」）或表四的${groups.map((x) => `「${x.label}」`).join("、")}`,
    );
  if (!column || !column.trim()) return { table: "t4", row: g.key, column: T4_TOTAL_RESULT };
  const r = format.t4.results.findIndex(
    (x) => x.key === column.trim().toLowerCase() || same(x.label, column),
  );
  if (r < 0)
    throw new CellRefError(
      `找不到表四的列「${column.trim()}」，可写 ${format.t4.results.map((x) => `「${x.label}」`).join("、")}`,
    );
  return { table: "t4", row: g.key, column: r };
}

/** The cell of a grid key ("t3.d1.natural", "t4.review.upheld"); null for 表二's. */
export function cellOfKey(format: FormatDef, key: string): CellRef | null {
  const [table, row, col] = key.split(".");
  if (table === "t3") {
    const column = format.t3.columns.findIndex((c) => c.key === col);
    return column < 0 ? null : { table, row, column };
  }
  if (table === "t4") {
    const column = format.t4.results.findIndex((c) => c.key === col);
    return column < 0 ? null : { table, row, column };
  }
  return null;
}

/** The grid key of a cell ("t3.d1.natural", "t4.review.upheld"): the inverse of cellOfKey, for cellName. */
export function keyOfCell(format: FormatDef, cell: CellRef): string {
  const column =
    cell.table === "t3" ? format.t3.columns[cell.column].key : format.t4.results[cell.column].key;
  return `${cell.table}.${cell.row}.${column}`;
}

/** The position of a 表四 group (行政复议, 未经复议直接起诉, 复议后起诉) among the three. */
export function t4GroupIndex(format: FormatDef, group: string): number {
  const g = [format.t4.review, ...format.t4.litigation].findIndex((x) => x.key === group);
  if (g < 0) throw new Error(`表四没有「${group}」这一组`);
  return g;
}

/** The key of 表四's `i`-th number (0–14): "t4.review.upheld", "t4.after.total". */
export function t4CellKey(format: FormatDef, i: number): string {
  const group = [format.t4.review, ...format.t4.litigation][Math.floor(i / T4_GROUP_WIDTH)];
  return `t4.${group.key}.${format.t4.results[i % T4_GROUP_WIDTH].key}`;
}
