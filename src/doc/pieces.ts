/**
 * The text through the piece table ([MS-DOC] 2.4.1, 2.9.38 Clx): the Clx in the table stream holds the
 * property changes of fast-saved documents (Prc, each a grpprl) and then the PlcPcd, which cuts the document's
 * character positions (CPs) into pieces, each stored somewhere in the WordDocument stream — 8-bit
 * (Windows-1252, at fc/2) or UTF-16LE — with a Prm naming property changes that apply to all of it (one sprm,
 * or one of the Prc). Every piece of the main document is checked to lie within the WordDocument stream.
 */
import type { Fib } from "./fib";
import { prm0Grpprl } from "./sprm";
import { damaged } from "./stream";
import type { Stream } from "./stream";

export interface Piece {
  /** The CPs [cpStart, cpEnd) it holds. */
  cpStart: number;
  cpEnd: number;
  /** Byte offset of its first character in the WordDocument stream. */
  fc: number;
  /** 8-bit characters (1 byte each) rather than UTF-16 (2 bytes). */
  compressed: boolean;
  /** Property changes for all of its text (a fast-saved document's), as a grpprl; empty for most. */
  grpprl: Uint8Array;
}

/** Windows-1252's characters 0x82–0x9F as the specification maps them; the others are their own code. */
const CP1252: Record<number, number> = {
  0x82: 0x201a,
  0x83: 0x0192,
  0x84: 0x201e,
  0x85: 0x2026,
  0x86: 0x2020,
  0x87: 0x2021,
  0x88: 0x02c6,
  0x89: 0x2030,
  0x8a: 0x0160,
  0x8b: 0x2039,
  0x8c: 0x0152,
  0x91: 0x2018,
  0x92: 0x2019,
  0x93: 0x201c,
  0x94: 0x201d,
  0x95: 0x2022,
  0x96: 0x2013,
  0x97: 0x2014,
  0x98: 0x02dc,
  0x99: 0x2122,
  0x9a: 0x0161,
  0x9b: 0x203a,
  0x9c: 0x0153,
  0x9f: 0x0178,
};

/** The UTF-16 code of an 8-bit (compressed) character. */
export const compressedChar = (b: number): number => CP1252[b] ?? b;

const CLXT_PRC = 0x01;
const CLXT_PCDT = 0x02;

/** The pieces holding the main document's CPs [0, fib.ccpText), checked against the WordDocument stream. */
export function readPieces(fib: Fib, word: Stream, table: Stream): Piece[] {
  const label = word.label;
  const { fc, lcb } = fib.clx;
  if (!lcb) damaged(label, "没有片段表");
  table.need(fc, lcb, "片段表的位置");
  const end = fc + lcb;
  const prcs: Uint8Array[] = [];
  let at = fc;
  let plc = -1;
  let plcLength = 0;
  while (at < end) {
    const clxt = table.u8(at, "片段表");
    if (clxt === CLXT_PRC) {
      const cb = table.i16(at + 1, "片段表");
      if (cb < 0 || at + 3 + cb > end) damaged(label, "片段表中的格式长度不对");
      prcs.push(table.slice(at + 3, cb, "片段表"));
      at += 3 + cb;
    } else if (clxt === CLXT_PCDT) {
      plcLength = table.u32(at + 1, "片段表");
      plc = at + 5;
      if (plc + plcLength > end) damaged(label, "片段表中的片段超出了片段表的范围");
      break;
    } else damaged(label, "片段表的格式不对");
  }
  if (plc < 0) damaged(label, "片段表中没有片段");
  // PlcPcd: n + 1 CPs (4 bytes each), then n Pcds (8 bytes each).
  const n = (plcLength - 4) / 12;
  if (!Number.isInteger(n) || n < 1) damaged(label, "片段表的长度不对");
  const cp = (i: number) => table.i32(plc + i * 4, "片段表");
  const pieces: Piece[] = [];
  let last = cp(0);
  if (last !== 0) damaged(label, "片段表不从正文开头开始");
  for (let i = 0; i < n && last < fib.ccpText; i++) {
    const next = cp(i + 1);
    if (next <= last) damaged(label, "片段表的位置没有按顺序排列");
    const pcd = plc + (n + 1) * 4 + i * 8;
    const fcRaw = table.u32(pcd + 2, "片段表");
    const prm = table.u16(pcd + 6, "片段表");
    const compressed = (fcRaw & 0x40000000) !== 0;
    const fcBits = fcRaw & 0x3fffffff;
    const start = compressed ? fcBits / 2 : fcBits;
    const cpEnd = Math.min(next, fib.ccpText);
    if (!Number.isInteger(start) || !word.holds(start, (cpEnd - last) * (compressed ? 1 : 2)))
      damaged(label, `正文的第 ${i + 1} 个片段超出了 WordDocument 流`);
    let grpprl: Uint8Array;
    if (prm & 1) {
      const igrpprl = prm >> 1;
      if (igrpprl >= prcs.length) damaged(label, `正文的第 ${i + 1} 个片段的格式编号超出范围`);
      grpprl = prcs[igrpprl];
    } else grpprl = prm0Grpprl((prm >> 1) & 0x7f, prm >> 8);
    pieces.push({ cpStart: last, cpEnd, fc: start, compressed, grpprl });
    last = next;
  }
  if (last < fib.ccpText) damaged(label, "正文比片段表长");
  return pieces;
}
