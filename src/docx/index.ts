/** The Word report from a compile result: create it, or update an existing one in place. */
import type { CompileResult } from "../report/compile";
import { buildDocument, TAG_PREFIX, withPart } from "../report/text/document";
import type { DocPart } from "../report/text/document";
import { PICTURE_REDRAWN } from "../report/text/linking";
import type { TableSet } from "../report/tables/tables";
import { findSdts } from "./ooxml";
import type { ReportDocument } from "../report/text/document";
import { renderReport } from "./render";
import { updateDocx } from "./update";
import type { UpdateResult } from "./changes";
import { getFormat } from "../report/formats";
import { completenessFindings } from "../report/read/complete";
import { checkText } from "../report/read/text";
import { documentText } from "./readText";
import { readZip, xmlText } from "./zip";
import { boundedText } from "../load/paragraphs";

export { renderBlocks, renderPart } from "./render";
export { reportXml } from "./customxml";
export type { UpdateResult } from "./changes";

/** The report's document model; with `extra` parts (the 图解, drawn) after the signature. */
export function reportDocument(result: CompileResult, extra: DocPart[] = []): ReportDocument {
  const doc = buildDocument({ tables: result.tables, info: result.info, sentences: result.sentences });
  return extra.reduce(withPart, doc);
}

export async function createReport(
  result: CompileResult,
  source?: string,
  now: Date = new Date(),
  extra: DocPart[] = [],
): Promise<Uint8Array> {
  return renderReport(reportDocument(result, extra), { source, generated: now.toISOString() });
}

/** Updates a report in place; `extra` gives the parts beyond the report's own it holds (the 图解, drawn). */
export async function updateReport(
  docx: Uint8Array,
  label: string,
  result: CompileResult,
  source?: string,
  now: Date = new Date(),
  extra: DocPart[] = [],
): Promise<UpdateResult> {
  const u = await updateDocx(docx, label, reportDocument(result, extra), {
    source,
    generated: now.toISOString(),
  });
  return { ...u, stale: staleSentences(u.bytes, label, result.tables) };
}

/** The ids of the `ogi:` parts a .docx holds (a part pasted twice, once). */
export function partsIn(bytes: Uint8Array, label: string): string[] {
  const xml = xmlText(readZip(bytes, label), "word/document.xml", label) ?? "";
  const ids = findSdts(xml)
    .filter((s) => s.tag.startsWith(TAG_PREFIX))
    .map((s) => s.tag.slice(TAG_PREFIX.length));
  return [...new Set(ids)];
}

/**
 * The text people wrote — everything outside our `ogi:` controls, which an update never touches — against the
 * tables: each sentence whose numbers disagree with them (X3) and a title whose year is not the report's (C4),
 * after a line saying so where a paragraph was read only up to the reading limit (src/load/paragraphs.ts).
 */
export function staleSentences(bytes: Uint8Array, label: string, tables: TableSet): string[] {
  const xml = xmlText(readZip(bytes, label), "word/document.xml", label);
  if (xml === undefined) return [];
  const { text, notices } = boundedText(documentText(withoutOurParts(xml)));
  const { paragraphs } = text;
  const format = getFormat(tables.format);
  const year = tables.year;
  return [
    ...notices,
    ...checkText(paragraphs, tables, format).map((f) => f.message),
    ...completenessFindings(format, paragraphs, { year })
      .filter((f) => f.rule === "C4" && f.message.includes(`与审核的${year}年不同`))
      .map((f) => f.message.replace(`与审核的${year}年不同`, `与报告年度${year}年不同`)),
  ];
}

/** document.xml with the content of every `ogi:` control taken out (outermost ones; they do not nest). */
function withoutOurParts(xml: string): string {
  let out = "";
  let at = 0;
  for (const sdt of findSdts(xml).filter((s) => s.tag.startsWith(TAG_PREFIX))) {
    if (sdt.start < at) continue;
    out += xml.slice(at, sdt.start);
    at = sdt.end;
  }
  return out + xml.slice(at);
}

/** The heading of the sentences to check by hand in an update's summary. */
export const STALE_HEADING = "请核对（本工具不改动这些文字）";
/** Said instead when the host could not give the document's file. */
export const STALE_UNREAD =
  "未能读取文档的正文，正文中的数字没有与新表格核对；请把文档另存为 .docx，用文件模式或命令行（check）检查。";

/** A change list in words: per changed part its lines (cell: old → new, or old and new text), and what is missing. */
export function summarizeUpdate(u: UpdateResult): {
  changed: { alias: string; lines: string[] }[];
  missing: string[];
  orphans: string[];
  stale: string[];
} {
  return {
    changed: u.changed.map((c) => ({
      alias: `${c.alias}${c.byLabel ? "（按表格文字找到）" : ""}`,
      lines: c.cells
        ? c.cells.map((cell) => `${cell.where}：${cell.old || "（空）"} → ${cell.new || "（空）"}`)
        : c.picture
          ? [PICTURE_REDRAWN]
          : [`原文：${c.old}`, `新文：${c.new}`],
    })),
    missing: u.missing.map((m) => `缺失「${m.alias}」（ogi:${m.part}）：${m.hint}`),
    orphans: u.orphans.map((o) => `保留「ogi:${o}」：本次数据不再生成这一部分，原内容未改动`),
    stale: u.stale.map((s) => `${STALE_HEADING}：${s}`),
  };
}
