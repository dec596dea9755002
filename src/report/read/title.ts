/**
 * A report's title, in the ways offices write it (test/corpus/titles.json): the template's
 * 「某局2025年政府信息公开工作年度报告」, and the family around it — 年度 doubled (2025年度…年度报告), 工作 or 年度
 * left out (…工作报告, …年度报告), 「…工作的年度报告」, 「年报」, 「关于2025年…的年度报告」, the year in Chinese
 * numerals (二〇二五年, 二零二五年, 二O二五年), the year after the words in brackets (…年度报告（2025年度）), the
 * year before the agency (2025年某局…), the agency on its own line above, a web page's <title> with the portal's
 * name after it. Each gives the agency as printed and the year; whether it is the template's form is C4's.
 */

/** Text as compared: widths unified, spaces and line breaks gone. */
export const squeeze = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");

/** Chinese numerals as a year's digits: 〇, 零 and a letter O (as typed for 〇) are 0. */
const DIGITS: Record<string, string> = { 〇: "0", 零: "0", O: "0", o: "0", "○": "0", "◯": "0" };
"一二三四五六七八九".split("").forEach((c, i) => (DIGITS[c] = String(i + 1)));

const YEAR = "((?:19|20)\\d{2}|[一二][〇零Oo○◯九][〇零Oo○◯一二三四五六七八九]{2})";
/** The title's words after the year: 政府信息公开, then 工作 / 的 / 年度 in any of the orders people write, 报告 or 年报. */
const WORDS = "政府信息公开(?:工作)?(?:的)?(?:年度)?(?:工作)?(?:报告|年报)";

const FORMS: { re: RegExp; agency: number; year: number }[] = [
  // 某局2025年（度）政府信息公开工作年度报告; 某局关于2025年…的年度报告
  { re: new RegExp(`^(.*?)(?:关于)?${YEAR}年度?${WORDS}`), agency: 1, year: 2 },
  // 2025年某局政府信息公开工作年度报告 (the year before the agency)
  { re: new RegExp(`^${YEAR}年度?([^年]{2,40}?)${WORDS}`), agency: 2, year: 1 },
  // 某局政府信息公开工作年度报告（2025年度）
  { re: new RegExp(`^(.*?)${WORDS}\\(${YEAR}年?度?\\)`), agency: 1, year: 2 },
];

/** The template's form exactly: agency, the year in digits, 年政府信息公开工作年度报告. */
const TEMPLATE = /^(.+?)(\d{4})年政府信息公开工作年度报告$/;

export interface Title {
  /** The title as printed (two lines joined when the agency stands above). */
  title: string;
  agency: string;
  year: number;
  /** The paragraph it is in (the lower one of two lines). */
  at: number;
  /** Whether it is the template's form, 「机关名称+YYYY年政府信息公开工作年度报告」. */
  template: boolean;
}

const yearOf = (s: string): number => Number([...s].map((c) => DIGITS[c] ?? c).join(""));

/** A paragraph that can be the agency's line of a title in two lines: short, no sentence in it. */
const AGENCY_LINE = /^[^。，,；;：:！？!?]{2,40}$/;

function match(squeezed: string): { m: RegExpExecArray; agency: string; year: number } | null {
  for (const f of FORMS) {
    const m = f.re.exec(squeezed);
    if (m) return { m, agency: m[f.agency].replace(/关于$/, ""), year: yearOf(m[f.year]) };
  }
  return null;
}

/**
 * The report's title among its first paragraphs: a paragraph that is the title alone first; else one that begins
 * with it (a page's <title> with the portal's name after it, "…年度报告_某市人民政府门户网站"), cut after its words.
 * A title without the agency takes the line above when that line can be one.
 */
export function findTitle(paragraphs: string[]): Title | null {
  const head = paragraphs.slice(0, 40);
  for (const whole of [true, false])
    for (const [i, p] of head.entries()) {
      const s = squeeze(p);
      if (s.length > 200) continue;
      const hit = match(s);
      if (!hit) continue;
      const rest = s.slice(hit.m[0].length);
      // The whole paragraph, or a bracketed year or note after the words; else (second pass) a page's <title>.
      if (whole && rest && !/^\(.*\)$/.test(rest)) continue;
      // A sentence that names the report (「现将…2025年政府信息公开工作年度报告公布如下」) is no title.
      if (/[。，,；;：:！？!?]/.test(hit.agency)) continue;
      const title = whole ? p.trim() : hit.m[0];
      const above = i > 0 ? squeeze(paragraphs[i - 1]) : "";
      if (!hit.agency && AGENCY_LINE.test(above) && !match(above)) {
        const joined = `${above}${squeeze(title)}`;
        return {
          title: `${above}${title}`,
          agency: above,
          year: hit.year,
          at: i,
          template: TEMPLATE.test(joined),
        };
      }
      return { title, agency: hit.agency, year: hit.year, at: i, template: TEMPLATE.test(squeeze(title)) };
    }
  return null;
}
