/**
 * The CFF table (Type 2 charstrings, CID-keyed or not) with the glyphs not needed left empty (fontSubset.ts says
 * why): the CharStrings INDEX keeps every glyph's place, holding data only for the glyphs asked; the subroutines
 * those glyphs call (followed through their charstrings, hint masks counted) keep theirs, the others are empty;
 * every other structure is copied as it is, at new offsets (written as five-byte integers). Pure.
 */

/** Reads `length` bytes at `offset` of the CFF table. */
type Reader = (offset: number, length: number) => Uint8Array;

/** Bytes written in order. */
export class Out {
  private parts: Uint8Array[] = [];
  length = 0;
  bytes(b: Uint8Array): this {
    this.parts.push(b);
    this.length += b.length;
    return this;
  }
  u8(...v: number[]): this {
    return this.bytes(Uint8Array.from(v));
  }
  u16(v: number): this {
    return this.u8((v >> 8) & 255, v & 255);
  }
  u32(v: number): this {
    return this.u8((v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255);
  }
  done(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

interface Index {
  count: number;
  start: number;
  end: number;
  item(i: number): Uint8Array;
}

function readIndex(read: Reader, at: number): Index {
  const head = read(at, 3);
  const count = (head[0] << 8) | head[1];
  if (count === 0) return { count, start: at, end: at + 2, item: () => new Uint8Array(0) };
  const size = head[2];
  if (size < 1 || size > 4) throw new Error("CFF INDEX");
  const raw = read(at + 3, (count + 1) * size);
  const offsets = new Array<number>(count + 1);
  for (let i = 0; i <= count; i++) {
    let v = 0;
    for (let k = 0; k < size; k++) v = v * 256 + raw[i * size + k];
    offsets[i] = v;
  }
  const data = at + 3 + (count + 1) * size - 1;
  return {
    count,
    start: at,
    end: data + offsets[count],
    item: (i) => read(data + offsets[i], offsets[i + 1] - offsets[i]),
  };
}

function writeIndex(items: Uint8Array[]): Uint8Array {
  if (!items.length) return new Uint8Array([0, 0]);
  const total = items.reduce((s, b) => s + b.length, 0) + 1;
  const size = total < 0x100 ? 1 : total < 0x10000 ? 2 : total < 0x1000000 ? 3 : 4;
  const head = 3 + (items.length + 1) * size;
  const out = new Uint8Array(head + total - 1);
  out[0] = items.length >> 8;
  out[1] = items.length & 255;
  out[2] = size;
  let offset = 1;
  let data = head;
  for (let i = 0; i <= items.length; i++) {
    for (let k = 0; k < size; k++) out[3 + i * size + k] = (offset >>> (8 * (size - 1 - k))) & 255;
    if (i === items.length) break;
    out.set(items[i], data);
    data += items[i].length;
    offset += items[i].length;
  }
  return out;
}

interface Entry {
  op: number;
  operands: number[];
  raw: Uint8Array;
}

/**
 * The number at `p` of a DICT (`dict`: 29 a 32-bit integer, 30 a real, read as NaN) or a charstring (255 a 16.16
 * fixed), and its length in bytes; null when the byte there is an operator.
 */
function number(b: Uint8Array, p: number, dict: boolean): [number, number] | null {
  const v = b[p];
  if (v >= 32 && v <= 246) return [v - 139, 1];
  if (v >= 247 && v <= 250) return [(v - 247) * 256 + b[p + 1] + 108, 2];
  if (v >= 251 && v <= 254) return [-(v - 251) * 256 - b[p + 1] - 108, 2];
  if (v === 28) return [((b[p + 1] << 24) >> 16) | b[p + 2], 3];
  const int32 = () => (b[p + 1] << 24) | (b[p + 2] << 16) | (b[p + 3] << 8) | b[p + 4];
  if (dict && v === 29) return [int32(), 5];
  if (!dict && v === 255) return [int32() / 65536, 5];
  if (dict && v === 30) {
    let q = p + 1;
    while (q < b.length && (b[q] & 15) !== 15 && b[q] >> 4 !== 15) q++;
    return [NaN, q + 1 - p];
  }
  return null;
}

function parseDict(b: Uint8Array): Entry[] {
  const entries: Entry[] = [];
  let operands: number[] = [];
  let from = 0;
  for (let p = 0; p < b.length;) {
    const v = b[p];
    if (v <= 21) {
      const op = v === 12 ? 1200 + b[p + 1] : v;
      p += v === 12 ? 2 : 1;
      entries.push({ op, operands, raw: b.subarray(from, p) });
      operands = [];
      from = p;
      continue;
    }
    const n = number(b, p, true);
    if (!n) throw new Error("CFF DICT");
    operands.push(n[0]);
    p += n[1];
  }
  return entries;
}

const int5 = (v: number) => [29, (v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255];
const opBytes = (op: number) => (op >= 1200 ? [12, op - 1200] : [op]);

/** A DICT with the operands of `set`'s operators written as five-byte integers. */
function writeDict(entries: Entry[], set: Map<number, number[]>): Uint8Array {
  const o = new Out();
  for (const e of entries) {
    const values = set.get(e.op);
    if (values) o.u8(...values.flatMap(int5), ...opBytes(e.op));
    else o.bytes(e.raw);
  }
  return o.done();
}

const bias = (count: number) => (count < 1240 ? 107 : count < 33900 ? 1131 : 32768);

interface Walk {
  stems: number;
  local: Index | null;
  global: Index;
  usedLocal: Set<number>;
  usedGlobal: Set<number>;
}

/** Follows a Type 2 charstring to the subroutines it calls; true at endchar. */
function walk(cs: Uint8Array, w: Walk, stack: number[], depth: number): boolean {
  if (depth > 10) throw new Error("CFF subroutines nested too deep");
  for (let i = 0; i < cs.length;) {
    const b = cs[i];
    const n = b >= 28 && b !== 29 ? number(cs, i, false) : null;
    if (n) {
      stack.push(n[0]);
      i += n[1];
      continue;
    }
    i++;
    if (b === 1 || b === 3 || b === 18 || b === 23) w.stems += stack.length >> 1;
    else if (b === 19 || b === 20) {
      w.stems += stack.length >> 1;
      i += (w.stems + 7) >> 3;
    } else if (b === 10 || b === 29) {
      const subrs = b === 10 ? w.local : w.global;
      const n = (stack.pop() ?? NaN) + bias(subrs?.count ?? 0);
      if (!subrs || !Number.isInteger(n) || n < 0 || n >= subrs.count) throw new Error("CFF subroutine");
      (b === 10 ? w.usedLocal : w.usedGlobal).add(n);
      if (walk(subrs.item(n), w, stack, depth + 1)) return true;
      continue;
    } else if (b === 11) return false;
    else if (b === 14) return true;
    else if (b === 12) i++;
    stack.length = 0;
  }
  return false;
}

/** The FDSelect's bytes and the font DICT of each glyph. */
function fdSelect(read: Reader, at: number, glyphs: number): { raw: Uint8Array; fd: (g: number) => number } {
  const format = read(at, 1)[0];
  if (format === 0) {
    const raw = read(at, 1 + glyphs);
    return { raw, fd: (g) => raw[1 + g] };
  }
  if (format !== 3) throw new Error("CFF FDSelect");
  const ranges = ((h) => (h[1] << 8) | h[2])(read(at, 3));
  const raw = read(at, 5 + 3 * ranges);
  return {
    raw,
    fd: (g) => {
      for (let r = 0; r < ranges; r++) {
        const next = (raw[3 + 3 * (r + 1)] << 8) | raw[4 + 3 * (r + 1)];
        if (g < next) return raw[5 + 3 * r];
      }
      return 0;
    },
  };
}

/** The bytes of a custom charset (format 0, 1 or 2). */
function charsetBytes(read: Reader, at: number, glyphs: number): Uint8Array {
  const b = read(at, 1 + 4 * glyphs);
  if (b[0] === 0) return b.subarray(0, 1 + 2 * (glyphs - 1));
  const wide = b[0] === 2;
  if (b[0] !== 1 && !wide) throw new Error("CFF charset");
  let p = 1;
  for (let covered = 1; covered < glyphs;) {
    covered += (wide ? (b[p + 2] << 8) | b[p + 3] : b[p + 2]) + 1;
    p += wide ? 4 : 3;
  }
  return b.subarray(0, p);
}

/** The bytes of a custom encoding. */
function encodingBytes(read: Reader, at: number): Uint8Array {
  const h = read(at, 2);
  let length = 2 + ((h[0] & 0x7f) === 0 ? h[1] : 2 * h[1]);
  if (h[0] & 0x80) length += 1 + 3 * read(at + length, 1)[0];
  return read(at, length);
}

interface Private {
  entries: Entry[];
  subrs: Index | null;
}

function readPrivate(read: Reader, size: number, at: number): Private {
  const entries = parseDict(read(at, size));
  const subrs = entries.find((e) => e.op === 19);
  return { entries, subrs: subrs ? readIndex(read, at + subrs.operands[0]) : null };
}

/** The CFF table with only `glyphs` (glyph ids) drawn, or null for a CFF this does not handle. */
export function subsetCff(read: Reader, glyphs: Set<number>): Uint8Array | null {
  const header = read(0, 4);
  if (header[0] !== 1) return null;
  const names = readIndex(read, header[2]);
  const tops = readIndex(read, names.end);
  const strings = readIndex(read, tops.end);
  const global = readIndex(read, strings.end);
  if (tops.count !== 1) return null;
  const top = parseDict(tops.item(0));
  const value = (op: number) => top.find((e) => e.op === op)?.operands;
  if ((value(1206)?.[0] ?? 2) !== 2 || !value(17)) return null;
  const charStrings = readIndex(read, (value(17) as number[])[0]);
  const count = charStrings.count;
  const cid = !!value(1230);
  const charsetAt = value(15)?.[0] ?? 0;
  const charset = charsetAt > 2 ? charsetBytes(read, charsetAt, count) : null;
  const encodingAt = value(16)?.[0] ?? 0;
  const encoding = !cid && encodingAt > 1 ? encodingBytes(read, encodingAt) : null;
  let select: ReturnType<typeof fdSelect> | null = null;
  let fontDicts: Entry[][] = [];
  let privates: Private[];
  if (cid) {
    const fdArray = readIndex(read, (value(1236) as number[])[0]);
    select = fdSelect(read, (value(1237) as number[])[0], count);
    fontDicts = Array.from({ length: fdArray.count }, (_, i) => parseDict(fdArray.item(i)));
    privates = fontDicts.map((d) => {
      const p = d.find((e) => e.op === 18)?.operands ?? [0, 0];
      return readPrivate(read, p[0], p[1]);
    });
  } else {
    const p = value(18) ?? [0, 0];
    privates = [readPrivate(read, p[0], p[1])];
  }

  // The glyphs' charstrings, and the subroutines they call.
  const kept = [...glyphs].filter((g) => g < count);
  const usedGlobal = new Set<number>();
  const usedLocal = privates.map(() => new Set<number>());
  const data = new Map<number, Uint8Array>();
  for (const g of kept) {
    const fd = select ? select.fd(g) : 0;
    const cs = charStrings.item(g);
    data.set(g, cs);
    const w: Walk = {
      stems: 0,
      local: privates[fd]?.subrs ?? null,
      global,
      usedLocal: usedLocal[fd],
      usedGlobal,
    };
    walk(cs, w, [], 0);
  }
  const empty = new Uint8Array(0);
  const only = (index: Index, used: Set<number>) =>
    writeIndex(Array.from({ length: index.count }, (_, i) => (used.has(i) ? index.item(i) : empty)));
  const charStringsOut = writeIndex(Array.from({ length: count }, (_, g) => data.get(g) ?? empty));
  const globalOut = only(global, usedGlobal);
  const privateOut = privates.map((p, i) => {
    const subrs = p.subrs ? only(p.subrs, usedLocal[i]) : null;
    const dictSize = writeDict(p.entries, new Map([[19, [0]]])).length;
    return { dict: writeDict(p.entries, new Map(subrs ? [[19, [dictSize]]] : [])), subrs };
  });

  // Layout: header, names, top DICT, strings, global subrs, charset, encoding, FDSelect, CharStrings, FDArray, privates.
  const offsets = (start: number) => {
    const topSet = new Map<number, number[]>();
    let at = start;
    const place = (op: number, length: number) => {
      topSet.set(op, [at]);
      at += length;
    };
    if (charset) place(15, charset.length);
    if (encoding) place(16, encoding.length);
    if (select) place(1237, select.raw.length);
    place(17, charStringsOut.length);
    const fdSet: Map<number, number[]>[] = [];
    let fdArrayOut: Uint8Array | null = null;
    if (cid) {
      const fdArrayAt = at;
      const sized = writeIndex(fontDicts.map((d) => writeDict(d, new Map([[18, [0, 0]]]))));
      at += sized.length;
      privateOut.forEach((p) => {
        fdSet.push(new Map([[18, [p.dict.length, at]]]));
        at += p.dict.length + (p.subrs?.length ?? 0);
      });
      fdArrayOut = writeIndex(fontDicts.map((d, i) => writeDict(d, fdSet[i])));
      topSet.set(1236, [fdArrayAt]);
    } else {
      topSet.set(18, [privateOut[0].dict.length, at]);
      at += privateOut[0].dict.length + (privateOut[0].subrs?.length ?? 0);
    }
    return { topSet, fdArrayOut };
  };
  const headLength = (set: Map<number, number[]>) =>
    header[2] +
    (names.end - names.start) +
    writeIndex([writeDict(top, set)]).length +
    (strings.end - strings.start);
  const dummy = offsets(0).topSet;
  const start = headLength(dummy) + globalOut.length;
  const { topSet, fdArrayOut } = offsets(start);
  const o = new Out()
    .bytes(read(0, header[2]))
    .bytes(read(names.start, names.end - names.start))
    .bytes(writeIndex([writeDict(top, topSet)]))
    .bytes(read(strings.start, strings.end - strings.start))
    .bytes(globalOut);
  if (o.length !== start) return null;
  if (charset) o.bytes(charset);
  if (encoding) o.bytes(encoding);
  if (select) o.bytes(select.raw);
  o.bytes(charStringsOut);
  if (fdArrayOut) o.bytes(fdArrayOut);
  for (const p of privateOut) {
    o.bytes(p.dict);
    if (p.subrs) o.bytes(p.subrs);
  }
  return o.done();
}
