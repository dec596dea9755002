/**
 * Scanning WordprocessingML as text: content controls (w:sdt) with their tag and content range, tables,
 * rows, cells and their text. Working on the string keeps every byte outside what is replaced exactly as
 * Word (or another word processor) wrote it. Tolerates what Word adds: rsid attributes, w15 appearance,
 * placeholders, locks, bookmarks, proofing marks and runs split anywhere.
 */
import { decodeXml } from "../report/common/xmlEntities";

export interface Range {
  start: number;
  end: number;
}

interface Sdt extends Range {
  /** The w:sdtPr element (empty range when absent). */
  pr: Range;
  /** Inside w:sdtContent (between its tags). */
  content: Range;
  tag: string;
  alias: string;
  /** A run-level control inside a paragraph: its content is runs, not paragraphs. */
  inline: boolean;
}

/** Ranges of every element with this name, outermost and nested alike, in document order. */
function elements(xml: string, name: string, from = 0, to = xml.length): Range[] {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?(/?)>|</${name}>`, "g");
  re.lastIndex = from;
  const stack: number[] = [];
  const out: Range[] = [];
  for (let m = re.exec(xml); m && m.index < to; m = re.exec(xml)) {
    if (m[0].startsWith("</")) {
      const start = stack.pop();
      if (start !== undefined) out.push({ start, end: m.index + m[0].length });
    } else if (m[1] === "/") out.push({ start: m.index, end: m.index + m[0].length });
    else stack.push(m.index);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Only the outermost elements of a name (not those nested in another of the same name). */
export function outermost(xml: string, name: string, from = 0, to = xml.length): Range[] {
  const all = elements(xml, name, from, to);
  const out: Range[] = [];
  for (const r of all) if (!out.length || r.start >= out[out.length - 1].end) out.push(r);
  return out;
}

const attr = (xml: string, el: string) =>
  new RegExp(`<${el}\\b[^>]*?\\bw:val="([^"]*)"`).exec(xml)?.[1] ?? "";

function encodeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * For each range (in document order), whether one of `outer` (in document order) encloses it — in one sweep over
 * both lists, as XML elements nest: the outer ranges open at a point form a stack, innermost on top.
 */
function insideAny(ranges: Range[], outer: Range[]): boolean[] {
  const open: Range[] = [];
  let next = 0;
  const closeBefore = (at: number) => {
    while (open.length && open[open.length - 1].end <= at) open.pop();
  };
  return ranges.map((r) => {
    for (; next < outer.length && outer[next].start < r.start; next++) {
      closeBefore(outer[next].start);
      open.push(outer[next]);
    }
    closeBefore(r.start);
    return open.length > 0 && open[open.length - 1].end > r.end;
  });
}

/** Every content control, with its tag, alias and content range. */
export function findSdts(xml: string): Sdt[] {
  const sdts = elements(xml, "w:sdt");
  const inParagraph = insideAny(sdts, elements(xml, "w:p"));
  return sdts.map((r, i) => {
    const inner = xml.slice(r.start, r.end);
    const prM = /<w:sdtPr\b[^>]*?(\/>|>[\s\S]*?<\/w:sdtPr>)/.exec(inner);
    const pr = prM
      ? { start: r.start + prM.index, end: r.start + prM.index + prM[0].length }
      : { start: r.start, end: r.start };
    const prText = prM?.[0] ?? "";
    const openM = /<w:sdtContent\b[^>]*?(\/?)>/.exec(inner.slice(pr.end - r.start));
    let content = { start: r.end, end: r.end };
    if (openM) {
      const openEnd = pr.end + openM.index + openM[0].length;
      if (openM[1] === "/") content = { start: openEnd, end: openEnd };
      else {
        const close = xml.lastIndexOf("</w:sdtContent>", r.end);
        content = { start: openEnd, end: close };
      }
    }
    const inline = inParagraph[i];
    return {
      ...r,
      pr,
      content,
      tag: decodeXml(attr(prText, "w:tag")),
      alias: decodeXml(attr(prText, "w:alias")),
      inline,
    };
  });
}

/** The text of a fragment, paragraph by paragraph ("\n" between paragraphs, "\t" for tabs). */
export function textOf(fragment: string): string {
  const paras = outermost(fragment, "w:p");
  const one = (p: string) => {
    let out = "";
    for (const m of p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)) {
      if (m[0] === "<w:tab/>") out += "\t";
      else if (m[0] === "<w:br/>") out += "\n";
      else out += decodeXml(m[1]);
    }
    return out;
  };
  if (!paras.length) return one(fragment);
  return paras.map((p) => one(fragment.slice(p.start, p.end))).join("\n");
}

export interface CellRange extends Range {
  text: string;
  /** A vertical-merge continuation cell. */
  continued: boolean;
}

/** Rows and cells of a table (its own, not those of nested tables). */
export function tableCells(xml: string, table: Range): CellRange[][] {
  const nested = elements(xml, "w:tbl", table.start + 1, table.end).filter((t) => t.start > table.start);
  const inNested = (r: Range) => nested.some((t) => r.start > t.start && r.end <= t.end);
  return outermost(xml, "w:tr", table.start, table.end)
    .filter((tr) => !inNested(tr))
    .map((tr) =>
      outermost(xml, "w:tc", tr.start, tr.end)
        .filter((tc) => !inNested(tc))
        .map((tc) => {
          const cell = xml.slice(tc.start, tc.end);
          return {
            ...tc,
            text: textOf(cell).trim(),
            continued: /<w:vMerge(?![^>]*w:val="restart")[^>]*\/>/.test(cell),
          };
        }),
    );
}

/**
 * A cell's XML with its text replaced: the first text run keeps its formatting and gets the new text, other
 * text runs are removed; a cell without text gets a run in its first paragraph.
 */
export function setCellText(cellXml: string, text: string, runProps = ""): string {
  let first = true;
  const replaced = cellXml.replace(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>/g, () => {
    if (!first) return "";
    first = false;
    return `<w:t xml:space="preserve">${encodeXml(text)}</w:t>`;
  });
  if (!first) return replaced;
  const run = `<w:r>${runProps}<w:t xml:space="preserve">${encodeXml(text)}</w:t></w:r>`;
  const p = /<w:p(?=[\s>])[^>]*?(\/?)>/.exec(cellXml);
  if (!p) return cellXml;
  if (p[1] === "/")
    return (
      cellXml.slice(0, p.index) +
      p[0].replace("/>", ">") +
      run +
      "</w:p>" +
      cellXml.slice(p.index + p[0].length)
    );
  const close = cellXml.indexOf("</w:p>", p.index);
  return cellXml.slice(0, close) + run + cellXml.slice(close);
}
