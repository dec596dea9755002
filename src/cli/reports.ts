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
import { readInput, ruleSetFlag, UsageError, writeOutput } from "./files";
import { inputKind } from "../load/limits";
import { isGovernment } from "../report/audit/deadline";
import { ownReportFindings } from "../report/audit/batch";
import { applyRuleSet } from "../report/rules/ruleset";
import { SEVERITY } from "../report/tables/findings";
import { checkedHeader, checkedJson } from "./checked";
import { renderFindings, renderTable2, renderTable3, renderTable4 } from "./render";

/** --agency, --year, --format: what to use instead of what the title says. */
export function readOptions(flags: Record<string, string | true>): ReadOptions {
  return { ...compileOptions(flags), ...(typeof flags.agency === "string" ? { agency: flags.agency } : {}) };
}

/** Last year's report's paragraphs, where --previous is a report (for 雷同, R29). */
async function previousParagraphs(
  flags: Record<string, string | true>,
): Promise<{ paragraphs: string[]; file: string } | null> {
  const file = flags.previous;
  if (typeof file !== "string" || inputKind(file) !== "report") return null;
  const r = await openReportFile(await readInput(file, "report"), path.basename(file), {});
  return { paragraphs: r.paragraphs, file: path.basename(file) };
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
  const set = await ruleSetFlag(flags);
  const r = await readFile(file, flags);
  const numeric = numericTables(r.tables);
  // R1 from the date the report carries; R29 against last year's report, where --previous gives one.
  const last = await previousParagraphs(flags);
  const own = ownReportFindings(
    {
      unit: numeric.agency,
      file,
      tables: numeric,
      source: r.source,
      paragraphs: r.paragraphs,
      ...(r.published ? { published: r.published } : {}),
      government: isGovernment(numeric.agency),
      ...(last ? { previousParagraphs: last.paragraphs, previous: last.file } : {}),
    },
    { year: numeric.year, ...(set ? { set } : {}) },
  );
  const all = [...checkReadReport(r, numeric, previous, undefined, set), ...own];
  // An office's 审核要点 given: its rules on or off, and how each is handled (需修改: an error).
  const findings = set ? applyRuleSet(all, set, (rule) => SEVERITY[rule]) : all;
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
