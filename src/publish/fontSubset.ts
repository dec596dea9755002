/**
 * A font file holding only the glyphs of the characters given, their numbering unchanged, for resvg: it reads the
 * whole font file again for every glyph it draws (@resvg/resvg-js 2.6 builds fontdb without memory mapping,
 * thx/resvg-js#367), so a 20 MB Chinese font costs ~2.5 ms a character — seconds for one 图解 — and a subset of a
 * few hundred KB almost nothing. Pure (bytes in through a ByteReader, bytes out).
 *
 * The face's tables are copied but for: the outlines — CFF (CharStrings, and the local and global subroutines,
 * rebuilt with the glyphs and subroutines not needed left empty) or glyf/loca (the glyphs needed and their
 * components); cmap (one format 12 subtable of the characters given); post (version 3, no names); and the tables
 * of layout, vertical metrics, bitmaps and variations, dropped: with no GSUB, no glyph can be substituted by
 * one left empty. Anything unexpected (CFF2, a malformed table) gives null: the caller then uses the font whole.
 */
import type { ByteReader, FontFace } from "./fontTables";
import { u16, u32 } from "./fontTables";
import { Out, subsetCff } from "./fontSubsetCff";

const DROP = new Set(
  (
    "GSUB GPOS GDEF BASE JSTF MATH kern morx mort feat vhea vmtx VORG DSIG hdmx LTSH VDMX EBDT EBLC EBSC " +
    "CBDT CBLC sbix SVG  COLR CPAL fvar gvar avar HVAR VVAR MVAR STAT cvar fpgm prep cvt  gasp meta"
  ).split(/ (?=\S)/),
);

/** A standalone font of the face with only the glyphs of `codePoints`, or null when it cannot be made. */
export function subsetFont(read: ByteReader, face: FontFace, codePoints: number[]): Uint8Array | null {
  const table = (tag: string): Uint8Array | null => {
    const t = face.tables.get(tag);
    if (!t) return null;
    const b = read(t.offset, t.length);
    return b.length === t.length ? b : null;
  };
  const cmap = new Map<number, number>();
  for (const cp of codePoints) {
    const g = face.glyph(cp);
    if (g) cmap.set(cp, g);
  }
  const glyphs = new Set([0, ...cmap.values()]);
  const out = new Map<string, Uint8Array>();
  try {
    if (face.tables.has("CFF2")) return null;
    const cffAt = face.tables.get("CFF ");
    if (cffAt) {
      const cff = subsetCff((o, n) => read(cffAt.offset + o, n), glyphs);
      if (!cff) return null;
      out.set("CFF ", cff);
    } else {
      const glyf = subsetGlyf(read, face, table, glyphs);
      if (!glyf) return null;
      out.set("glyf", glyf.glyf).set("loca", glyf.loca);
    }
    for (const tag of face.tables.keys()) {
      if (DROP.has(tag) || out.has(tag) || tag === "CFF " || tag === "glyf" || tag === "loca") continue;
      const b = tag === "cmap" ? cmapTable(cmap) : table(tag);
      if (!b) return null;
      out.set(tag, tag === "post" ? postV3(b) : tag === "head" ? headFor(b, !cffAt) : b);
    }
    if (!out.has("cmap")) return null;
    return sfnt(cffAt ? 0x4f54544f : 0x00010000, out);
  } catch {
    return null;
  }
}

/** head with no whole-font checksum (not recomputed) and, for glyf fonts, long loca offsets. */
function headFor(b: Uint8Array, longLoca: boolean): Uint8Array {
  const h = b.slice();
  h.fill(0, 8, 12);
  if (longLoca) h.set([0, 1], 50);
  return h;
}

/** post version 3: the metrics of post without glyph names. */
function postV3(b: Uint8Array): Uint8Array {
  const p = b.slice(0, 32);
  p.set([0, 3, 0, 0], 0);
  return p;
}

/** cmap with one subtable (Windows, full Unicode, format 12): a group for each character. */
function cmapTable(map: Map<number, number>): Uint8Array {
  const entries = [...map].sort((a, b) => a[0] - b[0]);
  const o = new Out().u16(0).u16(1).u16(3).u16(10).u32(12);
  o.u16(12)
    .u16(0)
    .u32(16 + 12 * entries.length)
    .u32(0)
    .u32(entries.length);
  for (const [cp, g] of entries) o.u32(cp).u32(cp).u32(g);
  return o.done();
}

/** An sfnt of the tables, sorted by tag, each four-byte aligned, with their checksums. */
function sfnt(version: number, tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort();
  const n = tags.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  const o = new Out()
    .u32(version)
    .u16(n)
    .u16(pow * 16)
    .u16(Math.log2(pow))
    .u16(n * 16 - pow * 16);
  let at = 12 + 16 * n;
  for (const tag of tags) {
    const b = tables.get(tag) as Uint8Array;
    let sum = 0;
    for (let i = 0; i < b.length; i += 4)
      sum = (sum + (((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]) >>> 0)) >>> 0;
    o.u8(...[...tag].map((c) => c.charCodeAt(0)))
      .u32(sum)
      .u32(at)
      .u32(b.length);
    at += (b.length + 3) & ~3;
  }
  for (const tag of tags) {
    const b = tables.get(tag) as Uint8Array;
    o.bytes(b).bytes(new Uint8Array(((b.length + 3) & ~3) - b.length));
  }
  return o.done();
}

/** glyf and loca (long offsets) with the glyphs needed — and their components — and every other glyph empty. */
function subsetGlyf(
  read: ByteReader,
  face: FontFace,
  table: (tag: string) => Uint8Array | null,
  glyphs: Set<number>,
): { glyf: Uint8Array; loca: Uint8Array } | null {
  const head = table("head");
  const maxp = table("maxp");
  const loca = table("loca");
  const glyfAt = face.tables.get("glyf");
  if (!head || !maxp || !loca || !glyfAt) return null;
  const count = u16(maxp, 4);
  const long = u16(head, 50) === 1;
  const offset = (g: number) => (long ? u32(loca, 4 * g) : 2 * u16(loca, 2 * g));
  const data = new Map<number, Uint8Array>();
  const todo = [...glyphs].filter((g) => g < count);
  while (todo.length) {
    const g = todo.pop() as number;
    if (data.has(g)) continue;
    const start = offset(g);
    const b = read(glyfAt.offset + start, offset(g + 1) - start);
    data.set(g, b);
    if (b.length < 10 || (b[0] & 0x80) === 0) continue; // simple glyph (numberOfContours ≥ 0) or empty
    for (let p = 10, more = true; more && p + 4 <= b.length;) {
      const flags = u16(b, p);
      todo.push(u16(b, p + 2));
      p += 4 + (flags & 1 ? 4 : 2) + (flags & 8 ? 2 : flags & 0x40 ? 4 : flags & 0x80 ? 8 : 0);
      more = (flags & 0x20) !== 0;
    }
  }
  const glyf = new Out();
  const newLoca = new Out();
  for (let g = 0; g < count; g++) {
    newLoca.u32(glyf.length);
    const b = data.get(g);
    if (b) glyf.bytes(b).bytes(new Uint8Array(((b.length + 3) & ~3) - b.length));
  }
  newLoca.u32(glyf.length);
  return { glyf: glyf.done(), loca: newLoca.done() };
}
