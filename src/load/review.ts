/**
 * One unit of a review, from whatever file it came as: its report (ours or hand-made .docx, a saved web page —
 * its tables, its text: X3 and the completeness rules), its register or typed 统计表 workbook (compiled), or
 * its tables JSON. Works on bytes, one file at a time, so the command line and the panes share it; a file
 * that cannot be read is a unit with the reason, never an exception. A file that says it is no report, register
 * or tables — a letter or a note with no report title, sections or tables, a .txt of prose — is no unit: it is
 * skipped with why (src/report/units.ts saysReport).
 */
import { compileWorkbook, rowErrorCount } from "../report/compile";
import { checkTables } from "../report/tables/checks";
import { numericTables } from "../report/read/tables";
import { checkReadReport } from "../report/read/text";
import { unitNameFromFile } from "../report/review";
import type { ReadUnit, ReviewFinding } from "../report/review";
import { eitherOf, saysReport } from "../report/units";
import type { TableSet } from "../report/tables/tables";
import { isTextExport, readWorkbook } from "../workbook/read";
import { cellText } from "../report/common/cells";
import type { WorkbookData } from "../report/common/cells";
import { decodeText } from "../workbook/csv";
import { inputKind, notAUnit, textReport, unreadFormat } from "./limits";
import { openReportFile } from "./report";
import { parseTablesJson } from "./tables";

/** Last year's unit a name was matched to (src/report/units.ts unitFinder), or the names it may be. */
export type PreviousMatch = { tables: TableSet; file: string } | { between: string[] } | undefined;

export interface UnitOptions {
  /** The review's year: a title of another year is C4. */
  year?: number;
  /** Last year's report of a unit, by the unit's name (X1, X2). */
  previousOf?: (unit: string) => PreviousMatch;
  /** A register's numbers traced to their rows (the pane's 汇总 explains a total down to them). */
  explain?: boolean;
  /** A PDF's pages as they are read. */
  onPage?: (done: number, total: number) => void;
}

/** Last year's tables of a unit, and what the unit says of them: the file matched, or the names it may be. */
function lastYear(
  unit: string,
  options: UnitOptions,
): { previous?: TableSet; said: Partial<ReadUnit>; extra: ReviewFinding[] } {
  const m = options.previousOf?.(unit);
  if (!m) return { said: {}, extra: [] };
  if ("tables" in m) return { previous: m.tables, said: { previous: m.file }, extra: [] };
  const message = `上年的报告中${eitherOf(m.between)}都可能是本单位，未核对与上年的衔接（X1、X2）；请确认是哪一个`;
  return { said: {}, extra: [{ rule: "上年", severity: "warning", where: "上年", message }] };
}

/** The unit's name: what its file says (title, 报告信息), else its file's name — and which it was. */
const named = (agency: string, name: string): Pick<ReadUnit, "unit" | "nameFrom"> =>
  agency ? { unit: agency, nameFrom: "report" } : { unit: unitNameFromFile(name), nameFrom: "file" };

/** Whether a text file (.txt, .csv) has columns at all: a row of three cells, or two rows of two. */
const hasColumns = (w: WorkbookData) => {
  const widths = (w.sheets[0]?.rows ?? []).map((r) => r.filter((c) => cellText(c).trim()).length);
  return widths.some((n) => n >= 3) || widths.filter((n) => n >= 2).length >= 2;
};

/** The unit a file holds, with its findings (X1/X2 against last year's where it is known). */
export async function readUnit(
  bytes: Uint8Array,
  name: string,
  options: UnitOptions = {},
): Promise<ReadUnit> {
  const file = name;
  const unread = unreadFormat(name);
  if (unread) return { ...named("", name), file, reason: unread };
  try {
    const kind = inputKind(name);
    if (kind === "report") {
      const r = await openReportFile(bytes, name, {}, options.onPage);
      const says = r.source === "stored" || Object.keys(r.found).length > 0 || saysReport(r.paragraphs);
      if (!says) return { ...named("", name), file, skip: notAUnit(name, "document") };
      const unit = named(r.tables.agency, name);
      if (r.problems.length) return { ...unit, file, reason: r.problems.join("；") };
      const numeric = numericTables(r.tables);
      const last = lastYear(unit.unit, options);
      // How it was read, where the reviewer should know: printed tables edited by hand, stored data broken.
      const notices = r.notices.map((n) => ({
        rule: "读取",
        severity: "warning" as const,
        where: "报告",
        message: n,
      }));
      const extra = [...notices, ...last.extra];
      return {
        ...unit,
        file,
        tables: numeric,
        findings: checkReadReport(r, numeric, last.previous, options.year),
        source: r.source,
        ...last.said,
        ...(extra.length ? { extra } : {}),
      };
    }
    if (kind === "tables") {
      const { tables } = parseTablesJson(bytes, name);
      const unit = named(tables.agency, name);
      const last = lastYear(unit.unit, options);
      return {
        ...unit,
        file,
        tables: numericTables(tables),
        findings: checkTables(tables, last.previous ? { previous: last.previous } : {}),
        source: "tables",
        ...last.said,
        ...(last.extra.length ? { extra: last.extra } : {}),
      };
    }
    const workbook = await readWorkbook(bytes, name);
    if (isTextExport(name) && !hasColumns(workbook)) {
      // Prose: a report pasted as text is still the unit's (not read); anything else is no unit.
      const lines = (workbook.sheets[0]?.rows ?? []).map((r) => r.map(cellText).join(""));
      return saysReport(lines)
        ? { ...named("", name), file, reason: textReport(name) }
        : { ...named("", name), file, skip: notAUnit(name, "text") };
    }
    const explain = options.explain ? { explain: true } : {};
    const first = compileWorkbook(workbook, explain);
    const unit = named(first.tables.agency, name);
    const last = lastYear(unit.unit, options);
    const result = last.previous ? compileWorkbook(workbook, { ...explain, previous: last.previous }) : first;
    const errors = rowErrorCount(result);
    const extra: ReviewFinding[] = [
      ...(errors
        ? [
            {
              rule: "台账",
              severity: "error" as const,
              where: "台账",
              message: `台账有${errors}处错误（${result.stats.excludedRows}行未计入），请用 compile 命令或任务窗格逐条查看`,
            },
          ]
        : []),
      ...last.extra,
    ];
    return {
      ...unit,
      file,
      tables: result.tables,
      findings: result.checks,
      ...(extra.length ? { extra } : {}),
      source: result.typed && !result.stats.applications ? "typed" : "register",
      ...last.said,
      ...(result.stats.excludedRows ? { excludedRows: result.stats.excludedRows } : {}),
      ...(result.explainer ? { explainer: result.explainer } : {}),
    };
  } catch (e) {
    return { ...named("", name), file, reason: (e as Error).message };
  }
}

/**
 * The names of the units a review expects, from the list the reviewer keeps: one per line (.txt, UTF-8 or GBK), or the first
 * column of the first sheet (.csv, .xlsx), a header such as 单位 or 单位名称 skipped.
 */
export async function unitNames(bytes: Uint8Array, name: string): Promise<string[]> {
  const rows = /\.txt$/i.test(name)
    ? decodeText(bytes)
        .split(/\r?\n/)
        .map((l) => [l])
    : ((await readWorkbook(bytes, name)).sheets[0]?.rows ?? []);
  return rows
    .map((r) => cellText(r[0]).trim())
    .filter((n, i) => n && !(i === 0 && /^(单位|单位名称|名称|部门)$/.test(n)));
}
