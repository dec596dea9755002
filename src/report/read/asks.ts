/**
 * The 2025 asks of 总体情况's counts (武威 武政办发〔2025〕54号 一; off unless the office turns them on): R15 主动公开
 * gives the number published through each channel — 政府网站, 政务新媒体, 政府公报, 公示栏 — and the numbers of 政策
 * 解读 and 回应关切; R17 平台建设 gives the numbers of 政府信息公开平台 set up, 政务公开专区 opened and 政府公报 issues.
 * A count is a number with its unit (条/篇/期/个/次/件/处…, 「260余条」「4.5万条」「12期」) near a word of the item, in
 * the same sentence (test/corpus/aspects.json); a sentence saying the unit has none (「未开设政务新媒体」「本机关不负责
 * 政府信息公开平台建设」) has answered. One finding of each rule names every item not given.
 */
import type { RuleId } from "../formats";
import type { Findings } from "../tables/findings";

export interface CountItem {
  /** As a finding names it. */
  name: string;
  /** Words of the item (any). */
  words: string[];
  /** The units its count may carry. */
  units: string;
}

const UNITS = "条|篇|期|个|次|件|处|份|场|项|家";
const PLACES = "个|处|家|套";

/** R15: the channels of 主动公开, and 政策解读 and 回应关切. */
export const CHANNELS: CountItem[] = [
  { name: "政府网站", words: ["网站"], units: UNITS },
  {
    name: "政务新媒体",
    words: [
      "新媒体",
      "公众号",
      "公众平台",
      "微信",
      "微博",
      "视频号",
      "抖音",
      "头条号",
      "客户端",
      "APP",
      "App",
      "app",
    ],
    units: UNITS,
  },
  { name: "政府公报", words: ["公报"], units: UNITS },
  {
    name: "公示栏",
    words: ["公示栏", "公开栏", "公告栏", "宣传栏", "公示牌", "信息栏", "显示屏", "电子屏"],
    units: UNITS,
  },
  { name: "政策解读", words: ["解读"], units: UNITS },
  // 「回应」, not 「关切」: 「聚焦群众关切」 opens many a sentence whose count is of something else.
  { name: "回应关切", words: ["回应"], units: UNITS },
];

/** R17: the platforms, 专区 and 公报 issues (a 公报's count here is of issues: 期). */
export const PLATFORM_COUNTS: CountItem[] = [
  { name: "政府信息公开平台", words: ["公开平台", "公开专栏"], units: PLACES },
  { name: "政务公开专区", words: ["专区"], units: PLACES },
  { name: "政府公报", words: ["公报"], units: "期" },
];

/** A count: figures or Chinese numerals, 万/千, 余/多, and the unit. */
const count = (units: string) =>
  new RegExp(`(?:\\d[\\d,]*(?:\\.\\d+)?|[一二三四五六七八九十两百千]+)(?:万|千)?(?:余|多)?(?:${units})`);
/** The unit has none: 未开设, 无, 没有, 不涉及, 不负责 — said of the item in its sentence. */
const NONE = /未|无|没有|不涉及|不负责|不适用/;
/** How far from the item's word its count may stand: after it (「政务新媒体共发布政府信息44845条」), before it. */
const AFTER = 30;
const BEFORE = 12;

/** Two items named as a list (「门户网站、公告栏等」): one count after them is of both. */
const LISTED = /^[、和及与][^，,。；;]{0,4}$/;

/**
 * Whether a sentence gives the item's count (or says it has none). The count read is the item's own: the words
 * after it up to another item's (「回应关切，发布政策解读材料33篇」: 33篇 is 解读's), unless the two are listed
 * together; the words before it from the last other item's.
 */
function given(item: CountItem, sentence: string, others: string[]): boolean {
  const re = count(item.units);
  const other = (text: string) =>
    others.flatMap((o) =>
      [...text.matchAll(new RegExp(o, "g"))].map((m) => ({ at: m.index, end: m.index + o.length })),
    );
  for (const w of item.words)
    for (let at = sentence.indexOf(w); at >= 0; at = sentence.indexOf(w, at + 1)) {
      let after = sentence.slice(at + w.length, at + w.length + AFTER);
      const cut = other(after)
        .sort((a, b) => a.at - b.at)
        .find((o) => !LISTED.test(after.slice(0, o.at)));
      if (cut) after = after.slice(0, cut.at);
      let before = sentence.slice(Math.max(0, at - BEFORE), at);
      const lastOther = other(before).sort((a, b) => b.end - a.end)[0];
      if (lastOther) before = before.slice(lastOther.end);
      if (re.test(after) || re.test(before)) return true;
      if (NONE.test(sentence.slice(Math.max(0, at - BEFORE), at + w.length + 15))) return true;
    }
  return false;
}

/** The items of a list no sentence of the text gives. */
export function notGiven(items: CountItem[], paragraphs: string[]): CountItem[] {
  const sentences = paragraphs.flatMap((p) => p.split(/(?<=[。；;！!？?])/));
  return items.filter((item) => {
    const others = items
      .filter((i) => i !== item)
      .flatMap((i) => i.words.filter((w) => !item.words.includes(w)));
    return !sentences.some((s) => given(item, s, others));
  });
}

/** R15 and R17 over 一's paragraphs, where the office turned them on. */
export function countFindings(out: Findings, rules: Set<RuleId>, where: string, paragraphs: string[]): void {
  const list = (items: CountItem[]) => items.map((i) => `「${i.name}」`).join("");
  if (rules.has("R15")) {
    const gone = notGiven(CHANNELS, paragraphs);
    if (gone.length)
      out.add(
        "R15",
        "text",
        "s1",
        undefined,
        `${where}中没有写明${list(gone)}的数量：主动公开应写明通过政府网站、政务新媒体、政府公报、公示栏等发布的信息数量，以及政策解读、回应关切的数量（没有的写明“无”）`,
      );
  }
  if (rules.has("R17")) {
    const gone = notGiven(PLATFORM_COUNTS, paragraphs);
    if (gone.length)
      out.add(
        "R17",
        "text",
        "s1",
        undefined,
        `${where}中没有写明${list(gone)}的数量：平台建设应写明政府信息公开平台设立数量、政务公开专区开设数量、政府公报发刊期数（没有的写明“无”）`,
      );
  }
}
