/**
 * Reading .xlsx with ExcelJS into the engine's cells: formula cells give their cached values, rich text and
 * hyperlinks their text, error values stay errors (the engine makes them row issues). Works on a buffer, so
 * the command line and the browser's file mode share it.
 */
import ExcelJS from "exceljs";
import type { Cell, SheetData, WorkbookData } from "../report/cells";

/** A file that cannot be read as a workbook, with a Chinese message saying why and what to do. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

type ExcelValue = ExcelJS.CellValue | undefined;

/** One ExcelJS cell value as an engine cell. */
export function toCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      if (result === undefined || result === null) return { error: "公式无计算结果" };
      return toCell(result as ExcelValue);
    }
    if ("hyperlink" in value) return toCell((value as ExcelJS.CellHyperlinkValue).text as ExcelValue);
    if ("text" in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

function sniff(bytes: Uint8Array): string | null {
  if (bytes.length < 4) return "文件为空或过小，不是 Excel 工作簿";
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    return "这是旧版 Excel（.xls）或其他 Office 旧格式文件，请在 Excel 或 WPS 中“另存为” .xlsx 后再使用";
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    return "文件不是 .xlsx 格式的 Excel 工作簿（可能是文本、CSV 或其他文件）";
  return null;
}

/** Reads an .xlsx held in memory. Throws WorkbookReadError with a Chinese message for anything unreadable. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, source?: string): Promise<WorkbookData> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const problem = sniff(bytes);
  if (problem) throw new WorkbookReadError(`无法读取${source ? `「${source}」` : "工作簿"}：${problem}`);
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS accepts a Buffer in Node and an ArrayBuffer in the browser.
    const input =
      typeof Buffer !== "undefined"
        ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
        : bytes.buffer;
    await wb.xlsx.load(input as ArrayBuffer);
  } catch (e) {
    throw new WorkbookReadError(
      `无法读取${source ? `「${source}」` : "工作簿"}：文件已损坏或不是有效的 .xlsx 工作簿，请用 Excel 打开后重新保存再试（${(e as Error).message}）`,
    );
  }
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    const last = ws.actualRowCount === 0 ? 0 : ws.rowCount;
    for (let r = 1; r <= last; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      const n = row.cellCount;
      for (let c = 1; c <= n; c++) cells.push(toCell(row.getCell(c).value));
      rows.push(cells);
    }
    sheets.push({ name: ws.name, rows, firstRow: 1 });
  });
  return { sheets, source };
}
