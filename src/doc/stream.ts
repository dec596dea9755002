/**
 * Reading a Word document's streams defensively: every number is read through a Stream that checks the
 * position first, so an offset or a length a damaged file gives is a Chinese sentence naming the file (a
 * CompoundError, as src/cfb's), never a RangeError of a typed array nor a read past what the stream holds.
 */
import { CompoundError } from "../cfb/read";

/** The sentence for a damaged document: what is wrong, inside the brackets. */
export function damaged(label: string, what: string): never {
  throw new CompoundError(label, `已损坏（${what}），请用原来的程序打开后重新保存再试`, true);
}

/** A refusal for what the document is (an old version, a password), not for damage. */
export function refuse(label: string, why: string): never {
  throw new CompoundError(label, why, false);
}

export const WORD_95 =
  "是 Word 6.0/95 或更早版本的文档，本工具不能读取；请在 Word 或 WPS 中另存为 .docx 后再试";
export const ENCRYPTED =
  "设有打开密码（已加密），本工具无法读取；请在 Word 或 WPS 中打开，取消密码后另存一份再试";

/** One stream's bytes, read little-endian with every position checked. */
export class Stream {
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    /** The stream as people would name it in a sentence: 「WordDocument 流」. */
    readonly what: string,
    readonly label: string,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get length(): number {
    return this.bytes.length;
  }

  /** Whether `n` bytes at `at` lie within the stream. */
  holds(at: number, n: number): boolean {
    return Number.isSafeInteger(at) && Number.isSafeInteger(n) && at >= 0 && n >= 0 && at + n <= this.length;
  }

  /** Fails, naming `thing`, unless `n` bytes at `at` lie within the stream. */
  need(at: number, n: number, thing: string): void {
    if (!this.holds(at, n)) damaged(this.label, `${thing}超出了 ${this.what}`);
  }

  u8(at: number, thing: string): number {
    this.need(at, 1, thing);
    return this.bytes[at];
  }

  u16(at: number, thing: string): number {
    this.need(at, 2, thing);
    return this.view.getUint16(at, true);
  }

  i16(at: number, thing: string): number {
    this.need(at, 2, thing);
    return this.view.getInt16(at, true);
  }

  u32(at: number, thing: string): number {
    this.need(at, 4, thing);
    return this.view.getUint32(at, true);
  }

  i32(at: number, thing: string): number {
    this.need(at, 4, thing);
    return this.view.getInt32(at, true);
  }

  /** `n` bytes at `at` (a view, not a copy). */
  slice(at: number, n: number, thing: string): Uint8Array {
    this.need(at, n, thing);
    return this.bytes.subarray(at, at + n);
  }
}
