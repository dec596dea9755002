/**
 * A .docx whose body holds a paragraph no report has — a million characters and more, such as one 50 MB string
 * — is refused from the bytes of document.xml, before the part is decoded into a string, checked as XML or
 * scanned: one forward pass over its tags, counting the characters of each paragraph's text runs. Reading and
 * updating then never hold such a text at all, so their time and memory stay those of a real report. (Paragraphs
 * past the reading limit but below this one are read up to that limit, with a notice: src/load/paragraphs.ts.)
 */
import { DocxError } from "./zip";
import type { ZipFile } from "./zip";

/** The most characters one paragraph of a .docx may hold before the file is refused unread. */
export const MAX_DOCX_PARAGRAPH = 1_000_000;

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

/** The first paragraph of document.xml's bytes past MAX_DOCX_PARAGRAPH characters of text (w:t), or null. */
export function hugeParagraph(xml: Uint8Array, limit = MAX_DOCX_PARAGRAPH): HugeParagraph | null {
  let count = 0;
  let first = -1; // where the paragraph's text begins
  let inText = false;
  let at = 0;
  for (let lt = xml.indexOf(LT); lt >= 0; lt = xml.indexOf(LT, at)) {
    if (inText && lt > at) {
      if (first < 0) first = at;
      count += chars(xml, at, lt);
    }
    const gt = xml.indexOf(GT, lt);
    if (gt < 0) break;
    const closing = xml[lt + 1] === SLASH;
    const n = lt + (closing ? 2 : 1);
    // w:t (a run's text) and w:p (a paragraph's bounds), by their bytes.
    if (xml[n] === 0x77 && xml[n + 1] === 0x3a && endsName(xml[n + 3])) {
      if (xml[n + 2] === 0x74) inText = !closing && xml[gt - 1] !== SLASH;
      else if (xml[n + 2] === 0x70) {
        if (count > limit) return { chars: count, begins: beginning(xml, first) };
        count = 0;
        first = -1;
        inText = false;
      }
    }
    at = gt + 1;
  }
  if (inText && at < xml.length) {
    if (first < 0) first = at;
    count += chars(xml, at, xml.length); // a run left open at the end of the part
  }
  return count > limit ? { chars: count, begins: beginning(xml, first) } : null;
}

/** The first few characters of text from `at`, as a person sees them. */
function beginning(xml: Uint8Array, at: number): string {
  if (at < 0) return "";
  const end = xml.indexOf(LT, at);
  const s = new TextDecoder().decode(xml.subarray(at, Math.min(end < 0 ? xml.length : end, at + 64)));
  return [...s.replace(/\uFFFD+$/, "").replace(/\s+/g, " ")].slice(0, 12).join("");
}

/** Refuses a .docx whose document.xml holds a paragraph past MAX_DOCX_PARAGRAPH characters (DocxError). */
export function refuseHugeParagraph(zip: ZipFile, label: string): void {
  const data = zip.entries.find((e) => e.name === "word/document.xml")?.data;
  const huge = data && hugeParagraph(data);
  if (huge)
    throw new DocxError(
      `「${label}」中有一段文字有 ${huge.chars} 个字${huge.begins ? `（以「${huge.begins}」开头）` : ""}，` +
        `超过每段 ${MAX_DOCX_PARAGRAPH} 字的上限，不像一份报告，已拒绝处理；请检查这一段（可能粘贴了整篇文档或乱码），删去多余的文字后另存一份再试`,
    );
}
