/**
 * Reading a workbook held in memory into the engine's cells, for the command line, file mode and the roll-up
 * alike: an .xlsx through our own reader (./xlsx: formula cells give their cached values, rich text its text,
 * error values stay errors, merged ranges and hidden sheets said), an Excel 97–2003 .xls or WPS 表格 .et (any
 * OLE2 compound file, whatever its name) through ./xls into the same cells, a CSV or tab-separated text export
 * through ./csv, and an ".xls" that is really a web page, Excel 2003 XML or text through ./disguised. ExcelJS only
 * writes (./write).
 */
import { isCompound } from "../cfb/read";
import type { WorkbookData } from "../report/common/cells";
import { readCsv } from "./csv";
import { disguisedKind, looksLikeText, readDisguised } from "./disguised";
import { bareBiffRefusal, readXls } from "./xls";
import { readXlsx } from "./xlsx";

export { WorkbookReadError } from "./xlsx";

/** Whether a file's name says it is a text export: .csv, or .txt/.tsv with tabs. */
export const isTextExport = (name: string): boolean => /\.(csv|txt|tsv)$/i.test(name);

export interface ReadWorkbookOptions {
  /**
   * Leave each sheet unparsed until its rows are read (a problem in a sheet nobody reads never stops the rest;
   * one in a sheet that is read throws then). By default every sheet is read at once, so that a file with a
   * damaged sheet is refused before anything is done with it.
   */
  lazy?: boolean;
}

/**
 * Reads an .xlsx, .xls or .et (by its bytes) or a text export (by its name) held in memory. Throws
 * WorkbookReadError with a Chinese message for anything unreadable.
 */
export async function readWorkbook(
  data: ArrayBuffer | Uint8Array,
  source?: string,
  options: ReadWorkbookOptions = {},
): Promise<WorkbookData> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const label = source ?? "工作簿";
  const zipped = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const compound = isCompound(bytes);
  if (isTextExport(label) && !zipped && !compound) return { ...readCsv(bytes, label), source };
  // An "xls" exported as a web page or Excel 2003 XML, or as tab- or comma-separated text (./disguised).
  if (!zipped && !compound && disguisedKind(bytes)) return { ...readDisguised(bytes, label), source };
  if (!zipped && !compound && /\.(xls|et)$/i.test(label) && looksLikeText(bytes))
    return { ...readCsv(bytes, label), source };
  const bare = !zipped && !compound ? bareBiffRefusal(bytes, label) : null;
  if (bare) throw bare;
  const workbook = compound ? readXls(bytes, label) : readXlsx(bytes, label);
  if (!options.lazy) for (const sheet of workbook.sheets) void sheet.rows;
  return { sheets: workbook.sheets, source };
}
