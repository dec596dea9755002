/**
 * The 勾稽 checks of domain.md §3 that can be computed from tables: P1, S1, S2, T4, F1, F2, F3, L1, X1, X2.
 * They work on tallied tables and on tables typed in by hand or copied from a published report (blanks as
 * null). Every finding names the rule, the table, the row and column, and the numbers, in Chinese.
 */
import type { FormatDef, FormatId, RuleId, Table2Column } from "./formats";
import {
  getFormat,
  isFormatId,
  numberRows,
  T3_APPLICANT_COLUMNS,
  T3_TOTAL_COLUMN,
  T3_WIDTH,
  T4_GROUP_WIDTH,
  T4_TOTAL_RESULT,
  T4_WIDTH,
} from "./formats";
import { n0 } from "./tables";
import type { Num, Table2, Table3, Table4, TableSet } from "./tables";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  table: "t2" | "t3" | "t4";
  row?: string;
  column?: string;
  /** "t3.total.natural", "t3.*.natural" (a whole column), "t4.review.total", "t2.rules.inForce". */
  where: string;
  message: string;
}

const SEVERITY: Record<RuleId, Severity> = {
  P1: "error",
  S1: "error",
  S2: "error",
  T4: "error",
  F1: "error",
  F2: "warning",
  F3: "error",
  L1: "warning",
  X1: "warning",
  X2: "warning",
};

/** Printed labels of the tables, as found in a document (for L1). */
interface TableLabels {
  t2?: Record<string, string>;
  t3?: Record<string, string>;
}

interface CheckOptions {
  /** Last year's tables, for X1 and X2. */
  previous?: TableSet;
  labels?: TableLabels;
}

class Findings {
  readonly list: Finding[] = [];
  constructor(private readonly rules: Set<RuleId>) {}
  add(
    rule: RuleId,
    table: Finding["table"],
    row: string | undefined,
    column: string | undefined,
    message: string,
  ) {
    if (!this.rules.has(rule)) return;
    const where = [table, row ?? (column ? "*" : undefined), column].filter(Boolean).join(".");
    const f: Finding = { rule, severity: SEVERITY[rule], table, where, message };
    if (row) f.row = row;
    if (column) f.column = column;
    this.list.push(f);
  }
}

const fmt = (v: number) => String(Math.round(v * 10000) / 10000);
const sumText = (values: number[]) => values.map(fmt).join("+");

/** Reads one number cell: null for blanks, the number, or undefined for something that is not a number. */
function cellValue(v: unknown): Num | undefined {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return undefined;
}

function kindOk(v: number, kind: Table2Column["kind"]): boolean {
  if (kind === "amount") return v >= 0;
  if (kind === "signedCount") return Number.isInteger(v);
  return Number.isInteger(v) && v >= 0;
}

const KIND_TEXT = { count: "不小于0的整数", signedCount: "整数", amount: "不小于0的数" };

/**
 * Checks a table set. Input may come from JSON: its structure is checked first (F3, F1), then the
 * arithmetic on what is there.
 */
export function checkTables(input: TableSet, options: CheckOptions = {}): Finding[] {
  const formatId: FormatId = isFormatId(String(input.format)) ? (String(input.format) as FormatId) : "2021";
  const format = getFormat(formatId);
  const out = new Findings(new Set(format.rules));
  if (!isFormatId(String(input.format)))
    out.add(
      "F3",
      "t3",
      undefined,
      undefined,
      `报告格式「${String(input.format)}」无法识别，按2021年格式校验`,
    );
  const t3 = readTable3(format, input.t3, out);
  const t4 = readTable4(format, input.t4, out);
  const t2 = readTable2(format, input.t2, out);
  checkTable3(format, t3, out);
  checkTable4(format, t4, out);
  if (options.labels) checkLabels(format, options.labels, out);
  if (options.previous) checkPrevious(format, t3, t2, options.previous, out);
  return out.list;
}

const rowName = (format: FormatDef, key: string) => format.t3.rows.find((r) => r.key === key)?.label ?? key;
const colName = (format: FormatDef, i: number) => format.t3.columns[i].label;

function readTable3(format: FormatDef, raw: unknown, out: Findings): Table3 {
  const t3: Table3 = {};
  const rows = numberRows(format);
  const given = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  if (!raw || typeof raw !== "object")
    out.add("F3", "t3", undefined, undefined, "缺少表三（t3），请按格式提供表三的各行数字");
  const expected = new Set(rows.map((r) => r.key));
  const unknown = Object.keys(given).filter((k) => !expected.has(k));
  if (format.id !== "2019" && "o" in given && !("o1" in given))
    out.add(
      "F3",
      "t3",
      "o",
      undefined,
      `表三「（六）其他处理」只有一行，这是2019年格式；${format.name}应分为「1.申请人无正当理由逾期不补正…」「2.申请人逾期未按收费通知要求缴纳费用…」「3.其他」三项`,
    );
  else if (format.id === "2019" && "o1" in given)
    out.add(
      "F3",
      "t3",
      "o1",
      undefined,
      `表三「（六）其他处理」分为三项，这是2021年格式，与声明的${format.name}不符`,
    );
  else
    for (const k of unknown)
      out.add("F3", "t3", k, undefined, `表三有未知的行「${k}」，${format.name}没有这一行`);
  for (const row of rows) {
    const v = given[row.key];
    if (v === undefined) {
      if (raw && typeof raw === "object")
        out.add("F3", "t3", row.key, undefined, `表三缺少「${row.label}」一行`);
      t3[row.key] = new Array<Num>(T3_WIDTH).fill(null);
      continue;
    }
    if (!Array.isArray(v) || v.length !== T3_WIDTH) {
      out.add(
        "F3",
        "t3",
        row.key,
        undefined,
        `表三「${row.label}」应有7个数字（6类申请人和总计），实际为${Array.isArray(v) ? v.length + "个" : "非数组"}`,
      );
      t3[row.key] = new Array<Num>(T3_WIDTH).fill(null);
      continue;
    }
    const values: Num[] = v.map((x: unknown, i: number) => {
      const c = cellValue(x);
      if (c === undefined || (c !== null && !kindOk(c, "count"))) {
        out.add(
          "F1",
          "t3",
          row.key,
          format.t3.columns[i].key,
          `表三「${row.label}」「${colName(format, i)}」的值「${String(x)}」不是不小于0的整数`,
        );
        return null;
      }
      return c;
    });
    const blanks = values
      .map((x, i) => (x === null && cellValue(v[i]) === null ? colName(format, i) : ""))
      .filter(Boolean);
    if (blanks.length)
      out.add(
        "F2",
        "t3",
        row.key,
        undefined,
        `表三「${row.label}」有空白单元格（${blanks.join("、")}），没有数字的单元格应填0`,
      );
    t3[row.key] = values;
  }
  return t3;
}

function readTable4(format: FormatDef, raw: unknown, out: Findings): Table4 {
  if (!Array.isArray(raw) || raw.length !== T4_WIDTH) {
    out.add(
      "F3",
      "t4",
      undefined,
      undefined,
      `表四应有${T4_WIDTH}个数字（行政复议5个、行政诉讼10个），实际为${Array.isArray(raw) ? raw.length + "个" : "缺少"}`,
    );
    return new Array<Num>(T4_WIDTH).fill(null);
  }
  const groups = [format.t4.review, ...format.t4.litigation];
  const blanks: string[] = [];
  const t4 = raw.map((x: unknown, i: number) => {
    const g = groups[Math.floor(i / T4_GROUP_WIDTH)];
    const r = format.t4.results[i % T4_GROUP_WIDTH];
    const c = cellValue(x);
    if (c === undefined || (c !== null && !kindOk(c, "count"))) {
      out.add(
        "F1",
        "t4",
        g.key,
        r.key,
        `表四「${g.label}」「${r.label}」的值「${String(x)}」不是不小于0的整数`,
      );
      return null;
    }
    if (c === null) blanks.push(`${g.label}${r.label}`);
    return c;
  });
  if (blanks.length)
    out.add(
      "F2",
      "t4",
      undefined,
      undefined,
      `表四有空白单元格（${blanks.join("、")}），没有数字的单元格应填0`,
    );
  return t4;
}

function readTable2(format: FormatDef, raw: unknown, out: Findings): Table2 | null {
  if (raw === null || raw === undefined) {
    if (format.t2)
      out.add("F2", "t2", undefined, undefined, "缺少表二（t2），表二的数字应全部填写，没有的填0");
    return null;
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    out.add("F3", "t2", undefined, undefined, "表二（t2）应为对象，键为各行（如 rules、normative）");
    return null;
  }
  const given = raw as Record<string, unknown>;
  const t2: Table2 = {};
  const rows = format.t2
    ? format.t2.blocks.flatMap((b) => b.rows.map((r) => ({ key: r.key, label: r.label, columns: b.columns })))
    : (format.legacyCategories ?? []).map((c) => ({
        key: c.key,
        label: c.label,
        columns: [{ key: "count", label: "数量", kind: "count" as const }],
      }));
  const known = new Set(rows.map((r) => r.key));
  for (const k of Object.keys(given))
    if (!known.has(k)) out.add("F3", "t2", k, undefined, `表二有未知的行「${k}」，${format.name}没有这一行`);
  for (const row of rows) {
    const v = given[row.key];
    const single = row.columns.length === 1;
    if (v === undefined) {
      out.add("F3", "t2", row.key, undefined, `表二缺少「${row.label}」一行`);
      t2[row.key] = single ? null : row.columns.map(() => null);
      continue;
    }
    if (single ? Array.isArray(v) : !Array.isArray(v) || v.length !== row.columns.length) {
      out.add(
        "F3",
        "t2",
        row.key,
        undefined,
        single ? `表二「${row.label}」应为一个数字` : `表二「${row.label}」应有${row.columns.length}个数字`,
      );
      t2[row.key] = single ? null : row.columns.map(() => null);
      continue;
    }
    const cells = single ? [v] : (v as unknown[]);
    const values = cells.map((x, i) => {
      const col = row.columns[i];
      const c = cellValue(x);
      if (c === undefined || (c !== null && !kindOk(c, col.kind))) {
        out.add(
          "F1",
          "t2",
          row.key,
          col.key,
          `表二「${row.label}」「${col.label}」的值「${String(x)}」不是${KIND_TEXT[col.kind]}`,
        );
        return null;
      }
      if (c === null)
        out.add("F2", "t2", row.key, col.key, `表二「${row.label}」「${col.label}」为空白，没有数字的应填0`);
      return c;
    });
    t2[row.key] = single ? values[0] : values;
  }
  return t2;
}

function checkTable3(format: FormatDef, t3: Table3, out: Findings): void {
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
    const parts = leaves.map((r) => n0(t3[r.key][c]));
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

function checkLabels(format: FormatDef, labels: TableLabels, out: Findings): void {
  for (const [key, text] of Object.entries(labels.t3 ?? {})) {
    const expected = format.t3.rows.find((r) => r.key === key)?.label;
    if (expected && text !== expected)
      out.add("L1", "t3", key, undefined, `表三行名「${text}」与模板文字「${expected}」不一致`);
  }
  if (format.t2)
    for (const [key, text] of Object.entries(labels.t2 ?? {})) {
      const expected = format.t2.blocks.flatMap((b) => b.rows).find((r) => r.key === key)?.label;
      if (expected && text !== expected)
        out.add("L1", "t2", key, undefined, `表二行名「${text}」与模板文字「${expected}」不一致`);
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
