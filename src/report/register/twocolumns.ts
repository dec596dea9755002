/**
 * Two columns for one deciding field: an own ledger's header row may name a field twice — 申请日期 beside 登记日期
 * or 收件日期 (收到日期), 答复日期 beside 办结日期 (办结日期), 处理结果 beside 答复结果 (办理结果), 申请人类型 beside
 * 申请人性质, 收案日期 beside 立案日期. Their values decide, never their order: a column that is empty, or whose values
 * are mostly not what the field holds (no dates; status words such as 已答复 rather than outcomes), is not it;
 * columns whose values are the same on every row are one fact, read once, no question; columns that differ are a
 * question naming each (列 | header | field, the other 忽略), never a pick. Until it is answered a row is counted
 * where the choice cannot move it — its dates in the same year and in the same order whichever column, the same
 * meaning —, and the others wait, said once for the question (how many, one row as an example), not row by row.
 * A row waiting is read as a row with a value still in question (HELD_CELL): its 编号 and 信息处理费 are read all
 * the same, except a fee whose year hangs on the question, which makes the year's fee unknown.
 */
import { cellDays, cellText, isEmptyCell } from "../common/cells";
import type { Cell } from "../common/cells";
import { civilFromDays } from "../common/dates";
import { normalizeText } from "../common/normalize";
import type { FormatDef } from "../formats";
import { saysNone } from "./fee";
import type { FoundRegister, LedgerColumn, LedgerKind } from "./ledger";
import { HELD_CELL } from "./registers";
import type { RowIssue } from "./registers";
import type { Pending } from "./understand";
import { answerVocabulary, meaningOf } from "./words";
import type { Meaning, WordField } from "./words";

/** 对应关系's 项目 for a column, and the answer that leaves a column out. */
export const COLUMN_ITEM = "列";
export const IGNORE_ANSWER = "忽略";

/** The deciding fields by role: the two dates, the type and the outcome of each register. */
const ROLES: Record<
  LedgerKind,
  { received: string; concluded: string; type: WordField; outcome: WordField }
> = {
  applications: { received: "收到日期", concluded: "办结日期", type: "申请人类型", outcome: "办理结果" },
  cases: { received: "立案日期", concluded: "审结日期", type: "类型", outcome: "结果" },
};
const DATE_FIELDS = new Set(["收到日期", "办结日期", "立案日期", "审结日期"]);
/** A column is what the field holds when at least this share of its values are (dates; outcomes, types). */
export const FIT_SHARE = 0.5;

/** A column of the header row that may be the field, with the text to answer it by (its own header cell). */
export interface AskedColumn extends LedgerColumn {
  own: string;
}

/** A deciding field two columns or more may be: the question, and how many rows wait for it. */
export interface AskedField {
  columns: AskedColumn[];
  /** Rows not counted until it is answered (the choice would move them). */
  held: number;
}

/** A word value's identity as the tally reads it: its key, 办理中, or its text (still a question). */
export function meaningKey(m: Meaning, text: string): string {
  if (m && "key" in m) return `k${m.key}`;
  if (m && "open" in m) return "open";
  return `?${normalizeText(text)}`;
}

/** How a field's values are compared: "" blank, a date's day, a word's meaning; what fits the field. */
export interface FieldReader {
  key(v: Cell): string;
  fits(key: string): boolean;
}

/** A date cell's key: "" blank, d + its day, or ? + its text (no date). */
function dateKey(v: Cell): string {
  if (isEmptyCell(v)) return "";
  const d = cellDays(v);
  return d === d ? `d${d}` : `?${cellText(v).trim()}`;
}

/** The reader of a deciding field's values by their words alone (no answers yet: finding the columns). */
export function fieldReader(format: FormatDef, field: string): FieldReader {
  if (DATE_FIELDS.has(field)) return { key: dateKey, fits: (k) => k.startsWith("d") };
  const f = field as WordField;
  const cache = new Map<string, string>();
  return {
    key: (v) => {
      if (isEmptyCell(v)) return "";
      const t = cellText(v).trim();
      let k = cache.get(t);
      if (k === undefined) {
        const hit = answerVocabulary(format, f).lookup(t);
        k = hit ? `k${hit.key}` : meaningKey(meaningOf(format, f, t), t);
        if (cache.size < 10000) cache.set(t, k);
      }
      return k;
    },
    fits: (k) => k.startsWith("k") || k === "open",
  };
}

/** The columns one field may be, settled: one taken (with those holding the same values), or a question. */
export type Settled = { take: number; same: number[] } | { ask: number[] };

/**
 * Which of `cols` (two or more) is the field, by their values from row index `from`: those that hold what the field
 * holds (else those with any value); the same values on every row are one column; differing ones are asked.
 */
export function settleColumns(rows: Cell[][], from: number, cols: number[], reader: FieldReader): Settled {
  const values = cols.map(() => 0);
  const fit = cols.map(() => 0);
  for (let r = from; r < rows.length; r++) {
    const row = rows[r] ?? [];
    cols.forEach((c, i) => {
      const k = reader.key(row[c]);
      if (!k) return;
      values[i]++;
      if (reader.fits(k)) fit[i]++;
    });
  }
  let live = cols.filter((_, i) => values[i] > 0 && fit[i] >= FIT_SHARE * values[i]);
  if (!live.length) live = cols.filter((_, i) => values[i] > 0);
  if (!live.length) return { take: cols[0], same: cols.slice(1) }; // all empty: nothing to tell apart
  const alike = (a: number, b: number) => {
    for (let r = from; r < rows.length; r++) {
      const row = rows[r] ?? [];
      if (reader.key(row[a]) !== reader.key(row[b])) return false;
    }
    return true;
  };
  const kept: number[] = [];
  const same: number[] = [];
  for (const c of live) {
    if (kept.some((k) => alike(k, c))) same.push(c);
    else kept.push(c);
  }
  return kept.length === 1 ? { take: kept[0], same } : { ask: kept };
}

const quoted = (values: string[]) => values.map((v) => `「${v}」`).join("");
const named = (headers: string[]) =>
  headers.length === 2
    ? `「${headers[0]}」和「${headers[1]}」两列`
    : `${quoted(headers.slice(0, -1))}和「${headers[headers.length - 1]}」${headers.length}列`;
const each = (headers: string[]) => (headers.length === 2 ? "两列" : "各列");
const others = (headers: string[]) => (headers.length === 2 ? "另一列" : "其余各列");
const yearOf = (k: string) => (k.startsWith("d") ? civilFromDays(Number(k.slice(1))).y : NaN);

/** The words of a question of which column is a deciding field. */
export const COLUMN_WORDS = {
  held: (field: string, headers: string[], rows: number, example: string) =>
    `${named(headers)}都可能是${field}，其中${rows}行按${each(headers)}统计的结果不同（如${example}），这些行暂不计入；请在「对应关系」中指明：${COLUMN_ITEM} | ${headers[0]} | ${field}（${others(headers)}对应为 ${IGNORE_ANSWER}）`,
  alike: (field: string, headers: string[], rows: number, example: string) =>
    `${named(headers)}都可能是${field}，有${rows}行${each(headers)}的日期不同（如${example}），但每行${each(headers)}的日期都在同一年、先后相同，按哪一列统计结果都一样，各行已计入；如需指明，请在「对应关系」中写：${COLUMN_ITEM} | ${headers[0]} | ${field}`,
  example: (row: number, values: string[], years: boolean) =>
    `第${row}行：${quoted(values)}${years ? "，不在同一年" : ""}`,
  /** A 信息处理费 whose year hangs on which column is the concluded date. */
  feeYear: (field: string, rows: number) =>
    `有${rows}行的${field}待确认，这些行收取的信息处理费是否属于本年无法确定，信息处理费暂不统计`,
};

/** Per asked field: rows whose candidates differ, rows held for it, the first example of each. */
interface Tally {
  differ: number;
  held: number;
  first?: { row: number; values: Cell[] };
  firstHeld?: { row: number; values: Cell[] };
  /** Non-blank values per candidate column. */
  values: number[];
}

/**
 * The questions of which column is a deciding field, over one register's rows: `row` says whether a row waits
 * (then a copy with HELD_CELL over its type, and without its concluded date where that is in question, so that
 * its fee is not taken for a year it may not be of); `finish` asks the questions.
 */
export class ColumnQuestions {
  private readonly roles: (typeof ROLES)[LedgerKind];
  private readonly asked: [string, AskedField][];
  private readonly tallies = new Map<string, Tally>();
  /** Rows held back, and rows of them whose 信息处理费 may be of another year. */
  held = 0;
  feeInDoubt = 0;

  constructor(
    private readonly found: FoundRegister,
    /** A word value's key as the understanding reads it (its answers included). */
    private readonly wordKey: (field: WordField, v: string) => string,
    private readonly feeColumn: number,
  ) {
    this.roles = ROLES[found.as];
    this.asked = Object.entries(found.ask ?? {});
    for (const [f, a] of this.asked)
      this.tallies.set(f, { differ: 0, held: 0, values: a.columns.map(() => 0) });
  }

  /** The columns a field may be in this row: its one column, or each asked. */
  private columnsOf(field: string): number[] {
    const a = this.found.ask?.[field];
    if (a) return a.columns.map((c) => c.index);
    const c = this.found.columns[field];
    return c ? [c.index] : [-1];
  }

  /** A value's key, day by day (dates) or by meaning (words). */
  private key(field: string, v: Cell): string {
    if (isEmptyCell(v)) return "";
    return DATE_FIELDS.has(field) ? dateKey(v) : this.wordKey(field as WordField, cellText(v).trim());
  }

  /** Where a row goes under one choice of columns, year by year: what the tally's placement depends on. */
  private placement(row: Cell[], pick: Record<string, number>): string {
    const { received, concluded, type, outcome } = this.roles;
    const r = pick[received] >= 0 ? this.key(received, row[pick[received]]) : "";
    const c = pick[concluded] >= 0 ? this.key(concluded, row[pick[concluded]]) : "";
    const year = (k: string) => (k.startsWith("d") ? String(yearOf(k)) : k ? "?" : "");
    const order =
      r.startsWith("d") && c.startsWith("d") ? (Number(c.slice(1)) >= Number(r.slice(1)) ? "+" : "-") : "";
    const t = pick[type] >= 0 ? this.key(type, row[pick[type]]) : "";
    const o = pick[outcome] >= 0 ? this.key(outcome, row[pick[outcome]]) : "";
    return `${year(r)}|${year(c)}|${order}|${t}|${o}`;
  }

  /** The row as the tally reads it: itself, or a copy that waits for the question. */
  row(row: Cell[], rn: number): Cell[] {
    const { received, concluded, type, outcome } = this.roles;
    const fields = [received, concluded, type, outcome];
    const options = fields.map((f) => this.columnsOf(f));
    // Every choice of columns (a handful: two or three columns for one or two fields).
    let picks: Record<string, number>[] = [{}];
    fields.forEach((f, i) => {
      picks = picks.flatMap((p) => options[i].map((c) => ({ ...p, [f]: c })));
    });
    const places = new Set(picks.map((p) => this.placement(row, p)));
    const held = places.size > 1;
    let concludedDoubt = false;
    for (const [field, a] of this.asked) {
      const t = this.tallies.get(field) as Tally;
      const values = a.columns.map((c) => row[c.index]);
      values.forEach((v, i) => {
        if (!isEmptyCell(v)) t.values[i]++;
      });
      const keys = new Set(values.map((v) => this.key(field, v)));
      if (keys.size < 2) continue;
      t.differ++;
      t.first ??= { row: rn, values };
      if (!held) continue;
      t.held++;
      t.firstHeld ??= { row: rn, values };
      if (field === concluded && new Set([...keys].map(yearOf)).size > 1) concludedDoubt = true;
    }
    if (!held) return row;
    this.held++;
    const copy = row.slice();
    // The type's column (the outcome's where a ledger has none: the tally then says the column is missing).
    copy[options[2][0] >= 0 ? options[2][0] : options[3][0]] = HELD_CELL;
    if (concludedDoubt) {
      copy[options[1][0]] = null;
      const fee = this.feeColumn >= 0 ? row[this.feeColumn] : null;
      if (!isEmptyCell(fee) && !saysNone(fee)) this.feeInDoubt++;
    }
    return copy;
  }

  /** Each question: a 对应关系 item per column (in `pending`), and one issue of the sheet. */
  finish(issues: RowIssue[], pending: Map<string, Pending>): void {
    const sheet = this.found.sheet;
    for (const [field, a] of this.asked) {
      const t = this.tallies.get(field) as Tally;
      if (!t.differ) {
        // The person's answers about values make the columns say the same: one fact, no question.
        const [first, ...rest] = a.columns;
        this.found.columns[field] = {
          index: first.index,
          header: first.header,
          same: rest.map((c) => c.header),
        };
        delete this.found.ask?.[field];
        continue;
      }
      a.held = t.held;
      a.columns.forEach((c, i) => {
        const id = `${COLUMN_ITEM}\u0000${normalizeText(c.own)}`;
        const p = pending.get(id) ?? {
          field: COLUMN_ITEM,
          value: c.own,
          rows: 0,
          choices: [field, IGNORE_ANSWER],
          sheets: [],
        };
        p.rows += t.values[i];
        if (!p.sheets.includes(sheet)) p.sheets.push(sheet);
        pending.set(id, p);
      });
      const headers = a.columns.map((c) => c.own);
      const ex = t.firstHeld ?? t.first;
      const example = ex
        ? COLUMN_WORDS.example(
            ex.row,
            ex.values.map((v) => cellText(v).trim() || "（空）"),
            DATE_FIELDS.has(field) &&
              new Set(
                ex.values
                  .map((v) => this.key(field, v))
                  .map(yearOf)
                  .filter((y) => y === y),
              ).size > 1,
          )
        : "";
      issues.push({
        sheet,
        row: 0,
        column: field,
        value: "",
        message: t.held
          ? COLUMN_WORDS.held(field, headers, t.held, example)
          : COLUMN_WORDS.alike(field, headers, t.differ, example),
        severity: t.held ? "error" : "warning",
        kind: "pending",
        columnIndex: a.columns[0].index,
      });
    }
    if (this.found.ask && !Object.keys(this.found.ask).length) delete this.found.ask;
    this.found.held = this.held;
  }
}
