/**
 * A .docx's body as blocks, for writing it out again without Word's formatting (the web page, src/publish): each
 * paragraph outside tables with its runs (their text, and whether Word's B button made them bold), the number
 * Word's list numbering shows before it (./numbering) or whether it is a bulleted item; each top-level table by
 * its place among the tables ./readText gives (nested ones after it). The paragraphs' texts are readText's, one
 * for one, so what the report reader found in them (title, sections, tables) points at these blocks.
 */
import type { ReportDocumentText } from "../report/read/cells";
import { refuseOutOfBounds } from "./bounds";
import { ListNumbers } from "./numbering";
import { outermost, tableCells, textOf } from "./ooxml";
import type { Range } from "./ooxml";
import { documentText } from "./readText";
import { readZip, xmlText } from "./zip";

export interface RichRun {
  text: string;
  bold?: boolean;
}

export type RichBlock =
  | {
      kind: "paragraph";
      /** Its index among the text's paragraphs (readText's). */
      at: number;
      /** The number Word's list numbering shows before it ("" for none). */
      label: string;
      /** An item of a bulleted list. */
      bullet: boolean;
      /** Its runs, trimmed at both ends as readText trims the paragraph. */
      runs: RichRun[];
    }
  | {
      kind: "table";
      /** Its index among the text's tables, and those of the tables nested in it. */
      tables: number[];
      /** Its rows of cells (a nested table's text is its cell's). */
      rows: RichCell[][];
    };

/** A cell of a top-level table as Word merges it: covered positions are absent, as in a TableGrid. */
export interface RichCell {
  text: string;
  colSpan: number;
  rowSpan: number;
}

export interface RichDocument {
  blocks: RichBlock[];
  /** The document as the report reader sees it (./readText). */
  text: ReportDocumentText;
}

const OFF = /^(0|false|off)$/i;

/** Whether a run's own properties make it bold (w:b, not switched off). */
function isBold(run: string): boolean {
  const rPr = /^<w:r\b[^>]*>\s*<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1];
  const b = rPr && /<w:b(?=[\s/>])([^>]*)>/.exec(rPr);
  if (!b) return false;
  const val = /w:val="([^"]*)"/.exec(b[1])?.[1];
  return val === undefined || !OFF.test(val);
}

/** A paragraph's runs (in hyperlinks, fields and controls too), neighbours of the same weight joined. */
function runsOf(p: string): RichRun[] {
  const runs: RichRun[] = [];
  for (const r of outermost(p, "w:r")) {
    const xml = p.slice(r.start, r.end);
    const text = textOf(xml).replace(/\t/g, " ");
    if (!text) continue;
    const bold = isBold(xml);
    const last = runs[runs.length - 1];
    if (last && !!last.bold === bold) last.text += text;
    else runs.push(bold ? { text, bold } : { text });
  }
  return trimRuns(runs);
}

/** Runs without the whitespace at the paragraph's ends (indents typed as spaces are formatting). */
function trimRuns(runs: RichRun[]): RichRun[] {
  const out = runs.map((r) => ({ ...r }));
  while (out.length && !(out[0].text = out[0].text.trimStart())) out.shift();
  while (out.length && !(out[out.length - 1].text = out[out.length - 1].text.trimEnd())) out.pop();
  return out;
}

const gridVal = (xml: string, name: string) =>
  Number(new RegExp(`<w:${name}\\b[^>]*?w:val="(\\d+)"`).exec(xml)?.[1] ?? 0);

/** A table's rows: horizontal merges (w:gridSpan) as column spans, vertical ones (w:vMerge) as row spans. */
function cellsOf(xml: string, table: Range): RichCell[][] {
  const trs = outermost(xml, "w:tr", table.start + 1, table.end);
  // The cell each grid column's vertical merge continues.
  const open = new Map<number, RichCell>();
  return tableCells(xml, table).map((cells, r) => {
    const row: RichCell[] = [];
    const before = gridVal(
      xml.slice(trs[r]?.start ?? 0, cells[0]?.start ?? trs[r]?.start ?? 0),
      "gridBefore",
    );
    if (before) row.push({ text: "", colSpan: before, rowSpan: 1 });
    let col = before;
    for (const cell of cells) {
      const pr =
        /^<w:tc\b[^>]*>\s*<w:tcPr>([\s\S]*?)<\/w:tcPr>/.exec(xml.slice(cell.start, cell.end))?.[1] ?? "";
      const span = Math.max(1, gridVal(pr, "gridSpan"));
      const above = cell.continued ? open.get(col) : undefined;
      if (above) above.rowSpan++;
      else {
        const c = { text: cell.text.replace(/\t/g, " "), colSpan: span, rowSpan: 1 };
        row.push(c);
        open.set(col, c);
      }
      col += span;
    }
    return row;
  });
}

const inside = (r: Range, outer: Range[]) => outer.some((o) => r.start > o.start && r.end <= o.end);

/** The blocks of document.xml (with numbering.xml and styles.xml for its lists). */
export function richDocumentXml(xml: string, numberingXml?: string, stylesXml?: string): RichDocument {
  const text = documentText(xml, new ListNumbers(numberingXml, stylesXml));
  const lists = new ListNumbers(numberingXml, stylesXml);
  const top = outermost(xml, "w:tbl");
  // Every table, outermost then its nested ones, in document order: readText's numbering of tables.
  const order: Range[] = [];
  const all = (from: number, to: number) => {
    for (const t of outermost(xml, "w:tbl", from, to)) {
      order.push(t);
      all(t.start + 1, t.end - 1);
    }
  };
  all(0, xml.length);
  const items: { start: number; block: RichBlock }[] = top.map((t) => ({
    start: t.start,
    block: {
      kind: "table",
      tables: order.flatMap((o, i) => (o.start >= t.start && o.end <= t.end ? [i] : [])),
      rows: cellsOf(xml, t),
    },
  }));
  let at = 0;
  // Every paragraph counts in its list (those inside tables too, as readText counts them); the body's are kept.
  for (const p of outermost(xml, "w:p")) {
    const para = xml.slice(p.start, p.end);
    const pPr = lists.any ? (/^<w:p\b[^>]*>\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(para)?.[1] ?? "") : "";
    const label = pPr ? lists.label(pPr) : "";
    if (inside(p, top)) continue;
    if (!`${label}${textOf(para).trim()}`.trim()) continue;
    const bullet = !!pPr && lists.formatOf(pPr) === "bullet";
    items.push({
      start: p.start,
      block: { kind: "paragraph", at: at++, label: label.trimStart(), bullet, runs: runsOf(para) },
    });
  }
  items.sort((a, b) => a.start - b.start);
  return { blocks: items.map((i) => i.block), text };
}

/** The blocks of a .docx (read through the checked zip layer; refused past the text's bounds). */
export function richDocx(bytes: Uint8Array, name: string): RichDocument {
  const zip = readZip(bytes, name);
  refuseOutOfBounds(zip, name);
  const xml = xmlText(zip, "word/document.xml", name);
  if (xml === undefined) throw new Error(`「${name}」不是 Word 文档（没有 word/document.xml）`);
  return richDocumentXml(
    xml,
    xmlText(zip, "word/numbering.xml", name),
    xmlText(zip, "word/styles.xml", name),
  );
}
