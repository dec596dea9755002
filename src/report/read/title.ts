/**
 * A report's title, in the ways offices write it (test/corpus/titles.json): the template's
 * 「某局2025年政府信息公开工作年度报告」, and the family around it — 年度 doubled (2025年度…年度报告), 工作 or 年度
 * left out (…工作报告, …年度报告), 「…工作的年度报告」, 「年报」, 「关于2025年…的年度报告」, 政府 left to the agency
 * (某镇政府2025年信息公开…) or 政务信息公开, the year in Chinese numerals (二〇二五年, 二零二五年, 二O二五年), the
 * year after the words in brackets (…年度报告（2025年度）), the year before the agency (2025年某局…), no year at
 * all (its year then comes from the 统计期限), the title over two lines (the agency, or the agency and the year,
 * above), in 《》 or after 「标题：」, a web page's <title> with the portal's name after it. Each gives the agency as
 * printed and the year; whether it is the template's form is C4's.
 */

/** Text as compared: widths unified, spaces and line breaks gone. */
export const squeeze = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/** Chinese numerals as a year's digits: 〇, 零 and a letter O (as typed for 〇) are 0. */
const DIGITS: Record<string, string> = { 〇: "0", 零: "0", O: "0", o: "0", "○": "0", "◯": "0" };
"一二三四五六七八九".split("").forEach((c, i) => (DIGITS[c] = String(i + 1)));

const YEAR = "((?:19|20)\\d{2}|[一二][〇零Oo○◯九][〇零Oo○◯一二三四五六七八九]{2})";
/** The title's words after the year: 政府信息公开, then 工作 / 的 / 年度 in any of the orders people write, 报告 or 年报. */
const WORDS = "(?:政府|政务)?信息公开(?:工作)?(?:的)?(?:年度)?(?:工作)?(?:报告|年报)";

const FORMS: { re: RegExp; agency: number; year: number }[] = [
  // 某局2025年（度）政府信息公开工作年度报告; 某局关于2025年…的年度报告
  { re: new RegExp(`^(.*?)(?:关于)?${YEAR}年度?${WORDS}`), agency: 1, year: 2 },
  // 2025年某局政府信息公开工作年度报告 (the year before the agency)
  { re: new RegExp(`^${YEAR}年度?([^年]{2,40}?)${WORDS}`), agency: 2, year: 1 },
  // 某局政府信息公开工作年度报告（2025年度）
  { re: new RegExp(`^(.*?)${WORDS}\\(${YEAR}年?度?\\)`), agency: 1, year: 2 },
  // 2020年报_审计局 (a portal's list of reports)
  { re: new RegExp(`^${YEAR}年度?(?:${WORDS}|年?报)[_\\-—|｜丨]([^_\\-—|｜丨]{2,40})$`), agency: 2, year: 1 },
  // 某局政府信息公开工作年度报告: no year (the whole paragraph only, and 政府信息公开…报告 in full)
  { re: /^(.{2,40}?)政府信息公开(?:工作)?(?:的)?(?:年度)?(?:工作)?报告$/, agency: 1, year: 0 },
];

/** The template's form exactly: agency, the year in digits, 年政府信息公开工作年度报告. */
const TEMPLATE = /^([^()]+?)(\d{4})年政府信息公开工作年度报告$/;
/** What surrounds a title but is not part of it: 《》, a field's label 「标题：」, a page viewer's 「Page 8 -」. */
const WRAPPING = /^(?:标题[:：]|Page\d+-)|^《|》$/g;
/** An agency is a name: no sentence, no document's title or 关于 inside it. */
const NOT_AGENCY = /[。，,；;：:！？!?《》>＞»]|关于.|通知|印发|召开|首页|当前位置|信息公开|年报|报告/;
/** After a title, still the title's: a note in brackets (（汇总）, （终稿）), or the 统计表 sheet's word. */
const AFTER = /^(?:\(.*\)|统计表)$/;
/** After a title in a page's <title>: the portal's name, after one of these. */
const PORTAL = /^[_\-—|｜丨·•]/;

export interface Title {
  /** The title as printed (two lines joined when the agency stands above). */
  title: string;
  agency: string;
  /** The year, or 0 when the title has none. */
  year: number;
  /** The paragraph it is in (the lower one of two lines). */
  at: number;
  /** Whether it is the template's form, 「机关名称+YYYY年政府信息公开工作年度报告」. */
  template: boolean;
}

const yearOf = (s: string | undefined): number =>
  s ? Number([...s].map((c) => DIGITS[c] ?? c).join("")) : 0;

interface Hit {
  /** The matched title, squeezed and unwrapped. */
  text: string;
  agency: string;
  year: number;
  /** What follows the title in the paragraph. */
  rest: string;
}

function match(squeezed: string): Hit | null {
  const s = squeezed.replace(WRAPPING, "");
  for (const f of FORMS) {
    const m = f.re.exec(s);
    if (!m || (!f.year && m[0].length !== s.length)) continue;
    const agency = m[f.agency]
      .replace(/关于$/, "")
      .replace(/\(以下简称[^)]*\)/g, "")
      .trim();
    if (NOT_AGENCY.test(agency) || (!f.year && !agency)) continue;
    return { text: m[0], agency, year: yearOf(m[f.year]), rest: s.slice(m[0].length) };
  }
  return null;
}

/** An agency that names no agency: the report's own word for itself (本局, 我镇, 本机关). */
const SELF = /^(?:本|我)(?:局|委|办|厅|署|院|镇|乡|街道|街道办|区|县|市|单位|机关|部门|中心|站|所|队)$/;

const titleOf = (hit: Hit, at: number, printed: string): Title => ({
  title: printed,
  agency: hit.agency,
  year: hit.year,
  at,
  template: TEMPLATE.test(hit.text) && !/\(/.test(hit.text) && !SELF.test(hit.agency),
});

/**
 * C4 (R6): how a title differs from the template's 「机关名称+YYYY年政府信息公开工作年度报告」 — the unit's name
 * missing (or 本局 for it), the year before the name, in Chinese numerals, in brackets or as 年度, and the words
 * (工作报告, 年度工作报告, 工作的年度报告, 年度报告, 年报, 信息公开 without 政府, 政务信息公开, 关于…的) — and the
 * title it should be, with its own agency and year.
 */
export function titleAdvice(t: Title, year: number): string {
  const s = squeeze(t.title).replace(WRAPPING, "");
  const y = t.year || year;
  const said: string[] = [];
  if (!t.agency) said.push("缺少机关名称");
  else if (SELF.test(t.agency)) said.push(`以「${t.agency}」代替机关名称`);
  if (!t.year) said.push("没有年份");
  else {
    if (new RegExp(`^(?:关于)?${YEAR}年`).test(s) && t.agency) said.push("年份写在机关名称之前");
    if (new RegExp(`${YEAR}年度`).test(s)) said.push(`年份写作「${t.year}年度」`);
    if (/[一二][〇零Oo○◯九]/.test(s)) said.push("年份用汉字书写");
    if (new RegExp(`\\(${YEAR}年?度?\\)`).test(s)) said.push("年份写在标题末尾的括号中");
  }
  const words = /((?:政府|政务)?信息公开(?:工作)?(?:的)?(?:年度)?(?:工作)?(?:报告|年报))/.exec(s)?.[1] ?? "";
  const WRONG: [RegExp, string][] = [
    [/^信息公开/, "缺少「政府」"],
    [/^政务信息公开/, "写作「政务信息公开」"],
    [/年度工作报告$/, "写作「年度工作报告」"],
    [/工作的年度报告$/, "写作「工作的年度报告」"],
    [/(?<!年度)工作报告$/, "写作「工作报告」"],
    [/公开年度报告$/, "缺少「工作」"],
    [/年报$/, "写作「年报」"],
  ];
  const wrong = WRONG.filter(([re]) => re.test(words)).map(([, w]) => w);
  said.push(...wrong);
  if (!words && /年报/.test(s)) said.push("写作「年报」");
  const note = /\((?!(?:19|20)\d{2}|[一二][〇零Oo○◯])[^)]*\)/.exec(s);
  if (note) said.push(`标题中有括注「${note[0]}」`);
  if (/^关于/.test(s) || /关于.*的年度报告/.test(s)) said.push("写作「关于…的年度报告」");
  if (!said.length) said.push("写法与模板不同");
  const agency = t.agency && !SELF.test(t.agency) ? t.agency : "某某局";
  return `标题「${t.title}」${said.join("，")}：模板的标题为「机关名称+${y}年政府信息公开工作年度报告」，如「${agency}${y}年政府信息公开工作年度报告」`;
}

/**
 * The report's title among its first paragraphs: a paragraph that is the title alone first (or with its agency,
 * or agency and year, on the line above); else one that begins with it and goes on with a portal's name after a
 * separator (a page's <title>, "…年度报告_某市人民政府门户网站"), cut there.
 */
export function findTitle(paragraphs: string[]): Title | null {
  // Asked by each check of one report: found once per paragraphs list (never changed once read).
  if (!TITLES.has(paragraphs)) TITLES.set(paragraphs, titleAmong(paragraphs));
  const t = TITLES.get(paragraphs) as Title | null;
  return t && { ...t };
}

const TITLES = new WeakMap<string[], Title | null>();

function titleAmong(paragraphs: string[]): Title | null {
  const head = paragraphs.slice(0, 40).map((p) => squeeze(p).slice(0, 200));
  for (const [i, s] of head.entries()) {
    const above = i > 0 && head[i - 1].length <= 40 ? head[i - 1] : "";
    const alone = match(s);
    // Two lines: the agency (and the year) above the rest, where the lower line alone lacks them.
    if (above && (!alone || !alone.agency || !alone.year) && !match(above)) {
      const joined = match(above + s);
      if (joined && !joined.rest && joined.year && joined.agency)
        return titleOf(joined, i, `${paragraphs[i - 1].trim()}${paragraphs[i].trim()}`);
    }
    if (alone && (!alone.rest || AFTER.test(alone.rest))) return titleOf(alone, i, paragraphs[i].trim());
  }
  for (const [i, s] of head.entries()) {
    const hit = match(s);
    if (hit && hit.year && PORTAL.test(hit.rest)) return titleOf(hit, i, hit.text);
  }
  return null;
}

/**
 * The report's year from its 统计期限 (「统计期限为2025年1月1日至2025年12月31日」), for a title that has none: the
 * year whose 1月1日 starts a period that ends on 12月31日 in the same sentence; 0 when no paragraph says.
 */
export function yearOfPeriod(paragraphs: string[]): number {
  for (const p of paragraphs.slice(0, 60)) {
    const m = /((?:19|20)\d{2})年0?1月0?1日[^。；]{0,20}?12月31日/.exec(squeeze(p));
    if (m) return Number(m[1]);
  }
  return 0;
}
