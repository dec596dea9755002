/**
 * The lead paragraph's own claims (test/corpus/basis.json, lead-sections.json):
 * - R7 the basis it cites is current: not 国办公开办函〔2019〕60号 (「关于政府信息公开工作年度报告有关事项的通知」,
 *   which issued the 试行 format), not the format 「（试行）」, not the 2007 条例 (国务院令第492号) — the current
 *   format is 国办公开办函〔2021〕30号's 《中华人民共和国政府信息公开工作年度报告格式》 (a 2019-format report cites
 *   60号 rightly: that format has no R7). And the 条例 and the format named rightly anywhere: a wrong full name
 *   (《中华人民共和国信息公开条例》, 《政府信息公开管理条例》) is a 提示; an abbreviation (《条例》, 《政府信息公开条例》,
 *   《信息公开条例》) and a province's own regulation (《广东省政务公开条例》) are not.
 * - R11 the lead's count or list of the report's parts (「全文包括…等五项内容」「由…六部分组成」「本报告包括总体
 *   情况、…」) agrees with the sections found: the count with their number, the list naming each of them.
 */
import type { FormatDef } from "../formats";
import type { Findings } from "../tables/findings";
import type { ReportLayout } from "./complete";
import { around, fold, partName } from "./remnants";
import { headingLines, meanings } from "./sections";

const CURRENT = "现行的年报格式为《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）";
const LAW = "中华人民共和国政府信息公开条例";
const FORMAT = "中华人民共和国政府信息公开工作年度报告格式";

const OPEN = "[〔\\[(【﹝]";
const CLOSE = "[〕\\])】﹞]";
/** An outdated basis in the lead, and what to say of it (the 60号 by its number or its name is one). */
const STALE: { re: RegExp; key: string; what: string }[] = [
  {
    re: new RegExp(`(?:国办公开办函)?\\s*${OPEN}\\s*2019\\s*${CLOSE}\\s*60\\s*号`, "g"),
    key: "60",
    what: "国办公开办函〔2019〕60号（《关于政府信息公开工作年度报告有关事项的通知》）印发的是试行格式，已由国办公开办函〔2021〕30号修订",
  },
  {
    re: /关于(?:政府信息公开)?工作年度报告有关事项的通知/g,
    key: "60",
    what: "《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）印发的是试行格式，已由国办公开办函〔2021〕30号修订",
  },
  {
    re: /格式\s*[(〔]\s*试行\s*[)〕]|试行(?:版|稿)?(?:的)?(?:年度报告|年报)?格式/g,
    key: "trial",
    what: "年报格式（试行）已由国办公开办函〔2021〕30号修订",
  },
  {
    re: /国务院令\s*(?:第\s*)?492\s*号/g,
    key: "492",
    what: "国务院令第492号是2007年公布的原条例，现行的是2019年修订的《中华人民共和国政府信息公开条例》（国务院令第711号）",
  },
];

/** The 60号 notice's name where another office's own notice bears it: an issuer of a place, or another 文号. */
function notTheNational(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, text.lastIndexOf("《", start) + 1, start - 30), start);
  const doc = new RegExp(
    `^[》〉>\\s]*${OPEN}?\\s*[^〔\\[(（]{0,10}${OPEN}\\s*(\\d{4})\\s*${CLOSE}\\s*(\\d+)\\s*号`,
  ).exec(text.slice(end, end + 30));
  return /[省市县区州盟旗]/.test(before) || (!!doc && !(doc[1] === "2019" && doc[2] === "60"));
}

/** A 条例 of 信息公开 named in 《》〈〉<>, or 中华人民共和国…条例 unbracketed; and the format's 中华人民共和国…格式. */
const LAW_NAME =
  /[《〈<]([^《》〈〉<>]{0,40}?条[例列])[》〉>]|(中华人民共和国[^《》〈〉<>，。；、,;]{0,16}?条[例列])/g;
const FORMAT_NAME = /中华人民共和国[^《》〈〉<>，。；、,;]{0,24}?年度报告格式/g;
/** A regulation of a place (a province's, a city's): not the national 条例. */
const PLACE = /^[^信政]{1,12}?(?:省|自治区|市|县|区|州|盟|旗)/;

/** Whether a name's characters are all the 条例's, in order (an abbreviation: 《条例》《政府信息公开条例》). */
function abbreviates(name: string, full: string): boolean {
  let i = 0;
  for (const ch of full) if (ch === name[i]) i++;
  return i === name.length;
}

/** A wrong name of the 条例, or null: a wrong full name, or a name of words the 条例 does not have. */
function wrongLaw(name: string): boolean {
  const n = name.replace(/\s+/g, "");
  if (n === LAW || !/信息|政务公开/.test(n)) return false;
  if (n.startsWith("中华人民共和国")) return true;
  return !PLACE.test(n) && !abbreviates(n, LAW);
}

/** R7: the lead's basis, and the 条例's and the format's names anywhere in the report. */
export function basisFindings(layout: ReportLayout, paragraphs: string[], out: Findings): void {
  for (const { text: p } of layout.lead) {
    const f = fold(p);
    const hits = STALE.flatMap(({ re, key, what }) =>
      [...f.text.matchAll(re)]
        .map((m) => ({ start: m.index, end: m.index + m[0].length, key, what }))
        .filter((h) => key !== "60" || !h.what.startsWith("《") || !notTheNational(f.text, h.start, h.end)),
    );
    if (!hits.length) continue;
    hits.sort((a, b) => a.start - b.start);
    const keys = [...new Set(hits.map((h) => h.key))];
    const whats = keys.map((k) => (hits.find((h) => h.key === k) as { what: string }).what);
    const [first, last] = [hits[0], hits[hits.length - 1]];
    const span = last.end - first.start <= 80 ? last.end : first.end;
    out.add(
      "R7",
      "text",
      "lead",
      undefined,
      `导语「${around(p, f, first.start, span, 16)}」引用的依据已过时：${whats.join("；")}${keys.some((k) => k !== "492") ? `。${CURRENT}` : ""}`,
    );
  }
  const named = new Set<string>();
  paragraphs.forEach((p, i) => {
    const part = layout.partOf(i);
    if (part === "" || !/条[例列]|报告格式/.test(p)) return;
    const f = fold(p);
    for (const m of f.text.matchAll(LAW_NAME)) {
      const name = (m[1] ?? m[2]).replace(/\s+/g, "");
      if (!wrongLaw(name) || named.has(name)) continue;
      named.add(name);
      out.add(
        "R7",
        "text",
        part,
        undefined,
        `${partName(layout, part)}「${around(p, f, m.index, m.index + m[0].length)}」将条例写作「${name}」：条例的名称为《${LAW}》（可简称《条例》）`,
      );
    }
    for (const m of f.text.matchAll(FORMAT_NAME)) {
      const name = m[0].replace(/\s+/g, "");
      if (name === FORMAT || named.has(name)) continue;
      named.add(name);
      out.add(
        "R7",
        "text",
        part,
        undefined,
        `${partName(layout, part)}「${around(p, f, m.index, m.index + m[0].length)}」将年报格式写作「${name}」：格式的名称为《${FORMAT}》（国办公开办函〔2021〕30号）`,
      );
    }
  });
}

const NUMERALS = "一二三四五六七八九十";
/** The words that say a sentence lists the report's parts, and a count of them after the list. */
const LISTS = /(?:由|包括|包含|包涵|分为|涵盖|含有|内容为|内容有)\s*[:：]?/;
const COUNT = new RegExp(
  `(?<!第)(?:等|共|计|合计)?\\s*([${NUMERALS}]|\\d{1,2})\\s*(?:个|项|大)?\\s*(?:部分|方面|板块|章节|项内容|块内容|项)`,
);
const numberOf = (s: string) => (/^\d+$/.test(s) ? Number(s) : NUMERALS.indexOf(s) + 1);

/** The highest top-level number N whose headings 一 … N all stand after the lead (a report split into seven). */
function numberedParts(layout: ReportLayout, paragraphs: string[]): number {
  const numbers = new Set<number>();
  for (let i = layout.firstHeading; i < paragraphs.length; i++)
    for (const h of headingLines(paragraphs[i], i)) if (h.kind === "start") numbers.add(h.number);
  let n = 0;
  while (numbers.has(n + 1)) n++;
  return n;
}

/** R11: the lead's count or list of the parts, against the sections found. */
export function leadListFindings(
  format: FormatDef,
  layout: ReportLayout,
  paragraphs: string[],
  out: Findings,
): void {
  if (!layout.found.length) return;
  for (const { text: p } of layout.lead) {
    const f = fold(p);
    let offset = 0;
    for (const sentence of f.text.split(/(?<=[。；;!?！？])/)) {
      const from = offset;
      offset += sentence.length;
      const list = LISTS.exec(sentence);
      if (!list || !/报告|年报|全文|本文/.test(sentence.slice(0, list.index + 1))) continue;
      const after = sentence.slice(list.index + list[0].length);
      const count = COUNT.exec(after);
      const items = (count ? after.slice(0, count.index) : after)
        .split(/[、，,；;]|以及|及|和|与/)
        .map((x) => x.trim())
        .filter(Boolean);
      const named = new Set(items.flatMap((x) => meanings(format, x)));
      const isList = named.size >= 3;
      if (!isList && !(count && /部分|组成|板块|章节|项内容/.test(sentence))) continue;
      const said: string[] = [];
      const n = layout.found.length;
      if (count) {
        const stated = numberOf(count[1]);
        if (stated !== n && stated !== numberedParts(layout, paragraphs))
          said.push(`称全文${count[0].replace(/^(?:等|共|计|合计)\s*/, "")}，而正文有${n}个部分`);
      }
      if (isList) {
        const missing = layout.found.filter((s) => !named.has(s.id)).map((s) => `「${s.heading}」`);
        if (missing.length) said.push(`列出的内容中没有${missing.join("、")}`);
      }
      if (!said.length) continue;
      const heads = layout.found.map((s) => s.heading).join("；");
      const end = from + list.index + list[0].length + (count ? count.index + count[0].length : after.length);
      const quoted = around(p, f, from, Math.min(end, from + 120), 0);
      out.add(
        "R11",
        "text",
        "lead",
        undefined,
        `导语「${quoted}」${said.join("，")}（正文的部分为：${heads}）：导语所列的部分应与正文一致`,
      );
    }
  }
}
