/**
 * A PDF page as the report reader sees it, rebuilt from what a PDF holds: text pieces at positions and the
 * lines drawn on the page. Tables are found by their ruling (the national template's tables are ruled in
 * every word processor's export and every browser's print): the horizontal and vertical rules that meet make
 * a table, their positions its rows and columns, and a missing rule between two positions a merged cell —
 * so a grid comes out as the .docx and web-page readers give it (text at a merged cell's top-left position,
 * null where it covers), and the labels are matched by src/report/read whatever the lines a label wraps
 * over. A table that runs over a page break is two grids, joined there like a .docx's. The text outside
 * the tables is joined into paragraphs (a line indented, after a short line, after a gap or in another size
 * starts one), page numbers dropped. Pure: the pdf.js adapter (pdf.ts) gives the pieces and the rules.
 */
import { foldRadicals } from "../report/common/normalize";
import type { Grid, ReportDocumentText } from "../report/read/cells";

/** A piece of text: its left end and baseline in page units (y up), its width and font size. */
export interface PdfItem {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

/** A straight line drawn on the page, axis-aligned (a thin filled rectangle counts as one). */
export interface PdfRule {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface PdfPage {
  items: PdfItem[];
  rules: PdfRule[];
  /** The page's right edge (its box, in the same units): what lies beyond is off the paper. */
  right?: number;
}

/** Tolerance for lines that belong together (units: points). */
const TOL = 2;

interface HRule {
  y: number;
  x1: number;
  x2: number;
}
interface VRule {
  x: number;
  y1: number;
  y2: number;
}

/** Values within TOL of each other, as one value each (the first of a run), in ascending order. */
function clusters(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b))
    if (!out.length || v - out[out.length - 1] > TOL) out.push(v);
  return out;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]];
  return i;
}

interface Table {
  ys: number[];
  xs: number[];
  h: HRule[];
  v: VRule[];
}

/** The ruled tables of a page: rules that meet, as groups with two rows and two columns of lines at least. */
function ruledTables(rules: PdfRule[]): Table[] {
  const h: HRule[] = [];
  const v: VRule[] = [];
  for (const r of rules) {
    const [x1, x2] = [Math.min(r.x1, r.x2), Math.max(r.x1, r.x2)];
    const [y1, y2] = [Math.min(r.y1, r.y2), Math.max(r.y1, r.y2)];
    if (y2 - y1 <= 2.5 && x2 - x1 > TOL) h.push({ y: (y1 + y2) / 2, x1, x2 });
    else if (x2 - x1 <= 2.5 && y2 - y1 > TOL) v.push({ x: (x1 + x2) / 2, y1, y2 });
  }
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  for (let i = 0; i < h.length; i++)
    for (let j = 0; j < v.length; j++) {
      const a = h[i];
      const b = v[j];
      if (b.x >= a.x1 - TOL && b.x <= a.x2 + TOL && a.y >= b.y1 - TOL && a.y <= b.y2 + TOL)
        parent[find(parent, i)] = find(parent, h.length + j);
    }
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  const group = (i: number) => {
    const root = find(parent, i);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { h: [], v: [] }));
    return g;
  };
  h.forEach((r, i) => group(i).h.push(r));
  v.forEach((r, j) => group(h.length + j).v.push(r));
  const tables: Table[] = [];
  for (const g of groups.values()) {
    const ys = clusters(g.h.map((r) => r.y)).reverse();
    const xs = clusters(g.v.map((r) => r.x));
    // A row cut by a page break has no rule where the page cut it: the column rules run on past the last
    // horizontal rule (or start before the first). Their end is the table's edge there, so that row is read.
    if (ys.length && g.v.length) {
      const top = Math.max(...g.v.map((r) => r.y2));
      const bottom = Math.min(...g.v.map((r) => r.y1));
      const edge = (y: number) => g.h.push({ y, x1: xs[0], x2: xs[xs.length - 1] });
      if (bottom < ys[ys.length - 1] - 3) {
        ys.push(bottom);
        edge(bottom);
      }
      if (top > ys[0] + 3) {
        ys.unshift(top);
        edge(top);
      }
    }
    if (ys.length >= 2 && xs.length >= 2) tables.push({ ys, xs, h: g.h, v: g.v });
  }
  // In reading order: top of the page first.
  return tables.sort((a, b) => b.ys[0] - a.ys[0]);
}

/** Whether a rule of `rules` runs along `at` over the middle of [from, to]. */
function ruled(rules: { at: number; lo: number; hi: number }[], at: number, from: number, to: number) {
  const a = from + (to - from) * 0.25;
  const b = to - (to - from) * 0.25;
  return rules.some((r) => Math.abs(r.at - at) <= TOL && r.lo <= a + TOL && r.hi >= b - TOL);
}

/** The text of pieces in reading order: lines top to bottom, pieces left to right. */
function joinPieces(items: PdfItem[]): string {
  const lines = textLines(items);
  return lines.map((l) => l.text).join("");
}

interface Line {
  items: PdfItem[];
  text: string;
  y: number;
  left: number;
  right: number;
  size: number;
}

/** Pieces on one baseline (within a third of their size), as lines from the top of the page down. */
function textLines(items: PdfItem[]): Line[] {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfItem[][] = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0].y - it.y) <= Math.max(1, it.size / 3)) line.push(it);
    else lines.push([it]);
  }
  return lines.map((pieces) => {
    pieces.sort((a, b) => a.x - b.x);
    let text = "";
    pieces.forEach((p, i) => {
      const prev = pieces[i - 1];
      // A space where the PDF leaves one between two words of Latin letters or digits.
      if (prev && p.x - (prev.x + prev.w) > p.size * 0.25 && /\w$/.test(text) && /^\w/.test(p.str))
        text += " ";
      text += p.str;
    });
    return {
      items: pieces,
      text,
      y: pieces[0].y,
      left: pieces[0].x,
      right: Math.max(...pieces.map((p) => p.x + p.w)),
      size: Math.max(...pieces.map((p) => p.size)),
    };
  });
}

/** A ruled table as a grid, with the pieces inside it; the pieces it took are marked in `used`. */
function tableGrid(t: Table, items: PdfItem[], used: Set<PdfItem>): Grid {
  const rows = t.ys.length - 1;
  const cols = t.xs.length - 1;
  const hs = t.h.map((r) => ({ at: r.y, lo: r.x1, hi: r.x2 }));
  const vs = t.v.map((r) => ({ at: r.x, lo: r.y1, hi: r.y2 }));
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const join = (a: number, b: number) => {
    const [x, y] = [find(parent, a), find(parent, b)];
    // The top-left position stays the root.
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      // Across a missing vertical rule, and down across a missing horizontal rule: one cell.
      if (c + 1 < cols && !ruled(vs, t.xs[c + 1], t.ys[r + 1], t.ys[r])) join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !ruled(hs, t.ys[r + 1], t.xs[c], t.xs[c + 1]))
        join(r * cols + c, (r + 1) * cols + c);
    }
  const pieces = new Map<number, PdfItem[]>();
  const [top, bottom, left, right] = [t.ys[0], t.ys[rows], t.xs[0], t.xs[cols]];
  for (const it of items) {
    const cx = it.x + it.w / 2;
    const cy = it.y + it.size * 0.35;
    if (cx < left - TOL || cx > right + TOL || cy > top + TOL || cy < bottom - TOL) continue;
    let r = t.ys.findIndex((y, i) => i > 0 && cy >= y);
    if (r < 0) r = rows;
    let c = t.xs.findIndex((x, i) => i > 0 && cx <= x);
    if (c < 0) c = cols;
    const at = find(parent, (Math.max(1, r) - 1) * cols + (Math.max(1, c) - 1));
    pieces.set(at, [...(pieces.get(at) ?? []), it]);
    used.add(it);
  }
  const grid: Grid = [];
  for (let r = 0; r < rows; r++) {
    const row: (string | null)[] = [];
    for (let c = 0; c < cols; c++) {
      const at = r * cols + c;
      row.push(find(parent, at) === at ? joinPieces(pieces.get(at) ?? []).trim() : null);
    }
    grid.push(row);
  }
  return grid;
}

/** A line that is only a page number: "- 3 -", "—3—", "第3页", "3 / 12". */
const PAGE_NUMBER = /^[-—–\s]*(第\s*)?\d+\s*(页)?(\s*[/／共]\s*\d+\s*页?)?[-—–\s]*$/;

/** A line that starts a heading of the template: 「一、」「（一）」. */
const HEADING = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/;

/** The paragraphs of the lines outside the tables, over all pages. */
function paragraphs(pages: Line[][]): string[] {
  const all = pages.flat();
  if (!all.length) return [];
  const mode = (values: number[]) => {
    const count = new Map<number, number>();
    for (const v of values) count.set(v, (count.get(v) ?? 0) + 1);
    return [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
  };
  const body = mode(all.map((l) => Math.round(l.size)));
  const bodyLines = all.filter((l) => Math.round(l.size) === body);
  // The text's left edge: where wrapped lines start (indented first lines and centred lines start further in).
  const lefts = bodyLines.map((l) => l.left).sort((a, b) => a - b);
  const margin = lefts[Math.floor(lefts.length * 0.1)] ?? 0;
  const rights = bodyLines.map((l) => l.right).sort((a, b) => a - b);
  const edge = rights[Math.floor(rights.length * 0.9)] ?? 0;
  const out: string[] = [];
  let prev: Line | null = null;
  for (const lines of pages)
    for (const [i, line] of lines.entries()) {
      const samePage = i > 0;
      const big = line.size > body * 1.15;
      let joins = false;
      if (prev && Math.abs(prev.size - line.size) <= 0.5 && !HEADING.test(line.text)) {
        const gap = samePage ? prev.y - line.y : line.size * 1.5;
        // A title over two lines (the agency, then the year and 工作年度报告) is one paragraph.
        if (big) joins = samePage && gap <= line.size * 2.5;
        else
          joins =
            gap <= line.size * 2 &&
            line.left <= margin + line.size * 0.8 &&
            // Within a few characters of the edge: a Latin word or number that did not fit wraps early.
            prev.right >= edge - line.size * 5;
      }
      if (joins && out.length) out[out.length - 1] += line.text;
      else out.push(line.text);
      prev = line;
    }
  return out.map((s) => s.trim()).filter(Boolean);
}

const hasNumber = (row: (string | null)[]) => row.some((c) => c !== null && /^[\d,.，]+%?$/.test(c.trim()));

/**
 * A row that a page break cut in two (its label's last words on the next page, its numbers on this one): the
 * next page's first row, with text but no number and unlike any row above (a repeated header is like one),
 * is put back into the row it continues, cell by cell.
 */
function mendBrokenRow(above: Grid, below: Grid): void {
  const first = below[0];
  const last = above[above.length - 1];
  if (!first || !last || first.length !== last.length || hasNumber(first) || !hasNumber(last)) return;
  const text = (row: (string | null)[]) => row.filter((c) => c).join("");
  if (!text(first) || above.some((row) => text(row) === text(first))) return;
  first.forEach((cell, c) => {
    if (!cell) return;
    let r = above.length - 1;
    while (r > 0 && above[r][c] === null) r--;
    above[r][c] = `${above[r][c] ?? ""}${cell}`;
  });
  below.shift();
}

/** The pieces between a table's top and bottom rules. */
const within = (t: Table, items: PdfItem[]) =>
  items.filter((it) => {
    const cy = it.y + it.size * 0.35;
    return cy <= t.ys[0] + TOL && cy >= t.ys[t.ys.length - 1] - TOL;
  });

/** A table's rules and pieces moved down by dy (a page's table stacked under the previous page's). */
function shifted(t: Table, items: PdfItem[], dy: number) {
  const moved = new Map<PdfItem, PdfItem>();
  for (const it of items) moved.set({ ...it, y: it.y + dy }, it);
  return {
    h: t.h.map((r) => ({ ...r, y: r.y + dy })),
    v: t.v.map((r) => ({ ...r, y1: r.y1 + dy, y2: r.y2 + dy })),
    moved,
  };
}

interface Held {
  table: Table;
  items: PdfItem[];
  used: Set<PdfItem>;
  right?: number;
}

/**
 * A PDF's pages as a report's paragraphs and tables. A table whose part on a page is only its header (the
 * break came right under it) is stacked with its continuation at the top of the next page, when both have
 * the same left and right edges, and read as one: the header's columns are then the data's.
 */
export function pdfDocumentText(pages: PdfPage[]): ReportDocumentText {
  const tables: Grid[] = [];
  const cut: { table: number; from: number }[] = [];
  const rest: Line[][] = [];
  let held: Held | null = null;
  /** A table, and where it runs off its page (the first column whose right rule or text lies past the edge). */
  const push = (grid: Grid, t?: Table, items: PdfItem[] = [], right?: number) => {
    if (!grid.some((row) => row.some((c) => c))) return;
    if (t && right !== undefined) {
      const past = (x: number) => x > right + TOL;
      const from = t.xs.findIndex(
        (x, c) =>
          c > 0 &&
          (past(x) ||
            within(t, items).some(
              (it) => it.x + it.w > right + TOL && it.x < x && it.x + it.w > t.xs[c - 1],
            )),
      );
      if (from > 0) cut.push({ table: tables.length, from: from - 1 });
    }
    tables.push(grid);
  };
  for (const page of pages) {
    // Radicals a font put for ideographs folded first, so that headings (⼆、) and page numbers are seen as such.
    const items = page.items
      .filter((it) => it.str.trim() !== "")
      .map((it) => ({ ...it, str: foldRadicals(it.str) }));
    const used = new Set<PdfItem>();
    const found = ruledTables(page.rules);
    for (const [i, t] of found.entries()) {
      const h: Held | null = held;
      held = null;
      const [left, right] = [t.xs[0], t.xs[t.xs.length - 1]];
      if (
        i === 0 &&
        h &&
        Math.abs(h.table.xs[0] - left) <= 3 &&
        Math.abs(h.table.xs[h.table.xs.length - 1] - right) <= 3
      ) {
        const above = h.table;
        // Only the pieces inside each part: a page's footer under the first part, or its header line above the
        // second, would land inside the other part once they are stacked.
        const below = shifted(t, within(t, items), above.ys[above.ys.length - 1] - t.ys[0]);
        const hs = [...above.h, ...below.h];
        const vs = [...above.v, ...below.v];
        const joined: Table = {
          h: hs,
          v: vs,
          ys: clusters(hs.map((r) => r.y)).reverse(),
          xs: clusters(vs.map((r) => r.x)),
        };
        const took = new Set<PdfItem>();
        push(
          tableGrid(joined, [...within(above, h.items), ...below.moved.keys()], took),
          t,
          items,
          page.right,
        );
        for (const it of took) (below.moved.has(it) ? used : h.used).add(below.moved.get(it) ?? it);
        continue;
      }
      if (h) push(tableGrid(h.table, h.items, h.used), h.table, h.items, h.right);
      const probe = new Set<PdfItem>();
      const grid = tableGrid(t, items, probe);
      if (i === found.length - 1 && !grid.some(hasNumber)) {
        // Only a header at the foot of the page: it waits for the next page's first table.
        held = { table: t, items, used, right: page.right };
        for (const it of probe) used.add(it);
        continue;
      }
      for (const it of probe) used.add(it);
      if (i === 0 && tables.length) mendBrokenRow(tables[tables.length - 1], grid);
      push(grid, t, items, page.right);
    }
    if (held && held.items !== items) {
      push(tableGrid(held.table, held.items, held.used), held.table, held.items, held.right);
      held = null;
    }
    // (A page number is short: a long line is not tried against the pattern.)
    rest.push(
      textLines(items.filter((it) => !used.has(it))).filter(
        (l) => !(l.text.length <= 40 && PAGE_NUMBER.test(l.text)),
      ),
    );
  }
  if (held) push(tableGrid(held.table, held.items, held.used), held.table, held.items, held.right);
  return { paragraphs: paragraphs(rest), tables, ...(cut.length ? { cut } : {}), laidOut: true };
}

/** Whether the pages hold any text at all (a scan has none). */
export const hasText = (pages: PdfPage[]): boolean =>
  pages.some((p) => p.items.some((it) => it.str.trim() !== ""));
