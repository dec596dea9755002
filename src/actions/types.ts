/**
 * What the panes can ask of their host, host-neutral: the Excel pane, file mode (and any other host) implement
 * PaneActions; Word implements WordActions. The React components only call these and know nothing of
 * Office.js; the host adapters implement them and import nothing from the components.
 */
import type { WorkbookData } from "../report/common/cells";
import type { CompileResult } from "../report/compile";
import type { FormatId } from "../report/formats";
import type { RowIssue } from "../report/register/registers";
import type { ReadUnit, ReviewOptions, ReviewResult } from "../report/review";
import type { RuleSet } from "../report/rules/ruleset";
import type { PublishedDate } from "../report/read/published";
import type { RollupResult, RollupUnit } from "../report/rollup";
import type { TableSet } from "../report/tables/tables";

export interface PaneSettings {
  /** 0 = from 报告信息, else the year before this one. */
  year: number;
  /** "" = from 报告信息 or the year. */
  format: FormatId | "";
  agency: string;
}

export interface ChangeLine {
  alias: string;
  lines: string[];
}

export interface UpdateSummary {
  changed: ChangeLine[];
  missing: string[];
}

/** A review's files: the units', last year's (optional), the names on the list of units (optional). */
export interface ReviewInput {
  files: File[];
  previous?: File[];
  expected?: string[];
  year?: number;
  /** The 审核要点 to apply (the national defaults when absent). */
  rules?: RuleSet;
  /** The dates the list of units gives (by the list's names): they win over the documents' (R1). */
  listDates?: Map<string, PublishedDate>;
}

/** A list of units: the names, and the dates a 发布日期/报送日期 column gives them. */
export interface UnitList {
  names: string[];
  dates: Map<string, PublishedDate>;
}

export interface PaneReview {
  result: ReviewResult;
  /** The year's units that were read, added up as the tab shows and writes them; null when none. */
  rolled: RollupResult | null;
  /** The units as read and the review's options: judged again, without reading, when the 审核要点 change. */
  read?: ReadUnit[];
  options?: ReviewOptions;
}

/** A file the pane offers, by the name it is saved under. */
export interface DownloadFile {
  name: string;
  blob: Blob;
}

export type WriteOutcome = { written: string[] } | { needsConfirmation: string[] };

export interface PaneActions {
  mode: "excel" | "file";
  /** What this host lacks, in Chinese, shown at the top of the pane (e.g. an Excel too old for the sheets). */
  notes?: string[];
  /** The registers: from the open workbook, or from the file the user picked. */
  load(): Promise<WorkbookData>;
  /** File mode: the file the user picked (load() reads it). */
  pickFile?(file: File): void;
  fileName?(): string | undefined;
  /** Excel: creates the register sheets that are missing; their names, and what this Excel could not do. */
  createRegisters?(): Promise<{ created: string[]; note?: string }>;
  /**
   * 直接填写统计表: in Excel and WPS a 统计表 sheet with every number blank ("exists" when there is one); in file
   * mode the blank 统计表.xlsx, downloaded ("downloaded").
   */
  createTypedTables?(tables: TableSet): Promise<"created" | "exists" | "downloaded">;
  /**
   * 识别台账 → 保存: answers (项目 | 台账中的写法 | 对应为) appended to the 对应关系 sheet (Excel, WPS); file mode
   * keeps them for the next reads and downloads the whole table as 对应关系.csv.
   */
  saveAnswers?(rows: string[][]): Promise<void>;
  /** File mode: a 对应关系 table kept from before (.csv or .xlsx), used with the ledger; how many answers it holds. */
  pickAnswers?(file: File): Promise<number>;
  /** Excel: writes 统计表 and 校验结果, only into the add-in's own sheets unless `replace`. */
  writeStatistics?(result: CompileResult, replace: boolean): Promise<WriteOutcome>;
  /** Excel: selects the cell of a row issue. */
  selectIssue?(issue: RowIssue): Promise<void>;
  /** Excel: selects a register row (one of the rows behind a number). */
  selectRow?(sheet: string, row: number): Promise<void>;
  /** Excel: the active cell (sheet, zero-based row and column), for 查看明细 on the 统计表 sheet. */
  activeCell?(): Promise<{ sheet: string; row: number; column: number }>;
  createReport(result: CompileResult, source: string): Promise<Blob>;
  /** 发布: the report's web page (年度报告.html, UTF-8), from the same compile as the Word report. */
  createWebPage(result: CompileResult): Promise<Blob>;
  /** 发布: the 图解, 图解.png (drawn by the browser) and 图解.svg; last year's tables give 较上年. */
  createGraphic(result: CompileResult, previous?: TableSet | null): Promise<DownloadFile[]>;
  /** A unit (or last year) from its workbook, tables JSON or report .docx. */
  loadTables(file: File): Promise<RollupUnit>;
  /** Excel: writes the 汇总 sheet, only over the add-in's own unless `replace`. */
  writeRollup?(result: RollupResult, replace: boolean): Promise<WriteOutcome>;
  createRollupReport(result: RollupResult, agency: string): Promise<Blob>;
  /** 审核与汇总: every unit's file judged (last year's for X1/X2, a list for 未报送), with progress. */
  reviewFiles(input: ReviewInput, progress: (label: string) => void): Promise<PaneReview>;
  /** The units a list file names (.txt, .csv, .xlsx), and the dates its 发布日期/报送日期 column gives. */
  unitList(file: File): Promise<UnitList>;
  /** The 审核要点 a file gives (.xlsx/.csv sheet 「审核要点」, .json). */
  readRuleSet?(file: File): Promise<RuleSet>;
  /** Excel, WPS 表格: the open workbook's own 「审核要点」 sheet, read as a rule set; null when it has none. */
  workbookRuleSet?(): Promise<RuleSet | null>;
  /** The last review judged again under other 审核要点 (nothing read again). */
  judgeAgain?(review: PaneReview, rules: RuleSet): PaneReview;
  /** 审核结果.zip: the review workbook, the letters and the circular. */
  createReviewPackage(result: ReviewResult, agency: string): Promise<Blob>;
  /** Excel, WPS 表格: writes 总览, 问题清单 (and 未报送), only over the add-in's own sheets unless `replace`. */
  writeReview?(result: ReviewResult, replace: boolean): Promise<WriteOutcome>;
  updateReport(
    docx: File,
    result: CompileResult,
    source: string,
  ): Promise<{ blob: Blob; summary: UpdateSummary }>;
  /** Whether this host can download files (Office on Mac cannot, from a task pane). */
  canDownload: boolean;
  /** Saves a file the pane made: the path it was saved to where the host says (WPS), else the browser's download. */
  download(blob: Blob, name: string): Promise<string | void> | void;
  loadSettings(): Promise<Partial<PaneSettings>>;
  saveSettings(settings: PaneSettings): Promise<void>;
}

/** The Word pane's host: the document's `ogi:` controls, its custom XML part, and inserting rendered parts. */
export interface WordActions {
  /** What this host cannot do in the document, in Chinese, shown at the top of the pane. */
  notes?: string[];
  /** False where parts cannot be put into the document (the pane offers an updated copy to download instead). */
  canUpdateInPlace?: boolean;
  /** The file-mode update: an updated copy of a report .docx the user picks (where in place fails or cannot). */
  updateCopy: PaneActions["updateReport"];
  download: PaneActions["download"];
  listControls(): Promise<{ part: string; text: string }[]>;
  readReportXml(): Promise<string | null>;
  writeReportXml(xml: string): Promise<void>;
  /** Puts each part (a bare .docx, base64) into its controls; the parts that had none. `alias` names it to people. */
  replaceParts(parts: { part: string; base64: string; alias?: string }[]): Promise<string[]>;
  insertAtCursor(base64: string): Promise<void>;
  /** Draws an SVG (the 图解) as a PNG; the browser's canvas (src/actions/publish.ts) where not given. */
  drawPng?(svg: string): Promise<Blob>;
  /** The open document as .docx bytes (to check a report we did not make). */
  documentBytes(): Promise<Uint8Array>;
  /** Selects the first place a text occurs; false when it is not found. */
  selectText(text: string): Promise<boolean>;
}
