/**
 * R10 (with R9's blanks): what a template or a draft leaves in a report that was published unfinished
 * (test/corpus/remnants.json) — placeholders XX, ××, xxx, a lone X before a count (X条, X月X日, x镇), a year
 * 202X / 20XX / 201x, prompts in 【】 (ours, 【请填写：…】 and 【请在「报告信息」中填写…】, and any 【…】 asking to
 * fill something in), bracketed placeholders （单位名称） （联系电话） （请填写…）, 「此处填写」「请填写：」, blanks
 * （ ）条 and ____, and an empty 「电话：」「地址：」「邮编：」 (nothing after the colon but spaces, a mark, or the next
 * label). Read on the text with widths unified (Ｘ, ：, （）), x/X/×/╳ alike and spaces between. Not a remnant: an X
 * inside a Latin word or an address (www.xx.gov.cn, xxgk@…, an English abbreviation), 〔〕号 in a portal's 文号
 * field, a 【】 that asks nothing (【打印】【关闭】), a label whose value is on the next line. Each finding quotes
 * the remnant with the words around it and says where it is.
 */
import type { Findings } from "../tables/findings";
import type { ReportLayout } from "./complete";

/** A paragraph with widths unified (NFKC), and where each of its characters was printed. */
export interface Folded {
  text: string;
  /** The printed index of text[i]; at(text.length): the printed length. */
  at(i: number): number;
}

export function fold(p: string): Folded {
  const whole = p.normalize("NFKC");
  // Widths unified one for one (the usual case): each character stays where it was printed.
  if (whole.length === p.length) return { text: whole, at: (i) => i };
  let text = "";
  const at: number[] = [];
  let i = 0;
  for (const ch of p) {
    const f = ch.normalize("NFKC");
    for (let k = 0; k < f.length; k++) at.push(i);
    text += f;
    i += ch.length;
  }
  at.push(p.length);
  return { text, at: (k) => at[k] };
}

/** The printed words of folded text[start, end) with up to `n` printed characters each side (… where cut). */
export function around(p: string, f: Folded, start: number, end: number, n = 12): string {
  const [a, b] = [f.at(start), f.at(end)];
  const from = Math.max(0, a - n);
  const to = Math.min(p.length, b + n);
  return `${from > 0 ? "…" : ""}${p.slice(from, to).replace(/\s+/g, " ").trim()}${to < p.length ? "…" : ""}`;
}

/**
 * Addresses, where letters and x are no placeholder: web addresses, e-mail, host names. Masked before reading.
 * Each alternative starts only where a run of its characters starts (the lookbehinds): tried inside a long run
 * it would go back over the whole run at every letter (10 000 letters: 0.4 s).
 */
const ADDRESS =
  /(?:https?:\/\/|www\.)[^\s，。；、）)（(<>"'【】]+|(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)+|(?<![A-Za-z0-9-])[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+){1,}(?:\/[^\s，。；、）)]*)?/g;

const X = "[Xx×╳✕✖]";
/** What a count, a date or a place name follows: a placeholder X before it stands for the number or the name. */
const UNIT =
  "(?:条|件|个|次|人|名|期|篇|项|份|家|处|场|天|万元|元|年|月|日|号|镇|乡|村|县|市|区|局|委|办|街道|社区)";
const LABEL =
  "(?:(?:联系|咨询|办公)?电 *话|传 *真|(?:通讯|联系|办公|详细)?地 *址|邮 *编|邮政编码|(?:电子)?邮 *箱|电子信箱|网 *址|联系人)";

type Kind = "占位符" | "未填的年份" | "填写提示" | "空白" | "空项";

const KINDS: { kind: Kind; re: RegExp; keep?: (m: string) => boolean }[] = [
  { kind: "未填的年份", re: new RegExp(`(?<![0-9A-Za-z])(?:19|20)(?:\\d${X}|${X}{2})(?![0-9A-Za-z])`, "g") },
  { kind: "占位符", re: new RegExp(`(?<![0-9A-Za-z])${X}(?:[ \\t]*${X})+(?![A-Za-z])`, "g") },
  { kind: "占位符", re: new RegExp(`(?<![0-9A-Za-z])${X}(?= *${UNIT})`, "g") },
  {
    kind: "填写提示",
    re: /【[^【】]{0,80}】/g,
    keep: (m) => /^【\s*】$/.test(m) || /填写|填入|输入|此处|待定|待补|待填|请在|名称|[Xx×]{2}/.test(m),
  },
  {
    kind: "占位符",
    re: /[([]\s*(?:请?(?:填写|填入|输入)[^)\]]{0,20}|(?:本)?单位名称|(?:本)?机关名称|单位全称|机关全称|部门名称|年份|日期|姓名|联系人|联系电话|电话号码|联系地址|详细地址|地址|邮编|邮政编码|网址|电子邮箱)\s*[)\]]/g,
  },
  {
    kind: "填写提示",
    re: /此处(?:填写|输入|填入|添加)|在此(?:填写|输入|填入)|请(?:在此)?(?:填写|输入|填入)(?=\s*:)/g,
  },
  { kind: "空白", re: /\(\s*\)(?= *(?:条|件|个|次|人|名|期|篇|项|份|家|处|万元|元))|_{3,}/g },
  { kind: "空项", re: new RegExp(`${LABEL} *: *(?=[;,。)、]|${LABEL} *:)`, "g") },
];
/** A label at the paragraph's end: empty only where the next paragraph is no value (absent, or another label). */
const LABEL_AT_END = new RegExp(`${LABEL} *: *$`);
const LABEL_AT_START = new RegExp(`^\\s*${LABEL} *[:：]`);
/** A next paragraph that is a label's value on its own line: a number, an address, a web or mail address. */
const VALUE = /^[\s(（]*[\d+０-９]|^\s*[A-Za-z]|^[^。；;]{0,40}(?:路|街|号|楼|室|大道|大厦|广场|院)/;

/** What a paragraph must hold to hold any remnant (read before folding it, which costs more). */
const MAYBE =
  /[XxＸｘ×╳✕✖Ⅹⅹ【［[_＿]|此处|在此|请(?:在此)?(?:填|输)|[（(][^）)]{0,12}[）)]|[电传地邮网信][\s\u3000]*[话真址编箱]|邮政编码|联系人/;

const ADVICE: Record<Kind, string> = {
  占位符: "填写实际的名称或数字",
  未填的年份: "写明实际年份",
  填写提示: "填写实际内容并删去提示",
  空白: "填写实际数字",
  空项: "填写该项或删去",
};

interface Hit {
  start: number;
  end: number;
  kind: Kind;
}

/** The remnants in one paragraph (folded, addresses masked), in order, overlaps dropped. */
function remnants(f: Folded, next: string | undefined): Hit[] {
  const text = f.text.replace(ADDRESS, (m) => "\u0000".repeat(m.length));
  const hits: Hit[] = [];
  for (const { kind, re, keep } of KINDS)
    for (const m of text.matchAll(re))
      if (!keep || keep(m[0])) hits.push({ start: m.index, end: m.index + m[0].length, kind });
  const end = LABEL_AT_END.exec(text);
  if (end && !(next !== undefined && VALUE.test(next) && !LABEL_AT_START.test(next)))
    hits.push({ start: end.index, end: end.index + end[0].length, kind: "空项" });
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  return hits.filter((h, i) => !hits.slice(0, i).some((o) => o.start <= h.start && h.start < o.end));
}

/** Where a part is, in a finding's words. */
export function partName(layout: ReportLayout, part: string): string {
  if (part === "title") return "标题";
  if (part === "lead") return "导语";
  const s = layout.found.find((f) => f.id === part);
  return s ? `「${s.heading}」部分` : "正文";
}

const MAX_PARAGRAPHS = 10;

/** R10: every paragraph from the title on (a page's own header above it is the portal's, not the report's). */
export function remnantFindings(layout: ReportLayout, paragraphs: string[], out: Findings): void {
  let shown = 0;
  let more = 0;
  let moreAt = "";
  for (let i = Math.max(0, layout.titleAt - 1); i < paragraphs.length; i++) {
    const part = layout.partOf(i);
    if (part === "") continue;
    const p = paragraphs[i];
    if (!MAYBE.test(p)) continue;
    const f = fold(p);
    const hits = remnants(f, paragraphs[i + 1]);
    if (!hits.length) continue;
    if (shown >= MAX_PARAGRAPHS) {
      if (!more) moreAt = part;
      more++;
      continue;
    }
    shown++;
    const [first, last] = [hits[0], hits[hits.length - 1]];
    const quote = around(p, f, first.start, last.end - first.start <= 60 ? last.end : first.end);
    const printed = (h: Hit) => p.slice(f.at(h.start), f.at(h.end)).trim();
    const kinds = [...new Set(hits.map((h) => h.kind))].map((k) => {
      const texts = [...new Set(hits.filter((h) => h.kind === k).map(printed))];
      return `${texts
        .slice(0, 3)
        .map((t) => `「${t}」`)
        .join("")}${texts.length > 3 ? "等" : ""}（${k}）`;
    });
    const advice = [...new Set(hits.map((h) => ADVICE[h.kind]))].join("，");
    // A remnant that is the whole paragraph is quoted once.
    const alone = hits.length === 1 && printed(first) === p.trim();
    out.add(
      "R10",
      "text",
      part,
      undefined,
      `${partName(layout, part)}${alone ? "" : `「${quote}」中`}留有模板残留${kinds.join("、")}：发布的报告应${advice}`,
    );
  }
  if (more)
    out.add(
      "R10",
      "text",
      moreAt,
      undefined,
      `另有${more}段文字也留有模板残留（占位符、填写提示或空项），自${partName(layout, moreAt)}起，应逐一填写或删去`,
    );
}
