/**
 * 雷同 (R29): a report's paragraphs read into the narrative compared (./similarityText says what is left out and
 * why): each compared sentence's letters laid end to end, the shingle starting at each position, the part each is
 * in (一、总体情况 and 五、存在的主要问题及改进情况, found by the reader's read/sections.ts; a heading's own words
 * are skipped), and where each letter stands in its paragraph, for quoting a passage as written.
 */
import { getFormat } from "../formats";
import type { FormatDef, FormatId } from "../formats";
import { locateSections } from "../read/sections";
import { findTitle } from "../read/title";
import { isLine, letters, sentenceKind, shingles, SHINGLE } from "./similarityText";

/** A report's narrative as compared: its sentences' letters laid end to end, with where each came from. */
export interface Narrative {
  /** Letters of the compared sentences, one after the other. */
  codes: string;
  /** Shingle hash starting at each position; 0 where no shingle starts (a sentence's last SHINGLE-1 letters). */
  hash: Int32Array;
  /** Whether a shingle starts at the position. */
  starts: Uint8Array;
  /** The part of each position: 0 elsewhere, 1 in 一, 2 in 五 (the problems). */
  part: Uint8Array;
  /** The sentence of each position (an index into `sentences`). */
  sentence: Int32Array;
  sentences: NarrativeSentence[];
  /** Letters compared: in all, in 一, in 五. */
  counted: [number, number, number];
  /** Whether 一 and 五 were found. */
  found: [boolean, boolean, boolean];
}

export interface NarrativeSentence {
  /** The paragraph and where in it the sentence's letters are (original indices, one per letter). */
  paragraph: number;
  origin: number[];
  /** Where in the paragraph the sentence starts and ends (its punctuation included). */
  start: number;
  end: number;
  /** Where it is, as the reviewer reads: 「一、总体情况」, 「导语」. */
  where: string;
  /** Its position in `codes`. */
  from: number;
}

/** The section the problems are in: 五 in the 2019/2021 formats, 七 in the legacy one. */
const PROBLEMS: Record<FormatId, string> = { "2021": "s5", "2019": "s5", "2008": "s7" };

interface Start {
  at: number;
  /** Squeezed offset in the paragraph where the heading starts, and where its words end. */
  offset: number;
  end: number;
  part: number;
  where: string;
}

/** Where each section starts (the heading itself is not compared). */
function sectionStarts(format: FormatDef, paragraphs: string[]): Start[] {
  const title = findTitle(paragraphs);
  const found = locateSections(format, paragraphs, title ? title.at : -1);
  const problems = PROBLEMS[format.id];
  return found
    .map((s) => ({
      at: s.at,
      offset: s.offset,
      end: s.offset + s.length,
      part: s.id === "s1" ? 1 : s.id === problems ? 2 : 0,
      where: s.heading,
    }))
    .sort((a, b) => a.at - b.at || a.offset - b.offset);
}

interface Building {
  /** Where a sentence before the first section is: 「导语」, or 「正文」 where no section was found. */
  before: string;
  /** Each compared sentence's letters, their shingles and its part, in order. */
  kept: { keep: string; hashes: Int32Array; part: number }[];
  sentences: NarrativeSentence[];
  counted: [number, number, number];
  length: number;
}

/** A sentence being read: its text as written, its letters and where each is in the paragraph. */
interface Pending {
  /** The sentence squeezed (NFKC, no whitespace), as the standard sentences are matched. */
  sq: string;
  keep: string;
  origin: number[];
  start: number;
  end: number;
}

const pending = (): Pending => ({ sq: "", keep: "", origin: [], start: -1, end: -1 });

/** One sentence's letters added, unless it is standard or too short. */
function addSentence(b: Building, x: Pending, paragraph: number, s: Start | null) {
  const { keep } = x;
  if (keep.length < SHINGLE) return;
  const hashes = shingles(keep);
  if (sentenceKind(x.sq, keep, hashes) !== null) return;
  const where = s ? s.where : b.before;
  b.sentences.push({ paragraph, origin: x.origin, start: x.start, end: x.end, where, from: b.length });
  const part = s ? s.part : 0;
  b.kept.push({ keep, hashes, part });
  b.length += keep.length;
  b.counted[0] += keep.length;
  if (part) b.counted[part] += keep.length;
}

const ENDS = new Set(["。", "！", "？", "；", ";", "!", "?", "\n"]);

/** A report's narrative (its paragraphs outside the tables), in the form compared. */
export function narrative(paragraphs: string[], formatId: FormatId, sections = true): Narrative {
  const format = getFormat(formatId);
  const starts = sections ? sectionStarts(format, paragraphs) : [];
  const before = starts.length ? "导语" : "正文";
  const b: Building = { before, kept: [], sentences: [], counted: [0, 0, 0], length: 0 };
  let next = 0;
  let current: Start | null = null;
  paragraphs.forEach((p, at) => {
    while (next < starts.length && starts[next].at < at) current = starts[next++];
    if (isLine(p)) {
      while (next < starts.length && starts[next].at === at) current = starts[next++];
      return;
    }
    let sq = 0;
    let x = pending();
    let i = 0;
    /** In a heading: until the end of its words, or a space after them (「一、总体情况 2024年，…」). */
    let heading: { end: number; letters: number } | null = null;
    for (const c of p) {
      if (next < starts.length && starts[next].at === at && sq >= starts[next].offset) {
        // A heading here: the sentence before it ends, the heading's words are skipped.
        addSentence(b, x, at, current);
        x = pending();
        current = starts[next++];
        heading = { end: current.end, letters: 0 };
      }
      const l = letters(c);
      if (heading && (sq >= heading.end || (heading.letters > 0 && /\s/.test(c)))) heading = null;
      if (heading) heading.letters += l.keep.length;
      else {
        if (x.start < 0) x.start = i;
        x.sq += l.norm;
        for (let k = 0; k < l.keep.length; k++) x.origin.push(i);
        x.keep += l.keep;
        x.end = i + c.length;
      }
      sq += l.squeezed;
      i += c.length;
      if (ENDS.has(c)) {
        addSentence(b, x, at, current);
        x = pending();
      }
    }
    addSentence(b, x, at, current);
  });
  const [hash, first, part, sentence] = [
    new Int32Array(b.length),
    new Uint8Array(b.length),
    new Uint8Array(b.length),
    new Int32Array(b.length),
  ];
  b.kept.forEach(({ keep, hashes, part: k }, index) => {
    const from = b.sentences[index].from;
    hash.set(hashes, from);
    first.fill(1, from, from + hashes.length);
    part.fill(k, from, from + keep.length);
    sentence.fill(index, from, from + keep.length);
  });
  return {
    codes: b.kept.map((k) => k.keep).join(""),
    hash,
    starts: first,
    part,
    sentence,
    sentences: b.sentences,
    counted: b.counted,
    found: [true, starts.some((s) => s.part === 1), starts.some((s) => s.part === 2)],
  };
}

/** The letters compared, sentence by sentence (「|」 between): for tests and for reading what was compared. */
export function comparedText(paragraphs: string[], format: FormatId = "2021"): string {
  const n = narrative(paragraphs, format);
  return n.sentences
    .map((s, i) => n.codes.slice(s.from, n.sentences[i + 1]?.from ?? n.codes.length))
    .join("|");
}
