/**
 * Our .xls reader: Excel 97–2003 workbooks and WPS 表格's .et, both BIFF8 ([MS-XLS]) in an OLE2 compound file
 * (src/cfb checks the container). The cells come out as ./xlsx gives them: dates by their cell style (the same
 * decision, ./xlsx showsDate) as one shared Date per serial, errors as `{ error }`, a formula's cached value,
 * merged ranges once with the value in the top-left cell, hidden and very hidden sheets marked, chart, dialog
 * and macro sheets left out, a cell past Excel's 32 767 characters refused. The workbook globals (sheets, shared
 * strings, formats, styles) are read at once; a sheet's cells the first time its rows are read.
 *
 * The workbook's records are found in the stream "Workbook" (any case: the container's names are); "Book" is
 * what Excel 5.0/95 wrote, refused by its BOF's version like any BIFF5 or older stream; where neither is there, a
 * stream that begins as BIFF8 workbook globals do is taken (a producer that names it otherwise).
 */
import { CompoundError, readCompound } from "../cfb/read";
import type { Compound } from "../cfb/read";
import { isEncryptedOle } from "../zip/read";
import type { Cell, SheetData, WorkbookData } from "../report/common/cells";
import * as biff from "./biff";
import { BiffError, Continued, RecordReader, RT } from "./biff";
import { MAX_CELL_CHARS } from "./cellText";
import { CellTooLongError } from "./sheet";
import { refusal, showsDate, WorkbookReadError } from "./xlsx";
import { parseSheet } from "./xlsSheet";
import type { Globals, ParsedSheet } from "./xlsSheet";

const { latin1, u16, u32 } = biff;

/** A file refused for what it is (not damaged); `message` follows 「文件」. */
class Refused extends Error {}

const PASSWORD = "设有打开密码（已加密），本工具无法读取；请在 Excel 或 WPS 中打开，取消密码后另存一份再试";
const OLD_FORMAT =
  "是 Excel 5.0/95（或更早）格式的工作簿，本工具不能读取；请在 Excel 或 WPS 中另存为 .xlsx 后再试";

/**
 * The refusal of a bare BIFF stream, not in a compound file — what Excel 2.x–4.0 saved (and other programs
 * writing BIFF5 without a container) —, naming what it is; null for anything else.
 */
export function bareBiffRefusal(bytes: Uint8Array, label: string): WorkbookReadError | null {
  if (bytes.length < 8) return null;
  const type = bytes[0] | (bytes[1] << 8);
  const length = bytes[2] | (bytes[3] << 8);
  const isBof = biff.OLD_BOFS.includes(type) || type === 0x0809;
  return isBof && length >= 4 && length <= 20 ? refusal(label, OLD_FORMAT) : null;
}

interface SheetEntry {
  name: string;
  offset: number;
  hidden?: "hidden" | "veryHidden";
}

/**
 * Reads an .xls or .et held in memory; `label` names the file in messages. Throws WorkbookReadError with a Chinese
 * message for anything unreadable, at once for the container and the globals, when a sheet's rows are read for
 * its cells.
 */
export function readXls(bytes: Uint8Array, label: string): WorkbookData {
  const what = /\.et$/i.test(label) ? "WPS 表格（.et）文件" : ".xls 工作簿";
  const damaged = (why: string) =>
    refusal(label, `已损坏或不是有效的 ${what}（${why}），请用 Excel 或 WPS 打开后重新保存再试`);
  let stream: Uint8Array;
  try {
    stream = workbookStream(readCompound(bytes, label));
  } catch (e) {
    if (e instanceof Refused) throw refusal(label, e.message);
    if (!(e instanceof CompoundError)) throw e;
    if (!e.corrupt) throw refusal(label, e.why);
    if (isEncryptedOle(bytes)) throw refusal(label, PASSWORD);
    const why = /^已损坏（(.*)），/.exec(e.why)?.[1] ?? e.why;
    throw refusal(
      label,
      `已损坏（${why}）：它是旧版 Excel（.xls）或其他 Office 97-2003 格式的文件，请用 Excel 或 WPS 打开后“另存为” .xlsx 再试`,
    );
  }
  let globals: Globals;
  let entries: SheetEntry[];
  try {
    [globals, entries] = readGlobals(stream);
  } catch (e) {
    if (e instanceof Refused) throw refusal(label, e.message);
    if (e instanceof BiffError) throw damaged(e.message);
    throw e;
  }
  const sheets = entries.map((entry) =>
    lazySheet(entry, () => {
      try {
        return parseSheet(globals, entry.offset);
      } catch (e) {
        if (e instanceof CellTooLongError)
          throw refusal(
            label,
            `中工作表「${entry.name}」的${e.message}（Excel 和 WPS 都存不下这样的单元格），不像台账；请检查这个单元格，删去多余的文字后重新保存再试`,
          );
        if (e instanceof BiffError) throw damaged(`工作表「${entry.name}」：${e.message}`);
        throw e;
      }
    }),
  );
  return { sheets, source: label };
}

/** Whether `s` begins with a BIFF8 BOF of workbook globals (vers 0x0600, dt 0x0005). */
const beginsGlobals = (s: Uint8Array | null): s is Uint8Array =>
  !!s && s.length >= 8 && u16(s, 0) === RT.BOF && u16(s, 4) === 0x0600 && u16(s, 6) === 0x0005;

/** The stream of the workbook's records; Refused for a file that holds none. */
function workbookStream(compound: Compound): Uint8Array {
  if (compound.has("EncryptionInfo") || compound.has("EncryptedPackage")) throw new Refused(PASSWORD);
  for (const name of ["Workbook", "Book"]) {
    const s = compound.read(name);
    if (s) return s;
  }
  for (const { path, size } of compound.streams)
    if (!path.includes("/") && size >= 8) {
      const s = compound.read(path);
      if (beginsGlobals(s)) return s;
    }
  if (compound.has("WordDocument")) throw new Refused("是 Word 文档，不是 Excel 工作簿");
  throw new Refused(
    "是 Office 97-2003 格式的文件，但不是旧版 Excel（.xls）工作簿（其中没有工作簿的数据）；请确认选的是台账工作簿",
  );
}

/** A sheet substream's BOF types: a worksheet or dialog sheet, a chart, a macro sheet. */
const WORKSHEET_BOF = 0x0010;

/** Records read past a sheet's BOF looking for its WSBOOL before giving up (it comes in the first dozens). */
const WSBOOL_SEARCH = 200;

/** The workbook globals: Refused for a password or an old format, BiffError for a damaged stream. */
function readGlobals(stream: Uint8Array): [Globals, SheetEntry[]] {
  const r = new RecordReader(stream, 0);
  if (!r.next()) throw new BiffError("工作簿数据为空");
  if (biff.OLD_BOFS.includes(r.type)) throw new Refused(OLD_FORMAT);
  if (r.type !== RT.BOF || r.length < 4) throw new BiffError("工作簿数据不以文件头记录（BOF）开始");
  const version = u16(stream, r.start);
  if (version < 0x0600) throw new Refused(OLD_FORMAT);
  if (version !== 0x0600 || u16(stream, r.start + 2) !== 0x0005)
    throw new BiffError("文件头记录（BOF）不是 Excel 97-2003 工作簿的");
  let codepage = 1200;
  let date1904 = false;
  const formats = new Map<number, string>();
  const xfFormats: number[] = [];
  const strings: string[] = [];
  const tooLong = new Map<number, number>();
  const bound: (SheetEntry & { type: number })[] = [];
  const short = (what: string) => new BiffError(`${what}记录过短`);
  for (let type: number = r.next() ? r.type : RT.EOF; type !== RT.EOF; type = r.next() ? r.type : RT.EOF) {
    const s = r.start;
    switch (type) {
      case RT.FILEPASS:
        throw new Refused(PASSWORD);
      case RT.CODEPAGE:
        if (r.length >= 2) codepage = u16(stream, s);
        break;
      case RT.DATEMODE:
        if (r.length >= 2) date1904 = u16(stream, s) === 1;
        break;
      case RT.BOUNDSHEET: {
        if (r.length < 8) throw short("工作表（BOUNDSHEET）");
        const count = stream[s + 6];
        const wide = (stream[s + 7] & 1) !== 0;
        const end = s + 8 + (wide ? 2 * count : count);
        if (end > s + r.length) throw short("工作表（BOUNDSHEET）");
        const name = wide ? biff.utf16le(stream, s + 8, end) : latin1(stream, s + 8, end);
        const state = stream[s + 4] & 3;
        bound.push({
          name,
          offset: u32(stream, s),
          type: stream[s + 5],
          ...(state === 1 ? { hidden: "hidden" } : state === 2 ? { hidden: "veryHidden" } : {}),
        });
        break;
      }
      case RT.FORMAT: {
        if (r.length < 5) throw short("数字格式（FORMAT）");
        const count = u16(stream, s + 2);
        const wide = (stream[s + 4] & 1) !== 0;
        const end = s + 5 + (wide ? 2 * count : count);
        if (end > s + r.length) throw short("数字格式（FORMAT）");
        formats.set(u16(stream, s), wide ? biff.utf16le(stream, s + 5, end) : latin1(stream, s + 5, end));
        break;
      }
      case RT.XF:
        if (r.length < 4) throw short("单元格格式（XF）");
        xfFormats.push(u16(stream, s + 2));
        break;
      case RT.SST: {
        if (r.length < 8) throw short("共享字符串表（SST）");
        readStrings(new Continued(stream, r, 8), u32(stream, s + 4), strings, tooLong);
        break;
      }
    }
  }
  const sheets: SheetEntry[] = [];
  for (const b of bound) {
    if (b.type !== 0) continue; // a macro sheet (1), a chart (2), a VBA module (6)
    if (b.offset + 4 > stream.length)
      throw new BiffError(`工作表「${b.name}」的位置（第 ${b.offset} 字节）超出了数据流的末尾`);
    if (isWorksheet(stream, b.offset, b.name))
      sheets.push({ name: b.name, offset: b.offset, hidden: b.hidden });
  }
  return [
    {
      stream,
      view: new DataView(stream.buffer, stream.byteOffset, stream.byteLength),
      strings,
      tooLong,
      dateXf: xfFormats.map((id) => showsDate(id, formats)),
      date1904,
      dates: new Map(),
      narrow: biff.labelText(codepage),
    },
    sheets,
  ];
}

/**
 * Whether the substream at `offset` is a worksheet: its BOF says a worksheet (not a chart or macro sheet) and
 * its WSBOOL does not say a dialog sheet. BiffError where no BIFF8 BOF is there.
 */
function isWorksheet(stream: Uint8Array, offset: number, name: string): boolean {
  const r = new RecordReader(stream, offset);
  if (!r.next() || r.type !== RT.BOF || r.length < 4 || u16(stream, r.start) !== 0x0600)
    throw new BiffError(`工作表「${name}」的位置（第 ${offset} 字节）上不是工作表的开始记录`);
  if (u16(stream, r.start + 2) !== WORKSHEET_BOF) return false;
  for (let n = 0; n < WSBOOL_SEARCH && r.next(); n++) {
    const type: number = r.type;
    if (type === RT.WSBOOL) return r.length < 2 || (u16(stream, r.start) & 0x0010) === 0;
    if (type === RT.EOF || type === RT.BOF) break;
  }
  return true;
}

/**
 * The shared strings ([MS-XLS] 2.4.265): `count` strings, each its length, flags, rich-text runs and phonetic
 * data (counted and passed over), its characters perhaps split over CONTINUE records. A count the data cannot
 * hold (every string takes at least three bytes) is refused before anything is allocated.
 */
function readStrings(c: Continued, count: number, out: string[], tooLong: Map<number, number>): void {
  if (count * 3 > c.left())
    throw new BiffError(`共享字符串表（SST）声称有 ${count} 个字符串，超出了它的数据所能容纳的`);
  for (let i = 0; i < count; i++) {
    const length = c.u16();
    const flags = c.u8();
    const runs = flags & 0x08 ? c.u16() : 0;
    const phonetic = flags & 0x04 ? c.u32() : 0;
    const keep = length <= MAX_CELL_CHARS;
    out.push(c.chars(length, (flags & 1) !== 0, keep));
    if (!keep) tooLong.set(i, length);
    c.skip(runs * 4 + phonetic);
  }
}

/**
 * A sheet parsed the first time its rows (or merges) are read. Its parser is let go once done: when every sheet
 * is read, nothing holds the Workbook stream any more.
 */
function lazySheet(entry: SheetEntry, parse: () => ParsedSheet): SheetData {
  let parsed: ParsedSheet | null = null;
  let parser: (() => ParsedSheet) | null = parse;
  const get = (): ParsedSheet => {
    if (!parsed && parser) {
      parsed = parser();
      parser = null;
    }
    return parsed as ParsedSheet;
  };
  const sheet: SheetData = {
    name: entry.name,
    get rows() {
      return get().rows;
    },
    set rows(rows: Cell[][]) {
      parsed = { rows, merges: parsed?.merges ?? [] };
      parser = null;
    },
    get merges() {
      return get().merges;
    },
    firstRow: 1,
  };
  if (entry.hidden) sheet.hidden = entry.hidden;
  return sheet;
}
