/**
 * One unit of a review, from whatever file it came as: its report (ours or hand-made .docx, a saved web page —
 * its tables, its text: X3 and the completeness rules), its register or typed 统计表 workbook (compiled), or
 * its tables JSON. Works on bytes, one file at a time, so the command line and the panes share it; a file
 * that cannot be read is a unit with the reason, never an exception. A file that says it is no report, register
 * or tables — a letter or a note with no report title, sections or tables, a .txt of prose — is no unit: it is
 * skipped with why (src/report/units.ts saysReport). A report's unit also carries its paragraphs (and last
 * year's, where its report was matched: 雷同), when it was published (R1) and whether it is a 人民政府's own.
 * The list of units may carry a 报送日期 or 发布日期 column (unitList): the review prefers it to the document's.
 */
import { compileWorkbook, rowErrorCount } from "../report/compile";
import { isGovernment } from "../report/audit/deadline";
import { DATE_SOURCES } from "../report/read/published";
import type { PublishedDate } from "../report/read/published";
import { checkTables } from "../report/tables/checks";
import { numericTables } from "../report/read/tables";
import { checkReadReport } from "../report/read/text";
import { unitNameFromFile } from "../report/review";
import type { ReadUnit, ReviewFinding } from "../report/review";
import { eitherOf, saysReport } from "../report/units";
import type { TableSet } from "../report/tables/tables";
import { isTextExport, readWorkbook } from "../workbook/read";
import { cellDays, cellText } from "../report/common/cells";
import type { Cell, WorkbookData } from "../report/common/cells";
import { formatDays } from "../report/common/dates";
import { decodeText } from "../workbook/csv";
import { inputKind, notAUnit, textReport, unreadFormat } from "./limits";
import { openReportFile } from "./report";
import { parseTablesJson } from "./tables";

/**
 * Last year's unit a name was matched to (src/report/units.ts unitFinder), or the names it may be. A report's
 * paragraphs come with it (ReadUnit.paragraphs of last year's unit) for 雷同.
 */
export type PreviousMatch =
  { tables: TableSet; file: string; paragraphs?: string[] } | { between: string[] } | undefined;

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
  if ("tables" in m) {
    const said: Partial<ReadUnit> = { previous: m.file, previousTables: m.tables };
    if (m.paragraphs) said.previousParagraphs = m.paragraphs;
    return { previous: m.tables, said, extra: [] };
  }
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
        paragraphs: r.paragraphs,
        ...(r.published ? { published: r.published } : {}),
        government: isGovernment(unit.unit),
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
        government: isGovernment(unit.unit),
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
      government: isGovernment(unit.unit),
    };
  } catch (e) {
    return { ...named("", name), file, reason: (e as Error).message };
  }
}

/** The headers of a list's name column, and of its date columns (which date each is). */
const NAME_HEADER = /^(?:单位|单位名称|名称|部门|部门名称|机关|机关名称)$/;
const DATE_HEADERS: [RegExp, string][] = [
  [/^(?:发布日期|发布时间|公开日期|公开时间)$/, DATE_SOURCES.listPublished],
  [/^(?:报送日期|报送时间|提交日期|提交时间)$/, DATE_SOURCES.listSent],
];
const header = (c: Cell) => cellText(c).normalize("NFKC").replace(/\s+/g, "");

/**
 * The units a review expects, from the list the reviewer keeps: one per line (.txt, UTF-8 or GBK), or a column
 * of the first sheet (.csv, .xlsx) — the one headed 单位 / 单位名称 / 名称 / 部门 (a title may stand above the
 * header row), else the first. Where the sheet has a 发布日期 or 报送日期 column (发布日期 where it has both: R1
 * asks when the report was published), each unit's date as offices type it (2026-01-20, 2026/1/20, 2026年1月20日,
 * 2026.1.20, a date cell, an Excel serial number), keyed by the name as the list writes it; a date that reads as
 * none is left out.
 */
export async function unitList(
  bytes: Uint8Array,
  name: string,
): Promise<{ names: string[]; dates: Map<string, PublishedDate> }> {
  const rows: Cell[][] = /\.txt$/i.test(name)
    ? decodeText(bytes)
        .split(/\r?\n/)
        .map((l) => [l])
    : ((await readWorkbook(bytes, name)).sheets[0]?.rows ?? []);
  // The header row: the first of the first five with a name or date header (a title may stand above it).
  const isHead = (r: Cell[]) =>
    r.map(header).some((h) => NAME_HEADER.test(h) || DATE_HEADERS.some(([re]) => re.test(h)));
  const at = rows.slice(0, 5).findIndex(isHead);
  const head = at >= 0 ? rows[at].map(header) : [];
  const column = Math.max(
    0,
    head.findIndex((h) => NAME_HEADER.test(h)),
  );
  const dated = DATE_HEADERS.map(([re, source]) => ({ col: head.findIndex((h) => re.test(h)), source })).find(
    (d) => d.col >= 0,
  );
  const names: string[] = [];
  const dates = new Map<string, PublishedDate>();
  for (const row of rows.slice(at + 1)) {
    const unit = cellText(row[column]).trim();
    if (!unit) continue;
    names.push(unit);
    const days = dated ? cellDays(row[dated.col] ?? null) : NaN;
    if (dated && !Number.isNaN(days) && !dates.has(unit))
      dates.set(unit, { date: formatDays(days), source: dated.source });
  }
  return { names, dates };
}

/**
 * The names of the units a review expects (unitList's names): one per line (.txt), or the name column of the
 * first sheet (.csv, .xlsx), its header skipped.
 */
export async function unitNames(bytes: Uint8Array, name: string): Promise<string[]> {
  return (await unitList(bytes, name)).names;
}
