/**
 * The ".xls" that is not Excel: what 依申请公开 systems and OA systems export under an .xls (or .et) name — an HTML
 * table (Excel opens it as a sheet) or Excel 2003 XML "SpreadsheetML" — read into the same cells as our other
 * readers give.
 *
 * HTML (htmlparser2): every top-level <table> is a sheet, named by Excel's own <x:Name> when the page carries one,
 * else by its caption or the short heading before it, else 「SheetN」. Cells are placed the way browsers place
 * them (rowspan/colspan, spans capped at 1000 as browsers cap colspan); a spanned range is one merge, its value in
 * the top-left cell. A cell is text (whitespace collapsed, <br> a line break), a number only where Excel's `x:num`
 * or a numeric `mso-number-format` says so and the text reads as one: dates and the rest stay as typed, for the
 * engine reads text itself. The charset is the declared one (BOM, <meta charset>), else UTF-8 when valid, else
 * GB18030 (which covers GBK and GB2312).
 *
 * SpreadsheetML (saxes, no DOCTYPE): each Worksheet a sheet (hidden as Excel says), rows and cells placed by
 * ss:Index, ss:MergeAcross/ss:MergeDown as merges, each Data by its ss:Type (DateTime a Date at UTC, as the
 * .xlsx reader gives dates). Caps as elsewhere: Excel's rows, columns and characters in a cell, and at most
 * MAX_GRID_CELLS cells placed in all, so that no file costs more than its size says.
 */
import type { WorkbookData } from "../report/common/cells";
import { HEAD_BYTES, headText } from "./disguisedCommon";
import { readHtml } from "./disguisedHtml";
import { readSpreadsheetMl } from "./disguisedXml";
export { MAX_GRID_CELLS } from "./disguisedCommon";

/**
 * What a file that is neither a zip nor a compound file really is, by its first 4 KB (past a BOM and blanks,
 * case-insensitive): a web page, Excel 2003 XML, or neither.
 */
export function disguisedKind(bytes: Uint8Array): "html" | "spreadsheetml" | null {
  const head = headText(bytes)
    .replace(/^[\s\uFEFF]+/, "")
    .toLowerCase();
  if (!head.startsWith("<")) return /<table\b/.test(head) && /<tr\b/.test(head) ? "html" : null;
  if (
    /<\?mso-application\s+progid\s*=\s*["']excel\.sheet["']/.test(head) ||
    /<(?:\w+:)?workbook\b[^>]*urn:schemas-microsoft-com:office:spreadsheet/.test(head)
  )
    return "spreadsheetml";
  if (/<(?:!doctype\s+html|html|head|body|meta|table|style|title)\b/.test(head)) return "html";
  return null;
}

/**
 * Whether a file reads as text (a tab- or comma-separated export under an .xls name): a UTF-16 BOM, or no NUL
 * byte and hardly any other control byte in its first 4 KB.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (!bytes.length) return false;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const head = bytes.subarray(0, HEAD_BYTES);
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= head.length / 100;
}

/** Reads an HTML or SpreadsheetML file held in memory; throws WorkbookReadError with a Chinese message. */
export function readDisguised(bytes: Uint8Array, label: string): WorkbookData {
  const kind = disguisedKind(bytes);
  const sheets = kind === "spreadsheetml" ? readSpreadsheetMl(bytes, label) : readHtml(bytes, label);
  return { sheets, source: label };
}
