/**
 * The tables of an RTF document (./rtf reads the text and calls these as it goes), as grids in the .docx
 * reader's conventions (src/docx/readText.ts): one entry per grid position, a merged cell's text at its first
 * position and null at the positions it covers; a row that starts right of the table's left edge gets "" at the
 * positions before it (as w:gridBefore), a row that ends short of its right edge is left shorter.
 *
 * RTF describes a row by its cells' right boundaries (\cellx, in twips, from \trleft): the table's columns are
 * the union of its rows' boundaries, and a cell covering several of them is one position plus nulls, as a
 * w:gridSpan. Vertical merges (\clvmgf, \clvmrg) and the old horizontal ones (\clmgf, \clmrg): a continued cell
 * is null at all its positions. A row's definition (\trowd … \cellx) may come before its cells (LibreOffice, and
 * Word for outer tables), after them (Word for nested tables, in \*\nesttableprops) or both (Word repeats it in
 * the \row group): each row takes the last definition given at its level when it ends.
 *
 * Nested tables (\itap N, \nestcell, \nestrow) are tables of their own, in the order they start (outer first);
 * as in the .docx reader, a cell's text is every paragraph in it joined by "\n", those of a table nested in it
 * too.
 */
import type { Grid } from "../report/read/cells";

/** 0: not merged; 1: the first cell of a merge; 2: a cell the merge covers. */
type Merge = 0 | 1 | 2;

interface CellDef {
  right: number;
  vertical: Merge;
  horizontal: Merge;
}

interface RowDef {
  left: number;
  cells: CellDef[];
}

interface Cell {
  text: string;
  left: number;
  right: number;
  covered: boolean;
}

interface OpenTable {
  /** Where its grid goes in the document's list of tables. */
  slot: number;
  rows: Cell[][];
  /** The texts of the row's cells ended so far. */
  cells: string[];
  /** The paragraph (in the log) the current cell's text begins with. */
  cellStart: number;
}

/** The deepest nesting read: Word nests tables 63 deep at most; deeper levels are read as this one. */
export const MAX_TABLE_LEVELS = 64;
/** Grid positions (all tables together) a document may have: far more than any report's. */
export const MAX_GRID_POSITIONS = 1_000_000;
/** Boundaries closer than this (twips; 20 = 1 pt) are one: rows written with rounding differences. */
const SNAP = 20;
/** Room given to cells a row's definition does not describe (a malformed row). */
const UNDEFINED_WIDTH = 1000;

export class RtfTables {
  private readonly grids: Grid[] = [];
  /** The open tables, outermost first: open[L - 1] is at nesting level L. */
  private readonly open: OpenTable[] = [];
  /** The last row definition given at each level. */
  private readonly defs: (RowDef | undefined)[] = [];
  /** The definition \cellx and the cell properties apply to (since the last \trowd). */
  private def: RowDef | null = null;
  private vertical: Merge = 0;
  private horizontal: Merge = 0;
  /** Paragraphs of the open tables' cells, in order (a cell's text is a run of them). */
  private log: string[] = [];
  private positions = 0;
  private cellCount = 0;

  constructor(
    /** Counts the characters of each cell's text toward the document's limit (throws past it). */
    private readonly count: (chars: number) => void,
    /** Throws: the tables are larger than MAX_GRID_POSITIONS. */
    private readonly tooBig: () => never,
  ) {}

  /** A row definition's control word (\trowd, \trleft, \cellx, merges): whether it was one. */
  control(word: string, param: number | null, level: number): boolean {
    if (word === "trowd") this.rowDef(Math.max(1, level));
    else if (word === "trleft") this.rowLeft(param ?? 0);
    else if (word === "cellx") this.cellx(param ?? 0, Math.max(1, level));
    else if (/^cl(v?)m(gf|rg)$/.test(word)) this.merge(word[2] === "v", word.endsWith("gf") ? 1 : 2);
    else return false;
    return true;
  }

  /** \trowd: a new row definition at a level. */
  private rowDef(level: number): void {
    this.def = { left: 0, cells: [] };
    this.defs[clamp(level)] = this.def;
    this.vertical = this.horizontal = 0;
  }

  /** \trleft. */
  private rowLeft(twips: number): void {
    if (this.def) this.def.left = twips;
  }

  /** \clvmgf, \clvmrg (vertical) and \clmgf, \clmrg (horizontal): the next \cellx's cell. */
  private merge(vertical: boolean, merge: 1 | 2): void {
    if (vertical) this.vertical = merge;
    else this.horizontal = merge;
  }

  /** \cellx: a cell's right boundary ends its definition. */
  private cellx(twips: number, level: number): void {
    if (!this.def) this.rowDef(level);
    (this.def as RowDef).cells.push({ right: twips, vertical: this.vertical, horizontal: this.horizontal });
    this.vertical = this.horizontal = 0;
  }

  /** A paragraph that ends inside a cell at a level (not the cell's last: that one ends with the cell). */
  paragraph(level: number, text: string): void {
    this.at(level);
    this.log.push(text);
  }

  /** \cell or \nestcell, its last paragraph's text. */
  cell(level: number, text: string): void {
    const t = this.at(level);
    this.log.push(text);
    const cell = this.log.slice(t.cellStart).join("\n").trim();
    this.count(cell.length);
    t.cells.push(cell);
    t.cellStart = this.log.length;
  }

  /** \row or \nestrow. */
  row(level: number): void {
    this.endRow(this.at(level), clamp(level));
  }

  /** Ends the tables deeper than a level (a paragraph at level 0 ends them all). */
  closeDeeper(level: number): void {
    while (this.open.length > Math.max(0, level)) {
      const level = this.open.length;
      const t = this.open.pop() as OpenTable;
      if (t.cells.length) this.endRow(t, level);
      this.grids[t.slot] = this.gridOf(t.rows);
    }
    if (!this.open.length) this.log = [];
  }

  /** Every table, in the order they start; tables without a row left out. */
  tables(): Grid[] {
    this.closeDeeper(0);
    return this.grids.filter((g) => g.length > 0);
  }

  /** The open table at a level, opening it (and those around it) where needed, deeper ones ended. */
  private at(level: number): OpenTable {
    const l = clamp(level);
    this.closeDeeper(l);
    while (this.open.length < l)
      this.open.push({ slot: this.grids.push([]) - 1, rows: [], cells: [], cellStart: this.log.length });
    return this.open[l - 1];
  }

  private endRow(t: OpenTable, level: number): void {
    const def = this.defs[level];
    const texts = t.cells;
    t.cells = [];
    const n = Math.max(texts.length, def?.cells.length ?? 0);
    if (!n) return;
    // Cells are counted as rows end (a table's positions are at least its cells), so no more are kept.
    this.cellCount += n;
    if (this.cellCount > MAX_GRID_POSITIONS) this.tooBig();
    const row: Cell[] = [];
    let left = def?.left ?? 0;
    for (let k = 0; k < n; k++) {
      const d = def?.cells[k];
      const right = d ? d.right : left + UNDEFINED_WIDTH;
      row.push({ text: texts[k] ?? "", left, right, covered: d?.vertical === 2 || d?.horizontal === 2 });
      left = right;
    }
    t.rows.push(row);
  }

  /** The rows placed on the union of their boundaries. */
  private gridOf(rows: Cell[][]): Grid {
    const edges = new Set<number>();
    for (const row of rows) {
      if (row.length) edges.add(row[0].left);
      for (const c of row) edges.add(c.right);
    }
    const column = new Map<number, number>();
    let col = -1;
    let start = -Infinity;
    for (const e of [...edges].sort((a, b) => a - b)) {
      if (e - start > SNAP) {
        col++;
        start = e;
      }
      column.set(e, col);
    }
    return rows.map((cells) => {
      const row: (string | null)[] = [];
      for (const c of cells) {
        const from = Math.max(column.get(c.left) ?? 0, row.length);
        const span = Math.max(1, (column.get(c.right) ?? 0) - from);
        this.positions += from - row.length + span;
        if (this.positions > MAX_GRID_POSITIONS) this.tooBig();
        while (row.length < from) row.push("");
        row.push(c.covered ? null : c.text);
        for (let i = 1; i < span; i++) row.push(null);
      }
      return row;
    });
  }
}

const clamp = (level: number) => Math.min(MAX_TABLE_LEVELS, Math.max(1, level));
