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
import type { Cell } from "../report/common/cells";
import { CellRefError, t3ColumnIndex, t3RowKey } from "../report/tables/cellRef";
import { checkTables } from "../report/tables/checks";
import { Explainer } from "../report/register/explain";
import { getFormat, isFormatId, numberRows, T3_WIDTH, T4_WIDTH } from "../report/formats";
import type { FormatDef, FormatId } from "../report/formats";
import { SEVERITY_LABELS } from "../report/text/labels";
import { SHEETS } from "../report/register/registers";
import type { RowIssue } from "../report/register/registers";
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

interface Cached {
  rows: number;
  columns: number;
  sample: string;
  result: ApplicationResult;
  cells: Cell[][];
  firstRow: number;
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
}

/** The register's 表三, shared between calls of one recalculation over the same range. */
function tally(
  args: TallyArgs,
  trace = false,
): { format: FormatDef; year: number; result: ApplicationResult; cells: Cell[][]; firstRow: number } {
  const register = rangeArg(args.register, "登记表区域");
  const format = formatArg(args.format);
  const year = yearArg(args.year);
  const key = args.address ? `${args.address}|${year}|${format.id}|${trace}` : undefined;
  let entry = key ? cache.get(key) : undefined;
  if (
    entry &&
    (entry.rows !== register.length ||
      entry.columns !== register[0].length ||
      entry.sample !== sampleOf(register))
  )
    entry = undefined;
  if (!entry) {
    const { sheet, firstRow } = parseAddress(args.address);
    const cells = toCells(register);
    const result = tallyApplications(format, year, cells, sheet ?? SHEETS.applications, firstRow, trace);
    entry = {
      rows: register.length,
      columns: register[0].length,
      sample: key ? sampleOf(register) : "",
      result,
      cells,
      firstRow,
    };
    if (key) {
      cache.set(key, entry);
      scheduleClear();
    }
  }
  const errors = entry.result.issues.filter((i) => i.severity === "error");
  if (errors.length && args.ignoreBadRows !== true) {
    const first = errors[0];
    throw new ArgumentError(
      `登记表有${errors.length}个错误（${entry.result.stats.excluded}行未计入），第一个在${first.row ? `第${first.row}行` : ""}「${first.column}」：${first.message}。改正后重算，或把最后一个参数设为 TRUE 以忽略错误行`,
    );
  }
  return { format, year, result: entry.result, cells: entry.cells, firstRow: entry.firstRow };
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
): number[][] {
  const range = rangeArg(cases, "复议诉讼登记区域");
  const year = yearArg(yearValue);
  const { sheet, firstRow } = parseAddress(address);
  const r = tallyCases(getFormat("2021"), year, toCells(range), sheet ?? SHEETS.cases, firstRow);
  const errors = r.issues.filter((i) => i.severity === "error");
  if (errors.length && ignoreBadRows !== true)
    throw new ArgumentError(
      `复议诉讼登记有${errors.length}个错误，第一个在${errors[0].row ? `第${errors[0].row}行` : ""}「${errors[0].column}」：${errors[0].message}。改正后重算，或把最后一个参数设为 TRUE 以忽略错误行`,
    );
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
  const { format, year, result, cells, firstRow } = tally(args, true);
  const cell = cellOf(format, args.row, args.column);
  const { sheet } = parseAddress(args.address);
  const tables = { format: format.id, year, agency: "", t2: null, t3: result.t3, t4: [] };
  const explainer = new Explainer(
    format,
    tables,
    { sheet: { name: sheet ?? SHEETS.applications, rows: cells, firstRow }, trace: result.trace ?? [] },
    null,
    null,
  );
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
): (string | number)[][] {
  const range = rangeArg(register, "登记表区域");
  const format = formatArg(formatValue);
  const year = yearArg(yearValue);
  const { sheet, firstRow } = parseAddress(address);
  const issues: RowIssue[] = tallyApplications(
    format,
    year,
    toCells(range),
    sheet ?? SHEETS.applications,
    firstRow,
  ).issues;
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
  return findings.map((f) => [f.rule, SEVERITY_LABELS[f.severity], f.where, f.message]);
}
