/**
 * The few pieces of XML reading the .xlsx reader needs, over the bytes of a part as inflated (UTF-8), without
 * decoding the whole part into a string: tags found with the typed array's own indexOf, element names compared
 * byte by byte (any namespace prefix skipped, as some producers write `<x:c>`), attribute values and text
 * decoded only where a value is wanted. The package was checked for DOCTYPE and entity declarations before
 * (src/zip), so the only references are the five predefined entities and numeric character references.
 */

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const QUOTE = 0x22;
const APOS = 0x27;
const AMP = 0x26;

const decoder = new TextDecoder("utf-8");

/** Bytes of an ASCII name, for comparing element and attribute names. */
export const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

const isNameEnd = (b: number) =>
  b === 0x20 || b === GT || b === SLASH || b === 0x09 || b === 0x0a || b === 0x0d;

/** A tag found at `start` (the index of its "<"): its local name's span, whether it closes, where it ends. */
export interface Tag {
  start: number;
  /** Index just past the ">" (the part's length for a tag left open at the end). */
  end: number;
  nameStart: number;
  nameEnd: number;
  closing: boolean;
  selfClosing: boolean;
}

/** The tag at `at` (xml[at] is "<"); comments, declarations and instructions come back as null-named tags. */
export function readTag(xml: Uint8Array, at: number, tag: Tag): Tag {
  let i = at + 1;
  tag.start = at;
  tag.closing = xml[i] === SLASH;
  if (tag.closing) i++;
  let nameStart = i;
  while (i < xml.length && !isNameEnd(xml[i])) {
    if (xml[i] === COLON) nameStart = i + 1;
    i++;
  }
  tag.nameStart = nameStart;
  tag.nameEnd = i;
  // The end of the tag: the next ">" outside quotes.
  let quote = 0;
  for (; i < xml.length; i++) {
    const b = xml[i];
    if (quote) {
      if (b === quote) quote = 0;
    } else if (b === QUOTE || b === APOS) quote = b;
    else if (b === GT) break;
  }
  tag.selfClosing = xml[i - 1] === SLASH;
  tag.end = Math.min(i + 1, xml.length);
  return tag;
}

export const newTag = (): Tag => ({
  start: 0,
  end: 0,
  nameStart: 0,
  nameEnd: 0,
  closing: false,
  selfClosing: false,
});

/** Whether the tag's local name is `name` (given as bytes). */
export function isName(xml: Uint8Array, tag: Tag, name: Uint8Array): boolean {
  if (tag.nameEnd - tag.nameStart !== name.length) return false;
  for (let j = 0; j < name.length; j++) if (xml[tag.nameStart + j] !== name[j]) return false;
  return true;
}

/**
 * The span of attribute `name`'s value inside the tag (its local name, any prefix skipped), as [start, end), or
 * null. Only whole local names match: `r` finds `r="A1"` and `x:r="A1"`, never `ref` or `spans`.
 */
export function attrSpan(xml: Uint8Array, tag: Tag, name: Uint8Array): [number, number] | null {
  let i = tag.nameEnd;
  const end = tag.end;
  while (i < end) {
    while (i < end && (xml[i] === 0x20 || xml[i] === 0x09 || xml[i] === 0x0a || xml[i] === 0x0d)) i++;
    let localStart = i;
    while (i < end && xml[i] !== 0x3d && xml[i] !== GT && xml[i] !== SLASH && xml[i] !== 0x20) {
      if (xml[i] === COLON) localStart = i + 1;
      i++;
    }
    const localEnd = i;
    while (i < end && xml[i] === 0x20) i++;
    if (xml[i] !== 0x3d) return null; // "/" or ">": no more attributes
    i++;
    while (i < end && xml[i] === 0x20) i++;
    const q = xml[i];
    if (q !== QUOTE && q !== APOS) return null;
    const vStart = i + 1;
    const vEnd = xml.indexOf(q, vStart);
    if (vEnd < 0 || vEnd > end) return null;
    let same = localEnd - localStart === name.length;
    for (let j = 0; same && j < name.length; j++) same = xml[localStart + j] === name[j];
    if (same) return [vStart, vEnd];
    i = vEnd + 1;
  }
  return null;
}

/** A non-negative whole number written in ASCII digits in [start, end); -1 when it is anything else. */
export function digits(xml: Uint8Array, start: number, end: number): number {
  if (start >= end) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const d = xml[i] - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** The text of [start, end): UTF-8 decoded, entity and character references replaced. */
export function text(xml: Uint8Array, start: number, end: number): string {
  if (end - start < 24) {
    // Short ASCII (numbers, ids, most attribute values): built directly, without a decoder call.
    let s = "";
    let i = start;
    for (; i < end; i++) {
      const b = xml[i];
      if (b >= 0x80 || b === AMP) break;
      s += String.fromCharCode(b);
    }
    if (i === end) return s;
  }
  const s = decoder.decode(xml.subarray(start, end));
  return s.indexOf("&") < 0 ? s : s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, decodeReference);
}

function decodeReference(whole: string, ref: string): string {
  if (ref[0] !== "#") return ENTITIES[ref] ?? whole;
  const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
  return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
}

/** Index of the next "<" at or after `from`, or -1. */
export const nextTag = (xml: Uint8Array, from: number): number => xml.indexOf(LT, from);
