/**
 * One cause, one finding. A finding whose cause explains others declares it (`covers`: a 2019-layout （六） row
 * explains its three missing sub-rows, a table not found every check on it, a table cut at the page's edge the
 * checks on the columns off the paper); here the findings it covers are folded into it — named in its message
 * and kept in its `folded` for programs — instead of being listed beside it. A finding covered by one that is
 * itself covered goes to the first that is not. A finding that covers nothing (L1: a label read as a template
 * row) folds nothing; the rest of that row's findings stay its own.
 */
import type { Cover, Finding, Folded, Severity } from "./findings";

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Whether a where-key falls under a cover's pattern: part by part, "*" in either matching any one part. */
export function coversWhere(pattern: string, where: string): boolean {
  const p = pattern.split(".");
  const w = where.split(".");
  if (w.length < p.length) return false;
  return p.every((part, i) => part === "*" || part === w[i]);
}

const covering = (c: Cover, f: Pick<Finding, "rule" | "where">) =>
  (!c.rules || c.rules.includes(f.rule)) && coversWhere(c.where, f.where);

/** The first other finding of `list` whose covers take in `f`; undefined where none does. */
function coverOf<F extends Finding>(list: F[], f: F): F | undefined {
  return list.find((g) => g !== f && g.covers?.some((c) => covering(c, f)));
}

/** How many places a note names before 「等」. */
const NAMED = 4;

/** The sentence a covering finding ends with: what it explains, by place. */
export function foldedNote(folded: Folded[]): string {
  const places = [...new Set(folded.map((f) => f.place))];
  const named = places.slice(0, NAMED).join("、") + (places.length > NAMED ? "等" : "");
  return `（由此引起的另${folded.length}处问题不再单列：${named}）`;
}

/** A finding's message without the note of what was folded into it. */
const baseMessage = (f: Finding): string =>
  f.folded?.length ? f.message.slice(0, f.message.length - foldedNote(f.folded).length) : f.message;

/** `list` with every covered finding folded into the finding that covers it (order kept; idempotent). */
export function foldCovered<F extends Finding>(list: F[]): F[] {
  if (!list.some((f) => f.covers?.length)) return list;
  const root = new Map<F, F>();
  const at = (f: F) => list.indexOf(f);
  for (const f of list) {
    const path: F[] = [f];
    for (let r = coverOf(list, f); r; r = coverOf(list, r)) {
      if (path.includes(r)) {
        // Findings that cover each other round a loop: the earliest of the loop stands.
        const first = path.slice(path.indexOf(r)).reduce((a, b) => (at(b) < at(a) ? b : a));
        if (first !== f) root.set(f, first);
        break;
      }
      path.push(r);
      if (!coverOf(list, r)) root.set(f, r);
    }
  }
  const under = new Map<F, F[]>();
  for (const [f, r] of root) under.set(r, [...(under.get(r) ?? []), f]);
  const out: F[] = [];
  for (const f of list) {
    if (root.has(f)) continue;
    const more = under.get(f);
    if (!more) {
      out.push(f);
      continue;
    }
    const before = f.folded ?? [];
    const base = baseMessage(f);
    const folded: Folded[] = [
      ...before,
      ...more.flatMap((g) => [
        { rule: g.rule, where: g.where, place: g.place, message: baseMessage(g) },
        ...(g.folded ?? []),
      ]),
    ].map(({ rule, where, place, message }) => ({ rule, where, place, message }));
    const severity = more.reduce((s, g) => (RANK[g.severity] > RANK[s] ? g.severity : s), f.severity);
    out.push({ ...f, severity, message: base + foldedNote(folded), folded });
  }
  return out;
}
