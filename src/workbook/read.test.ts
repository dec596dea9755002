import ExcelJS from "exceljs";
import { compileWorkbook } from "../report/compile";
import { readWorkbook, WorkbookReadError } from "./read";
import { parseSheet, SheetFormatError, SheetParser } from "./sheet";
import { RowWindows } from "./sheetBytes";
import { workbookBuffer } from "./write";
import { sampleWorkbook } from "../report/sample";

async function bytesOf(build: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("依申请公开登记"));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("reading .xlsx", () => {
  test("formula cells give their cached values, rich text and hyperlinks their text, errors stay errors", async () => {
    const bytes = await bytesOf((ws) => {
      ws.addRow(["收到日期", "申请人类型", "办理结果", "办结日期"]);
      ws.addRow([
        { formula: "DATE(2025,3,1)", result: new Date(Date.UTC(2025, 2, 1)) },
        { richText: [{ text: "自然" }, { text: "人", font: { bold: true } }] },
        { formula: 'IF(TRUE,"予以公开","")', result: "予以公开" },
        new Date(Date.UTC(2025, 2, 9)),
      ]);
      ws.addRow([
        new Date(Date.UTC(2025, 2, 1)),
        { text: "企业", hyperlink: "https://example.invalid" },
        "grant",
        { formula: "NA()", result: { error: "#N/A" } },
      ]);
      ws.addRow([new Date(Date.UTC(2025, 2, 1)), "自然人", "grant", { formula: "TODAY()" }]);
    });
    const data = await readWorkbook(bytes, "t.xlsx");
    expect(data.sheets[0].rows[1].slice(0, 3)).toEqual([
      new Date(Date.UTC(2025, 2, 1)),
      "自然人",
      "予以公开",
    ]);
    expect(data.sheets[0].rows[2][1]).toBe("企业");
    expect(data.sheets[0].rows[2][3]).toEqual({ error: "#N/A" });
    expect(data.sheets[0].rows[3][3]).toEqual({ error: "公式无计算结果" });
    const r = compileWorkbook(data, { year: 2025 });
    expect(r.tables.t3.grant).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(
      r.rowIssues.filter((i) => i.kind !== "missingSheet").map((i) => [i.row, i.column, i.kind, i.value]),
    ).toEqual([
      // Two of the three rows held back by one column (more than a fifth): the column is named first.
      [0, "办结日期", "columnUnread", ""],
      [3, "办结日期", "errorValue", "#N/A"],
      [4, "办结日期", "errorValue", "公式无计算结果"],
    ]);
    expect(r.rowIssues.find((i) => i.row === 3)?.message).toContain("错误值 #N/A");
  });

  test("the sample workbook survives a round trip through .xlsx", async () => {
    const sample = sampleWorkbook();
    const back = await readWorkbook(await workbookBuffer(sample));
    expect(back.sheets.map((s) => s.name)).toEqual(sample.sheets.map((s) => s.name));
    expect(compileWorkbook(back).tables).toEqual(compileWorkbook(sample).tables);
  });

  test("files that are not workbooks get a clear Chinese message", async () => {
    const cases: [Uint8Array, RegExp][] = [
      [new TextEncoder().encode("编号,收到日期\n1,2025-01-01\n"), /不是 \.xlsx 格式/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /旧版 Excel（\.xls）.*另存为/],
      [new Uint8Array([]), /文件为空/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), /已损坏或不是有效的 \.xlsx/],
    ];
    for (const [bytes, message] of cases) {
      await expect(readWorkbook(bytes, "x.xlsx")).rejects.toThrow(WorkbookReadError);
      await expect(readWorkbook(bytes, "x.xlsx")).rejects.toThrow(message);
    }
    const good = await workbookBuffer(sampleWorkbook());
    const truncated = good.slice(0, Math.floor(good.length / 2));
    await expect(readWorkbook(truncated, "半个.xlsx")).rejects.toThrow(/无法读取「半个\.xlsx」：文件已损坏/);
  });
});

describe("a sheet parsed as it is inflated", () => {
  const ctx = { strings: ["甲", "乙"], dateStyles: [false, true], date1904: false };
  const xml = new TextEncoder().encode(
    '<?xml version="1.0"?><x:worksheet xmlns:x="urn:x"><x:sheetData>' +
      Array.from(
        { length: 300 },
        (_, r) =>
          `<x:row r="${r + 1}"><x:c r="A${r + 1}" t="s"><x:v>${r % 2}</x:v></x:c><x:c r="B${r + 1}" s="1"><x:v>${45000 + r}</x:v></x:c>` +
          `<x:c r="C${r + 1}" t="inlineStr"><x:is><x:t>第${r}行 &amp; “引号”</x:t></x:is></x:c></x:row>`,
      ).join("") +
      '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A1:C1"/></x:mergeCells></x:worksheet>',
  );

  test("in windows ending at any row's end, it gives what the whole part gives", () => {
    const whole = parseSheet(xml, ctx);
    expect(whole.rows).toHaveLength(300);
    expect(whole.rows[7]).toEqual(["乙", new Date(Date.UTC(2023, 2, 15) + 7 * 86400000), "第7行 & “引号”"]);
    expect(whole.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
    for (const size of [1, 7, 64, 1000, 4096]) {
      const parser = new SheetParser(ctx);
      const windows = new RowWindows((w) => parser.feed(w));
      for (let at = 0; at < xml.length; at += size) {
        // The inflater may reuse its buffer: each chunk is overwritten once handed over.
        const chunk = xml.slice(at, at + size);
        windows.push(chunk);
        chunk.fill(0);
      }
      const carry = windows.rest();
      parser.feed(carry);
      expect(parser.finish(carry)).toEqual(whole);
    }
  });

  test("a part cut off anywhere is refused, never read as far as it goes", () => {
    for (const cut of [40, 500, xml.length - 30, xml.length - 3])
      expect(() => parseSheet(xml.subarray(0, cut), ctx)).toThrow(SheetFormatError);
  });
});

describe("a sheet's own faults are named, not taken for a damaged package", () => {
  async function withSheet(edit: (xml: string) => string): Promise<Uint8Array> {
    const { readPackage } = await import("../zip/read");
    const { writeZip } = await import("../zip/write");
    const zip = readPackage(await workbookBuffer(sampleWorkbook()), "x", { kind: "xlsx" });
    const entries = zip.entries.map((e) =>
      e.name === "xl/worksheets/sheet1.xml" && e.data
        ? { name: e.name, data: new TextEncoder().encode(edit(new TextDecoder().decode(e.data))) }
        : e,
    );
    return writeZip({ entries });
  }

  test("a DOCTYPE in a sheet part", async () => {
    const bytes = await withSheet(
      (xml) => '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + xml.replace(/^<\?xml[^>]*\?>/, ""),
    );
    await expect(readWorkbook(bytes, "x.xlsx")).rejects.toThrow(/sheet1\.xml」包含 DOCTYPE 或实体声明/);
  });

  test("a cell past Excel's last row", async () => {
    const bytes = await withSheet((xml) => xml.replace(/<c r="A2"/, '<c r="A2000000"'));
    await expect(readWorkbook(bytes, "x.xlsx")).rejects.toThrow(
      /其中的表格数据无法解析（工作表「[^」]+」：单元格位置/,
    );
  });
});

describe("a cell past Excel's limit of 32 767 characters is refused, naming the sheet and the cell", () => {
  const sheetName = sampleWorkbook().sheets[0].name;
  /** The sample with its parts edited: C2 of the first sheet replaced by `cell`, one string added to the table. */
  async function withCell(cell: string, extraString?: string): Promise<Uint8Array> {
    const { readPackage } = await import("../zip/read");
    const { writeZip } = await import("../zip/write");
    const zip = readPackage(await workbookBuffer(sampleWorkbook()), "x", { kind: "xlsx" });
    const edit = (name: string, xml: string) =>
      name === "xl/worksheets/sheet1.xml"
        ? xml.replace(/<c r="C2"[^>]*>.*?<\/c>/, cell)
        : name === "xl/sharedStrings.xml" && extraString !== undefined
          ? xml.replace("</sst>", `<si><t>${extraString}</t></si></sst>`)
          : xml;
    const entries = zip.entries.map((e) =>
      e.data && /\.xml$/.test(e.name)
        ? { name: e.name, data: new TextEncoder().encode(edit(e.name, new TextDecoder().decode(e.data))) }
        : e,
    );
    return writeZip({ entries });
  }
  /** The index the added shared string gets: after the sample's own. */
  async function nextString(): Promise<number> {
    const { readPackage } = await import("../zip/read");
    const zip = readPackage(await workbookBuffer(sampleWorkbook()), "x", { kind: "xlsx" });
    const sst = new TextDecoder().decode(zip.entries.find((e) => e.name === "xl/sharedStrings.xml")?.data);
    return sst.split("<si>").length - 1;
  }
  const refusal = (length: number) =>
    new RegExp(
      `无法读取「x\\.xlsx」：文件中工作表「${sheetName}」的单元格 C2 有 ${length} 个字符，超过 Excel 单元格的上限 32767 个`,
    );

  test("a shared string of 32 767 characters is read whole; one more is refused", async () => {
    const n = await nextString();
    const shown = `<c r="C2" t="s"><v>${n}</v></c>`;
    const at = await readWorkbook(await withCell(shown, "字".repeat(32767)), "x.xlsx");
    expect(at.sheets[0].rows[1][2]).toBe("字".repeat(32767));
    await expect(readWorkbook(await withCell(shown, "字".repeat(32768)), "x.xlsx")).rejects.toThrow(
      refusal(32768),
    );
  });

  test("characters are counted as Excel counts them: a reference is one, a character past U+FFFF two", async () => {
    const n = await nextString();
    const shown = `<c r="C2" t="s"><v>${n}</v></c>`;
    // 32 767 "&amp;" are 163 835 bytes and 32 767 characters.
    const amps = await readWorkbook(await withCell(shown, "&amp;".repeat(32767)), "x.xlsx");
    expect(amps.sheets[0].rows[1][2]).toBe("&".repeat(32767));
    // 16 384 × U+20000 (𠀀, a surrogate pair each) are 32 768 code units.
    await expect(readWorkbook(await withCell(shown, "𠀀".repeat(16384)), "x.xlsx")).rejects.toThrow(
      refusal(32768),
    );
    await expect(readWorkbook(await withCell(shown, "&#x20000;".repeat(16384)), "x.xlsx")).rejects.toThrow(
      refusal(32768),
    );
  });

  test("an inline string, a formula's text and a number past the limit are refused too", async () => {
    const cells = [
      `<c r="C2" t="inlineStr"><is><r><t>${"a".repeat(20000)}</t></r><r><t>${"b".repeat(20000)}</t></r></is></c>`,
      `<c r="C2" t="str"><f>REPT("a",40000)</f><v>${"a".repeat(40000)}</v></c>`,
      `<c r="C2"><v>${"1".repeat(40000)}</v></c>`,
    ];
    for (const cell of cells)
      await expect(readWorkbook(await withCell(cell), "x.xlsx")).rejects.toThrow(refusal(40000));
  });

  test("a shared string past the limit that no cell shows does not stop the workbook", async () => {
    const plain = await readWorkbook(await workbookBuffer(sampleWorkbook()), "x.xlsx");
    const unused = await readWorkbook(await withCell("", "长".repeat(100000)), "x.xlsx");
    expect(unused.sheets[0].rows.slice(2)).toEqual(plain.sheets[0].rows.slice(2));
  });
});
