/**
 * Reading the zip package of a .docx, .xlsx or OFD, defensively and within bounded memory. Everything is
 * decided from the central directory before a byte is inflated: absolute, "../" or duplicate names, encrypted
 * entries, too many entries, declared sizes over the caps. Entries the caller needs are inflated with a
 * limit of their declared size (a stream that would grow past it stops at once) and checked against their
 * size and CRC-32; the rest (pictures, fonts, thumbnails) are kept compressed, as they were, never inflated.
 * Every refusal is a PackageError with a Chinese sentence naming the file and what is wrong.
 */
import { Inflate } from "fflate";
import { crc32 } from "./crc";

/** A package that cannot be used, with a Chinese message saying why and what to do. */
export class PackageError extends Error {
  constructor(
    readonly label: string,
    /** What is wrong, without the file's name. */
    readonly why: string,
    /** Whether the file is damaged (rather than refused for what it holds). */
    readonly corrupt: boolean,
  ) {
    super(`「${label}」${why}`);
    this.name = "PackageError";
  }
}

/** An entry kept as it was stored: copied back unchanged when the package is written again. */
export interface RawEntry {
  method: number;
  crc: number;
  size: number;
  compressed: Uint8Array;
}

export interface ZipEntry {
  name: string;
  /** The inflated content, for entries that were needed (and for new ones). */
  data?: Uint8Array;
  /** The stored bytes of an entry that was not needed. */
  raw?: RawEntry;
}

export interface ZipFile {
  entries: ZipEntry[];
}

export type PackageKind = "docx" | "xlsx" | "ofd";

export interface ReadOptions {
  kind: PackageKind;
  /** Which entries to inflate (default: all). */
  need?: (name: string) => boolean;
  /**
   * Needed entries to leave compressed until asked for (inflateEntryChunks): checked and counted in the caps like any
   * needed entry, inflated only when the caller reads them.
   */
  lazy?: (name: string) => boolean;
}

/**
 * Caps, documented in the README: a real report or register is far below them. `entryBytes` holds for every
 * entry's declared size (read from the central directory, inflated or not); `totalBytes` for the entries that
 * are inflated together.
 */
export const PACKAGE_LIMITS: Record<
  PackageKind,
  { entries: number; entryBytes: number; totalBytes: number }
> = {
  docx: { entries: 10000, entryBytes: 64 * 1024 * 1024, totalBytes: 200 * 1024 * 1024 },
  xlsx: { entries: 10000, entryBytes: 160 * 1024 * 1024, totalBytes: 200 * 1024 * 1024 },
  ofd: { entries: 10000, entryBytes: 64 * 1024 * 1024, totalBytes: 200 * 1024 * 1024 },
};

/** What a package is called, what opens it, an old (OLE) file taken for it, and what to save that as. */
const WHAT: Record<PackageKind, { name: string; app: string; old: string; saveAs: string }> = {
  docx: { name: " .docx 格式的 Word 文档", app: "Word 或 WPS", old: "旧版 Word（.doc）", saveAs: " .docx" },
  xlsx: {
    name: " .xlsx 格式的 Excel 工作簿",
    app: "Excel 或 WPS",
    old: "旧版 Excel（.xls）或其他 Office 旧格式",
    saveAs: " .xlsx",
  },
  ofd: {
    name: " OFD 版式文件",
    app: "数科 OFD 阅读器或 WPS",
    old: "旧版 Office 格式（.doc、.xls 等）的",
    saveAs: " OFD",
  },
};

/** Entries no reading of ours ever needs: pictures, embedded objects, fonts, thumbnails, printer settings. */
export function isMedia(name: string): boolean {
  return (
    /(^|\/)(media|embeddings|fonts|printerSettings|activeX)\//i.test(name) ||
    /^docProps\/thumbnail\./i.test(name) ||
    /\.(png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|wdp|bin|odttf|ttf|otf)$/i.test(name)
  );
}

function unsafeName(name: string): boolean {
  return (
    name.startsWith("/") ||
    name.includes("\\") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((p) => p === "..") ||
    name.includes("\0")
  );
}

/** Whether a compound (OLE) file holds an encrypted OOXML package: Office's password protection. */
export function isEncryptedOle(bytes: Uint8Array): boolean {
  const needle = "EncryptionInfo";
  const limit = Math.min(bytes.length, 1 << 20);
  outer: for (let i = 0; i + needle.length * 2 <= limit; i++) {
    for (let j = 0; j < needle.length; j++)
      if (bytes[i + j * 2] !== needle.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    return true;
  }
  return false;
}

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function centralDirectory(
  bytes: Uint8Array,
  maxEntries: number,
  fail: (why: string, corrupt?: boolean) => never,
): CentralEntry[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) fail("已损坏（找不到文件目录，可能只下载或复制了一部分）", true);
  const count = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) fail("过大（ZIP64 格式），不像正常的文件");
  if (count > maxEntries) fail("包含的文件过多，不像正常的文件");
  const decoder = new TextDecoder();
  const out: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== 0x02014b50)
      fail("已损坏（文件目录不完整）", true);
    const nameLen = dv.getUint16(at + 28, true);
    const extra = dv.getUint16(at + 30, true);
    const comment = dv.getUint16(at + 32, true);
    out.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen)),
      flags: dv.getUint16(at + 8, true),
      method: dv.getUint16(at + 10, true),
      crc: dv.getUint32(at + 16, true),
      compressedSize: dv.getUint32(at + 20, true),
      size: dv.getUint32(at + 24, true),
      offset: dv.getUint32(at + 42, true),
    });
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

export function readPackage(bytes: Uint8Array, label: string, options: ReadOptions): ZipFile {
  const what = WHAT[options.kind];
  const fail = (why: string, corrupt = false): never => {
    throw new PackageError(label, why, corrupt);
  };
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
    fail(
      isEncryptedOle(bytes)
        ? `设有打开密码（已加密），本工具无法读取；请在 ${what.app} 中打开，取消密码后另存一份再试`
        : `是${what.old}文件，请在 ${what.app} 中“另存为”${what.saveAs} 后再试`,
    );
  if (bytes.length < 4) fail(`为空或过小，不是${what.name}`);
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) fail(`不是${what.name}`);
  if (bytes.length < 22) fail("已损坏（文件过小）", true);
  const limits = PACKAGE_LIMITS[options.kind];
  const central = centralDirectory(bytes, limits.entries, fail);
  const need = options.need ?? (() => true);
  const seen = new Set<string>();
  let total = 0;
  for (const e of central) {
    if (unsafeName(e.name)) fail(`包含不安全的文件路径「${e.name}」，已拒绝处理`);
    const key = e.name.toLowerCase();
    if (seen.has(key)) fail(`包含两个同名的部件「${e.name}」（可能是恶意构造的文件），已拒绝处理`);
    seen.add(key);
    if (e.flags & 1) fail(`中的「${e.name}」已加密，本工具无法读取；请取消密码后另存一份再试`);
    if (e.size === 0xffffffff || e.compressedSize === 0xffffffff) fail("过大（ZIP64 格式），不像正常的文件");
    if (e.size > limits.entryBytes)
      fail(`中的「${e.name}」解压后过大（${Math.round(e.size / 1048576)} MB），已拒绝处理`);
    if (!need(e.name) || e.name.endsWith("/")) continue;
    total += e.size;
    if (total > limits.totalBytes) fail(`解压后总大小超过 ${limits.totalBytes / 1048576} MB，已拒绝处理`);
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: ZipEntry[] = [];
  for (const e of central) {
    if (e.name.endsWith("/")) continue;
    const at = e.offset;
    if (at + 30 > bytes.length || dv.getUint32(at, true) !== 0x04034b50)
      fail(`已损坏（「${e.name}」找不到）`, true);
    const start = at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
    if (start + e.compressedSize > bytes.length) fail(`已损坏（「${e.name}」不完整）`, true);
    const compressed = bytes.subarray(start, start + e.compressedSize);
    if (e.method !== 0 && e.method !== 8) fail(`中的「${e.name}」使用了不支持的压缩方式，请重新保存后再试`);
    const raw = { method: e.method, crc: e.crc, size: e.size, compressed };
    if (!need(e.name) || options.lazy?.(e.name)) entries.push({ name: e.name, raw });
    else entries.push({ name: e.name, data: inflateChecked(e.name, raw, fail) });
  }
  return { entries };
}

/**
 * A whole-entry raw inflater the platform has natively (Node's zlib, for the command line), or null for fflate's
 * (browsers, workers). It must give up, throwing, once the output would exceed `limit` bytes.
 */
export interface NativeZlib {
  /** The entry's content; null to leave it to fflate (which then also says what is wrong with it). */
  inflate: (compressed: Uint8Array, limit: number) => Uint8Array | null;
  /** CRC-32 of a whole buffer, as ./crc computes it. */
  crc32: (data: Uint8Array) => number;
}
let native: NativeZlib | null = null;

/** Uses the platform's inflater and CRC from now on (null: back to fflate's). Every check stays as it is. */
export function useNativeInflate(zlib: NativeZlib | null): void {
  native = zlib;
}

/** A deflated entry inflated by the native inflater, within its size plus one byte, checked; or null without one. */
function inflateNative(name: string, raw: RawEntry, fail: (why: string) => never): Uint8Array | null {
  if (!native || raw.method !== 8) return null;
  let out: Uint8Array | null;
  try {
    out = native.inflate(raw.compressed, raw.size + 1);
  } catch {
    fail(mismatch(name)); // damaged, or it would grow past its declared size
  }
  if (out === null) return null;
  if (out.length !== raw.size || native.crc32(out) >>> 0 !== raw.crc >>> 0) fail(mismatch(name));
  return out;
}

/** The refusal of an entry whose content does not match the central directory. */
const mismatch = (name: string) => `中的「${name}」内容与记录不符，文件可能已损坏或被篡改，已拒绝处理`;

/**
 * A raw entry's content handed over in chunks as it is inflated, within its declared size and checked against
 * its CRC at the end: fail() if the stream would grow past its size, is damaged, stops short or does not match.
 */
function inflateRaw(
  name: string,
  raw: RawEntry,
  onChunk: (chunk: Uint8Array) => void,
  fail: (why: string) => never,
) {
  if (raw.method === 0) {
    if (raw.compressed.length !== raw.size || crc32(raw.compressed) !== raw.crc) fail(mismatch(name));
    return onChunk(raw.compressed);
  }
  // Inflated natively, the entry is whole in memory already: handed over as one chunk.
  const whole = inflateNative(name, raw, fail);
  if (whole) return onChunk(whole);
  let n = 0;
  let crc = 0;
  let over = false;
  // What the caller's onChunk threw (a sheet's own fault): passed on as it is, never taken for a damaged stream.
  let callerError: { error: unknown } | null = null;
  const stream = new Inflate((chunk) => {
    n += chunk.length;
    if (n > raw.size) over = true;
    else if (!callerError) {
      crc = crc32(chunk, crc);
      try {
        onChunk(chunk);
      } catch (error) {
        callerError = { error };
      }
    }
  });
  const STEP = 16384;
  try {
    for (let i = 0; i < raw.compressed.length && !over && !callerError; i += STEP)
      stream.push(
        raw.compressed.subarray(i, Math.min(raw.compressed.length, i + STEP)),
        i + STEP >= raw.compressed.length,
      );
  } catch {
    fail(mismatch(name)); // the deflate stream itself is damaged
  }
  if (callerError) throw (callerError as { error: unknown }).error;
  if (over || n !== raw.size || crc !== raw.crc) fail(mismatch(name));
}

/** A raw entry inflated whole (for readPackage's needed entries), checked as inflateRaw checks it. */
function inflateChecked(
  name: string,
  raw: RawEntry,
  fail: (why: string, corrupt?: boolean) => never,
): Uint8Array {
  if (raw.method === 0) {
    inflateRaw(
      name,
      raw,
      () => undefined,
      (why) => fail(why, true),
    );
    return raw.compressed.slice();
  }
  const whole = inflateNative(name, raw, (why) => fail(why, true));
  if (whole) return whole;
  const parts: Uint8Array[] = [];
  inflateRaw(
    name,
    raw,
    (chunk) => parts.push(chunk),
    (why) => fail(why, true),
  );
  const out = new Uint8Array(raw.size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * An entry's content handed over in chunks as it is inflated (never whole in memory), checked as readPackage
 * checks the entries it inflates: a PackageError if the stream would grow past its size, stops short, or does
 * not match. Chunks already handed over stay handed over; the caller discards what it made of them when this
 * throws.
 */
export function inflateEntryChunks(
  entry: ZipEntry,
  label: string,
  onChunk: (chunk: Uint8Array) => void,
): void {
  if (entry.data) return onChunk(entry.data);
  if (!entry.raw) return;
  inflateRaw(entry.name, entry.raw, onChunk, (why) => {
    throw new PackageError(label, why, true);
  });
}

/**
 * Whether an XML document declares a DOCTYPE (and so may declare entities) in its prolog: scans the bytes up to
 * the root element, past the XML declaration, processing instructions and comments of any length.
 */
export function declaresDoctype(xml: Uint8Array): boolean {
  const LT = 0x3c;
  const find = (from: number, a: number, b: number) => {
    for (let j = from; j + 1 < xml.length; j++) if (xml[j] === a && xml[j + 1] === b) return j + 2;
    return xml.length;
  };
  for (let i = 0; i < xml.length; i++) {
    if (xml[i] !== LT) continue;
    const next = xml[i + 1];
    if (next === 0x3f)
      i = find(i + 2, 0x3f, 0x3e) - 1; // <? … ?>
    else if (next === 0x21 && xml[i + 2] === 0x2d && xml[i + 3] === 0x2d) {
      // <!-- … -->
      let j = i + 4;
      while (j + 2 < xml.length && !(xml[j] === 0x2d && xml[j + 1] === 0x2d && xml[j + 2] === 0x3e)) j++;
      i = j + 2;
    } else return next === 0x21; // <!DOCTYPE or <!ENTITY before the root; any other tag is the root
  }
  return false;
}

/** The inflated content of an entry that was read, or undefined. */
export function entryData(zip: ZipFile, name: string): Uint8Array | undefined {
  return zip.entries.find((e) => e.name === name)?.data;
}

/** Where an entry's stored bytes sit in the package: the key of what was inflated ahead for it. */
const placeOf = (compressed: Uint8Array) => `${compressed.byteOffset}:${compressed.length}`;

/** A deflated entry inflated by the platform's DecompressionStream, stopped at `limit` bytes; null if it fails. */
async function inflateStream(data: Uint8Array, limit: number): Promise<Uint8Array | null> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const parts: Uint8Array[] = [];
  let n = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      n += value.length;
      if (n >= limit) {
        await reader.cancel().catch(() => undefined);
        return null; // past its declared size: fflate refuses it, stopping as soon as it does
      }
      parts.push(value);
    }
  } catch {
    return null; // damaged: fflate says so
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * The deflated entries a synchronous reader of this package will need, inflated ahead by the platform's own
 * DecompressionStream (native code in browsers and workers, several times fflate's speed), after every check
 * of the central directory: null where the platform has none or the package is refused (the reader then says
 * why). Anything that fails here, or would grow past its declared size, is left to fflate, whose refusal the
 * reader gives; CRC-32 is checked as always. For useNativeInflate, around one reading of these same bytes.
 */
export async function inflatedAhead(
  bytes: Uint8Array,
  label: string,
  options: ReadOptions,
): Promise<NativeZlib | null> {
  if (typeof DecompressionStream === "undefined") return null;
  try {
    new DecompressionStream("deflate-raw");
  } catch {
    return null; // a browser that knows deflate but not raw deflate
  }
  let zip: ZipFile;
  try {
    zip = readPackage(bytes, label, { ...options, lazy: () => true });
  } catch {
    return null;
  }
  const need = options.need ?? (() => true);
  const done = new Map<string, Uint8Array>();
  for (const e of zip.entries)
    if (e.raw && e.raw.method === 8 && need(e.name)) {
      const out = await inflateStream(e.raw.compressed, e.raw.size + 1);
      if (out) done.set(placeOf(e.raw.compressed), out);
    }
  return {
    inflate: (compressed, limit) => {
      const out = done.get(placeOf(compressed));
      return out && out.length < limit ? out : null;
    },
    crc32,
  };
}
