/**
 * Helpers of the .xls reader's tests: random workbooks with every kind of cell (written by ExcelJS, saved as .xls
 * and .xlsx by LibreOffice), a list of a Workbook stream's records (a plain loop of the format's framing, not the
 * reader's), and Workbook streams written record by record ([MS-XLS]) with values the tests state by hand, whole
 * or broken where a test says (test/cfb.ts puts them into a compound file).
 */
import ExcelJS from "exceljs";
import { rng } from "../src/report/sample";
import { concat } from "./cfb";

const DATE_FORMATS = [
  "yyyy-mm-dd",
  'yyyy"年"m"月"d"日"',
  "[$-804]yyyy/m/d",
  "yyyy/m/d h:mm",
  "m/d/yy",
  "d-mmm-yy",
  "h:mm:ss",
  "[$-804]aaaa",
  "yyyy年m月",
];
const TEXTS = [
  "自然人",
  "予以公开",
  "  前后空格  ",
  "a&b<c>\"d'",
  "第一行\n第二行",
  "０１２全角",
  "x",
  "Ünïcödé café",
  "混合 text 123",
  "=不是公式",
  "𠀀扩展B区",
];

/** A long text: Latin-1 only (stored one byte a character) or with CJK (two), of `n` characters. */
function longText(r: () => number, n: number): string {
  const cjk = r() < 0.5;
  let s = "";
  while (s.length < n) s += cjk ? `第${s.length}字，政府信息公开。` : `row ${s.length} é; `;
  return s.slice(0, n);
}

/** A generated workbook, and where it put formulas whose result is text (keys of `at`). */
export interface Generated {
  workbook: ExcelJS.Workbook;
  /**
   * Text results LibreOffice may write to .xls as the number 0 (see the differential test's comment): a cached
   * text result it keeps without calculating, and a text result of a cell formatted as a number or date.
   */
  textFormulas: Set<string>;
  /** Text results LibreOffice calculates and writes to .xls as text (a STRING record after the FORMULA). */
  stringFormulas: Set<string>;
}

export const at = (sheet: number, row: number, col: number) => `${sheet}:${row}:${col}`;

/** A workbook of 1–4 sheets with every kind of cell, drawn from the seed. */
export function randomWorkbook(seed: number): Generated {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const wb = new ExcelJS.Workbook();
  const textFormulas = new Set<string>();
  const stringFormulas = new Set<string>();
  if (r() < 0.2) wb.properties.date1904 = true;
  const sheets = 1 + Math.floor(r() * 4);
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`表${s + 1}${pick(["", "（月）", " 台账", "Sheet"])}`);
    if (s > 0 && r() < 0.3) ws.state = pick(["hidden", "veryHidden"] as const);
    const rows = Math.floor(r() * (r() < 0.1 ? 400 : 30));
    const cols = 1 + Math.floor(r() * 10);
    const top = r() < 0.2 ? 1 + Math.floor(r() * 4) : 1;
    for (let i = top; i < top + rows; i++) {
      if (r() < 0.1) continue; // an empty row
      for (let j = 1; j <= cols; j++) {
        const cell = ws.getCell(i, j);
        const kind = Math.floor(r() * 21);
        const day = Date.UTC(1990 + Math.floor(r() * 40), Math.floor(r() * 12), 1 + Math.floor(r() * 28));
        switch (kind) {
          case 0:
            break;
          case 1:
          case 2:
            cell.value = pick(TEXTS);
            break;
          case 3:
            cell.value = Math.floor(r() * 2000) - 500; // an RK integer
            break;
          case 4:
            cell.value = Math.round(r() * 1e6) / 1000; // a double
            break;
          case 5:
            cell.value = (Math.floor(r() * 200000) - 100000) / 100; // an RK × 100
            break;
          case 6:
            cell.value = pick([
              2 ** 31,
              -(2 ** 40) + 1,
              1e-7,
              123456789.123,
              0.1 + 0.2,
              536870912,
              -536870913,
            ]);
            break;
          case 7:
            cell.value = r() < 0.5;
            break;
          case 8:
          case 9:
            cell.value = new Date(day + (r() < 0.3 ? Math.floor(r() * 86400) * 1000 : 0));
            cell.numFmt = pick(DATE_FORMATS);
            break;
          case 10:
            cell.value = {
              error: pick(["#N/A", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#NULL!"]),
            } as ExcelJS.CellErrorValue;
            break;
          case 11:
            cell.value = { formula: "1+1", result: Math.floor(r() * 100) };
            break;
          case 12:
            // A text result LibreOffice keeps as cached (and writes to .xls by its own rule, see the test).
            cell.value = { formula: 'IF(TRUE,"是","否")', result: pick(TEXTS) };
            textFormulas.add(at(s, i - 1, j - 1));
            break;
          case 13:
          case 19: {
            // No cached result: LibreOffice calculates these: texts (one over several records), an empty text, a
            // boolean, errors, a date, a number.
            const formula = pick([
              'IF(TRUE,"予以公开","否")',
              'REPT("长",300)',
              'REPT("长",5000)',
              'REPT("ab",6000)',
              'IF(TRUE,"","x")',
              "1=1",
              "1/0",
              "NA()",
              "DATE(2025,3,1)",
              "2.5*4",
            ]);
            cell.value = { formula } as ExcelJS.CellFormulaValue;
            const formatted = r() < 0.3;
            if (formatted) cell.numFmt = pick(DATE_FORMATS);
            if (formula.includes('"')) (formatted ? textFormulas : stringFormulas).add(at(s, i - 1, j - 1));
            break;
          }
          case 14:
            cell.value = { richText: [{ text: pick(TEXTS) }, { text: "加粗", font: { bold: true } }] };
            break;
          case 15:
            cell.value = { text: pick(TEXTS), hyperlink: "https://example.invalid/x" };
            break;
          case 16:
            cell.value = longText(r, pick([300, 2000, 8300, 12000, 20000]));
            break;
          case 17:
            cell.value = `编号${seed}-${s}-${i}-${j}`; // unique texts: a shared strings table of many items
            break;
          case 18:
            cell.numFmt = pick(["@", "0.00", "yyyy-mm-dd"]); // a styled, empty cell
            cell.style = {
              ...cell.style,
              fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } },
            };
            break;
          default:
            cell.value = Math.floor(r() * 100);
            cell.numFmt = pick(["0.00", "#,##0", "0%", "@", "General"]);
        }
      }
    }
    if (rows > 3 && cols > 2 && r() < 0.6) {
      ws.mergeCells(top, 1, top, cols); // a title row
      if (r() < 0.5) ws.mergeCells(top + 1, 1, top + 2, 1); // a two-row header cell
    }
  }
  return { workbook: wb, textFormulas, stringFormulas };
}

/** A record of a BIFF stream: its type, where its data starts, its length. */
export interface Rec {
  type: number;
  start: number;
  length: number;
}

/** The records of a BIFF stream from `from` (each: type and length, 2 bytes each, then the data). */
export function records(stream: Uint8Array, from = 0): Rec[] {
  const out: Rec[] = [];
  for (let i = from; i + 4 <= stream.length;) {
    const type = stream[i] | (stream[i + 1] << 8);
    const length = stream[i + 2] | (stream[i + 3] << 8);
    out.push({ type, start: i + 4, length });
    i += 4 + length;
  }
  return out;
}

/** A stream with the bytes [at, at + remove) replaced by `insert`. */
export function splice(stream: Uint8Array, at: number, remove: number, insert: Uint8Array): Uint8Array {
  const out = new Uint8Array(stream.length - remove + insert.length);
  out.set(stream.subarray(0, at));
  out.set(insert, at);
  out.set(stream.subarray(at + remove), at + insert.length);
  return out;
}

/** A record's bytes: its type, length and data. */
export function record(type: number, data: number[] | Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  out.set([type & 255, type >> 8, data.length & 255, data.length >> 8]);
  out.set(data, 4);
  return out;
}

const le16 = (v: number) => [v & 255, (v >> 8) & 255];
const le32 = (v: number) => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];
const le64 = (v: number) => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, true);
  return [...b];
};

/** A record's data split into records of at most `max` bytes: the first of `type`, the rest CONTINUE. */
class Splitter {
  readonly out: Uint8Array[] = [];
  private cur: number[] = [];

  constructor(
    private readonly type: number,
    private readonly max: number,
  ) {}

  /** Bytes that may be split anywhere (a continuation starts with the next of them). */
  bytes(bs: number[]): void {
    for (const b of bs) {
      if (this.cur.length >= this.max) this.flush();
      this.cur.push(b);
    }
  }

  /** Bytes kept together in one record (a string's header). */
  whole(bs: number[]): void {
    if (this.cur.length + bs.length > this.max) this.flush();
    this.cur.push(...bs);
  }

  /**
   * A string's characters, two bytes each when `wide`; where they go on in a continuation, it starts with a flags
   * byte of their width, which `switchWidth` changes there (to one byte where the characters left allow it).
   */
  chars(text: string, wide: boolean, switchWidth = false): void {
    for (let i = 0; i < text.length; i++) {
      if (this.cur.length + (wide ? 2 : 1) > this.max) {
        this.flush();
        if (switchWidth) wide = !wide || [...text.slice(i)].some((c) => c.charCodeAt(0) > 255);
        this.cur.push(wide ? 1 : 0);
      }
      const c = text.charCodeAt(i);
      this.cur.push(...(wide ? le16(c) : [c]));
    }
  }

  flush(): void {
    this.out.push(record(this.out.length ? 0x003c : this.type, this.cur));
    this.cur = [];
  }

  done(): Uint8Array[] {
    if (this.cur.length || !this.out.length) this.flush();
    return this.out;
  }
}

/** An item of a hand-made shared strings table: its text, width, rich-text runs and phonetic bytes. */
export interface SstItem {
  text: string;
  wide?: boolean;
  runs?: number;
  phonetic?: number;
}

/**
 * An SST record and its CONTINUE records holding `items` (each at most `max` bytes of data, 8224 as Excel
 * writes); `declared` replaces the count of strings it says it holds.
 */
export function sstRecords(
  items: SstItem[],
  options: { max?: number; declared?: number; switchWidth?: boolean } = {},
): Uint8Array[] {
  const s = new Splitter(0x00fc, options.max ?? 8224);
  const n = options.declared ?? items.length;
  s.whole([...le32(n), ...le32(n)]);
  for (const item of items) {
    const wide = item.wide ?? [...item.text].some((c) => c.charCodeAt(0) > 255);
    const flags = (wide ? 1 : 0) | (item.phonetic ? 4 : 0) | (item.runs ? 8 : 0);
    s.whole([
      ...le16(item.text.length),
      flags,
      ...(item.runs ? le16(item.runs) : []),
      ...(item.phonetic ? le32(item.phonetic) : []),
    ]);
    s.chars(item.text, wide, options.switchWidth);
    s.bytes(new Array<number>(4 * (item.runs ?? 0) + (item.phonetic ?? 0)).fill(0xab));
  }
  return s.done();
}

/** A string record (LABEL, RSTRING, STRING) and its CONTINUE records: `prefix`, then the XLUnicodeString. */
export function stringRecords(
  type: number,
  prefix: number[],
  text: string,
  options: { wide?: boolean; max?: number; switchWidth?: boolean; raw?: number[] } = {},
): Uint8Array[] {
  const s = new Splitter(type, options.max ?? 8224);
  const wide = options.wide ?? [...text].some((c) => c.charCodeAt(0) > 255);
  if (options.raw) s.whole([...prefix, ...le16(options.raw.length), 0, ...options.raw]);
  else {
    s.whole([...prefix, ...le16(text.length), wide ? 1 : 0]);
    s.chars(text, wide, options.switchWidth);
  }
  return s.done();
}

const rcx = (row: number, col: number, xf: number) => [...le16(row), ...le16(col), ...le16(xf)];

/** Cell records of a hand-made sheet. */
export const cells = {
  number: (row: number, col: number, xf: number, v: number) =>
    record(0x0203, [...rcx(row, col, xf), ...le64(v)]),
  rk: (row: number, col: number, xf: number, raw: number) =>
    record(0x027e, [...rcx(row, col, xf), ...le32(raw)]),
  mulrk: (row: number, first: number, items: [number, number][]) =>
    record(0x00bd, [
      ...le16(row),
      ...le16(first),
      ...items.flatMap(([xf, raw]) => [...le16(xf), ...le32(raw)]),
      ...le16(first + items.length - 1),
    ]),
  labelSst: (row: number, col: number, xf: number, index: number) =>
    record(0x00fd, [...rcx(row, col, xf), ...le32(index)]),
  boolErr: (row: number, col: number, xf: number, value: number, error: boolean) =>
    record(0x0205, [...rcx(row, col, xf), value, error ? 1 : 0]),
  /** A FORMULA whose cached result is the 8 bytes `result` (formula tokens: none). */
  formula: (row: number, col: number, xf: number, result: number[]) =>
    record(0x0006, [...rcx(row, col, xf), ...result, 0, 0, 0, 0, 0, 0, 0, 0]),
  blank: (row: number, col: number, xf: number) => record(0x0201, rcx(row, col, xf)),
  mulBlank: (row: number, first: number, xfs: number[]) =>
    record(0x00be, [...le16(row), ...le16(first), ...xfs.flatMap(le16), ...le16(first + xfs.length - 1)]),
  merges: (ranges: [number, number, number, number][]) =>
    record(0x00e5, [...le16(ranges.length), ...ranges.flatMap((r) => r.flatMap(le16))]),
  row: (row: number) => record(0x0208, [...le16(row), 0, 0, 0, 0, 0xff, 0, 0, 0, 0, 0, 0, 1, 0x0f, 0]),
};

/** A FORMULA's cached result: a number, or (byte 0) 0 text, 1 boolean, 2 error, 3 empty text. */
export const result = {
  number: le64,
  text: () => [0, 0, 0, 0, 0, 0, 0xff, 0xff],
  bool: (v: boolean) => [1, 0, v ? 1 : 0, 0, 0, 0, 0xff, 0xff],
  error: (code: number) => [2, 0, code, 0, 0, 0, 0xff, 0xff],
  empty: () => [3, 0, 0, 0, 0, 0, 0xff, 0xff],
};

/** A BOF record: BIFF version `vers` (0x0600: BIFF8), substream type `dt`. */
export const bof = (dt: number, vers = 0x0600) =>
  record(0x0809, [...le16(vers), ...le16(dt), 0xbb, 0x0d, 0xcc, 0x07, 0, 0, 0, 0, 6, 0, 0, 0]);

/** Records of the globals. */
export const globals = {
  codepage: (cp: number) => record(0x0042, le16(cp)),
  dateMode: (date1904: boolean) => record(0x0022, le16(date1904 ? 1 : 0)),
  format: (id: number, code: string) =>
    record(0x041e, [
      ...le16(id),
      ...le16(code.length),
      1,
      ...[...code].flatMap((c) => le16(c.charCodeAt(0))),
    ]),
  /** An XF of number format `ifmt` (a cell XF; the other fields zero). */
  xf: (ifmt: number) => record(0x00e0, [0, 0, ...le16(ifmt), ...new Array<number>(16).fill(0)]),
  filePass: () => record(0x002f, [1, 0, 1, 0, 1, 0, ...new Array<number>(48).fill(0x5a)]),
};

export interface HandSheet {
  name: string;
  /** The records between the sheet's BOF and EOF. */
  records?: Uint8Array[];
  /** hsState: 0 visible, 1 hidden, 2 very hidden. */
  state?: number;
  /** BOUNDSHEET's type: 0 worksheet or dialog, 1 macro sheet, 2 chart. */
  type?: number;
  /** The BOF's substream type: 0x10 worksheet, 0x20 chart, 0x40 macro sheet. */
  bofType?: number;
  /** Moves the offset BOUNDSHEET gives by this many bytes. */
  shift?: number;
}

/**
 * A Workbook stream: the globals' BOF (or `first`), `globals` records, a BOUNDSHEET per sheet, EOF; then each
 * sheet's BOF, records and EOF. XFs 0–15 are added (General) unless `globals` has its own.
 */
export function biffStream(book: {
  sheets: HandSheet[];
  globals?: Uint8Array[];
  first?: Uint8Array;
}): Uint8Array {
  const own = book.globals ?? [];
  const xfs = own.some((r) => r[0] === 0xe0 && r[1] === 0)
    ? []
    : Array.from({ length: 16 }, () => globals.xf(0));
  const boundSheet = (offset: number, s: HandSheet) =>
    record(0x0085, [
      ...le32(offset),
      s.state ?? 0,
      s.type ?? 0,
      s.name.length,
      1,
      ...[...s.name].flatMap((c) => le16(c.charCodeAt(0))),
    ]);
  const head = [book.first ?? bof(5), ...own, ...xfs];
  const eof = record(0x000a, []);
  const size = (rs: Uint8Array[]) => rs.reduce((n, r) => n + r.length, 0);
  let offset = size(head) + size(book.sheets.map((s) => boundSheet(0, s))) + eof.length;
  const bodies = book.sheets.map((s) => [bof(s.bofType ?? 0x10), ...(s.records ?? []), eof]);
  const offsets = bodies.map((b) => {
    const at = offset;
    offset += size(b);
    return at;
  });
  const all = [
    ...head,
    ...book.sheets.map((s, i) => boundSheet(offsets[i] + (s.shift ?? 0), s)),
    eof,
    ...bodies.flat(),
  ];
  return concat(all);
}
