/**
 * What the custom functions do, without the CustomFunctions global: ranges (header row included) to engine
 * calls, argument checks with Chinese messages, and a cache that lets the many OGI.COUNT cells of one
 * recalculation share one tally of the same register. The cache is keyed by the range's address (Excel gives
 * it with @requiresParameterAddresses) and lives until the calls of the current batch are done; a cached
 * entry is also checked against the range's size and a sample of its cells.
 */
import { tallyApplications } from "../report/register/applications";
import type { ApplicationResult } from "../report/register/applications";
import { tallyCases } from "../report/register/cases";
import type { Cell, SheetData } from "../report/common/cells";
import { CellRefError, t3ColumnIndex, t3RowKey } from "../report/tables/cellRef";
import { checkTables } from "../report/tables/checks";
import { Explainer } from "../report/register/explain";
import { getFormat, isFormatId, numberRows, T3_WIDTH, T4_WIDTH } from "../report/formats";
import type { FormatDef, FormatId } from "../report/formats";
import { SEVERITY_LABELS } from "../report/text/labels";
import { APPLICATION_HEADERS, CASE_HEADERS, SHEETS } from "../report/register/registers";
import type { RowIssue } from "../report/register/registers";
import { AnswersError, noAnswers, readAnswers } from "../report/register/answers";
import { inOurLayout, understandLedger } from "../report/register/understand";
import type { LedgerSheet } from "../report/register/understand";
import type { LedgerKind } from "../report/register/ledger";
import { buildSentences } from "../report/text/sentences";
import type { Num, TableSet } from "../report/tables/tables";

/** An argument the function cannot use: becomes #VALUE! with this Chinese message. */
export class ArgumentError extends Error {}

/** A value as Excel hands it to a custom function. */
export type ExcelValue = string | number | boolean | null | undefined | { code?: string; message?: string };

/** Excel values to engine cells: "" stays empty text, error objects become `{ error }`. */
function toCells(range: ExcelValue[][]): Cell[][] {
  return range.map((row) =>
    row.map((v) => (v !== null && typeof v === "object" ? { error: `#${String(v.code ?? "错误")}` } : v)),
  );
}

/** "'依申请公开登记'!A1:G100" → sheet and first row; plain ranges work too. */
function parseAddress(address: string | undefined): { sheet?: string; firstRow: number } {
  if (!address) return { firstRow: 1 };
  const m = /^(?:'?((?:[^']|'')+?)'?!)?\$?[A-Za-z]+\$?(\d+)/.exec(address);
  return { sheet: m?.[1]?.replace(/''/g, "'"), firstRow: m ? Number(m[2]) : 1 };
}

function formatArg(value: ExcelValue): FormatDef {
  if (value === null || value === undefined || value === "") return getFormat("2021");
  const s = String(value).trim();
  if (!isFormatId(s)) throw new ArgumentError(`格式参数「${s}」无效，只能是 2021、2019 或 2008`);
  return getFormat(s as FormatId);
}

function yearArg(value: ExcelValue): number {
  const y = typeof value === "string" ? Number(value.trim()) : value;
  if (typeof y !== "number" || !Number.isInteger(y) || y < 2000 || y > 2100)
    throw new ArgumentError(`年份参数「${String(value ?? "")}」无效，应为四位年份，如 2025`);
  return y;
}

function rangeArg(range: ExcelValue[][] | undefined, what: string): ExcelValue[][] {
  if (!Array.isArray(range) || !range.length || !Array.isArray(range[0]))
    throw new ArgumentError(`「${what}」应为一个区域（含表头行）`);
  if (range.length < 1) throw new ArgumentError(`「${what}」没有表头行`);
  return range;
}

const LAYOUT = {
  applications: {
    spec: APPLICATION_HEADERS,
    required: ["收到日期", "申请人类型"],
    name: SHEETS.applications,
  },
  cases: { spec: CASE_HEADERS, required: ["类型", "立案日期"], name: SHEETS.cases },
};

/**
 * The register in a range: as it is when in our layout (its header on the range's first row); otherwise the
 * agency's own ledger read by its content (header within the first rows, their header words and values), with
 * the answers of an optional 对应关系 range — as the sheet in our layout, its rows at their own row numbers,
 * and the questions still open (one issue per row).
 */
function registerOf(
  kind: LedgerKind,
  format: FormatDef,
  range: ExcelValue[][],
  address: string | undefined,
  answersRange: ExcelValue[][] | undefined,
): { sheet: LedgerSheet; issues: RowIssue[] } {
  const { sheet: name, firstRow } = parseAddress(address);
  const layout = LAYOUT[kind];
  const sheet: SheetData = { name: name ?? layout.name, rows: toCells(range), firstRow };
  if (inOurLayout(sheet, layout.spec, layout.required)) return { sheet, issues: [] };
  let answers = noAnswers();
  if (Array.isArray(answersRange) && answersRange.length > 1)
    try {
      answers = readAnswers(format, toCells(answersRange), "对应关系区域");
    } catch (e) {
      if (e instanceof AnswersError) throw new ArgumentError(e.message);
      throw e;
    }
  const understood = understandLedger(format, { sheets: [sheet] }, answers);
  const found = understood.sheets[kind][0];
  // Not found by content: read as ours, so that the missing columns are named as always.
  if (!found) return { sheet, issues: [] };
  return { sheet: found, issues: understood.issues };
}

/** A register's errors as the formula's error: questions first (the value and what it may stand for). */
function refuseErrors(what: string, issues: RowIssue[], excluded: number | null): void {
  const errors = issues.filter((i) => i.severity === "error");
  if (!errors.length) return;
  const pending = errors.filter((i) => i.kind === "pending");
  const first = pending[0] ?? errors[0];
  if (pending.length)
    throw new ArgumentError(
      `${first.message}（共${pending.length}处待确认）。请在「对应关系」表（项目 | 台账中的写法 | 对应为）中写明，并把它的区域作为最后一个参数；或把忽略错误行的参数设为 TRUE，暂不计这些行`,
    );
  throw new ArgumentError(
    `${what}有${errors.length}个错误${excluded === null ? "" : `（${excluded}行未计入）`}，第一个在${first.row ? `第${first.row}行` : ""}「${first.column}」：${first.message}。改正后重算，或把最后一个参数设为 TRUE 以忽略错误行`,
  );
}

interface Cached {
  rows: number;
  columns: number;
  sample: string;
  result: ApplicationResult;
  /** The register as tallied (an own ledger in our layout), and its questions. */
  sheet: SheetData;
  issues: RowIssue[];
}

const cache = new Map<string, Cached>();
let clearScheduled = false;

/** A cheap fingerprint: the size and a few cells from the start, middle and end. */
function sampleOf(range: ExcelValue[][]): string {
  const n = range.length;
  const picks = [0, 1, n >> 2, n >> 1, (3 * n) >> 2, n - 2, n - 1].filter((i) => i >= 0 && i < n);
  return picks.map((i) => JSON.stringify(range[i])).join("|");
}

function scheduleClear(): void {
  if (clearScheduled) return;
  clearScheduled = true;
  setTimeout(() => {
    cache.clear();
    clearScheduled = false;
  }, 0);
}

/** Drops every cached tally (tests; Excel's next recalculation does it by itself). */
export function clearCache(): void {
  cache.clear();
}

interface TallyArgs {
  register: ExcelValue[][];
  year: ExcelValue;
  format?: ExcelValue;
  ignoreBadRows?: ExcelValue;
  /** The register's address, when Excel gives it. */
  address?: string;
  /** A 对应关系 range (with its header), for an agency's own ledger. */
  answers?: ExcelValue[][];
}

/** The register's 表三, shared between calls of one recalculation over the same range. */
function tally(
  args: TallyArgs,
  trace = false,
): { format: FormatDef; year: number; result: ApplicationResult; sheet: SheetData } {
  const register = rangeArg(args.register, "登记表区域");
  const format = formatArg(args.format);
  const year = yearArg(args.year);
  const answers = Array.isArray(args.answers) ? JSON.stringify(args.answers) : "";
  const key = args.address ? `${args.address}|${year}|${format.id}|${trace}|${answers}` : undefined;
  let entry = key ? cache.get(key) : undefined;
  if (
    entry &&
    (entry.rows !== register.length ||
      entry.columns !== register[0].length ||
      entry.sample !== sampleOf(register))
  )
    entry = undefined;
  if (!entry) {
    const { sheet, issues } = registerOf("applications", format, register, args.address, args.answers);
    const result = tallyApplications(
      format,
      year,
      sheet.rows,
      sheet.name,
      sheet.firstRow ?? 1,
      trace,
      sheet.words,
    );
    entry = {
      rows: register.length,
      columns: register[0].length,
      sample: key ? sampleOf(register) : "",
      result,
      sheet,
      issues: [...issues, ...result.issues],
    };
    if (key) {
      cache.set(key, entry);
      scheduleClear();
    }
  }
  if (args.ignoreBadRows !== true) refuseErrors("登记表", entry.issues, entry.result.stats.excluded);
  return { format, year, result: entry.result, sheet: entry.sheet };
}

export function table3Values(args: TallyArgs): number[][] {
  const { format, result } = tally(args);
  return numberRows(format).map((r) => result.t3[r.key]);
}

export function table4Values(
  cases: ExcelValue[][],
  yearValue: ExcelValue,
  ignoreBadRows?: ExcelValue,
  address?: string,
  answers?: ExcelValue[][],
): number[][] {
  const range = rangeArg(cases, "复议诉讼登记区域");
  const year = yearArg(yearValue);
  const format = getFormat("2021");
  const { sheet, issues } = registerOf("cases", format, range, address, answers);
  const r = tallyCases(format, year, sheet.rows, sheet.name, sheet.firstRow ?? 1, false, sheet.words);
  if (ignoreBadRows !== true) refuseErrors("复议诉讼登记", [...issues, ...r.issues], null);
  return [r.t4];
}

/** 表三's row and column from what the formula gives; a name of no cell is an ArgumentError (#VALUE!). */
function cellOf(format: FormatDef, row: ExcelValue, column: ExcelValue): { row: string; column: number } {
  try {
    const col = column === null || column === undefined ? undefined : String(column);
    return { row: t3RowKey(format, String(row ?? "")), column: t3ColumnIndex(format, col) };
  } catch (e) {
    if (e instanceof CellRefError) throw new ArgumentError((e as Error).message);
    throw e;
  }
}

/** The register rows behind one cell of 表三: 编号 and row number each (OGI.ROWS), the same as `explain`. */
export function rowsValues(
  args: TallyArgs & { row: ExcelValue; column?: ExcelValue },
): (string | number)[][] {
  const { format, year, result, sheet } = tally(args, true);
  const cell = cellOf(format, args.row, args.column);
  const tables = { format: format.id, year, agency: "", t2: null, t3: result.t3, t4: [] };
  const explainer = new Explainer(format, tables, { sheet, trace: result.trace ?? [] }, null, null);
  const rows = explainer.explain({ table: "t3", ...cell }).rows.map((r) => [r.id, r.row]);
  return rows.length ? rows : [["（没有计入此数的行）", ""]];
}

export function countValue(args: TallyArgs & { row: ExcelValue; column?: ExcelValue }): number {
  const { format, result } = tally(args);
  const cell = cellOf(format, args.row, args.column);
  return result.t3[cell.row][cell.column];
}

export function summaryText(args: TallyArgs): string {
  const { format, year, result } = tally(args);
  const t: TableSet = {
    format: format.id,
    year,
    agency: "",
    t2: null,
    t3: result.t3,
    t4: new Array<Num>(T4_WIDTH).fill(0),
  };
  return buildSentences(t)["s3.requests"];
}

export function issueRows(
  register: ExcelValue[][],
  yearValue: ExcelValue,
  formatValue?: ExcelValue,
  address?: string,
  answers?: ExcelValue[][],
): (string | number)[][] {
  const range = rangeArg(register, "登记表区域");
  const format = formatArg(formatValue);
  const year = yearArg(yearValue);
  const reg = registerOf("applications", format, range, address, answers);
  const { sheet } = reg;
  const issues: RowIssue[] = [
    ...reg.issues,
    ...tallyApplications(format, year, sheet.rows, sheet.name, sheet.firstRow ?? 1, false, sheet.words)
      .issues,
  ];
  if (!issues.length) return [["", "", "", "未发现问题"]];
  return issues.map((i) => [i.row || "", i.column, i.value, `${SEVERITY_LABELS[i.severity]}：${i.message}`]);
}

/** Checks a 表三 typed in a sheet (numbers only, in the format's row order), with 表四 and last year's 结转 if given. */
export function checkValues(
  table3: ExcelValue[][],
  table4?: ExcelValue[][],
  previousFwd?: ExcelValue[][],
  formatValue?: ExcelValue,
): (string | number)[][] {
  const range = rangeArg(table3, "表三区域");
  const format =
    formatValue === null || formatValue === undefined || formatValue === ""
      ? getFormat(range.length === numberRows(getFormat("2019")).length ? "2019" : "2021")
      : formatArg(formatValue);
  const rows = numberRows(format);
  if (range.length !== rows.length || range.some((r) => r.length !== T3_WIDTH))
    throw new ArgumentError(
      `表三区域应为 ${rows.length} 行 × ${T3_WIDTH} 列（只含数字，不含行名和表头），实际为 ${range.length} 行 × ${range[0].length} 列`,
    );
  const num = (v: ExcelValue): Num => (v === "" || v === null || v === undefined ? null : (v as number));
  const t3: Record<string, Num[]> = {};
  rows.forEach((r, i) => (t3[r.key] = range[i].map(num)));
  let t4: Num[] = new Array<Num>(T4_WIDTH).fill(0);
  if (
    table4 &&
    Array.isArray(table4) &&
    table4.length &&
    !(table4.length === 1 && table4[0].length === 1 && table4[0][0] === "")
  ) {
    const flat = table4.flat();
    if (flat.length !== T4_WIDTH)
      throw new ArgumentError(`表四区域应有 ${T4_WIDTH} 个数字，实际为 ${flat.length} 个`);
    t4 = flat.map(num);
  }
  const tables: TableSet = { format: format.id, year: 0, agency: "", t2: null, t3, t4 };
  let previous: TableSet | undefined;
  if (previousFwd && Array.isArray(previousFwd) && previousFwd.flat().some((v) => v !== "" && v !== null)) {
    const flat = previousFwd.flat();
    if (flat.length !== T3_WIDTH)
      throw new ArgumentError(`上年「结转下年度继续办理」应为 ${T3_WIDTH} 个数字，实际为 ${flat.length} 个`);
    previous = { ...tables, t3: { fwd: flat.map(num) } };
  }
  const findings = checkTables(tables, previous ? { previous } : {}).filter((f) => f.table !== "t2");
  if (!findings.length) return [["通过"]];
  return findings.map((f) => [f.rule, SEVERITY_LABELS[f.severity], f.place, f.message]);
}
