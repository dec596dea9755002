/**
 * The text a cell holds, read from the bytes of a part: an element's text (references decoded, CDATA kept raw) and
 * a string item (<si> of the shared strings, <is> of an inline string) with its runs joined and its phonetic
 * guides left out. Excel holds at most 32 767 characters in a cell; text past that is counted, never decoded, so
 * that a part holding one 50 MB string costs a scan of its bytes and not a 50 MB string and what is made of it.
 * The caller refuses such a cell, naming it (./sheet).
 */
import { ascii, isName, nextTag, readTag, text } from "./xmlBytes";
import type { Tag } from "./xmlBytes";

/** The most characters (UTF-16 code units) Excel keeps in a cell. */
const MAX_CELL_CHARS = 32767;
export { MAX_CELL_CHARS };

/**
 * Raw characters decoded before giving up on a cell: `_x000D_`-style escapes make one character of seven, so
 * text past seven times the limit is past the limit however it is escaped.
 */
const DECODE_BUDGET = 8 * MAX_CELL_CHARS;

const utf8 = new TextDecoder();
const AMP = 0x26;

/** A cell's text and its length; `value` is "" when the text was too long to decode (see the callers). */
export interface CellText {
  value: string;
  /** Its length in UTF-16 code units, references and escapes decoded (past the limit: at least that). */
  length: number;
  /** Where the element or item ends (just past its closing tag). */
  end: number;
}

/** The length of a named or numeric reference starting at `at` ("&amp;", "&#x4E00;"), or 0 for a bare "&". */
function referenceEnd(xml: Uint8Array, at: number, end: number): number {
  const limit = Math.min(end, at + 12);
  for (let j = at + 1; j < limit; j++) {
    const b = xml[j];
    if (b === 0x3b) return j > at + 1 ? j + 1 - at : 0;
    const ok = b === 0x23 || (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a);
    if (!ok) return 0;
  }
  return 0;
}

/** The code point of a numeric reference of `len` bytes at `at` ("&#x1F600;" → 0x1f600); 0 for a named one. */
function referenceCode(xml: Uint8Array, at: number, len: number): number {
  if (xml[at + 1] !== 0x23) return 0;
  const hex = (xml[at + 2] | 0x20) === 0x78;
  let code = 0;
  for (let j = at + (hex ? 3 : 2); j < at + len - 1; j++) {
    const c = xml[j] | 0x20;
    code = code * (hex ? 16 : 10) + (c <= 0x39 ? c - 0x30 : c - 0x57);
  }
  return code <= 0x10ffff ? code : 0;
}

/**
 * The length in UTF-16 code units of the text of [start, end) once decoded (as xmlBytes' text() decodes it,
 * `references` false for CDATA), counted from its bytes without decoding: one unit per UTF-8 sequence, two for
 * a four-byte one, one per reference (two for one past U+FFFF). Linear, no allocation.
 */
export function textLength(xml: Uint8Array, start: number, end: number, references = true): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = xml[i];
    if (b < 0x80) {
      if (b === AMP && references) {
        const len = referenceEnd(xml, i, end);
        if (len) {
          n += referenceCode(xml, i, len) > 0xffff ? 2 : 1;
          i += len - 1;
          continue;
        }
      }
      n++;
    } else if (b >= 0xf0) n += 2;
    else if (b >= 0xc0) n++;
    // continuation bytes (0x80–0xbf) add nothing
  }
  return n;
}

/** Text of [start, end) added to `into`; counted only, and the text dropped, once past the decode budget. */
function addSpan(into: CellText, xml: Uint8Array, start: number, end: number, references: boolean): void {
  const room = DECODE_BUDGET - into.length;
  const counted = end - start <= room ? 0 : textLength(xml, start, end, references);
  if (counted > room) {
    into.length += counted;
    into.value = "";
    return;
  }
  const s = references ? text(xml, start, end) : utf8.decode(xml.subarray(start, end));
  into.value += s;
  into.length += s.length;
}

const CDATA_END = ascii("]]>");

function findBytes(xml: Uint8Array, needle: Uint8Array, from: number): number {
  for (let i = xml.indexOf(needle[0], from); i >= 0; i = xml.indexOf(needle[0], i + 1)) {
    let j = 1;
    while (j < needle.length && xml[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

/**
 * The text of the element whose open tag ends at `from`, up to its closing tag; CDATA sections kept raw. Past the
 * decode budget the text is counted, not decoded (value "").
 */
export function elementText(xml: Uint8Array, from: number, tag: Tag): CellText {
  const out: CellText = { value: "", length: 0, end: xml.length };
  let i = from;
  for (;;) {
    const lt = nextTag(xml, i);
    if (lt < 0) {
      addSpan(out, xml, i, xml.length, true);
      return out;
    }
    if (lt > i) addSpan(out, xml, i, lt, true);
    if (xml[lt + 1] === 0x21 && xml[lt + 2] === 0x5b) {
      // <![CDATA[ … ]]>
      const close = findBytes(xml, CDATA_END, lt + 9);
      addSpan(out, xml, lt + 9, close < 0 ? xml.length : close, false);
      i = close < 0 ? xml.length : close + 3;
      continue;
    }
    readTag(xml, lt, tag);
    out.end = tag.closing ? tag.end : lt;
    return out;
  }
}

/** `_x000D_`-style escapes of OOXML strings, as Excel writes characters XML cannot hold. */
export const unescapeOoxml = (s: string): string =>
  s.indexOf("_x") < 0
    ? s
    : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const T = ascii("t");
const RPH = ascii("rPh");
const SI = ascii("si");
const IS = ascii("is");

/** The item's text once decoded and unescaped, with its final length; "" past the limit. */
function finished(item: CellText): CellText {
  if (item.length > DECODE_BUDGET) return { ...item, value: "" };
  const value = unescapeOoxml(item.value);
  return value.length > MAX_CELL_CHARS
    ? { value: "", length: value.length, end: item.end }
    : { ...item, value };
}

/**
 * The text of a string item (<si> or <is>) whose open tag ends at `from`: its <t> elements, in runs or not,
 * joined; <rPh> (phonetic guides) left out. Its length says whether it is past MAX_CELL_CHARS (value "" then).
 */
export function stringItem(xml: Uint8Array, from: number, tag: Tag): CellText {
  const item: CellText = { value: "", length: 0, end: xml.length };
  let i = from;
  let inPhonetic = false;
  for (;;) {
    const lt = nextTag(xml, i);
    if (lt < 0) return finished(item);
    readTag(xml, lt, tag);
    i = tag.end;
    if (isName(xml, tag, RPH)) inPhonetic = !tag.closing && !tag.selfClosing;
    else if (isName(xml, tag, T) && !tag.closing && !tag.selfClosing) {
      const t = elementText(xml, tag.end, tag);
      if (!inPhonetic) {
        item.length += t.length;
        item.value = item.length > DECODE_BUDGET ? "" : item.value + t.value;
      }
      i = t.end;
    } else if (tag.closing && (isName(xml, tag, SI) || isName(xml, tag, IS))) {
      item.end = tag.end;
      return finished(item);
    }
  }
}
