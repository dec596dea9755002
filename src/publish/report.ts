/**
 * The web page of a report, from what an office has: a report .docx (ours, or written by hand in Word or WPS),
 * or the document `report` would make of a register or a tables JSON. Works on bytes and models, for the command
 * line and (later) the panes.
 */
import { reportDocument } from "../docx";
import { richDocx } from "../docx/readRich";
import { boundedText } from "../load/paragraphs";
import { otherReportText } from "../load/formats";
import { isPdfFile, readReportFile } from "../load/report";
import type { ReportFile } from "../load/report";
import type { CompileResult } from "../report/compile";
import { getFormat, TABLE_TITLES } from "../report/formats";
import { numericTables, readReport } from "../report/read/tables";
import type { ReadOptions } from "../report/read/tables";
import type { TableSet } from "../report/tables/tables";
import { pageOfDocx } from "./docxPage";
import { pageOfDocument, pageTexts } from "./page";
import type { Page } from "./page";

/** The page of the report `report` writes from a compile (a register, a 统计表 workbook or a tables JSON). */
export const pageOfResult = (result: CompileResult): Page => pageOfDocument(reportDocument(result));

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;
const PART = { t2: "table2", t3: "table3", t4: "table4" } as const;

/**
 * The page of a report .docx, with what the reader read of it (for its checks): the people's text as written,
 * 表二/三/四 the template's with the numbers read. Refused, saying why, where it is no .docx (the page keeps
 * bold runs and lists, which only a .docx gives) or where a table could not be read or placed.
 */
export function pageOfReportFile(
  bytes: Uint8Array,
  name: string,
  options: ReadOptions = {},
): { page: Page; read: ReportFile; tables: TableSet } {
  // Anything else is refused: with its reader's own sentence where it is no report at all (a password, a
  // workbook, a damaged file), else saying what to give instead.
  if (isPdfFile(bytes, name) || otherReportText(bytes, name) !== null || !isZip(bytes))
    throw new Error(
      `「${name}」不是 Word 文档（.docx）：网页版保留报告中的加粗和列表，只能从 .docx 生成；` +
        "请在 Word 或 WPS 中把它另存为 .docx 再发布，或给出统计表 JSON、台账",
    );
  const read = readReportFile(bytes, name, options);
  if (read.problems.length)
    throw new Error(
      `「${name}」中的表格未能全部读取：${read.problems.join("；")}。` +
        "网页中的表二、表三、表四按读到的数字生成，请先改正报告（可用 check 命令查看）再发布",
    );
  const tables = numericTables(read.tables);
  const rich = richDocx(bytes, name);
  const { paragraphs } = boundedText(rich.text).text;
  // Our own report is read from the data it carries: where its printed tables stand, read by their labels.
  const found =
    read.source === "labels"
      ? read.found
      : readReport({ ...rich.text, paragraphs }, { format: tables.format, year: tables.year }).found;
  const page = pageOfDocx(rich, { found }, tables, paragraphs);
  const format = getFormat(tables.format);
  const placed = new Set(page.blocks.flatMap((b) => (b.kind === "table" && !b.other ? [b.grid.part] : [])));
  const missing = (["t2", "t3", "t4"] as const).filter(
    (id) => (id !== "t2" || format.t2) && !placed.has(PART[id]),
  );
  if (missing.length)
    throw new Error(
      `「${name}」中找不到${missing.map((id) => TABLE_TITLES[id].name).join("、")}印在哪里，` +
        "网页无法把它放在报告中的位置；请检查报告中的表格",
    );
  return { page, read, tables };
}

/** The placeholders 【请填写…】 still in a page, each once, in order: to be filled before it goes out. */
export const placeholdersIn = (page: Page): string[] => [
  ...new Set(pageTexts(page).flatMap((t) => t.match(/【请(?:在「报告信息」中)?填写[^】]*】/g) ?? [])),
];
