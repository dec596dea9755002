/**
 * Every number of 表三 and 表四 traced to the register rows behind it. The tallies record, when asked (a
 * compile with `explain`), where each counted row went — the same placements that made the numbers, so the
 * rows of a cell are its count by construction. A cell's rows come with their sheet, row number, 编号, the
 * fields that put them there and why (received this year; carried: received before and open on 1 January;
 * concluded this year; still open on 31 December). Carry numbers typed in 报告信息 are said to be typed.
 */
import { FIRST_OUTCOME, CARRY, FWD, NEW } from "./applications";
import { cellDays, cellText, isEmptyCell } from "../common/cells";
import type { Cell, SheetData } from "../common/cells";
import { formatDays } from "../common/dates";
import type { FormatDef } from "../formats";
import { numberRows, outcomeRows, T3_APPLICANT_COLUMNS as A, T3_TOTAL_COLUMN, T3_WIDTH } from "../formats";
import { T4_GROUP_WIDTH, T4_TOTAL_RESULT } from "../formats";
import { keyOfCell, t4GroupIndex } from "../tables/cellRef";
import type { CellRef } from "../tables/cellRef";
import { cellName } from "../tables/layout";
import { APPLICATION_HEADERS, CASE_HEADERS, mapColumns } from "./registers";
import type { HeaderSpec } from "./registers";
import type { Num, TableSet } from "../tables/tables";

export interface ExplainedRow {
  sheet: string;
  /** Excel row number. */
  row: number;
  id: string;
  /** The fields that put the row in the cell, as the register shows them. */
  fields: [string, string][];
  why: string;
}

export interface Explanation {
  cell: CellRef;
  /** 表三「…」「自然人」 */
  label: string;
  value: Num;
  rows: ExplainedRow[];
  /** The part of the number typed in 报告信息 (上年结转), not from rows. */
  typed: number;
  note: string;
}

interface Traced {
  sheet: SheetData;
  /** Pairs (count slot, Excel row number) in row order. */
  trace: ArrayLike<number>;
}

const APP_FIELDS = ["编号", "收到日期", "申请人类型", "办理结果", "办结日期"];
const CASE_FIELDS = ["编号", "类型", "立案日期", "结果", "审结日期"];
const DATE_FIELDS = new Set(["收到日期", "办结日期", "立案日期", "审结日期"]);

function shown(field: string, v: Cell): string {
  if (isEmptyCell(v)) return "";
  if (DATE_FIELDS.has(field)) {
    const d = cellDays(v);
    if (d === d) return formatDays(d);
  }
  return cellText(v).trim();
}

/** Reads the named fields of sheet rows by their header. */
function fieldReader(sheet: SheetData, spec: HeaderSpec, names: string[]) {
  const map = mapColumns(sheet.name, sheet.rows[0] ?? [], spec);
  return (rn: number): [string, string][] => {
    const row = sheet.rows[rn - (sheet.firstRow ?? 1)] ?? [];
    return names.map((n) => [n, shown(n, map.index[n] === undefined ? null : row[map.index[n] as number])]);
  };
}

const parts = (t: Traced | Traced[] | null): Traced[] => (t === null ? [] : Array.isArray(t) ? t : [t]);

export class Explainer {
  /** Each register's sheets with their traces (one register kept on several sheets: months, quarters…). */
  private readonly apps: Traced[];
  private readonly cases: Traced[];
  /** Display row keys of each count slot: its own row, and （七）总计 for outcomes. */
  private readonly slotKeys: string[][];
  private readonly t3Keys: string[];

  constructor(
    private readonly format: FormatDef,
    private readonly tables: TableSet,
    apps: Traced | Traced[] | null,
    cases: Traced | Traced[] | null,
    /** 报告信息's carry numbers added to 表三 (seven, 总计 last), or null. */
    private readonly typedCarry: number[] | null,
    /** The tables typed by hand into a sheet (no register gives them), or null. */
    private readonly typedTables: { where: string; tables: string[] } | null = null,
  ) {
    this.apps = parts(apps);
    this.cases = parts(cases);
    const base: string[][] = [];
    base[NEW] = ["new"];
    base[CARRY] = ["carry"];
    base[FWD] = ["fwd"];
    // 表三's groups (（三）不予公开…) print no numbers: an outcome counts in its own row and in （七）总计.
    outcomeRows(format).forEach((r, i) => (base[FIRST_OUTCOME + i] = [r.key, "total"]));
    this.slotKeys = base;
    this.t3Keys = numberRows(format).map((r) => r.key);
  }

  /** The count slots a 表三 row key gathers. */
  private slotsOf(key: string): number[] {
    return this.slotKeys.flatMap((keys, slot) => (keys.includes(key) ? [slot] : []));
  }

  /** The Excel row numbers behind a cell, in row order (sheet after sheet where the register has several). */
  rowsOf(cell: CellRef): number[] {
    return (cell.table === "t3" ? this.apps : this.cases).flatMap((t) => this.rowsIn(t, cell));
  }

  /** The Excel row numbers behind a cell in one sheet, in row order. */
  private rowsIn(traced: Traced, cell: CellRef): number[] {
    const wanted = new Uint8Array(cell.table === "t3" ? this.slotKeys.length * A : 3 * T4_GROUP_WIDTH);
    if (cell.table === "t3") {
      for (const slot of this.slotsOf(cell.row))
        for (let a = 0; a < A; a++)
          if (cell.column === T3_TOTAL_COLUMN || a === cell.column) wanted[slot * A + a] = 1;
    } else {
      const g = t4GroupIndex(this.format, cell.row);
      for (let r = 0; r < T4_TOTAL_RESULT; r++)
        if (cell.column === T4_TOTAL_RESULT || r === cell.column) wanted[g * T4_GROUP_WIDTH + r] = 1;
    }
    const out: number[] = [];
    const t = traced.trace;
    for (let i = 0; i < t.length; i += 2) if (wanted[t[i]]) out.push(t[i + 1]);
    return out;
  }

  /**
   * The rows of every cell of 表三 (key → seven lists of Excel row numbers, 总计 last): the trace read twice,
   * once to size every list and once to fill them in row order — no list grows while it is filled.
   */
  allT3(): Record<string, Int32Array[]> {
    // One sheet's rows (the first): the grid of row numbers is for a register kept on one sheet.
    const t = this.apps[0]?.trace ?? [];
    const sizes = new Int32Array(this.slotKeys.length * A);
    for (let i = 0; i < t.length; i += 2) sizes[t[i]]++;
    const lengths: Record<string, number[]> = {};
    for (const k of this.t3Keys) lengths[k] = new Array<number>(T3_WIDTH).fill(0);
    this.slotKeys.forEach((keys, slot) => {
      for (const k of keys)
        for (let a = 0; a < A; a++) {
          lengths[k][a] += sizes[slot * A + a];
          lengths[k][T3_TOTAL_COLUMN] += sizes[slot * A + a];
        }
    });
    const out: Record<string, Int32Array[]> = {};
    for (const k of this.t3Keys) out[k] = lengths[k].map((n) => new Int32Array(n));
    const filled: Record<string, Int32Array> = {};
    for (const k of this.t3Keys) filled[k] = new Int32Array(T3_WIDTH);
    const lists = this.slotKeys.map((keys) => keys.map((k) => ({ rows: out[k], at: filled[k] })));
    for (let i = 0; i < t.length; i += 2) {
      const slot = (t[i] / A) | 0;
      const a = t[i] - slot * A;
      const rn = t[i + 1];
      for (const { rows, at } of lists[slot]) {
        rows[a][at[a]++] = rn;
        rows[T3_TOTAL_COLUMN][at[T3_TOTAL_COLUMN]++] = rn;
      }
    }
    return out;
  }

  /** Why a row of a 表三 row key is counted there, from its fields. */
  private why(key: string, f: Record<string, string>): string {
    if (key === "new") return `本年收到（${f["收到日期"]}）`;
    if (key === "carry") return `上年收到（${f["收到日期"]}），1月1日尚未办结，作为上年结转`;
    if (key === "fwd")
      return `12月31日尚未办结${f["办结日期"] ? `（办结日期 ${f["办结日期"]}）` : ""}，结转下年度继续办理`;
    return `本年办结（${f["办结日期"]}），办理结果为「${f["办理结果"]}」`;
  }

  /** A cell's rows with their fields and reasons, and what of it was typed rather than counted. */
  explain(cell: CellRef): Explanation {
    const label = cellName(keyOfCell(this.format, cell), this.format);
    const value =
      cell.table === "t3"
        ? (this.tables.t3[cell.row]?.[cell.column] ?? null)
        : (this.tables.t4[t4GroupIndex(this.format, cell.row) * T4_GROUP_WIDTH + cell.column] ?? null);
    if (this.typedTables?.tables.includes(cell.table)) {
      const note = `此数是在${this.typedTables.where}中直接填写的，不来自登记表中的行`;
      return { cell, label, value, rows: [], typed: typeof value === "number" ? value : 0, note };
    }
    const typed = cell.table === "t3" && cell.row === "carry" ? (this.typedCarry?.[cell.column] ?? 0) : 0;
    const explained = (cell.table === "t3" ? this.apps : this.cases).flatMap((traced) => {
      const read = fieldReader(
        traced.sheet,
        cell.table === "t3" ? APPLICATION_HEADERS : CASE_HEADERS,
        cell.table === "t3" ? APP_FIELDS : CASE_FIELDS,
      );
      return this.rowsIn(traced, cell).map((rn) => {
        const fields = read(rn);
        const f = Object.fromEntries(fields);
        return {
          sheet: traced.sheet.name,
          row: rn,
          id: f["编号"] ?? "",
          fields: fields.filter(([k]) => k !== "编号"),
          why:
            cell.table === "t3"
              ? this.why(cell.row, f)
              : `本年立案（${f["立案日期"]}）${f["结果"] ? `，结果为「${f["结果"]}」` : "，尚未审结"}`,
        };
      });
    });
    const rows = explained;
    const note = typed
      ? `其中${typed}件是「报告信息」中填写的上年结转数字，不对应登记表中的行`
      : rows.length
        ? `登记表中${rows.length}行计入此数`
        : "登记表中没有计入此数的行";
    return { cell, label, value, rows: explained, typed, note };
  }
}
