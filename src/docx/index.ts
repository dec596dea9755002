/** The Word report from a compile result: create it, or update an existing one in place. */
import type { CompileResult } from "../report/compile";
import { buildDocument } from "../report/text/document";
import type { ReportDocument } from "../report/text/document";
import { renderReport } from "./render";
import { updateDocx } from "./update";
import type { UpdateResult } from "./changes";
import { getFormat } from "../report/formats";
import { completenessFindings } from "../report/read/complete";
import { checkText } from "../report/read/text";
import { documentText } from "./readText";
import { readZip, xmlText } from "./zip";

export { renderBlocks, renderPart } from "./render";
export { reportXml } from "./customxml";
export type { UpdateResult } from "./changes";

export function reportDocument(result: CompileResult): ReportDocument {
  return buildDocument({ tables: result.tables, info: result.info, sentences: result.sentences });
}

export async function createReport(
  result: CompileResult,
  source?: string,
  now: Date = new Date(),
): Promise<Uint8Array> {
  return renderReport(reportDocument(result), { source, generated: now.toISOString() });
}

export async function updateReport(
  docx: Uint8Array,
  label: string,
  result: CompileResult,
  source?: string,
  now: Date = new Date(),
): Promise<UpdateResult> {
  const u = await updateDocx(docx, label, reportDocument(result), { source, generated: now.toISOString() });
  return { ...u, stale: staleText(u.bytes, label, result) };
}

/** The updated document's text against the new tables: its sentences (X3) and its title's year (C4). */
function staleText(bytes: Uint8Array, label: string, result: CompileResult): string[] {
  const xml = xmlText(readZip(bytes, label), "word/document.xml", label);
  if (xml === undefined) return [];
  const { paragraphs } = documentText(xml);
  const format = getFormat(result.tables.format);
  const year = result.tables.year;
  return [
    ...checkText(paragraphs, result.tables, format).map((f) => f.message),
    ...completenessFindings(format, paragraphs, { year })
      .filter((f) => f.rule === "C4" && f.message.includes(`与审核的${year}年不同`))
      .map((f) => f.message.replace(`与审核的${year}年不同`, `与报告年度${year}年不同`)),
  ];
}

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
        : [`原文：${c.old}`, `新文：${c.new}`],
    })),
    missing: u.missing.map((m) => `缺失「${m.alias}」（ogi:${m.part}）：${m.hint}`),
    orphans: u.orphans.map((o) => `保留「ogi:${o}」：本次数据不再生成这一部分，原内容未改动`),
    stale: u.stale.map((s) => `请核对（本工具不改动这段文字）：${s}`),
  };
}
