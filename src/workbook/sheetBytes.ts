/**
 * The byte tokenizer of a worksheet part: a <c> or <row> tag's attributes read in one pass, the spans of plain
 * values, cell references ("AB12") as numbers, where the last whole row of a window ends, and whether the part
 * ends with its root. Nothing here decodes a value (./cellValue does); every scan is a single forward or backward
 * pass over the bytes it is given.
 */
import { ascii, digits, nextTag } from "./xmlBytes";

// Plain module constants, exported by name below: the CommonJS build reads an \`export const\` off the exports
// object at every use, and openCell() and cellIndex() run for every cell.

/** Excel's last row and column: a reference past them is a damaged file. */
const MAX_ROWS = 1048576;
const MAX_COLUMNS = 16384;

const LT = 0x3c;
const GT = 0x3e;

const WORKSHEET_END = ascii("worksheet>");

/** Whether the part ends with its root's closing tag (</worksheet>, any prefix): a cut-off part does not. */
export function endsWithRoot(xml: Uint8Array): boolean {
  let i = xml.length - 1;
  while (i >= 0 && (xml[i] === 0x20 || xml[i] === 0x0a || xml[i] === 0x0d || xml[i] === 0x09)) i--;
  const start = i - WORKSHEET_END.length + 1;
  if (start < 2) return false;
  for (let j = 0; j < WORKSHEET_END.length; j++) if (xml[start + j] !== WORKSHEET_END[j]) return false;
  const before = xml[start - 1];
  return before === 0x2f || before === 0x3a; // "</worksheet>" or "</x:worksheet>"
}

/** "AB12" → row 11 × 16384 + column 27 (0-based), or -1 for anything that is not a cell reference. */
export function cellIndex(xml: Uint8Array, start: number, end: number): number {
  let col = 0;
  let i = start;
  for (; i < end; i++) {
    const b = xml[i] | 0x20; // lower-case letters
    if (b < 0x61 || b > 0x7a) break;
    col = col * 26 + (b - 0x60);
  }
  const row = digits(xml, i, end);
  if (col === 0 || row < 1 || col > MAX_COLUMNS || row > MAX_ROWS) return -1;
  return (row - 1) * MAX_COLUMNS + (col - 1);
}

/** A cell's name from its 0-based row and column: (1, 2) → "C2". */
export function cellName(row: number, col: number): string {
  let letters = "";
  for (let c = col + 1; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return `${letters}${row + 1}`;
}

/** Scratch for a <c> tag's attributes: r, t and s as [start, end) pairs, -1 where absent. */
const ATTRS = new Int32Array(6);

export { ATTRS, GT, LT, MAX_COLUMNS, MAX_ROWS };

/**
 * Reads a <c …> (or <row …>) tag's attributes from `from` (just past its name) into ATTRS in one pass. Returns
 * the index past its ">", negated for a self-closing tag.
 */
export function openCell(xml: Uint8Array, from: number): number {
  // Plain stores and loops rather than fill() and indexOf(): called for every cell, on values of a few bytes.
  ATTRS[0] = ATTRS[1] = ATTRS[2] = ATTRS[3] = ATTRS[4] = ATTRS[5] = -1;
  const len = xml.length;
  let i = from;
  for (;;) {
    let b = xml[i];
    while (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d) b = xml[++i];
    if (b === GT) return i + 1;
    if (b === 0x2f) return -(i + 2);
    if (i >= xml.length) return xml.length;
    let nameStart = i;
    while (i < xml.length && xml[i] !== 0x3d && xml[i] !== 0x20) {
      if (xml[i] === 0x3a) nameStart = i + 1;
      i++;
    }
    const nameEnd = i;
    while (xml[i] === 0x20) i++;
    i++; // "="
    while (xml[i] === 0x20) i++;
    const quote = xml[i];
    let close = i + 1;
    while (close < len && xml[close] !== quote) close++;
    if (close >= len) return len;
    if (nameEnd - nameStart === 1) {
      const n = xml[nameStart];
      const slot = n === 0x72 ? 0 : n === 0x74 ? 2 : n === 0x73 ? 4 : -1;
      if (slot >= 0) {
        ATTRS[slot] = i + 1;
        ATTRS[slot + 1] = close;
      }
    }
    i = close + 1;
  }
}

/** Whether [start, end) holds no reference ("&") to decode. */
export function plainBytes(xml: Uint8Array, start: number, end: number): boolean {
  for (let j = start; j < end; j++) if (xml[j] === 0x26) return false;
  return true;
}

/** The span of an element's text when it is plain (no reference, no CDATA, no child): [from, next "<"). */
export function plainSpan(xml: Uint8Array, from: number): [number, number] | null {
  const lt = nextTag(xml, from);
  if (lt < 0) return null;
  if (xml[lt + 1] !== 0x2f) return null; // a child or CDATA
  return plainBytes(xml, from, lt) ? [from, lt] : null;
}

const V_C_END = ascii("</v></c>");

/** Whether "</v></c>" stands at `at`. */
export function endsCell(xml: Uint8Array, at: number): boolean {
  for (let j = 0; j < 8; j++) if (xml[at + j] !== V_C_END[j]) return false;
  return true;
}

/**
 * Where the last complete row of `buf` ends (just past its "</row>" or "</x:row>"), or 0: everything before it
 * is whole elements, so a part can be parsed as it is inflated, a window at a time.
 */
export function lastRowEnd(buf: Uint8Array): number {
  for (let i = buf.lastIndexOf(0x3e); i >= 5; i = buf.lastIndexOf(0x3e, i - 1)) {
    if (buf[i - 1] !== 0x77 || buf[i - 2] !== 0x6f || buf[i - 3] !== 0x72) continue;
    const before = buf[i - 4];
    if (before === 0x2f && buf[i - 5] === LT) return i + 1;
    if (before === 0x3a) {
      let j = i - 5;
      while (j > 0 && buf[j] !== LT && buf[j] !== 0x20 && buf[j] !== GT) j--;
      if (buf[j] === LT && buf[j + 1] === 0x2f) return i + 1;
    }
  }
  return 0;
}

/**
 * A worksheet part's bytes cut into windows of whole rows as they arrive in chunks, each byte copied at most
 * twice however long a row is: chunks without a row end wait in a list (never concatenated again and again), and
 * only the new chunk is searched for one (with a few bytes before it, for a "</x:row>" across two chunks).
 */
export class RowWindows {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  constructor(private readonly onWindow: (window: Uint8Array) => void) {}

  /** Takes a chunk (the caller may reuse its buffer afterwards: what is kept is copied). */
  push(chunk: Uint8Array): void {
    const end = lastRowEnd(chunk);
    let cut = end > 0 ? this.pendingBytes + end : 0; // in (pending ++ chunk)
    if (!cut && this.pendingBytes) {
      const tail = this.lastBytes(64);
      const head = chunk.subarray(0, Math.min(chunk.length, 64));
      const across = lastRowEnd(join([tail, head], tail.length + head.length));
      if (across > tail.length) cut = this.pendingBytes - tail.length + across;
    }
    if (!cut) {
      this.pending.push(chunk.slice());
      this.pendingBytes += chunk.length;
      return;
    }
    const inChunk = cut - this.pendingBytes;
    if (this.pendingBytes) {
      this.pending.push(chunk.subarray(0, inChunk));
      this.onWindow(join(this.pending, cut));
    } else this.onWindow(chunk.subarray(0, inChunk));
    this.pending = inChunk < chunk.length ? [chunk.slice(inChunk)] : [];
    this.pendingBytes = chunk.length - inChunk;
  }

  /** What is left after the last row end: the part's closing elements (the caller checks them). */
  rest(): Uint8Array {
    return join(this.pending, this.pendingBytes);
  }

  private lastBytes(n: number): Uint8Array {
    const parts: Uint8Array[] = [];
    let have = 0;
    for (let k = this.pending.length - 1; k >= 0 && have < n; k--) {
      const p = this.pending[k];
      const take = Math.min(p.length, n - have);
      parts.unshift(p.subarray(p.length - take));
      have += take;
    }
    return join(parts, have);
  }
}

/** The first `length` bytes of the parts, as one array (the part itself when there is one). */
function join(parts: Uint8Array[], length: number): Uint8Array {
  if (parts.length === 1 && parts[0].length === length) return parts[0];
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    if (at >= length) break;
    const take = Math.min(p.length, length - at);
    out.set(take === p.length ? p : p.subarray(0, take), at);
    at += take;
  }
  return out;
}
