import { compoundFile, compoundLayout, withDirField, withFatEntry } from "../../test/cfb";
import { CompoundError, isCompound, readCompound } from "./read";

/** Bytes that differ at every position from a simple counter, so a sector read from the wrong place shows. */
function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed * 2654435761;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

// The last one takes several FAT sectors.
const SIZES = [0, 1, 63, 64, 65, 4095, 4096, 4097, 20000, 300000];

describe("compound files", () => {
  test("every stream reads back as written, in the mini stream and in sectors", () => {
    const streams = Object.fromEntries(SIZES.map((n, i) => [`S${n}`, noise(n, i + 1)]));
    const file = compoundFile(streams);
    expect(isCompound(file)).toBe(true);
    const c = readCompound(file, "a.doc");
    expect(c.streams.map((s) => [s.path, s.size]).sort()).toEqual(SIZES.map((n) => [`S${n}`, n]).sort());
    for (const n of SIZES)
      expect(Buffer.from(c.read(`S${n}`)!).equals(Buffer.from(streams[`S${n}`]))).toBe(true);
    // Names are case-insensitive, as the format says; a stream that is not there is null.
    expect(c.has("s4096")).toBe(true);
    expect(c.read("nothing")).toBeNull();
  });

  test("a last sector cut short is read as far as the stream goes", () => {
    const data = noise(5000, 7);
    const file = compoundFile({ Big: data });
    // The stream is the file's last part: 5000 bytes in 10 sectors, the last holding 392 of them.
    const cut = file.subarray(0, file.length - (512 - (5000 % 512)));
    expect(Buffer.from(readCompound(cut, "x.xls").read("Big")!).equals(Buffer.from(data))).toBe(true);
  });

  const refused = (bytes: Uint8Array, stream: string | null, why: RegExp) => {
    let error: unknown;
    try {
      const c = readCompound(bytes, "单位.doc");
      if (stream) c.read(stream);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CompoundError);
    expect((error as Error).message).toMatch(/^「单位\.doc」/);
    expect((error as Error).message).toMatch(why);
  };

  test("damaged files are refused with a sentence naming the file", () => {
    const l = compoundLayout({ Big: noise(9000, 3), Small: noise(100, 4) });
    const big = l.starts.Big;
    refused(noise(600, 1), null, /不是 Office 97-2003/);
    refused(l.bytes.subarray(0, 300), null, /文件头不完整/);
    // Cut in the middle of a stream: its chain runs past the end of the file.
    const padded = compoundLayout({ Pad: noise(20000, 6), Big: noise(9000, 3) });
    refused(padded.bytes.subarray(0, (padded.starts.Big + 1) * 512 + 1024), "Big", /扇区编号超出文件范围/);
    // A FAT whose chain comes back to where it started.
    refused(withFatEntry(l, big + 3, big), "Big", /循环/);
    // A sector number past the end of the file.
    refused(withFatEntry(l, big + 3, 5000), "Big", /超出文件范围/);
    // A chain that ends before its stream does.
    refused(withFatEntry(l, big + 3, 0xfffffffe), "Big", /比它的扇区链长/);
    // A stream said to be longer than the whole file.
    refused(withDirField(l, 1, 0x78, 50_000_000), "Big", /比文件还长/);
    // A directory whose tree comes back to an entry it has seen.
    refused(withDirField(l, 2, 0x48, 1), null, /目录循环/);
    refused(withDirField(l, 1, 0x48, 9999), null, /目录项编号超出范围/);
    // The directory's own chain loops.
    refused(withFatEntry(l, l.dirSector, l.dirSector), null, /循环/);
    // No root entry.
    refused(
      withDirField(l, 0, 0x40, 0).map((b, i) => (i === (l.dirSector + 1) * 512 + 0x42 ? 1 : b)),
      null,
      /根/,
    );
  });

  test("a FAT said to be longer than the file, or a DIFAT chain that loops, is refused at once", () => {
    const l = compoundLayout({ Big: noise(9000, 5) });
    const many = l.bytes.slice();
    new DataView(many.buffer).setUint32(0x2c, 1_000_000, true);
    refused(many, null, /分配表/);
    const difat = l.bytes.slice();
    const dv = new DataView(difat.buffer);
    // 240 FAT sectors claimed: past the header's 109 and one DIFAT sector's 127, the chain points at itself.
    dv.setUint32(0x2c, 240, true);
    const tail = new Uint8Array(512 * 300);
    const grown = new Uint8Array(difat.length + tail.length);
    grown.set(difat);
    const gv = new DataView(grown.buffer);
    gv.setUint32(0x44, 5, true);
    gv.setUint32((5 + 1) * 512 + 508, 5, true);
    refused(grown, null, /分配表的扇区链有误/);
  });
});
