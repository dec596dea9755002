/**
 * `publish`: the report for the portal, written into a folder — 年度报告.html, the whole report as a page whose
 * <article> is the fragment to paste into the CMS (src/publish/html.ts), in UTF-8 or, with --encoding gbk, GBK.
 * From a report .docx (the people's text as written, the tables the template's with the numbers read) or from
 * a register, 统计表 workbook or tables JSON (the document `report` would write). Each output has its own
 * function writing it into the folder; runPublish returns every file written.
 */
import { promises as fs } from "fs";
import path from "path";
import type { Finding } from "../report/tables/checks";
import { hasErrors } from "../report/tables/checks";
import { checkReadReport } from "../report/read/text";
import type { ReviewSource } from "../report/review";
import type { TableSet } from "../report/tables/tables";
import { inputKind } from "../load/limits";
import { CHARSET, encodePage, pageEncoding } from "../publish/encode";
import type { PageEncoding } from "../publish/encode";
import { pageHtml } from "../publish/html";
import type { Page } from "../publish/page";
import { pageOfReportFile, pageOfResult, placeholdersIn } from "../publish/report";
import { checkedHeader } from "./checked";
import { compileInput, hasCompileErrors, previousTables, rowErrorNote } from "./commands";
import { writeGraphic } from "./publishGraphic";
import { fileProblem, readInput, UsageError, writeOutput } from "./files";
import { readOptions } from "./reports";
import { renderFindings } from "./render";
export { PAGE_FILE } from "../publish/files";
import { PAGE_FILE } from "../publish/files";

/** What every output of publish is made from: the report's page, its tables and what the checks found. */
export interface Publishing {
  /** The input, as given. */
  file: string;
  page: Page;
  tables: TableSet;
  findings: Finding[];
  /** Whether the input has errors (findings of severity error, or register rows not counted). */
  failed: boolean;
  /** What to say first: how the input was read; and after the findings, notes (rows left out). */
  header: string;
  notes: string;
}

/** The report to publish, from a report .docx or from what `report` compiles. */
export async function publishing(file: string, flags: Record<string, string | true>): Promise<Publishing> {
  if (inputKind(file) === "report") {
    const { page, read, tables } = pageOfReportFile(
      await readInput(file, "report"),
      path.basename(file),
      readOptions(flags),
    );
    const findings = checkReadReport(read, tables);
    const header = [checkedHeader(file, read.source, tables), ...read.notices.map((n) => `注意：${n}`)].join(
      "\n",
    );
    return { file, page, tables, findings, failed: hasErrors(findings), header, notes: "" };
  }
  const result = await compileInput(file, flags);
  const source: ReviewSource =
    inputKind(file) === "tables"
      ? "tables"
      : result.typed && !result.stats.applications
        ? "typed"
        : "register";
  return {
    file,
    page: pageOfResult(result),
    tables: result.tables,
    findings: result.checks,
    failed: hasCompileErrors(result),
    header: checkedHeader(file, source, result.tables),
    notes: rowErrorNote(result),
  };
}

/** --encoding: utf-8 (default) or gbk. */
export function encodingFlag(flags: Record<string, string | true>): PageEncoding {
  if (flags.encoding === undefined) return "utf-8";
  const e = typeof flags.encoding === "string" ? pageEncoding(flags.encoding) : null;
  if (!e)
    throw new UsageError(`--encoding 只能是 utf-8 或 gbk（gb18030），而不是「${String(flags.encoding)}」`);
  return e;
}

/** Writes 年度报告.html into the folder; returns its path and what to say of it. */
export async function writePageHtml(
  p: Publishing,
  dir: string,
  encoding: PageEncoding,
): Promise<{ file: string; lines: string[] }> {
  const file = path.join(dir, PAGE_FILE);
  await writeOutput(file, encodePage(pageHtml(p.page, CHARSET[encoding]), encoding), [p.file]);
  const lines = [
    `已写入网页版：${file}（${encoding === "gbk" ? "GBK 编码，GBK 没有的字写成 &#x…; 字符引用" : "UTF-8 编码"}；` +
      "粘贴到网站编辑器的「源代码」时取其中 <article> 到 </article> 的部分）",
  ];
  const todo = placeholdersIn(p.page);
  if (todo.length)
    lines.push(
      `注意：网页中还有${todo.length}处待填写的内容，发布前请补上（或在网站编辑器中改好）：`,
      ...todo.map((t) => `  ${t}`),
    );
  return { file, lines };
}

/** The output folder given with -o (made once the input has been read, if missing). */
function outputDir(flags: Record<string, string | true>): string {
  const dir = flags.o ?? flags.output;
  if (typeof dir !== "string") throw new UsageError("publish 需要用 -o 指定输出目录");
  return dir;
}

async function makeDir(dir: string): Promise<void> {
  const stat = await fs.stat(dir).catch(() => null);
  if (stat && !stat.isDirectory())
    throw new UsageError(`「${dir}」是一个文件；-o 应给出一个目录，网页版将写在其中`);
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw fileProblem(e, dir, false);
  }
}

export async function runPublish(
  file: string,
  flags: Record<string, string | true>,
): Promise<{ files: string[]; failed: boolean; text: string }> {
  const encoding = encodingFlag(flags);
  const dir = outputDir(flags);
  const p = await publishing(file, flags);
  await makeDir(dir);
  const html = await writePageHtml(p, dir, encoding);
  const graphic = await writeGraphic(p.tables, dir, {
    previous: await previousTables(flags, p.tables.year),
    ...(typeof flags.font === "string" ? { font: flags.font } : {}),
    inputs: [file],
  });
  const files = [html.file, graphic.svg, ...(graphic.png ? [graphic.png] : [])];
  const drawn = graphic.png
    ? `已写入图解：${graphic.svg}、${graphic.png}（字体：${graphic.font?.family}）`
    : `已写入图解：${graphic.svg}；未生成 PNG：${graphic.problem}`;
  return {
    files,
    failed: p.failed,
    text: [p.header, ...html.lines, drawn, renderFindings(p.findings)].join("\n") + "\n" + p.notes,
  };
}
