/**
 * The grids of a document as the table readers look at them: whether a grid holds a template row (as printed,
 * or misprinted: ./nearest), and a table that a page break split into parts joined again, remembering which of
 * the document's tables each joined table was made of.
 */
import { bareLabel, isValueCell, rowText } from "./cells";
import type { Grid } from "./cells";
import { endDistance, isNear, tolerance } from "./nearest";

/** The document's grids, each with the document's tables (their positions) it was made of. */
export interface Joined {
  grids: Grid[];
  parts: number[][];
}

export const gridHas = (g: Grid, label: string) => {
  const want = bareLabel(label);
  return g.some((row) => row.some((c) => c !== null && bareLabel(c) === want));
};
/** Each grid's text, bare, worked out once. */
const gridText = new WeakMap<Grid, string>();
export const gridIncludes = (g: Grid, label: string) => {
  let text = gridText.get(g);
  if (text === undefined) gridText.set(g, (text = bareLabel(g.map(rowText).join("|"))));
  return text.includes(bareLabel(label));
};
/** Each row's bare label (its cells that are not numbers, joined), worked out once per grid. */
const bareRowsOf = new WeakMap<(string | null)[], string>();
function rowBare(row: (string | null)[]): string {
  let bare = bareRowsOf.get(row);
  if (bare === undefined)
    bareRowsOf.set(row, (bare = bareLabel(row.filter((c) => c !== null && !isValueCell(c)).join(""))));
  return bare;
}
/**
 * Whether a row is the template row of `label`: its label holds it, or is near it (a misprint, ./nearest) and
 * nearer to it than to any other of `labels`, the table's, that it could be a misprint of (二、上年结转… is as
 * near 一、本年新收… as a misprint).
 */
export function rowIs(row: (string | null)[], label: string, labels: string[]): boolean {
  // The same rows are asked about the same labels again and again (locating, joining, reading): once each.
  let known = rowIsOf.get(row);
  if (!known) rowIsOf.set(row, (known = new Map()));
  let is = known.get(label);
  if (is === undefined) known.set(label, (is = rowIsNow(row, label, labels)));
  return is;
}
const rowIsOf = new WeakMap<(string | null)[], Map<string, boolean>>();
function rowIsNow(row: (string | null)[], label: string, labels: string[]): boolean {
  const [bare, want] = [rowBare(row), bareLabel(label)];
  if (bare.includes(want)) return true;
  if (!isNear(bare, want)) return false;
  const d = endDistance(bare, want);
  // Another label keeps it from being this row only where the row could be a misprint of that one too: as near,
  // and within that label's own tolerance (「…继续办他」 ends one character from 「其他」, which is too short to
  // be misprinted at all).
  return labels.every((other) => {
    const o = bareLabel(other);
    if (o === want) return true;
    const od = endDistance(bare, o);
    return od > d || od > tolerance([...o].length);
  });
}
export const holds = (g: Grid, label: string, labels: string[]) =>
  gridIncludes(g, label) || g.some((row) => rowIs(row, label, labels));

/**
 * A table that Word or a portal split into two at a page break, read as one: a grid holding a table's first row
 * label but not its last, followed by grids holding the rest (its last label among them) and not the first. The
 * parts' rows are right-aligned to the widest (the number columns are the last ones, whatever label cells the
 * break left or dropped, or a part's own rules drew), and a header row the continuation repeats is dropped.
 */
export function joinSplit({ grids, parts }: Joined, labels: string[]): Joined {
  const [first, last] = [labels[0], labels[labels.length - 1]];
  const out: Grid[] = [];
  const at: number[][] = [];
  for (let i = 0; i < grids.length; i++) {
    let grid = grids[i];
    if (holds(grid, first, labels) && !holds(grid, last, labels)) {
      const seen = new Set(grid.map((r) => bareLabel(rowText(r))));
      let j = i + 1;
      while (j < grids.length && !holds(grids[j], first, labels)) {
        const more = grids[j].filter((r) => !seen.has(bareLabel(rowText(r))) || rowText(r).trim() === "");
        grid = [...grid, ...more];
        j++;
        if (holds(grids[j - 1], last, labels)) break;
      }
      if (holds(grid, last, labels)) {
        // Every row right-aligned to the widest: a part may have a label column more or less than another (a
        // PDF's part draws only the column rules its own rows need), and the number columns are the last ones.
        const width = Math.max(...grid.map((r) => r.length));
        grid = grid.map((r) =>
          r.length < width ? [...new Array<string | null>(width - r.length).fill(null), ...r] : r,
        );
        out.push(grid);
        at.push(parts.slice(i, j).flat());
        i = j - 1;
        continue;
      }
    }
    out.push(grids[i]);
    at.push(parts[i]);
  }
  return { grids: out, parts: at };
}
