/**
 * Word's list numbering in a .doc, so that a heading numbered by the list button (「一、」「（一）」 not typed)
 * reads with its number, as the .docx reader gives it (src/docx/numbering.ts). The lists ([MS-DOC] 2.9.147
 * PlfLst: an LSTF per list, then its LVLs — one, or nine — each an LVLF, its grpprls and its number text with the
 * levels' placeholders 0x00–0x08), the list overrides that paragraphs name (2.9.150 PlfLfo: an LFO per override,
 * then each one's LFOLVLs, which may restart a level) and the paragraph styles that carry a list (2.9.271 STSH:
 * each style's UpxPapx and the style it is based on) are turned into the numbering.xml that ListNumbers reads —
 * an abstractNum per list, a num per override — so that a .doc counts exactly as a .docx does.
 */
import { ListNumbers } from "../docx/numbering";
import type { Fib } from "./fib";
import { listSprms } from "./props";
import type { ListSprms, ParaProps } from "./props";
import type { Stream } from "./stream";

/** The number formats (MSONFC) by their names in a .docx. */
const NFC: Record<number, string> = {
  0: "decimal",
  1: "upperRoman",
  2: "lowerRoman",
  3: "upperLetter",
  4: "lowerLetter",
  5: "ordinal",
  10: "ideographDigital",
  11: "japaneseCounting",
  14: "decimalFullWidth",
  18: "decimalEnclosedCircle",
  19: "decimalFullWidth2",
  22: "decimalZero",
  23: "bullet",
  28: "decimalEnclosedCircleChinese",
  30: "ideographTraditional",
  33: "taiwaneseCounting",
  35: "taiwaneseCountingThousand",
  37: "chineseCounting",
  38: "chineseLegalSimplified",
  39: "chineseCountingThousand",
  255: "none",
};

/** A style's list sprms and the style it is based on. */
interface Style {
  base: number;
  list: ListSprms;
}

const NO_STYLE = 0x0fff;

/** The paragraph styles' list sprms, by istd (ignoring character and table styles). */
function readStyles(fib: Fib, table: Stream): Map<number, Style> {
  const styles = new Map<number, Style>();
  const { fc, lcb } = fib.styles;
  if (!lcb) return styles;
  table.need(fc, lcb, "样式表的位置");
  const end = fc + lcb;
  const cbStshi = table.u16(fc, "样式表");
  const cstd = table.u16(fc + 2, "样式表");
  const cbBase = table.u16(fc + 4, "样式表");
  let at = fc + 2 + cbStshi;
  for (let istd = 0; istd < cstd && at + 2 <= end; istd++) {
    const cbStd = table.u16(at, "样式表");
    const std = at + 2;
    at = std + cbStd;
    if (!cbStd || at > end || cbStd < cbBase + 2) continue;
    // StdfBase: stk (bits 0–3) and istdBase (bits 4–15), cupx; then the name (Xstz), then the UPXs.
    const stk = table.u16(std + 2, "样式表") & 0x0f;
    const base = table.u16(std + 2, "样式表") >> 4;
    if (stk !== 1) continue;
    const cch = table.u16(std + cbBase, "样式表");
    let upx = std + cbBase + 2 + cch * 2 + 2;
    upx += upx % 2 === std % 2 ? 0 : 1;
    if (upx + 4 > at) continue;
    const cbUpx = table.u16(upx, "样式表");
    // UpxPapx: the istd, then the grpprl.
    if (cbUpx < 2 || upx + 2 + cbUpx > at) continue;
    styles.set(istd, { base, list: listSprms(table.slice(upx + 4, cbUpx - 2, "样式表")) });
  }
  return styles;
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An LVL at `at`: its start, format and text (placeholders as %1…%9), and where the next one begins. */
function readLevel(table: Stream, at: number) {
  const start = table.i32(at, "列表格式");
  const nfc = table.u8(at + 4, "列表格式");
  const cbChpx = table.u8(at + 24, "列表格式");
  const cbPapx = table.u8(at + 25, "列表格式");
  const xst = at + 28 + cbPapx + cbChpx;
  const cch = table.u16(xst, "列表格式");
  table.need(xst + 2, cch * 2, "列表格式");
  let text = "";
  for (let i = 0; i < cch; i++) {
    const c = table.u16(xst + 2 + i * 2, "列表格式");
    text += c < 9 ? `%${c + 1}` : String.fromCharCode(c);
  }
  return { start, format: NFC[nfc] ?? "decimal", text, next: xst + 2 + cch * 2 };
}

/** The lists and their overrides as numbering.xml (empty when the document has none). */
function numberingXml(fib: Fib, table: Stream): string {
  const lst = fib.lists;
  const lfo = fib.listOverrides;
  if (!lst.lcb || !lfo.lcb) return "";
  table.need(lst.fc, lst.lcb, "列表的位置");
  table.need(lfo.fc, lfo.lcb, "列表的位置");
  // PlfLst: cLst, then an LSTF (28 bytes: lsid, …, flags at 26 with fSimpleList) each; then their LVLs.
  const cLst = table.i16(lst.fc, "列表");
  const lsids: number[] = [];
  let xml = "";
  let at = lst.fc + 2 + Math.max(0, cLst) * 28;
  for (let i = 0; i < cLst; i++) {
    const lstf = lst.fc + 2 + i * 28;
    lsids.push(table.i32(lstf, "列表"));
    const levels = table.u8(lstf + 26, "列表") & 1 ? 1 : 9;
    let lvls = "";
    for (let l = 0; l < levels; l++) {
      const level = readLevel(table, at);
      at = level.next;
      lvls +=
        `<w:lvl w:ilvl="${l}"><w:start w:val="${level.start}"/><w:numFmt w:val="${level.format}"/>` +
        `<w:lvlText w:val="${escape(level.text)}"/></w:lvl>`;
    }
    xml += `<w:abstractNum w:abstractNumId="${i}">${lvls}</w:abstractNum>`;
  }
  // PlfLfo: lfoMac, an LFO (16 bytes: lsid, …, clfolvl at 12) each, then each one's LFOData (cp, LFOLVLs).
  const lfoMac = table.u32(lfo.fc, "列表");
  table.need(lfo.fc + 4, lfoMac * 16, "列表");
  let data = lfo.fc + 4 + lfoMac * 16;
  for (let i = 0; i < lfoMac; i++) {
    const entry = lfo.fc + 4 + i * 16;
    const list = lsids.indexOf(table.i32(entry, "列表"));
    const count = table.u8(entry + 12, "列表");
    let overrides = "";
    data += 4;
    for (let k = 0; k < count; k++) {
      // LFOLVL: iStartAt, then iLvl (bits 0–3), fStartAt (bit 4), fFormatting (bit 5: an LVL follows).
      const start = table.i32(data, "列表");
      const flags = table.u32(data + 4, "列表");
      data += 8;
      if (flags & 0x20) data = readLevel(table, data).next;
      if (flags & 0x10)
        overrides += `<w:lvlOverride w:ilvl="${flags & 0x0f}"><w:startOverride w:val="${start}"/></w:lvlOverride>`;
    }
    if (list >= 0) xml += `<w:num w:numId="${i + 1}"><w:abstractNumId w:val="${list}"/>${overrides}</w:num>`;
  }
  return xml;
}

/** The numbering of a document: a paragraph's label, asked of each paragraph in document order. */
export function listLabels(fib: Fib, table: Stream): ((props: ParaProps) => string) | null {
  const xml = numberingXml(fib, table);
  if (!xml) return null;
  const numbers = new ListNumbers(xml);
  if (!numbers.any) return null;
  const styles = readStyles(fib, table);
  return (props) => {
    // Its own list and level, else its style's, through the styles it is based on (as a .docx's w:numPr).
    let { ilfo, ilvl } = props.list;
    for (let istd = props.istd, hops = 0; istd !== NO_STYLE && hops < 10; hops++) {
      const style = styles.get(istd);
      if (!style) break;
      ilfo ??= style.list.ilfo;
      if (style.list.ilfo !== undefined || style.list.ilvl !== undefined) ilvl ??= style.list.ilvl;
      istd = style.base;
    }
    if (ilfo === undefined || ilfo <= 0) return "";
    return numbers.label(`<w:numPr><w:ilvl w:val="${ilvl ?? 0}"/><w:numId w:val="${ilfo}"/></w:numPr>`);
  };
}
