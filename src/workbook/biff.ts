/**
 * The records of a BIFF8 Workbook stream ([MS-XLS] 2.1.4): a record reader that checks every length against the
 * stream before anything is read, data read across a record and the CONTINUE records after it (the shared
 * strings table and long strings span several), Unicode strings whose characters change width at a continuation,
 * RK numbers, error codes and the 8-bit code pages a CODEPAGE record may name. Every refusal is a BiffError with
 * a Chinese phrase saying what is wrong (./xls names the file and the sheet).
 */

/** A stream that breaks the format; `message` says how, in a phrase that follows 「已损坏（」. */
export class BiffError extends Error {}

/** Record types ([MS-XLS] 2.3). */
export const RT = {
  BOF: 0x0809,
  EOF: 0x000a,
  FILEPASS: 0x002f,
  CODEPAGE: 0x0042,
  DATEMODE: 0x0022,
  BOUNDSHEET: 0x0085,
  SST: 0x00fc,
  CONTINUE: 0x003c,
  FORMAT: 0x041e,
  XF: 0x00e0,
  WSBOOL: 0x0081,
  LABELSST: 0x00fd,
  LABEL: 0x0204,
  RSTRING: 0x00d6,
  NUMBER: 0x0203,
  RK: 0x027e,
  MULRK: 0x00bd,
  FORMULA: 0x0006,
  STRING: 0x0207,
  BOOLERR: 0x0205,
  BLANK: 0x0201,
  MULBLANK: 0x00be,
  MERGECELLS: 0x00e5,
} as const;

/** The BOF record types of BIFF2, BIFF3 and BIFF4 (BIFF5 and BIFF8 share 0x0809 and tell by their version). */
export const OLD_BOFS = [0x0009, 0x0209, 0x0409];

const CUT = "记录被截断：数据在一条记录的中间结束";

/**
 * Reads the records of `data` from `from`: next() moves to the following record, checking that its header and its
 * whole data lie inside the stream. `type`, `start` (where its data begins) and `length` describe the current one.
 */
export class RecordReader {
  type = -1;
  start = 0;
  length = 0;
  private at: number;

  constructor(
    readonly data: Uint8Array,
    from: number,
  ) {
    this.at = from;
  }

  /** The next record; false at the stream's end. Throws BiffError for a header or data past the end. */
  next(): boolean {
    const d = this.data;
    const at = this.at;
    if (at >= d.length) return false;
    if (at + 4 > d.length) throw new BiffError(CUT);
    const length = d[at + 2] | (d[at + 3] << 8);
    if (at + 4 + length > d.length)
      throw new BiffError(`第 ${at} 字节处的记录长 ${length} 字节，超出了数据流的末尾`);
    this.type = d[at] | (d[at + 1] << 8);
    this.start = at + 4;
    this.length = length;
    this.at = at + 4 + length;
    return true;
  }

  /** The type of the record after the current one, or -1 at the stream's end. */
  peek(): number {
    const d = this.data;
    return this.at + 4 <= d.length ? d[this.at] | (d[this.at + 1] << 8) : -1;
  }
}

export const u16 = (d: Uint8Array, i: number): number => d[i] | (d[i + 1] << 8);
export const u32 = (d: Uint8Array, i: number): number =>
  (d[i] | (d[i + 1] << 8) | (d[i + 2] << 16)) + d[i + 3] * 0x1000000;

/** An RK number ([MS-XLS] 2.5.217): a 30-bit integer or the high 30 bits of a double, either perhaps × 100. */
export function rkValue(d: Uint8Array, i: number, view: DataView): number {
  const raw = u32(d, i);
  let v: number;
  if (raw & 2) v = (raw | 0) >> 2;
  else {
    view.setUint32(0, 0, true);
    view.setUint32(4, raw & 0xfffffffc, true);
    v = view.getFloat64(0, true);
  }
  return raw & 1 ? v / 100 : v;
}

/** The error values of BoolErr and of a formula's cached error ([MS-XLS] 2.5.97 Bes). */
const ERRORS: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

/** An error code's text; a code Excel does not define is read as #N/A (not available). */
export const errorText = (code: number): string => ERRORS[code] ?? "#N/A";

/** The WHATWG encodings of the code pages a CODEPAGE record may name ([MS-XLS] 2.4.52). */
const CODEPAGES: Record<number, string> = {
  874: "windows-874",
  932: "shift_jis",
  936: "gbk",
  949: "euc-kr",
  950: "big5",
  10000: "macintosh",
  32768: "macintosh",
  32769: "windows-1252",
};
for (let cp = 1250; cp <= 1258; cp++) CODEPAGES[cp] = `windows-${cp}`;

/**
 * How the one-byte characters of a LABEL record are read in a file whose CODEPAGE record says `codepage`: BIFF8
 * means U+0000–U+00FF by them, but a program that writes LABEL records (Excel writes LABELSST) may have put its
 * code page's bytes there (GBK in a code page 936 file). So: in the code page, where the file names one we know
 * (not 1200, UTF-16) and the bytes are valid in it; else U+0000–U+00FF.
 */
export function labelText(codepage: number): typeof latin1 {
  const label = CODEPAGES[codepage];
  let decoder: TextDecoder;
  try {
    if (!label) return latin1;
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    return latin1; // a platform without that code page
  }
  return (d, a, b) => {
    for (let i = a; i < b; i++)
      if (d[i] >= 0x80) {
        try {
          return decoder.decode(d.subarray(a, b));
        } catch {
          return latin1(d, a, b);
        }
      }
    return latin1(d, a, b);
  };
}

const utf16 = new TextDecoder("utf-16le");

/** Bytes [a, b) as characters U+0000–U+00FF: a "compressed" BIFF8 string ([MS-XLS] 2.5.296). */
export function latin1(d: Uint8Array, a: number, b: number): string {
  if (b - a <= 16) {
    let s = "";
    for (let i = a; i < b; i++) s += String.fromCharCode(d[i]);
    return s;
  }
  let s = "";
  for (let i = a; i < b; i += 8192)
    s += String.fromCharCode.apply(null, d.subarray(i, Math.min(b, i + 8192)) as unknown as number[]);
  return s;
}

/** Bytes [a, b) as UTF-16LE. */
export function utf16le(d: Uint8Array, a: number, b: number): string {
  if (b - a <= 32) {
    let s = "";
    for (let i = a; i < b; i += 2) s += String.fromCharCode(d[i] | (d[i + 1] << 8));
    return s;
  }
  return utf16.decode(d.subarray(a, b));
}

/**
 * A record's data and the CONTINUE records right after it, read as one run of bytes; the reader is left on the
 * last CONTINUE. A string's characters that go on in a continuation start it with a byte of their own saying their
 * width ([MS-XLS] 2.5.293). Reading past the last one throws BiffError.
 */
export class Continued {
  private readonly bounds: number[] = [];
  private k = 0;
  private pos: number;
  private end: number;
  /** Bytes in the fragments after the current one. */
  private after = 0;
  private readonly rest: number[] = [];

  /** `skip`: bytes of the first record's data not part of the run (a cell's row, column and style). */
  constructor(
    private readonly data: Uint8Array,
    records: RecordReader,
    skip = 0,
  ) {
    this.bounds.push(records.start + Math.min(skip, records.length), records.start + records.length);
    while (records.peek() === RT.CONTINUE) {
      records.next();
      this.bounds.push(records.start, records.start + records.length);
    }
    let total = 0;
    for (let i = this.bounds.length - 2; i >= 0; i -= 2) {
      this.rest[i >> 1] = total;
      total += this.bounds[i + 1] - this.bounds[i];
    }
    this.pos = this.bounds[0];
    this.end = this.bounds[1];
    this.after = this.rest[0];
  }

  /** Bytes left to read. */
  left(): number {
    return this.end - this.pos + this.after;
  }

  private advance(): void {
    this.k += 2;
    if (this.k >= this.bounds.length) throw new BiffError("记录的续接（CONTINUE）提前结束，数据不完整");
    this.pos = this.bounds[this.k];
    this.end = this.bounds[this.k + 1];
    this.after = this.rest[this.k >> 1];
  }

  u8(): number {
    while (this.pos >= this.end) this.advance();
    return this.data[this.pos++];
  }

  u16(): number {
    if (this.pos + 2 <= this.end) {
      const v = u16(this.data, this.pos);
      this.pos += 2;
      return v;
    }
    return this.u8() | (this.u8() << 8);
  }

  u32(): number {
    return this.u16() + this.u16() * 0x10000;
  }

  skip(n: number): void {
    if (n > this.left()) throw new BiffError("记录的续接（CONTINUE）提前结束，数据不完整");
    while (n > 0) {
      if (this.pos >= this.end) this.advance();
      const k = Math.min(n, this.end - this.pos);
      this.pos += k;
      n -= k;
    }
  }

  /**
   * `count` characters, the first of them `wide` (two bytes each) or not; "" with the characters passed over
   * when not `keep`. `narrow` decodes one-byte characters (default: U+0000–U+00FF).
   */
  chars(count: number, wide: boolean, keep: boolean, narrow: typeof latin1 = latin1): string {
    const d = this.data;
    let out = "";
    let left = count;
    while (left > 0) {
      if (this.pos >= this.end) {
        this.advance();
        wide = (this.u8() & 1) !== 0;
        continue;
      }
      const room = wide ? (this.end - this.pos) >> 1 : this.end - this.pos;
      if (room === 0) throw new BiffError("字符串的双字节字符被记录边界截断");
      const n = Math.min(left, room);
      const bytes = wide ? 2 * n : n;
      if (keep) out += wide ? utf16le(d, this.pos, this.pos + bytes) : narrow(d, this.pos, this.pos + bytes);
      this.pos += bytes;
      left -= n;
    }
    return out;
  }
}
