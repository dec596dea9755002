/**
 * The completeness rules a reviewer applies to a published report, beside its arithmetic (KIROGOVCOMPARE, the
 * open checker of published reports, flags the first two): C1 the six sections present, in order — found by
 * their number and meaning (./sections), so a section under another wording is there, with a 提示 quoting its
 * heading beside the template's, and only a section with no heading of its number and meaning is missing; C2
 * 「五、存在的主要问题及改进情况」 neither empty nor just 无; C3 「六、其他需要报告的事项」 saying whether 信息处理费
 * was charged (the 2021 guidance asks for it); C4 (R6) the title in the template's form, 「机关名称+2025年政府信息
 * 公开工作年度报告」 (with the review's year, when a review gives one; a title in another of the forms offices
 * write, ./title, is a 提示 naming how it differs — 工作报告, 年度工作报告, 工作的年度报告, no unit's name — and the
 * title it should be, never a missing title); C5 (R8) the 统计期限 stated, in any of its wordings, with both ends
 * (one end only: incomplete) and of the report's year (a 2024 period in a 2025 report is wrong). Which rules a
 * format has is in its definition; each finding names the section. A document with neither a title nor any
 * section heading is a table excerpt, not a report: no finding. The layout read here (title, lead, sections and
 * their text) is the writing rules' too (./writing).
 */
import type { FormatDef } from "../formats";
import { Findings } from "../tables/findings";
import type { Finding } from "../tables/findings";
import { locateSections } from "./sections";
import type { LocatedSection } from "./sections";
import { findTitle, squeeze, titleAdvice, yearOfPeriod } from "./title";
import type { Title } from "./title";

/** What 「五」 holds when nothing was reported: blank, 无, 暂无, or our own 【请填写】 prompt. */
const NOTHING = /^(无|暂无|没有|无。|暂无。)?$/;

/**
 * The 统计期限 stated (test/corpus/periods.json): a word for the period (统计期限, 统计时限, 统计时间, 统计区间,
 * 数据统计区间, 统计周期…), both ends of the year (1月1日…12月31日, 2025.1.1—2025.12.31), or the data of the
 * whole year (数据为2025年全年…).
 */
const PERIOD_WORD = /统计(?:期限|时限|时间|区间|周期|时段|期间)|数据(?:统计)?(?:区间|期间|时段|时限|期限)/;
const YEAR_START = /(?:^|\D|(?:19|20)\d{2})0?1月0?1日|(?:19|20)\d{2}[.\-/]0?1[.\-/]0?1(?!\d)/;
const YEAR_END = /12月31日|(?:19|20)\d{2}[.\-/]12[.\-/]31(?!\d)/;
const WHOLE_YEAR = /(?:数据|统计)[^。；]{0,12}全年|全年[^。；]{0,6}(?:数据|统计)/;
const PERIOD_START_YEAR = /((?:19|20)\d{2})年?0?1月?0?1日|((?:19|20)\d{2})[.\-/]0?1[.\-/]0?1(?!\d)/;
const PERIOD_END_YEAR = /((?:19|20)\d{2})年?12月?31日|((?:19|20)\d{2})[.\-/]12[.\-/]31(?!\d)/;
const WHOLE_YEAR_OF = /((?:19|20)\d{2})年度?全年/;
/** A cut-off date of the data (「所列数据截止日期为…」「统计截至…」): one end of a period, not a period. */
const CUT_OFF = /(?:数据|统计)[^。；]{0,10}(?:截止|截至)|(?:截止|截至)[^。；]{0,4}日期/;

/** What a paragraph says of the 统计期限: stated; only its start or its end; or nothing. */
function periodOf(p: string): "stated" | "start" | "end" | null {
  const [start, end] = [YEAR_START.test(p), YEAR_END.test(p)];
  if ((start && end) || WHOLE_YEAR.test(p)) return "stated";
  if (PERIOD_WORD.test(p) || (CUT_OFF.test(p) && end)) return start ? "start" : end ? "end" : "stated";
  return null;
}

/** The years a paragraph's period is of: the year before its 1月1日 or 12月31日 (2025年1月1日, 2025.12.31, the
 * 年 or 月 lost in a stored copy: 20251月1日, 202511日), or before 全年; none where its dates carry no year. */
function periodYears(p: string): number[] {
  const years: number[] = [];
  for (const re of [PERIOD_START_YEAR, PERIOD_END_YEAR, WHOLE_YEAR_OF]) {
    const m = re.exec(p);
    if (m) years.push(Number(m[1] ?? m[2]));
  }
  return years;
}

/** Where a section's heading stands, in reading order: its paragraph, then where in the paragraph. */
const place = (f: { at: number; offset: number }) => f.at * 1e6 + f.offset;

/** A report's parts as read: its title, the sections found, the lead between them, and each section's text. */
export interface ReportLayout {
  title: Title | null;
  /** The title's paragraph, or -1. */
  titleAt: number;
  found: LocatedSection[];
  /** The paragraphs squeezed (./title squeeze). */
  squeezed: string[];
  /** The first section heading's paragraph (the paragraphs' count when none). */
  firstHeading: number;
  /** The lead's paragraphs, after the title (or from the first) up to the first heading, as printed. */
  lead: { at: number; text: string }[];
  /** A section's text, squeezed: after its heading up to the next heading found (either may be inside a
   * paragraph); null when the section is not found. */
  sectionText(id: string): string | null;
  /** Which part a paragraph is in: "title", "lead", a section's id, or "" before the title. */
  partOf(at: number): string;
}

/** The title, the sections and the lead of a report's paragraphs (in order, tables left out). */
export function reportLayout(format: FormatDef, paragraphs: string[]): ReportLayout {
  const squeezed = paragraphs.map(squeeze);
  // The title in any of the forms offices write (with its year or without).
  const title = findTitle(paragraphs);
  const titleAt = title ? title.at : -1;
  const found = locateSections(format, paragraphs, titleAt);
  const firstHeading = found.length ? Math.min(...found.map((f) => f.at)) : paragraphs.length;
  const lead: { at: number; text: string }[] = [];
  for (let i = titleAt + 1; i < firstHeading; i++) lead.push({ at: i, text: paragraphs[i] });
  const ordered = [...found].sort((a, b) => place(a) - place(b));
  const sectionText = (id: string): string | null => {
    const me = found.find((f) => f.id === id);
    if (!me) return null;
    const next = ordered.find((f) => place(f) > place(me)) ?? { at: paragraphs.length, offset: 0 };
    const start = me.offset + me.length;
    if (next.at === me.at) return squeezed[me.at].slice(start, next.offset);
    return [
      squeezed[me.at].slice(start),
      ...squeezed.slice(me.at + 1, next.at),
      (squeezed[next.at] ?? "").slice(0, next.offset),
    ].join("");
  };
  // A title over two lines (the agency above) starts a line earlier.
  const twoLines =
    title && titleAt > 0 && title.title === `${paragraphs[titleAt - 1].trim()}${paragraphs[titleAt].trim()}`;
  const titleStart = twoLines ? titleAt - 1 : titleAt;
  const partOf = (at: number): string => {
    if (title && at >= titleStart && at <= titleAt) return "title";
    if (at < titleAt) return "";
    const last = ordered.filter((f) => f.at <= at).pop();
    return last ? last.id : "lead";
  };
  return { title, titleAt, found, squeezed, firstHeading, lead, sectionText, partOf };
}

/** Whether 五's text says nothing was reported: blank, 无, 暂无, or our own 【请填写】 prompt (C2). */
export function nothingReported(five: string): boolean {
  return NOTHING.test(five.replace(/[。，、；：.,;:！!]/g, "")) || /^【请填写/.test(five);
}

/** The completeness findings of a report's paragraphs (in order, tables left out). */
export function completenessFindings(
  format: FormatDef,
  paragraphs: string[],
  options: { year?: number } = {},
): Finding[] {
  const out = new Findings(new Set(format.rules), format);
  const layout = reportLayout(format, paragraphs);
  const { title, titleAt, found, squeezed, sectionText } = layout;
  if (titleAt < 0 && !found.length) return [];

  for (const s of format.sections) {
    const f = found.find((x) => x.id === s.id);
    if (!f)
      out.add(
        "C1",
        "text",
        s.id,
        undefined,
        `缺少第${s.heading.slice(0, 1)}部分「${s.heading}」：年报应按模板写全六个部分`,
      );
    // Present under another wording or number: the section is there; the template's heading is named beside it.
    else if (f.written)
      out.add(
        "C1",
        "text",
        s.id,
        undefined,
        `第${s.heading.slice(0, 1)}部分的标题写作「${f.written}」，模板的标题为「${s.heading}」`,
        "warning",
      );
  }
  for (let i = 1; i < found.length; i++)
    if (place(found[i]) < place(found[i - 1]))
      out.add(
        "C1",
        "text",
        found[i].id,
        undefined,
        `正文「${found[i].heading}」出现在「${found[i - 1].heading}」之前，应按模板的顺序排列`,
      );

  const s5 = format.sections.find((s) => s.id === "s5");
  const five = s5 ? sectionText("s5") : null;
  if (s5 && five !== null) {
    if (nothingReported(five))
      out.add(
        "C2",
        "text",
        "s5",
        undefined,
        `正文「${s5.heading}」中没有内容或只写了“无”：应写明本年存在的主要问题和改进情况`,
      );
  }
  const s6 = format.sections.find((s) => s.id === "s6");
  const six = s6 ? sectionText("s6") : null;
  if (s6 && six !== null && !/信息处理费|收取.{0,6}费|收费/.test(six))
    out.add(
      "C3",
      "text",
      "s6",
      undefined,
      `正文「${s6.heading}」中没有说明是否收取信息处理费：应写明本年收取信息处理费的情况（没有收取也应写明）`,
    );

  // The report's year: its title's (C4 says below where that is not the review's), else the review's, else its
  // period's.
  const year = title?.year || options.year || yearOfPeriod(paragraphs);
  const example = year || 2025;
  if (titleAt < 0)
    out.add(
      "C4",
      "text",
      "title",
      undefined,
      `没有找到标题：应为「机关名称+${example}年政府信息公开工作年度报告」的形式，如「某某局${example}年政府信息公开工作年度报告」`,
    );
  else if (title && !title.template) out.add("C4", "text", "title", undefined, titleAdvice(title, example));
  if (title?.year && options.year && title.year !== options.year)
    out.add(
      "C4",
      "text",
      "title",
      undefined,
      `正文「${title.title}」中标题的年度为${title.year}年，与审核的${options.year}年不同`,
    );

  const c5 = periodFinding([layout.lead.map((p) => squeeze(p.text)).join(""), ...squeezed], {
    year,
    of: title?.year ? "标题" : "审核",
  });
  if (c5) out.add("C5", "text", "lead", undefined, c5);
  return out.list;
}

const clip = (p: string) => (p.length > 60 ? `${p.slice(0, 60)}…` : p);

/**
 * C5 (R8): the 统计期限 stated with both ends, of the report's year — in the lead as the template asks, or
 * elsewhere (some reports close with it). The message, or null when it is stated. A period of another year
 * counts only where no period of the report's year is stated too (一 may compare with last year's).
 */
function periodFinding(paragraphs: string[], report: { year: number; of: string }): string | null {
  const said = paragraphs.map((p) => ({ p, period: periodOf(p), years: periodYears(p) }));
  const sample = (y: number) => `“本报告中所列数据的统计期限自${y}年1月1日起至${y}年12月31日止”`;
  const y = report.year || 2025;
  const wrong = (x: { years: number[] }) => !!report.year && x.years.some((v) => v !== report.year);
  const stated = said.filter((x) => x.period === "stated");
  if (stated.some((x) => !wrong(x))) return null;
  const ofYear = `${report.of}的年度为${report.year}年`;
  if (stated.length) {
    const x = stated[0];
    return `统计期限的年份与报告年度不符：「${clip(x.p)}」写的是${[...new Set(x.years)].join("年、")}年，而${ofYear}，应写明如${sample(y)}`;
  }
  const half = said.find((x) => x.period === "start" || x.period === "end");
  if (half)
    return `统计期限不完整：「${clip(half.p)}」只写了${half.period === "end" ? "截止日期" : "起始日期"}${wrong(half) ? `，且年份不是${report.year}年` : ""}，应写明起止日期，如${sample(y)}`;
  return `导语中没有写明统计期限：应写明如${sample(y)}`;
}
