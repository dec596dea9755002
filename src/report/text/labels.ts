/**
 * The words every surface shows for the engine's keys (severities, part states, where a register problem
 * is). One table each: the panes, the command line, the custom functions and the workbooks all read them here.
 */
import type { Severity } from "../tables/checks";
import type { PartState } from "./linking";
import type { RowIssue } from "../register/registers";

export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "提示", info: "信息" };

export const PART_STATE_LABELS: Record<PartState, string> = {
  current: "最新",
  stale: "已过期",
  missing: "缺失",
  absent: "未插入",
};

/** Where a register problem is: 依申请公开登记 第5行「申请人类型」. */
export function issuePlace(i: Pick<RowIssue, "sheet" | "row" | "column">): string {
  return `${i.sheet}${i.row ? ` 第${i.row}行` : ""}${i.column ? `「${i.column}」` : ""}`;
}

/** The sheet the add-in writes 表二/三/四 into (Excel pane, `extract`), read back by `rollup`. */
export const STATISTICS_SHEET_NAME = "统计表";

/**
 * The name a new sheet has while it replaces the sheet of `name` (the old one goes only once the new one
 * exists): 「统计表（新）」, or 「统计表（新2）」… where that is taken too.
 */
export function passingSheetName(name: string, taken: (n: string) => boolean): string {
  let t = `${name}（新）`;
  for (let i = 2; taken(t); i++) t = `${name}（新${i}）`;
  return t;
}

/** The foot of every printed page of the sheets we write (header and footer codes: &P the page, &N the pages). */
export const PRINT_FOOTER = "第 &P 页 共 &N 页";

/** A text as it stands in a page header or footer: a literal "&" is written "&&" there. */
export const headerFooterText = (text: string): string => text.replace(/&/g, "&&");

/** The title at the top of each printed page of a sheet: the workbook's title, an ideographic space, the sheet's name. */
export const printTitle = (book: string, sheet: string): string => (book ? `${book}\u3000${sheet}` : sheet);

/** The titles of the workbooks we write, as their printed pages carry them. */
export const PRINT_BOOKS = {
  review: (year: number) => `${year}年度政府信息公开工作年度报告审核结果`,
  rollup: (year: number) => `${year}年度政府信息公开工作年度报告汇总`,
} as const;
