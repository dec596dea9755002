/**
 * The engine's front doors sit at the top of src/report, above its rooms (formats/, common/, tables/, register/,
 * text/, read/): compile.ts (this file), typed.ts (the tables typed by hand), rollup.ts (many units added up), templates.ts (the register sheets we
 * create) and sample.ts (the demo register). They may import any room; no room imports them.
 *
 * The engine's front door: a register workbook → the tables of the chosen format, the checks, the row
 * issues and the sentences. Every surface (command line, Excel pane, file mode, custom functions) calls this.
 */
import { mergeCounted, readActiveGrid, tallyDocuments, tallyPublished } from "./register/active";
import { tallyApplications } from "./register/applications";
import type { ApplicationStats } from "./register/applications";
import { tallyCases } from "./register/cases";
import { Explainer } from "./register/explain";
import type { Cell, WorkbookData } from "./common/cells";
import { checkTables } from "./tables/checks";
import type { Finding } from "./tables/checks";
import type { FormatDef, FormatId } from "./formats";
import { formatForYear, getFormat, T3_APPLICANT_COLUMNS, T3_TOTAL_COLUMN } from "./formats";
import { defaultYear, readInfo } from "./text/info";
import type { ReportInfo } from "./text/info";
import { findSheet, SHEETS } from "./register/registers";
import { AnswersError, answersSheet, mergeAnswers, noAnswers, readAnswers } from "./register/answers";
import type { Answers } from "./register/answers";
import { feeNote, registerSheets } from "./register/understand";
import { FEE_WORDS } from "./register/fee";
import type { LedgerReport, LedgerSheet } from "./register/understand";
import { tallyEach } from "./register/sum";
import type { SheetTraces } from "./register/sum";
import type { RowIssue } from "./register/registers";
import { buildSentences } from "./text/sentences";
import type { Sentences } from "./text/sentences";
import { emptyTable2, emptyTable3, emptyTable4 } from "./tables/tables";
import { findTypedTables, hasRows, typedUse } from "./typed";
import { numericTables } from "./read/tables";
import type { TypedTableId } from "./typed";
import type { Num, TableSet } from "./tables/tables";

export interface CompileOptions {
  year?: number;
  format?: FormatId;
  agency?: string;
  /** Today, for the default year (the year before); defaults to now. */
  today?: Date;
  /** Last year's tables: X1 and X2 are checked, and the sentences compare with last year. */
  previous?: TableSet;
  /** Record where each counted row went, so that every number can be explained (./explain). */
  explain?: boolean;
  /** A 对应关系 table given beside the workbook (--map): its answers come after the workbook's own. */
  answers?: { rows: Cell[][]; where: string };
}

export interface CompileStats {
  applications: ApplicationStats | null;
  cases: { rows: number; counted: number; excluded: number } | null;
  /** Items of 主动公开信息登记 published in the year. */
  published: number;
  /** Rows with errors, left out of the tables. */
  excludedRows: number;
}

export interface CompileResult {
  tables: TableSet;
  checks: Finding[];
  rowIssues: RowIssue[];
  info: ReportInfo;
  sentences: Sentences;
  stats: CompileStats;
  categories: Record<string, number>;
  channels: Record<string, number>;
  /** With `explain`: the register rows behind each number of 表三 and 表四. */
  explainer?: Explainer;
  /** The registers read by their content (an agency's own ledger), the questions and the sheets ignored. */
  ledger: LedgerReport;
  /** The tables typed by hand into a 统计表 sheet that were used (where no register gives them). */
  typed?: { where: string; tables: TypedTableId[] };
}

/** Input the engine cannot use at all (no register sheet), with a Chinese message. */
export class UnusableInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnusableInputError";
  }
}

function sheetMissing(sheet: string, what: string): RowIssue {
  return {
    sheet,
    row: 0,
    column: "",
    value: "",
    message: `未找到工作表「${sheet}」，${what}`,
    severity: "warning",
    kind: "missingSheet",
  };
}

/** How many register problems are errors: the rows compile (and every other command) counts as a failure. */
export function rowErrorCount(result: Pick<CompileResult, "rowIssues">): number {
  return result.rowIssues.filter((i) => i.severity === "error").length;
}

/** The workbook's 对应关系 sheet, then the answers given beside it; a table that cannot be used is refused. */
function answersFor(format: FormatDef, workbook: WorkbookData, given: CompileOptions["answers"]): Answers {
  const sheet = answersSheet(workbook);
  try {
    const own = sheet ? readAnswers(format, sheet.rows, sheet.name) : noAnswers();
    return given ? mergeAnswers(own, readAnswers(format, given.rows, given.where)) : own;
  } catch (e) {
    if (e instanceof AnswersError) throw new UnusableInputError(e.message);
    throw e;
  }
}

/**
 * The row issues as every surface lists them: a column that holds back more than a fifth of its sheet's rows
 * first (before any row's own issue), then the questions of which column is a field, then the rest in order;
 * what 信息处理费 cannot say is said once, not once per sheet of a register kept by month.
 */
function ordered(issues: RowIssue[]): RowIssue[] {
  const fees = new Set<string>();
  const first = (i: RowIssue) => i.kind === "columnUnread" || (i.kind === "pending" && i.row === 0);
  const rest = issues.filter((i) => {
    if (first(i)) return false;
    if (i.kind !== "feeUnknown") return true;
    if (fees.has(i.message)) return false;
    fees.add(i.message);
    return true;
  });
  return [
    ...issues.filter((i) => i.kind === "columnUnread"),
    ...issues.filter((i) => i.kind === "pending" && i.row === 0),
    ...rest,
  ];
}

export function compileWorkbook(workbook: WorkbookData, options: CompileOptions = {}): CompileResult {
  const issues: RowIssue[] = [];
  // Appended one by one: a register can have more issues than a spread call can take as arguments.
  const collect = (more: RowIssue[]) => {
    for (const i of more) issues.push(i);
  };
  const infoSheet = findSheet(workbook, "info");
  const { info, issues: infoIssues } = readInfo(getFormat(), infoSheet);
  const given = { year: options.year ?? info.year, format: options.format ?? info.format };
  const own = (["info", "active", "documents", "published"] as const).map(
    (k) => findSheet(workbook, k)?.name,
  );
  const others = workbook.sheets.map((s) => s.name).filter((n) => !own.includes(n));
  let typedSheet = findTypedTables(workbook, others, given);
  const year = given.year ?? (typedSheet?.year || defaultYear(info, options.today ?? new Date()));
  // Without a year of its own, the sheet's format (when 表二 does not tell) follows the report's year.
  if (typedSheet && !given.year && !typedSheet.year)
    typedSheet = findTypedTables(workbook, others, { ...given, year });
  const format = getFormat(given.format ?? typedSheet?.asTyped.format ?? formatForYear(year));
  const registers = registerSheets(format, workbook, answersFor(format, workbook, options.answers));
  const sheets = {
    applications: registers.applications,
    cases: registers.cases,
    active: findSheet(workbook, "active"),
    documents: findSheet(workbook, "documents"),
    published: findSheet(workbook, "published"),
    info: infoSheet,
  };
  const typed = typedUse(typedSheet, {
    t3: !hasRows(sheets.applications),
    t4: !hasRows(sheets.cases),
    t2: !sheets.active,
  });
  if (
    !sheets.applications.length &&
    !sheets.cases.length &&
    !sheets.active &&
    !sheets.published &&
    !typed.tables.length
  )
    throw new UnusableInputError(
      `工作簿中没有找到登记表。请至少包含以下工作表之一：${[SHEETS.applications, SHEETS.cases, SHEETS.active, SHEETS.published].map((s) => `「${s}」`).join("、")}，或一张表头写有收到日期、申请人类型、办理结果等的台账（现有工作表：${workbook.sheets.map((s) => s.name).join("、") || "无"}）`,
    );
  collect(infoIssues);
  collect(registers.issues);

  // 表三
  let t3 = emptyTable3(format) as Record<string, Num[]>;
  let feeYuan: number | null = null;
  let appStats: ApplicationStats | null = null;
  let appTraces: SheetTraces = [];
  let caseTraces: SheetTraces = [];
  let typedCarry: number[] | null = null;
  if (typed.t3) t3 = { ...typed.t3 };
  else if (sheets.applications.length) {
    const r = tallyEach(sheets.applications, (s: LedgerSheet) =>
      tallyApplications(format, year, s.rows, s.name, s.firstRow, options.explain, s.words, s.written),
    );
    appTraces = r.traces;
    t3 = r.t3;
    // Unknown stays unknown (null): the report then says no amount, never 0元.
    feeYuan = r.feeUnknown || sheets.applications.some((s) => s.feeUnknown) ? null : r.feeYuan;
    const none = sheets.applications.find((s) => s.feeUnknown === "none");
    if (none) issues.push(feeNote(none.name, FEE_WORDS.noColumn()));
    appStats = r.stats;
    collect(r.issues);
  } else issues.push(sheetMissing(SHEETS.applications, "表三按0填写"));

  if (info.carry && !typed.t3) {
    const given = format.t3.columns.slice(0, T3_APPLICANT_COLUMNS).map((c) => info.carry?.[c.key] ?? 0);
    const givenTotal = given.reduce((s, v) => s + v, 0);
    if (appStats && appStats.carried > 0) {
      if (given.some((v, i) => v !== t3.carry[i]))
        issues.push({
          sheet: sheets.info?.name ?? SHEETS.info,
          row: 0,
          column: "上年结转",
          value: String(givenTotal),
          message: `「报告信息」中的上年结转（${givenTotal}件）与登记表中上年收到、本年初未办结的申请（${t3.carry[T3_TOTAL_COLUMN]}件）不一致；登记表已含上年结转申请，已按登记表统计`,
          severity: "warning",
          kind: "disagreement",
        });
    } else {
      // The register holds no open applications of earlier years: take 报告信息's numbers.
      given.forEach((v, i) => {
        t3.carry[i] = (t3.carry[i] ?? 0) + v;
      });
      t3.carry[T3_TOTAL_COLUMN] = (t3.carry[T3_TOTAL_COLUMN] ?? 0) + givenTotal;
      typedCarry = [...given, givenTotal];
    }
  }

  // 表四
  let t4 = emptyTable4();
  let caseStats: CompileStats["cases"] = null;
  if (typed.t4) t4 = [...typed.t4];
  else if (sheets.cases.length) {
    const r = tallyEach(sheets.cases, (s: LedgerSheet) =>
      tallyCases(format, year, s.rows, s.name, s.firstRow, options.explain, s.words, s.written),
    );
    caseTraces = r.traces;
    t4 = r.t4;
    caseStats = r.stats;
    collect(r.issues);
  } else issues.push(sheetMissing(SHEETS.cases, "表四按0填写"));

  // 表二 and 主动公开
  const grid = readActiveGrid(format, sheets.active);
  collect(grid.issues);
  let t2 = typed.t2 ?? grid.t2;
  let categories: Record<string, number> = {};
  let channels: Record<string, number> = {};
  let published = 0;
  if (sheets.published) {
    const r = tallyPublished(sheets.published, year);
    ({ categories, channels, published } = r);
    collect(r.issues);
  }
  if (t2 && format.t2 && format.id === "2021" && sheets.documents) {
    const r = tallyDocuments(sheets.documents, year);
    collect(r.issues);
    const block = format.t2.blocks[0];
    issues.push(
      ...mergeCounted(t2, r.counts, sheets.active?.name ?? SHEETS.active, SHEETS.documents, (key) =>
        block.columns.map((c) => `${block.rows.find((row) => row.key === key)?.label ?? key}${c.label}`),
      ),
    );
  }
  if (t2 && format.legacyCategories) {
    if (sheets.published) {
      const counted: Record<string, Num> = {};
      for (const c of format.legacyCategories) counted[c.key] = categories[c.key] ?? 0;
      issues.push(
        ...mergeCounted(t2, counted, sheets.active?.name ?? SHEETS.active, SHEETS.published, (key) => [
          format.legacyCategories?.find((c) => c.key === key)?.label ?? key,
        ]),
      );
    }
  } else if (!sheets.active && format.t2 && !typed.t2)
    issues.push(sheetMissing(SHEETS.active, "表二为空，请填写主动公开情况"));
  if (!t2) t2 = emptyTable2(format);

  const agency = options.agency ?? info.agency ?? (typedSheet?.agency || "");
  const tables: TableSet = { format: format.id, year, agency, t2, t3, t4, feeYuan };
  // Typed tables are checked as typed: a blank is F2, text that is not a number F1.
  const checks = checkTables(
    { ...tables, ...typed.asTyped },
    options.previous ? { previous: options.previous } : {},
  );
  collect(typed.issues(year));
  const typedWhere =
    typed.tables.length && typedSheet
      ? { where: `「${typedSheet.sheet}」工作表`, tables: typed.tables }
      : null;
  const sentences = buildSentences(tables, {
    selfName: info.selfName,
    categories,
    channels,
    previous: options.previous,
  });
  const excludedRows = (appStats?.excluded ?? 0) + (caseStats?.excluded ?? 0);
  const explainer = options.explain
    ? new Explainer(format, tables, appTraces, caseTraces, typedCarry, typedWhere)
    : undefined;
  return {
    tables,
    checks,
    rowIssues: ordered(issues),
    info,
    sentences,
    stats: { applications: appStats, cases: caseStats, published, excludedRows },
    categories,
    channels,
    ...(explainer ? { explainer } : {}),
    ledger: {
      ...registers.ledger,
      ignored: registers.ledger.ignored.filter((n) => !typed.tables.length || n !== typedSheet?.sheet),
    },
    ...(typedWhere ? { typed: typedWhere } : {}),
  };
}

/**
 * Tables given as numbers (a tables JSON, typed by hand or kept from last year) → the same result a register
 * gives: checked as given (a blank F2, text F1), the sentences from the numbers, each number explained as typed.
 */
export function compileTables(
  given: TableSet,
  source: string,
  options: Pick<CompileOptions, "previous" | "agency" | "explain"> = {},
): CompileResult {
  const format = getFormat(given.format);
  const tables: TableSet = numericTables({ ...given, agency: options.agency ?? given.agency ?? "" });
  const typed = { where: `「${source}」`, tables: ["t2", "t3", "t4"] as TypedTableId[] };
  return {
    tables,
    checks: checkTables(given, options.previous ? { previous: options.previous } : {}),
    rowIssues: [],
    info: { agency: tables.agency, narratives: {} },
    sentences: buildSentences(tables, { previous: options.previous }),
    stats: { applications: null, cases: null, published: 0, excludedRows: 0 },
    categories: {},
    channels: {},
    ...(options.explain ? { explainer: new Explainer(format, tables, null, null, null, typed) } : {}),
    ledger: { registers: [], ignored: [], pending: [] },
    typed,
  };
}

/** The product.md §2 JSON of a compile result. */
export function toTablesJson(result: CompileResult): Record<string, unknown> {
  const { format, year, agency, t2, t3, t4, feeYuan } = result.tables;
  return {
    format,
    year,
    agency,
    t2,
    t3,
    t4,
    feeYuan,
    checks: result.checks,
    rowIssues: result.rowIssues,
    stats: result.stats,
    sentences: result.sentences,
  };
}
