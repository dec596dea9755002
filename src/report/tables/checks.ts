/**
 * The 勾稽 checks of domain.md §3 that can be computed from tables: P1, S1, S2, T4, F1, F2, F3, L1, X1, X2.
 * They work on tallied tables and on tables typed in by hand or copied from a published report (blanks as
 * null). Every finding names the rule, the table, the row and column, and the numbers, in Chinese.
 */
import { asPrintedSix, cellValue, readTable2, readTable3, readTable4 } from "./tablesInput";
import { foldCovered } from "./fold";
import { colName, Findings, fmt, rowName, sumText } from "./findings";
import type { Finding } from "./findings";
import type { FormatDef, FormatId } from "../formats";
import {
  getFormat,
  isFormatId,
  numberRows,
  T3_APPLICANT_COLUMNS,
  T3_TOTAL_COLUMN,
  T3_WIDTH,
  T4_GROUP_WIDTH,
  T4_TOTAL_RESULT,
} from "../formats";
import { n0 } from "./tables";
import type { Table2, Table3, Table4, TableSet } from "./tables";

export type { Finding, Severity } from "./findings";

/** A printed row with numbers that was not read: the rows its label is near (none: near no row). */
export interface UnsureLabel {
  table: "t2" | "t3";
  label: string;
  values: unknown[];
  between: string[];
}

/** How a document printed its tables' row labels where they are not the template's (L1). */
export interface TableLabels {
  /** Rows read by the template label nearest to the printed one: key → the label as printed. */
  t2?: Record<string, string>;
  t3?: Record<string, string>;
  unsure?: UnsureLabel[];
}

interface CheckOptions {
  /** Last year's tables, for X1 and X2. */
  previous?: TableSet;
  labels?: TableLabels;
  /** Value columns (indices) of 表三 and 表四 printed past the page's edge: no blanks reported there. */
  offPage?: { t3?: number[]; t4?: number[] };
}

/**
 * Checks a table set. Input may come from JSON: its structure is checked first (F3, F1), then the
 * arithmetic on what is there.
 */
export function checkTables(input: TableSet, options: CheckOptions = {}): Finding[] {
  const formatId: FormatId = isFormatId(String(input.format)) ? (String(input.format) as FormatId) : "2021";
  const format = getFormat(formatId);
  const out = new Findings(new Set(format.rules), format);
  if (!isFormatId(String(input.format)))
    out.add(
      "F3",
      "t3",
      undefined,
      undefined,
      `报告格式「${String(input.format)}」无法识别，按2021年格式校验`,
    );
  const unread = unreadRows(format, input, options.labels?.unsure ?? []);
  const t3 = readTable3(format, input.t3, out, unread.t3, new Set(options.offPage?.t3));
  const t4 = readTable4(format, input.t4, out, new Set(options.offPage?.t4));
  const t2 = readTable2(format, input.t2, out, unread.t2);
  checkTable3(format, t3, out, asPrintedSix(format, input.t3, t3));
  checkTable4(format, t4, out);
  if (options.labels) checkLabels(format, input, options.labels, out);
  if (options.previous) checkPrevious(format, t3, t2, options.previous, out);
  return foldCovered(out.list);
}

/** `summed`: 表三 as its results add up (./tablesInput asPrintedSix), for S1. */
function checkTable3(format: FormatDef, t3: Table3, out: Findings, summed: Table3 = t3): void {
  const rows = numberRows(format);
  const leaves = rows.filter((r) => r.kind === "item" || r.kind === "leaf");
  for (let c = 0; c < T3_WIDTH; c++) {
    const col = format.t3.columns[c].key;
    const name = colName(format, c);
    const nw = n0(t3.new[c]);
    const ca = n0(t3.carry[c]);
    const to = n0(t3.total[c]);
    const fw = n0(t3.fwd[c]);
    if (nw + ca !== to + fw)
      out.add(
        "P1",
        "t3",
        undefined,
        col,
        `表三「${name}」列：第一项加第二项之和（${fmt(nw)}+${fmt(ca)}=${fmt(nw + ca)}）不等于第三项加第四项之和（${fmt(to)}+${fmt(fw)}=${fmt(to + fw)}）`,
      );
    const parts = leaves.map((r) => n0(summed[r.key][c]));
    const sum = parts.reduce((s, v) => s + v, 0);
    if (sum !== to)
      out.add(
        "S1",
        "t3",
        "total",
        col,
        `表三「${name}」列：「（七）总计」为${fmt(to)}，但各项办理结果之和为${fmt(sum)}（${sumText(parts)}）`,
      );
  }
  for (const row of rows) {
    const v = t3[row.key];
    const parts = v.slice(0, T3_APPLICANT_COLUMNS).map(n0);
    const sum = parts.reduce((s, x) => s + x, 0);
    if (sum !== n0(v[T3_TOTAL_COLUMN]))
      out.add(
        "S2",
        "t3",
        row.key,
        "total",
        `表三「${rowName(format, row.key)}」行：「总计」为${fmt(n0(v[T3_TOTAL_COLUMN]))}，但6类申请人之和为${fmt(sum)}（${sumText(parts)}）`,
      );
  }
}

function checkTable4(format: FormatDef, t4: Table4, out: Findings): void {
  const groups = [format.t4.review, ...format.t4.litigation];
  groups.forEach((g, gi) => {
    const parts = t4.slice(gi * T4_GROUP_WIDTH, gi * T4_GROUP_WIDTH + T4_TOTAL_RESULT).map(n0);
    const sum = parts.reduce((s, x) => s + x, 0);
    const total = n0(t4[gi * T4_GROUP_WIDTH + T4_TOTAL_RESULT]);
    if (sum !== total) {
      const names = format.t4.results
        .slice(0, T4_TOTAL_RESULT)
        .map((r, i) => `${r.label}${fmt(parts[i])}`)
        .join("、");
      out.add(
        "T4",
        "t4",
        g.key,
        "total",
        `表四「${g.label}」：总计为${fmt(total)}，但${names}之和为${fmt(sum)}`,
      );
    }
  });
}

const TABLE_NAMES = { t2: "表二", t3: "表三" } as const;
const labelOf = (format: FormatDef, table: "t2" | "t3", key: string) =>
  (table === "t3" ? format.t3.rows : (format.t2?.blocks.flatMap((b) => b.rows) ?? [])).find(
    (r) => r.key === key,
  )?.label;
/** The template's rows of a table that the input lacks. */
const absent = (format: FormatDef, input: TableSet, table: "t2" | "t3") => {
  const given = input[table];
  const keys =
    table === "t3"
      ? numberRows(format).map((r) => r.key)
      : (format.t2?.blocks.flatMap((b) => b.rows) ?? []).map((r) => r.key);
  return given && typeof given === "object" ? keys.filter((k) => !(k in given)) : [];
};

/**
 * The rows printed but not read, which are not to be called missing: those an unsure label is near, and — where a
 * label is near no row — every row the table lacks (one of them is that row; L1 names them together).
 */
function unreadRows(format: FormatDef, input: TableSet, unsure: UnsureLabel[]) {
  const out = { t2: new Set<string>(), t3: new Set<string>() };
  for (const u of unsure)
    for (const k of u.between.length ? u.between : absent(format, input, u.table)) out[u.table].add(k);
  return out;
}

function checkLabels(format: FormatDef, input: TableSet, labels: TableLabels, out: Findings): void {
  for (const table of ["t3", "t2"] as const)
    for (const [key, text] of Object.entries(labels[table] ?? {})) {
      const expected = labelOf(format, table, key);
      if (expected && text !== expected)
        out.add(
          "L1",
          table,
          key,
          undefined,
          `${TABLE_NAMES[table]}行名「${text}」与模板文字「${expected}」不一致，已按「${expected}」一行读取`,
        );
    }
  for (const u of labels.unsure ?? []) {
    const name = TABLE_NAMES[u.table];
    const row = `${name}中行名为「${u.label}」的一行（${u.values.map((v) => (v === null ? "空" : String(v))).join("、")}）`;
    const names = (keys: string[]) => keys.map((k) => `「${labelOf(format, u.table, k) ?? k}」`).join("");
    const lacking = absent(format, input, u.table);
    out.add(
      "L1",
      u.table,
      u.between[0],
      undefined,
      u.between.length
        ? `${row}与${names(u.between)}都相近，无法确定是哪一行，这一行的数字未读取；请按模板文字改正行名`
        : `${row}与模板的行名都不相符，这一行的数字未读取${lacking.length ? `；${name}中没有找到${names(lacking)}，可能就是这一行` : ""}；请按模板文字改正行名`,
      // Every template row read: the row is one the office added, not a number lost.
      u.between.length || lacking.length ? "error" : "warning",
    );
  }
}

function checkPrevious(
  format: FormatDef,
  t3: Table3,
  t2: Table2 | null,
  previous: TableSet,
  out: Findings,
): void {
  const prevFwd = previous.t3?.fwd;
  if (Array.isArray(prevFwd))
    for (let c = 0; c < T3_WIDTH; c++) {
      const last = cellValue(prevFwd[c]);
      const now = t3.carry[c];
      if (typeof last === "number" && n0(now) !== last)
        out.add(
          "X1",
          "t3",
          "carry",
          format.t3.columns[c].key,
          `表三「${colName(format, c)}」列：本年「上年结转」为${fmt(n0(now))}，但上年报告「结转下年度继续办理」为${fmt(last)}`,
        );
    }
  if (format.id !== "2021" || !t2 || previous.format !== "2021" || !previous.t2) return;
  const rows = format.t2?.blocks[0].rows ?? [];
  for (const row of rows) {
    const now = t2[row.key];
    const last = previous.t2[row.key];
    if (!Array.isArray(now) || !Array.isArray(last)) continue;
    const lastInForce = cellValue(last[2]);
    if (typeof lastInForce !== "number") continue;
    const expected = lastInForce + n0(now[0]) - n0(now[1]);
    if (n0(now[2]) !== expected)
      out.add(
        "X2",
        "t2",
        row.key,
        "inForce",
        `表二「${row.label}」：现行有效件数为${fmt(n0(now[2]))}，但上年现行有效${fmt(lastInForce)}+本年制发${fmt(n0(now[0]))}-本年废止${fmt(n0(now[1]))}=${fmt(expected)}`,
      );
  }
}

/** Whether any finding is an error. */
export function hasErrors(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === "error");
}
