/**
 * The six sections of a printed report found by their number and their meaning, not by the template's exact
 * words (test/corpus/headings.json): a heading is a paragraph opening with a section number — 一、 一. 一． 一，
 * 一： 一 followed by a space, 第一部分 — whatever the widths, spaces and line breaks; its words (up to the first
 * sentence mark, or glued to the section's first sentence) are read for the section's key nouns (the format's
 * `meaning`). A section is where its number and its meaning agree; else where its number stands over words that
 * name no section; else where its meaning stands under another number. Only the level of 一、 counts: （一） is a
 * sub-heading, 一是 a sentence.
 */
import type { FormatDef, SectionDef } from "../formats";
import { squeeze } from "./title";

const NUMERALS = "一二三四五六七八九十";

/** A section number at a paragraph's start (on NFKC text, spaces kept): its value and how long the mark is. */
const MARK = new RegExp(
  `^\\s*(?:第\\s*([${NUMERALS}]{1,3})\\s*(?:部分|章|节)\\s*[、.,:：]?|([${NUMERALS}]{1,3})\\s*(?:[、.,:：]|\\s))`,
);

function numeralValue(s: string): number {
  if (s === "十") return 10;
  const [a, b] = s.split("十");
  if (s.includes("十")) return (a ? NUMERALS.indexOf(a) + 1 : 1) * 10 + (b ? NUMERALS.indexOf(b) + 1 : 0);
  return s.length === 1 ? NUMERALS.indexOf(s) + 1 : 0;
}

/** A heading's words end at a sentence mark; a heading glued to its first sentence is cut at this length. */
const HEADING_END = /[。；;！!？?:：]/;
const MAX_HEADING = 30;

export interface HeadingLine {
  /** Paragraph index. */
  at: number;
  /** The section number, 1 for 一. */
  number: number;
  /** The heading's words after the number, squeezed. */
  words: string;
  /** The heading as written (number and words, trimmed), for findings. */
  written: string;
  /** Squeezed length of number and words: the section's own text starts after it in the paragraph. */
  length: number;
}

/** The paragraph's section heading, if it opens with a section number. */
export function headingLine(paragraph: string, at: number): HeadingLine | null {
  const text = paragraph.normalize("NFKC");
  const m = MARK.exec(text);
  if (!m) return null;
  const number = numeralValue(m[1] ?? m[2]);
  if (!number) return null;
  const after = squeeze(text.slice(m[0].length));
  const end = HEADING_END.exec(after);
  const words = after.slice(0, Math.min(end ? end.index : after.length, MAX_HEADING));
  if (!words) return null;
  const mark = squeeze(m[0]);
  // Glued to its first sentence: the number and the words read; else the paragraph as printed.
  const written = squeeze(paragraph).length > mark.length + words.length ? mark + words : paragraph.trim();
  return { at, number, words, written, length: mark.length + words.length };
}

/** The sections a heading's words name (the format's key nouns). */
export function meanings(format: FormatDef, words: string): string[] {
  return format.sections
    .filter(
      (s) =>
        s.meaning?.words.some((w) => words.includes(w)) && !s.meaning.unless?.some((w) => words.includes(w)),
    )
    .map((s) => s.id);
}

export interface LocatedSection {
  id: string;
  /** The template's heading. */
  heading: string;
  at: number;
  /** The heading as written, where its words or number differ from the template's. */
  written?: string;
  /** Squeezed length of the heading in its paragraph. */
  length: number;
}

const numberOf = (s: SectionDef) => numeralValue(s.heading.normalize("NFKC").charAt(0));

/**
 * Where each section of the format is, among the paragraphs after `from`: the template's heading itself first;
 * then a heading whose number and meaning agree; then the section's number over words that name no section
 * (short, no figures: not a sentence); then its meaning under another number. Missing sections are absent.
 */
export function locateSections(format: FormatDef, paragraphs: string[], from: number): LocatedSection[] {
  const lines: HeadingLine[] = [];
  paragraphs.forEach((p, i) => {
    if (i <= from) return;
    const h = headingLine(p, i);
    if (h) lines.push(h);
  });
  const taken = new Set<number>();
  const found = new Map<string, LocatedSection>();
  const take = (s: SectionDef, h: HeadingLine, exact: boolean) => {
    taken.add(h.at);
    found.set(s.id, {
      id: s.id,
      heading: s.heading,
      at: h.at,
      length: h.length,
      ...(exact ? {} : { written: h.written }),
    });
  };
  const passes: ((s: SectionDef, h: HeadingLine, m: string[]) => boolean)[] = [
    // The template's words (after the number, which may be written 一. or 第一部分).
    (s, h) => numberOf(s) === h.number && h.words.startsWith(squeeze(s.heading).slice(2)),
    (s, h, m) => numberOf(s) === h.number && m.includes(s.id),
    (s, h, m) => numberOf(s) === h.number && !m.length && !/\d/.test(h.words) && h.words.length <= 20,
    // Its meaning under another number, where that number's own section is not what the words say.
    (s, h, m) => m.length === 1 && m[0] === s.id,
  ];
  passes.forEach((pass, k) => {
    for (const s of format.sections) {
      if (found.has(s.id)) continue;
      const h = lines.find((l) => !taken.has(l.at) && pass(s, l, meanings(format, l.words)));
      if (h) take(s, h, k === 0);
    }
  });
  return format.sections.flatMap((s) => {
    const f = found.get(s.id);
    return f ? [f] : [];
  });
}
