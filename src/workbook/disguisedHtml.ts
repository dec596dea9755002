/**
 * The ".xls" that is an HTML table (./disguised says when): every top-level <table> a sheet, cells placed as
 * browsers place them, numbers only where Excel's own attributes say so.
 */
import { Parser } from "htmlparser2";
import type { Cell, MergedRange, SheetData } from "../report/common/cells";
import { MAX_CELL_CHARS } from "./cellText";
import { decodeText } from "./csv";
import { MAX_COLUMNS, MAX_ROWS } from "./sheet";
import { cellName } from "./sheetBytes";
import { refusal } from "./xlsx";
import { finishRows, gridBudget, headText, MAX_SPAN, tooLong, uniqueName } from "./disguisedCommon";

const BLOCKS = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "br",
  "center",
  "section",
  "header",
]);

/** A sheet name from a heading or caption: short enough for Excel and without the characters it refuses. */
function headingName(text: string): string | null {
  const t = text.replace(/[[\]:*?/\\]/g, "").trim();
  return t && t.length <= 31 ? t : null;
}

/** The value of a CSS property in a declaration list or attribute, unquoted and unescaped. */
function numberFormatOf(style: string): string | undefined {
  const m = /mso-number-format\s*:\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^;]+)/i.exec(style);
  if (!m) return undefined;
  let v = m[1].trim();
  if (/^["']/.test(v)) v = v.slice(1, -1);
  return v.replace(/\\(.)/g, "$1").trim();
}

/** Whether an Excel number format shows numbers (not dates, not text). */
function numericFormat(format: string): boolean {
  if (/^(general number|fixed|standard|percent|scientific)$/i.test(format)) return true;
  const first = format
    .split(";")[0]
    .replace(/"[^"]*"/g, "")
    .replace(/_./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/\s/g, "");
  return /^[#0?,.%]*[#0][#0?,.%]*(E[+-]?0+)?$/i.test(first);
}

const NUMBER_TEXT = /^[-+]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|\.\d+)%?$/;

/** A number as a format shows it: sign or parentheses, a currency sign, separators, an exponent, a percent. */
const SHOWN_NUMBER = /^[-+(]?\s*[¥￥$€]?\s*[-+]?(?:[\d,]*\.?\d+|\d[\d,]*\.)(?:E[-+]?\d+)?\s*%?\)?$/i;

/** The number a cell's shown text is, or null: digits with thousands separators, a decimal point, a percent. */
function numberOfText(text: string): number | null {
  if (!NUMBER_TEXT.test(text)) return null;
  const n = Number(text.replace(/[,%]/g, ""));
  return Number.isFinite(n) ? (text.endsWith("%") ? n / 100 : n) : null;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** The names <x:Name> gives in Excel's <xml> block (inside a conditional comment), in order. */
function excelSheetNames(comment: string): string[] {
  return [...comment.matchAll(/<x:Name>([^<]*)<\/x:Name>/gi)].map((m) =>
    m[1]
      .replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (all, e: string) =>
        e[0] === "#"
          ? String.fromCodePoint(Number(e[1] === "x" || e[1] === "X" ? `0${e.slice(1)}` : e.slice(1)))
          : (ENTITIES[e.toLowerCase()] ?? all),
      )
      .trim(),
  );
}

const SKIPPED = new Set(["script", "style", "title"]);

/**
 * The text of the <style> elements before the first table, where Excel writes its class formats
 * (.xl65 {mso-number-format:"0\.00";}); found with indexOf, each step past the last, so never more than one pass.
 */
function styleSheets(html: string): string {
  const first = html.search(/<table\b/i);
  const head = (first < 0 ? html : html.slice(0, first)).toLowerCase();
  let out = "";
  for (let at = 0; ;) {
    const open = head.indexOf("<style", at);
    const gt = open < 0 ? -1 : head.indexOf(">", open);
    const close = gt < 0 ? -1 : head.indexOf("</style", gt);
    if (close < 0) return out;
    out += head.slice(gt + 1, close);
    at = close;
  }
}

interface HtmlCell {
  text: string;
  col: number;
  attrs: Record<string, string | undefined>;
}

interface HtmlTable {
  rows: Cell[][];
  merges: MergedRange[];
  /** For each column, the row (exclusive) down to which a cell above covers it. */
  until: Int32Array;
  row: number;
  /** The column just past the last cell placed in the current row. */
  col: number;
  cell: HtmlCell | null;
  /** Tables open inside this one (their text flows into the cell holding them). */
  nested: number;
  caption: string | null;
  captionText: string | null;
  heading: string | null;
}

export function readHtml(bytes: Uint8Array, label: string): SheetData[] {
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(headText(bytes))?.[1];
  const html = decodeText(bytes, declared);
  const spend = gridBudget(label);
  const sheets: SheetData[] = [];
  const taken = new Set<string>();
  const xNames: string[] = [];
  const classFormats = new Map<string, string>();
  let skip = 0;
  let tableCount = 0;
  let table: HtmlTable | null = null;
  let block = "";
  let lastBlock = "";
  const flush = () => {
    const t = block.replace(/\s+/g, " ").trim();
    if (t) lastBlock = t;
    block = "";
  };

  const newRow = (t: HtmlTable) => {
    if (t.row >= 0) spend(t.col);
    t.row++;
    if (t.row >= MAX_ROWS)
      throw refusal(label, `中第 ${tableCount} 个表格超过 Excel 的上限 ${MAX_ROWS} 行，不像台账`);
    t.rows.push([]);
    t.col = 0;
  };

  const openCell = (t: HtmlTable, attrs: Record<string, string | undefined>) => {
    if (t.row < 0) newRow(t);
    const span = (v: string | undefined, zero: number) => {
      const n = Number.parseInt(v ?? "1", 10);
      return Number.isNaN(n) || n < 0 ? 1 : Math.min(MAX_SPAN, n === 0 ? zero : n);
    };
    const rowSpan = span(attrs.rowspan, MAX_SPAN); // rowspan="0": to the end of the table
    const colSpan = span(attrs.colspan, 1);
    let c = t.col;
    while (c < MAX_COLUMNS && t.until[c] > t.row) c++;
    if (c + colSpan > MAX_COLUMNS)
      throw refusal(
        label,
        `中第 ${tableCount} 个表格的第 ${t.row + 1} 行超过 Excel 的上限 ${MAX_COLUMNS} 列，不像台账`,
      );
    for (let j = 0; j < colSpan; j++) t.until[c + j] = t.row + rowSpan;
    if (rowSpan > 1 || colSpan > 1)
      t.merges.push({ top: t.row, left: c, bottom: t.row + rowSpan - 1, right: c + colSpan - 1 });
    t.col = c + colSpan;
    t.cell = { text: "", col: c, attrs };
  };

  const cellValue = (cell: HtmlCell, text: string): Cell => {
    const { attrs } = cell;
    if (attrs["x:bool"] !== undefined && /^(true|false)$/i.test(attrs["x:bool"] || text))
      return /^true$/i.test(attrs["x:bool"] || text);
    if (attrs["x:err"] !== undefined && (attrs["x:err"] || text)) return { error: attrs["x:err"] || text };
    if (!text) return null;
    if (attrs["x:str"] !== undefined) return text;
    const xNum = attrs["x:num"]?.trim();
    // Excel's own number, where the cell shows a number ("1,234.50", "(0.50)", "¥12"): a date stays as shown.
    if (xNum && SHOWN_NUMBER.test(text)) {
      const n = Number(xNum);
      return Number.isFinite(n) ? n : text;
    }
    const shown = numberOfText(text);
    if (shown === null) return text; // a date, a code, words: as typed
    if (xNum !== undefined) return shown;
    let format = numberFormatOf(attrs.style ?? "");
    if (format === undefined)
      for (const c of (attrs.class ?? "").split(/\s+/)) format ??= classFormats.get(c.toLowerCase());
    return format !== undefined && numericFormat(format) ? shown : text;
  };

  const closeCell = (t: HtmlTable) => {
    const cell = t.cell;
    if (!cell) return;
    t.cell = null;
    const text = cell.text
      .replace(/ *\n */g, "\n")
      .replace(/ {2,}/g, " ")
      .replace(/^[ \n]+|[ \n]+$/g, "");
    if (text.length > MAX_CELL_CHARS)
      throw tooLong(label, `第 ${tableCount} 个表格的单元格 ${cellName(t.row, cell.col)}`, text.length);
    const value = cellValue(cell, text);
    if (value === null) return;
    const row = t.rows[t.row];
    while (row.length < cell.col) row.push(null);
    row[cell.col] = value;
  };

  const closeTable = (t: HtmlTable) => {
    closeCell(t);
    spend(t.col);
    const last = t.rows.length - 1;
    const merges = t.merges
      .map((m) => ({ ...m, bottom: Math.min(m.bottom, last) }))
      .filter((m) => m.bottom > m.top || m.right > m.left);
    const rows = finishRows(t.rows);
    if (!t.rows.length && !merges.length) return;
    const name =
      headingName(xNames[sheets.length] ?? "") ??
      (t.captionText !== null ? headingName(t.captionText) : null) ??
      (t.heading !== null ? headingName(t.heading) : null) ??
      `Sheet${sheets.length + 1}`;
    sheets.push({ name: uniqueName(name, taken), rows, firstRow: 1, merges });
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (SKIPPED.has(name)) {
          skip++;
          return;
        }
        if (name === "table") {
          if (table) {
            table.nested++;
            if (table.cell) table.cell.text += " ";
            return;
          }
          flush();
          tableCount++;
          table = {
            rows: [],
            merges: [],
            until: new Int32Array(MAX_COLUMNS),
            row: -1,
            col: 0,
            cell: null,
            nested: 0,
            caption: null,
            captionText: null,
            heading: lastBlock || null,
          };
          lastBlock = "";
          return;
        }
        if (!table) {
          if (BLOCKS.has(name)) flush();
          return;
        }
        if (table.nested) {
          if (table.cell && (name === "td" || name === "th" || name === "br" || name === "tr"))
            table.cell.text += name === "td" || name === "th" ? " " : "\n";
          return;
        }
        if (name === "caption") table.caption = "";
        else if (name === "tr") {
          closeCell(table);
          newRow(table);
        } else if (name === "td" || name === "th") {
          closeCell(table);
          openCell(table, attrs);
        } else if (
          table.cell &&
          (name === "br" || ((name === "p" || name === "div") && table.cell.text.trim()))
        )
          table.cell.text += "\n";
      },
      ontext(text) {
        if (skip) return;
        if (!table) block += text;
        else if (table.cell) table.cell.text += text.replace(/[ \t\n\r\f\u00a0]+/g, " ");
        else if (table.caption !== null) table.caption += text;
      },
      oncomment(text) {
        if (!table) xNames.push(...excelSheetNames(text));
      },
      onclosetag(name) {
        if (SKIPPED.has(name)) {
          skip = Math.max(0, skip - 1);
          return;
        }
        if (!table) {
          if (BLOCKS.has(name)) flush();
          return;
        }
        if (name === "table") {
          if (table.nested) {
            table.nested--;
            return;
          }
          closeTable(table);
          table = null;
        } else if (table.nested) return;
        else if (name === "td" || name === "th") closeCell(table);
        else if (name === "caption" && table.caption !== null) {
          table.captionText = table.caption.replace(/\s+/g, " ").trim();
          table.caption = null;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  for (const m of styleSheets(html).matchAll(/\.([\w-]+)\s*\{([^}]*)\}/g)) {
    const format = numberFormatOf(m[2]);
    if (format !== undefined) classFormats.set(m[1].toLowerCase(), format);
  }
  parser.write(html);
  parser.end();
  if (table) closeTable(table);
  if (!sheets.length)
    throw refusal(
      label,
      "是网页格式，但其中没有表格；请在原系统中重新导出 Excel（.xlsx）或 CSV 格式的台账，或用 Excel 打开后另存为 .xlsx 再试",
    );
  return sheets;
}

// ---------------------------------------------------------------------------------------------------------------
// SpreadsheetML
