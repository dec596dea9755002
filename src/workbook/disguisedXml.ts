/**
 * The ".xls" that is Excel 2003 XML, "SpreadsheetML" (./disguised says when): each Worksheet a sheet, cells by
 * ss:Index, merges, each Data by its ss:Type.
 */
import { SaxesParser } from "saxes";
import type { Cell, MergedRange, SheetData } from "../report/common/cells";
import { declaresDoctype } from "../zip/read";
import { MAX_CELL_CHARS } from "./cellText";
import { decodeText } from "./csv";
import { MAX_COLUMNS, MAX_ROWS } from "./sheet";
import { cellName } from "./sheetBytes";
import { refusal } from "./xlsx";
import { finishRows, gridBudget, headText, tooLong, uniqueName } from "./disguisedCommon";

const DAY_MS = 86400000;

/**
 * An ss:DateTime ("2025-03-01T00:00:00.000") as the Date the .xlsx reader gives for the same cell (serialDate):
 * UTC, the time kept. Before 1900-03-01 Excel counts its phantom 1900-02-29, so a time alone (day 0, written
 * "1899-12-31T…") is a day earlier, as its serial reads.
 */
function dateTime(text: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?Z?$/.exec(text.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  let t = Date.UTC(+y, +mo - 1, +d, +(h ?? 0), +(mi ?? 0), +(s ?? 0), ms);
  if (Number.isNaN(t)) return null;
  if (t < Date.UTC(1900, 2, 1)) t -= DAY_MS;
  return new Date(t);
}

function dataValue(type: string, text: string): Cell {
  switch (type) {
    case "Number": {
      const n = text.trim() ? Number(text) : NaN;
      return Number.isFinite(n) ? n : text || null;
    }
    case "DateTime":
      return dateTime(text) ?? (text || null);
    case "Boolean":
      return /^(1|true)$/i.test(text.trim()) ? true : /^(0|false)$/i.test(text.trim()) ? false : text || null;
    case "Error":
      return { error: text.trim() || "#VALUE!" };
    default:
      return text === "" ? null : text;
  }
}

const local = (name: string) => name.slice(name.indexOf(":") + 1);

const hiddenState = (v: string | undefined): SheetData["hidden"] =>
  v === "SheetHidden" ? "hidden" : v === "SheetVeryHidden" ? "veryHidden" : undefined;

export function readSpreadsheetMl(bytes: Uint8Array, label: string): SheetData[] {
  const what = "是 Excel 2003 XML 表格";
  const entities = () =>
    refusal(label, `${what}，但包含 DOCTYPE 或实体声明（可能是恶意构造的文件），已拒绝处理`);
  if (declaresDoctype(bytes)) throw entities();
  const declared = /^[^<]{0,3}<\?xml[^>]*encoding\s*=\s*["']([\w-]+)/i.exec(headText(bytes))?.[1];
  const xml = decodeText(bytes, declared);
  const spend = gridBudget(label);
  const sheets: SheetData[] = [];
  const taken = new Set<string>();
  const stack: string[] = [];
  let sheet: { data: SheetData; rows: Cell[][]; merges: MergedRange[] } | null = null;
  let row = -1;
  let col = -1;
  let cellCol = -1;
  let span = 0;
  let data: { type: string; text: string; depth: number } | null = null;
  let visible: string | null = null;

  const parser = new SaxesParser();
  parser.on("doctype", () => {
    throw entities();
  });
  parser.on("error", (e) => {
    const where = e.message.replace(/^(?:[^:]*:)?(\d+):(\d+): /, "第$1行第$2列：");
    throw refusal(label, `${what}，但已损坏或不完整（${where}），请用 Excel 打开后另存为 .xlsx 再试`);
  });
  parser.on("opentag", (tag) => {
    const name = local(tag.name);
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (data) return; // rich text inside <Data>: only its text is read
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(tag.attributes)) attrs[local(k)] = v;
    const int = (v: string | undefined) => Math.max(0, Number.parseInt(v ?? "", 10) || 0);
    if (name === "Worksheet") {
      const name = uniqueName(attrs.Name?.trim() || `Sheet${sheets.length + 1}`, taken);
      sheet = { data: { name, rows: [], firstRow: 1 }, rows: [], merges: [] };
      const hidden = hiddenState(attrs.Visible);
      if (hidden) sheet.data.hidden = hidden;
      row = -1;
      span = 0;
    } else if (!sheet) return;
    else if (name === "Row" && parent === "Table") {
      const index = int(attrs.Index);
      row = index >= 1 ? index - 1 : row + 1 + span;
      span = int(attrs.Span);
      if (row >= MAX_ROWS) throw refusal(label, `${what}，但行号超出 Excel 的范围（第 ${row + 1} 行）`);
      col = -1;
    } else if (name === "Cell" && parent === "Row") {
      const index = int(attrs.Index);
      cellCol = index >= 1 ? index - 1 : col + 1;
      const across = int(attrs.MergeAcross);
      const down = int(attrs.MergeDown);
      if (cellCol + across >= MAX_COLUMNS || row + down >= MAX_ROWS)
        throw refusal(
          label,
          `${what}，但工作表「${sheet.data.name}」第 ${row + 1} 行的单元格超出 Excel 的范围`,
        );
      if (across || down)
        sheet.merges.push({ top: row, left: cellCol, bottom: row + down, right: cellCol + across });
      col = cellCol + across;
    } else if (name === "Data" && parent === "Cell")
      data = { type: attrs.Type ?? "String", text: "", depth: stack.length };
    else if (name === "Visible" && parent === "WorksheetOptions") visible = "";
  });
  const onText = (text: string) => {
    if (data) data.text += text;
    else if (visible !== null) visible += text;
  };
  parser.on("text", onText);
  parser.on("cdata", onText);
  parser.on("closetag", (tag) => {
    const depth = stack.length;
    stack.pop();
    if (!sheet) return;
    if (data) {
      if (depth !== data.depth) return;
      const { type, text } = data;
      data = null;
      if (text.length > MAX_CELL_CHARS)
        throw tooLong(label, `工作表「${sheet.data.name}」的单元格 ${cellName(row, cellCol)}`, text.length);
      const value = dataValue(type, text);
      if (value === null) return;
      const cells = sheet.rows[row] ?? (sheet.rows[row] = []);
      if (cellCol >= cells.length) spend(cellCol + 1 - cells.length);
      while (cells.length < cellCol) cells.push(null);
      cells[cellCol] = value;
      return;
    }
    const name = local(tag.name);
    if (name === "Visible" && visible !== null) {
      const hidden = hiddenState(visible.trim());
      if (hidden) sheet.data.hidden = hidden;
      visible = null;
    } else if (name === "Worksheet") {
      sheet.data.rows = finishRows(sheet.rows);
      sheet.data.merges = sheet.merges;
      sheets.push(sheet.data);
      sheet = null;
    }
  });
  parser.write(xml).close();
  if (!sheets.length) throw refusal(label, `${what}，但其中没有工作表；请用 Excel 打开后另存为 .xlsx 再试`);
  return sheets;
}
