/**
 * Tables from whatever file a unit (or last year) comes as: its register workbook (compiled), its tables
 * JSON (the product.md §2 shape), or its report — ours (the data it carries) or any other in a national
 * format, .docx or web page (read by the tables' labels, ./report).
 * Works on bytes, so the command line and the panes share it; one file at a time, so memory stays bounded.
 */
import { compileTables, compileWorkbook, rowErrorCount } from "../report/compile";
import type { CompileOptions, CompileResult } from "../report/compile";
import type { Explainer } from "../report/register/explain";
import { isFormatId } from "../report/formats";
import type { TableSet } from "../report/tables/tables";
import { checkTables } from "../report/tables/checks";
import { numericTables } from "../report/read/tables";
import type { ReadReport } from "../report/read/tables";
import { readWorkbook } from "../workbook/read";
import { inputKind, unreadFormat } from "./limits";
import { openReportFile } from "./report";

interface LoadedTables {
  tables: TableSet;
  kind: "xlsx" | "json" | "report";
  /** Register rows left out because of errors (workbooks only). */
  excludedRows?: number;
  /** Register problems of severity error (workbooks only): the same verdict compile gives. */
  rowErrors?: number;
  /** Workbooks compiled with `explain`: the rows behind the numbers. */
  explainer?: Explainer;
}

/** A unit's name: the agency its tables name, else the file's name without its extension. */
export function unitName(tables: TableSet, fileName: string): string {
  return tables.agency || fileName.replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
}

/** A report's tables (or a 统计表 sheet's) for arithmetic; refused when a table or a cell cannot be read. */
function fromReport(name: string, r: ReadReport): LoadedTables {
  if (r.problems.length)
    throw new Error(`「${name}」中的统计表读不全：${r.problems.join("；")}。请改用该单位的台账或统计表 JSON`);
  const wrong = checkTables(r.tables).filter((f) => f.rule === "F3" || f.rule === "F1");
  if (wrong.length)
    throw new Error(`「${name}」中的统计表有读不出的内容：${wrong.map((f) => f.message).join("；")}`);
  return { tables: numericTables(r.tables), kind: "report" };
}

/**
 * A tables JSON (the product.md §2 shape) as given — cells may be blank or text, for the checks to judge — and
 * the last year's tables it may carry under `previous`, unchecked.
 */
export function parseTablesJson(bytes: Uint8Array, name: string): { tables: TableSet; previous?: unknown } {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new Error(`「${name}」不是有效的 JSON：${(e as Error).message}`);
  }
  const t = data as TableSet & { previous?: unknown };
  if (!t || typeof t !== "object" || Array.isArray(t) || !t.t3 || !isFormatId(String(t.format)))
    throw new Error(
      `「${name}」不是统计表 JSON：应为一个对象，包含 format、year、t2、t3、t4（格式见 README）`,
    );
  // What the checks and the arithmetic take for granted, checked here (what the cells hold is the checks' to judge).
  const wrong = shapeProblem(t as unknown as Record<string, unknown>);
  if (wrong) throw new Error(`「${name}」不是统计表 JSON：${wrong}（格式见 README）`);
  const tables: TableSet = {
    format: t.format,
    year: t.year,
    agency: t.agency ?? "",
    t2: t.t2 ?? null,
    t3: t.t3,
    t4: t.t4 ?? [],
    feeYuan: t.feeYuan ?? null,
  };
  return "previous" in t ? { tables, previous: t.previous } : { tables };
}

/** Where a tables JSON is not shaped as tables at all (a row that is no list, 表四 no list, a name no text), or null. */
function shapeProblem(t: Record<string, unknown>): string | null {
  const isObject = (v: unknown) => !!v && typeof v === "object" && !Array.isArray(v);
  if (!isObject(t.t3)) return "t3 应为一个对象，每一行是一组数字";
  const row = Object.entries(t.t3 as object).find(([, v]) => !Array.isArray(v));
  if (row) return `t3.${row[0]} 应为一组数字（如 [1, 0, 0, 0, 0, 0, 1]）`;
  if (t.t4 !== undefined && t.t4 !== null && !Array.isArray(t.t4)) return "t4 应为15个数字";
  if (t.t2 !== undefined && t.t2 !== null && !isObject(t.t2)) return "t2 应为一个对象，键为各行";
  if (t.agency !== undefined && t.agency !== null && typeof t.agency !== "string")
    return "agency 应为机关名称（文字）";
  if (typeof t.year !== "number" || !Number.isInteger(t.year) || t.year < 1900 || t.year > 2999)
    return "year 应为年份（如 2025）";
  if (t.feeYuan !== undefined && t.feeYuan !== null && typeof t.feeYuan !== "number")
    return "feeYuan 应为金额（元）";
  return null;
}

const isJson = (bytes: Uint8Array, name: string) => inputKind(name) === "tables" || bytes[0] === 0x7b;

/** A file in a format we do not read (.doc, .wps, .xls, .ofd, a picture…) is refused saying what to give instead. */
function refuseUnreadFormat(name: string): void {
  const unread = unreadFormat(name);
  if (unread) throw new Error(unread);
}

/**
 * What compile, report, update and explain work from: a register workbook (or CSV), a workbook with the tables
 * typed into its 统计表 sheet, or a tables JSON.
 */
export async function compileFile(
  bytes: Uint8Array,
  name: string,
  options: CompileOptions = {},
): Promise<CompileResult> {
  refuseUnreadFormat(name);
  if (isJson(bytes, name)) {
    const { tables } = parseTablesJson(bytes, name);
    return compileTables(options.year ? { ...tables, year: options.year } : tables, name, options);
  }
  return compileWorkbook(await readWorkbook(bytes, name), options);
}

export async function tablesFromFile(
  bytes: Uint8Array,
  name: string,
  options: CompileOptions = {},
): Promise<LoadedTables> {
  refuseUnreadFormat(name);
  if (isJson(bytes, name)) {
    // For adding up: every row of the format, cells that are no number blank (check judges them as typed).
    return { tables: numericTables(parseTablesJson(bytes, name).tables), kind: "json" };
  }
  if (inputKind(name) === "report") return fromReport(name, await openReportFile(bytes, name));
  // Only the sheets the unit's tables come from are parsed.
  const workbook = await readWorkbook(bytes, name, { lazy: true });
  const result = compileWorkbook(workbook, options);
  return {
    tables: result.tables,
    kind: "xlsx",
    excludedRows: result.stats.excludedRows,
    rowErrors: rowErrorCount(result),
    ...(result.explainer ? { explainer: result.explainer } : {}),
  };
}
