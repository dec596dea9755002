/**
 * When a report was published or signed, and where that date was read (R1): the date line under its title, its
 * 落款 date, a saved page's 发布日期, a PDF's creation date (a last resort, said so), or the units list's column.
 *
 * Which date stands, when a report gives several (the page's 发布日期 is when it was published, which is what R1
 * asks; the 落款 and the 成文日期 are when it was signed, which is as near as the text gets otherwise):
 *   1. the units list's 发布日期 / 报送日期 column (the review applies it: the office's own record);
 *   2. a saved page's `<meta>` 发布日期 (PubDate, publishdate, firstpublishedtime: src/load/html.ts);
 *   3. a portal's metadata line in the page's text: 「发布日期：」「发布时间：」「公开日期：」, or a bare 「日期：」 in a
 *      line with other metadata (「来源：」「字号：」);
 *   4. the date line just under the title (「（2025年1月21日）」 under the unit's name);
 *   5. the 落款 date: the last date standing alone after the text (alone, or after the unit's name), written
 *      as 落款 dates are (2026年1月20日, 二〇二六年一月二十日 — never 2026-01-20, which is a list's date);
 *   6. a portal's 「成文日期：」 / 「发文日期：」;
 *   7. a PDF's creation date, marked weak (src/load/pdf.ts).
 * A date inside a sentence (the 统计期限's, 「截至2025年12月31日」), our own 【请填写…如2026年1月20日】 prompt and a
 * date in the 统计表 are none of these. The family is test/corpus/dates.json.
 */
import { civilFromDays, daysFromCivil, formatDays } from "../common/dates";

export interface PublishedDate {
  /** YYYY-MM-DD. */
  date: string;
  /** Where it was read, in the reviewer's words: 「标题下的日期」「落款日期」「网页的发布日期」…. */
  source: string;
  /** Read only from a PDF's or an OFD's creation date: a last resort, named so in every finding. */
  weak?: boolean;
}

/** Where a date was read, as findings and the review's 总览 name it. */
export const DATE_SOURCES = {
  meta: "网页的发布日期（meta）",
  page: "网页的发布日期",
  pageSigned: "网页的成文日期",
  underTitle: "标题下的日期",
  signature: "落款日期",
  pdf: "PDF 文件的创建日期（仅供参考）",
  ofd: "OFD 文件的创建日期（仅供参考）",
  listSent: "单位名单的报送日期",
  listPublished: "单位名单的发布日期",
} as const;

const CN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, "○": 0, "◯": 0, O: 0, o: 0 };
"一二三四五六七八九".split("").forEach((c, i) => (CN_DIGITS[c] = i + 1));
for (let i = 0; i <= 9; i++) CN_DIGITS[String(i)] = i;

/** 一 … 三十一 (and 元/正 for the first month) as a number; NaN when it is none. */
function chineseNumber(s: string): number {
  if (s === "元" || s === "正") return 1;
  const m = /^(?:([一二三])?十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || !s) return NaN;
  return (s.includes("十") ? (m[1] ? CN_DIGITS[m[1]] : 1) * 10 : 0) + (m[2] ? CN_DIGITS[m[2]] : 0);
}

const ARABIC = String.raw`(\d{4})\s*([-/.年])\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?`;
const CHINESE =
  String.raw`([〇零○◯Oo0-9一二三四五六七八九]{4})\s*年\s*([元正一二三四五六七八九十]{1,3})\s*月` +
  String.raw`\s*([一二三四五六七八九十]{1,3})\s*日`;
/** A time of day after a date: 「 10:30」, gov.cn's 「-09:37:43」. */
const TIME = String.raw`(?:[\sT-]*(\d{1,2}:\d{2}(?::\d{2})?))?`;
const DATE = `(?:${ARABIC}|${CHINESE})${TIME}`;

interface DateHit {
  date: string;
  /** Written with 年月日 (as 落款 are), not 2026-01-20. */
  chinese: boolean;
  time: boolean;
}

/** The date of a match of DATE (groups from `at`), or null where it is no calendar day. */
function hitOf(m: RegExpExecArray, at: number): DateHit | null {
  let y: number, mo: number, d: number;
  if (m[at] !== undefined) {
    [y, mo, d] = [Number(m[at]), Number(m[at + 2]), Number(m[at + 3])];
  } else {
    y = Number([...m[at + 4]].map((c) => CN_DIGITS[c]).join(""));
    [mo, d] = [chineseNumber(m[at + 5]), chineseNumber(m[at + 6])];
  }
  if (!(y >= 1990 && y <= 2100) || !(mo >= 1 && mo <= 12) || !(d >= 1 && d <= 31)) return null;
  const days = daysFromCivil(y, mo, d);
  const c = civilFromDays(days);
  if (c.m !== mo || c.d !== d) return null;
  return {
    date: formatDays(days),
    chinese: m[at + 1] === "年" || m[at + 4] !== undefined,
    time: !!m[at + 7],
  };
}

const norm = (s: string) => s.normalize("NFKC").replace(/\s+/g, " ").trim();

/** A paragraph that is a date and nothing else (bullets, brackets, a time of day allowed). */
const ALONE = new RegExp(String.raw`^[•·\-*>\s]*[(\[【〔]?\s*${DATE}\s*[)\]】〕]?$`);

/** The date a text is, when it is one alone: 「（2025年1月21日）」「2026-01-20 10:30」「二〇二六年一月二十日」. */
export function dateAlone(text: string): DateHit | null {
  const m = ALONE.exec(norm(text));
  return m ? hitOf(m, 1) : null;
}

/** A unit's name before its 落款 date on one line: no sentence in it, ending as names of agencies end. */
const SIGNER =
  /^[^\d。，,；;：:！？!?、]{2,40}?(?:局|委|委员会|办|办公室|厅|院|政府|中心|处|所|站|队|会|部|署|馆|街道|镇|乡|区|县|市|旗|州|盟|\))$/;
const NAMED = new RegExp(String.raw`^(.*?)\s*${DATE}$`);

/** A 落款 date: alone, or after the unit's name; written with 年月日 (a list's 2026-01-20 is no 落款). */
function signatureDate(text: string): DateHit | null {
  if (text.length > 80) return null;
  const alone = dateAlone(text);
  if (alone) return alone.chinese ? alone : null;
  const m = NAMED.exec(norm(text));
  if (!m || !SIGNER.test(m[1].replace(/\s+/g, ""))) return null;
  const hit = hitOf(m, 2);
  return hit?.chinese ? hit : null;
}

type LabelKind = "published" | "signed" | "plain";
/** The labels of a portal's metadata whose value is a date, longest first. */
const DATE_LABELS: [string, LabelKind][] = [
  ["发布日期", "published"],
  ["发布时间", "published"],
  ["公开日期", "published"],
  ["成文日期", "signed"],
  ["发文日期", "signed"],
  ["日期", "plain"],
  ["时间", "plain"],
];
/** The other labels of a portal's metadata line (索引号, 来源, 字号, 浏览次数 …). */
const OTHER_LABELS =
  "索引号|名称|标题|来源|信息来源|文章来源|发布机构|发文机关|文号|发文字号|文件编号|字号|浏览次数|点击数|点击量|阅读次数|" +
  "访问量|作者|责任编辑|编辑|分类|主题分类|组配分类|公开方式|有效性|时效性|时效|关键词|分享|打印";
const LABEL_ALT = `${DATE_LABELS.map(([l]) => l).join("|")}|${OTHER_LABELS}`;
/** A metadata line begins with a label (after a bullet): 「发布日期：2026-01-20 来源：某局」. */
const META_START = new RegExp(`^[•·\\-*>\\s]*(?:${LABEL_ALT})\\s*[:：]?`);
const OTHER_IN = new RegExp(`(?:${OTHER_LABELS})\\s*[:：]`);
/** A bare 日期 or 时间 is a label only where no word runs into it (实施日期, 有效日期 are other dates). */
const DATE_LABEL_ALT = DATE_LABELS.map(([l, k]) => (k === "plain" ? `(?<![\\u4e00-\\u9fff])${l}` : l)).join(
  "|",
);
const DATE_LABELLED = new RegExp(`(${DATE_LABEL_ALT})\\s*[:：]?\\s*${DATE}`, "g");
const LABEL_ALONE = new RegExp(`^(${DATE_LABELS.map(([l]) => l).join("|")})\\s*[:：]?$`);
const kindOf = (label: string) => (DATE_LABELS.find(([l]) => l === label) as [string, LabelKind])[1];

/** The dates a portal's metadata line gives, by their labels' kind (a line with a sentence in it gives none). */
function metadataDates(text: string, next: string | undefined): { kind: LabelKind; hit: DateHit }[] {
  const s = norm(text);
  if (s.length > 160 || /[。；;！!？?]/.test(s)) return [];
  // A label in its own cell, its value in the next (a portal's metadata table).
  const alone = LABEL_ALONE.exec(s);
  if (alone) {
    const hit = next === undefined ? null : dateAlone(next);
    return hit ? [{ kind: kindOf(alone[1]), hit }] : [];
  }
  if (!META_START.test(s)) return [];
  const out: { kind: LabelKind; hit: DateHit }[] = [];
  for (const m of s.matchAll(DATE_LABELLED)) {
    const hit = hitOf(m, 2);
    const kind = kindOf(m[1]);
    // A bare 日期 or 时间 is the page's only in a line of metadata (with 来源, 字号 …), not on its own.
    if (hit && (kind !== "plain" || OTHER_IN.test(s.replace(m[0], "")))) out.push({ kind, hit });
  }
  return out;
}

const squeezed = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");
/** Where the report's text begins after its title: a sentence, a long line or a section heading. */
const bodyBegins = (s: string) =>
  s.length > 60 ||
  /[。；;]/.test(s) ||
  /^(?:[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)/.test(s);

/** Where the title stands when the reader found none: a short line naming a 报告 or 年报 near the top. */
function titleLine(paragraphs: string[]): number {
  return paragraphs
    .slice(0, 40)
    .findIndex((p) => /年度?报告|年报/.test(squeezed(p)) && !bodyBegins(squeezed(p)));
}

/**
 * The date a report's text gives (see the file's comment for the order): `titleAt` is the title's paragraph
 * (src/report/read/title.ts findTitle), -1 when none was found.
 */
export function publishedInText(paragraphs: string[], titleAt: number): PublishedDate | null {
  const meta: Partial<Record<LabelKind, string>> = {};
  paragraphs.forEach((p, i) => {
    if (meta.published && meta.signed && meta.plain) return;
    for (const { kind, hit } of metadataDates(p, paragraphs[i + 1])) meta[kind] ??= hit.date;
  });
  const page = meta.published ?? meta.plain;
  if (page) return { date: page, source: DATE_SOURCES.page };

  // The lines under the title, up to where the text begins: the unit's name, then the date. A portal may print
  // the title twice (its metadata table's 名称, then the heading): under each.
  const at = titleAt >= 0 ? titleAt : titleLine(paragraphs);
  let end = at;
  const title = at >= 0 ? squeezed(paragraphs[at]) : "";
  for (let t = at; t >= 0 && t < Math.min(paragraphs.length, at + 60); t++) {
    if (t !== at && squeezed(paragraphs[t]) !== title) continue;
    for (let i = t + 1; i < Math.min(paragraphs.length, t + 5); i++) {
      if (bodyBegins(squeezed(paragraphs[i]))) break;
      end = Math.max(end, i);
      // A value in a portal's metadata table (after its label's cell) is that label's, read above.
      if (LABEL_ALONE.test(norm(paragraphs[i - 1]))) continue;
      const hit = dateAlone(paragraphs[i]);
      // A time of day is the portal's stamp (an office writes none under its title).
      if (hit) return { date: hit.date, source: hit.time ? DATE_SOURCES.page : DATE_SOURCES.underTitle };
    }
  }
  for (let i = paragraphs.length - 1; i > end; i--) {
    const hit = signatureDate(paragraphs[i]);
    if (hit) return { date: hit.date, source: DATE_SOURCES.signature };
  }
  return meta.signed ? { date: meta.signed, source: DATE_SOURCES.pageSigned } : null;
}

/** The `<meta name>`s of a page that carry its publication date, in the order they are believed. */
export const META_DATE_NAMES = ["pubdate", "publishdate", "firstpublishedtime"];

/** A `<meta>` date's content as a publication date (content as portals write it: 2026-01-20 10:30, 2026/01/20). */
export function metaPublished(content: string): PublishedDate | null {
  const m = new RegExp(`^\\s*${DATE}`).exec(content.normalize("NFKC"));
  const hit = m && hitOf(m, 1);
  return hit ? { date: hit.date, source: DATE_SOURCES.meta } : null;
}

/**
 * A PDF's CreationDate (D:YYYYMMDDHHmmSS+08'00'), as the calendar day in China (UTC+8) where the offset is
 * given, else as written: a weak date, the file's and not the report's.
 */
export function pdfCreated(raw: string): PublishedDate | null {
  const m =
    /^(?:D:)?(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})?(\d{2})?)?(?:(Z)|([+-])(\d{2})'?(\d{2})?'?)?/.exec(
      raw.trim(),
    );
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!(y >= 1990 && y <= 2100) || mo < 1 || mo > 12 || d < 1) return null;
  let days = daysFromCivil(y, mo, d);
  const c = civilFromDays(days);
  if (c.m !== mo || c.d !== d) return null;
  if (m[7] || m[8]) {
    const offset = m[7] ? 0 : (m[8] === "-" ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10] ?? 0));
    const minutes = Number(m[4] ?? 0) * 60 + Number(m[5] ?? 0) - offset + 8 * 60;
    days += Math.floor(minutes / 1440);
  }
  return { date: formatDays(days), source: DATE_SOURCES.pdf, weak: true };
}
