/**
 * The checked zip layer, with bad packages made at run time: every one refused from what it is, with a
 * sentence naming the file and the part, and media never inflated.
 */
import { oleFile } from "../../test/badfiles";
import { deflateSync } from "fflate";
import { sampleWorkbook } from "../report/sample";
import { readWorkbook } from "../workbook/read";
import { workbookBuffer } from "../workbook/write";
import { crc32 as zlibCrc32 } from "zlib";
import { crc32 } from "./crc";
import { declaresDoctype, inflatedAhead, isMedia, PackageError, readPackage, useNativeInflate } from "./read";
import { NODE_ZLIB } from "../cli/inflate";
import type { ZipEntry } from "./read";
import { writeZip } from "./write";

const enc = (s: string) => new TextEncoder().encode(s);
const GB = 1024 * 1024 * 1024;

/** An entry that claims `size` bytes but holds a tiny deflate stream: what a zip bomb's directory says. */
const claims = (name: string, size: number): ZipEntry => ({
  name,
  raw: { method: 8, crc: 0, size, compressed: deflateSync(new Uint8Array(1000)) },
});

let good: Uint8Array;
beforeAll(async () => {
  good = await workbookBuffer(sampleWorkbook());
});

const readXlsx = (bytes: Uint8Array) =>
  readPackage(bytes, "台账.xlsx", { kind: "xlsx", need: (n) => !isMedia(n) });
const entriesOf = (bytes: Uint8Array) => readPackage(bytes, "t", { kind: "xlsx" }).entries;

describe("the zip layer", () => {
  test("a good package reads back entry for entry, and our writer round-trips it", () => {
    const entries = entriesOf(good);
    expect(entries.some((e) => e.name === "xl/workbook.xml")).toBe(true);
    const again = entriesOf(writeZip({ entries }));
    expect(again.map((e) => [e.name, e.data?.length])).toEqual(entries.map((e) => [e.name, e.data?.length]));
  });

  test("media entries are kept as stored, never inflated, and written back byte for byte", () => {
    const picture = deflateSync(new Uint8Array(5000).fill(7));
    const pkg = writeZip({
      entries: [
        ...entriesOf(good),
        { name: "xl/media/image1.png", raw: { method: 8, crc: 123, size: 5000, compressed: picture } },
      ],
    });
    const read = readXlsx(pkg);
    const media = read.entries.find((e) => e.name === "xl/media/image1.png");
    expect(media?.data).toBeUndefined();
    expect(media?.raw?.compressed).toEqual(picture);
    const back = readPackage(writeZip(read), "t", { kind: "xlsx", need: (n) => !isMedia(n) });
    expect(back.entries.find((e) => e.name === "xl/media/image1.png")?.raw?.crc).toBe(123);
  });

  test("refused from the central directory: duplicates, unsafe paths, encrypted entries, declared bombs", () => {
    const base = entriesOf(good);
    const sheet = base.find((e) => e.name === "xl/worksheets/sheet1.xml") as ZipEntry;
    const cases: [ZipEntry[], RegExp][] = [
      [
        [...base, { name: sheet.name, data: enc("<worksheet/>") }],
        /两个同名的部件「xl\/worksheets\/sheet1\.xml」/,
      ],
      [[...base, { name: "/etc/passwd", data: enc("x") }], /不安全的文件路径「\/etc\/passwd」/],
      [[...base, { name: "xl/../../x.xml", data: enc("x") }], /不安全的文件路径/],
      [
        [...base, claims("xl/media/a.png", GB), claims("xl/media/b.png", GB), claims("xl/media/c.png", GB)],
        /「xl\/media\/a\.png」解压后过大（1024 MB）/,
      ],
      [
        [
          ...base.filter((e) => e !== sheet),
          claims(sheet.name, 150 * 1024 * 1024),
          claims("xl/worksheets/sheet9.xml", 150 * 1024 * 1024),
        ],
        /解压后总大小超过 200 MB/,
      ],
    ];
    for (const [entries, message] of cases) expect(() => readXlsx(writeZip({ entries }))).toThrow(message);
    const encrypted = writeZip({ entries: base });
    new DataView(encrypted.buffer).setUint16(6, 1, true); // local header flag
    const cd = new DataView(encrypted.buffer).getUint32(encrypted.length - 22 + 16, true);
    new DataView(encrypted.buffer).setUint16(cd + 8, 0x0801, true); // central directory flag: encrypted
    expect(() => readXlsx(encrypted)).toThrow(/已加密/);
  });

  test("an entry whose data is not what its directory says: a lying bomb, a changed byte", () => {
    const base = entriesOf(good).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
    const huge = deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    const bomb = writeZip({
      entries: [
        ...base,
        { name: "xl/worksheets/sheet1.xml", raw: { method: 8, crc: 0, size: 100, compressed: huge } },
      ],
    });
    expect(() => readXlsx(bomb)).toThrow(/「xl\/worksheets\/sheet1\.xml」内容与记录不符/);
    const data = enc(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>39</v></c></row></sheetData></worksheet>',
    );
    const tampered = writeZip({
      entries: [
        ...base,
        {
          name: "xl/worksheets/sheet1.xml",
          raw: {
            method: 0,
            crc: crc32(data),
            size: data.length,
            compressed: data.map((b) => (b === 0x33 ? 0x39 : b)),
          },
        },
      ],
    });
    expect(() => readXlsx(tampered)).toThrow(/内容与记录不符/);
  });

  test("a DOCTYPE is found in the prolog however long its comments; text in the document is not one", () => {
    const comment = `<!--${"x".repeat(10000)}-->`;
    expect(declaresDoctype(enc(`<?xml version="1.0"?>${comment}<!DOCTYPE a [<!ENTITY b "c">]><a/>`))).toBe(
      true,
    );
    expect(declaresDoctype(enc(`<?xml version="1.0"?><?pi x?>${comment}<a>&lt;!DOCTYPE</a>`))).toBe(false);
    expect(declaresDoctype(enc("<a><![CDATA[<!DOCTYPE x>]]></a>"))).toBe(false);
  });

  test("every refusal is a PackageError naming the file", () => {
    try {
      readXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]));
      throw new Error("not refused");
    } catch (e) {
      expect(e).toBeInstanceOf(PackageError);
      expect((e as Error).message).toMatch(/^「台账\.xlsx」/);
    }
  });
});

describe("with Node's zlib, as the command line reads", () => {
  beforeAll(() => useNativeInflate(NODE_ZLIB));
  afterAll(() => useNativeInflate(null));

  test("the same entries and cells as fflate gives; the same refusals of a lying bomb and a changed byte", async () => {
    useNativeInflate(null);
    const plain = entriesOf(good).map((e) => [e.name, e.data]);
    const cells = (await readWorkbook(good, "台账.xlsx")).sheets.map((s) => s.rows);
    useNativeInflate(NODE_ZLIB);
    const inflated = jest.spyOn(NODE_ZLIB, "inflate");
    expect(entriesOf(good).map((e) => [e.name, e.data])).toEqual(plain);
    expect(inflated).toHaveBeenCalled();
    expect((await readWorkbook(good, "台账.xlsx")).sheets.map((s) => s.rows)).toEqual(cells);
    const base = entriesOf(good).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
    const huge = deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    const bomb = writeZip({
      entries: [
        ...base,
        { name: "xl/worksheets/sheet1.xml", raw: { method: 8, crc: 0, size: 100, compressed: huge } },
      ],
    });
    expect(() => readXlsx(bomb)).toThrow(/「xl\/worksheets\/sheet1\.xml」内容与记录不符/);
    await expect(readWorkbook(bomb, "台账.xlsx")).rejects.toThrow(/内容与记录不符/);
    const data = enc(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>39</v></c></row></sheetData></worksheet>',
    );
    const wrong = deflateSync(data.map((b) => (b === 0x33 ? 0x39 : b)));
    const tampered = writeZip({
      entries: [
        ...base,
        {
          name: "xl/worksheets/sheet1.xml",
          raw: { method: 8, crc: crc32(data), size: data.length, compressed: wrong },
        },
      ],
    });
    expect(() => readXlsx(tampered)).toThrow(/内容与记录不符/);
    const broken = writeZip({
      entries: [
        ...base,
        {
          name: "xl/worksheets/sheet1.xml",
          raw: {
            method: 8,
            crc: crc32(data),
            size: data.length,
            compressed: new Uint8Array([1, 2, 3, 4, 5]),
          },
        },
      ],
    });
    expect(() => readXlsx(broken)).toThrow(/内容与记录不符/);
  });
});

describe("inflated ahead by the platform's DecompressionStream, as file mode's worker reads", () => {
  afterEach(() => useNativeInflate(null));
  const need = { kind: "xlsx" as const, need: (n: string) => !isMedia(n) };

  test("the same cells as fflate gives; a lying bomb and a broken stream refused as before", async () => {
    const cells = (await readWorkbook(good, "台账.xlsx")).sheets.map((s) => s.rows);
    const ahead = await inflatedAhead(good, "台账.xlsx", need);
    expect(ahead).not.toBeNull();
    const used = jest.spyOn(ahead as NonNullable<typeof ahead>, "inflate");
    useNativeInflate(ahead);
    expect((await readWorkbook(good, "台账.xlsx")).sheets.map((s) => s.rows)).toEqual(cells);
    expect(used.mock.results.some((r) => r.value instanceof Uint8Array)).toBe(true);
    const base = entriesOf(good).filter((e) => e.name !== "xl/worksheets/sheet1.xml");
    const huge = deflateSync(new Uint8Array(64 * 1024 * 1024), { level: 9 });
    const data = enc(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>39</v></c></row></sheetData></worksheet>',
    );
    for (const raw of [
      { method: 8, crc: 0, size: 100, compressed: huge },
      { method: 8, crc: crc32(data), size: data.length, compressed: new Uint8Array([1, 2, 3, 4, 5]) },
      { method: 8, crc: crc32(data) ^ 1, size: data.length, compressed: deflateSync(data) },
    ]) {
      const bad = writeZip({ entries: [...base, { name: "xl/worksheets/sheet1.xml", raw }] });
      useNativeInflate(await inflatedAhead(bad, "台账.xlsx", need));
      await expect(readWorkbook(bad, "台账.xlsx")).rejects.toThrow(
        /「xl\/worksheets\/sheet1\.xml」内容与记录不符/,
      );
    }
    // A package refused from its directory gives nothing ahead: the reader says why, as always.
    expect(await inflatedAhead(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), "台账.xlsx", need)).toBeNull();
  });
});

describe("workbooks that are not what they seem", () => {
  const cfb = (withEncryption: boolean) => oleFile(withEncryption);
  const swap = (bytes: Uint8Array, edit: (e: ZipEntry[]) => ZipEntry[]) =>
    writeZip({ entries: edit(entriesOf(bytes)) });

  test("each gets a sentence naming the real problem", async () => {
    const cases: [Uint8Array, RegExp][] = [
      [cfb(true), /无法读取「x\.xlsx」：文件设有打开密码（已加密）/],
      [cfb(false), /旧版 Excel（\.xls）/],
      [
        writeZip({
          entries: [
            { name: "mimetype", data: enc("application/vnd.oasis.opendocument.spreadsheet") },
            { name: "content.xml", data: enc("<a/>") },
          ],
        }),
        /OpenDocument 格式/,
      ],
      [
        writeZip({ entries: [{ name: "word/document.xml", data: enc("<w:document/>") }] }),
        /是 Word 文档，不是 Excel 工作簿/,
      ],
      [
        swap(good, (es) => es.filter((e) => e.name !== "xl/worksheets/sheet2.xml")),
        /工作表「[^」]+」的数据部件「xl\/worksheets\/sheet2\.xml」缺失/,
      ],
      [
        swap(good, (es) =>
          es.map((e) =>
            e.name === "xl/workbook.xml" && e.data
              ? {
                  name: e.name,
                  data: enc(
                    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' +
                      new TextDecoder().decode(e.data).replace(/^<\?xml[^>]*\?>/, ""),
                  ),
                }
              : e,
          ),
        ),
        /DOCTYPE 或实体声明/,
      ],
      [
        swap(good, (es) =>
          es.map((e) =>
            e.name === "xl/worksheets/sheet1.xml"
              ? { name: e.name, data: enc("<worksheet><sheetData><row") }
              : e,
          ),
        ),
        /其中的表格数据无法解析/,
      ],
    ];
    for (const [bytes, message] of cases) {
      const err = await readWorkbook(bytes, "x.xlsx").then(
        () => new Error("accepted"),
        (e: Error) => e,
      );
      expect({ message: err.message }).toEqual({ message: expect.stringMatching(message) });
      expect(err.message).not.toMatch(/Cannot read|undefined|TypeError/);
    }
  });
});

test("CRC-32 eight bytes at a time equals zlib's, whole and in chunks", () => {
  const data = Uint8Array.from({ length: 100003 }, (_, i) => (i * 31 + (i >> 9)) & 255);
  for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 1000, 100003]) {
    const part = data.subarray(0, n);
    expect(crc32(part)).toBe(zlibCrc32(part) >>> 0);
    expect(crc32(part.subarray(n >> 1), crc32(part.subarray(0, n >> 1)))).toBe(zlibCrc32(part) >>> 0);
  }
});
