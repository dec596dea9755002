/**
 * Any report in a national format, from its file: our own .docx (the data it carries first, its text for X3),
 * a .docx written by hand in Word or WPS or saved by LibreOffice, a Word 97-2003 .doc or WPS 文字 .wps, an RTF,
 * a saved web page (.html/.htm/.mhtml), an OFD (./formats says which by the bytes) — or a PDF (its text layer,
 * pdf.ts) — all but our own read by their tables' labels (src/report/read). Works on bytes, for the command
 * line and the panes alike.
 */
import { refuseOutOfBounds } from "../docx/bounds";
import { readStoredReport } from "../docx/customxml";
import { ListNumbers } from "../docx/numbering";
import { documentText } from "../docx/readText";
import { checkAllXml, readZip, xmlText } from "../docx/zip";
import type { ReportDocumentText } from "../report/read/cells";
import { publishedInText } from "../report/read/published";
import type { PublishedDate } from "../report/read/published";
import { readReport } from "../report/read/tables";
import { findTitle } from "../report/read/title";
import type { ReadOptions, ReadReport } from "../report/read/tables";
import { otherReportText } from "./formats";
import { pageText } from "./html";
import { boundedText } from "./paragraphs";
import { isPdf, pdfText, UNRULED } from "./pdf";
import { OGI_NS } from "../docx/namespace";
import { firstDifference, valueWords } from "../report/tables/compare";

export interface ReportFile extends ReadReport {
  /** Where the tables came from: the data our report carries, or the document's tables by their labels. */
  source: "stored" | "labels";
  /** What the reader says of how it read (stored data unreadable, printed tables edited by hand). */
  notices: string[];
  /** When it was published or signed, and where that was read (R1); absent where the file says nothing. */
  published?: PublishedDate;
}

/**
 * When a report says it was published: a page's <meta> 发布日期 first (when the page went up, which R1 asks),
 * then the text's own dates (its 发布日期 line, the date under its title, its 落款, its 成文日期:
 * read/published.ts), a PDF's creation date (weak) last.
 */
export function publishedOf(text: ReportDocumentText): { published?: PublishedDate } {
  const meta = text.published && !text.published.weak ? text.published : null;
  const found =
    meta ?? publishedInText(text.paragraphs, findTitle(text.paragraphs)?.at ?? -1) ?? text.published ?? null;
  return found ? { published: found } : {};
}

/** Our custom XML part and the parts that describe it: checked on their own, as the data they hold is optional. */
const isCustomXml = (name: string) => /^customXml\//i.test(name);

export function reportText(
  bytes: Uint8Array,
  name: string,
): { text: ReportDocumentText; stored: ReadReport["tables"] | null; notices: string[] } {
  const other = /\.(html?|mht(ml)?)$/i.test(name) ? pageText(bytes) : otherReportText(bytes, name);
  if (other) return { ...boundedText(other), stored: null };
  const zip = readZip(bytes, name);
  refuseOutOfBounds(zip, name);
  checkAllXml(zip, name, isCustomXml);
  const xml = xmlText(zip, "word/document.xml", name);
  if (xml === undefined) throw new Error(`「${name}」不是 Word 文档（没有 word/document.xml）`);
  const notices: string[] = [];
  let stored: ReadReport["tables"] | null = null;
  const ours = zip.entries.filter(
    (e) => isCustomXml(e.name) && e.data && new TextDecoder().decode(e.data).includes(OGI_NS),
  );
  if (ours.length) {
    try {
      checkAllXml(zip, name, (n) => !ours.some((e) => e.name === n));
      stored = readStoredReport(zip, name)?.tables ?? null;
    } catch {
      stored = null;
    }
    if (!stored) notices.push("报告中保存的数据已损坏、无法读取，已按表格文字读取");
  }
  const lists = new ListNumbers(
    xmlText(zip, "word/numbering.xml", name),
    xmlText(zip, "word/styles.xml", name),
  );
  const read = boundedText(documentText(xml, lists));
  return { text: read.text, stored, notices: [...notices, ...read.notices] };
}

/**
 * Reads a report's tables (and its text, for X3). `options` override what the title says. A report of ours is
 * read from the data it carries, unless its printed tables say otherwise (a number edited by hand): then the
 * printed ones are checked, and a notice says where they differ.
 */
export function readReportFile(bytes: Uint8Array, name: string, options: ReadOptions = {}): ReportFile {
  const { text, stored, notices } = reportText(bytes, name);
  if (stored) {
    const tables = {
      ...stored,
      agency: options.agency ?? stored.agency,
      year: options.year ?? stored.year,
    };
    const printed = readReport(text, { ...options, format: stored.format, year: tables.year });
    const d = printed.found.t3 && printed.found.t4 ? firstDifference(tables, printed.tables) : null;
    const difference = d && `${d.where}打印为${valueWords(d.b)}，保存的数据为${valueWords(d.a)}`;
    if (difference && !printed.problems.length)
      return {
        ...printed,
        tables: { ...printed.tables, agency: tables.agency },
        source: "labels",
        notices: [...notices, `报告中打印的表格与其保存的数据不同（${difference}），已按打印的表格校验`],
        ...publishedOf(text),
      };
    return {
      tables,
      found: {},
      problems: [],
      title: null,
      paragraphs: text.paragraphs,
      source: "stored",
      notices,
      ...publishedOf(text),
    };
  }
  return byLabels(text, name, options, notices);
}

/**
 * A report read by its tables' labels. A laid-out file (PDF, OFD) whose tables were drawn without rules is not
 * rebuilt by guessing columns from positions: its problems say so first, and ask.
 */
function byLabels(
  text: ReportDocumentText,
  name: string,
  options: ReadOptions,
  notices: string[],
): ReportFile {
  const read = readReport(text, options);
  if (text.laidOut && read.problems.length && !text.tables.length)
    read.problems.unshift(`「${name}」${UNRULED}`);
  return { ...read, source: "labels", notices, ...publishedOf(text) };
}

/** Whether a report file is a PDF (by name, or by its header). */
export const isPdfFile = (bytes: Uint8Array, name: string): boolean => /\.pdf$/i.test(name) || isPdf(bytes);

/**
 * Any report file, PDF included (read asynchronously by pdf.js; `onPage` reports its pages): what the command
 * line, the review and the panes' pickers call.
 */
export async function openReportFile(
  bytes: Uint8Array,
  name: string,
  options: ReadOptions = {},
  onPage?: (done: number, total: number) => void,
): Promise<ReportFile> {
  if (!isPdfFile(bytes, name)) return readReportFile(bytes, name, options);
  const { text, notices } = boundedText(await pdfText(bytes, name, onPage));
  return byLabels(text, name, options, notices);
}
