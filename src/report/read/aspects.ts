/**
 * What 「一、总体情况」 covers (国办公开办函〔2021〕30号 一（一）; test/corpus/aspects.json): R12 the five aspects —
 * 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台建设, 监督保障 — each as a sub-heading or in the text, in the
 * words offices use for it (「（四）政府信息平台建设」「在平台建设方面」「（五）监督保障机制」「开展业务培训」); one
 * finding names every aspect missing. R13 a 人民政府's own report (条例 第五十条: 各级人民政府) also reports 工作考核、
 * 社会评议和责任追究, in 一 (where the format puts it) or in 六. And the 2025 asks (武威 武政办发〔2025〕54号; off
 * unless the office turns them on): R14 一 at most 字数上限 Chinese characters, headings excluded; R15 the counts by
 * channel (政府网站, 政务新媒体, 政府公报, 公示栏) and of 政策解读 and 回应关切; R17 the counts of 政府信息公开平台,
 * 政务公开专区 and 政府公报 issues (./asks). Our own 【请填写：…】 prompts are no text of the report.
 */
import type { FormatDef, RuleId } from "../formats";
import { countParam, ruleOn } from "../rules/ruleset";
import type { RuleSet } from "../rules/ruleset";
import { Findings } from "../tables/findings";
import type { Finding } from "../tables/findings";
import { countFindings } from "./asks";
import { locateSections } from "./sections";
import type { LocatedSection } from "./sections";
import { findTitle, squeeze } from "./title";

/** A thing the text must speak of, and the words that speak of it (any one of them, anywhere in the part read). */
export interface Topic {
  id: string;
  /** As a finding names it. */
  name: string;
  words: string[];
}

/**
 * The five aspects of 总体情况, with the words reports use for each (test/corpus/aspects.json has where each was
 * seen). A word is the aspect's own (「信息管理」 in 「（三）政府信息管理情况」「信息管理严格规范」「政府信息资源管理」),
 * or the work the aspect is about where reports write that instead of its name (监督保障: 「考核」「培训」
 * 「责任追究」, as under the （五） of most reports). Not 「监督权」 (知情权、参与权和监督权 is every report's slogan),
 * not 「平台」 or 「公开平台」 alone (every report publishes 「通过政府信息公开平台」, which is no account of building it).
 */
export const ASPECTS: Topic[] = [
  { id: "active", name: "主动公开", words: ["主动公开"] },
  { id: "request", name: "依申请公开", words: ["依申请", "公开申请"] },
  { id: "management", name: "政府信息管理", words: ["信息管理", "信息资源管理"] },
  {
    id: "platform",
    name: "政府信息公开平台建设",
    words: ["平台建设", "载体建设", "网站建设", "平台管理", "平台维护", "平台运维"],
  },
  {
    id: "supervision",
    name: "监督保障",
    words: [
      "监督保障",
      "监督和保障",
      "监督与保障",
      "保障监督",
      "监督检查",
      "监督考核",
      "监督机制",
      "监督体系",
      "考核",
      "培训",
      "组织保障",
      "保障措施",
      "责任追究",
    ],
  },
];

/** What a 人民政府's report also reports (条例 第五十条: 工作考核、社会评议和责任追究结果情况). */
export const GOVERNMENT_TOPICS: Topic[] = [
  { id: "assessment", name: "工作考核", words: ["考核"] },
  { id: "evaluation", name: "社会评议", words: ["评议", "社会评价", "群众评价", "满意度"] },
  { id: "accountability", name: "责任追究", words: ["责任追究", "追究", "追责", "问责"] },
];

/** Our own prompt for the text people write: no words of the report (its 监督保障 prompt names 考核 and 评议). */
const PROMPT = /【请填写[^】]*】/g;

/**
 * Bodies that are no 人民政府 though their names end as a region's: a 街道 is the 街道办事处, the district's
 * 派出机关 (地方组织法); development zones, parks and 管理区 are run by 管委会; a 地区 by its 行政公署.
 */
const NOT_GOVERNMENT =
  /(?:街道|街办|社区|开发区|高新区|经开区|园区|管理区|示范区|保税区|合作区|试验区|实验区|风景区|景区|度假区|新区|片区|功能区|集聚区|港区|地区)$/;
/** A region whose name alone heads its government's report (「2022年上海市政府信息公开…」, 「周湾镇2021年…」). */
const REGION = /(?:省|自治区|市|州|盟|县|旗|区|镇|乡|苏木)$/;

/**
 * Whether a report is a 人民政府's own, from the agency its title names: 「某市人民政府」「某县人民政府」「某镇政府」,
 * or a region's name alone (「上海市」「周湾镇」「对坊乡」: the report of that region's government). 条例 第五十条 asks
 * the 工作考核、社会评议和责任追究 of 「各级人民政府」, and a 乡、民族乡、镇 has its 人民政府 as a 县 has (宪法 第九十五条),
 * so a 镇/乡 人民政府 is one; a 地区's 行政公署 stands as its government. Not a 人民政府: its 办公室/办公厅 (a department with its own report), a 人民政府's
 * department or office named after it (「某市人民政府研究室」, 「…人民政府南源街道办事处」), a 街道办事处, a
 * development zone's 管委会, any 局/委/中心.
 */
export function isGovernmentReport(agency: string): boolean {
  const a = squeeze(agency).replace(/[（(][^）)]*[）)]$/, "");
  if (!a) return false;
  // A 人民政府 or 行政公署 by its full name is one wherever it is (浦东新区人民政府); a short 「…政府」 only a region's.
  if (/(?:人民政府|行政公署)$/.test(a)) return !/(?:街道|街办|社区)(?:人民政府)$/.test(a);
  if (/政府$/.test(a)) return !NOT_GOVERNMENT.test(a.replace(/政府$/, ""));
  return REGION.test(a) && !NOT_GOVERNMENT.test(a) && !/政府/.test(a);
}

/**
 * Whether a 人民政府 is a 乡/镇's: 条例 第四十九条's 3月31日 is for 县级以上 governments' reports, so a 乡镇's
 * deadline is not that one (R1 is not read here; this says which a report is).
 */
export function isTownshipGovernment(agency: string): boolean {
  return isGovernmentReport(agency) && /(?:镇|乡|苏木)(?:人民)?(?:政府)?$/.test(squeeze(agency));
}

/** 一's text: its paragraphs after the heading up to the next section's heading (squeezed, prompts removed). */
export interface SectionOne {
  /** The heading as the report writes it. */
  heading: string;
  paragraphs: string[];
}

/** Where 一 starts and ends among the located sections, and its paragraphs. */
function sectionParagraphs(found: LocatedSection[], id: string, squeezed: string[]): SectionOne | null {
  const place = (f: { at: number; offset: number }) => f.at * 1e6 + f.offset;
  const me = found.find((f) => f.id === id);
  if (!me) return null;
  const next = found.filter((f) => place(f) > place(me)).sort((a, b) => place(a) - place(b))[0] ?? {
    at: squeezed.length,
    offset: 0,
  };
  const start = me.offset + me.length;
  const parts =
    next.at === me.at
      ? [squeezed[me.at].slice(start, next.offset)]
      : [
          squeezed[me.at].slice(start),
          ...squeezed.slice(me.at + 1, next.at),
          (squeezed[next.at] ?? "").slice(0, next.offset),
        ];
  return {
    heading: me.written ?? me.heading,
    paragraphs: parts.map((p) => p.replace(PROMPT, "")).filter(Boolean),
  };
}

/** The report's sections 一 and 六, read once. */
export function readSections(
  format: FormatDef,
  paragraphs: string[],
): { one: SectionOne | null; six: SectionOne | null; agency: string | null } {
  const title = findTitle(paragraphs);
  const found = locateSections(format, paragraphs, title ? title.at : -1);
  const squeezed = paragraphs.map(squeeze);
  return {
    one: sectionParagraphs(found, "s1", squeezed),
    six: sectionParagraphs(found, "s6", squeezed),
    agency: title?.agency ?? null,
  };
}

/** The topics none of whose words the text holds. */
export const missing = (topics: Topic[], text: string): Topic[] =>
  topics.filter((t) => !t.words.some((w) => text.includes(w)));

const names = (topics: Topic[]) => topics.map((t) => `「${t.name}」`).join("");

/**
 * A sub-heading's words at a paragraph's start (「（三）政府信息管理情况。」「1.主动公开方面。」「（一）主动公开」
 * alone): not counted in 一's length. 「一是」 opens a sentence, not a heading.
 */
const SUB_MARK =
  /^(?:[(（][一二三四五六七八九十]{1,3}[)）]|\d{1,2}[.、．]|[一二三四五六七八九十]{1,3}[、.．])/;

/** A paragraph without its sub-heading. */
export function withoutHeading(p: string): string {
  if (!SUB_MARK.test(p)) return p;
  const end = /[。：:！？!?]/.exec(p);
  if (end && end.index <= 30) return p.slice(end.index + 1);
  return p.length <= 30 ? "" : p;
}

/** Chinese characters (figures, letters and marks not counted). */
export const chineseLength = (s: string): number => (s.match(/[\u3400-\u9fff]/g) ?? []).length;

/**
 * The findings of 总体情况's content: R12, R13 (a 人民政府's report: `government`, else told from its title), and
 * where the office turned them on R14, R15, R17. Nothing where 一 is not found (C1 names that).
 */
export function aspectFindings(
  format: FormatDef,
  paragraphs: string[],
  options: { set?: RuleSet; government?: boolean },
): Finding[] {
  const rules = new Set<RuleId>(format.rules.filter((r) => ruleOn(options.set, r)));
  const out = new Findings(rules, format);
  const { one, six, agency } = readSections(format, paragraphs);
  if (!one) return [];
  const where = `正文「${one.heading}」`;
  const text = one.paragraphs.join("");

  const absent = missing(ASPECTS, text);
  if (absent.length)
    out.add(
      "R12",
      "text",
      "s1",
      undefined,
      `${where}中没有写到${names(absent)}方面的情况：总体情况应按主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面写明本年的工作（可各用一个小标题，如「（三）政府信息管理」）`,
    );

  const government = options.government ?? (agency !== null && isGovernmentReport(agency));
  if (government) {
    // The format puts them in 一; a report that gives them in 六 (其他需要报告的事项) has reported them too.
    const gone = missing(GOVERNMENT_TOPICS, text + (six?.paragraphs.join("") ?? ""));
    if (gone.length)
      out.add(
        "R13",
        "text",
        "s1",
        undefined,
        `本报告是人民政府的年度报告，${where}中没有写到${names(gone)}的情况：各级人民政府的年度报告还应报告工作考核、社会评议和责任追究结果情况（没有发生的也应写明）`,
      );
  }

  if (rules.has("R14")) {
    const cap = countParam(options.set, "R14", "字数上限");
    const length = chineseLength(one.paragraphs.map(withoutHeading).join(""));
    if (length > cap)
      out.add(
        "R14",
        "text",
        "s1",
        undefined,
        `${where}有${length}个汉字（不计小标题、数字和标点），超过${cap}字：总体情况应聚焦主题、简明客观，篇幅原则上不超过${cap}字`,
      );
  }
  countFindings(out, rules, where, one.paragraphs);
  return out.list;
}
