/**
 * The reading limit of a report's text, whatever the file (.docx, web page, PDF): every line of a paragraph (a
 * paragraph, or each line of one broken with Shift+Enter) and of a table cell is read up to MAX_LINE_CHARS
 * characters, and cut there with a notice saying where. A real report's paragraph is a few hundred characters; a
 * PDF or a web page whose lines were joined into one paragraph stays well below the limit. So no check after
 * the reader (the tables found by their labels, X3, completeness) ever scans an unbounded text.
 */
import type { Grid, ReportDocumentText } from "../report/read/cells";

/** The most characters of one line of a paragraph or a cell that the checks read. */
export const MAX_LINE_CHARS = 10_000;

interface Cut {
  chars: number;
  begins: string;
}

/** The text cut at the limit (never between the two halves of a surrogate pair). */
function cutAt(s: string, limit: number): string {
  const code = s.charCodeAt(limit - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

const begins = (s: string) => [...s.slice(0, 32).replace(/\s+/g, " ").trim()].slice(0, 12).join("");

/** A text with each of its lines past the limit cut, recording what was cut. */
function bound(text: string, cuts: Cut[]): string {
  if (text.length <= MAX_LINE_CHARS) return text;
  const lines = text.split("\n");
  if (lines.every((l) => l.length <= MAX_LINE_CHARS)) return text;
  return lines
    .map((line) => {
      if (line.length <= MAX_LINE_CHARS) return line;
      cuts.push({ chars: line.length, begins: begins(line) });
      return cutAt(line, MAX_LINE_CHARS);
    })
    .join("\n");
}

/** What was cut, in a sentence (or none). */
function notice(where: string, cuts: Cut[]): string[] {
  if (!cuts.length) return [];
  const longest = cuts.reduce((a, b) => (b.chars > a.chars ? b : a));
  const which = `以「${longest.begins}」开头的一段`;
  return [
    cuts.length === 1
      ? `${where}${which}有 ${longest.chars} 个字，超过每段 ${MAX_LINE_CHARS} 字的上限，只读取了前 ${MAX_LINE_CHARS} 字`
      : `${where}有 ${cuts.length} 段超过每段 ${MAX_LINE_CHARS} 字的上限（最长的是${which}，有 ${longest.chars} 个字），每段只读取了前 ${MAX_LINE_CHARS} 字`,
  ];
}

/** The text as the checks read it — every line at most MAX_LINE_CHARS characters — and a notice per cut kind. */
export function boundedText(doc: ReportDocumentText): { text: ReportDocumentText; notices: string[] } {
  const inParagraphs: Cut[] = [];
  const inCells: Cut[] = [];
  const paragraphs = doc.paragraphs.map((p) => bound(p, inParagraphs));
  const tables: Grid[] = doc.tables.map((g) =>
    g.map((row) => row.map((c) => (c === null ? c : bound(c, inCells)))),
  );
  return {
    text: { ...doc, paragraphs, tables },
    notices: [...notice("正文中", inParagraphs), ...notice("表格中", inCells)],
  };
}
