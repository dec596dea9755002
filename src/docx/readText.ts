/**
 * A .docx as the report reader sees it: the body's paragraphs outside tables, and every table (nested ones
 * too) as a grid — horizontal merges (w:gridSpan) and vertical ones (w:vMerge) put the text at the merged
 * cell's first position and null at the positions it covers; w:gridBefore leaves the row's first positions empty.
 * A paragraph numbered by Word's lists (./numbering) reads with its number, as people see it.
 */
import type { Grid, ReportDocumentText } from "../report/read/cells";
import type { ListNumbers } from "./numbering";
import { outermost, tableCells, textOf } from "./ooxml";
import type { Range } from "./ooxml";

const inside = (r: Range, outer: Range[]) => outer.some((o) => r.start > o.start && r.end <= o.end);

/** Every w:tbl, outermost and nested, in document order. */
function allTables(xml: string, from = 0, to = xml.length): Range[] {
  const out: Range[] = [];
  for (const t of outermost(xml, "w:tbl", from, to)) {
    out.push(t);
    out.push(...allTables(xml, t.start + 1, t.end - 1));
  }
  return out;
}

function gridOf(xml: string, table: Range): Grid {
  const trs = outermost(xml, "w:tr", table.start + 1, table.end);
  return tableCells(xml, table).map((cells, r) => {
    const row: (string | null)[] = [];
    const before = /<w:gridBefore\b[^>]*?w:val="(\d+)"/.exec(
      xml.slice(trs[r]?.start ?? 0, cells[0]?.start ?? trs[r]?.start ?? 0),
    );
    for (let i = 0; i < Number(before?.[1] ?? 0); i++) row.push("");
    for (const cell of cells) {
      const pr = /^<w:tc\b[^>]*>\s*<w:tcPr>([\s\S]*?)<\/w:tcPr>/.exec(xml.slice(cell.start, cell.end));
      const span = Number(/<w:gridSpan\b[^>]*?w:val="(\d+)"/.exec(pr?.[1] ?? "")?.[1] ?? 1);
      row.push(cell.continued ? null : cell.text);
      for (let i = 1; i < span; i++) row.push(null);
    }
    return row;
  });
}

/** The paragraphs and tables of document.xml; a paragraph Word's list numbering numbers begins with its number. */
export function documentText(xml: string, lists?: ListNumbers): ReportDocumentText {
  const tables = allTables(xml);
  const top = outermost(xml, "w:tbl");
  // Every paragraph counts in its list, those inside tables too; the body's are kept.
  const numbered = outermost(xml, "w:p").map((p) => {
    const text = xml.slice(p.start, p.end);
    const pPr = lists?.any ? (/^<w:p\b[^>]*>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(text)?.[1] ?? "") : "";
    return { p, label: pPr ? lists?.label(pPr) : "" };
  });
  const paragraphs = numbered
    .filter(({ p }) => !inside(p, top))
    .map(({ p, label }) => `${label ?? ""}${textOf(xml.slice(p.start, p.end)).trim()}`.trim())
    .filter(Boolean);
  return { paragraphs, tables: tables.map((t) => gridOf(xml, t)) };
}
