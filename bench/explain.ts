/**
 * Bench figures of tracing numbers and reading reports: explainMs100k (the tally with its trace, then the rows
 * of every cell of 表三) and readReport*Ms (one report read by its tables' labels and checked).
 */
import { ApplicationTally } from "../src/report/register/applications";
import type { Cell } from "../src/report/common/cells";
import { compileWorkbook } from "../src/report/compile";
import { Explainer } from "../src/report/register/explain";
import { getFormat } from "../src/report/formats";
import { APPLICATION_HEADERS, SHEETS } from "../src/report/register/registers";
import { sampleWorkbook } from "../src/report/sample";
import { best } from "./timing";

const FORMAT = getFormat("2021");
const HEADER = Object.keys(APPLICATION_HEADERS);

/**
 * Explaining: the tally with its trace, then the rows of every cell of 表三 (target: at most 2 × the tally).
 * The rows found are checked to add up to the numbers.
 */
export function explainFigures(
  out: Record<string, number | string>,
  rows: Cell[][],
  tallyMs: number,
  year: number,
) {
  const ex = best(5, () => {
    const t = new ApplicationTally(FORMAT, year, HEADER, SHEETS.applications, true);
    t.addRows(rows, 2);
    const r = t.finish();
    const tables = { format: FORMAT.id, year: year, agency: "", t2: null, t3: r.t3, t4: [] };
    const sheet = { name: SHEETS.applications, rows: [HEADER, ...rows], firstRow: 1 };
    return { r, all: new Explainer(FORMAT, tables, { sheet, trace: r.trace ?? [] }, null, null).allT3() };
  });
  for (const [key, cols] of Object.entries(ex.value.all))
    cols.forEach((list, c) => {
      if (list.length !== ex.value.r.t3[key][c])
        throw new Error(`explained rows of ${key}:${c} do not add up`);
    });
  out.explainMs100k = Math.round(ex.ms * 100) / 100;
  out.explainOverTally = Math.round((ex.ms / tallyMs) * 100) / 100;
  console.log(
    `100 000 行：表三每个单元格的明细行（含统计）${out.explainMs100k} ms，为统计的 ${out.explainOverTally} 倍`,
  );
}

/**
 * One report read by its tables' labels, as a department's report would be (target ≤ 100 ms each): our report
 * without the data it carries (.docx), and the same tables as a portal's page (.html), with X3 on the text.
 */
export async function readReportFigures(out: Record<string, number | string>) {
  const { createReport } = await import("../src/docx");
  const { readZip, writeZip } = await import("../src/docx/zip");
  const { readReportFile } = await import("../src/load/report");
  const { numericTables } = await import("../src/report/read/tables");
  const { checkReadReport } = await import("../src/report/read/text");
  const { reportHtml } = await import("../test/reports");
  const result = compileWorkbook(sampleWorkbook());
  const zip = readZip(await createReport(result), "r");
  zip.entries = zip.entries.filter((e) => !e.name.startsWith("customXml/"));
  const docx = writeZip(zip);
  const html = new TextEncoder().encode(reportHtml({ ...result.tables, agency: "某局" }));
  const read = (bytes: Uint8Array, name: string) => {
    const r = readReportFile(bytes, name);
    if (r.problems.length || r.found.t3?.rows !== 25) throw new Error(`${name}: ${r.problems.join("；")}`);
    return checkReadReport(r, numericTables(r.tables));
  };
  out.readReportDocxMs = Math.round(best(10, () => read(docx, "报告.docx")).ms * 10) / 10;
  out.readReportHtmlMs = Math.round(best(10, () => read(html, "报告.html")).ms * 10) / 10;
  out.readReportMs = Math.max(out.readReportDocxMs, out.readReportHtmlMs);
  console.log(
    `按表格文字读取一份报告并校验（含 X3）：.docx ${out.readReportDocxMs} ms，网页 ${out.readReportHtmlMs} ms`,
  );
}
