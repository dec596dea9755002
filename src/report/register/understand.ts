/**
 * A ledger in the agency's own layout, read as our registers: each register found by content (./ledger) becomes
 * a sheet in our layout — our headers over their columns, their rows at their own row numbers, so every issue
 * and every explained number names their sheet and row — with the values read for their meaning (./words,
 * then the person's answers, which win). A value whose words say too little, or nothing we know, is a question
 * (pending): its rows are not counted, each is named in the row issues with the question, and the question is
 * asked once per value, however many rows carry it. Only the deciding columns (dates, applicant type, outcome;
 * a case's type, dates, result) make a row an entry. Where its columns cannot give the 信息处理费 (none, two
 * columns of amounts — a question 列 | header | 信息处理费（元）/忽略 —, or prose), the sheet says so and its fee
 * is unknown, never 0; its rows are counted all the same. Where two columns may be one deciding field and
 * their values differ (./twocolumns), the field is read from the first while the question is open, and a row
 * the answer would move waits, named once by the question.
 */
import { cellText, isEmptyCell } from "../common/cells";
import type { Cell, SheetData, WorkbookData } from "../common/cells";
import { normalizeText } from "../common/normalize";
import { outcomeRows } from "../formats";
import type { FormatDef } from "../formats";
import { noAnswers } from "./answers";
import type { Answers } from "./answers";
import { findLedger, findRegister } from "./ledger";
import type { FoundRegister, LedgerKind, Pending } from "./found";

export type { Pending } from "./found";
import {
  APPLICATION_HEADERS,
  CASE_HEADERS,
  DECIDING,
  findSheet,
  mapColumns,
  PENDING_VALUE,
} from "./registers";
import { FEE_FIELD, FEE_FLAG_FIELD, FEE_WORDS } from "./fee";
import { COLUMN_ITEM, COLUMN_WORDS, ColumnQuestions, IGNORE_ANSWER, meaningKey } from "./twocolumns";
import type { HeaderSpec, RowIssue, SheetWords } from "./registers";
import { answerVocabulary, meaningOf } from "./words";
import type { Meaning, WordField } from "./words";

/**
 * A register sheet in our layout: our headers over the ledger's own columns, its own rows (never copied) at
 * their own row numbers, and what its values stand for (`words`, for the tallies) where it is an own ledger.
 */
export interface LedgerSheet extends SheetData {
  words?: SheetWords;
  /** An own ledger's headers as written, by our field. */
  written?: Record<string, string>;
  /**
   * Its 信息处理费 cannot be known from its columns: it has no fee column at all ("none": said where the fee is
   * used, by compile), or two to choose from or one of neither ("doubt": said here, with the question).
   */
  feeUnknown?: "none" | "doubt";
}

export interface UnderstoodLedger {
  registers: FoundRegister[];
  ignored: string[];
  pending: Pending[];
  /** The registers as sheets in our layout, by kind, with what their values stand for. */
  sheets: Record<LedgerKind, LedgerSheet[]>;
  issues: RowIssue[];
}

const WORD_FIELDS: Record<LedgerKind, WordField[]> = {
  applications: ["申请人类型", "办理结果"],
  cases: ["类型", "结果"],
};
const DATE_FIELD: Record<LedgerKind, string> = { applications: "收到日期", cases: "立案日期" };
/** The first text of a row (a total's or a signature line's label). */
function firstText(row: Cell[]): string {
  for (const v of row) if (!isEmptyCell(v)) return cellText(v).trim();
  return "";
}

/** A value the register's own vocabulary accepts: left as it is, for the tally (and its warnings). */
const KNOWN = "known" as const;
const SUMMARY_ROW = /^(合计|小计|总计|共计|本页小计|填报|制表|审核人|填表)/;

/** The printed label of a field's key, for questions. */
export function answerLabel(format: FormatDef, field: WordField, key: string): string {
  if (field === "办理结果") {
    const row = format.t3.rows.find((r) => r.key === key);
    const group = row?.group ? format.t3.rows.find((g) => g.key === row.group) : undefined;
    return row ? `${group ? group.label : ""}${row.label}` : key;
  }
  if (field === "申请人类型") {
    const col = format.t3.columns.find((c) => c.key === key);
    return col
      ? format.t3.organisationColumns.includes(key)
        ? `${format.t3.organisationHeader}-${col.label}`
        : col.label
      : key;
  }
  if (field === "类型") {
    const t4 = format.t4;
    if (key === t4.review.key) return t4.review.label;
    const lit = t4.litigation.find((l) => l.key === key);
    return lit ? `${t4.litigationLabel}（${lit.label}）` : key;
  }
  return format.t4.results.find((r) => r.key === key)?.label ?? key;
}

/** Every answer a field can have, as labels (for a value nothing is known of). */
function allChoices(format: FormatDef, field: WordField): string[] {
  const keys =
    field === "办理结果"
      ? outcomeRows(format).map((r) => r.key)
      : field === "申请人类型"
        ? format.t3.columns.filter((c) => c.key !== "total").map((c) => c.key)
        : answerVocabulary(format, field).keys();
  return keys.map((k) => answerLabel(format, field, k));
}

/** A 提示 of a whole sheet on its 信息处理费. */
export const feeNote = (sheet: string, message: string): RowIssue => ({
  sheet,
  row: 0,
  column: FEE_FIELD,
  value: "",
  message,
  severity: "warning",
  kind: "feeUnknown",
});

/**
 * Whether a register's 信息处理费 cannot be known from its columns: two columns of amounts (a 提示 of the sheet,
 * and each a question: 列 | its header | 信息处理费（元） or 忽略), a column of neither (a 提示), or no fee column at
 * all. A yes/no column alone is the tally's to judge (all 否 is 0).
 */
function feeDoubt(
  found: FoundRegister,
  issues: RowIssue[],
  pending: Map<string, Pending>,
): LedgerSheet["feeUnknown"] {
  const note = (message: string) => issues.push(feeNote(found.sheet, message));
  if (FEE_FIELD in found.columns) return undefined;
  const doubt = found.fee;
  if (doubt && "ask" in doubt) {
    note(FEE_WORDS.twoAmounts(doubt.ask.map((c) => c.own)));
    for (const c of doubt.ask) {
      const id = `${COLUMN_ITEM}\u0000${normalizeText(c.own)}`;
      const p = pending.get(id) ?? {
        field: COLUMN_ITEM,
        value: c.own,
        rows: 0,
        choices: [FEE_FIELD, IGNORE_ANSWER],
        sheets: [],
      };
      p.rows += c.values;
      if (!p.sheets.includes(found.sheet)) p.sheets.push(found.sheet);
      pending.set(id, p);
    }
    return "doubt";
  }
  if (doubt) {
    note(FEE_WORDS.unreadColumn(doubt.unread.header, doubt.unread.examples));
    return "doubt";
  }
  return FEE_FLAG_FIELD in found.columns ? undefined : "none";
}

/** Reads the workbook's registers in whatever layout, with the answers given. */
export function understandLedger(
  format: FormatDef,
  workbook: WorkbookData,
  answers: Answers = noAnswers(),
): UnderstoodLedger {
  const layout = findLedger(format, workbook, answers.layout);
  const sheets: Record<LedgerKind, LedgerSheet[]> = { applications: [], cases: [] };
  const issues: RowIssue[] = [];
  const pending = new Map<string, Pending>();
  // The same few values repeat on every row: each is read once.
  const caches = new Map<WordField, Map<string, Meaning | typeof KNOWN>>();
  const cacheOf = (field: WordField) => {
    let cache = caches.get(field);
    if (!cache) caches.set(field, (cache = new Map()));
    return cache;
  };
  /** A value's meaning, first seen: what the register accepts as it is, the person's answer, else its words. */
  const learn = (field: WordField, v: string): Meaning | typeof KNOWN => {
    const cache = cacheOf(field);
    const told = answers.values.get(field)?.get(normalizeText(v));
    const m: Meaning | typeof KNOWN =
      !v.trim() || answerVocabulary(format, field).lookup(v)
        ? KNOWN
        : told
          ? told === "open"
            ? { open: true }
            : { key: told }
          : meaningOf(format, field, v);
    if (cache.size < 20000) cache.set(v, m);
    return m;
  };
  /** A word value's identity as the tally will read it (answers included), to compare two columns by. */
  const wordKeys = new Map<string, string>();
  const wordKey = (field: WordField, v: string): string => {
    const id = `${field}\u0000${v}`;
    let k = wordKeys.get(id);
    if (k === undefined) {
      const m = cacheOf(field).get(v) ?? learn(field, v);
      k = m === KNOWN ? `k${answerVocabulary(format, field).lookup(v)?.key ?? ""}` : meaningKey(m, v);
      if (wordKeys.size < 20000) wordKeys.set(id, k);
    }
    return k;
  };
  for (const found of layout.registers) {
    const source = workbook.sheets.find((s) => s.name === found.sheet) as SheetData;
    const first = source.firstRow ?? 1;
    const headerIndex = found.headerRow - first;
    // A field two columns may be is read, while it is asked about, from the first (rows it would move wait).
    const asked = Object.entries(found.ask ?? {});
    const columnOf = (f: string) => found.columns[f]?.index ?? found.ask?.[f]?.columns[0].index;
    const width =
      Math.max(
        ...Object.values(found.columns).map((c) => c.index),
        ...asked.flatMap(([, a]) => a.columns.map((c) => c.index)),
      ) + 1;
    const header: Cell[] = new Array(width).fill(null);
    for (const [field, col] of Object.entries(found.columns)) header[col.index] = field;
    for (const [field, a] of asked) header[a.columns[0].index] = field;
    const questions = asked.length
      ? new ColumnQuestions(found, wordKey, found.columns[FEE_FIELD]?.index ?? -1)
      : null;
    const rows: Cell[][] = [header];
    const words: SheetWords = new Map();
    const translate = (c: number, raw: string, to: string | null | typeof PENDING_VALUE) => {
      let m = words.get(c);
      if (!m) words.set(c, (m = new Map()));
      if (!m.has(raw)) m.set(raw, to);
    };
    const wordCols = WORD_FIELDS[found.as].filter((f) => columnOf(f) !== undefined);
    // Per word column: its index and its cache of meanings (the loop below runs once per row).
    const wordIndex = wordCols.map((f) => columnOf(f) as number);
    const wordCache = wordCols.map(cacheOf);
    const dateCol = columnOf(DATE_FIELD[found.as]) ?? -1;
    // Only the columns that decide a row make it an entry: a 序号, a note or a fee alone make none.
    const mapped = DECIDING[found.as].flatMap((f) =>
      f in found.columns ? [found.columns[f].index] : (found.ask?.[f]?.columns.map((c) => c.index) ?? []),
    );
    let entries = 0;
    for (let r = headerIndex + 1; r < source.rows.length; r++) {
      const row = source.rows[r] ?? [];
      const rn = r + first;
      if (dateCol < 0 || isEmptyCell(row[dateCol])) {
        if (SUMMARY_ROW.test(firstText(row))) {
          rows.push([]); // a total or a signature line: not an application
          continue;
        }
        if (mapped.some((c) => !isEmptyCell(row[c]))) entries++;
      } else entries++;
      // A row the answer to a column question would move waits for it, named by that question, not row by row.
      const read = questions ? questions.row(row, rn) : row;
      for (let k = 0; k < wordIndex.length; k++) {
        const c = wordIndex[k];
        const v = row[c];
        if (typeof v !== "string") continue;
        const field = wordCols[k];
        const meaning = wordCache[k].get(v) ?? learn(field, v);
        if (meaning === KNOWN) continue; // already in the register's words, or blank
        // The row itself is not copied: the tally reads the value through the sheet's words.
        if (meaning && "key" in meaning) translate(c, v, meaning.key);
        else if (meaning && "open" in meaning) translate(c, v, null);
        else {
          translate(c, v, PENDING_VALUE);
          const value = v.trim();
          const id = `${field}\u0000${normalizeText(value)}`;
          const choices =
            meaning && meaning.ask.length
              ? meaning.ask.map((k) => answerLabel(format, field, k))
              : allChoices(format, field);
          const p = pending.get(id) ?? { field, value, rows: 0, choices, sheets: [] };
          p.rows++;
          if (!p.sheets.includes(found.sheet)) p.sheets.push(found.sheet);
          pending.set(id, p);
          if (read === row)
            issues.push({
              sheet: found.sheet,
              row: rn,
              column: field,
              value,
              message: `第${rn}行「${field}」写的是「${value}」，${meaning ? "说得不够具体" : "无法确定对应表中哪一项"}，本行暂不统计；请在「对应关系」中指明它对应为：${choices.join("、")}`,
              severity: "error",
              kind: "pending",
              columnIndex: c,
            });
        }
      }
      rows.push(read);
    }
    found.rows = entries;
    questions?.finish(issues, pending);
    const written = Object.fromEntries([
      ...Object.entries(found.columns).map(([f, c]) => [f, c.header]),
      ...Object.entries(found.ask ?? {}).map(([f, a]) => [f, a.columns[0].header]),
    ]);
    let feeUnknown = found.as === "applications" ? feeDoubt(found, issues, pending) : undefined;
    if (questions?.feeInDoubt && !feeUnknown) {
      issues.push(feeNote(found.sheet, COLUMN_WORDS.feeYear("办结日期", questions.feeInDoubt)));
      feeUnknown = "doubt";
    }
    sheets[found.as].push({
      name: found.sheet,
      rows,
      firstRow: found.headerRow,
      words,
      written,
      ...(feeUnknown ? { feeUnknown } : {}),
    });
  }
  return {
    registers: layout.registers,
    ignored: layout.ignored,
    pending: [...pending.values()],
    sheets,
    issues,
  };
}

/** What was understood of the ledger, for the `map` command and the pane's 识别台账. */
export type LedgerReport = Pick<UnderstoodLedger, "registers" | "ignored" | "pending">;

export interface RegisterSheets {
  applications: LedgerSheet[];
  cases: LedgerSheet[];
  /** Questions and skipped sheets' rows of the registers read by content. */
  issues: RowIssue[];
  ledger: LedgerReport;
}

/** Whether a sheet found by our name is in our layout: its row-1 header names the required columns our way. */
export function inOurLayout(sheet: SheetData, spec: HeaderSpec, required: string[]): boolean {
  const map = mapColumns(sheet.name, sheet.rows[0] ?? [], spec);
  if (!required.every((h) => h in map.index)) return false;
  // 「申请人」 alone may be the applicant's name: only the content can tell, so such a sheet is read by content.
  return normalizeText(map.written.申请人类型 ?? "") !== normalizeText("申请人");
}

/**
 * The register sheets to tally: ours where a sheet of our name is in our layout (read exactly as always),
 * otherwise every sheet whose content is a register, in our layout (months and halves of a year together).
 */
export function registerSheets(format: FormatDef, workbook: WorkbookData, answers: Answers): RegisterSheets {
  // A sheet of our name is read as always, unless its content shows a register in another layout (a title row
  // above the header, 申请人 holding names…); one that shows no register at all is read as always too, so
  // that its missing columns are named.
  const own = (key: LedgerKind, spec: HeaderSpec, required: string[]) => {
    const sheet = findSheet(workbook, key);
    if (!sheet || inOurLayout(sheet, spec, required)) return sheet;
    return findRegister(format, sheet, answers.layout) ? undefined : sheet;
  };
  const ours = {
    applications: own("applications", APPLICATION_HEADERS, ["收到日期", "申请人类型"]),
    cases: own("cases", CASE_HEADERS, ["类型", "立案日期"]),
  };
  if (ours.applications && ours.cases)
    // Both registers in our layout: read exactly as always, nothing read by content.
    return {
      applications: [ours.applications],
      cases: [ours.cases],
      issues: [],
      ledger: { registers: [], ignored: [], pending: [] },
    };
  const skip = new Set([ours.applications?.name, ours.cases?.name].filter((n): n is string => !!n));
  const rest = { ...workbook, sheets: workbook.sheets.filter((s) => !skip.has(s.name)) };
  const understood = understandLedger(format, rest, answers);
  const applications = ours.applications ? [ours.applications] : understood.sheets.applications;
  const cases = ours.cases ? [ours.cases] : understood.sheets.cases;
  const byContent = new Set(
    [...(ours.applications ? [] : applications), ...(ours.cases ? [] : cases)].map((s) => s.name),
  );
  return {
    applications,
    cases,
    issues: understood.issues.filter((i) => byContent.has(i.sheet)),
    ledger: {
      registers: understood.registers.filter((r) => byContent.has(r.sheet)),
      ignored: understood.ignored,
      pending: understood.pending.filter((p) => p.sheets.some((s) => byContent.has(s))),
    },
  };
}
