/**
 * The File Information Block ([MS-DOC] 2.5.1) at the start of the WordDocument stream: which Word wrote the
 * file (Word 97 and later only: nFib ≥ 0x00C1), whether it is encrypted, which table stream it uses, how long
 * the main document's text is, and where the structures this reader needs lie in the table stream (the piece
 * table, the paragraph and character property tables, the style sheet and the lists). Its parts are read by
 * their own counts (csw, cslw, cbRgFcLcb), not at fixed offsets, and each is checked against the stream.
 */
import { damaged, ENCRYPTED, refuse, WORD_95 } from "./stream";
import type { Stream } from "./stream";

/** A structure's place in the table stream: its offset and its length in bytes. */
export interface FcLcb {
  fc: number;
  lcb: number;
}

export interface Fib {
  nFib: number;
  /** Fast-saved: the text is in more than one piece, some with property changes (Prm) of their own. */
  complex: boolean;
  /** The table stream this file uses. */
  tableStream: "0Table" | "1Table";
  /** Characters of the main document (the body); footnotes, headers, comments and text boxes follow it. */
  ccpText: number;
  clx: FcLcb;
  papx: FcLcb;
  chpx: FcLcb;
  /** The style sheet (STSH), and the lists (PlfLst, then its LVLs) and their overrides (PlfLfo). */
  styles: FcLcb;
  lists: FcLcb;
  listOverrides: FcLcb;
}

const W_IDENT = 0xa5ec;
/** Word for Windows 2.0's identifier. */
const W_IDENT_WORD2 = 0xa5db;
/** Word 97's nFib; Word 6.0/95 wrote 101–105, earlier versions less. */
const NFIB_97 = 0x00c1;

const F_COMPLEX = 0x0004;
const F_ENCRYPTED = 0x0100;
const F_WHICH_TBL_STM = 0x0200;
const F_OBFUSCATED = 0x8000;

/** Indexes of the FibRgFcLcb97 pairs read here. */
const PAIR_STSH = 1;
const PAIR_CHPX = 12;
const PAIR_PAPX = 13;
const PAIR_CLX = 33;
const PAIR_LST = 73;
const PAIR_LFO = 74;

export function readFib(word: Stream): Fib {
  const label = word.label;
  if (word.length < 0x22) damaged(label, "文档信息块（FIB）不完整");
  const ident = word.u16(0, "文档信息块");
  if (ident === W_IDENT_WORD2) refuse(label, WORD_95);
  if (ident !== W_IDENT) damaged(label, "WordDocument 流的标识不对");
  const nFib = word.u16(2, "文档信息块");
  if (nFib < NFIB_97) refuse(label, WORD_95);
  const flags = word.u16(0x0a, "文档信息块");
  if (flags & (F_ENCRYPTED | F_OBFUSCATED)) refuse(label, ENCRYPTED);

  // FibBase (32 bytes), then csw and FibRgW, cslw and FibRgLw, cbRgFcLcb and FibRgFcLcb, each by its count.
  const csw = word.u16(0x20, "文档信息块");
  const rgLwCount = 0x22 + csw * 2;
  const cslw = word.u16(rgLwCount, "文档信息块");
  const rgLw = rgLwCount + 2;
  if (cslw < 4) damaged(label, "文档信息块中没有正文长度");
  word.need(rgLw, cslw * 4, "文档信息块");
  const ccpText = word.i32(rgLw + 3 * 4, "文档信息块");
  if (ccpText < 0) damaged(label, "正文长度为负数");
  const cbAt = rgLw + cslw * 4;
  const cbRgFcLcb = word.u16(cbAt, "文档信息块");
  if (cbRgFcLcb <= PAIR_CLX) damaged(label, "文档信息块中没有片段表的位置");
  const pairs = cbAt + 2;
  word.need(pairs, cbRgFcLcb * 8, "文档信息块");
  const pair = (i: number): FcLcb =>
    i < cbRgFcLcb
      ? { fc: word.u32(pairs + i * 8, "文档信息块"), lcb: word.u32(pairs + i * 8 + 4, "文档信息块") }
      : { fc: 0, lcb: 0 };
  return {
    nFib,
    complex: (flags & F_COMPLEX) !== 0,
    tableStream: flags & F_WHICH_TBL_STM ? "1Table" : "0Table",
    ccpText,
    clx: pair(PAIR_CLX),
    papx: pair(PAIR_PAPX),
    chpx: pair(PAIR_CHPX),
    styles: pair(PAIR_STSH),
    lists: pair(PAIR_LST),
    listOverrides: pair(PAIR_LFO),
  };
}
