/**
 * 雷同 (R29), the text side: what of a report is its own narrative, and in what form it is compared.
 *
 * - Compared: the paragraphs outside the tables, sentence by sentence (a sentence ends at 。！？；), each reduced
 *   to its letters — Chinese characters and Latin letters, lower-cased, NFKC — with whitespace, punctuation,
 *   digits and the Chinese numerals (〇零一二…十百千万亿两) gone: a text copied from last year with this year's
 *   numbers is a copy, and 「一是」「（三）」 number nothing.
 * - Not compared (standard, the same in every report): the template's own sentences in their usual wordings
 *   (STANDARD below; test/corpus/boilerplate.json holds the variants seen, with where): the lead's basis
 *   (「本报告根据《条例》…编制」「现公布…年度报告」), its list of parts, the 统计期限, where the electronic copy
 *   is, whom to ask; a table's notes and headers; a line with no sentence mark in it of at most 40 characters
 *   (a heading, a table label, a caption, the title, the 落款 and its date); the section headings the reader
 *   finds (read/sections.ts), also glued to their first sentence; and what this tool itself writes into a report
 *   (text/document.ts with text/sentences.ts: lead, headings, placeholders, the generated sentences — for every
 *   format, zero and non-zero tables and the usual self-names): a sentence with 60% of its letters in that
 *   text's shingles, or 85% in its runs of five letters (our list of 主动公开 categories comes in any order).
 * - A sentence under SHINGLE letters (once stripped) is neither compared nor counted: it is a heading's tail or
 *   「无。」, and it carries no passage.
 * - Shingles: SHINGLE (10) consecutive letters of one sentence, hashed to a 32-bit integer (a rolling
 *   polynomial). Ten Chinese characters are a phrase: the stock phrases every report uses (「政府信息公开工作」,
 *   eight) are shorter, a copied clause is longer.
 *
 * ./similarityNarrative reads a report's paragraphs into the narrative compared; ./similarity compares.
 */
import { getFormat } from "../formats";
import type { FormatDef, FormatId } from "../formats";
import { foldRadicals } from "../common/normalize";
import { squeeze } from "../read/title";
import { emptyTable2, emptyTable3, emptyTable4 } from "../tables/tables";
import type { Num, TableSet } from "../tables/tables";
import { buildDocument } from "../text/document";
import type { DocBlock } from "../text/document";
import { buildSentences } from "../text/sentences";

export const SHINGLE = 10;

/** What a standard sentence is; null for the unit's own narrative. */
export type StandardKind =
  "lead" | "contents" | "period" | "download" | "contact" | "table" | "nothing" | "line" | "ours";

/**
 * The template's sentences, as offices word them (tested against test/corpus/boilerplate.json), matched on the
 * sentence squeezed (NFKC, no whitespace: （，：； are ASCII then).
 */
const STANDARD: [StandardKind, RegExp][] = [
  // 本报告根据… / 本年度报告是根据… / 本报告系根据… / 本报告由某办根据…汇总编制而成
  ["lead", /^(?:本|此|该)(?:年度)?(?:报告|年报).{0,60}?(?:根据|依据|按照|依照)/],
  // 根据《条例》…编制本年度报告 / …结合实际，制定本报告
  ["lead", /(?:根据|依据|按照|依照).{0,200}?(?:编制|编写|撰写|制定|形成)了?(?:本|此)(?:年度)?(?:报告|年报)/],
  // 现公布…年度报告 / 特编制… / 特向社会公布…
  ["lead", /(?:现|特)(?:予以|向社会)?(?:公布|发布|编制)/],
  // 本报告由…六部分组成 / 全文包括… / 内容包括…等6部分 / 本报告共包括六个部分
  [
    "contents",
    /(?:报告|年报|全文|内容)(?:由|共|主要)?(?:包括|包含|分为|涵盖|由).{0,200}?(?:部分|事项|组成|附表)/,
  ],
  // 统计期限为… / 所列数据截止日期为… / 本报告统计数据从2016年1月1日至…
  [
    "period",
    /统计(?:期限|时限|期间|时间|区间|周期)|数据.{0,8}(?:截止|截至|起止)|(?:数据|统计|报告).{0,20}\d{4}年0?1月0?1日起?(?:至|到|[-—~－])|(?:报告|表)中?所列(?:的)?数据|^\d{4}年0?1月0?1日起?(?:至|到|[-—~－])(?:\d{4}年)?12月31日/,
  ],
  // 本报告电子版可在…下载 / 本年度报告的电子版可以在…网站 / 本报告全文在…公布，欢迎查阅
  [
    "download",
    /(?:电子版|本(?:年度)?报告|本年报|(?:报告|年报)全文).{0,80}?(?:下载|查阅|查看|获取|浏览)|电子版.{0,4}可(?:以)?(?:在|从|于)/,
  ],
  // 如对本报告有任何疑问，请与…联系（地址：…；邮编：…）
  [
    "contact",
    /(?:如|若)(?:对|有).{0,12}?(?:疑问|意见|建议|疑义)|(?:地址|邮编|邮政编码|电话|传真|电子邮箱|邮箱|联系人|联系方式)[:：]/,
  ],
  // 六 closed as everyone closes it: 本年度无其他需要报告的事项 / 没有其他需要报告的事项
  [
    "nothing",
    /^(?:本(?:年度|年|机关|局|单位)|今年|我(?:局|委|办))?(?:无|没有|暂无)(?:其他|其它)?需(?:要)?报告的(?:其他|其它)?事项/,
  ],
  // A table's notes and headers, where a page gives them as text.
  ["table", /勾稽关系|本年(?:制发|废止)件数|现行有效件数|本年处理决定数量|本年收费金额/],
];

const SENTENCE_MARK = /[。！？；，,;!?]/;

/** A line, not a sentence: no sentence mark, at most 40 characters (a heading, label, caption, title, 落款). */
export function isLine(text: string): boolean {
  const s = squeeze(text);
  return s.length <= 40 && !SENTENCE_MARK.test(s);
}

/** Chinese numerals, stripped like digits: 「二〇二四年」「共十二件」. */
const NUMERALS = new Set("〇零一二三四五六七八九十百千万亿两");
const LETTER = /\p{L}/u;

/** A character's letters as compared ("" for digits, numerals, punctuation, spaces), and its squeezed length. */
export function letters(c: string): Letters {
  const code = c.length === 1 ? c.charCodeAt(0) : -1;
  let l = code >= 0 ? TABLE[code] : undefined;
  if (!l) {
    let keep = "";
    let norm = "";
    for (const x of foldRadicals(c).normalize("NFKC")) {
      if (/\s/.test(x)) continue;
      norm += x;
      if (LETTER.test(x) && !NUMERALS.has(x)) keep += x.toLowerCase();
    }
    l = { keep, squeezed: norm.length, norm };
    if (code >= 0) TABLE[code] = l;
  }
  return l;
}

export interface Letters {
  keep: string;
  /** The character as squeezed (NFKC, no whitespace: read/title.ts `squeeze`), and its length. */
  norm: string;
  squeezed: number;
}
/** Each character of the Basic Multilingual Plane as met, worked out once. */
const TABLE: (Letters | undefined)[] = new Array<Letters | undefined>(0x10000);

/** A text's letters as compared. */
export function strip(text: string): string {
  let out = "";
  for (const c of text) out += letters(c).keep;
  return out;
}

/** The rolling hash's base (odd) and the base to the power of each window length used. */
const BASE = 0x01000193;
/** Held here: a global looked up in a hot loop is slow where the engine runs in a sandbox (jest's vm context). */
const imul = Math.imul;
const power = (k: number) => {
  let p = 1;
  for (let i = 0; i < k - 1; i++) p = imul(p, BASE);
  return p;
};
const POWERS = new Map<number, number>();

/**
 * Hashes of every k-letter window of a sentence's letters: a polynomial over the code units, mod 2³², rolled
 * from one window to the next (the letter leaving taken out, the one entering added).
 */
export function shingles(codes: string, k = SHINGLE): Int32Array {
  const n = codes.length - k + 1;
  const out = new Int32Array(Math.max(0, n));
  if (n <= 0) return out;
  let top = POWERS.get(k);
  if (top === undefined) POWERS.set(k, (top = power(k)));
  let h = 0;
  for (let j = 0; j < k; j++) h = (imul(h, BASE) + codes.charCodeAt(j)) | 0;
  out[0] = h;
  for (let i = 1; i < n; i++) {
    h = (h - imul(codes.charCodeAt(i - 1), top)) | 0;
    h = (imul(h, BASE) + codes.charCodeAt(i + k - 1)) | 0;
    out[i] = h;
  }
  return out;
}

/** The share of a sentence's letters that lie in k-letter windows of `set`. */
export function coverage(codes: string, set: Set<number>, k = SHINGLE, h = shingles(codes, k)): number {
  let covered = 0;
  let last = 0;
  for (let i = 0; i < h.length; i++) {
    if (!set.has(h[i])) continue;
    covered += i + k - (last > i ? last : i);
    last = i + k;
  }
  return codes.length ? covered / codes.length : 0;
}

/** Self-names our sentences are written with (报告信息's 简称), so that each is known whatever the unit calls itself. */
const SELF_NAMES = [
  ...["本机关", "本局", "本委", "本办", "本单位", "本部门", "我局", "我委", "我办"],
  ...["全市", "全区", "全县", "全镇", "市政府", "区政府", "县政府", "镇政府"],
];

/** Our text's windows of SHINGLE letters and of OURS_K letters. */
let ours: [Set<number>, Set<number>] | null = null;
/** The short window: a list of the 主动公开 categories, in whatever order the counts put them, is ours. */
const OURS_K = 5;

/** Tables of a format with every number `v` (the generated sentences differ for zero and for some). */
function filled(format: FormatDef, v: number): TableSet {
  const fill = (x: Num | Num[]): Num | Num[] => (Array.isArray(x) ? x.map(() => v) : v);
  const t2 = emptyTable2(format);
  return {
    format: format.id,
    year: 2025,
    agency: "",
    t2: t2 && Object.fromEntries(Object.entries(t2).map(([k, x]) => [k, fill(x)])),
    t3: Object.fromEntries(Object.entries(emptyTable3(format)).map(([k, x]) => [k, fill(x) as Num[]])),
    t4: emptyTable4().map(() => v),
    feeYuan: v,
  };
}

function blockTexts(b: DocBlock): string[] {
  if (b.kind === "title" || b.kind === "signature") return b.lines;
  if (b.kind === "table") return b.grid.rows.flatMap((r) => r.map((c) => c.text));
  return [b.text];
}

/** The windows of everything this tool writes into a report (see the opening comment). */
function ourShingles(): [Set<number>, Set<number>] {
  if (ours) return ours;
  const long = new Set<number>();
  const short = new Set<number>();
  // Every 主动公开 category the sentences name (the legacy format's keys are the register's, and two more).
  const keys = [
    ...(getFormat("2008").legacyCategories ?? []).map((c) => c.key),
    "interpretation",
    "otherInfo",
  ];
  const categories = Object.fromEntries(keys.map((k, i) => [k, i + 1]));
  const channels = { 政府网站: 5, 政务新媒体: 4, 政府公报: 3, 公开栏: 2, 新闻发布会: 1 };
  for (const id of ["2021", "2019", "2008"] as FormatId[]) {
    const format = getFormat(id);
    for (const v of [0, 1])
      for (const selfName of SELF_NAMES) {
        const tables = filled(format, v);
        const previous = filled(format, 2);
        const sentences = buildSentences(tables, { selfName, categories, channels, previous });
        const doc = buildDocument({ tables, info: { narratives: {}, selfName }, sentences });
        for (const item of doc.items)
          for (const b of item.kind === "part" ? item.part.blocks : [item])
            for (const text of blockTexts(b))
              for (const s of text.split(/[。！？；;!?\n]/)) {
                const codes = strip(s);
                for (const h of shingles(codes)) long.add(h);
                for (const h of shingles(codes, OURS_K)) short.add(h);
              }
      }
  }
  ours = [long, short];
  return ours;
}

/** Whether a sentence is one this tool writes: 60% of its letters in our 10-letter windows, or 85% in our 5-letter ones. */
export function oursShare(codes: string, hashes = shingles(codes)): [number, number] {
  const [long, short] = ourShingles();
  return [coverage(codes, long, SHINGLE, hashes), coverage(codes, short, OURS_K)];
}

/** Which standard sentence a paragraph's text (a sentence, or a line) is, or null for the unit's own words. */
export function standardKind(text: string): StandardKind | null {
  if (isLine(text)) return "line";
  const codes = strip(text);
  return sentenceKind(squeeze(text), codes, shingles(codes));
}

/**
 * Which standard sentence a sentence inside a paragraph is (the line rule is the paragraph's), from its text
 * squeezed, its letters and their shingles.
 */
export function sentenceKind(squeezed: string, codes: string, hashes: Int32Array): StandardKind | null {
  for (const [kind, re] of STANDARD) if (re.test(squeezed)) return kind;
  if (codes.length < SHINGLE) return null;
  const [long, short] = oursShare(codes, hashes);
  return long >= 0.6 || short >= 0.85 ? "ours" : null;
}
