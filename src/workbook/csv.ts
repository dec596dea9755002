/**
 * CSV and tab-separated text as a workbook of one sheet named after the file, as online 依申请公开 systems export
 * them and as Excel saves them: UTF-8 with or without BOM, GBK/GB18030 (Excel on Chinese Windows; told apart
 * by whether the bytes are valid UTF-8), UTF-16 with BOM (Excel's “Unicode 文本”); comma, tab or semicolon
 * separated; quoted fields holding separators, quotes and line breaks (papaparse). Every value is text, as
 * typed; an empty field is an empty cell. What cannot be a ledger is refused with a sentence naming the row:
 * binary content, a quote never closed, a field longer than an Excel cell holds, more columns than Excel has.
 */
import Papa from "papaparse";
import type { Cell, WorkbookData } from "../report/common/cells";
import { MAX_CELL_CHARS } from "./cellText";
import { MAX_COLUMNS } from "./sheet";
import { WorkbookReadError } from "./xlsx";

/**
 * The text of a file, in the encoding its bytes show: its byte order mark, else the charset it declares (a web
 * page's, an XML declaration's; GB2312, GBK and their aliases read as GB18030, which covers them; a label no decoder
 * knows is passed over), else UTF-8 where the bytes are valid UTF-8, else GB18030 (Excel and systems on Chinese
 * Windows). The one rule for CSV, web pages and the ".xls" that is a page or XML.
 */
export function decodeText(bytes: Uint8Array, declared?: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder("utf-8").decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (declared) {
    const gb = /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/i.test(declared);
    try {
      return new TextDecoder(gb ? "gb18030" : declared).decode(bytes);
    } catch {
      // A label no decoder knows: told by the bytes.
    }
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** Whether decoded text looks like a binary file: NUL bytes or many control characters near its start. */
function looksBinary(text: string): boolean {
  const head = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c === 0) return true;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) control++;
  }
  return control > head.length / 100;
}

/** The sheet's name: the file's name without folders and extension. */
export const sheetNameOf = (label: string): string =>
  label.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || "Sheet1";

/** Reads a CSV or tab-separated text file; throws WorkbookReadError with a Chinese message for anything else. */
export function readCsv(bytes: Uint8Array, label: string): WorkbookData {
  const refuse = (why: string) => new WorkbookReadError(`无法读取「${label}」：${why}`);
  const text = decodeText(bytes);
  if (looksBinary(text))
    throw refuse(
      "文件不是文本格式的 CSV（其中有二进制内容）；请在原系统中重新导出，或在 Excel 中另存为 .xlsx 或 CSV",
    );
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [",", "\t", ";"], skipEmptyLines: false });
  const unclosed = parsed.errors.find((e) => e.code === "MissingQuotes");
  if (unclosed)
    throw refuse(
      `第 ${(unclosed.row ?? 0) + 1} 行的引号没有闭合，其后的内容都成了一个单元格；请在原系统中重新导出，或用 Excel 打开后另存`,
    );
  const rows: Cell[][] = [];
  parsed.data.forEach((fields, r) => {
    if (fields.length > MAX_COLUMNS)
      throw refuse(`第 ${r + 1} 行有 ${fields.length} 列，超过 Excel 的上限 ${MAX_COLUMNS} 列，不像台账`);
    const cells: Cell[] = new Array(fields.length);
    for (let c = 0; c < fields.length; c++) {
      const f = fields[c];
      // The most characters an Excel cell holds: a longer field is no ledger's.
      if (f.length > MAX_CELL_CHARS)
        throw refuse(
          `第 ${r + 1} 行第 ${c + 1} 列有 ${f.length} 个字符，超过 Excel 单元格的上限 ${MAX_CELL_CHARS} 个，不像台账`,
        );
      cells[c] = f === "" ? null : f;
    }
    rows.push(cells);
  });
  // The line break that ends the file leaves one empty row behind.
  while (rows.length && rows[rows.length - 1].every((c) => c === null)) rows.pop();
  return { sheets: [{ name: sheetNameOf(label), rows, firstRow: 1 }], source: label };
}
