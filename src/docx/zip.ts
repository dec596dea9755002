/**
 * Reading and writing the zip package of a .docx, defensively: entries with absolute or "../" paths,
 * oversized or too many entries, sizes that do not match, and XML with a DOCTYPE (entity expansion, external
 * entities) are refused with a Chinese message before anything is used. Entry order is kept on writing.
 */
import { unzipSync, zipSync } from "fflate";
import type { Zippable } from "fflate";

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export interface ZipFile {
  entries: ZipEntry[];
}

/** A .docx that cannot be used, with a Chinese message saying why. */
export class DocxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocxError";
  }
}

const LIMITS = { entryBytes: 64 * 1024 * 1024, totalBytes: 256 * 1024 * 1024, entries: 10000 };

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(data: Uint8Array): number {
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/** CRC-32 of every entry, from the zip's central directory (null when it cannot be found). */
function centralCrcs(bytes: Uint8Array): Map<string, number> | null {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) return null;
  const count = dv.getUint16(eocd + 10, true);
  let at = dv.getUint32(eocd + 16, true);
  const out = new Map<string, number>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== 0x02014b50) return null;
    const crc = dv.getUint32(at + 16, true);
    const nameLen = dv.getUint16(at + 28, true);
    const extra = dv.getUint16(at + 30, true);
    const comment = dv.getUint16(at + 32, true);
    out.set(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen)), crc);
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

function unsafeName(name: string): boolean {
  return (
    name.startsWith("/") ||
    name.includes("\\") ||
    /^[A-Za-z]:/.test(name) ||
    name.split("/").some((p) => p === "..")
  );
}

export function readZip(bytes: Uint8Array, label: string): ZipFile {
  const what = `「${label}」`;
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new DocxError(
      bytes[0] === 0xd0 && bytes[1] === 0xcf
        ? `${what}是旧版 Word（.doc）文件，请在 Word 或 WPS 中“另存为” .docx 后再试`
        : `${what}不是 .docx 格式的 Word 文档`,
    );
  let total = 0;
  let count = 0;
  const declared = new Map<string, number>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(file) {
        if (unsafeName(file.name))
          throw new DocxError(`${what}包含不安全的文件路径「${file.name}」，已拒绝处理`);
        if (++count > LIMITS.entries)
          throw new DocxError(`${what}包含的文件过多，不像正常的 Word 文档，已拒绝处理`);
        if (file.originalSize > LIMITS.entryBytes)
          throw new DocxError(
            `${what}中的「${file.name}」解压后过大（${Math.round(file.originalSize / 1048576)} MB），已拒绝处理`,
          );
        total += file.originalSize;
        if (total > LIMITS.totalBytes) throw new DocxError(`${what}解压后总大小过大，已拒绝处理`);
        declared.set(file.name, file.originalSize);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof DocxError) throw e;
    throw new DocxError(`${what}已损坏，无法打开（${(e as Error).message}）；请在 Word 中打开后重新保存再试`);
  }
  // fflate inflates at most the declared size; the CRC tells a truncated or tampered entry.
  const crcs = centralCrcs(bytes);
  if (!crcs) throw new DocxError(`${what}已损坏（找不到文件目录），无法打开；请在 Word 中打开后重新保存再试`);
  const entries: ZipEntry[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (data.length !== declared.get(name) || (!name.endsWith("/") && crcs.get(name) !== crc32(data)))
      throw new DocxError(`${what}中的「${name}」内容与记录不符，文件可能已损坏或被篡改，已拒绝处理`);
    entries.push({ name, data });
  }
  return { entries };
}

export function writeZip(zip: ZipFile): Uint8Array {
  const input: Zippable = {};
  // [Content_Types].xml first, as Office writes it; the rest in their order.
  const ordered = [...zip.entries].sort(
    (a, b) => Number(b.name === "[Content_Types].xml") - Number(a.name === "[Content_Types].xml"),
  );
  for (const e of ordered)
    if (!e.name.endsWith("/")) input[e.name] = [e.data, { level: 6, mtime: new Date(Date.UTC(2020, 0, 1)) }];
  return zipSync(input);
}

const decoder = new TextDecoder("utf-8", { fatal: false });
const encoder = new TextEncoder();

/** The text of an XML entry, refused if it declares a DOCTYPE or entities. */
export function xmlText(zip: ZipFile, name: string, label: string): string | undefined {
  const entry = zip.entries.find((e) => e.name === name);
  if (!entry) return undefined;
  const text = decoder.decode(entry.data);
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new DocxError(
      `「${label}」中的「${name}」包含 DOCTYPE 或实体声明（可能是恶意构造的文件），已拒绝处理`,
    );
  return text;
}

export function setText(zip: ZipFile, name: string, text: string): void {
  const data = encoder.encode(text);
  const entry = zip.entries.find((e) => e.name === name);
  if (entry) entry.data = data;
  else zip.entries.push({ name, data });
}

/** Checks every XML part of a package for DOCTYPE or entity declarations. */
export function checkAllXml(zip: ZipFile, label: string): void {
  for (const e of zip.entries) if (/\.(xml|rels)$/i.test(e.name)) xmlText(zip, e.name, label);
}
