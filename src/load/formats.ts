/**
 * What a report file is, by its bytes rather than its name — Word and WPS save RTF and web pages under .doc,
 * a .docx may be a renamed .doc, WPS 文字's .wps is Word 97-2003's container — and the reader of each:
 * Word 97-2003 and WPS 文字 (an OLE2 compound file with a WordDocument stream, src/doc), RTF (./rtf), OFD
 * (a zip with OFD.xml, ./ofd), web pages (./html). A .docx and a PDF are read by ./report. A compound file
 * that is no Word document (a workbook, a password-protected .docx) is refused saying what it is.
 */
import { isCompound, readCompound } from "../cfb/read";
import { docText } from "../doc";
import type { ReportDocumentText } from "../report/read/cells";
import { isMhtml, pageText } from "./html";
import { isOfd, ofdText } from "./ofd";
import { isRtf, rtfText } from "./rtf";

const baseName = (name: string) => name.replace(/^.*[\\/]/, "");

/** Names that say Word or WPS 文字 (whose files may hold any of the formats above). */
const isWordName = (name: string) => /\.(doc|wps|docx|dot|wpt)$/i.test(name);

/** Whether the bytes begin as a web page does (after a byte order mark and white space), or are MHTML. */
export function isPageBytes(bytes: Uint8Array): boolean {
  const head = new TextDecoder("latin1")
    .decode(bytes.subarray(0, 2048))
    .replace(/^(\xef\xbb\xbf|\xff\xfe|\xfe\xff)/, "")
    .replace(/\0/g, "")
    .trimStart()
    .toLowerCase();
  return /^<(!doctype\s+html|html|head|meta|body|\?xml[^>]*>\s*<html|!--)/.test(head) || isMhtml(bytes);
}

/** A compound file's report: a Word document's text, or why it is none. */
function compoundText(bytes: Uint8Array, name: string): ReportDocumentText {
  const file = readCompound(bytes, baseName(name));
  if (file.has("WordDocument")) return docText(bytes, baseName(name), file);
  if (file.has("EncryptedPackage") || file.has("EncryptionInfo"))
    throw new Error(
      `「${baseName(name)}」设有打开密码（已加密），本工具无法读取；请在 Word 或 WPS 中打开，取消密码后另存一份再试`,
    );
  if (file.has("Workbook") || file.has("Book"))
    throw new Error(`「${baseName(name)}」是 Excel 工作簿，不是报告；请提供该单位的报告（Word、网页或 PDF）`);
  throw new Error(`「${baseName(name)}」不是 Word 文档（Office 97-2003 文件中没有文档内容）`);
}

/**
 * The text of a report file that is not a .docx or a PDF, read as what its bytes say it is; null for a .docx
 * (a zip that is no OFD), which ./report reads with the data it may carry.
 */
export function otherReportText(bytes: Uint8Array, name: string): ReportDocumentText | null {
  if (isCompound(bytes)) return compoundText(bytes, name);
  if (isRtf(bytes)) return rtfText(bytes, baseName(name));
  const zipped = bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (zipped && (isOfd(bytes) || /\.ofd$/i.test(name))) return ofdText(bytes, baseName(name));
  if (/\.ofd$/i.test(name))
    throw new Error(`「${baseName(name)}」不是 OFD 版式文件（文件已损坏或只是改了扩展名）`);
  if (zipped) return null;
  if (isWordName(name) && !isPageBytes(bytes))
    throw new Error(
      `「${baseName(name)}」不是能读取的 Word 文档（既不是 Word 97-2003、.docx，也不是 RTF 或网页格式），可能已损坏；请用 Word 或 WPS 打开后另存为 .docx 再试`,
    );
  return pageText(bytes);
}
