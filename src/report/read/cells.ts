/**
 * What a report's reader works on, whatever the file: its paragraphs and its tables as grids, and how the
 * text people type in a table is read. A grid has one entry per grid position: the cell's text at the top-left
 * position of a (merged) cell, null at the positions its merge covers.
 */
import { foldRadicals, normalizeText } from "../common/normalize";
import type { PublishedDate } from "./published";

export type Grid = (string | null)[][];

export interface ReportDocumentText {
  /** The body's paragraphs outside tables, in order. */
  paragraphs: string[];
  tables: Grid[];
  /**
   * Tables printed past the page's edge (a PDF whose table runs off the paper): which table, and its first
   * column (grid position) that is not all on the page. Their numbers there are not what a reader sees.
   */
  cut?: { table: number; from: number }[];
  /**
   * Rebuilt from text at positions and drawn rules (a PDF, an OFD): its tables are only those its rules draw, so
   * a report of this kind whose tables are not found may have them drawn without rules.
   */
  laidOut?: boolean;
  /**
   * When the file says it was published, apart from its text: a saved page's `<meta>` 发布日期 (src/load/html.ts),
   * or a PDF's creation date, weak (src/load/pdf.ts). The text's own dates are read by ./published.
   */
  published?: PublishedDate;
}

/** A text whose characters may be radicals standing for ideographs (a PDF's, or a page pasted from one), folded. */
export function foldDocumentText(doc: ReportDocumentText): ReportDocumentText {
  return {
    ...doc,
    paragraphs: doc.paragraphs.map(foldRadicals),
    tables: doc.tables.map((g) => g.map((row) => row.map((c) => (c === null ? c : foldRadicals(c))))),
  };
}

/** Text of a cell as people type it: "—", "/", "无" and the like mean nothing was written. */
const BLANKS = new Set(["", "/", "-", "--", "—", "——", "–", "－", "无", "空", "\\"]);
const UNITS = /(件|个|次|人次|条|项|万元|元)$/;

/**
 * A number cell's value: null for a blank (or a dash, 无), the number ("1,234", "１２", "12件", "3.5万元"), or
 * the text itself when it is not a number (the checks report it as F1).
 */
export function cellNumber(text: string | null): number | null | string {
  if (text === null) return null;
  const t = text.normalize("NFKC").replace(/\s+/g, "");
  if (BLANKS.has(t)) return null;
  const bare = t.replace(UNITS, "").replace(/,/g, "");
  if (/^-?\d+(\.\d+)?$/.test(bare)) return Number(bare);
  return text.trim();
}

/** Whether a cell holds a number or a blank (not a label). */
export const isValueCell = (text: string | null): boolean => typeof cellNumber(text) !== "string";

/**
 * A label reduced to what identifies it: numbering ("三、", "（三）", "1.", "1、") and parenthetical remarks
 * dropped anywhere, widths, spaces, quotes and punctuation unified, 其它 written for 其他 read as 其他.
 * "（二）部分公开（区分处理的…）" → "部分公开".
 */
export function bareLabel(text: string): string {
  // The same labels are asked for again and again (the template's, a table's cells): each worked out once.
  const known = bare.get(text);
  if (known !== undefined) return known;
  const s = text
    .normalize("NFKC")
    // Numbers after a label in its own cell (a PDF's text run, 「四、结转下年度继续办理 0 0 0」) are no part of it.
    .replace(/(?<=[\u4e00-\u9fff)】])[\d.,\s]+$/, "")
    .replace(/\s+/g, "")
    .replace(/^\([一二三四五六七八九十]+(?![^()]*\))/, "")
    .replace(/\([^()]*\)/g, "")
    // A remark whose closing bracket was lost (or cut by a page break) is a remark still.
    .replace(/(?<=.)\([^()]*$/, "")
    // (Each run from its start only: a run's every position tried would take its length squared.)
    .replace(/(?<![一二三四五六七八九十])[一二三四五六七八九十]+、/g, "")
    .replace(/(?<!\d)\d+[.、]/g, "");
  const out = normalizeText(s).replace(/\./g, "").replace(/其它/g, "其他");
  if (text.length <= 200 && bare.size < 20000) bare.set(text, out);
  return out;
}
const bare = new Map<string, string>();

/** The text of a grid row's cells (merged positions skipped), joined (a label split across cells reads whole). */
export const rowText = (row: (string | null)[]): string => row.filter((c) => c !== null).join("");

/**
 * A sheet laid out like the 统计表 sheet (a title, then tables separated by blank rows) as a report's text:
 * its first cell is the title, each block of non-blank rows a table. Merged cells may repeat their text.
 */
export function sheetText(rows: unknown[][]): ReportDocumentText {
  const text = (v: unknown) =>
    v === null || v === undefined ? "" : typeof v === "object" ? "" : String(v as string | number);
  const tables: Grid[] = [];
  let block: Grid = [];
  for (const row of rows) {
    const cells = row.map(text);
    if (cells.every((c) => c.trim() === "")) {
      if (block.length) tables.push(block);
      block = [];
    } else block.push(cells);
  }
  if (block.length) tables.push(block);
  const title = rows.length ? text(rows[0][0]) : "";
  return { paragraphs: title ? [title] : [], tables };
}
