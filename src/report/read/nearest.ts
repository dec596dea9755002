/**
 * A printed row label that is none of the template's exactly — characters dropped, added, swapped or mistyped, as
 * published tables have them (「2.其他法律行政止公开」, 「保护第三方合法权」: test/corpus/table-labels.json) — read
 * as the template row nearest to it, only when that is clear; else the rows it is near are named, never chosen.
 * A label held whole with a few words after it, or shortened to the words only one row has, is that row too.
 *
 * Near: the edit distance (insertions, deletions, substitutions and adjacent swaps, each 1) between the template
 * label and the end of the printed one (what comes before — a group's label a flat table repeats — is free),
 * both bare (numbering, widths, spaces, quotes and remarks gone). A row is a candidate within a quarter of its
 * label's length (labels under 4 characters must be exact). Clear: the nearest candidate is nearer than every
 * other row some of whose label is there by at least half its own distance, rounded up, and at least 1 (1
 * against 2, 2 against 3, 3 against 5…). Rows already read are not candidates (a label near 行政处罚 and 行政强制, where 行政处罚 is read, is 行政强制).
 */

/** The edit distance between `want` and the best-matching end of `text`. */
export function endDistance(text: string, want: string): number {
  const p = [...text].slice(-3 * want.length - 3);
  const t = [...want];
  const [m, n] = [p.length, t.length];
  // Rows of the table: i over the printed text, j over the template label; row 0 is free (any start).
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const row = new Array<number>(n + 1);
    row[0] = 0;
    for (let j = 1; j <= n; j++) {
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (p[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && p[i - 1] === t[j - 2] && p[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row[j] = d;
    }
    prev2 = prev;
    prev = row;
  }
  return prev[n];
}

/** The most a label of `length` characters may differ and still be read as its row. */
export const tolerance = (length: number): number => (length < 4 ? 0 : Math.floor(length / 4));

/** The margin the nearest row must keep over the next: half its own distance, rounded up, at least 1. */
export const margin = (best: number): number => Math.max(1, Math.ceil(best / 2));

/**
 * Whether a bare printed label is within the tolerance of a template label. Most rows share too few characters
 * with it to be near at all: counted first, the distance worked out only for the rest.
 */
export function isNear(bare: string, want: string): boolean {
  const t = [...want];
  const allowed = tolerance(t.length);
  if (!allowed) return false;
  let missing = 0;
  for (const c of t) if (!bare.includes(c) && ++missing > allowed) return false;
  return endDistance(bare, want) <= allowed;
}

export type Nearest = { index: number } | { between: number[] };

/** A template row as nearness compares it: its bare label, and the words only it has (bare), if any. */
export interface RowLabel {
  label: string;
  words?: string[];
}

/** Rows `pick` holds, of those not read: one is the row; more are named; none, nothing. */
function decide(rows: RowLabel[], read: Set<number>, pick: (r: RowLabel) => boolean): Nearest | null {
  const hits = rows.flatMap((r, i) => (!read.has(i) && pick(r) ? [i] : []));
  return hits.length === 1 ? { index: hits[0] } : hits.length ? { between: hits } : null;
}

/**
 * The template row a bare printed label is: its index, or the rows it is near (two or more; none when no row
 * is). In turn: the nearest label, when clear; a label held whole with a few words after it, no more than half
 * its length (「行政处罚决定」); the words only one row's label has, which a shortened label keeps (「上年结转申请
 * 数量」, 「申请人无正当理由逾期不补正」). `read`: the indices already read, which are no candidates.
 */
export function nearestRow(bare: string, rows: RowLabel[], read: Set<number>): Nearest {
  if (!bare) return { between: [] };
  // A row is in the running when some of its label is there (a short label is as far from anything as it is long).
  const scored = rows
    .map((r, index) => ({ index, label: r.label, distance: endDistance(bare, r.label) }))
    .filter((s) => !read.has(s.index) && s.distance < [...s.label].length)
    .sort((a, b) => a.distance - b.distance);
  const best = scored[0];
  if (best && best.distance <= tolerance([...best.label].length)) {
    const close = scored.filter((s) => s.distance - best.distance < margin(best.distance));
    return close.length === 1 ? { index: best.index } : { between: close.map((s) => s.index) };
  }
  const whole = decide(rows, read, ({ label }) => {
    const n = [...label].length;
    const at = bare.lastIndexOf(label);
    return n >= 4 && at >= 0 && bare.length - at - label.length <= Math.floor(n / 2);
  });
  return whole ?? decide(rows, read, (r) => !!r.words?.some((w) => bare.includes(w))) ?? { between: [] };
}
