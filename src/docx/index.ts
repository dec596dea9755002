/** The Word report from a compile result: create it, or update an existing one in place. */
import type { CompileResult } from "../report/compile";
import { buildDocument } from "../report/document";
import type { ReportDocument } from "../report/document";
import { renderReport } from "./render";
import { updateDocx } from "./update";
import type { UpdateResult } from "./update";

export { DocxError } from "./zip";
export type { UpdateResult, PartUpdate, MissingPart, CellChange } from "./update";

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
  return updateDocx(docx, label, reportDocument(result), { source, generated: now.toISOString() });
}
