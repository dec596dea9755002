/**
 * Reading .xlsx with ExcelJS into the engine's cells: formula cells give their cached values, rich text and
 * hyperlinks their text, error values stay errors (the engine makes them row issues). Works on a buffer, so
 * the command line and the browser's file mode share it.
 */
import ExcelJS from "exceljs";
import type { Cell, SheetData, WorkbookData } from "../report/common/cells";
import { declaresDoctype, entryData, isMedia, PackageError, readPackage } from "../zip/read";
import type { ZipFile } from "../zip/read";
import { writeZip } from "../zip/write";

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

const decoder = new TextDecoder();
const text = (zip: ZipFile, name: string) => {
  const d = entryData(zip, name);
  return d ? decoder.decode(d) : undefined;
};

/**
 * What the package holds, before ExcelJS sees it: not an OpenDocument or Word file, a workbook part, every
 * sheet it names present, no DOCTYPE or entity declaration in any XML part. Returns the problem, or null.
 */
function contentProblem(zip: ZipFile): string | null {
  const mimetype = text(zip, "mimetype");
  if (mimetype?.startsWith("application/vnd.oasis.opendocument"))
    return "是 OpenDocument 格式（.ods/.odt）的文件，请在 WPS 或 LibreOffice 中“另存为” .xlsx 后再试";
  if (entryData(zip, "word/document.xml")) return "是 Word 文档，不是 Excel 工作簿";
  const workbook = text(zip, "xl/workbook.xml");
  if (workbook === undefined) return "不是 Excel 工作簿（缺少 xl/workbook.xml）";
  for (const e of zip.entries)
    if (e.data && /\.(xml|rels)$/i.test(e.name) && declaresDoctype(e.data))
      return `中的「${e.name}」包含 DOCTYPE 或实体声明（可能是恶意构造的文件），已拒绝处理`;
  const rels = text(zip, "xl/_rels/workbook.xml.rels") ?? "";
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [
      /\bId="([^"]+)"/.exec(m[0])?.[1] ?? "",
      /\bTarget="([^"]+)"/.exec(m[0])?.[1] ?? "",
    ]),
  );
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\b\w+:id="([^"]+)"/.exec(m[0])?.[1] ?? "";
    const target = targets.get(id);
    if (!target) return `已损坏：工作表「${name}」在 xl/workbook.xml 中登记了，却找不到它的数据部件`;
    const part = target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
    if (!zip.entries.some((e) => e.name === part))
      return `已损坏：工作表「${name}」的数据部件「${part}」缺失，文件不完整`;
  }
  return null;
}

/** Reads an .xlsx held in memory. Throws WorkbookReadError with a Chinese message for anything unreadable. */
export async function readWorkbook(data: ArrayBuffer | Uint8Array, source?: string): Promise<WorkbookData> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const label = source ?? "工作簿";
  const refuse = (why: string) => new WorkbookReadError(`无法读取「${label}」：文件${why}`);
  let zip: ZipFile;
  try {
    zip = readPackage(bytes, label, { kind: "xlsx", need: (name) => !isMedia(name) });
  } catch (e) {
    if (!(e instanceof PackageError)) throw e;
    throw refuse(
      e.corrupt
        ? `已损坏或不是有效的 .xlsx 工作簿（${e.why.replace(/^已损坏/, "").replace(/^（(.*)）$/, "$1")}），请用 Excel 打开后重新保存再试`
        : e.why,
    );
  }
  const problem = contentProblem(zip);
  if (problem) throw refuse(problem);
  // ExcelJS gets only the parts it reads, checked and stored uncompressed: no media, nothing inflated twice.
  const clean = writeZip({ entries: zip.entries.filter((e) => e.data) }, { store: true });
  const wb = new ExcelJS.Workbook();
  try {
    // ExcelJS accepts a Buffer in Node and an ArrayBuffer in the browser.
    const input =
      typeof Buffer !== "undefined"
        ? Buffer.from(clean.buffer, clean.byteOffset, clean.byteLength)
        : clean.buffer;
    await wb.xlsx.load(input as ArrayBuffer);
  } catch {
    throw refuse("已损坏或不是有效的 .xlsx 工作簿：其中的表格数据无法解析，请用 Excel 打开后重新保存再试");
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
