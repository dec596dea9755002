/**
 * What a paragraph's and a character run's properties say that the reader needs, from their grpprls (the FKP's,
 * then the piece's): for a paragraph, whether it is in a table, how deep, whether it ends a cell or a row, and
 * for a row's end the row's cells ([MS-DOC] 2.9.321 TDefTableOperand: the cells' boundaries and their TC80
 * merge flags, then sprmTInsert / sprmTDelete / sprmTDxaCol / sprmTMerge / sprmTSplit / sprmTVertMerge as they
 * follow); its style and list (./lists); for characters, whether they were deleted with revision marks on or
 * are a symbol font's. A paragraph whose properties are too long for its FKP page has them in the Data stream
 * (sprmPHugePapx).
 */
import {
  prls,
  sprmCFRMarkDel,
  sprmCSymbol,
  sprmPDtap,
  sprmPFInnerTableCell,
  sprmPFInnerTtp,
  sprmPFInTable,
  sprmPFTtp,
  sprmPHugePapx,
  sprmPHugePapx2,
  sprmPIlfo,
  sprmPIlvl,
  sprmPItap,
  sprmTDefTable,
  sprmTDelete,
  sprmTDxaCol,
  sprmTInsert,
  sprmTMerge,
  sprmTSplit,
  sprmTVertMerge,
} from "./sprm";
import { damaged } from "./stream";
import type { Stream } from "./stream";

/** A cell's merge flags: horizontal (0 none, 1 first of a merge, 2 merged into the one before) and vertical. */
export interface Tc {
  horizontal: 0 | 1 | 2;
  /** 0 none, 1 continues the cell above, 3 starts a vertical merge. */
  vertical: number;
}

/** A table row's cells: their boundaries (itcMac + 1 positions, in twips) and flags. */
export interface RowDef {
  centers: number[];
  tcs: Tc[];
}

export interface ParaProps {
  /** Table depth: 0 outside tables, 1 in a table, 2 in a table nested in a cell, … */
  depth: number;
  /** Ends a row of a table at depth 1 (with 0x07, sprmPFTtp). */
  ttp: boolean;
  /** Ends a cell / a row of a table nested at depth > 1. */
  innerCell: boolean;
  innerTtp: boolean;
  /** The row's cells, on a row's end mark. */
  row: RowDef | null;
  /** Its style, and the list and level its own properties give it (its style may give others: ./lists). */
  istd: number;
  list: ListSprms;
}

/** What sprmPIlfo and sprmPIlvl say, where they are present. */
export interface ListSprms {
  ilfo?: number;
  ilvl?: number;
}

/** The list sprms of a grpprl, into `list` (later ones win). */
export function listSprms(bytes: Uint8Array, list: ListSprms = {}): ListSprms {
  for (const { sprm, at } of prls(bytes, 0, bytes.length)) {
    if (sprm === sprmPIlfo) list.ilfo = i16(bytes, at);
    else if (sprm === sprmPIlvl) list.ilvl = bytes[at];
  }
  return list;
}

/** The most cells a row may have (Word's limit is 63). */
const MAX_CELLS = 63;

const toggle = (b: number) => b === 1 || b === 0x81;
const i16 = (bytes: Uint8Array, at: number) => ((bytes[at] | (bytes[at + 1] << 8)) << 16) >> 16;
const i32 = (bytes: Uint8Array, at: number) =>
  bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24);

/** A TDefTableOperand (the Prl's operand at `at`, `size` bytes), or null if it does not hold its own counts. */
function defTable(bytes: Uint8Array, at: number, size: number): RowDef | null {
  if (size < 3) return null;
  const itcMac = bytes[at + 2];
  if (itcMac > MAX_CELLS || 3 + (itcMac + 1) * 2 > size) return null;
  const centers: number[] = [];
  for (let i = 0; i <= itcMac; i++) centers.push(i16(bytes, at + 3 + i * 2));
  const tcsAt = at + 3 + (itcMac + 1) * 2;
  const tcs: Tc[] = [];
  for (let i = 0; i < itcMac; i++) {
    // TC80: tcgrf (horzMerge bits 0–1, vertMerge bits 5–6), then width and borders; missing ones are plain.
    const o = tcsAt + i * 20;
    const grf = o + 20 <= at + size ? bytes[o] | (bytes[o + 1] << 8) : 0;
    const h = grf & 3;
    tcs.push({ horizontal: h === 0 ? 0 : h === 1 ? 1 : 2, vertical: (grf >> 5) & 3 });
  }
  return { centers, tcs };
}

const plain = (): Tc => ({ horizontal: 0, vertical: 0 });

/** A table sprm other than sprmTDefTable applied to the row. */
function changeRow(row: RowDef, sprm: number, bytes: Uint8Array, at: number): void {
  const n = row.tcs.length;
  const first = Math.min(bytes[at], n);
  const lim = Math.min(Math.max(bytes[at + 1], first), n);
  switch (sprm) {
    case sprmTInsert: {
      // itcInsert, ctc, dxaCol: ctc cells dxaCol wide at itcInsert; the cells after it move right.
      const count = Math.min(bytes[at + 1], MAX_CELLS - n);
      const width = i16(bytes, at + 2);
      const from = row.centers[first];
      const added = Array.from({ length: count }, (_, k) => from + (k + 1) * width);
      row.centers = [
        ...row.centers.slice(0, first + 1),
        ...added,
        ...row.centers.slice(first + 1).map((c) => c + count * width),
      ];
      row.tcs.splice(first, 0, ...Array.from({ length: count }, plain));
      break;
    }
    case sprmTDelete: {
      // itcFirst, itcLim: those cells removed, the ones after move left.
      const width = row.centers[lim] - row.centers[first];
      row.centers = [...row.centers.slice(0, first + 1), ...row.centers.slice(lim + 1).map((c) => c - width)];
      row.tcs.splice(first, lim - first);
      break;
    }
    case sprmTDxaCol: {
      // itcFirst, itcLim, dxaCol: those cells made dxaCol wide, the ones after moved.
      const width = i16(bytes, at + 2);
      const widths = row.centers.slice(1).map((c, i) => (i >= first && i < lim ? width : c - row.centers[i]));
      for (let i = 0; i < widths.length; i++) row.centers[i + 1] = row.centers[i] + widths[i];
      break;
    }
    case sprmTMerge:
      for (let i = first; i < lim; i++) row.tcs[i].horizontal = i === first ? 1 : 2;
      break;
    case sprmTSplit:
      for (let i = first; i < lim; i++) row.tcs[i].horizontal = 0;
      break;
    case sprmTVertMerge: {
      // cb, itc, flags (0 none, 1 continues, 3 restarts).
      const itc = bytes[at + 1];
      if (itc < n) row.tcs[itc].vertical = bytes[at + 2] & 3;
      break;
    }
  }
}

const ROW_SPRMS = new Set([sprmTInsert, sprmTDelete, sprmTDxaCol, sprmTMerge, sprmTSplit, sprmTVertMerge]);

/** Operand bytes each row sprm needs (sprmTVertMerge: its cb, itc and flags). */
const ROW_OPERAND: Record<number, number> = {
  [sprmTInsert]: 4,
  [sprmTDelete]: 2,
  [sprmTDxaCol]: 4,
  [sprmTMerge]: 2,
  [sprmTSplit]: 2,
  [sprmTVertMerge]: 3,
};

/**
 * A paragraph's properties from its grpprls in order (the FKP's, then its piece's). `data` is the Data stream,
 * where sprmPHugePapx points (null when the file has none).
 */
export function paraProps(grpprls: Uint8Array[], data: Stream | null, label: string, istd = 0): ParaProps {
  let inTable = false;
  let itap = -1;
  let dtap = 0;
  const out: ParaProps = {
    depth: 0,
    ttp: false,
    innerCell: false,
    innerTtp: false,
    row: null,
    istd,
    list: {},
  };
  const apply = (bytes: Uint8Array, huge: boolean) => {
    for (const { sprm, at, size } of prls(bytes, 0, bytes.length)) {
      switch (sprm) {
        case sprmPFInTable:
          inTable = bytes[at] !== 0;
          break;
        case sprmPFTtp:
          out.ttp = bytes[at] !== 0;
          break;
        case sprmPItap:
          itap = Math.max(0, i32(bytes, at));
          dtap = 0;
          break;
        case sprmPDtap:
          dtap += i32(bytes, at);
          break;
        case sprmPFInnerTableCell:
          out.innerCell = bytes[at] !== 0;
          break;
        case sprmPFInnerTtp:
          out.innerTtp = bytes[at] !== 0;
          break;
        case sprmTDefTable:
          out.row = defTable(bytes, at, size);
          break;
        case sprmPIlfo:
          out.list.ilfo = i16(bytes, at);
          break;
        case sprmPIlvl:
          out.list.ilvl = bytes[at];
          break;
        case sprmPHugePapx:
        case sprmPHugePapx2: {
          if (huge) break;
          if (!data) damaged(label, "段落格式指向的 Data 流不存在");
          // PrcData: cbGrpprl (2 bytes), then the grpprl.
          const offset = i32(bytes, at) >>> 0;
          const cb = data.i16(offset, "段落格式在 Data 流中的位置");
          if (cb < 0) damaged(label, "段落格式在 Data 流中的长度不对");
          apply(data.slice(offset + 2, cb, "段落格式在 Data 流中的内容"), true);
          break;
        }
        default:
          if (out.row && ROW_SPRMS.has(sprm) && size >= ROW_OPERAND[sprm])
            changeRow(out.row, sprm, bytes, at);
      }
    }
  };
  for (const g of grpprls) apply(g, false);
  const depth = itap >= 0 ? itap + dtap : inTable ? 1 + dtap : 0;
  out.depth = Math.max(0, Math.min(depth, 64));
  // A depth without the in-table flag (or the flag without a depth) both mean a table paragraph.
  if (inTable && out.depth === 0) out.depth = 1;
  return out;
}

/**
 * Whether a character run's text is left out, by its grpprls (the FKP's, then its piece's): deleted with revision
 * marks on (a .docx's w:delText), or a symbol font's character (sprmCSymbol, a .docx's w:sym), neither of which
 * the .docx reader reads.
 */
export function droppedRun(grpprls: Uint8Array[]): boolean {
  let deleted = false;
  let symbol = false;
  for (const g of grpprls)
    for (const { sprm, at } of prls(g, 0, g.length)) {
      if (sprm === sprmCFRMarkDel) deleted = toggle(g[at]);
      else if (sprm === sprmCSymbol) symbol = true;
    }
  return deleted || symbol;
}
