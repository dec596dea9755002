/**
 * Room register/ of the engine — the workbook's registers turned into counts: sheets, headers and row issues
 * (registers.ts), the vocabularies of the words people write (vocab.ts), the tallies of applications
 * (applications.ts), cases (cases.ts) and 主动公开 (active.ts), duplicate 编号 (idlog.ts), and every number traced
 * back to its rows (trace.ts, explain.ts). Imports formats/, common/ and tables/; never the report's words
 * (text/) or the reading of printed reports (read/).
 *
 * The register workbook's sheets and columns (product.md §1): names, header aliases, and the row issues
 * every parser reports.
 */
import { cellText, isCellError, isEmptyCell } from "../common/cells";
import type { Cell, SheetData, WorkbookData } from "../common/cells";
import { normalizeText } from "../common/normalize";
import { headerVocabulary, Vocabulary } from "./vocab";

export const SHEETS = {
  applications: "依申请公开登记",
  cases: "复议诉讼登记",
  active: "主动公开",
  documents: "文件登记",
  published: "主动公开信息登记",
  info: "报告信息",
} as const;

export type SheetKey = keyof typeof SHEETS;

const SHEET_ALIASES: Record<SheetKey, string[]> = {
  applications: ["依申请公开登记表", "依申请公开台账", "依申请公开申请登记", "申请登记"],
  cases: ["复议诉讼登记表", "行政复议行政诉讼登记", "复议诉讼台账"],
  active: ["主动公开情况", "主动公开统计"],
  documents: ["文件登记表", "规范性文件登记"],
  published: ["主动公开信息登记表", "主动公开台账"],
  info: ["报告基本信息", "基本信息"],
};

/** Finds a register sheet by its name or an alias (full-width/half-width and spaces ignored). */
export function findSheet(workbook: WorkbookData, key: SheetKey): SheetData | undefined {
  const names = new Set([SHEETS[key], ...SHEET_ALIASES[key]].map(normalizeText));
  return workbook.sheets.find((s) => names.has(normalizeText(s.name)));
}

/** Every kind of row issue the parsers report. */
export const ISSUE_KINDS = [
  "missingSheet",
  "missingColumn",
  "missingValue",
  "unknownValue",
  "legacyValue",
  "badDate",
  "badNumber",
  "errorValue",
  "dateOrder",
  "outcomeWithoutDate",
  "dateWithoutOutcome",
  "duplicateId",
  "disagreement",
  "pending",
  "feeUnknown",
  "columnUnread",
] as const;

export type IssueKind = (typeof ISSUE_KINDS)[number];

export interface RowIssue {
  sheet: string;
  /** Excel row number (1-based); 0 for an issue of the whole sheet. */
  row: number;
  /** Column header (canonical name). */
  column: string;
  value: string;
  message: string;
  severity: "error" | "warning";
  kind: IssueKind;
  /** The 0-based column of the cell in its sheet, where known (an agency's own ledger has its own order). */
  columnIndex?: number;
}

/** Canonical header → aliases. */
export type HeaderSpec = Record<string, string[]>;

export const APPLICATION_HEADERS: HeaderSpec = {
  编号: ["序号", "申请编号", "登记号"],
  收到日期: ["收到申请日期", "申请日期", "受理日期", "收件日期", "收到时间"],
  申请人类型: ["申请人类别", "申请人性质", "申请人"],
  办理结果: ["答复结果", "处理结果", "办理结果类型", "答复类型"],
  办结日期: ["答复日期", "办结时间", "答复时间"],
  "信息处理费（元）": ["信息处理费", "收费（元）", "收费金额（元）", "信息处理费(元)"],
  备注: ["说明"],
};

export const CASE_HEADERS: HeaderSpec = {
  编号: ["序号", "案号"],
  类型: ["案件类型", "复议诉讼类型"],
  立案日期: ["受理日期", "收案日期"],
  结果: ["审结结果", "案件结果", "办理结果"],
  审结日期: ["结案日期"],
};

export const DOCUMENT_HEADERS: HeaderSpec = {
  文号: ["发文字号", "文件编号"],
  类型: ["文件类型", "类别"],
  印发日期: ["发文日期", "制发日期", "成文日期"],
  废止日期: ["失效日期"],
};

export const PUBLISHED_HEADERS: HeaderSpec = {
  标题: ["信息标题", "名称"],
  类别: ["信息类别", "分类"],
  发布日期: ["公开日期", "发布时间"],
  渠道: ["发布渠道", "公开渠道", "公开方式"],
};

export interface ColumnMap {
  /** Canonical header → column index, for the headers found. */
  index: Record<string, number>;
  /** Canonical header → the header text as written in the sheet. */
  written: Record<string, string>;
}

const headerVocabCache = new Map<HeaderSpec, Vocabulary>();

/** Maps the header row to canonical headers; extra columns are ignored, the first of duplicates wins. */
export function mapColumns(sheetName: string, header: Cell[], spec: HeaderSpec): ColumnMap {
  let vocab = headerVocabCache.get(spec);
  if (!vocab) {
    vocab = headerVocabulary(sheetName, spec);
    headerVocabCache.set(spec, vocab);
  }
  const map: ColumnMap = { index: {}, written: {} };
  header.forEach((cell, i) => {
    if (typeof cell !== "string") return;
    const hit = vocab.lookup(cell);
    if (hit && !(hit.key in map.index)) {
      map.index[hit.key] = i;
      map.written[hit.key] = cell.trim();
    }
  });
  return map;
}

/** Issues for required columns that are missing. */
export function missingColumns(sheet: string, map: ColumnMap, required: string[]): RowIssue[] {
  return required
    .filter((h) => !(h in map.index))
    .map((h) => ({
      sheet,
      row: 1,
      column: h,
      value: "",
      message: `工作表「${sheet}」第1行缺少列「${h}」，请在表头中加上这一列`,
      severity: "error" as const,
      kind: "missingColumn" as const,
    }));
}

/** A value of an agency's own ledger whose meaning is still a question: its row is not counted (nor reported twice). */
export const PENDING_VALUE: unique symbol = Symbol("待确认");

/**
 * A row of an agency's own ledger that waits for a question of which column is one of its deciding fields
 * (./twocolumns): a copy of the row carries this over its type, read as a value still in question.
 */
export const HELD_CELL = "\u0000待确认的列";

/**
 * What the values of an agency's own ledger stand for, by column: raw text → the register's word (a key such as
 * "grant"), null (still open: 办理中), or PENDING_VALUE. A value not in the map is read as it is. The tallies
 * read a ledger's rows through it, so that its rows are never copied.
 */
export type SheetWords = Map<number, Map<string, string | null | typeof PENDING_VALUE>>;

/** A cell as the tally reads it: translated through the ledger's words where there are any. */
export function wordOf(
  words: SheetWords | undefined,
  column: number,
  value: Cell,
): Cell | typeof PENDING_VALUE {
  if (value === HELD_CELL) return PENDING_VALUE;
  if (!words || typeof value !== "string") return value;
  const meaning = words.get(column)?.get(value);
  return meaning === undefined ? value : meaning;
}

/** Whether every mapped cell of a row (or every cell of `fields`) is empty: such rows are not rows. */
export function isBlankRow(row: Cell[], map: ColumnMap, fields?: string[]): boolean {
  if (fields) {
    for (const f of fields) if (f in map.index && !isEmptyCell(row[map.index[f]])) return false;
    return true;
  }
  for (const i of Object.values(map.index)) if (!isEmptyCell(row[i])) return false;
  return true;
}

/**
 * The columns that decide where a row is counted (dates, applicant type, outcome; a case's type, dates and
 * result): only they make a row an entry. A row with nothing but a 序号, a note or a fee is no application (a
 * 序号 filled down an empty form, a 合计 of the fees, a footnote), and no side column ever holds a row back.
 */
export const DECIDING = {
  applications: ["收到日期", "申请人类型", "办理结果", "办结日期"],
  cases: ["类型", "立案日期", "结果", "审结日期"],
};

/** Collects row issues of one sheet with the sheet name filled in. */
export class IssueSink {
  readonly issues: RowIssue[] = [];
  /** Issues of severity error so far: parsers compare it before and after a row. */
  errors = 0;
  /** The sheet's columns by field, once its header is read: each issue then says its cell's column. */
  columns?: Record<string, number | undefined>;
  constructor(readonly sheet: string) {}

  add(
    row: number,
    column: string,
    value: Cell,
    message: string,
    kind: IssueKind,
    severity: "error" | "warning" = "error",
  ) {
    const columnIndex = this.columns?.[column];
    this.issues.push({
      sheet: this.sheet,
      row,
      column,
      value: cellText(value),
      message,
      severity,
      kind,
      ...(columnIndex !== undefined ? { columnIndex } : {}),
    });
    if (severity === "error") this.errors++;
  }

  /** Issues made elsewhere (missing columns), counted like the rest. */
  addAll(issues: RowIssue[]) {
    for (const i of issues) {
      this.issues.push(i);
      if (i.severity === "error") this.errors++;
    }
  }

  /** The standard message for a value that is not in a vocabulary, or an error value. */
  badValue(row: number, column: string, value: Cell, vocab: Vocabulary) {
    if (isCellError(value)) this.errorValue(row, column, value);
    else
      this.add(
        row,
        column,
        value,
        `第${row}行「${column}」的值「${cellText(value)}」无法识别，可填写：${vocab.accepted}`,
        "unknownValue",
      );
  }

  errorValue(row: number, column: string, value: Cell) {
    this.add(
      row,
      column,
      value,
      `第${row}行「${column}」是错误值 ${cellText(value)}，请改为有效内容（公式单元格请检查公式）`,
      "errorValue",
    );
  }

  missing(row: number, column: string, what: string) {
    this.add(row, column, null, `第${row}行「${column}」为空，${what}`, "missingValue");
  }

  badDate(row: number, column: string, value: Cell) {
    if (isCellError(value)) this.errorValue(row, column, value);
    else
      this.add(
        row,
        column,
        value,
        `第${row}行「${column}」的值「${cellText(value)}」不是有效日期，可写成 2025-03-01、2025/3/1、2025年3月1日 或使用 Excel 日期格式`,
        "badDate",
      );
  }

  badNumber(row: number, column: string, value: Cell, what: string) {
    if (isCellError(value)) this.errorValue(row, column, value);
    else
      this.add(
        row,
        column,
        value,
        `第${row}行「${column}」的值「${cellText(value)}」不是${what}`,
        "badNumber",
      );
  }
}

/** The sheets the add-in keeps for itself (lists, state) or writes as output (checks, roll-up): never input. */
const TOOL_SHEETS = new Set(["年报助手列表", "年报助手数据", "校验结果", "汇总"]);

/**
 * Whether a host reads a sheet as input: every sheet but the add-in's own lists, state and outputs — an agency's
 * ledger has its own name, and the 统计表 and 对应关系 sheets are input too.
 */
export const isInputSheet = (name: string): boolean => !TOOL_SHEETS.has(name.trim());

/** Whether a sheet is one of the registers the engine reads (by name or alias, or a name that says so). */
export function isRegisterSheetName(name: string): boolean {
  const keys: SheetKey[] = ["applications", "cases", "active", "documents", "published", "info"];
  const n = normalizeText(name);
  return (
    keys.some((k) => [SHEETS[k], ...SHEET_ALIASES[k]].some((x) => normalizeText(x) === n)) ||
    /登记|报告信息|主动公开/.test(name)
  );
}

const HEADERS_BY_SHEET: Record<string, HeaderSpec> = {
  [SHEETS.applications]: APPLICATION_HEADERS,
  [SHEETS.cases]: CASE_HEADERS,
  [SHEETS.documents]: DOCUMENT_HEADERS,
  [SHEETS.published]: PUBLISHED_HEADERS,
};

/** The zero-based column of a row issue's field in its sheet, from the sheet's header row (0 when unknown). */
export function issueColumn(issue: RowIssue, header: Cell[]): number {
  if (issue.columnIndex !== undefined) return issue.columnIndex;
  const spec = HEADERS_BY_SHEET[issue.sheet];
  return spec ? (mapColumns(issue.sheet, header, spec).index[issue.column] ?? 0) : 0;
}
