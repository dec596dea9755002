/**
 * One register kept on several sheets (months, quarters, halves of a year): each sheet tallied on its own, so
 * that its issues name its rows, and the counts added up; each sheet's trace (its rows are numbered per sheet)
 * is kept beside the sum, for explaining.
 */
import type { SheetData } from "../common/cells";
import type { RowIssue } from "./registers";

interface Tallied {
  issues: RowIssue[];
  trace?: ArrayLike<number>;
  stats: object;
}

type Numbers = number[] | Record<string, number[]> | Record<string, number> | number;

function add<T extends Numbers>(a: T, b: T): T {
  if (typeof a === "number") return (a + (b as number)) as T;
  if (Array.isArray(a)) return a.map((v, i) => v + ((b as number[])[i] ?? 0)) as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(a))
    out[k] = add((a as Record<string, Numbers>)[k], (b as Record<string, Numbers>)[k]);
  return out as T;
}

/** Each sheet with its trace (where the tally kept one), for explaining a register kept on several sheets. */
export type SheetTraces = { sheet: SheetData; trace: ArrayLike<number> }[];

/**
 * Tallies each sheet and adds the results: every number field summed, issues in sheet order, and each sheet's
 * trace beside the sum (`traces`).
 */
export function tallyEach<R extends Tallied>(
  sheets: SheetData[],
  tally: (sheet: SheetData) => R,
): R & { traces: SheetTraces } {
  const results = sheets.map(tally);
  const traces = results.flatMap((r, i) => (r.trace ? [{ sheet: sheets[i], trace: r.trace }] : []));
  return { ...sumOf(results), traces };
}

function sumOf<R extends Tallied>(results: R[]): R {
  if (results.length === 1) return results[0];
  return results.reduce((sum, r) => {
    const out = { ...sum, issues: [...sum.issues, ...r.issues] } as R;
    for (const [k, v] of Object.entries(r))
      if (k !== "issues" && k !== "trace")
        (out as Record<string, unknown>)[k] = add(
          (sum as unknown as Record<string, Numbers>)[k],
          v as Numbers,
        );
    delete out.trace;
    return out;
  });
}
