/**
 * What `check` prints, one shape for every input — a report (.docx, web page, PDF), a register or own ledger, a
 * 统计表 workbook, a tables JSON: with --json, the tables it read (the tables JSON contract: format, year,
 * agency, t2, t3, t4, feeYuan), `checks`, how it read them (`source`, the review's words for it) and what it
 * found on the way (a report's `found`, `problems`, `notices`; a ledger's `rowIssues` and `stats`); as text, a
 * first line saying which file, how it was read, the agency, the year and the format, then the tables and the
 * findings.
 */
import type { Finding } from "../report/tables/checks";
import type { TableSet } from "../report/tables/tables";
import type { ReviewSource } from "../report/review";

/** How a file was read, in the words `check` and the review use. */
export const READ_AS: Record<ReviewSource, string> = {
  stored: "读取本工具保存在报告中的数据",
  labels: "按表格文字读取",
  register: "读取台账",
  typed: "读取手填的统计表",
  tables: "读取统计表 JSON",
};

/** `check --json`: the tables read, the checks, how they were read, and what the kind of input adds. */
export function checkedJson(
  t: TableSet,
  checks: Finding[],
  source: ReviewSource,
  found: Record<string, unknown> = {},
): string {
  const { format, year, agency, t2, t3, t4 } = t;
  const data = { format, year, agency, t2, t3, t4, feeYuan: t.feeYuan ?? null, checks, source, ...found };
  return JSON.stringify(data, null, 1) + "\n";
}

/** `check`'s first line: 「file」：how it was read；机关；年度；format. */
export function checkedHeader(file: string, source: ReviewSource, t: TableSet): string {
  const name = file.replace(/^.*[\\/]/, "");
  return (
    `「${name}」：${READ_AS[source]}` +
    `；机关：${t.agency || "（未知）"}；年度：${t.year || "（未知）"}；${t.format}年格式`
  );
}
