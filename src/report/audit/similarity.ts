/**
 * 雷同 (R29): each unit's narrative compared with its own last year's report and with every other unit's of the
 * batch. What is compared (the paragraphs outside the tables, the template's and this tool's standard sentences
 * left out, numbers and punctuation stripped) is ./similarityText; ./similarityNarrative reads a report into it.
 *
 * - Share: of this unit's compared letters, the part that lies in a run of at least SHINGLE (10) letters also
 *   found in the other report — containment, as a 重复率 (宿迁's indicator, a 查重's 文字复制比) is read: how much of
 *   *this* text is copied, whatever else the other holds. So one report inside a longer one is a high share for
 *   the shorter and a low one for the longer; each unit answers for its own text.
 * - Parts: the whole narrative (全文), and 一、总体情况 and 五、存在的主要问题及改进情况 (七 in the legacy format) on
 *   their own, each measured against the other report's whole narrative (a passage moved to another section is
 *   still copied). A part is compared only where the reader found its heading.
 * - Too short to judge: a narrative under MIN_TEXT (200) letters is not compared at all, a part under MIN_PART
 *   (100) not on its own — one shared sentence would be half of it.
 * - One comparison per other report: the 全文 where it reaches the threshold, else the part (一 or 五) with the
 *   highest share that does, else the 全文 under it. `over` holds those at or over the threshold (one R29 finding
 *   each), highest first; `best` is the highest of all (the 总览's 雷同 column: `over[0]` where there is one),
 *   null where nothing was compared or nothing is shared.
 * - Method: every compared position's shingle hashed to 32 bits; an inverted index shingle → the units that have
 *   it; for each unit one walk over its positions, noting each position under every other unit its shingle's
 *   entry names (in buffers kept from one unit to the next). A unit's shared letters with another are then exact
 *   (the union of [p, p+SHINGLE) over its positions), and its passages are the runs of that union, merged within a
 *   paragraph and quoted as written. Last year's report: a set of its shingles, one walk. Work grows with what
 *   the units share, not with the pairs: bench/similarity.ts (similarityMs100) measures 100 units of 2 000–5 000
 *   characters with last year each.
 */
import type { FormatId } from "../formats";
import { narrative } from "./similarityNarrative";
import type { Narrative } from "./similarityNarrative";
import { SHINGLE } from "./similarityText";

export { standardKind, SHINGLE } from "./similarityText";
export { comparedText } from "./similarityNarrative";
export type { StandardKind } from "./similarityText";

/** A unit's report as the review read it (ReadUnit): its paragraphs outside the tables, and last year's. */
export interface NarrativeUnit {
  /** Its name; the result is keyed by it. */
  unit: string;
  file: string;
  paragraphs: string[];
  /** Its format, for finding its sections (一 and 五; 七 in the legacy format). */
  format: FormatId;
  previousParagraphs?: string[];
  /** Last year's file, named in the finding: 「上年报告（file）」. */
  previousFile?: string;
}

export interface SharedPassage {
  text: string;
  /**
   * Where it is in this unit's report: the section's template heading (「一、总体情况」「五、存在的主要问题及改进情况」),
   * 「导语」 before the first, 「正文」 where the reader found no section.
   */
  where: string;
}

export type SimilarPart = "全文" | "一、总体情况" | "五、存在的主要问题及改进情况";

export interface Similar {
  unit: string;
  /** Another unit's name, or 「上年报告（file）」. */
  with: string;
  part: SimilarPart;
  /** 0–1. */
  share: number;
  /** Longest first, up to 3, each quoted in at most 60 characters. */
  passages: SharedPassage[];
}

export const MIN_TEXT = 200;
export const MIN_PART = 100;
const PARTS: SimilarPart[] = ["全文", "一、总体情况", "五、存在的主要问题及改进情况"];
const MIN = [MIN_TEXT, MIN_PART, MIN_PART];
const QUOTE = 60;

/** Where this unit's shingles that another report has start, ascending (a view of a reused buffer). */
type Hits = Int32Array;

/** Letters of `a` covered by the shingles starting at `hits`, in all and by part. */
function covered(a: Narrative, hits: Hits): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  let last = 0;
  for (const p of hits) {
    const add = p + SHINGLE - (last > p ? last : p);
    out[0] += add;
    if (a.part[p]) out[a.part[p]] += add;
    last = p + SHINGLE;
  }
  return out;
}

/** A run of shared letters quoted from its paragraph as written: a whole sentence with its punctuation. */
function quote(a: Narrative, paragraphs: string[], from: number, to: number): SharedPassage {
  const first = a.sentences[a.sentence[from]];
  const last = a.sentences[a.sentence[to - 1]];
  const lastTo = a.sentences[a.sentence[to - 1] + 1]?.from ?? a.codes.length;
  const start = from === first.from ? first.start : first.origin[from - first.from];
  const end = to === lastTo ? last.end : last.origin[to - 1 - last.from] + 1;
  const text = [...paragraphs[first.paragraph].slice(start, end).trim()];
  return {
    text: text.length > QUOTE ? `${text.slice(0, QUOTE - 1).join("")}…` : text.join(""),
    where: first.where,
  };
}

/** The runs of `a` the other has, longest first (the earlier of two as long), up to 3, quoted. */
function passages(a: Narrative, paragraphs: string[], hits: Hits): SharedPassage[] {
  const top: { from: number; to: number }[] = [];
  const keep = (r: { from: number; to: number }) => {
    const at = top.findIndex((t) => r.to - r.from > t.to - t.from);
    if (at >= 0) top.splice(at, 0, r);
    else top.push(r);
    if (top.length > 3) top.pop();
  };
  let run: { from: number; to: number } | null = null;
  for (const p of hits) {
    const [s, before] = [a.sentence[p], run ? a.sentence[run.to - 1] : -1];
    // A run goes on into the next sentence of the same paragraph (the punctuation between is not compared).
    const goesOn =
      run &&
      p <= run.to &&
      (s === before || (s === before + 1 && a.sentences[s].paragraph === a.sentences[before].paragraph));
    if (run && goesOn) run.to = p + SHINGLE;
    else {
      if (run) keep(run);
      run = { from: p, to: p + SHINGLE };
    }
  }
  if (run) keep(run);
  return top.map((r) => quote(a, paragraphs, r.from, r.to));
}

interface Comparison {
  with: string;
  hits: Hits;
  cover: [number, number, number];
}

/** The shares of one comparison: the whole text's first, then each part compared (the caller checks MIN_TEXT). */
function shares(a: Narrative, c: Comparison): { part: number; share: number }[] {
  return [0, 1, 2]
    .filter((k) => a.found[k] && a.counted[k] >= MIN[k])
    .map((k) => ({ part: k, share: c.cover[k] / a.counted[k] }));
}

/**
 * The inverted index: shingle → the one unit that has it (a number ≥ 0, most shingles), or −1 − i for `lists[i]`,
 * the units (each once, ascending) of a shingle several have.
 */
interface Index {
  one: Map<number, number>;
  lists: number[][];
}

function buildIndex(docs: Narrative[]): Index {
  const index: Index = { one: new Map(), lists: [] };
  docs.forEach((d, u) => {
    for (let p = 0; p < d.codes.length; p++) {
      if (!d.starts[p]) continue;
      const v = index.one.get(d.hash[p]);
      if (v === undefined) index.one.set(d.hash[p], u);
      else if (v >= 0) {
        if (v !== u) index.one.set(d.hash[p], -index.lists.push([v, u])); // −1 − (its index)
      } else {
        const list = index.lists[-1 - v];
        if (list[list.length - 1] !== u) list.push(u);
      }
    }
  });
  return index;
}

/** Per other unit, where this unit's shingles it has start: buffers reused from one unit to the next. */
class HitBuffers {
  private readonly bufs: Int32Array[];
  private readonly count: Int32Array;
  private readonly touched: number[] = [];
  constructor(units: number) {
    this.bufs = new Array<Int32Array>(units);
    this.count = new Int32Array(units);
  }
  add(v: number, p: number): void {
    const n = this.count[v];
    if (n === 0) this.touched.push(v);
    let buf = this.bufs[v];
    // Grown as needed: memory in proportion to what units share, not to units × the longest report.
    if (!buf || n === buf.length) {
      const grown = new Int32Array(buf ? buf.length * 2 : 256);
      if (buf) grown.set(buf);
      buf = this.bufs[v] = grown;
    }
    buf[n] = p;
    this.count[v] = n + 1;
  }
  /** The units touched, ascending, each with its hits (valid until `clear`). */
  each(): [number, Hits][] {
    return this.touched.sort((x, y) => x - y).map((v) => [v, this.bufs[v].subarray(0, this.count[v])]);
  }
  clear(): void {
    for (const v of this.touched) this.count[v] = 0;
    this.touched.length = 0;
  }
}

/** The shingles each other unit shares with `a` (by the index), and those last year's report shares. */
function comparisons(
  a: Narrative,
  u: number,
  units: NarrativeUnit[],
  index: Index,
  buf: HitBuffers,
): Comparison[] {
  buf.clear();
  for (let p = 0; p < a.codes.length; p++) {
    if (!a.starts[p]) continue;
    const v = index.one.get(a.hash[p]);
    if (v === undefined || v === u) continue;
    if (v >= 0) buf.add(v, p);
    else for (const w of index.lists[-1 - v]) if (w !== u) buf.add(w, p);
  }
  const out: Comparison[] = [];
  const unit = units[u];
  if (unit.previousParagraphs?.length) {
    const prev = narrative(unit.previousParagraphs, unit.format, false);
    const set = new Set<number>();
    for (let p = 0; p < prev.codes.length; p++) if (prev.starts[p]) set.add(prev.hash[p]);
    const mine: number[] = [];
    for (let p = 0; p < a.codes.length; p++) if (a.starts[p] && set.has(a.hash[p])) mine.push(p);
    const hits = Int32Array.from(mine);
    const name = unit.previousFile ? `上年报告（${unit.previousFile}）` : "上年报告";
    if (hits.length) out.push({ with: name, hits, cover: covered(a, hits) });
  }
  for (const [v, hits] of buf.each()) out.push({ with: units[v].unit, hits, cover: covered(a, hits) });
  return out;
}

/**
 * For each unit (by name): its highest share with any other report (`best`, shown even under the threshold) and
 * every other report it shares at least `threshold` of its narrative or of 一/五 with (`over`, each an R29 finding).
 */
export function similarities(
  units: NarrativeUnit[],
  o: { threshold: number },
): Map<string, { best: Similar | null; over: Similar[] }> {
  const docs = units.map((u) => narrative(u.paragraphs, u.format));
  const index = buildIndex(docs);
  const buf = new HitBuffers(units.length);
  const out = new Map<string, { best: Similar | null; over: Similar[] }>();
  docs.forEach((a, u) => {
    const unit = units[u];
    const similar = (c: Comparison, part: number, share: number): Similar => ({
      unit: unit.unit,
      with: c.with,
      part: PARTS[part],
      share,
      passages: passages(a, unit.paragraphs, c.hits),
    });
    let best: { c: Comparison; part: number; share: number } | null = null;
    const over: Similar[] = [];
    for (const c of a.counted[0] >= MIN_TEXT ? comparisons(a, u, units, index, buf) : []) {
      const s = shares(a, c);
      // The whole text where it reaches the threshold, else the part (一 or 五) that does, else the whole text.
      const whole = s[0];
      const part = s.filter((x) => x.part > 0 && x.share >= o.threshold).sort((x, y) => y.share - x.share)[0];
      const pick = whole.share >= o.threshold ? whole : (part ?? whole);
      if (pick.share >= o.threshold) over.push(similar(c, pick.part, pick.share));
      if (!best || pick.share > best.share) best = { c, ...pick };
    }
    over.sort((x, y) => y.share - x.share);
    const top = best && best.share > 0 ? similar(best.c, best.part, best.share) : null;
    out.set(unit.unit, { best: top, over });
  });
  return out;
}

/** A share as the reviewer reads it, never rounded up past what it is: 0.499 is 49%. */
const percent = (share: number) => `${Math.floor(share * 100 + 1e-9)}%`;
const thresholdText = (t: number) => `${Math.round(t * 1000) / 10}%`;

/** The R29 finding's message: the other report, the share, the part, the longest shared passages and where. */
export function similarityMessage(s: Similar, threshold: number): string {
  const last = s.with.startsWith("上年报告");
  const other = last ? s.with : `「${s.with}」的报告`;
  const t = thresholdText(threshold);
  const head =
    s.part === "全文"
      ? `正文（统计表以外的文字）与${other}雷同：${percent(s.share)}的文字与之相同`
      : `「${s.part}」与${other}雷同：该部分${percent(s.share)}的文字与之相同`;
  const quoted = s.passages.map((p) => `「${p.text}」（${p.where}）`).join("；");
  const passages = quoted ? `相同的段落如：${quoted}。` : "";
  const fix = `请按${last ? "" : "本单位"}本年度的实际工作重写这些段落，使与之相同的文字低于${t}。`;
  return `${head}，达到雷同比例${t}（模板的固定表述、本工具生成的语句和数字不计）。${passages}${fix}`;
}
