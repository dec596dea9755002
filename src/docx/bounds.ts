/**
 * A .docx whose body holds a paragraph no report has — a million characters and more, such as one 50 MB string
 * — or tables nested thousands deep is refused from the bytes of document.xml, before the part is decoded into a
 * string, checked as XML or scanned: one forward pass over its tags, counting the characters of each paragraph's
 * text runs and the levels of nesting. Reading and
 * updating then never hold such a text at all, so their time and memory stay those of a real report. (Paragraphs
 * past the reading limit but below this one are read up to that limit, with a notice: src/load/paragraphs.ts.)
 */
import { DocxError } from "./zip";
import type { ZipFile } from "./zip";

/** The most characters one paragraph of a .docx may hold before the file is refused unread. */
export const MAX_DOCX_PARAGRAPH = 1_000_000;

/**
 * How deep tables and content controls may nest: a report nests a table in a table at most, and a control in a
 * control once; thousands of levels make every reading of the tables scan the document once per level.
 */
export const MAX_NESTING = 64;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;

const endsName = (b: number) =>
  b === 0x20 || b === GT || b === SLASH || b === 0x09 || b === 0x0a || b === 0x0d;

/** Characters of UTF-8 bytes [start, end): every byte but continuation bytes (a reference counts as its bytes). */
function chars(xml: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if ((xml[i] & 0xc0) !== 0x80) n++;
  return n;
}

export interface HugeParagraph {
  /** Its characters (counted from the bytes; at least MAX_DOCX_PARAGRAPH). */
  chars: number;
  /** How it begins, for the person to find it. */
  begins: string;
}

/** What a scan of document.xml's bytes found past the bounds, if anything. */
export interface DocumentBounds {
  /** The first paragraph past the limit of characters. */
  paragraph: HugeParagraph | null;
  /** How deep tables and content controls nest (up to the first level past MAX_NESTING). */
  depth: number;
}

/** The first paragraph of document.xml's bytes past `limit` characters of text (w:t), or null. */
export const hugeParagraph = (xml: Uint8Array, limit = MAX_DOCX_PARAGRAPH): HugeParagraph | null =>
  documentBounds(xml, limit).paragraph;

/**
 * One pass over document.xml's tags: each paragraph's characters of text (w:t), counted across its runs, and the
 * nesting of tables (w:tbl) and content controls (w:sdt). Stops at the first paragraph past `limit` or the first
 * level of nesting past MAX_NESTING.
 */
export function documentBounds(xml: Uint8Array, limit = MAX_DOCX_PARAGRAPH): DocumentBounds {
  let count = 0;
  let first = -1; // where the paragraph's text begins
  let inText = false;
  let depth = 0;
  let deepest = 0;
  let at = 0;
  const huge = (): DocumentBounds => ({
    paragraph: { chars: count, begins: beginning(xml, first) },
    depth: deepest,
  });
  for (let lt = xml.indexOf(LT); lt >= 0; lt = xml.indexOf(LT, at)) {
    if (inText && lt > at) {
      if (first < 0) first = at;
      count += chars(xml, at, lt);
    }
    const gt = xml.indexOf(GT, lt);
    if (gt < 0) break;
    const closing = xml[lt + 1] === SLASH;
    const n = lt + (closing ? 2 : 1);
    // w:t (a run's text), w:p (a paragraph's bounds), w:tbl and w:sdt (nesting), by their bytes.
    if (xml[n] === 0x77 && xml[n + 1] === 0x3a) {
      const c = xml[n + 2];
      if (endsName(xml[n + 3])) {
        if (c === 0x74) inText = !closing && xml[gt - 1] !== SLASH;
        else if (c === 0x70) {
          if (count > limit) return huge();
          count = 0;
          first = -1;
          inText = false;
        }
      } else if (isName(xml, n + 2, c === 0x74 ? TBL : SDT) && xml[gt - 1] !== SLASH) {
        depth += closing ? -1 : 1;
        if (depth > deepest) deepest = depth;
        if (deepest > MAX_NESTING) return { paragraph: null, depth: deepest };
      }
    }
    at = gt + 1;
  }
  if (inText && at < xml.length) {
    if (first < 0) first = at;
    count += chars(xml, at, xml.length); // a run left open at the end of the part
  }
  return count > limit ? huge() : { paragraph: null, depth: deepest };
}

const TBL = [0x74, 0x62, 0x6c]; // "tbl"
const SDT = [0x73, 0x64, 0x74]; // "sdt"

/** Whether the name at `at` is `name` followed by its end. */
function isName(xml: Uint8Array, at: number, name: number[]): boolean {
  for (let j = 0; j < name.length; j++) if (xml[at + j] !== name[j]) return false;
  return endsName(xml[at + name.length]);
}

/** The first few characters of text from `at`, as a person sees them. */
function beginning(xml: Uint8Array, at: number): string {
  if (at < 0) return "";
  const end = xml.indexOf(LT, at);
  const s = new TextDecoder().decode(xml.subarray(at, Math.min(end < 0 ? xml.length : end, at + 64)));
  return [...s.replace(/\uFFFD+$/, "").replace(/\s+/g, " ")].slice(0, 12).join("");
}

/**
 * Refuses a .docx whose document.xml holds a paragraph past MAX_DOCX_PARAGRAPH characters, or tables or content
 * controls nested past MAX_NESTING levels (DocxError).
 */
export function refuseOutOfBounds(zip: ZipFile, label: string): void {
  const data = zip.entries.find((e) => e.name === "word/document.xml")?.data;
  if (!data) return;
  const { paragraph: huge, depth } = documentBounds(data);
  if (huge)
    throw new DocxError(
      `「${label}」中有一段文字有 ${huge.chars} 个字${huge.begins ? `（以「${huge.begins}」开头）` : ""}，` +
        `超过每段 ${MAX_DOCX_PARAGRAPH} 字的上限，不像一份报告，已拒绝处理；请检查这一段（可能粘贴了整篇文档或乱码），删去多余的文字后另存一份再试`,
    );
  if (depth > MAX_NESTING)
    throw new DocxError(
      `「${label}」中的表格或内容控件嵌套超过 ${MAX_NESTING} 层，不像一份报告，已拒绝处理；请在 Word 中检查后另存一份再试`,
    );
}
