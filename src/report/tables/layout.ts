/**
 * The three tables laid out as printed: header rows with the template's merges, label cells, number cells.
 * Host-independent; the .docx writer, the Excel 统计表 sheet and the panes render from these grids.
 */
import type { FormatDef } from "../formats";
import {
  getFormat,
  reportTitle,
  T3_TOTAL_COLUMN,
  T3_WIDTH,
  T4_GROUP_WIDTH,
  T4_WIDTH,
  tableCaption,
} from "../formats";
import type { Num, TableSet } from "./tables";
import { placeWords } from "./place";

export interface GridCell {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  /** Labels are left-aligned, headers and numbers centred. */
  align: "left" | "center";
  header?: boolean;
  /** For number cells: the data address, e.g. "t3.new.natural". */
  key?: string;
}

export interface TableGrid {
  part: "table2" | "table3" | "table4";
  /** Relative column widths. */
  widths: number[];
  /** Rows of cells; a cell covered by a merge above or to the left is simply absent. */
  rows: GridCell[][];
  /** Number of header rows at the top. */
  headerRows: number;
}

/** A number as printed in a table: zeros written, blanks left blank, amounts with their decimals. */
function cellValueText(v: Num | undefined): string {
  if (v === null || v === undefined) return "";
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 10000) / 10000);
}

const num = (v: Num | undefined, key: string): GridCell => ({ text: cellValueText(v), align: "center", key });
const head = (text: string, more: Partial<GridCell> = {}): GridCell => ({
  text,
  align: "center",
  header: true,
  ...more,
});
const label = (text: string, more: Partial<GridCell> = {}): GridCell => ({ text, align: "left", ...more });

export function table3Grid(t: TableSet, format: FormatDef = getFormat(t.format)): TableGrid {
  const def = format.t3;
  const orgCols = def.columns.filter((c) => def.organisationColumns.includes(c.key));
  const rows: GridCell[][] = [
    [head(def.cornerNote, { colSpan: 3, rowSpan: 3 }), head(def.applicantHeader, { colSpan: T3_WIDTH })],
    [
      head(def.columns[0].label, { rowSpan: 2 }),
      head(def.organisationHeader, { colSpan: orgCols.length }),
      head(def.columns[T3_TOTAL_COLUMN].label, { rowSpan: 2 }),
    ],
    orgCols.map((c) => head(c.label)),
  ];
  const numbers = (key: string) => def.columns.map((c, i) => num(t.t3[key]?.[i], `t3.${key}.${c.key}`));
  const resultRows = def.rows.filter((r) => r.inResults && r.kind !== "group").length;
  let firstResult = true;
  for (const row of def.rows) {
    if (row.kind === "group") continue;
    const cells: GridCell[] = [];
    if (row.kind === "head") cells.push(label(row.label, { colSpan: 3 }));
    else {
      if (firstResult) {
        cells.push(label(def.resultsLabel, { rowSpan: resultRows, align: "center" }));
        firstResult = false;
      }
      if (row.kind === "leaf") {
        const siblings = def.rows.filter((r) => r.group === row.group);
        if (siblings[0] === row) {
          const group = def.rows.find((g) => g.key === row.group);
          cells.push(label(group?.label ?? "", { rowSpan: siblings.length }));
        }
        cells.push(label(row.label));
      } else cells.push(label(row.label, { colSpan: 2 }));
    }
    rows.push([...cells, ...numbers(row.key)]);
  }
  return { part: "table3", widths: [5, 7, 18, 7, 7, 7, 7, 7, 7, 7], rows, headerRows: 3 };
}

export function table4Grid(t: TableSet, format: FormatDef = getFormat(t.format)): TableGrid {
  const def = format.t4;
  const results = def.results;
  const groups = [def.review, ...def.litigation];
  const rows: GridCell[][] = [
    [
      head(def.review.label, { colSpan: T4_GROUP_WIDTH }),
      head(def.litigationLabel, { colSpan: T4_WIDTH - T4_GROUP_WIDTH }),
    ],
    [
      ...results.map((r) => head(r.label, { rowSpan: 2 })),
      ...def.litigation.map((g) => head(g.label, { colSpan: T4_GROUP_WIDTH })),
    ],
    [...def.litigation.flatMap(() => results.map((r) => head(r.label)))],
    groups.flatMap((g, gi) =>
      results.map((r, i) => num(t.t4[gi * T4_GROUP_WIDTH + i], `t4.${g.key}.${r.key}`)),
    ),
  ];
  return { part: "table4", widths: new Array(T4_WIDTH).fill(1), rows, headerRows: 3 };
}

/**
 * 表四 for a narrow pane: the same fifteen numbers as three rows (行政复议, and 行政诉讼's two) of the five results,
 * so that no column is off to the right. The printed layout stays table4Grid's.
 */
export function table4CompactGrid(t: TableSet, format: FormatDef = getFormat(t.format)): TableGrid {
  const def = format.t4;
  const numbers = (g: { key: string }, gi: number) =>
    def.results.map((r, i) => num(t.t4[gi * T4_GROUP_WIDTH + i], `t4.${g.key}.${r.key}`));
  const rows: GridCell[][] = [
    [head("", { colSpan: 2 }), ...def.results.map((r) => head(r.label))],
    [label(def.review.label, { colSpan: 2 }), ...numbers(def.review, 0)],
    ...def.litigation.map((g, i) => [
      ...(i === 0 ? [label(def.litigationLabel, { rowSpan: def.litigation.length })] : []),
      label(g.label),
      ...numbers(g, i + 1),
    ]),
  ];
  return { part: "table4", widths: [3, 5, 4, 4, 4, 4, 4], rows, headerRows: 1 };
}

const NUMBERING = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、])/;

/**
 * A row label as short as the template's numbering allows, for a narrow pane: 「（三）不予公开」 → 「（三）」,
 * 「1.属于国家秘密」 → 「1.」; a label without numbering, or whose words after it are as short (总计), stays whole.
 */
export function shortLabel(text: string): string {
  const m = NUMBERING.exec(text);
  if (!m) return text;
  const rest = text.slice(m[0].length).trim();
  return rest.length <= 2 ? text.trim() : m[1];
}

/** 表二; null for the legacy format, which prints none. */
export function table2Grid(t: TableSet, format: FormatDef = getFormat(t.format)): TableGrid | null {
  const def = format.t2;
  if (!def) return null;
  const width = def.width;
  const rows: GridCell[][] = [];
  for (const block of def.blocks) {
    rows.push([head(block.caption, { colSpan: width + 1 })]);
    const n = block.columns.length;
    const span = (i: number) => (i === n - 1 ? width - n + 1 : 1);
    rows.push([
      head(def.contentLabel),
      ...block.columns.map((c, i) => head(c.label, span(i) > 1 ? { colSpan: span(i) } : {})),
    ]);
    for (const row of block.rows) {
      const v = t.t2?.[row.key];
      const values = Array.isArray(v) ? v : [v ?? null];
      rows.push([
        label(row.label),
        ...block.columns.map((c, i) => {
          const cell = num(values[i], `t2.${row.key}.${c.key}`);
          return span(i) > 1 ? { ...cell, colSpan: span(i) } : cell;
        }),
      ]);
    }
  }
  return { part: "table2", widths: [7, 5, 5, 5], rows, headerRows: 0 };
}

interface PlacedCell {
  cell: GridCell;
  /** Vertical merges written out: the first cell restarts, the cells below continue it. */
  merge?: "restart" | "continue";
}

/** A grid's rows with the cells covered by vertical merges put in, as word processors store tables. */
export function expandGrid(grid: TableGrid): PlacedCell[][] {
  const columns = grid.widths.length;
  const running: ({ cell: GridCell; until: number } | undefined)[] = new Array(columns);
  return grid.rows.map((r, ri) => {
    const out: PlacedCell[] = [];
    let col = 0;
    const fillRunning = () => {
      for (let run = running[col]; col < columns && run && run.until >= ri; run = running[col]) {
        out.push({ cell: run.cell, merge: "continue" });
        col += run.cell.colSpan ?? 1;
      }
    };
    for (const c of r) {
      fillRunning();
      if (c.rowSpan && c.rowSpan > 1) {
        running[col] = { cell: c, until: ri + c.rowSpan - 1 };
        out.push({ cell: c, merge: "restart" });
      } else out.push({ cell: c });
      col += c.colSpan ?? 1;
    }
    fillRunning();
    return out;
  });
}

/**
 * A readable name of a number cell — 表三「一、本年新收政府信息公开申请数量」「自然人」, 表四「行政诉讼」「复议后起诉」
 * 「结果维持」 —, as findings name their places (./place: one naming for every surface).
 */
export const cellName = (key: string, format: FormatDef): string => placeWords(key, format);

/** A grid as a sheet's cells: values row by row (numbers as numbers), the merges, the left-aligned labels. */
export interface GridMatrix {
  values: (string | number)[][];
  /** [row, column, rows, columns] of each merged cell. */
  merges: [number, number, number, number][];
  /** [row, column] of each label printed left-aligned. */
  left: [number, number][];
}

export function gridMatrix(grid: TableGrid): GridMatrix {
  const width = grid.widths.length;
  const expanded = expandGrid(grid);
  const values = expanded.map(() => new Array<string | number>(width).fill(""));
  const merges: GridMatrix["merges"] = [];
  const left: GridMatrix["left"] = [];
  expanded.forEach((row, r) => {
    let c = 0;
    for (const p of row) {
      const span = p.cell.colSpan ?? 1;
      if (p.merge !== "continue") {
        const n = p.cell.key && p.cell.text !== "" ? Number(p.cell.text) : NaN;
        values[r][c] = Number.isFinite(n) ? n : p.cell.text;
        if (span > 1 || (p.cell.rowSpan ?? 1) > 1) merges.push([r, c, p.cell.rowSpan ?? 1, span]);
        if (!p.cell.key && !p.cell.header && p.cell.align === "left") left.push([r, c]);
      }
      c += span;
    }
  });
  return { values, merges, left };
}

/**
 * The 统计表 sheet's blocks: the title in the first row, a blank row, then each table's caption (in row `top`,
 * zero-based) with its grid right under it, a blank row between tables. Every writer of the sheet and
 * statisticsKeyAt place them by `top`.
 */
export function statisticsBlocks(t: TableSet, format: FormatDef = getFormat(t.format)) {
  const grids = [
    format.t2 ? { caption: tableCaption(format.t2), grid: table2Grid(t, format) } : null,
    { caption: tableCaption(format.t3), grid: table3Grid(t, format) },
    { caption: tableCaption(format.t4), grid: table4Grid(t, format) },
  ];
  let top = 2;
  const tables = grids
    .filter((g): g is { caption: string; grid: TableGrid } => !!g?.grid)
    .map((g) => {
      const expanded = expandGrid(g.grid);
      const block = { ...g, top, expanded };
      top += expanded.length + 2;
      return block;
    });
  return { title: `${reportTitle(format, `${t.agency} `, t.year)}统计表`, tables };
}

/** The key of the number at a position (zero-based) of the 统计表 sheet as statisticsBlocks lays it out, or null. */
export function statisticsKeyAt(t: TableSet, row: number, col: number): string | null {
  for (const { top, expanded } of statisticsBlocks(t).tables) {
    const r = row - (top + 1);
    if (r < 0 || r >= expanded.length) continue;
    let c = 0;
    for (const p of expanded[r]) {
      const span = p.cell.colSpan ?? 1;
      if (col >= c && col < c + span) return p.merge === "continue" ? null : (p.cell.key ?? null);
      c += span;
    }
    return null;
  }
  return null;
}
