/**
 * X4 (review rule R16, extending X3): the numbers a report's text states against its 表二 — 规章 and 行政规范性文件
 * 制发 (发布/出台/印发/制定), 废止 and 现行有效; 行政许可, 行政处罚 and 行政强制 decisions; 行政事业性收费 (the table in
 * 万元, the text in 万元, 元 or 亿元) — in the phrasings published reports use (test/corpus/table2-sentences.json), our
 * own sentences among them. A sentence's scope is read, not ignored: a number after 「其中」「含」 is a part; a body
 * other than the report's (「市政府办公室」 in a government's report, 「全市」 in a department's), another year, another
 * category (政策性文件, 党内规范性文件, 事项, 案件, 减免) or another act (清理, 备案, 审核, 修改, 累计) is not compared;
 * nor is a number that names 规章 and 规范性文件 together, or an approximate one (「20余件」). Each finding quotes the
 * sentence and gives both numbers, as X3 does.
 */
import { TABLE_TITLES } from "../formats";
import type { FormatDef } from "../formats";
import { Findings } from "../tables/findings";
import type { Finding } from "../tables/findings";
import type { TableSet } from "../tables/tables";
import { isGovernmentReport } from "./aspects";

/**
 * A number with its unit as the text states it: figures, 万/亿 before a count's unit, 余/多 (approximate). Tried
 * only where a run of figures starts (the lookbehind): tried inside a long run it would go back over the whole
 * run at every figure (10 000 figures: 0.5 s).
 */
const AMOUNT =
  /(?<![\d,.])(\d[\d,]*(?:\.\d+)?)(万(?!元)|亿(?!元))?(余|多)?(亿元|万元|元|件|个|份|部|条|项|宗|起)(?![\u4e00-\u9fff]{0,2}(?:以上|左右))/g;

type Kind = "document" | "decision" | "fee";

interface Category {
  row: string;
  kind: Kind;
  /** Where its name stands in a sentence. */
  re: RegExp;
}

/** 表二's rows as the text names them (党内规范性文件 and 规章制度 are not them). */
const CATEGORIES: Category[] = [
  { row: "rules", kind: "document", re: /(?<!部门)规章(?!制度)/g },
  { row: "normative", kind: "document", re: /(?<!党内(?:的)?)(?:行政)?规范性文件/g },
  { row: "licensing", kind: "decision", re: /行政许可/g },
  { row: "penalty", kind: "decision", re: /行政处罚/g },
  { row: "coercion", kind: "decision", re: /行政强制/g },
  { row: "feesWanYuan", kind: "fee", re: /行政事业性收费/g },
];

const byRow = (row: string) => CATEGORIES.find((c) => c.row === row) as Category;

/** What the sentence says was done with the documents: 表二's three columns, or another act (not compared). */
const ACTS: { column: string | null; re: RegExp }[] = [
  { column: "issued", re: /制发|发布|出台|印发|制定/g },
  { column: "repealed", re: /废止|废除/g },
  { column: "inForce", re: /现行有效/g },
  {
    column: null,
    re: /修改|修订|清理|备案|审查|审核|起草|报送|报备|解读|征求意见|失效|继续有效|评估|累计|历年|公开|宣传|转发/g,
  },
];

/**
 * Words between a row's (or act's) name and its number that keep the number the row's: 的, 共, 为, 数量, 件数,
 * 决定, 处理决定, 金额 … (「作出行政处罚决定12件」「现行有效的规范性文件共86件」「收费金额为3.5万元」).
 */
const JOIN: Record<Kind, RegExp> = {
  document: /^(?:的|了|共|共计|计|合计|总计|为|是|有|达|数量|件数|数|本年|本年度|:|：)*$/,
  decision: /^(?:的|共|共计|合计|总计|为|是|达|处理|决定|决定书|数量|件数|数|:|：)*$/,
  fee: /^(?:的|共|共计|合计|总计|为|是|达|金额|收入|总额|总金额|数|:|：)*$/,
};
/** What a number's segment may hold besides names, acts and joining words, for the row and act to carry over to
 * it (「制发行政规范性文件3件，废止1件」「规章0件、行政规范性文件3件」). */
const CONNECT = /^(?:[，,、和及与并另]|以及|同时|本年度?|全年|年内|共)*$/;

/** Another category, act or kind of number in the words before a number: not 表二's. */
const OTHER: Record<Kind, RegExp> = {
  document: /政策性文件|其他文件|政府文件|同比|较上年|增长|增加|减少|下降/,
  decision:
    /事项|清单|目录|案件|立案|听证|信息|公示|申请|受理|收到|复议|诉讼|许可证|权力|措施|执法|裁量|撤销|注销|核查|涉及|同比|较上年|增长|减少|下降/,
  fee: /减免|免收|免征|减征|停征|取消|降低|减少|项目|清单|目录|标准|涉企|减轻|节约|信息处理费|同比|较上年|增长|下降/,
};

/** A part of a number before it, another year's, or figures given together (「分别为」): not compared. */
const PART = /其中|含|包括|包含|分别|上年|去年|上一年|此前|近年/;
/** A clean-up of the documents in force (「清理…继续有效20件，废止4件」): its counts are not the year's. */
const CLEANUP = /清理|梳理|继续有效/;

/** Scope words: the report's own body, its region, another body. */
const SELF =
  /本机关|本单位|本部门|我局|本局|我委|本委|我办|本办|我院|本院|我中心|本中心|我厅|本厅|我署|本署|我会|本会/;
const REGION =
  /全省|全市|全州|全盟|全区|全县|全旗|全镇|全乡|我省|我市|我州|我区|我县|我旗|我镇|本镇|我乡|本乡|各县|各区|各地|各级|各乡镇|各部门|全系统|市直|县直|区直/;
const BODY =
  /办公室|办公厅|政府办|人民政府|市政府|县政府|区政府|省政府|镇政府|乡政府|名义|下属|直属|所属|二级单位|部门|司法局|街道/;

/** Whether the words before a number speak of the table's scope (none named, or the report's own). */
function inScope(before: string, agency: string, government: boolean): boolean {
  let s = agency ? before.split(agency).join("") : before;
  const self = SELF.test(s);
  const region = REGION.test(s);
  s = s.replace(new RegExp(SELF.source, "g"), "").replace(new RegExp(REGION.source, "g"), "");
  if (BODY.test(s)) return false;
  // A government's table is its region's (全市…); a department's is its own (本机关…).
  return government ? !self : !region;
}

const NUMBER = (s: string) => Number(s.replace(/,/g, ""));
const decimals = (s: string) => s.split(".")[1]?.length ?? 0;
const quote = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);
const YEAR = /((?:19|20)\d{2})年/g;

/** The names in a text, each with where it ends. */
function names(text: string): { category: Category; end: number }[] {
  return CATEGORIES.flatMap((category) =>
    [...text.matchAll(category.re)].map((m) => ({ category, end: m.index + m[0].length })),
  ).sort((a, b) => a.end - b.end);
}
function acts(text: string): { column: string | null; end: number }[] {
  return ACTS.flatMap((a) =>
    [...text.matchAll(a.re)].map((m) => ({ column: a.column, end: m.index + m[0].length })),
  ).sort((a, b) => a.end - b.end);
}

/** 表二's cell for a row and column, and how it is labelled (the format's labels): null where it has none. */
function cell(t: TableSet, format: FormatDef, row: string, column: string | null) {
  const block = format.t2?.blocks.find((b) => b.rows.some((r) => r.key === row));
  if (!block || !t.t2) return null;
  const r = block.rows.find((x) => x.key === row);
  const i =
    column === null
      ? block.columns.length === 1
        ? 0
        : -1
      : block.columns.findIndex((c) => c.key === column);
  const v = t.t2[row];
  const value = Array.isArray(v) ? v[i] : block.columns.length === 1 ? v : undefined;
  if (i < 0 || !r || typeof value !== "number") return null;
  const col = block.columns[i];
  return { value, row: r.label, column: col.label, columnKey: col.key };
}

interface Said {
  row: string;
  column: string | null;
  kind: Kind;
  /** In the table's unit: 件, or 万元. */
  value: number;
  /** How far the text's number may be from the table's and still say the same (its printed precision). */
  step: number;
  written: string;
}

/** What a number is of: its row, and for documents its column (an act's); null where the words do not settle it. */
function reading(
  segment: string,
  after: string,
  carry: { category: Category; column: string | null } | null,
): { category: Category; column: string | null } | null {
  // The names and acts of the number's own clause (「2025年，本机关未制发规章，制发行政规范性文件2件」).
  const cut = Math.max(segment.lastIndexOf("，"), segment.lastIndexOf(",")) + 1;
  const [head, clause] = [segment.slice(0, cut), segment.slice(cut)];
  const named = names(clause);
  const act = acts(clause).pop();
  // Two rows of a kind named for one number (「规章和规范性文件3件」) are not split by guessing.
  if (new Set(named.map((n) => n.category.row)).size > 1) return null;
  const name = named.pop();
  const last = Math.max(name?.end ?? -1, act?.end ?? -1);
  if (name) {
    if (!JOIN[name.category.kind].test(clause.slice(last))) return null;
    // 「废止规章1件、规范性文件5件」: the act carries over to the next row named.
    const bare = CONNECT.test(segment.slice(0, cut + name.end - nameLength(clause, name.end)));
    return { category: name.category, column: act ? act.column : carry && bare ? carry.column : null };
  }
  if (act) {
    // 「印发3件行政规范性文件」: the row right after the number.
    const next = ROW_NEXT.exec(after);
    if (next && JOIN.document.test(clause.slice(act.end)))
      return { category: byRow(next[1] ? "normative" : "rules"), column: act.column };
    // 「制发行政规范性文件3件，废止1件」: the row carries over to the next act.
    const before = clause.slice(0, act.end).replace(ACT_WORDS, "");
    if (carry && CONNECT.test(head + before) && JOIN[carry.category.kind].test(clause.slice(act.end)))
      return { category: carry.category, column: act.column };
    return null;
  }
  return carry && CONNECT.test(segment) ? carry : null;
}

/** The act words, removed to see what else stands before an act. */
const ACT_WORDS = /制发|发布|出台|印发|制定|废止|废除|现行有效/g;
/** The row named right after a number (「3件行政规范性文件」): 规章, or (group 1) 规范性文件. */
const ROW_NEXT = /^的?(?:规章(?!制度)|((?:行政)?规范性文件))/;
/** The length of the row's name ending at `end`. */
function nameLength(segment: string, end: number): number {
  const m = CATEGORIES.map((c) => [...segment.slice(0, end).matchAll(c.re)].pop()).find(
    (x) => x && x.index + x[0].length === end,
  );
  return m ? m[0].length : 0;
}

/** The claims of one sentence: each number with the row and column it is of, where the words settle them. */
function claims(
  s: string,
  year: number,
  agency: string,
  government: boolean,
  /** The sentence's clauses before this one (up to 「；」): their subject, body and year hold here too. */
  context = "",
): Said[] {
  const out: Said[] = [];
  let carry: { category: Category; column: string | null } | null = null;
  let from = 0;
  for (const m of s.matchAll(AMOUNT)) {
    const [all, figures, scale, approx, unit] = m;
    const segment = s.slice(from, m.index);
    const before = s.slice(0, m.index);
    from = m.index + all.length;
    const read = reading(segment, s.slice(from), carry);
    carry = read;
    if (!read) continue;
    const kind = read.category.kind;
    if (kind === "fee" ? !/元$/.test(unit) : /元$/.test(unit)) continue;
    if (kind === "document" && read.column === null) continue;
    if (approx || PART.test(before) || OTHER[kind].test(segment)) continue;
    if (kind === "document" && CLEANUP.test(before)) continue;
    if ([...(context + before).matchAll(YEAR)].some((y) => Number(y[1]) !== year)) continue;
    if (!inScope(context + before, agency, government)) continue;
    const factor =
      kind === "fee"
        ? ({ 元: 1e-4, 万元: 1, 亿元: 1e4 }[unit] ?? 1)
        : scale === "万"
          ? 1e4
          : scale === "亿"
            ? 1e8
            : 1;
    out.push({
      row: read.category.row,
      column: kind === "document" ? read.column : null,
      kind,
      value: NUMBER(figures) * factor,
      step: 10 ** -decimals(figures) * factor,
      written: figures + (scale ?? "") + unit,
    });
  }
  // 「未制定规范性文件」「未废止规章」: none, said in words.
  for (const m of s.matchAll(NONE_MADE)) {
    const before = s.slice(0, m.index);
    const category = CATEGORIES.find((c) => c.kind === "document" && new RegExp(c.re.source).test(m[2]));
    if (!category || PART.test(before) || CLEANUP.test(before)) continue;
    if ([...(context + before).matchAll(YEAR)].some((y) => Number(y[1]) !== year)) continue;
    if (!inScope(context + before, agency, government)) continue;
    const column = /废/.test(m[1]) ? "repealed" : "issued";
    out.push({ row: category.row, column, kind: "document", value: 0, step: 1, written: `0（「${m[0]}」）` });
  }
  const none = NO_FEE.exec(s);
  if (none && !/\d/.test(s.slice(none.index))) {
    const before = s.slice(0, none.index);
    const elsewhere = [...(context + before).matchAll(YEAR)].some((y) => Number(y[1]) !== year);
    if (!PART.test(before) && !elsewhere && inScope(context + before, agency, government))
      out.push({
        row: "feesWanYuan",
        column: null,
        kind: "fee",
        value: 0,
        step: 1e-9,
        written: `0（「${none[0]}」）`,
      });
  }
  return out;
}

/** None made or repealed, in words: 未 and an act, then the row (「未制定规范性文件」「没有出台规章」). */
const NONE_MADE =
  /(?:未|没有|无)(制定|制发|出台|印发|发布|废止|废除)(?:任何|新的)?((?<!党内)(?:行政)?规范性文件|规章(?!制度))/g;

/**
 * Whether the text's number and the table's are the same, each to its printed precision, rounded or cut: the
 * table's value within the text's last digit (「44.7万件」 for 447228, 「9.6亿元」 for 96171.6万元), or the text's
 * within the table's (「3940元」 for 0.39万元).
 */
function same(said: number, step: number, table: number): boolean {
  const tableStep = 10 ** -decimals(String(table));
  const within = (a: number, b: number, s: number) => a >= b - s / 2 - 1e-9 && a < b + s - 1e-9;
  return within(table, said, step) || within(said, table, tableStep);
}

/** 「未收取行政事业性收费」: none, said in words. */
const NO_FEE = /(?:未|没有|无)(?:收取|征收|产生)?(?:任何)?行政事业性收费(?!项目|标准|清单|目录|减免)/;

/** The sentences of the text whose numbers disagree with 表二 (X4). */
export function checkTable2Text(paragraphs: string[], t: TableSet, format: FormatDef): Finding[] {
  const out = new Findings(new Set(format.rules), format);
  if (!format.t2 || !t.t2) return [];
  const government = isGovernmentReport(t.agency ?? "");
  const agency = (t.agency ?? "").normalize("NFKC").replace(/\s+/g, "");
  const name = TABLE_TITLES.t2.name;
  for (const paragraph of paragraphs) {
    let context = "";
    for (const sentence of paragraph.split(/(?<=[。；;！!？?])/)) {
      const s = sentence.normalize("NFKC").replace(/\s+/g, "");
      const stated = claims(s, t.year, agency, government, context);
      context = /[。！!？?]$/.test(s) ? "" : context + s;
      for (const said of stated) {
        const c = cell(t, format, said.row, said.column);
        if (!c || same(said.value, said.step, c.value)) continue;
        const label =
          said.kind === "document"
            ? `${c.column.replace(/件数$/, "")}${c.row}`
            : said.kind === "decision"
              ? `${c.row}处理决定`
              : `${c.row}金额`;
        const inWan =
          said.kind === "fee" && /(?<!万)元$/.test(said.written)
            ? `（合${Math.round(said.value * 1e6) / 1e6}万元）`
            : "";
        out.add(
          "X4",
          "t2",
          said.row,
          c.columnKey,
          `正文「${quote(sentence.trim())}」中${label}为${said.written}${inWan}，而${name}「${c.row}」的「${c.column}」为${c.value}`,
        );
      }
    }
  }
  return out.list;
}
