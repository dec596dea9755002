/**
 * 依申请公开登记 → 表三, in one pass over the rows (product.md §1, tally rules). Rows can be fed in blocks
 * (the Excel pane reads long registers block by block); a row whose dates, applicant type or outcome cannot be
 * read becomes a row issue and is left out of the tables, and the result says how many were. The other columns
 * (编号, 信息处理费, 备注) never hold a row back: a duplicate 编号 or a fee that is no amount is a 提示.
 */
import { cellDays, cellText, isCellError, isEmptyCell } from "../common/cells";
import type { Cell } from "../common/cells";
import { EXCEL_EPOCH_OFFSET, FIRST_PLAIN_SERIAL, formatDays, MAX_SERIAL, yearBounds } from "../common/dates";
import type { FormatDef } from "../formats";
import { numberRows, outcomeRows, T3_APPLICANT_COLUMNS as A, T3_WIDTH } from "../formats";
import { APPLICATION_HEADERS, IssueSink, isBlankRow, mapColumns, missingColumns, SHEETS } from "./registers";
import { DECIDING, PENDING_VALUE, wordOf } from "./registers";
import { normalizeText } from "../common/normalize";
import { FEE_FIELD, FEE_FLAG_FIELD, FeeTally } from "./fee";
import { columnsHoldingBack } from "./holdback";
import type { ColumnMap, RowIssue, SheetWords } from "./registers";
import { IdLog } from "./idlog";
import { applicantVocabulary, outcomeVocabulary } from "./vocab";
import type { Vocabulary } from "./vocab";
import { TraceLog } from "./trace";

export interface ApplicationStats {
  /** Non-blank rows read. */
  rows: number;
  /** Rows counted in this year's 表三 (received in or before the year, open at its start). */
  counted: number;
  /** Rows left out because of an error. */
  excluded: number;
  /** Rows received before the year and still open at its start. */
  carried: number;
}

export interface ApplicationResult {
  t3: Record<string, number[]>;
  /**
   * When asked for (explaining is not paid for by the normal tally): each counted row's two placements, as
   * pairs (count slot × applicant column index, Excel row number), in row order. See ./explain.
   */
  trace?: Int32Array;
  /** 信息处理费 of applications concluded in the year, in 元 (0 where it cannot be known: see feeUnknown). */
  feeYuan: number;
  /** 1 where the year's 信息处理费 cannot be known (a yes/no column, values that are no amount), else 0. */
  feeUnknown: number;
  stats: ApplicationStats;
  issues: RowIssue[];
}

const FLAG_HEADER = normalizeText(FEE_FLAG_FIELD);

/** Count slots: 一 new, 二 carry, 四 fwd, then the outcomes in the format's order. */
export const NEW = 0;
export const CARRY = 1;
export const FWD = 2;
export const FIRST_OUTCOME = 3;

export class ApplicationTally {
  private readonly sink: IssueSink;
  private readonly map: ColumnMap;
  private readonly cReceived: number;
  private readonly cType: number;
  private readonly cOutcome: number;
  private readonly cConcluded: number;
  private readonly cFee: number;
  /** A yes/no column (是否收费) beside or instead of the amount, or -1. */
  private readonly cFlag: number;
  private readonly cId: number;
  /** Index of the 编号 column, or -1. */
  get idColumn(): number {
    return this.cId;
  }
  private readonly hasRequired: boolean;
  private readonly applicants: Vocabulary;
  private readonly outcomes: Vocabulary;
  private readonly outcomeIndex = new Map<string, number>();
  private readonly applicantIndex = new Map<string, number>();
  /** Counts, slot-major: [new, carry, fwd, outcome 0..n-1] × the applicant columns. */
  private readonly counts: Float64Array;
  private readonly outcomeKeys: string[];
  private readonly start: number;
  private readonly end: number;
  private readonly dateCache = new Map<string, number>();
  /** Raw applicant / outcome text → offset of its count slot, or -1 when the row needs a closer look. */
  private readonly applicantSlot = new Map<string, number>();
  private readonly outcomeSlot = new Map<string, number>();
  private readonly ids = new IdLog();
  private readonly fees = new FeeTally();
  /** Placements of counted rows, when tracing (see ApplicationResult.trace). */
  private readonly trace: TraceLog | null;
  private stats: ApplicationStats = { rows: 0, counted: 0, excluded: 0, carried: 0 };

  constructor(
    private readonly format: FormatDef,
    readonly year: number,
    header: Cell[],
    readonly sheetName: string = SHEETS.applications,
    trace = false,
    /** An agency's own ledger: what its values stand for (read through, never copied). */
    private readonly words?: SheetWords,
    /** An agency's own ledger: its headers as written, by field (for the sentences naming a column). */
    private readonly written?: Record<string, string>,
  ) {
    this.trace = trace ? new TraceLog() : null;
    this.sink = new IssueSink(sheetName);
    this.map = mapColumns(sheetName, header, APPLICATION_HEADERS);
    this.sink.columns = this.map.index;
    const idx = (h: string) => this.map.index[h] ?? -1;
    this.cReceived = idx("收到日期");
    this.cType = idx("申请人类型");
    this.cOutcome = idx("办理结果");
    this.cConcluded = idx("办结日期");
    this.cFee = idx(FEE_FIELD);
    this.cFlag = header.findIndex((h) => typeof h === "string" && normalizeText(h) === FLAG_HEADER);
    this.cId = idx("编号");
    const missing = missingColumns(sheetName, this.map, ["收到日期", "申请人类型", "办理结果", "办结日期"]);
    this.sink.addAll(missing);
    this.hasRequired = missing.length === 0;
    this.applicants = applicantVocabulary(format);
    this.outcomes = outcomeVocabulary(format);
    format.t3.columns.slice(0, A).forEach((c, i) => this.applicantIndex.set(c.key, i));
    this.outcomeKeys = outcomeRows(format).map((r) => r.key);
    this.outcomeKeys.forEach((k, i) => this.outcomeIndex.set(k, i + FIRST_OUTCOME));
    this.counts = new Float64Array((this.outcomeKeys.length + 3) * A);
    ({ start: this.start, end: this.end } = yearBounds(year));
  }

  /** A date cell as a day number; the common cases (serials, Dates) inline, text through a cache. */
  private days(value: Cell): number {
    if (typeof value === "number") {
      return value >= FIRST_PLAIN_SERIAL && value <= MAX_SERIAL
        ? Math.floor(value) - EXCEL_EPOCH_OFFSET
        : cellDays(value);
    }
    if (typeof value === "string") {
      let d = this.dateCache.get(value);
      if (d === undefined) {
        d = cellDays(value);
        if (this.dateCache.size < 100000) this.dateCache.set(value, d);
      }
      return d;
    }
    return cellDays(value);
  }

  /** The count slot offset of an applicant text (its column), or -1 when unknown or needing a warning. */
  private learnApplicant(text: string): number {
    const word = wordOf(this.words, this.cType, text);
    const hit = typeof word === "string" ? this.applicants.lookup(word) : null;
    const slot = hit && !hit.warning ? (this.applicantIndex.get(hit.key) as number) : -1;
    if (this.applicantSlot.size < 10000) this.applicantSlot.set(text, slot);
    return slot;
  }

  /** The count slot offset of an outcome text (its row × the applicant columns), or -1 when unknown or needing a warning. */
  private learnOutcome(text: string): number {
    const word = wordOf(this.words, this.cOutcome, text);
    const hit = typeof word === "string" ? this.outcomes.lookup(word) : null;
    const slot = hit && !hit.warning ? (this.outcomeIndex.get(hit.key) as number) * A : -1;
    if (this.outcomeSlot.size < 10000) this.outcomeSlot.set(text, slot);
    return slot;
  }

  /**
   * Adds rows[from…]. `firstRowNumber` is the Excel row number of rows[from] (2 right under the header).
   * The loop handles the common valid row inline; anything else goes to slowRow, which reports it.
   */
  addRows(rows: Cell[][], firstRowNumber: number, from = 0): void {
    if (!this.hasRequired) return;
    const { cReceived, cType, cOutcome, cConcluded, counts, start, end, applicantSlot, outcomeSlot, trace } =
      this;
    const extras = this.cId >= 0 || this.cFee >= 0 || this.cFlag >= 0;
    // The date bounds and slot offsets as locals: imported bindings are property loads in the compiled loop.
    const lo = FIRST_PLAIN_SERIAL;
    const hi = MAX_SERIAL;
    const epoch = EXCEL_EPOCH_OFFSET;
    const newSlot = NEW * A;
    const carrySlot = CARRY * A;
    const fwdSlot = FWD * A;
    let read = 0;
    let counted = 0;
    let carried = 0;
    for (let i = from; i < rows.length; i++) {
      const row = rows[i];
      const rc = row[cReceived];
      const tc = row[cType];
      const oc = row[cOutcome];
      const cc = row[cConcluded];
      const received =
        typeof rc === "number" && rc >= lo && rc <= hi ? Math.floor(rc) - epoch : this.days(rc);
      const concluded =
        typeof cc === "number" && cc >= lo && cc <= hi
          ? Math.floor(cc) - epoch
          : cc === null || cc === undefined
            ? NaN
            : this.days(cc);
      const a = typeof tc === "string" ? (applicantSlot.get(tc) ?? this.learnApplicant(tc)) : -1;
      const o = typeof oc === "string" ? (outcomeSlot.get(oc) ?? this.learnOutcome(oc)) : -1;
      // The common, valid row: everything known (NaN dates fail the comparison).
      if (a >= 0 && o >= 0 && concluded >= received) {
        read++;
        if (extras) this.extras(row, firstRowNumber + i - from, concluded);
        if (received > end || concluded < start) continue;
        const first = (received >= start ? newSlot : carrySlot) + a;
        const second = (concluded <= end ? o : fwdSlot) + a;
        counts[first]++;
        counts[second]++;
        if (trace !== null) {
          const rn = firstRowNumber + i - from;
          trace.add(first, second, rn);
        }
        counted++;
        if (received < start) carried++;
        continue;
      }
      this.slowRow(row, firstRowNumber + i - from);
    }
    this.stats.rows += read;
    this.stats.counted += counted;
    this.stats.carried += carried;
  }

  /** 编号 duplicates and 信息处理费, only when those columns exist: never a reason to leave the row out. */
  private extras(row: Cell[], rn: number, concluded: number): void {
    if (this.cId >= 0) {
      const id = row[this.cId];
      if (typeof id === "string") this.ids.add(id, rn);
      else if (id !== null && id !== undefined) this.ids.add(cellText(id), rn);
    }
    const inYear = concluded >= this.start && concluded <= this.end;
    if (this.cFee >= 0) {
      const f = row[this.cFee];
      if (!isEmptyCell(f)) this.fees.amount(f, rn, inYear);
    } else if (this.cFlag >= 0) {
      const f = row[this.cFlag];
      if (!isEmptyCell(f)) this.fees.flag(f, inYear);
    }
  }

  /** Every other row: blank, or with something to report. Errors leave the row out. */
  private slowRow(row: Cell[], rn: number): void {
    if (isBlankRow(row, this.map, DECIDING.applications)) return;
    // An own ledger's values as the register's words; a row with a question is named once, where it was asked.
    const tc = wordOf(this.words, this.cType, row[this.cType]);
    const oc = wordOf(this.words, this.cOutcome, row[this.cOutcome]);
    if (tc === PENDING_VALUE || oc === PENDING_VALUE) {
      // Its fee and 编号 are read all the same: they do not wait for the question.
      const cc = row[this.cConcluded];
      this.extras(row, rn, isEmptyCell(cc) ? NaN : this.days(cc));
      return;
    }
    this.stats.rows++;
    const sink = this.sink;
    const before = sink.errors;

    const rc = row[this.cReceived];
    let received = NaN;
    if (isEmptyCell(rc)) sink.missing(rn, "收到日期", "请填写收到申请的日期");
    else {
      received = this.days(rc);
      if (received !== received) sink.badDate(rn, "收到日期", rc);
    }

    let applicant = -1;
    if (isEmptyCell(tc)) sink.missing(rn, "申请人类型", `请填写：${this.applicants.accepted}`);
    else {
      const hit = typeof tc === "string" ? this.applicants.lookup(tc) : null;
      if (!hit) sink.badValue(rn, "申请人类型", tc, this.applicants);
      else {
        applicant = this.applicantIndex.get(hit.key) as number;
        if (hit.warning)
          sink.add(rn, "申请人类型", tc, `第${rn}行：${hit.warning}`, "legacyValue", "warning");
      }
    }

    let outcome = -1;
    if (!isEmptyCell(oc)) {
      const hit = typeof oc === "string" ? this.outcomes.lookup(oc) : null;
      if (!hit) sink.badValue(rn, "办理结果", oc, this.outcomes);
      else {
        outcome = this.outcomeIndex.get(hit.key) as number;
        if (hit.warning)
          sink.add(
            rn,
            "办理结果",
            oc,
            `第${rn}行「${cellText(oc)}」：${hit.warning}`,
            "legacyValue",
            "warning",
          );
      }
    }

    const cc = row[this.cConcluded];
    let concluded = NaN;
    if (!isEmptyCell(cc)) {
      concluded = this.days(cc);
      if (concluded !== concluded) sink.badDate(rn, "办结日期", cc);
    }

    if (!isEmptyCell(cc) && isEmptyCell(oc) && concluded === concluded)
      sink.add(rn, "办理结果", oc, `第${rn}行有办结日期但没有办理结果，请填写办理结果`, "dateWithoutOutcome");
    if (!isEmptyCell(oc) && isEmptyCell(cc) && !isCellError(oc))
      sink.add(rn, "办结日期", cc, `第${rn}行有办理结果但没有办结日期，请填写办结日期`, "outcomeWithoutDate");
    if (received === received && concluded === concluded && concluded < received)
      sink.add(
        rn,
        "办结日期",
        cc,
        `第${rn}行的办结日期 ${formatDays(concluded)} 早于收到日期 ${formatDays(received)}，请核对`,
        "dateOrder",
      );
    this.extras(row, rn, concluded);
    if (sink.errors > before) {
      this.stats.excluded++;
      return;
    }
    if (received > this.end || concluded < this.start) return;
    const c = this.counts;
    const first = (received >= this.start ? NEW : CARRY) * A + applicant;
    const second = (concluded === concluded && concluded <= this.end ? outcome : FWD) * A + applicant;
    c[first]++;
    c[second]++;
    if (this.trace !== null) this.trace.add(first, second, rn);
    this.stats.counted++;
    if (received < this.start) this.stats.carried++;
  }

  /**
   * The tables and issues. `idOf` gives the 编号 of an Excel row, to quote in duplicate warnings (callers
   * that streamed blocks may not have it; the warning then names the rows only).
   */
  finish(idOf?: (row: number) => Cell): ApplicationResult {
    const headerOf = (field: string) => this.written?.[field] ?? this.map.written[field];
    const fee = this.fees.finish(
      this.sink,
      this.cFee >= 0 ? headerOf(FEE_FIELD) : undefined,
      this.cFlag >= 0 ? (this.written?.[FEE_FLAG_FIELD] ?? FEE_FLAG_FIELD) : undefined,
    );
    const issues = this.sink.issues;
    const dups = this.ids.duplicates();
    for (const dup of dups) {
      const id = idOf ? cellText(idOf(dup.row)).trim() : "";
      this.sink.add(
        dup.row,
        "编号",
        id,
        `第${dup.row}行的编号${id ? `「${id}」` : ""}与第${dup.first}行重复，请确认是否重复登记`,
        "duplicateId",
        "warning",
      );
    }
    // Issues in row order (duplicates and fees are found at the end); the whole-sheet ones first, led by the
    // columns that hold back many rows.
    issues.sort((a, b) => a.row - b.row);
    issues.unshift(...columnsHoldingBack(this.sheetName, issues, this.stats.rows, headerOf));
    const t3: Record<string, number[]> = {};
    const c = this.counts;
    const rowOf = (slot: number) => {
      const out = Array.from(c.subarray(slot * A, slot * A + A));
      out.push(out.reduce((s, v) => s + v, 0));
      return out;
    };
    const totals = new Array<number>(T3_WIDTH).fill(0);
    for (const key of this.outcomeKeys)
      rowOf(this.outcomeIndex.get(key) as number).forEach((v, i) => (totals[i] += v));
    const slots: Record<string, number> = { new: NEW, carry: CARRY, fwd: FWD };
    for (const row of numberRows(this.format)) {
      const slot = slots[row.key] ?? this.outcomeIndex.get(row.key);
      t3[row.key] = row.key === "total" ? totals : rowOf(slot as number);
    }
    return {
      t3,
      feeYuan: fee ?? 0,
      feeUnknown: fee === null ? 1 : 0,
      stats: { ...this.stats },
      issues,
      ...(this.trace ? { trace: this.trace.pairs() } : {}),
    };
  }
}

/** Tallies a whole 依申请公开登记 sheet (rows[0] is the header). */
export function tallyApplications(
  format: FormatDef,
  year: number,
  rows: Cell[][],
  sheetName: string = SHEETS.applications,
  firstRow = 1,
  trace = false,
  words?: SheetWords,
  written?: Record<string, string>,
): ApplicationResult {
  const tally = new ApplicationTally(format, year, rows[0] ?? [], sheetName, trace, words, written);
  tally.addRows(rows, firstRow + 1, 1);
  return tally.finish((rn) => rows[rn - firstRow]?.[tally.idColumn]);
}
