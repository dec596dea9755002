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
import { civilFromDays, yearBounds } from "../common/dates";
import { normalizeText } from "../common/normalize";
import type { FormatDef } from "../formats";
import { saysNone } from "./fee";
import { COLUMN_ITEM } from "./found";
import type { AskedField, FoundRegister, LedgerKind, Pending } from "./found";
import { HELD_CELL } from "./registers";
import type { RowIssue } from "./registers";
import { answerVocabulary, meaningOf } from "./words";
import type { Meaning, WordField } from "./words";

export { COLUMN_ITEM } from "./found";
export type { AskedColumn, AskedField } from "./found";

/** 对应关系's 项目 for a column, and the answer that leaves a column out. */
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

/** A word value's identity as the tally reads it: its key, 办理中, or its text (still a question). */
export function meaningKey(m: Meaning, text: string): string {
  if (m && "key" in m) return `k${m.key}`;
  if (m && "open" in m) return "open";
  return `?${normalizeText(text)}`;
}

/**
 * A value as compared: "" blank; a date's day number; a word's meaning (k + key, open); ? + the text where it is
 * neither (two such are alike only when written alike).
 */
export type Key = string | number;

/** How a field's values are compared, and which keys are what the field holds. */
export interface FieldReader {
  key(v: Cell): Key;
  fits(key: Key): boolean;
}

/** Date texts already read (a ledger repeats its days). */
const dateTexts = new Map<string, Key>();

/** A date cell's key: "" blank, its day number, or ? + its text (no date). */
function dateKey(v: Cell): Key {
  if (isEmptyCell(v)) return "";
  if (typeof v === "string") {
    let k = dateTexts.get(v);
    if (k === undefined) {
      const d = cellDays(v);
      k = d === d ? d : `?${v.trim()}`;
      if (dateTexts.size > 50000) dateTexts.clear();
      dateTexts.set(v, k);
    }
    return k;
  }
  const d = cellDays(v);
  return d === d ? d : `?${cellText(v).trim()}`;
}

/** The reader of a deciding field's values by their words alone (no answers yet: finding the columns). */
export function fieldReader(format: FormatDef, field: string): FieldReader {
  if (DATE_FIELDS.has(field)) return { key: dateKey, fits: (k) => typeof k === "number" };
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
    fits: (k) => typeof k === "string" && (k.startsWith("k") || k === "open"),
  };
}

/** The columns one field may be, settled: one taken (with those holding the same values), or a question. */
export type Settled = { take: number; same: number[] } | { ask: number[] };

/**
 * Which of `cols` (two or more) is the field, by their values from row index `from`: those that hold what the field
 * holds (else those with any value); the same values on every row are one column; differing ones are asked.
 */
export function settleColumns(rows: Cell[][], from: number, cols: number[], reader: FieldReader): Settled {
  // Each column's keys, read once (the values are counted, then the columns compared row by row).
  const keys = cols.map((c) => {
    const k: Key[] = new Array(Math.max(0, rows.length - from));
    for (let r = from; r < rows.length; r++) k[r - from] = reader.key(rows[r]?.[c]);
    return k;
  });
  const values = keys.map((k) => k.filter((x) => x !== "").length);
  const fit = keys.map((k) => k.filter((x) => reader.fits(x)).length);
  let live = cols.flatMap((_, i) => (values[i] > 0 && fit[i] >= FIT_SHARE * values[i] ? [i] : []));
  if (!live.length) live = cols.flatMap((_, i) => (values[i] > 0 ? [i] : []));
  if (!live.length) return { take: cols[0], same: cols.slice(1) }; // all empty: nothing to tell apart
  const alike = (a: Key[], b: Key[]) => {
    for (let r = 0; r < a.length; r++) if (a[r] !== b[r]) return false;
    return true;
  };
  const kept: number[] = [];
  const same: number[] = [];
  for (const i of live) {
    if (kept.some((k) => alike(keys[cols.indexOf(k)], keys[i]))) same.push(cols[i]);
    else kept.push(cols[i]);
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
/** The year of a day, the last year's bounds kept (a ledger's days cluster in a year or two). */
let lastYear = { year: 0, start: 1, end: 0 };
function yearOfDay(day: number): number {
  if (day < lastYear.start || day > lastYear.end) {
    const year = civilFromDays(day).y;
    lastYear = { year, ...yearBounds(year) };
  }
  return lastYear.year;
}
/** A date key's year (0 blank, -1 no date): rows whose dates share it are placed alike. */
const yearClass = (k: Key) => (typeof k === "number" ? yearOfDay(k) : k === "" ? 0 : -1);
/** Whether a concluded date is on or after the received one (0 unless both are dates). */
const order = (r: Key, c: Key) => (typeof r === "number" && typeof c === "number" ? (c >= r ? 1 : 2) : 0);
/** Whether every key of a few is the same; whether their dates fall in one year; whether the order holds alike. */
function alike(keys: Key[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys[i] !== keys[0]) return false;
  return true;
}
function sameYear(keys: Key[]): boolean {
  const y = yearClass(keys[0]);
  for (let i = 1; i < keys.length; i++) if (yearClass(keys[i]) !== y) return false;
  return true;
}
function sameOrder(received: Key[], concluded: Key[]): boolean {
  const o = order(received[0], concluded[0]);
  for (const r of received) for (const c of concluded) if (order(r, c) !== o) return false;
  return true;
}

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
  private readonly asked: [string, AskedField][];
  private readonly tallies = new Map<string, Tally>();
  /** Rows held back, and rows of them whose 信息处理费 may be of another year. */
  held = 0;
  feeInDoubt = 0;

  /** The deciding fields (received, concluded, type, outcome) and the columns each may be. */
  private readonly fields: string[];
  private readonly options: number[][];
  /** The asked fields' tallies by their place in `fields`. */
  private readonly tallied: [number, Tally][];
  /** Which fields' values a row's placement may hang on: the asked ones, and both dates where one is. */
  private readonly read: boolean[];
  /** A row's keys per field and column, reused row after row. */
  private readonly keys: Key[][];

  constructor(
    private readonly found: FoundRegister,
    /** A word value's key as the understanding reads it (its answers included). */
    private readonly wordKey: (field: WordField, v: string) => string,
    private readonly feeColumn: number,
  ) {
    const { received, concluded, type, outcome } = ROLES[found.as];
    this.fields = [received, concluded, type, outcome];
    this.options = this.fields.map((f) => this.columnsOf(f));
    this.asked = Object.entries(found.ask ?? {});
    for (const [f, a] of this.asked)
      this.tallies.set(f, { differ: 0, held: 0, values: a.columns.map(() => 0) });
    this.tallied = [...this.tallies].map(([f, t]) => [this.fields.indexOf(f), t]);
    const dates = this.options[0].length > 1 || this.options[1].length > 1;
    this.read = this.options.map((cols, i) => cols.length > 1 || (i < 2 && dates));
    this.keys = this.options.map((cols) => cols.map((): Key => ""));
  }

  /** The columns a field may be: its one column, or each asked (-1: the ledger has none). */
  private columnsOf(field: string): number[] {
    const a = this.found.ask?.[field];
    if (a) return a.columns.map((c) => c.index);
    const c = this.found.columns[field];
    return c ? [c.index] : [-1];
  }

  /** A value's key, day by day (dates) or by meaning (words). */
  private key(i: number, v: Cell): Key {
    if (isEmptyCell(v)) return "";
    if (i < 2) return dateKey(v); // the first two fields are the dates
    return this.wordKey(this.fields[i] as WordField, typeof v === "string" ? v : cellText(v));
  }

  /**
   * The row as the tally reads it: itself, or a copy that waits for the question. A row waits when the choice of
   * columns would move it: where the tally places a row hangs on its dates' years, their order, its type and
   * outcome, so it waits when any of those differs between its candidate columns.
   */
  row(row: Cell[], rn: number): Cell[] {
    const { options, read, keys, tallied } = this;
    // Only what can differ is read: the asked fields, and both dates where one is asked (their order).
    for (let i = 0; i < 4; i++) {
      if (!read[i]) continue;
      const cols = options[i];
      for (let k = 0; k < cols.length; k++) keys[i][k] = cols[k] >= 0 ? this.key(i, row[cols[k]]) : "";
    }
    const [received, concluded, type, outcome] = keys;
    const held =
      !alike(type) ||
      !alike(outcome) ||
      !sameYear(received) ||
      !sameYear(concluded) ||
      !sameOrder(received, concluded);
    let concludedDoubt = false;
    for (let n = 0; n < tallied.length; n++) {
      const [i, t] = tallied[n];
      const cols = options[i];
      for (let k = 0; k < cols.length; k++) if (!isEmptyCell(row[cols[k]])) t.values[k]++;
      if (alike(keys[i])) continue;
      t.differ++;
      if (!t.first) t.first = { row: rn, values: cols.map((c) => row[c]) };
      if (!held) continue;
      t.held++;
      if (!t.firstHeld) t.firstHeld = { row: rn, values: cols.map((c) => row[c]) };
      if (i === 1 && !sameYear(concluded)) concludedDoubt = true;
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
                  .map(dateKey)
                  .filter((k) => typeof k === "number")
                  .map(yearClass),
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
