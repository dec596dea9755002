/**
 * Property modifiers ([MS-DOC] 2.2.5, 2.6): a grpprl is a run of Prl, each a 2-byte Sprm and an operand whose
 * size the Sprm's spra bits say (1, 2, 3 or 4 bytes, or variable: a size byte first, with sprmTDefTable's and
 * sprmPChgTabs' own ways). The sprms this reader acts on are named here.
 */

/** A paragraph in a table (depth 1, or any depth when sprmPItap is absent). */
export const sprmPFInTable = 0x2416;
/** A table row's end mark (depth 1). */
export const sprmPFTtp = 0x2417;
/** The paragraph's table depth. */
export const sprmPItap = 0x6649;
/** Changes the table depth by a signed amount. */
export const sprmPDtap = 0x664a;
/** The end of a cell of a nested table (depth > 1); a nested row's end mark carries it too. */
export const sprmPFInnerTableCell = 0x244b;
/** The end of a row of a nested table (depth > 1). */
export const sprmPFInnerTtp = 0x244c;
/** The paragraph's list (an index into the list overrides, from 1; 0 takes the numbering off) and level. */
export const sprmPIlfo = 0x460b;
export const sprmPIlvl = 0x260a;
/** The paragraph's properties are in the Data stream, at this offset. */
export const sprmPHugePapx = 0x6645;
export const sprmPHugePapx2 = 0x6646;
/** A table row's cells: their boundaries and TC flags. */
export const sprmTDefTable = 0xd608;
export const sprmTInsert = 0x7621;
export const sprmTDelete = 0x5622;
export const sprmTDxaCol = 0x7623;
export const sprmTMerge = 0x5624;
export const sprmTSplit = 0x5625;
export const sprmTVertMerge = 0xd62b;
/** Text deleted with revision marks on (Word shows it struck through; a .docx has it as w:delText). */
export const sprmCFRMarkDel = 0x0800;
/** A symbol font's character (Word's Insert Symbol; a .docx's w:sym). */
export const sprmCSymbol = 0x6a09;
const sprmPChgTabs = 0xc615;

/** One Prl: its sprm and where its operand lies in the bytes it was read from. */
export interface Prl {
  sprm: number;
  at: number;
  size: number;
}

/** The operand's size of the Prl whose sprm is at `at`, or -1 when the bytes end first. */
function operandSize(bytes: Uint8Array, sprm: number, at: number, end: number): number {
  switch (sprm >> 13) {
    case 0:
    case 1:
      return 1;
    case 2:
    case 4:
    case 5:
      return 2;
    case 3:
      return 4;
    case 7:
      return 3;
  }
  if (sprm === sprmTDefTable) {
    // cb counts the rest of the operand, plus one.
    if (at + 2 > end) return -1;
    const cb = bytes[at] | (bytes[at + 1] << 8);
    return 2 + Math.max(0, cb - 1);
  }
  if (at >= end) return -1;
  const cb = bytes[at];
  if (sprm === sprmPChgTabs && cb === 255) {
    // PChgTabsDelOperand (cTabs, 4 bytes each) then PChgTabsAddOperand (cTabs, 3 bytes each).
    if (at + 2 > end) return -1;
    const del = bytes[at + 1];
    const addAt = at + 2 + del * 4;
    if (addAt >= end) return -1;
    return 1 + 1 + del * 4 + 1 + bytes[addAt] * 3;
  }
  return 1 + cb;
}

/** The Prls of bytes[from, to); a Prl cut short by the end is left out (nothing is read past `to`). */
export function prls(bytes: Uint8Array, from: number, to: number): Prl[] {
  const out: Prl[] = [];
  const end = Math.min(to, bytes.length);
  let at = from;
  while (at + 2 <= end) {
    const sprm = bytes[at] | (bytes[at + 1] << 8);
    const size = operandSize(bytes, sprm, at + 2, end);
    if (size < 0 || at + 2 + size > end) break;
    out.push({ sprm, at: at + 2, size });
    at += 2 + size;
  }
  return out;
}

/** The sprms a Prm0 (a piece's single property change) may name that matter here, by isprm. */
const PRM0: Record<number, number> = {
  0x18: sprmPFInTable,
  0x19: sprmPFTtp,
  0x41: sprmCFRMarkDel,
};

/** A Prm0's change as a grpprl of one Prl (empty when it names nothing that matters here). */
export function prm0Grpprl(isprm: number, val: number): Uint8Array {
  const sprm = PRM0[isprm];
  return sprm === undefined ? new Uint8Array(0) : Uint8Array.of(sprm & 0xff, sprm >> 8, val);
}
