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
import { bareLabel } from "./cells";
import { squeeze } from "./title";

const NUMERALS = "一二三四五六七八九十";

/** A section number at a paragraph's start (on NFKC text, spaces kept): its value and how long the mark is. A
 * table's border bar copied before it (「|六、…」) is no part of it. */
const MARK = new RegExp(
  `^[\\s|｜│┃]*(?:第\\s*([${NUMERALS}]{1,3})\\s*(?:部分|章|节)\\s*[、.,:：]?|([${NUMERALS}]{1,3})\\s*(?:[、.,:：]|\\s))`,
);
/** A number of another level used for the sections (「1.总体情况」「（一）总体情况」): read only where number and meaning agree. */
const OTHER_MARK = new RegExp(`^[\\s|｜│┃]*(?:(\\d{1,2})\\s*[、.,:：]|\\(([${NUMERALS}]{1,3})\\)[、.,:：]?)`);
/** Where a heading may stand inside a paragraph: after a sentence's end (a page that lost its line breaks). */
const INLINE = new RegExp(
  `[。；;！!？?]\\s*(?=第\\s*[${NUMERALS}]{1,3}\\s*部分|[${NUMERALS}]{1,3}\\s*[、.,:：])`,
  "g",
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
  /** Where in the paragraph (squeezed) it starts: 0, or after a sentence for a heading inside a paragraph. */
  offset: number;
  /** How it stands: opening its paragraph, inside one, or alone without a number (Word's numbering lost). */
  kind: "start" | "inline" | "bare" | "other";
  /** The section number, 1 for 一; 0 where none is written. */
  number: number;
  /** The heading's words after the number, squeezed. */
  words: string;
  /** The heading as written (number and words, trimmed), for findings. */
  written: string;
  /** Squeezed length of number and words: the section's own text starts after it. */
  length: number;
  /** A short next paragraph with no sentence in it: the heading's words the line broke off (「…政府\n信息情况」). */
  next?: string;
}

/** The section heading a text opens with, if it opens with a section number. */
function opening(
  text: string,
  marks = MARK,
  /** The paragraph as printed, where `text` is all of it (quoted as written when the heading is all of it). */
  printed = text,
): Omit<HeadingLine, "at" | "offset" | "kind"> | null {
  const m = marks.exec(text);
  if (!m) return null;
  const number = /^\d+$/.test(m[1] ?? "") ? Number(m[1]) : numeralValue(m[1] ?? m[2]);
  if (!number) return null;
  const after = squeeze(text.slice(m[0].length));
  const end = HEADING_END.exec(after);
  const words = after.slice(0, Math.min(end ? end.index : after.length, MAX_HEADING));
  if (!words) return null;
  const mark = squeeze(m[0]).replace(/^[|｜│┃]+/, "");
  // Glued to its first sentence: the number and the words read; else the text as printed.
  const written = squeeze(text).length > mark.length + words.length ? mark + words : printed.trim();
  return { number, words, written, length: squeeze(m[0]).length + words.length };
}

/** Every heading a paragraph holds: one opening it, and any standing after a sentence inside it. */
export function headingLines(paragraph: string, at: number): HeadingLine[] {
  const text = paragraph.normalize("NFKC");
  const out: HeadingLine[] = [];
  const first = opening(text, MARK, paragraph);
  if (first) out.push({ ...first, at, offset: 0, kind: "start" });
  const other = first ? null : opening(text, OTHER_MARK, paragraph);
  if (other) out.push({ ...other, at, offset: 0, kind: "other" });
  for (const m of text.matchAll(INLINE)) {
    const from = m.index + m[0].length;
    const h = opening(text.slice(from));
    if (h) out.push({ ...h, at, offset: squeeze(text.slice(0, from)).length, kind: "inline" });
  }
  return out;
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
  /** Where in its paragraph (squeezed) the heading starts. */
  offset: number;
  /** The heading as written, where its words or number differ from the template's. */
  written?: string;
  /** Squeezed length of the heading in its paragraph. */
  length: number;
}

/** Every label the format's tables print (rows, groups, headers), bare. */
function tableLabels(format: FormatDef): Set<string> {
  const t4 = format.t4;
  return new Set(
    [
      ...format.t3.rows.map((r) => r.label),
      format.t3.resultsLabel,
      ...format.t3.columns.map((c) => c.label),
      ...(format.t2?.blocks.flatMap((b) => [
        ...b.rows.map((r) => r.label),
        ...b.columns.map((c) => c.label),
      ]) ?? []),
      t4.review.label,
      t4.litigationLabel,
      ...t4.litigation.map((l) => l.label),
      ...t4.results.map((r) => r.label),
    ].map(bareLabel),
  );
}

const numberOf = (s: SectionDef) => numeralValue(s.heading.normalize("NFKC").charAt(0));
/** The template heading's words, without its number. */
const wordsOf = (s: SectionDef) => squeeze(s.heading).slice(2);
/** A short paragraph with no sentence in it: a heading whose number Word's list numbering kept to itself. */
const BARE = /^[^。，,；;：:！!？?\d]{2,30}$/;

/**
 * Where each section of the format is, among the paragraphs after `from`: the template's heading itself first;
 * then a heading whose number and meaning agree; then the section's number over words that name no section
 * (short, no figures: not a sentence); then its meaning under another number; then a paragraph of the template's
 * words without a number; then a number of another level (1. or （一）) whose number and meaning agree; last, a
 * heading inside a paragraph (after a sentence) whose number and meaning agree.
 * Missing sections are absent.
 */
export function locateSections(format: FormatDef, paragraphs: string[], from: number): LocatedSection[] {
  // The checks of one report (completeness, the review rules, 雷同) each ask for the same paragraphs' sections:
  // located once per paragraphs list (never changed once read), format and start.
  const known = LOCATED.get(paragraphs) ?? new Map<string, LocatedSection[]>();
  LOCATED.set(paragraphs, known);
  const key = `${format.id}|${from}`;
  const found = known.get(key) ?? locate(format, paragraphs, from);
  known.set(key, found);
  return found.map((x) => ({ ...x }));
}

const LOCATED = new WeakMap<string[], Map<string, LocatedSection[]>>();

function locate(format: FormatDef, paragraphs: string[], from: number): LocatedSection[] {
  const lines: HeadingLine[] = [];
  // A table's own labels (「（六）其他处理」「四、结转下年度继续办理」, which a web page's text holds too) head no section.
  const labels = tableLabels(format);
  const squeezed = paragraphs.map(squeeze);
  paragraphs.forEach((p, i) => {
    const s = squeezed[i];
    if (i <= from || (s.length <= 40 && labels.has(bareLabel(p)))) return;
    const found = headingLines(p, i);
    const after = squeezed[i + 1] ?? "";
    for (const h of found)
      if (h.kind === "start" && h.length === s.length && /^[^。，,；;：:！!？?\d]{1,12}$/.test(after))
        if (!headingLines(paragraphs[i + 1], i + 1).length) h.next = after;
    lines.push(...found);
    // (A table's caption, 「表三 收到和处理…」, names its table, not a section.)
    if (!found.length && BARE.test(s) && !/^表[一二三四五]/.test(s))
      lines.push({
        at: i,
        offset: 0,
        kind: "bare",
        number: 0,
        words: s,
        written: p.trim(),
        length: s.length,
      });
  });
  const taken = new Set<HeadingLine>();
  const found = new Map<string, LocatedSection>();
  const take = (s: SectionDef, h: HeadingLine, exact: boolean) => {
    taken.add(h);
    found.set(s.id, {
      id: s.id,
      heading: s.heading,
      at: h.at,
      offset: h.offset,
      length: h.length,
      ...(exact ? {} : { written: h.written }),
    });
  };
  /** The template's words, with those a line break put in the next paragraph. */
  const templated = (s: SectionDef, h: HeadingLine) =>
    numberOf(s) === h.number && (h.words + (h.next ?? "")).startsWith(wordsOf(s));
  const agree = (s: SectionDef, h: HeadingLine, m: string[]) =>
    numberOf(s) === h.number && (m.includes(s.id) || h.words.startsWith(wordsOf(s)));
  const passes: ((s: SectionDef, h: HeadingLine, m: string[]) => boolean)[] = [
    // The template's words (after the number, which may be written 一. or 第一部分).
    (s, h) => h.kind === "start" && templated(s, h),
    (s, h, m) => h.kind === "start" && agree(s, h, m),
    (s, h, m) =>
      h.kind === "start" &&
      numberOf(s) === h.number &&
      !m.length &&
      !/\d/.test(h.words) &&
      !new RegExp(`^[${NUMERALS}]`).test(h.words) &&
      h.words.length <= 20,
    // Its meaning under another number, where that number's own section is not what the words say.
    (s, h, m) => h.kind === "start" && m.length === 1 && m[0] === s.id,
    (s, h, m) => h.kind === "bare" && h.words.includes(wordsOf(s)) && m.length === 1,
    // 「1.总体情况」「（一）总体情况」: another level's number, where its number and meaning agree.
    (s, h, m) => h.kind === "other" && agree(s, h, m),
    (s, h, m) => h.kind === "inline" && agree(s, h, m),
  ];
  passes.forEach((pass) => {
    for (const s of format.sections) {
      if (found.has(s.id)) continue;
      const h = lines.find((l) => !taken.has(l) && pass(s, l, meanings(format, l.words)));
      if (h) take(s, h, h.kind !== "other" && templated(s, h));
    }
  });
  return format.sections.flatMap((s) => {
    const f = found.get(s.id);
    return f ? [f] : [];
  });
}
