/**
 * Compound files ([MS-CFB], version 3: 512-byte sectors; up to about 7 MB, as no DIFAT is written) written here
 * byte by byte, for the tests of src/cfb
 * and of the readers over it: streams of 4 096 bytes or more in the file's own sectors, smaller ones in the
 * mini stream, as the specification says — and damaged ones (a FAT that loops, a sector out of range, a
 * directory that loops, a stream longer than the file, a file cut short), made by breaking a good one where
 * `layout` says its parts are.
 */
const SECTOR = 512;
const MINI = 64;
const CUTOFF = 4096;
const END = 0xfffffffe;
const FREE = 0xffffffff;
const FATSECT = 0xfffffffd;

export interface Layout {
  bytes: Uint8Array;
  /** The directory's first sector, each stream's first (the FAT's sectors are the file's first ones). */
  dirSector: number;
  starts: Record<string, number>;
}

/** A compound file holding the given streams at its root, and where its parts are. */
export function compoundLayout(streams: Record<string, Uint8Array>): Layout {
  const names = Object.keys(streams);
  const big = names.filter((n) => streams[n].length >= CUTOFF);
  const small = names.filter((n) => streams[n].length < CUTOFF);
  const sectorsOf = (n: number, unit: number) => Math.ceil(n / unit);
  // The mini stream and its FAT.
  const miniStarts: Record<string, number> = {};
  const miniFat: number[] = [];
  const miniChunks: Uint8Array[] = [];
  for (const n of small) {
    const k = sectorsOf(streams[n].length, MINI);
    miniStarts[n] = k ? miniFat.length : END;
    for (let i = 0; i < k; i++) miniFat.push(i === k - 1 ? END : miniFat.length + 1);
    const padded = new Uint8Array(k * MINI);
    padded.set(streams[n]);
    miniChunks.push(padded);
  }
  const miniData = concat(miniChunks);
  const dirEntries = names.length + 1;
  // Sector plan: [FAT] [directory…] [mini FAT…] [mini stream…] [big streams…]
  const plan: { what: string; data: Uint8Array }[] = [];
  plan.push({ what: "dir", data: new Uint8Array(sectorsOf(dirEntries * 128, SECTOR) * SECTOR) });
  if (miniFat.length) plan.push({ what: "minifat", data: u32s(miniFat) });
  if (miniData.length) plan.push({ what: "ministream", data: miniData });
  for (const n of big) plan.push({ what: n, data: streams[n] });
  // The FAT's own sectors come first (as many as it takes, up to the header's 109), then the plan's.
  const dataSectors = plan.reduce((n, p) => n + sectorsOf(p.data.length, SECTOR), 0);
  let fatSectors = 1;
  while (fatSectors * (SECTOR / 4) < fatSectors + dataSectors) fatSectors++;
  if (fatSectors > 109) throw new Error("test/cfb.ts writes no DIFAT: keep files under about 7 MB");
  const fat: number[] = Array.from({ length: fatSectors }, () => FATSECT);
  const starts: Record<string, number> = {};
  for (const p of plan) {
    const k = sectorsOf(p.data.length, SECTOR);
    starts[p.what] = fat.length;
    for (let i = 0; i < k; i++) fat.push(i === k - 1 ? END : fat.length + 1);
  }
  while (fat.length % (SECTOR / 4)) fat.push(FREE);
  // The directory: the root, then every stream as a right-leaning list (a valid, if unbalanced, tree).
  const dir = plan[0].data;
  const dv = new DataView(dir.buffer);
  const setEntry = (
    i: number,
    name: string,
    type: number,
    right: number,
    child: number,
    start: number,
    size: number,
  ) => {
    const o = i * 128;
    for (let k = 0; k < name.length; k++) dv.setUint16(o + k * 2, name.charCodeAt(k), true);
    dv.setUint16(o + 0x40, (name.length + 1) * 2, true);
    dir[o + 0x42] = type;
    dir[o + 0x43] = 1;
    dv.setUint32(o + 0x44, FREE, true);
    dv.setUint32(o + 0x48, right, true);
    dv.setUint32(o + 0x4c, child, true);
    dv.setUint32(o + 0x74, start, true);
    dv.setUint32(o + 0x78, size, true);
  };
  for (let i = dirEntries; i < dir.length / 128; i++) {
    dv.setUint32(i * 128 + 0x44, FREE, true);
    dv.setUint32(i * 128 + 0x48, FREE, true);
    dv.setUint32(i * 128 + 0x4c, FREE, true);
  }
  setEntry(
    0,
    "Root Entry",
    5,
    FREE,
    names.length ? 1 : FREE,
    miniData.length ? starts.ministream : END,
    miniData.length,
  );
  names.forEach((n, i) => {
    const start = streams[n].length >= CUTOFF ? starts[n] : miniStarts[n];
    setEntry(i + 1, n, 2, i + 2 <= names.length ? i + 2 : FREE, FREE, start, streams[n].length);
    starts[n] = start;
  });
  const header = new Uint8Array(SECTOR);
  const hv = new DataView(header.buffer);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  hv.setUint16(0x18, 0x3e, true);
  hv.setUint16(0x1a, 3, true);
  hv.setUint16(0x1c, 0xfffe, true);
  hv.setUint16(0x1e, 9, true);
  hv.setUint16(0x20, 6, true);
  hv.setUint32(0x2c, fatSectors, true);
  hv.setUint32(0x30, starts.dir, true);
  hv.setUint32(0x38, CUTOFF, true);
  hv.setUint32(0x3c, miniFat.length ? starts.minifat : END, true);
  hv.setUint32(0x40, miniFat.length ? sectorsOf(miniFat.length * 4, SECTOR) : 0, true);
  hv.setUint32(0x44, END, true);
  for (let i = 0; i < 109; i++) hv.setUint32(0x4c + i * 4, i < fatSectors ? i : FREE, true);
  const body = plan.map((p) => {
    const padded = new Uint8Array(sectorsOf(p.data.length, SECTOR) * SECTOR);
    padded.set(p.data);
    return padded;
  });
  return { bytes: concat([header, u32s(fat), ...body]), dirSector: starts.dir, starts };
}

/** A compound file holding the given streams at its root. */
export const compoundFile = (streams: Record<string, Uint8Array>): Uint8Array =>
  compoundLayout(streams).bytes;

/** The file with the FAT's entry for `sector` set to `next` (a loop, a number out of range). */
export function withFatEntry(l: Layout, sector: number, next: number): Uint8Array {
  const out = l.bytes.slice();
  new DataView(out.buffer).setUint32(SECTOR + sector * 4, next, true);
  return out;
}

/** The file with directory entry `i`'s field at `offset` (0x44 left, 0x48 right, 0x4c child, 0x78 size) set. */
export function withDirField(l: Layout, i: number, offset: number, value: number): Uint8Array {
  const out = l.bytes.slice();
  new DataView(out.buffer).setUint32((l.dirSector + 1) * SECTOR + i * 128 + offset, value, true);
  return out;
}

function u32s(values: number[]): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const dv = new DataView(out.buffer);
  values.forEach((v, i) => dv.setUint32(i * 4, v >>> 0, true));
  return out;
}

/** The parts one after another. */
export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
