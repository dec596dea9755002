/**
 * The tables typed by hand: a small agency that keeps no per-application register types 表二, 表三 and 表四
 * into a 统计表 sheet laid out as 写入统计表 and `extract --xlsx` write it (a title, then each table under its
 * caption). The sheet is read by the report reader (read/), which finds each table by its labels, so a sheet
 * typed in another layout with the template's labels reads too. Cells are kept as typed: a blank is null (F2),
 * text that is not a number stays text (F1), and the checks judge them. A table a register gives is taken from
 * the register; the typed one fills only what no register gives.
 */
import type { SheetData, WorkbookData } from "./common/cells";
import { normalizeText } from "./common/normalize";
import { sheetText } from "./read/cells";
import { numericTables, readReport } from "./read/tables";
import type { ReadOptions } from "./read/tables";
import type { TableSet } from "./tables/tables";
import type { RowIssue } from "./register/registers";
import { STATISTICS_SHEET_NAME } from "./text/labels";

export type TypedTableId = "t2" | "t3" | "t4";

export interface TypedTables {
  sheet: string;
  /** The tables as typed (blank cells null, text kept), for the checks. */
  asTyped: TableSet;
  /** The same with text cells as blanks, for the report and the roll-up. */
  numbers: TableSet;
  /** Which tables the sheet holds. */
  found: TypedTableId[];
  /** Tables the sheet was expected to hold but that could not be read, each with why. */
  problems: string[];
  /** The agency and year of the sheet's title, where it has one. */
  agency: string;
  year: number;
}

/** A sheet larger than this is a register or a list, not the three tables (about 50 rows). */
const MAX_TYPED_ROWS = 400;

function readTyped(sheet: SheetData, options: ReadOptions): TypedTables | null {
  if (sheet.rows.length > MAX_TYPED_ROWS) return null;
  const read = readReport(sheetText(sheet.rows), options);
  const found = (["t2", "t3", "t4"] as const).filter((t) => read.found[t]);
  if (!found.length) return null;
  return {
    sheet: sheet.name,
    asTyped: read.tables,
    numbers: numericTables(read.tables),
    found,
    // A missing year is not the sheet's problem: the year comes from 报告信息 or --year as well.
    problems: read.problems.filter((p) => !p.startsWith("没有找到报告年度")),
    agency: read.tables.agency,
    year: read.title ? read.tables.year : 0,
  };
}

/**
 * The typed tables of a workbook: the sheet named 统计表, else the first of the sheets no register was found
 * in (`others`, by name) that holds a table by its labels; null when there is none.
 */
export function findTypedTables(
  workbook: WorkbookData,
  others: string[],
  options: ReadOptions,
): TypedTables | null {
  const own = normalizeText(STATISTICS_SHEET_NAME);
  const named = workbook.sheets.find((s) => normalizeText(s.name) === own);
  const candidates = [
    ...(named ? [named] : []),
    ...workbook.sheets.filter((s) => s !== named && others.includes(s.name)),
  ];
  for (const sheet of candidates) {
    const typed = readTyped(sheet, options);
    if (typed) return typed;
  }
  return null;
}

export /** Which typed tables are used (those `wanted`, no register giving them), and the sheet's problems with them. */
function typedUse(sheet: TypedTables | null, wanted: Record<TypedTableId, boolean>) {
  const tables = sheet ? sheet.found.filter((t) => wanted[t]) : [];
  const pick = <K extends TypedTableId>(k: K, from: TableSet | undefined) =>
    from && tables.includes(k) ? from[k] : undefined;
  const asTyped: Partial<TableSet> = {};
  for (const k of tables) if (sheet) Object.assign(asTyped, { [k]: sheet.asTyped[k] });
  return {
    tables,
    t2: pick("t2", sheet?.numbers) ?? undefined,
    t3: pick("t3", sheet?.numbers),
    t4: pick("t4", sheet?.numbers),
    asTyped,
    issues(year: number): RowIssue[] {
      if (!sheet || !tables.length) return [];
      const issue = (message: string, severity: RowIssue["severity"]): RowIssue => ({
        sheet: sheet.sheet,
        row: 0,
        column: "",
        value: "",
        message,
        severity,
        kind: "disagreement",
      });
      const ids: Record<string, TypedTableId> = { 二: "t2", 三: "t3", 四: "t4" };
      const out = sheet.problems
        .filter((p) => {
          const id = ids[/表([二三四])/.exec(p)?.[1] ?? ""];
          return id && wanted[id] && !tables.includes(id);
        })
        // A table typed but unreadable is an error: its numbers are not guessed, nor taken as 0.
        .map((p) => issue(`「${sheet.sheet}」工作表：${p}`, "error"));
      if (sheet.year && sheet.year !== year)
        out.push(
          issue(
            `「${sheet.sheet}」工作表的标题年度为${sheet.year}年，与报告年度${year}年不同，请核对`,
            "warning",
          ),
        );
      return out;
    },
  };
}

/** Whether a register sheet holds any row below its header (a template's empty register gives nothing). */
export function hasRows(sheets: SheetData[]): boolean {
  return sheets.some((s) =>
    s.rows.slice(1).some((r) => r.some((v) => v !== null && v !== undefined && v !== "")),
  );
}
