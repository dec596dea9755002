/**
 * A Word 97–2003 document (.doc), or a WPS 文字 one (.wps: the same container and format), read as the .docx
 * reader reads a .docx (src/docx/readText.ts): the body's paragraphs outside tables and every table as a grid.
 * The compound file is src/cfb's; then the FIB (./fib), the text through the piece table (./pieces), the
 * paragraphs' and characters' properties from their FKPs (./fkp, ./props), the paragraphs (./text), their
 * list numbers (./lists) and the tables (./tables). Only the main document is read: footnotes, headers and
 * footers, comments and text boxes are not the report's body. Word 6.0/95 and earlier, and encrypted files,
 * are refused by name; a damaged one is a Chinese sentence naming the file (a CompoundError), never an
 * exception of a typed array.
 */
import { readCompound } from "../cfb/read";
import type { Compound } from "../cfb/read";
import type { ReportDocumentText } from "../report/read/cells";
import { readFib } from "./fib";
import { Fkps } from "./fkp";
import { listLabels } from "./lists";
import { readPieces } from "./pieces";
import { damaged, ENCRYPTED, refuse, Stream } from "./stream";
import { documentOf } from "./tables";
import { readParagraphs } from "./text";

export { ENCRYPTED, WORD_95 } from "./stream";

/** Whether a compound file is a Word document (Word 97–2003 or WPS 文字): it has a WordDocument stream. */
export const isWordBinary = (compound: Compound): boolean => compound.has("WordDocument");

/**
 * The paragraphs and tables of a .doc or .wps file (`name` names it in messages). `compound` is the file
 * already opened by readCompound, when the caller has it.
 */
export function docText(bytes: Uint8Array, name: string, compound?: Compound): ReportDocumentText {
  const file = compound ?? readCompound(bytes, name);
  if (!isWordBinary(file)) {
    if (file.has("EncryptedPackage") || file.has("EncryptionInfo")) refuse(name, ENCRYPTED);
    refuse(name, "不是 Word 文档（Office 97-2003 文件中没有文档内容）");
  }
  const word = new Stream(file.read("WordDocument") as Uint8Array, "WordDocument 流", name);
  const fib = readFib(word);
  const tableBytes = file.read(fib.tableStream);
  if (!tableBytes) damaged(name, `没有 ${fib.tableStream} 流`);
  const table = new Stream(tableBytes, `${fib.tableStream} 流`, name);
  const dataBytes = file.read("Data");
  const data = dataBytes ? new Stream(dataBytes, "Data 流", name) : null;
  const pieces = readPieces(fib, word, table);
  const papx = new Fkps(word, table, fib.papx, "papx");
  const chpx = new Fkps(word, table, fib.chpx, "chpx");
  return documentOf(readParagraphs({ word, data, pieces, papx, chpx }), listLabels(fib, table) ?? undefined);
}
