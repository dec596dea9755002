/**
 * Room read/ of the engine — the tables and their sentences read back out of any printed report's paragraphs and
 * grids: cells as printed (cells.ts), the tables found by their labels (tables.ts), and X3, the text checked
 * against its own tables (text.ts). Imports formats/, common/ and tables/; nothing of registers.
 *
 * 表二, 表三 and 表四 read from any report in a national format — written by hand in Word or WPS, saved by
 * LibreOffice, or published as a web page — by their labels, whatever the merges. Rows are matched in printed
 * order by their labels (numbering, remarks, widths and spaces tolerated); columns by the header labels where
 * the header is there (so an extra empty or 小计 column is skipped), else the row's last number cells. Cells are
 * read as typed: blanks and dashes become null (F2), text that is not a number is kept (F1); the checks judge
 * them. A table that is not found is named with the label that was looked for, never guessed.
 */
import { formatForYear, getFormat, numberRows, T3_WIDTH, T4_GROUP_WIDTH, T4_WIDTH } from "../formats";
import type { FormatDef, FormatId, Table3Row } from "../formats";
import type { TableLabels } from "../tables/checks";
import type { Num, Table2, Table3, TableSet } from "../tables/tables";
import { normalizeText } from "../common/normalize";
import { bareLabel, cellNumber, isValueCell } from "./cells";
import type { Grid, ReportDocumentText } from "./cells";
import { gridHas, gridIncludes, holds, joinSplit, rowIs } from "./grids";
import type { Joined } from "./grids";
import { nearestRow } from "./nearest";
import { statedFee } from "./fee";
import { findTitle, yearOfPeriod } from "./title";

type TableId = "t2" | "t3" | "t4";

export interface FoundTable {
  /** 1-based position of the table in the document. */
  table: number;
  /** Rows read. */
  rows: number;
}

export interface ReadReport {
  /** The tables as read: cells may be null (blank) or text (not a number); checkTables judges them. */
  tables: TableSet;
  found: Partial<Record<TableId, FoundTable>>;
  /** Tables that could not be read, each with the reason (which label was not found). */
  problems: string[];
  /** The title paragraph the agency and year came from. */
  title: string | null;
  paragraphs: string[];
  /** Rows whose printed labels are not the template's: read by the nearest label, or not read (L1). */
  labels?: LabelsRead;
  /** Tables printed past the page's edge, and their value columns (indices) not all on the page (F4). */
  cut?: { table: TableId; columns: number[] }[];
}

export type LabelsRead = Required<TableLabels>;

export interface ReadOptions {
  agency?: string;
  year?: number;
  format?: FormatId;
}

const normal = (s: string | null) => (s === null ? "" : normalizeText(s));
/** Columns of `labels` in the header rows (left to right, each after the previous), or null. */
function headerColumns(header: Grid, labels: string[]): number[] | null {
  const cols: number[] = [];
  let from = 0;
  for (const label of labels) {
    let found = -1;
    for (const row of header)
      for (let c = from; c < row.length && found < 0; c++)
        if (normal(row[c]) === normalizeText(label)) found = c;
    if (found < 0) return null;
    cols.push(found);
    from = found + 1;
  }
  return cols;
}

/** A data row: its label text and values, by header columns or, without them, the row's last value cells. */
function rowValues(row: (string | null)[], cols: number[] | null, width: number) {
  if (cols) {
    if (cols.every((c) => row[c] === null || row[c] === undefined)) return null;
    const label = row.slice(0, Math.min(...cols)).filter((c) => c !== null);
    return { label: label.join(""), values: cols.map((c) => cellNumber(row[c] ?? null)) };
  }
  const cells = row.filter((c): c is string => c !== null);
  let n = 0;
  while (n < cells.length && isValueCell(cells[cells.length - 1 - n])) n++;
  if (!n) return null;
  const values = cells.slice(cells.length - Math.min(n, width)).map(cellNumber);
  return { label: cells.slice(0, cells.length - n).join(""), values };
}

/** 表三's rows of the other formats (a 2019 （六） in a 2021 table, or the reverse), for F3. */
function foreignRows(format: FormatDef): Table3Row[] {
  const own = new Set(numberRows(format).map((r) => r.key));
  return (["2021", "2019"] as FormatId[])
    .flatMap((id) => numberRows(getFormat(id)))
    .filter((r) => !own.has(r.key) && r.inResults);
}

/** Values of a row of a table printed past the page's edge: the columns off the paper, blank (F4 says why). */
const padded = (values: ReturnType<typeof cellNumber>[], width: number, past: number) =>
  past && values.length < width ? [...values, ...new Array<null>(width - values.length).fill(null)] : values;

function readTable3(grids: Grid[], format: FormatDef, labels: LabelsRead, pastOf: (i: number) => number) {
  const rows = numberRows(format);
  const first = rows[0].label;
  const last = rows[rows.length - 1].label;
  const all = rows.map((r) => r.label);
  const at = grids.findIndex((g) => holds(g, first, all) && holds(g, last, all));
  if (at < 0) return { problem: `未找到表三：没有一个表格含「${first}」和「${last}」` };
  const grid = grids[at];
  const start = grid.findIndex((r) => rowIs(r, first, all));
  const cols = headerColumns(
    grid.slice(0, start),
    format.t3.columns.map((c) => c.label),
  );
  const t3: Record<string, unknown[]> = {};
  const foreign = foreignRows(format);
  let next = 0;
  let read = 0;
  const body = grid.slice(start);
  const bareRows = rows.map((x) => bareLabel(x.label));
  const rowLabels = rows.map((x, k) => ({ label: bareRows[k], words: x.words?.map(bareLabel) }));
  const match = (label: string) => {
    const bare = bareLabel(label);
    return bareRows.findIndex((x, k) => k >= next && bare.endsWith(x));
  };
  for (const [n, row] of body.entries()) {
    const r = rowValues(row, cols, T3_WIDTH);
    if (r) r.values = padded(r.values, T3_WIDTH, pastOf(at));
    if (!r) continue;
    const bare = bareLabel(r.label);
    if (!bare) continue;
    const numbers = r.values.some((v) => v !== null);
    let i = match(r.label);
    // A label a page break cut may end like a later row's (「…不计其他」 like 「3.其他」): the row it makes with
    // the next row's words, when that is nearer in the template's order, is the one.
    if (numbers) {
      const cut = cutLabel(body, n, cols, match);
      if (cut >= 0 && (i < 0 || cut < i)) i = cut;
    }
    // A row of another format counts only with numbers in it (a group's label row has none).
    const other = i < 0 && numbers ? foreign.find((x) => bare.endsWith(bareLabel(x.label))) : undefined;
    // A label the template has not, with numbers, before the table's last row: the nearest row, when clear.
    if (i < 0 && !other && numbers && !(rows[rows.length - 1].key in t3)) {
      const read = new Set(rows.flatMap((x, k) => (x.key in t3 ? [k] : [])));
      const near = nearestRow(bare, rowLabels, read);
      if (!("index" in near)) {
        const between = near.between.map((k) => rows[k].key);
        labels.unsure.push({ table: "t3", label: r.label, values: r.values, between });
        continue;
      }
      i = near.index;
      labels.t3[rows[i].key] = r.label;
    }
    const key = i >= 0 ? rows[i].key : other?.key;
    if (!key || key in t3) continue;
    t3[key] = r.values;
    read++;
    if (i >= 0) next = i + 1;
  }
  return { t3: t3 as Table3, found: { table: at + 1, rows: read } };
}

/**
 * A row whose label a page break cut (its numbers on one page, its label's last words in the next row, which
 * has none): the template row that the label makes with the next one or two rows' text — joined after it, or
 * cell by cell where the parts' columns line up —, or -1. Only a template label is taken, never a guess.
 */
function cutLabel(body: Grid, n: number, cols: number[] | null, match: (label: string) => number): number {
  let after = rowValues(body[n], cols, T3_WIDTH)?.label ?? "";
  let merged = [...body[n]];
  for (let k = n + 1; k < Math.min(body.length, n + 3); k++) {
    const more = rowValues(body[k], cols, T3_WIDTH);
    if (!more || more.values.some((v) => v !== null)) return -1;
    after += more.label;
    merged = merged.map((c, j) =>
      c === null && body[k][j] === null ? null : `${c ?? ""}${body[k][j] ?? ""}`,
    );
    for (const label of [after, rowValues(merged, cols, T3_WIDTH)?.label ?? ""]) {
      const i = match(label);
      if (i >= 0) return i;
    }
  }
  return -1;
}

function readTable4(
  grids: Grid[],
  format: FormatDef,
  tableNo: (i: number) => number,
  pastOf: (i: number) => number,
) {
  const t4def = format.t4;
  const at = grids.findIndex(
    (g) =>
      gridHas(g, t4def.review.label) &&
      gridIncludes(g, t4def.litigationLabel) &&
      gridHas(g, t4def.results[0].label),
  );
  if (at < 0)
    return {
      problem: `未找到表四：没有一个表格含「${t4def.review.label}」「${t4def.litigationLabel}」和「${t4def.results[0].label}」`,
    };
  const grid = grids[at];
  const results = t4def.results.map((r) => normalizeText(r.label));
  // The header positions of the five results, in column order: three groups of five.
  const marks: { c: number; r: number }[] = [];
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (results.includes(normal(cell))) marks.push({ c, r });
    }),
  );
  // One mark per column (a sheet may repeat a merged header's text in the positions it covers).
  marks.sort((a, b) => a.c - b.c || a.r - b.r);
  for (let i = marks.length - 1; i > 0; i--) if (marks[i].c === marks[i - 1].c) marks.splice(i, 1);
  const ordered =
    marks.length === T4_WIDTH &&
    marks.every((m, i) => normal(grid[m.r][m.c]) === results[i % T4_GROUP_WIDTH]);
  const headerEnd = Math.max(...marks.map((m) => m.r), 0) + 1;
  const cols = ordered ? marks.map((m) => m.c) : null;
  for (const row of grid.slice(headerEnd)) {
    const r = rowValues(row, cols, T4_WIDTH);
    if (r && r.values.length >= T4_WIDTH - pastOf(at)) r.values = padded(r.values, T4_WIDTH, pastOf(at));
    // A row with nothing in it (a sliver a page break or a PDF's doubled rule leaves) is not the data row.
    if (r && r.values.length === T4_WIDTH && row.some((c) => c !== null && c.trim() !== ""))
      return { t4: r.values as Num[], found: { table: at + 1, rows: 1 } };
  }
  // A header of its fifteen columns with nothing under it (a sheet not yet typed in): fifteen blanks (F2).
  if (cols && grid.slice(headerEnd).every((row) => row.every((c) => c === null || isValueCell(c))))
    return { t4: new Array<Num>(T4_WIDTH).fill(null), found: { table: at + 1, rows: 1 } };
  return { problem: `表四（第${tableNo(at)}个表格）中没有找到${T4_WIDTH}个数字的一行` };
}

function readTable2(grids: Grid[], format: FormatDef, labels: LabelsRead) {
  const def = format.t2;
  if (!def) return {};
  const rows = def.blocks.flatMap((b) => b.rows.map((r) => ({ ...r, width: b.columns.length })));
  const [a, b] = [rows[0].label, rows[rows.length - 1].label];
  // The table holding most of 表二's rows, two at least (a misprinted one is near its label).
  const all = rows.map((r) => r.label);
  const held = grids.map(
    (g) => rows.filter((r) => gridHas(g, r.label) || g.some((row) => rowIs(row, r.label, all))).length,
  );
  const most = Math.max(0, ...held);
  const at = most >= 2 ? held.indexOf(most) : -1;
  if (at < 0) return { problem: `未找到表二：没有一个表格含「${a}」和「${b}」` };
  const t2: Record<string, unknown> = {};
  const bareRows = rows.map((r) => bareLabel(r.label));
  // Each row's label and the numbers after it; rows read by their label first, then the others by nearness.
  const printed = grids[at].flatMap((row) => {
    const cells = row.filter((c): c is string => c !== null);
    const i = cells.findIndex((c) => !isValueCell(c));
    return i < 0 ? [] : [{ label: cells[i], bare: bareLabel(cells[i]), after: cells.slice(i + 1) }];
  });
  const take = (k: number, after: string[]) => {
    const values = after.slice(0, rows[k].width).map(cellNumber);
    t2[rows[k].key] = rows[k].width === 1 ? (values[0] ?? null) : values;
  };
  const rest: typeof printed = [];
  for (const p of printed) {
    // 规范性文件 for 行政规范性文件: a label people shorten is matched by its end.
    const k = bareRows.findIndex((b) => b && (b === p.bare || b.endsWith(p.bare)));
    if (k >= 0 && p.bare.length >= 2) {
      if (!(rows[k].key in t2)) take(k, p.after);
    } else if (p.after.some((c) => typeof cellNumber(c) === "number")) rest.push(p);
  }
  for (const p of rest) {
    const read = new Set(rows.flatMap((r, k) => (r.key in t2 ? [k] : [])));
    const near = nearestRow(
      p.bare,
      bareRows.map((label) => ({ label })),
      read,
    );
    if ("index" in near) {
      take(near.index, p.after);
      labels.t2[rows[near.index].key] = p.label;
    } else
      labels.unsure.push({
        table: "t2",
        label: p.label,
        values: p.after.map(cellNumber),
        between: near.between.map((k) => rows[k].key),
      });
  }
  const read = Object.keys(t2).length;
  return { t2: t2 as Table2, found: { table: at + 1, rows: read } };
}

/** Which format a report's tables are in: 表二's column labels tell 2019 from 2021; else the year. */
function detectFormat(grids: Grid[], year: number): FormatId {
  for (const id of ["2021", "2019"] as FormatId[]) {
    const t2 = getFormat(id).t2;
    const own = t2?.blocks[0].columns[0].label;
    if (own && grids.some((g) => gridHas(g, own))) return id;
  }
  return formatForYear(year);
}

/** Reads a report's tables and title. */
export function readReport(doc: ReportDocumentText, options: ReadOptions = {}): ReadReport {
  const title = findTitle(doc.paragraphs);
  // A title without its year: the year its 统计期限 states.
  const year = options.year ?? (title?.year || yearOfPeriod(doc.paragraphs));
  const problems: string[] = [];
  if (!year) problems.push("没有找到报告年度：标题中应有「XX年政府信息公开工作年度报告」，或用 --year 指定");
  const formatId = options.format ?? detectFormat(doc.tables, year);
  const format = getFormat(formatId);
  const found: ReadReport["found"] = {};
  // Tables split at a page break joined first: 表三 by its first and last rows, 表二 likewise.
  const rows3 = numberRows(format);
  let joined: Joined = joinSplit(
    { grids: doc.tables, parts: doc.tables.map((_, i) => [i]) },
    rows3.map((r) => r.label),
  );
  const rows2 = format.t2?.blocks.flatMap((b) => b.rows) ?? [];
  if (rows2.length)
    joined = joinSplit(
      joined,
      rows2.map((r) => r.label),
    );
  const { grids, parts } = joined;
  const labels: LabelsRead = { t2: {}, t3: {}, unsure: [] };
  // How many of a table's last columns were printed past the page's edge (any of its parts').
  const pastOf = (i: number) =>
    Math.max(
      0,
      ...(doc.cut ?? [])
        .filter((c) => parts[i]?.includes(c.table))
        .map((c) => (doc.tables[c.table][0]?.length ?? 0) - c.from),
    );
  const r3 = readTable3(grids, format, labels, pastOf);
  const r4 = readTable4(grids, format, (i) => parts[i][0] + 1, pastOf);
  const r2 = readTable2(grids, format, labels);
  const cut: NonNullable<ReadReport["cut"]> = [];
  for (const [id, r] of [
    ["t2", r2],
    ["t3", r3],
    ["t4", r4],
  ] as const) {
    if ("problem" in r && r.problem) problems.push(r.problem);
    if (!("found" in r && r.found)) continue;
    // Where it starts in the document, as people count its tables (a joined table by its first part).
    found[id] = { ...r.found, table: parts[r.found.table - 1][0] + 1 };
    const past = pastOf(r.found.table - 1);
    const width = id === "t3" ? T3_WIDTH : id === "t4" ? T4_WIDTH : (format.t2?.width ?? 0);
    if (past) cut.push({ table: id, columns: [...Array(width).keys()].slice(Math.max(0, width - past)) });
  }
  const tables: TableSet = {
    format: formatId,
    year,
    agency: options.agency ?? title?.agency ?? "",
    t2: ("t2" in r2 && r2.t2) || null,
    t3: ("t3" in r3 && r3.t3) || {},
    t4: ("t4" in r4 && r4.t4) || [],
  };
  // The fee is not in the tables: what the text states (section 六), where it states one amount.
  const fee = statedFee(doc.paragraphs);
  if (fee !== undefined) tables.feeYuan = fee;
  return {
    tables,
    found,
    problems,
    title: title?.title ?? null,
    paragraphs: doc.paragraphs,
    labels,
    ...(cut.length ? { cut } : {}),
  };
}

/**
 * The tables for arithmetic (roll-up, last year, sentences): cells that are not numbers become blanks, every row
 * given has its seven cells and 表四 its fifteen (a short row, as a typed or broken input may give, is blank where
 * it says nothing; a row that is no list of cells is left out, as a missing one). Rows of another format (a 2019
 * （六） in a 2021 table) are kept, for the roll-up to place.
 */
export function numericTables(t: TableSet): TableSet {
  const num = (v: unknown): Num => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const cells = (v: unknown, n: number) =>
    Array.from({ length: n }, (_, i) => num(Array.isArray(v) ? v[i] : null));
  const given3 =
    t.t3 && typeof t.t3 === "object" && !Array.isArray(t.t3) ? (t.t3 as Record<string, unknown>) : {};
  const t3: Table3 = {};
  for (const [k, v] of Object.entries(given3))
    if (Array.isArray(v)) t3[k] = cells(v, Math.max(v.length, T3_WIDTH));
  let t2: Table2 | null = null;
  if (t.t2 && typeof t.t2 === "object" && !Array.isArray(t.t2)) {
    t2 = {};
    for (const [k, v] of Object.entries(t.t2)) t2[k] = Array.isArray(v) ? v.map(num) : num(v);
  }
  return { ...t, t2, t3, t4: cells(t.t4, T4_WIDTH) };
}
