/**
 * Direct formatting by stream offset ([MS-DOC] 2.8.6 PlcBtePapx, 2.8.5 PlcBteChpx, 2.9.175 PapxFkp, 2.9.34
 * ChpxFkp): a PlcBte in the table stream maps ranges of WordDocument offsets (FCs) to 512-byte FKP pages in the
 * WordDocument stream; a page maps its own finer ranges (the FCs of paragraphs, or of character runs) to a
 * grpprl stored in the page. A page is read (and checked) once, when first asked for; an FC no range covers
 * has the default properties.
 */
import type { FcLcb } from "./fib";
import { damaged } from "./stream";
import type { Stream } from "./stream";

const PAGE = 512;

/** A run of FCs with the same properties: [start, end) and its grpprl (empty for the defaults). */
export interface Run {
  start: number;
  end: number;
  grpprl: Uint8Array;
  /** A paragraph's style (0, Normal, for character runs and the defaults). */
  istd: number;
}

interface Page {
  fcs: number[];
  grpprls: Uint8Array[];
  istds: number[];
}

const NONE = new Uint8Array(0);

/** The largest i with values[i] ≤ x (values ascending), or -1. */
function floorIndex(values: ArrayLike<number>, x: number, count: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (values[mid] <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

export class Fkps {
  private readonly fcs: number[] = [];
  private readonly pns: number[] = [];
  private readonly pages = new Map<number, Page>();

  constructor(
    private readonly word: Stream,
    table: Stream,
    plc: FcLcb,
    /** Paragraphs (PapxFkp) or character runs (ChpxFkp). */
    private readonly kind: "papx" | "chpx",
  ) {
    const what = kind === "papx" ? "段落格式表" : "字符格式表";
    if (!plc.lcb) return;
    table.need(plc.fc, plc.lcb, `${what}的位置`);
    const n = (plc.lcb - 4) / 8;
    if (!Number.isInteger(n) || n < 0) damaged(word.label, `${what}的长度不对`);
    for (let i = 0; i <= n; i++) this.fcs.push(table.u32(plc.fc + i * 4, what));
    for (let i = 0; i < n; i++) this.pns.push(table.u32(plc.fc + (n + 1) * 4 + i * 4, what) & 0x3fffff);
  }

  /** The run of FCs holding `fc`, with its grpprl; null where no page covers it. */
  at(fc: number): Run | null {
    const j = floorIndex(this.fcs, fc, this.pns.length);
    if (j < 0 || fc >= this.fcs[j + 1]) return null;
    const page = this.page(this.pns[j]);
    const k = floorIndex(page.fcs, fc, page.grpprls.length);
    if (k < 0 || fc >= page.fcs[k + 1]) return null;
    return { start: page.fcs[k], end: page.fcs[k + 1], grpprl: page.grpprls[k], istd: page.istds[k] };
  }

  private page(pn: number): Page {
    const known = this.pages.get(pn);
    if (known) return known;
    const papx = this.kind === "papx";
    const what = papx ? "段落格式页" : "字符格式页";
    const label = this.word.label;
    const bytes = this.word.slice(pn * PAGE, PAGE, `${what}（第 ${pn} 页）`);
    const crun = bytes[PAGE - 1];
    // rgfc (crun + 1 FCs), then an entry per run: BxPap (13 bytes) or a byte offset.
    const entry = papx ? 13 : 1;
    if ((crun + 1) * 4 + crun * entry > PAGE - 1) damaged(label, `${what}的项数不对`);
    const dv = new DataView(bytes.buffer, bytes.byteOffset, PAGE);
    const fcs: number[] = [];
    for (let i = 0; i <= crun; i++) fcs.push(dv.getUint32(i * 4, true));
    const grpprls: Uint8Array[] = [];
    const istds: number[] = [];
    for (let i = 0; i < crun; i++) {
      const offset = bytes[(crun + 1) * 4 + i * entry] * 2;
      istds.push(0);
      if (!offset) {
        grpprls.push(NONE);
        continue;
      }
      let start: number;
      let length: number;
      if (papx) {
        // PapxInFkp: cb (2·cb − 1 bytes follow), or 0 and cb′ (2·cb′ bytes follow); they begin with the istd.
        const cb = bytes[offset];
        start = cb ? offset + 1 : offset + 2;
        length = cb ? 2 * cb - 1 : 2 * (bytes[offset + 1] ?? 0);
        if (length >= 2 && start + 2 <= PAGE - 1) istds[i] = dv.getUint16(start, true);
        start += 2;
        length -= 2;
      } else {
        start = offset + 1;
        length = bytes[offset];
      }
      if (start + Math.max(0, length) > PAGE - 1) damaged(label, `${what}中的格式超出了页面`);
      grpprls.push(length > 0 ? bytes.subarray(start, start + length) : NONE);
    }
    const page = { fcs, grpprls, istds };
    this.pages.set(pn, page);
    return page;
  }
}
