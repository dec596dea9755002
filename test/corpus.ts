/**
 * The variant corpus (test/corpus/*.json: how offices write headings, titles, the 统计期限, table labels, ledger
 * headers and values, file names; see test/corpus/README.md), and whole reports made with variants in them — as
 * the reader's document (paragraphs and grids) and as a portal's web page, which LibreOffice turns into the .docx
 * and PDF forms. Every other part of such a report is the template's, so what the reader makes of it is what it
 * makes of the variants.
 */
import { readFileSync } from "fs";
import path from "path";
import { getFormat } from "../src/report/formats";
import type { ReportDocumentText } from "../src/report/read/cells";
import type { ReportDocument } from "../src/report/text/document";
import { table2Grid, table3Grid, table4Grid } from "../src/report/tables/layout";
import type { TableGrid } from "../src/report/tables/layout";
import type { TableSet } from "../src/report/tables/tables";
import { asDocument, esc, tableHtml } from "./reports";

export interface CorpusVariant<M = unknown> {
  text: string;
  meaning: M;
  seen: string;
  [field: string]: unknown;
}

/** One family's variants. */
export function corpus<M = unknown>(family: string): CorpusVariant<M>[] {
  const file = path.join(__dirname, "corpus", `${family}.json`);
  return (JSON.parse(readFileSync(file, "utf8")) as { variants: CorpusVariant<M>[] }).variants;
}

export type SectionId = "s1" | "s2" | "s3" | "s4" | "s5" | "s6";
export const SECTION_IDS: SectionId[] = ["s1", "s2", "s3", "s4", "s5", "s6"];

/** The parts of a report a test replaces; the rest is the template's. */
export interface ReportParts {
  /** The title, a line each (the agency may stand on its own line). */
  title?: string[];
  /** The lead's sentence on the 统计期限. */
  lead?: string;
  /** A section's heading as written. */
  headings?: Partial<Record<SectionId, string>>;
  /** A section's heading left out (its place taken by nothing). */
  without?: SectionId[];
  /** A section's own text in place of BODY's. */
  body?: Partial<Record<SectionId, string>>;
  /** Paragraphs written inside a section, after its own text. */
  inside?: Partial<Record<SectionId, string[]>>;
  /** A table's printed label replaced: template label → as printed. */
  labels?: Map<string, string>;
}

export const TEMPLATE_HEADINGS: Record<SectionId, string> = Object.fromEntries(
  getFormat("2021").sections.map((s) => [s.id, s.heading]),
) as Record<SectionId, string>;

/** Each section's own text: plain sentences, no number a check reads. */
const BODY: Record<SectionId, string> = {
  // A correct report's 一 covers the five aspects the format asks (R12), and a 人民政府's 考核、评议、追究 (R13).
  s1: "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，从主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障五个方面持续推进政务公开工作，将政务公开纳入工作考核，开展社会评议，落实责任追究。",
  s2: "主动公开情况见下表。",
  s3: "依申请公开情况见下表。",
  s4: "行政复议、行政诉讼情况见下表。",
  s5: "部分栏目更新不够及时。下一步将加强审核，按时更新。",
  s6: "本年度未收取信息处理费。",
};

/** The report's paragraphs, in order; a table is marked by its part where it stands. */
function blocks(t: TableSet, parts: ReportParts): (string | "t2" | "t3" | "t4")[] {
  const out: (string | "t2" | "t3" | "t4")[] = [];
  out.push(...(parts.title ?? [`${t.agency}${t.year}年政府信息公开工作年度报告`]));
  out.push(
    "根据《中华人民共和国政府信息公开条例》规定，编制本报告。",
    parts.lead ?? `本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`,
  );
  for (const id of SECTION_IDS) {
    if (!parts.without?.includes(id)) out.push(parts.headings?.[id] ?? TEMPLATE_HEADINGS[id]);
    out.push(parts.body?.[id] ?? BODY[id], ...(parts.inside?.[id] ?? []));
    if (id === "s2" && t.t2) out.push("t2");
    if (id === "s3") out.push("t3");
    if (id === "s4") out.push("t4");
  }
  return out;
}

function grids(t: TableSet, parts: ReportParts): Record<"t2" | "t3" | "t4", TableGrid | null> {
  const format = getFormat(t.format);
  const relabel = (g: TableGrid | null): TableGrid | null =>
    g && {
      ...g,
      rows: g.rows.map((row) =>
        row.map((c) =>
          c && parts.labels?.has(c.text) ? { ...c, text: parts.labels.get(c.text) as string } : c,
        ),
      ),
    };
  return {
    t2: relabel(table2Grid(t, format)),
    t3: relabel(table3Grid(t, format)),
    t4: relabel(table4Grid(t, format)),
  };
}

/** The report as the reader's document: its paragraphs (line breaks inside kept) and its tables. */
export function reportDocument(t: TableSet, parts: ReportParts = {}): ReportDocumentText {
  const g = grids(t, parts);
  const items = blocks(t, parts);
  return {
    paragraphs: items.filter((b) => b !== "t2" && b !== "t3" && b !== "t4"),
    tables: items.flatMap((b) => {
      const grid = b === "t2" || b === "t3" || b === "t4" ? g[b] : null;
      return grid ? [asDocument(grid)] : [];
    }),
  };
}

/** The report as a portal's web page: a <p> per paragraph, a line break inside one as <br>; its charset declared. */
export function reportPage(t: TableSet, parts: ReportParts = {}, charset = "utf-8"): string {
  const g = grids(t, parts);
  const body = blocks(t, parts).map((b) => {
    if (b === "t2" || b === "t3" || b === "t4") {
      const grid = g[b];
      return grid ? tableHtml(grid, {}, b) : "";
    }
    return `<p>${esc(b).replace(/\n/g, "<br>")}</p>`;
  });
  return [
    `<!DOCTYPE html><html><head><meta charset="${charset}"><title>政府信息公开年报</title>`,
    `<style>td{border:1px solid #000}</style></head><body>`,
    ...body,
    `</body></html>`,
  ].join("\n");
}

/** A generated report's paragraphs as a reader gets them: title and signature lines, each block's text, no tables. */
export function documentParagraphs(doc: ReportDocument): string[] {
  return doc.items.flatMap((item) =>
    (item.kind === "part" ? item.part.blocks : [item]).flatMap((b) =>
      b.kind === "table" ? [] : b.kind === "title" || b.kind === "signature" ? b.lines : [b.text],
    ),
  );
}
