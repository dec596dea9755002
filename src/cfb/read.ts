/**
 * The OLE2 compound file ([MS-CFB]) that Word 97–2003 (.doc), WPS 文字 (.wps), Excel 97–2003 (.xls) and WPS 表格
 * (.et) files are, read defensively: the header, the FAT (through the DIFAT), the mini FAT and the directory are
 * checked before a stream is handed out — every sector number in range, no chain that loops or is shorter than
 * its stream, no stream longer than the file, a directory tree without loops — and a stream is copied out only
 * when asked for. Every refusal is a CompoundError with a Chinese sentence naming the file; nothing here reads
 * more than the file holds, so memory stays within a small multiple of the file's size.
 *
 * Our own reader rather than the `cfb` package: checking what the caps ask (chains, loops, ranges) before a
 * library sees the file is already most of a reader, and `cfb` reads every stream of the file at once.
 */

/** A compound file that cannot be used, with a Chinese message saying why. */
export class CompoundError extends Error {
  constructor(
    readonly label: string,
    /** What is wrong, without the file's name. */
    readonly why: string,
    /** Whether the file is damaged (rather than refused for what it is). */
    readonly corrupt: boolean,
  ) {
    super(`「${label}」${why}`);
    this.name = "CompoundError";
  }
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes begin as a compound file does. */
export const isCompound = (bytes: Uint8Array): boolean =>
  bytes.length >= 8 && SIGNATURE.every((b, i) => bytes[i] === b);

const END = 0xfffffffe;
const FREE = 0xffffffff;
const MAX_REGULAR = 0xfffffffa;
/** More directory entries than any document holds (a .doc has about ten, an .xls a dozen). */
const MAX_ENTRIES = 100000;

export interface CompoundEntry {
  /** Its path from the root, parts joined by "/" ("WordDocument", "ObjectPool/_123/\x01Ole"). */
  path: string;
  size: number;
}

export interface Compound {
  /** Every stream, with its path and size. */
  streams: CompoundEntry[];
  /** Whether a stream of that path (case-insensitive, as the format says) is there. */
  has(path: string): boolean;
  /** A stream's bytes (a copy the caller owns), or null when there is none of that path. */
  read(path: string): Uint8Array | null;
}

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/**
 * The compound file in `bytes` (`label` names it in messages). Throws CompoundError for anything damaged:
 * a truncated header or FAT, a sector out of range, a chain that loops or ends early, a stream longer than the
 * file, a directory that loops.
 */
export function readCompound(bytes: Uint8Array, label: string): Compound {
  const fail = (why: string): never => {
    throw new CompoundError(label, `已损坏（${why}），请用原来的程序打开后重新保存再试`, true);
  };
  if (!isCompound(bytes)) throw new CompoundError(label, "不是 Office 97-2003 格式的文件", false);
  if (bytes.length < 512) fail("文件头不完整");
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => dv.getUint16(at, true);
  const u32 = (at: number) => dv.getUint32(at, true);
  const major = u16(0x1a);
  const shift = u16(0x1e);
  if (u16(0x1c) !== 0xfffe || !((major === 3 && shift === 9) || (major === 4 && shift === 12)))
    fail("文件头不是有效的复合文档");
  const size = 1 << shift;
  const miniShift = u16(0x20);
  if (miniShift !== 6) fail("文件头不是有效的复合文档");
  const miniSize = 1 << miniShift;
  const cutoff = u32(0x38);
  // Sectors the file holds (a last sector cut short still counts: some writers leave it so).
  const sectors = Math.ceil((bytes.length - size) / size);
  const at = (sector: number) => (sector + 1) * size;
  const inFile = (sector: number) => sector < sectors;

  // The FAT's sectors: 109 in the header, then the DIFAT chain, each sector's last number the next one.
  const fatCount = u32(0x2c);
  if (fatCount > sectors) fail("分配表的扇区数超过文件的大小");
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < fatCount; i++) fatSectors.push(u32(0x4c + i * 4));
  let difat = u32(0x44);
  const seenDifat = new Set<number>();
  const perSector = size / 4;
  while (fatSectors.length < fatCount) {
    if (difat === END || difat === FREE) fail("分配表不完整");
    if (difat > MAX_REGULAR || !inFile(difat) || seenDifat.has(difat)) fail("分配表的扇区链有误");
    seenDifat.add(difat);
    for (let i = 0; i < perSector - 1 && fatSectors.length < fatCount; i++)
      fatSectors.push(u32(at(difat) + i * 4));
    difat = u32(at(difat) + size - 4);
  }
  const fat = new Uint32Array(fatSectors.length * perSector);
  fatSectors.forEach((s, i) => {
    if (s > MAX_REGULAR || !inFile(s) || at(s) + size > bytes.length) fail("分配表的扇区超出文件范围");
    for (let j = 0; j < perSector; j++) fat[i * perSector + j] = u32(at(s) + j * 4);
  });

  /** A chain's sectors from `start` in `table`, checked: in range, no loop, no longer than `limit` sectors. */
  const chain = (table: Uint32Array, start: number, limit: number, count: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END; s = table[s]) {
      if (s >= table.length || s >= limit) fail("扇区编号超出文件范围");
      if (seen.has(s)) fail("扇区链循环");
      if (out.length >= count) fail("扇区链比数据长");
      seen.add(s);
      out.push(s);
    }
    return out;
  };
  /** The bytes of `length` from a chain of sectors of `unit` bytes at `offset(s)`; a chain too short fails. */
  const gather = (
    sectorsOf: number[],
    unit: number,
    length: number,
    offset: (s: number) => number,
    within: Uint8Array,
  ) => {
    if (sectorsOf.length * unit < length) fail("数据流比它的扇区链长");
    const out = new Uint8Array(length);
    for (let i = 0, done = 0; done < length; i++) {
      const from = offset(sectorsOf[i]);
      const n = Math.min(unit, length - done);
      if (from + n > within.length) fail("数据流超出文件范围");
      out.set(within.subarray(from, from + n), done);
      done += n;
    }
    return out;
  };

  // The directory: a chain of sectors of 128-byte entries.
  const dirSectors = chain(fat, u32(0x30), sectors, sectors);
  if (!dirSectors.length) fail("没有目录");
  const whole = padded(bytes, size);
  const dirBytes = gather(dirSectors, size, dirSectors.length * size, at, whole);
  const count = Math.min(dirBytes.length / 128, MAX_ENTRIES);
  const ddv = new DataView(dirBytes.buffer);
  const entry = (i: number): DirEntry => {
    const o = i * 128;
    const nameLength = Math.min(ddv.getUint16(o + 0x40, true), 64);
    let name = "";
    for (let k = 0; k + 2 < nameLength + 1 && k < 62; k += 2) {
      const c = ddv.getUint16(o + k, true);
      if (!c) break;
      name += String.fromCharCode(c);
    }
    return {
      name,
      type: dirBytes[o + 0x42],
      left: ddv.getUint32(o + 0x44, true),
      right: ddv.getUint32(o + 0x48, true),
      child: ddv.getUint32(o + 0x4c, true),
      start: ddv.getUint32(o + 0x74, true),
      // Version 3 files keep only the low 32 bits (the high ones may hold garbage).
      size:
        major === 3
          ? ddv.getUint32(o + 0x78, true)
          : ddv.getUint32(o + 0x78, true) + ddv.getUint32(o + 0x7c, true) * 2 ** 32,
    };
  };
  const root = entry(0);
  if (root.type !== 5) fail("目录没有根");

  // Every stream's path, walking the tree of each storage; a node seen twice is a loop.
  const found: (DirEntry & { path: string })[] = [];
  const seen = new Set<number>([0]);
  const walk = (node: number, prefix: string) => {
    const stack = [node];
    while (stack.length) {
      const i = stack.pop()!;
      if (i === FREE) continue;
      if (i >= count) fail("目录项编号超出范围");
      if (seen.has(i)) fail("目录循环");
      seen.add(i);
      const e = entry(i);
      stack.push(e.left, e.right);
      const path = prefix + e.name;
      if (e.type === 2) found.push({ ...e, path });
      else if (e.type === 1) walk(e.child, `${path}/`);
    }
  };
  walk(root.child, "");

  // The mini stream (the root's chain) and the mini FAT, read only when a small stream is asked for.
  let mini: { table: Uint32Array; data: Uint8Array } | null = null;
  const miniStream = () => {
    if (mini) return mini;
    const miniFatSectors = chain(fat, u32(0x3c), sectors, sectors);
    const raw = gather(miniFatSectors, size, miniFatSectors.length * size, at, whole);
    const table = new Uint32Array(raw.buffer, 0, raw.length / 4);
    if (root.size > bytes.length) fail("数据流超出文件范围");
    const data = gather(
      chain(fat, root.start, sectors, Math.ceil(root.size / size)),
      size,
      root.size,
      at,
      bytes,
    );
    return (mini = { table, data });
  };

  const lookup = (path: string) => found.find((e) => e.path.toLowerCase() === path.toLowerCase());
  return {
    streams: found.map((e) => ({ path: e.path, size: e.size })),
    has: (path) => !!lookup(path),
    read(path) {
      const e = lookup(path);
      if (!e) return null;
      if (e.size > bytes.length) fail(`「${e.path}」比文件还长`);
      if (e.size === 0) return new Uint8Array(0);
      if (e.size < cutoff) {
        const m = miniStream();
        const units = Math.ceil(e.size / miniSize);
        const own = chain(m.table, e.start, Math.ceil(m.data.length / miniSize), units);
        return gather(own, miniSize, e.size, (s) => s * miniSize, m.data);
      }
      return gather(chain(fat, e.start, sectors, Math.ceil(e.size / size)), size, e.size, at, bytes);
    },
  };
}

/**
 * The file as whole sectors: metadata (the FAT, the directory) may lie in a last sector that a writer cut
 * short; reading it as if padded with zeros is what Office does. A copy only when the file is cut short.
 */
function padded(bytes: Uint8Array, size: number): Uint8Array {
  const over = (bytes.length - size) % size;
  if (!over) return bytes;
  const out = new Uint8Array(bytes.length + size - over);
  out.set(bytes);
  return out;
}
