import ExcelJS from "exceljs";
import { compileWorkbook } from "../report/compile";
import { readWorkbook, WorkbookReadError } from "./read";
import { lastRowEnd, parseSheet, SheetFormatError, SheetParser } from "./sheet";
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
      [3, "办结日期", "errorValue", "#N/A"],
      [4, "办结日期", "errorValue", "公式无计算结果"],
    ]);
    expect(r.rowIssues[0].message).toContain("错误值 #N/A");
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
      let carry = new Uint8Array(0);
      for (let at = 0; at < xml.length; at += size) {
        const chunk = xml.subarray(at, at + size);
        const buf = new Uint8Array(carry.length + chunk.length);
        buf.set(carry);
        buf.set(chunk, carry.length);
        const end = lastRowEnd(buf);
        if (end > 0) parser.feed(buf.subarray(0, end));
        carry = buf.slice(end);
      }
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
