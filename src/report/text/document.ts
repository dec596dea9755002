/**
 * Room text/ of the engine — the report's words: the standard sentences (sentences.ts), this document model
 * (document.ts), 报告信息 (info.ts), which parts of a document are stale (linking.ts), and the labels every surface
 * shows for the engine's keys (labels.ts). Imports formats/, common/, tables/ and register/.
 *
 * The report as a document model: title, lead paragraph, the sections and sub-headings of the format, the
 * tables, the generated sentences, placeholders 【请填写：…】 for the text people write (or their text from
 * 报告信息), signature and date. Generated content sits in parts, each of which the writers put in a content
 * control tagged `ogi:<part id>`; everything else belongs to the people who edit the report.
 * Host-independent: the .docx writer and the panes render from it.
 */
import { formatDaysChinese, daysFromCivil } from "../common/dates";
import { getFormat, reportTitle, tableCaption } from "../formats";
import type { FormatDef } from "../formats";
import type { ReportInfo } from "./info";
import { table2Grid, table3Grid, table4Grid } from "../tables/layout";
import type { TableGrid } from "../tables/layout";
import type { Sentences } from "./sentences";
import type { TableSet } from "../tables/tables";

export type DocBlock =
  | { kind: "title"; lines: string[] }
  | { kind: "subtitle"; text: string }
  | { kind: "heading"; level: 1 | 2; text: string }
  /** A body paragraph: generated inside parts, people's own text outside. */
  | { kind: "paragraph"; text: string }
  | { kind: "placeholder"; text: string }
  | { kind: "table"; grid: TableGrid }
  | { kind: "signature"; lines: string[] }
  | PictureBlock;

/**
 * A picture (the 图解), on a page of its own. `text` says what it shows — the description a screen reader
 * reads, and what tells whether the picture is stale (a picture has no text to compare). `image` is the PNG,
 * drawn outside the engine (the command line's rasteriser, a pane's canvas) just before the part is written.
 */
export interface PictureBlock {
  kind: "picture";
  alt: string;
  text: string;
  image?: PictureImage;
}

export interface PictureImage {
  png: Uint8Array;
  /** Its size in pixels. */
  width: number;
  height: number;
}

export interface DocPart {
  /** The part id; its content control is tagged `ogi:<id>`. */
  id: string;
  /** A readable Chinese name for the control. */
  alias: string;
  blocks: DocBlock[];
  /** A part a report may do without (the 图解): not in the document, it is 未插入 rather than 缺失. */
  optional?: boolean;
}

export type DocItem = { kind: "part"; part: DocPart } | DocBlock;

export interface ReportDocument {
  format: FormatDef;
  tables: TableSet;
  items: DocItem[];
}

export const TAG_PREFIX = "ogi:";

const placeholder = (what: string) => `【请填写：${what}】`;

/** Everything the document needs besides the tables. */
interface DocumentInput {
  tables: TableSet;
  info: ReportInfo;
  sentences: Sentences;
}

class Builder {
  readonly items: DocItem[] = [];
  part(id: string, alias: string, ...blocks: DocBlock[]): void {
    if (blocks.length) this.items.push({ kind: "part", part: { id, alias, blocks } });
  }
  sentence(id: string, alias: string, text: string | undefined): void {
    if (text) this.part(id, alias, { kind: "paragraph", text });
  }
  heading(level: 1 | 2, text: string): void {
    this.items.push({ kind: "heading", level, text });
  }
  /** People's own text from 报告信息, or a placeholder saying what to write. */
  own(text: string | undefined, what: string): void {
    if (text && text.trim())
      for (const p of text.split(/\r?\n/).filter((s) => s.trim()))
        this.items.push({ kind: "paragraph", text: p.trim() });
    else this.items.push({ kind: "placeholder", text: placeholder(what) });
  }
}

const filled = (value: string | undefined, what: string) =>
  value?.trim() || `【请在「报告信息」中填写${what}】`;

function signature(input: DocumentInput): DocBlock {
  const { info, tables } = input;
  const date =
    info.date ??
    `【请在「报告信息」中填写成文日期，如${formatDaysChinese(daysFromCivil(tables.year + 1, 1, 20))}】`;
  return { kind: "signature", lines: [filled(tables.agency, "机关名称"), date] };
}

function build2021(input: DocumentInput, format: FormatDef): DocItem[] {
  const { tables: t, info, sentences: s } = input;
  const b = new Builder();
  const n = info.narratives;
  const agency = filled(t.agency, "机关名称");
  b.part("title", "报告标题", { kind: "title", lines: [agency, reportTitle(format, "", t.year)] });
  const contact = [
    `地址：${filled(info.address, "联系地址")}`,
    `邮编：${filled(info.postcode, "邮政编码")}`,
    `电话：${filled(info.phone, "联系电话")}`,
    `电子邮箱：${filled(info.email, "电子邮箱")}`,
  ].join("；");
  const formatName = format.id === "2021" ? "国办公开办函〔2021〕30号" : "国办公开办函〔2019〕60号";
  b.part("lead", "导语", {
    kind: "paragraph",
    text:
      `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《中华人民共和国政府信息公开工作年度报告格式》（${formatName}）要求编制。` +
      `本报告所列数据的统计期限为${t.year}年1月1日至${t.year}年12月31日。` +
      `本报告电子版可在${filled(info.website, "发布网址")}查阅或下载。` +
      `如对本报告有疑问，请与${agency}联系（${contact}）。`,
  });
  const [s1, s2, s3, s4, s5, s6] = format.sections;
  b.heading(1, s1.heading);
  const subs = Object.fromEntries(s1.subheadings.map((x) => [x.id, x.heading]));
  b.heading(2, subs["s1.active"]);
  b.sentence("s1.active", "主动公开数量（自动生成）", s["s2.published"]);
  b.own(n["总体情况-主动公开"], "主动公开工作情况");
  b.heading(2, subs["s1.request"]);
  b.sentence("s1.requests", "依申请公开数量（自动生成）", s["s3.requests"]);
  b.own(n["总体情况-依申请公开"], "依申请公开工作情况");
  b.heading(2, subs["s1.management"]);
  b.own(n["总体情况-政府信息管理"], "政府信息管理工作情况");
  b.heading(2, subs["s1.platform"]);
  b.own(n["总体情况-政府信息公开平台建设"], "政府信息公开平台建设情况");
  b.heading(2, subs["s1.supervision"]);
  b.own(n["总体情况-监督保障"], "监督保障工作情况（政府还应报告工作考核、社会评议和责任追究结果）");

  b.heading(1, s2.heading);
  b.sentence("s2.active", "主动公开情况（自动生成）", s["s2.active"]);
  const g2 = table2Grid(t, format);
  if (g2 && format.t2) b.part("table2", tableCaption(format.t2), { kind: "table", grid: g2 });

  b.heading(1, s3.heading);
  b.sentence("s3.outcomes", "办理结果（自动生成）", s["s3.outcomes"]);
  b.part("table3", tableCaption(format.t3), { kind: "table", grid: table3Grid(t, format) });

  b.heading(1, s4.heading);
  b.sentence("s4.cases", "行政复议、行政诉讼（自动生成）", s["s4.cases"]);
  b.part("table4", tableCaption(format.t4), { kind: "table", grid: table4Grid(t, format) });

  b.heading(1, s5.heading);
  b.own(n["存在的主要问题"], "存在的主要问题");
  b.own(n["改进措施"], "改进情况和下一步措施");

  b.heading(1, s6.heading);
  b.sentence("s6.fees", "信息处理费（自动生成）", s["s6.fees"]);
  b.own(n["其他需要报告的事项"], "其他需要报告的事项（如无，可写“无”）");
  b.part("signature", "落款", signature(input));
  return b.items;
}

function buildLegacy(input: DocumentInput, format: FormatDef): DocItem[] {
  const { tables: t, info, sentences: s } = input;
  const b = new Builder();
  const n = info.narratives;
  const agency = filled(t.agency, "机关名称");
  const title: DocBlock[] = [{ kind: "title", lines: [reportTitle(format, agency, t.year)] }];
  if (info.date) title.push({ kind: "subtitle", text: `（${info.date}）` });
  b.part("title", "报告标题", ...title);
  const sections = format.sections;
  const names = sections.map((x) => x.heading.replace(/^[一二三四五六七八九十]+、/, "")).join("、");
  const contact = [info.phone ? `电话：${info.phone}` : "", info.email ? `电子邮箱：${info.email}` : ""]
    .filter(Boolean)
    .join("，");
  b.part("lead", "导语", {
    kind: "paragraph",
    text:
      `根据《中华人民共和国政府信息公开条例》有关规定，现公布${agency}${t.year}年政府信息公开工作年度报告。` +
      `本报告由${names}等${["", "一", "二", "三", "四", "五", "六", "七", "八", "九"][sections.length] ?? sections.length}部分组成。` +
      `本报告所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。` +
      `如对本年度报告有疑问，请联系：${agency}${contact ? `，${contact}` : ""}。`,
  });
  const own: Record<string, [string, string]> = {
    "s1.staff": ["机构和人员", "政府信息公开工作机构和人员设置情况"],
    "s1.rules": ["工作制度", "政府信息公开工作制度建设情况"],
    "s1.catalogue": ["公开目录和指南", "公开目录、公开指南的编制和更新情况"],
    "s1.carriers": ["公开载体", "公开载体的建设和运行情况"],
    "s3.clarify": ["澄清虚假信息", "及时澄清虚假、不完整信息的情况"],
    "s3.website": ["网站更新", "政府网站内容更新情况"],
    "s4.reception": ["接待场所", "接待场所建设、完善、维护及运行情况"],
    "s7.problems": ["存在的主要问题", "存在的主要问题"],
    "s7.improvements": ["改进措施", "改进措施"],
  };
  const generated: Record<string, [string, string]> = {
    "s3.channels": ["s3.channels", "主动公开数量（自动生成）"],
    "s4.requests": ["s4.requests", "受理和答复（自动生成）"],
    "s4.denials": ["s4.denials", "不予公开（自动生成）"],
    s5: ["s5.fees", "收费及减免（自动生成）"],
    s6: ["s6.cases", "行政复议、行政诉讼（自动生成）"],
  };
  for (const section of sections) {
    b.heading(1, section.heading);
    const fill = (id: string) => {
      const gen = generated[id];
      if (gen) b.sentence(gen[0], gen[1], s[gen[0]]);
      else if (own[id]) b.own(n[own[id][0]], own[id][1]);
    };
    if (section.subheadings.length === 0) {
      if (section.id === "s2") b.own(n["围绕上级工作推进"], "围绕上级工作推进政府信息公开的情况");
      else fill(section.id);
    }
    for (const sub of section.subheadings) {
      b.heading(2, sub.heading);
      fill(sub.id);
    }
  }
  b.part("signature", "落款", signature(input));
  return b.items;
}

export function buildDocument(input: DocumentInput): ReportDocument {
  const format = getFormat(input.tables.format);
  const items = format.id === "2008" ? buildLegacy(input, format) : build2021(input, format);
  return { format, tables: input.tables, items };
}

/** The document with a part added at its end (after the signature: the 图解). */
export function withPart(doc: ReportDocument, part: DocPart): ReportDocument {
  return { ...doc, items: [...doc.items, { kind: "part", part }] };
}

export function documentParts(doc: ReportDocument): DocPart[] {
  return doc.items.flatMap((i) => (i.kind === "part" ? [i.part] : []));
}

/** The plain text of a part, paragraph by paragraph (table cells joined by tabs, rows by newlines). */
export function partText(part: DocPart): string {
  return part.blocks
    .map((b) => {
      switch (b.kind) {
        case "title":
        case "signature":
          return b.lines.join("\n");
        case "table":
          return b.grid.rows.map((r) => r.map((c) => c.text).join("\t")).join("\n");
        case "picture":
          return b.text;
        default:
          return b.text;
      }
    })
    .join("\n");
}

/** Hashes of every part's text, for telling later which parts are stale. */
export function partHashes(doc: ReportDocument): Record<string, string> {
  return Object.fromEntries(documentParts(doc).map((p) => [p.id, hashText(partText(p))]));
}

/** A short stable hash (two 32-bit FNV-1a variants, hex) of a string. */
export function hashText(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x9747b28c;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, "0") + ((b ^ (b >>> 15)) >>> 0).toString(16).padStart(8, "0");
}
