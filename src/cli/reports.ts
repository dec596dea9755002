/**
 * The command line on any report in a national format (ours, hand-made .docx, saved web pages): `check`
 * prints the tables it read, where it found each, and the findings (X3 included); `extract --xlsx` writes the
 * tables into a workbook laid out like the 统计表 sheet, for staff to correct and roll up.
 */
import path from "path";
import type { Finding } from "../report/tables/checks";
import { TABLE_TITLES } from "../report/formats";
import type { ReadOptions } from "../report/read/tables";
import { numericTables } from "../report/read/tables";
import { checkReadReport } from "../report/read/text";
import type { TableSet } from "../report/tables/tables";
import { openReportFile } from "../load/report";
import type { ReportFile } from "../load/report";
import { statisticsWorkbookBuffer } from "../workbook/statistics";
import { compileOptions } from "./files";
import { readInput, UsageError, writeOutput } from "./files";
import { checkedHeader, checkedJson } from "./checked";
import { renderFindings, renderTable2, renderTable3, renderTable4 } from "./render";

/** --agency, --year, --format: what to use instead of what the title says. */
export function readOptions(flags: Record<string, string | true>): ReadOptions {
  return { ...compileOptions(flags), ...(typeof flags.agency === "string" ? { agency: flags.agency } : {}) };
}

async function readFile(file: string, flags: Record<string, string | true>): Promise<ReportFile> {
  return openReportFile(await readInput(file, "report"), path.basename(file), readOptions(flags));
}

/** Where each table was found, and what could not be read, in Chinese. */
function whereRead(file: string, r: ReportFile): string {
  const t = r.tables;
  const lines = [checkedHeader(file, r.source, t)];
  for (const id of ["t2", "t3", "t4"] as const) {
    const f = r.found[id];
    if (f) lines.push(`${TABLE_TITLES[id].name}：文档中第${f.table}个表格，读到${f.rows}行`);
  }
  for (const p of r.problems) lines.push(`未能读取：${p}`);
  for (const n of r.notices) lines.push(`注意：${n}`);
  return lines.join("\n");
}

export async function checkReport(
  file: string,
  flags: Record<string, string | true>,
  json: boolean,
  previous?: TableSet,
): Promise<{ findings: Finding[]; problems: string[]; text: string }> {
  const r = await readFile(file, flags);
  const numeric = numericTables(r.tables);
  const findings = checkReadReport(r, numeric, previous);
  const text = json
    ? checkedJson(numeric, findings, r.source, { found: r.found, problems: r.problems, notices: r.notices })
    : [
        whereRead(file, r),
        ...(numeric.t2 && r.found.t2 ? [renderTable2(numeric)] : []),
        ...(r.found.t3 || r.source === "stored" ? [renderTable3(numeric)] : []),
        ...(r.found.t4 || r.source === "stored" ? [renderTable4(numeric)] : []),
        renderFindings(findings),
      ].join("\n\n") + "\n";
  return { findings, problems: r.problems, text };
}

export async function runExtract(
  file: string,
  flags: Record<string, string | true>,
): Promise<{ problems: string[]; text: string }> {
  if (typeof flags.xlsx !== "string") throw new UsageError("extract 需要 --xlsx <输出.xlsx>");
  const r = await readFile(file, flags);
  const out = flags.xlsx;
  await writeOutput(out, await statisticsWorkbookBuffer(numericTables(r.tables)), [file]);
  return { problems: r.problems, text: `${whereRead(file, r)}\n已写入：${out}\n` };
}
