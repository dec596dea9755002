/**
 * Two readings of the same tables compared: the first cell where they differ, named as the report prints it
 * (表三「（一）予以公开」「自然人」), with both values — for a report whose printed tables differ from the data it
 * stores, and for a unit that sent two files (its .docx and its PDF) whose numbers are not the same.
 */
import { getFormat, T4_WIDTH } from "../formats";
import { t4CellKey } from "./cellRef";
import { placeWords } from "./place";
import type { Num, TableSet } from "./tables";

export interface Difference {
  /** The cell, in the report's words. */
  where: string;
  a: Num | undefined;
  b: Num | undefined;
}

/** Two values agree, or one of them was not read at all (a row missing from one reading is not compared). */
const same = (x: Num | undefined, y: Num | undefined) => x === undefined || y === undefined || x === y;

/**
 * The first cell (表三, then 表四, then 表二 where `withT2`) where `a` and `b` differ, or null where they agree.
 * 表二's amounts are printed rounded, so a report's stored data is compared with its print without it.
 */
export function firstDifference(a: TableSet, b: TableSet, withT2 = false): Difference | null {
  const format = getFormat(a.format);
  for (const row of format.t3.rows)
    for (const [c, col] of format.t3.columns.entries()) {
      const [x, y] = [a.t3[row.key]?.[c], b.t3[row.key]?.[c]];
      if (!same(x, y)) return { where: `表三「${row.label}」「${col.label}」`, a: x, b: y };
    }
  for (let i = 0; i < T4_WIDTH; i++)
    if (!same(a.t4[i], b.t4[i]))
      return { where: placeWords(t4CellKey(format, i), format), a: a.t4[i], b: b.t4[i] };
  for (const block of withT2 ? (format.t2?.blocks ?? []) : [])
    for (const row of block.rows)
      for (const [c, col] of block.columns.entries()) {
        const cell = (t: TableSet) => {
          const v = t.t2?.[row.key];
          return Array.isArray(v) ? v[c] : v;
        };
        const [x, y] = [cell(a), cell(b)];
        if (!same(x, y)) return { where: `表二「${row.label}」「${col.label}」`, a: x, b: y };
      }
  return null;
}

/** A value as a sentence says it: the number, or 空白. */
export const valueWords = (v: Num | undefined): string =>
  v === null || v === undefined ? "空白" : String(v);
