/**
 * The main document's characters, piece by piece, cut into paragraphs — each with its text and its properties
 * (./props) — as a .docx reader sees them ([MS-DOC] 2.4.2–2.4.4, 2.8.25 special characters):
 * - 0x0D ends a paragraph, 0x07 a cell or a table row (which, its properties say), 0x0C a page or section;
 * - 0x0B is a line break inside the paragraph ("\n", as <w:br/>), 0x09 a tab ("\t");
 * - a field (0x13 code 0x14 result 0x15) reads as its result, its code dropped, nested fields too; a field
 *   without a result reads as nothing;
 * - pictures and drawings (0x01, 0x08), footnote and comment marks (0x02, 0x05), the optional hyphen (0x1F)
 *   and other control characters are dropped; the non-breaking hyphen (0x1E) reads as "-";
 * - text deleted with revision marks on is left out, as a .docx's w:delText is, and so is a symbol font's
 *   character (Insert Symbol: a .docx's w:sym).
 * A paragraph's properties are those of its last character's FC in the PAPX FKPs, changed by its piece's Prm.
 */
import type { Fkps } from "./fkp";
import type { Piece } from "./pieces";
import { compressedChar } from "./pieces";
import { droppedRun, paraProps } from "./props";
import type { ParaProps } from "./props";
import type { Stream } from "./stream";

export interface Paragraph {
  /** Its text, untrimmed, without its end mark. */
  text: string;
  /** The character that ended it: 0x0D, 0x07 or 0x0C. */
  mark: number;
  props: ParaProps;
}

export interface Sources {
  word: Stream;
  data: Stream | null;
  pieces: Piece[];
  papx: Fkps;
  chpx: Fkps;
}

const NONE = new Uint8Array(0);
const PARAGRAPH = 0x0d;
const CELL = 0x07;
const PAGE = 0x0c;
const FIELD_BEGIN = 0x13;
const FIELD_SEPARATOR = 0x14;
const FIELD_END = 0x15;

/** What a character reads as: its code, or -1 for nothing. */
function shown(code: number): number {
  if (code >= 0x20) return code;
  switch (code) {
    case 0x09:
      return 0x09;
    case 0x0b:
      return 0x0a;
    case 0x1e:
      return 0x2d;
    default:
      return -1;
  }
}

/** A string of UTF-16 codes, in chunks (a long paragraph would overflow the arguments of one call). */
function stringOf(codes: number[]): string {
  let out = "";
  for (let i = 0; i < codes.length; i += 8192) out += String.fromCharCode(...codes.slice(i, i + 8192));
  return out;
}

/** The main document's paragraphs, in order. */
export function readParagraphs(src: Sources): Paragraph[] {
  const { word, pieces, papx, chpx, data } = src;
  const out: Paragraph[] = [];
  let codes: number[] = [];
  // Open fields, innermost last: whether each has reached its result; and how many are still in their code.
  const fields: boolean[] = [];
  let inCode = 0;
  // The character run in force (its FCs) and whether its text is left out, for the piece it was looked up in.
  let runPiece: Piece | null = null;
  let runEnd = -1;
  let runStart = 0;
  let dropped = false;
  for (const piece of pieces) {
    const width = piece.compressed ? 1 : 2;
    const bytes = word.bytes;
    for (let cp = piece.cpStart; cp < piece.cpEnd; cp++) {
      const fc = piece.fc + (cp - piece.cpStart) * width;
      const code = piece.compressed ? compressedChar(bytes[fc]) : bytes[fc] | (bytes[fc + 1] << 8);
      if (code === PARAGRAPH || code === CELL || code === PAGE) {
        const pap = papx.at(fc);
        const props = paraProps([pap?.grpprl ?? NONE, piece.grpprl], data, word.label, pap?.istd ?? 0);
        out.push({ text: stringOf(codes), mark: code, props });
        codes = [];
        continue;
      }
      if (code === FIELD_BEGIN) {
        fields.push(false);
        inCode++;
        continue;
      }
      if (code === FIELD_SEPARATOR) {
        if (fields.length && !fields[fields.length - 1]) {
          fields[fields.length - 1] = true;
          inCode--;
        }
        continue;
      }
      if (code === FIELD_END) {
        if (fields.length && !fields.pop()) inCode--;
        continue;
      }
      const c = shown(code);
      if (c < 0 || inCode) continue;
      if (runPiece !== piece || fc < runStart || fc >= runEnd) {
        const run = chpx.at(fc);
        runPiece = piece;
        runStart = run ? run.start : fc;
        runEnd = run ? run.end : fc + width;
        dropped = droppedRun([run?.grpprl ?? NONE, piece.grpprl]);
      }
      if (!dropped) codes.push(c);
    }
  }
  if (codes.length)
    out.push({ text: stringOf(codes), mark: PARAGRAPH, props: paraProps([], null, word.label) });
  return out;
}
