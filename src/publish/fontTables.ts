/**
 * Just enough of an OpenType/TrueType font file (.ttf, .otf, and the collections .ttc/.otc) to choose a font for
 * the 图解's PNG: each face's family names (the `name` table), the glyph it has for a character (the `cmap`
 * table, formats 4 and 12) and where its tables are (for fontSubset.ts). Pure: the caller hands in a function reading bytes at an offset, so a 20 MB
 * collection is never read whole. Anything malformed reads as "no faces", never as an exception.
 */

/** Reads `length` bytes at `offset` (fewer at the end of the file). */
export type ByteReader = (offset: number, length: number) => Uint8Array;

export interface FontFace {
  /** Family names, the English (Windows, en-US) ones first: "Noto Sans CJK SC", "Microsoft YaHei". */
  families: string[];
  /** Whether the face maps the code point to a glyph. */
  has(codePoint: number): boolean;
  /** The glyph the face maps the code point to (0, .notdef, when none). */
  glyph(codePoint: number): number;
  /** Where each table of the face is in the file. */
  tables: Map<string, { offset: number; length: number }>;
}

export const u16 = (b: Uint8Array, o: number) => (b[o] << 8) | b[o + 1];
export const u32 = (b: Uint8Array, o: number) =>
  ((b[o] << 24) >>> 0) + ((b[o + 1] << 16) | (b[o + 2] << 8) | b[o + 3]);
const tag = (b: Uint8Array, o: number) => String.fromCharCode(b[o], b[o + 1], b[o + 2], b[o + 3]);

/** Tables larger than this are not read (a CJK font's cmap is ~200 KB, its name table a few KB). */
const MAX_TABLE = 8 * 1024 * 1024;
/** A collection with more faces than this is not a font file. */
const MAX_FACES = 64;

/** The faces of a font file, or [] when it is not one. */
export function fontFaces(read: ByteReader): FontFace[] {
  const head = read(0, 12);
  if (head.length < 12) return [];
  const offsets: number[] = [];
  if (tag(head, 0) === "ttcf") {
    const count = u32(head, 8);
    if (count < 1 || count > MAX_FACES) return [];
    const table = read(12, 4 * count);
    if (table.length < 4 * count) return [];
    for (let i = 0; i < count; i++) offsets.push(u32(table, 4 * i));
  } else offsets.push(0);
  const faces: FontFace[] = [];
  for (const offset of offsets) {
    const face = readFace(read, offset);
    if (face) faces.push(face);
  }
  return faces;
}

function readFace(read: ByteReader, offset: number): FontFace | null {
  const head = read(offset, 12);
  if (head.length < 12) return null;
  const version = tag(head, 0);
  if (version !== "\0\x01\0\0" && version !== "OTTO" && version !== "true") return null;
  const numTables = u16(head, 4);
  const dir = read(offset + 12, 16 * numTables);
  if (dir.length < 16 * numTables) return null;
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < numTables; i++)
    tables.set(tag(dir, 16 * i), { offset: u32(dir, 16 * i + 8), length: u32(dir, 16 * i + 12) });
  const table = (name: string): Uint8Array | null => {
    const t = tables.get(name);
    if (!t || t.length > MAX_TABLE) return null;
    const bytes = read(t.offset, t.length);
    return bytes.length === t.length ? bytes : null;
  };
  const name = table("name");
  const families = name ? familyNames(name) : [];
  if (!families.length) return null;
  let lookup: ((cp: number) => number) | undefined;
  const glyph = (cp: number): number => {
    if (!lookup) {
      const cmap = table("cmap");
      lookup = (cmap && characterMap(cmap)) ?? (() => 0);
    }
    return lookup(cp);
  };
  return { families, has: (cp) => glyph(cp) !== 0, glyph, tables };
}

/** Family names from the name table: typographic family (16) before family (1); Windows en-US first. */
function familyNames(b: Uint8Array): string[] {
  if (b.length < 6) return [];
  const count = u16(b, 2);
  const strings = u16(b, 4);
  const found: { name: string; rank: number }[] = [];
  for (let i = 0; i < count; i++) {
    const r = 6 + 12 * i;
    if (r + 12 > b.length) break;
    const [platform, encoding, language, id, length, at] = [0, 2, 4, 6, 8, 10].map((k) => u16(b, r + k));
    if (id !== 1 && id !== 16) continue;
    const start = strings + at;
    if (start + length > b.length) continue;
    const raw = b.subarray(start, start + length);
    let name = "";
    if (platform === 3 || platform === 0) {
      for (let k = 0; k + 1 < raw.length; k += 2) name += String.fromCharCode(u16(raw, k));
    } else if (platform === 1 && encoding === 0) {
      name = String.fromCharCode(...raw.filter((c) => c < 0x80));
    } else continue;
    name = name.trim();
    if (!name) continue;
    const english = (platform === 3 && language === 0x409) || (platform === 1 && language === 0);
    found.push({ name, rank: (english ? 0 : 2) + (id === 16 ? 0 : 1) });
  }
  found.sort((a, b2) => a.rank - b2.rank);
  return [...new Set(found.map((f) => f.name))];
}

/** A lookup over the best Unicode subtable of a cmap: format 12 (full Unicode), else format 4 (BMP). */
function characterMap(b: Uint8Array): ((cp: number) => number) | null {
  if (b.length < 4) return null;
  const count = u16(b, 2);
  let format4 = -1;
  let format12 = -1;
  for (let i = 0; i < count; i++) {
    const r = 4 + 8 * i;
    if (r + 8 > b.length) break;
    const platform = u16(b, r);
    const encoding = u16(b, r + 2);
    const at = u32(b, r + 4);
    if (at + 2 > b.length) continue;
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const format = u16(b, at);
    if (format === 12 && format12 < 0) format12 = at;
    if (format === 4 && format4 < 0) format4 = at;
  }
  if (format12 >= 0) return format12Lookup(b, format12);
  if (format4 >= 0) return format4Lookup(b, format4);
  return null;
}

function format12Lookup(b: Uint8Array, at: number): (cp: number) => number {
  const groups = Math.min(u32(b, at + 12), Math.floor((b.length - at - 16) / 12));
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = at + 16 + 12 * mid;
      if (cp < u32(b, g)) hi = mid - 1;
      else if (cp > u32(b, g + 4)) lo = mid + 1;
      else return u32(b, g + 8) + (cp - u32(b, g));
    }
    return 0;
  };
}

function format4Lookup(b: Uint8Array, at: number): (cp: number) => number {
  const segments = u16(b, at + 6) >> 1;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const ranges = deltas + 2 * segments;
  if (ranges + 2 * segments > b.length) return () => 0;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segments; i++) {
      if (cp > u16(b, ends + 2 * i)) continue;
      const start = u16(b, starts + 2 * i);
      if (cp < start) return 0;
      const delta = u16(b, deltas + 2 * i);
      const range = u16(b, ranges + 2 * i);
      if (range === 0) return (cp + delta) & 0xffff;
      const g = ranges + 2 * i + range + 2 * (cp - start);
      if (g + 2 > b.length) return 0;
      const glyph = u16(b, g);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}
