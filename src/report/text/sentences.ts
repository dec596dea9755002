/**
 * The standard sentences with numbers (domain.md §5), generated from the tables: 依申请公开 receipts and
 * replies, the outcome breakdown, 复议/诉讼, 主动公开, 信息处理费; and the legacy format's sentences like the
 * seed's. Every sentence is a whole sentence ending in "。", with no punctuation faults such as "，；".
 */
import type { FormatDef } from "../formats";
import { getFormat, T3_TOTAL_COLUMN, T4_GROUP_WIDTH, T4_TOTAL_RESULT } from "../formats";
import { n0 } from "../tables/tables";
import type { Num, TableSet } from "../tables/tables";
import { stripNumbering } from "../common/normalize";
import { INFO_CATEGORY_LABELS } from "../register/vocab";

interface SentenceContext {
  /** How the agency calls itself: 本机关, 本局, 全市. */
  selfName?: string;
  /** Items published in the year by category (主动公开信息登记), when the register has them. */
  categories?: Record<string, number>;
  /** Items published by channel. */
  channels?: Record<string, number>;
  /** Last year's tables, for "较上年增长/下降X%". */
  previous?: TableSet;
}

/** Generated sentences by part id (e.g. "s3.requests"); a part with nothing to say is absent. */
export type Sentences = Record<string, string>;

const TOTAL = T3_TOTAL_COLUMN;

/** A number as Chinese reports print it: integers plain, amounts with at most two decimals. */
function num(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

/** part / whole as a percentage with two decimals, rounded half up in exact integer arithmetic. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return "0.00";
  const q = Math.floor((part * 20000 + whole) / (2 * whole)); // hundredths of a percent
  return `${Math.floor(q / 100)}.${String(q % 100).padStart(2, "0")}`;
}

/**
 * How a number compares with last year's, as published reports word it: "较上年增长12.5%" (one decimal,
 * rounded half up in exact integer arithmetic), "较上年下降…", "与上年持平", "与上年基本持平" (a change
 * under 0.05%), "上年为0件" when there is no base. Empty when last year is unknown.
 */
export function comparison(now: number, last: Num | undefined): string {
  if (last === null || last === undefined) return "";
  if (now === last) return "与上年持平";
  if (last === 0) return "上年为0件";
  const diff = Math.abs(now - last);
  const q = Math.floor((diff * 2000 + last) / (2 * last)); // tenths of a percent
  if (q === 0) return "与上年基本持平";
  return `较上年${now > last ? "增长" : "下降"}${Math.floor(q / 10)}.${q % 10}%`;
}

/** "（一）予以公开" → "予以公开"; "（二）部分公开（区分处理的…）" → "部分公开". */
function shortLabel(format: FormatDef, key: string): string {
  const label = format.t3.rows.find((r) => r.key === key)?.label ?? key;
  return stripNumbering(label).replace(/\(.*$/, "");
}

/** Sum of the 总计 column over a result group (or the one row of an item). */
function groupTotal(t3: TableSet["t3"], format: FormatDef, key: string): number {
  const members = format.t3.rows.filter((r) => r.key === key || r.group === key);
  return members.filter((r) => r.kind !== "group").reduce((s, r) => s + n0(t3[r.key]?.[TOTAL]), 0);
}

/** The top-level result items: （一）…（六）, each with its total. */
function resultItems(format: FormatDef, t3: TableSet["t3"]): { label: string; value: number }[] {
  return format.t3.rows
    .filter((r) => r.inResults && !r.group && r.kind !== "total")
    .map((r) => ({ label: shortLabel(format, r.key), value: groupTotal(t3, format, r.key) }));
}

function requestsSentence(t: TableSet, self: string, legacy: boolean, previous?: TableSet): string {
  const at = (k: string) => n0(t.t3[k]?.[TOTAL]);
  const [nw, carry, total, fwd] = [at("new"), at("carry"), at("total"), at("fwd")];
  if (nw === 0 && carry === 0)
    return legacy
      ? `${t.year}年${self}未发生受理、答复依申请公开政府信息情况。`
      : `${t.year}年，${self}未收到政府信息公开申请。`;
  const notes: string[] = [];
  if (carry > 0) notes.push(`含上年度结转申请${carry}件`);
  if (fwd > 0) notes.push(`另有${fwd}件顺延到下年度答复`);
  const paren = notes.length ? `（${notes.join("，")}）` : "";
  const vs = comparison(nw, previous?.t3?.new?.[TOTAL]);
  return `${t.year}年，${self}共受理政府信息公开申请${nw}件${vs ? `，${vs}` : ""}，答复${total}件${paren}。`;
}

function outcomesSentence(t: TableSet, format: FormatDef): string | undefined {
  const total = n0(t.t3.total?.[TOTAL]);
  if (total === 0) return undefined;
  const items = resultItems(format, t.t3);
  const parts = items.map((i) => `${i.label}${i.value}件`).join("，");
  const [grant, partial] = items;
  const open = grant.value + partial.value;
  return `在答复的${total}件申请中，${parts}；${grant.label}及${partial.label}${open}件，占${percent(open, total)}%。`;
}

function caseClause(label: string, values: number[], format: FormatDef, verb: string): string {
  const total = values[4];
  if (total === 0) return `未发生政府信息公开${label}`;
  const parts = format.t4.results
    .slice(0, 4)
    .map((r, i) => `${r.label}${values[i]}件`)
    .join("，");
  return `${verb}政府信息公开${label}${total}件，其中${parts}`;
}

function casesSentence(t: TableSet, format: FormatDef, self: string): string {
  const v = t.t4.map(n0);
  const G = T4_GROUP_WIDTH;
  const review = v.slice(0, G);
  const litigation = v.slice(G, 2 * G).map((x, i) => x + v[2 * G + i]);
  const { review: r, litigationLabel } = format.t4;
  if (review[T4_TOTAL_RESULT] === 0 && litigation[T4_TOTAL_RESULT] === 0)
    return `${t.year}年，${self}未发生政府信息公开${r.label}、${litigationLabel}案件。`;
  const first = caseClause(r.label, review, format, "共发生");
  const second = caseClause(litigationLabel, litigation, format, review[T4_TOTAL_RESULT] === 0 ? "发生" : "");
  return `${t.year}年，${self}${first}；${second}。`;
}

function feeSentence(t: TableSet, self: string): string | undefined {
  if (t.feeYuan === null || t.feeYuan === undefined) return undefined;
  const head = `${t.year}年，${self}严格落实《政府信息公开信息处理费管理办法》`;
  return t.feeYuan > 0
    ? `${head}，全年收取政府信息公开信息处理费${num(t.feeYuan)}元。`
    : `${head}，全年未收取政府信息公开信息处理费。`;
}

/** 表二 (2021) in words: 规章 and 规范性文件 made, repealed and in force; decisions; fees. */
function activeTableSentence(t: TableSet, format: FormatDef, self: string): string | undefined {
  const def = format.t2;
  if (!def || !t.t2 || format.id !== "2021") return undefined;
  const clauses: string[] = [];
  for (const row of def.blocks[0].rows) {
    const v = t.t2[row.key];
    if (!Array.isArray(v) || v.some((x) => x === null)) continue;
    const [issued, repealed, inForce] = v as number[];
    if (issued === 0 && repealed === 0 && inForce === 0) continue;
    clauses.push(`制发${row.label}${issued}件，废止${repealed}件，现行有效${inForce}件`);
  }
  const decisions = def.blocks
    .slice(1, 3)
    .flatMap((b) => b.rows)
    .map((row) => ({ label: row.label, value: t.t2?.[row.key] as Num }))
    .filter((d) => typeof d.value === "number");
  if (decisions.length)
    clauses.push(`作出${decisions.map((d) => `${d.label}决定${num(d.value as number)}件`).join("、")}`);
  const feeRow = def.blocks[3]?.rows[0];
  const fee = feeRow ? t.t2[feeRow.key] : null;
  if (typeof fee === "number" && feeRow) clauses.push(`收取${feeRow.label}${num(fee)}万元`);
  if (!clauses.length) return undefined;
  return `${t.year}年，${self}${clauses.join("；")}。`;
}

const byCountDesc = (counts: Record<string, number>) =>
  Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));

function publishedSentence(t: TableSet, self: string, ctx: SentenceContext): string | undefined {
  const cats = byCountDesc(ctx.categories ?? {});
  if (!cats.length) return undefined;
  const total = cats.reduce((s, [, n]) => s + n, 0);
  const channels = byCountDesc(ctx.channels ?? {}).map(([c]) => c);
  const via = channels.length ? `通过${channels.join("、")}${channels.length > 1 ? "等渠道" : ""}` : "";
  const parts = cats.map(([k, n]) => `${INFO_CATEGORY_LABELS[k] ?? k}${n}条`).join("，");
  return `${t.year}年，${self}${via}主动公开政府信息${total}条，其中${parts}。`;
}

/** The seed's sentence: "主动公开政府信息3条。其中：规范性文件0条，…；重点领域信息公开3条；…年度报告1条。" */
function legacyChannelsSentence(t: TableSet, format: FormatDef, ctx: SentenceContext): string | undefined {
  const cats = format.legacyCategories;
  if (!cats || !t.t2) return undefined;
  const count = (k: string) => n0(t.t2?.[k] as Num);
  const total = cats.reduce((s, c) => s + count(c.key), 0);
  const name = (c: (typeof cats)[number]) =>
    (c.sentenceLabel ?? c.label).replace("{prevYear}", String(t.year - 1));
  const first = cats.filter((c) => c.firstClause).map((c) => `${name(c)}${count(c.key)}条`);
  const rest = cats.filter((c) => !c.firstClause).map((c) => `${name(c)}${count(c.key)}条`);
  const clauses = [first.join("，"), ...rest].filter(Boolean).join("；");
  const channels = byCountDesc(ctx.channels ?? {}).map(([c]) => c);
  const via = channels.length ? channels.join("、") : "政府信息公开统一平台";
  return `${t.year}年，通过${via}主动公开政府信息${total}条。其中：${clauses}。`;
}

function legacyDenialsSentence(t: TableSet, format: FormatDef, self: string): string {
  const denied = groupTotal(t.t3, format, "deny");
  return denied === 0
    ? `${t.year}年${self}未发生依申请公开不予公开政府信息备案情况。`
    : `${t.year}年，${self}对依申请公开的${denied}件申请作出不予公开答复。`;
}

function legacyFeeSentence(t: TableSet, self: string): string | undefined {
  if (t.feeYuan === null || t.feeYuan === undefined) return undefined;
  return t.feeYuan > 0
    ? `${t.year}年，${self}收取政府信息公开信息处理费${num(t.feeYuan)}元。`
    : `${t.year}年，${self}未发生政府信息公开的收费及减免。`;
}

function legacyCasesSentence(t: TableSet, self: string): string {
  const v = t.t4.map(n0);
  const review = v[4];
  const litigation = v[9] + v[14];
  const a = review
    ? `收到有关政府信息公开事务的行政复议申请${review}件`
    : "未收到有关政府信息公开事务的行政复议申请";
  const b = litigation
    ? `发生因政府信息公开提起的行政诉讼${litigation}件`
    : "没有发生因政府信息公开提起行政诉讼";
  return `${t.year}年，${self}${a}，${b}。`;
}

/** All generated sentences of a table set, by part id. */
export function buildSentences(t: TableSet, ctx: SentenceContext = {}): Sentences {
  const format = getFormat(t.format);
  const self = ctx.selfName?.trim() || "本机关";
  const out: Sentences = {};
  const put = (id: string, s: string | undefined) => {
    if (s) out[id] = s;
  };
  if (format.id === "2008") {
    put("s3.channels", legacyChannelsSentence(t, format, ctx));
    put("s4.requests", requestsSentence(t, self, true, ctx.previous));
    put("s4.denials", legacyDenialsSentence(t, format, self));
    put("s5.fees", legacyFeeSentence(t, self));
    put("s6.cases", legacyCasesSentence(t, self));
    return out;
  }
  put("s2.active", activeTableSentence(t, format, self));
  put("s2.published", publishedSentence(t, self, ctx));
  put("s3.requests", requestsSentence(t, self, false, ctx.previous));
  put("s3.outcomes", outcomesSentence(t, format));
  put("s4.cases", casesSentence(t, format, self));
  put("s6.fees", feeSentence(t, self));
  return out;
}
