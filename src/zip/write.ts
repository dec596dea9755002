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
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, UTF8, true);
    lv.setUint16(8, method, true);
    lv.setUint16(10, DOS_TIME, true);
    lv.setUint16(12, DOS_DATE, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, body.length, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, UTF8, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, DOS_TIME, true);
    cv.setUint16(14, DOS_DATE, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, body.length, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
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
