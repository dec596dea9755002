/**
 * The report as a web page, before it is HTML: the title, headings, paragraphs (runs, some bold), bulleted
 * lists and the tables with their captions — nothing of how Word formats them. Made from our own document model
 * (src/report/text/document.ts: what `report` writes, for a register or a tables JSON); ./docxPage makes it from
 * a .docx people wrote. ./html writes it.
 */
import type { FormatDef } from "../report/formats";
import { reportTitle, tableCaption } from "../report/formats";
import type { TableGrid } from "../report/tables/layout";
import type { DocBlock, ReportDocument } from "../report/text/document";

export interface Run {
  /** The text; "\n" is a line break inside the paragraph. */
  text: string;
  bold?: boolean;
}

export type PageBlock =
  /** The report's title, its lines as printed (the agency may stand on the line above). */
  | { kind: "title"; lines: string[] }
  /** A section's heading (level 2) or a sub-heading (level 3). */
  | { kind: "heading"; level: 2 | 3; text: string }
  | { kind: "paragraph"; runs: Run[]; align?: "center" | "right" }
  /** A bulleted list's items. */
  | { kind: "list"; items: Run[][] }
  /** A table: one of the template's three (its caption its name), or another the report holds (no caption). */
  | { kind: "table"; caption?: string; grid: TableGrid; other?: true };

export interface Page {
  /** The page's title (the report's title on one line). */
  title: string;
  blocks: PageBlock[];
}

/** A table's caption as the template names it: 「表三 收到和处理政府信息公开申请情况」. */
export function captionOf(format: FormatDef, part: TableGrid["part"]): string {
  const def = part === "table2" ? format.t2 : part === "table3" ? format.t3 : format.t4;
  return def ? tableCaption(def) : "";
}

/** The page's title where the report's is not known: the template's, with the agency and year. */
export const defaultTitle = (format: FormatDef, agency: string, year: number): string =>
  reportTitle(format, agency, year);

/** A block of our document on the page; a picture (the 图解) is not — it is published as its own file. */
function pageBlock(b: DocBlock, format: FormatDef): PageBlock[] {
  const one = pageBlockOf(b, format);
  return one ? [one] : [];
}

function pageBlockOf(b: DocBlock, format: FormatDef): PageBlock | null {
  switch (b.kind) {
    case "title":
      return { kind: "title", lines: b.lines };
    case "subtitle":
      return { kind: "paragraph", runs: [{ text: b.text }], align: "center" };
    case "heading":
      return { kind: "heading", level: b.level === 1 ? 2 : 3, text: b.text };
    case "paragraph":
    case "placeholder":
      return { kind: "paragraph", runs: [{ text: b.text }] };
    case "table":
      return { kind: "table", caption: captionOf(format, b.grid.part), grid: b.grid };
    case "signature":
      return { kind: "paragraph", runs: [{ text: b.lines.join("\n") }], align: "right" };
    case "picture":
      return null;
  }
}

/** The page of our own document model: every block in order, the parts' as the others. */
export function pageOfDocument(doc: ReportDocument): Page {
  const blocks = doc.items
    .flatMap((i) => (i.kind === "part" ? i.part.blocks : [i]))
    .flatMap((b) => pageBlock(b, doc.format));
  const title = blocks.find((b) => b.kind === "title");
  return {
    title:
      title?.kind === "title"
        ? title.lines.join("")
        : defaultTitle(doc.format, doc.tables.agency, doc.tables.year),
    blocks,
  };
}

/** Every text of a page, in order (the placeholders 【请填写…】 a page should not go out with are found in it). */
export function pageTexts(page: Page): string[] {
  return page.blocks.flatMap((b) => {
    switch (b.kind) {
      case "title":
        return b.lines;
      case "heading":
        return [b.text];
      case "paragraph":
        return [b.runs.map((r) => r.text).join("")];
      case "list":
        return b.items.map((i) => i.map((r) => r.text).join(""));
      case "table":
        return [b.caption ?? "", ...b.grid.rows.flatMap((r) => r.map((c) => c.text))];
    }
  });
}
