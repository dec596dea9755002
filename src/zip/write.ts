/**
 * Writing a zip package: new and changed entries deflated (fflate), entries that were never inflated copied
 * back exactly as they were stored. [Content_Types].xml first, as Office writes it; the rest in their order;
 * names in UTF-8; a fixed timestamp, so the same content gives the same bytes.
 */
import { deflateSync } from "fflate";
import { crc32 } from "./crc";
import type { ZipFile } from "./read";

/** 2020-01-01 00:00 in DOS date and time. */
const DOS_TIME = 0;
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1;
const UTF8 = 0x0800;

export function writeZip(zip: ZipFile, options: { store?: boolean } = {}): Uint8Array {
  const encoder = new TextEncoder();
  const ordered = [...zip.entries].sort(
    (a, b) => Number(b.name === "[Content_Types].xml") - Number(a.name === "[Content_Types].xml"),
  );
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of ordered) {
    if (e.name.endsWith("/")) continue;
    const name = encoder.encode(e.name);
    let method: number, crc: number, size: number, body: Uint8Array;
    if (e.data) {
      size = e.data.length;
      crc = crc32(e.data);
      method = options.store ? 0 : 8;
      body = options.store ? e.data : deflateSync(e.data, { level: 6 });
    } else if (e.raw) {
      ({ method, crc, size } = e.raw);
      body = e.raw.compressed;
    } else continue;
    // The local header and the central directory entry share one run of fields (version needed … name
    // length), at offset 4 in the first and 6 in the second.
    const header = (signature: number, headerSize: number, at: number) => {
      const bytes = new Uint8Array(headerSize + name.length);
      const v = new DataView(bytes.buffer);
      v.setUint32(0, signature, true);
      v.setUint16(at, 20, true);
      v.setUint16(at + 2, UTF8, true);
      v.setUint16(at + 4, method, true);
      v.setUint16(at + 6, DOS_TIME, true);
      v.setUint16(at + 8, DOS_DATE, true);
      v.setUint32(at + 10, crc, true);
      v.setUint32(at + 14, body.length, true);
      v.setUint32(at + 18, size, true);
      v.setUint16(at + 22, name.length, true);
      bytes.set(name, headerSize);
      return { bytes, v };
    };
    const local = header(0x04034b50, 30, 4).bytes;
    const { bytes: central, v: cv } = header(0x02014b50, 46, 6);
    cv.setUint16(4, 20, true); // version made by
    cv.setUint32(42, offset, true);
    locals.push(local, body);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const centralSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
