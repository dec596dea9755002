/**
 * Any report in a national format, from its file: our own .docx (the data it carries first, its text for X3),
 * a .docx written by hand in Word or WPS or saved by LibreOffice, or a saved web page (.html/.htm/.mhtml) —
 * the last ones read by their tables' labels (src/report/read). Works on bytes, for the command line and the
 * panes alike.
 */
import { readStoredReport } from "../docx/customxml";
import { documentText } from "../docx/readText";
import { checkAllXml, readZip, xmlText } from "../docx/zip";
import type { ReportDocumentText } from "../report/read/cells";
import { readReport } from "../report/read/tables";
import type { ReadOptions, ReadReport } from "../report/read/tables";
import { pageText } from "./html";

export interface ReportFile extends ReadReport {
  /** Where the tables came from: the data our report carries, or the document's tables by their labels. */
  source: "stored" | "labels";
}

/** Whether the file is a web page rather than a .docx (by name, or by its first bytes). */
const isPage = (bytes: Uint8Array, name: string) =>
  /\.(html?|mht(ml)?)$/i.test(name) || !(bytes[0] === 0x50 && bytes[1] === 0x4b);

export function reportText(
  bytes: Uint8Array,
  name: string,
): { text: ReportDocumentText; stored: ReadReport["tables"] | null } {
  if (isPage(bytes, name)) return { text: pageText(bytes), stored: null };
  const zip = readZip(bytes, name);
  checkAllXml(zip, name);
  const xml = xmlText(zip, "word/document.xml", name);
  if (xml === undefined) throw new Error(`「${name}」不是 Word 文档（没有 word/document.xml）`);
  return { text: documentText(xml), stored: readStoredReport(zip, name)?.tables ?? null };
}

/** Reads a report's tables (and its text, for X3). `options` override what the title says. */
export function readReportFile(bytes: Uint8Array, name: string, options: ReadOptions = {}): ReportFile {
  const { text, stored } = reportText(bytes, name);
  if (stored) {
    const tables = {
      ...stored,
      agency: options.agency ?? stored.agency,
      year: options.year ?? stored.year,
    };
    return { tables, found: {}, problems: [], title: null, paragraphs: text.paragraphs, source: "stored" };
  }
  return { ...readReport(text, options), source: "labels" };
}
