/**
 * A report of ours is still a document people edit: a number changed by hand in its printed 表三 is what the
 * check reads (with a notice saying where printed and stored differ), and a report whose stored data is broken
 * or of any other shape than we write (src/docx/stored.ts) is read by its tables, saying so.
 */
import { documentXml, NOW, withDocumentXml } from "../../test/docx";
import { withStoredTables } from "../../test/stored";
import { createReport } from "../docx";
import { readZip, writeZip } from "../docx/zip";
import { compileTables, compileWorkbook } from "../report/compile";
import { numericTables } from "../report/read/tables";
import { checkReadReport } from "../report/read/text";
import { sampleWorkbook } from "../report/sample";
import { readReportFile } from "./report";

const result = compileWorkbook(sampleWorkbook());

test("a number edited by hand in the printed 表三 is what is checked, and the notice says where", async () => {
  const bytes = await createReport(result, "示例台账.xlsx", NOW);
  const n = result.tables.t3.new[0] as number;
  const label = "一、本年新收政府信息公开申请数量";
  // The first number after the label in the printed table: 自然人 of 本年新收.
  const edited = withDocumentXml(bytes, (x) => {
    const at = x.indexOf(label);
    const cell = x.indexOf(`>${n}<`, at);
    return x.slice(0, cell) + `>${n + 7}<` + x.slice(cell + String(n).length + 2);
  });
  expect(documentXml(edited)).toContain(`>${n + 7}<`);
  const r = readReportFile(edited, "报告.docx");
  expect(r.source).toBe("labels");
  expect(r.tables.t3.new[0]).toBe(n + 7);
  expect(r.notices).toEqual([
    `报告中打印的表格与其保存的数据不同（表三「${label}」「自然人」打印为${n + 7}，保存的数据为${n}），已按打印的表格校验`,
  ]);
  const rules = checkReadReport(r, numericTables(r.tables)).map((f) => `${f.rule}:${f.where}`);
  expect(rules).toEqual(expect.arrayContaining(["P1:t3.*.natural", "S2:t3.new.total"]));
  // Unedited, it is read from its data, with nothing to say.
  const plain = readReportFile(bytes, "报告.docx");
  expect([plain.source, plain.notices]).toEqual(["stored", []]);
});

test("a report whose stored data is broken is read by its tables, saying so", async () => {
  const zip = readZip(await createReport(result, "示例台账.xlsx", NOW), "r");
  for (const e of zip.entries)
    if (/^customXml\/item\d+\.xml$/.test(e.name) && e.data) {
      const xml = new TextDecoder().decode(e.data);
      if (xml.includes("<ogi:tables>"))
        e.data = new TextEncoder().encode(xml.replace(/<ogi:tables>/, "<ogi:tables><<"));
    }
  const r = readReportFile(writeZip(zip), "报告.docx");
  expect(r.source).toBe("labels");
  expect(r.notices).toEqual(["报告中保存的数据已损坏、无法读取，已按表格文字读取"]);
  expect(numericTables(r.tables).t3).toEqual(result.tables.t3);
});

/** The report's custom XML part with its tables JSON edited (`edit` returns the new value, or changes it in place). */
let ours: Promise<Uint8Array> | undefined;
async function withStored(edit: (t: Record<string, unknown>) => unknown): Promise<Uint8Array> {
  ours ??= createReport(result, "示例台账.xlsx", NOW);
  return withStoredTables(await ours, edit);
}

type T = Record<string, unknown> & {
  t3: Record<string, unknown>;
  t4: unknown[];
  t2: Record<string, unknown>;
};

test("stored data of any other shape than we write is refused whole: the printed tables are read, saying so", async () => {
  const shapes: [string, (t: T) => unknown][] = [
    ["not an object", () => null],
    ["an array", () => [1, 2, 3]],
    ["text", () => "表三"],
    ["an unknown format", (t) => void (t.format = "1999")],
    ["the year as text", (t) => void (t.year = "2025年")],
    ["the agency as a number", (t) => void (t.agency = 5)],
    ["no 表三", (t) => void delete (t as Partial<T>).t3],
    ["表三 an array", (t) => void (t.t3 = [] as unknown as T["t3"])],
    ["a 表三 row missing", (t) => void delete t.t3.new],
    ["a 表三 row a number", (t) => void (t.t3.new = 5)],
    ["a 表三 row of six cells", (t) => void (t.t3.fwd = [0, 0, 0, 0, 0, 0])],
    ["a 表三 row of another format", (t) => void (t.t3.o = [0, 0, 0, 0, 0, 0, 0])],
    ["a 表三 cell as text", (t) => void ((t.t3.new as unknown[])[0] = "67")],
    ["a 表三 cell an object", (t) => void ((t.t3.new as unknown[])[0] = { n: 67 })],
    ["表四 an object", (t) => void (t.t4 = { review: 5 } as unknown as unknown[])],
    ["表四 of fourteen cells", (t) => void t.t4.pop()],
    ["a 表四 cell as text", (t) => void (t.t4[0] = "2")],
    ["表二 as text", (t) => void (t.t2 = "表二" as unknown as T["t2"])],
    ["a 表二 row of another width", (t) => void (t.t2[Object.keys(t.t2)[0]] = [1])],
    ["an unknown 表二 row", (t) => void (t.t2.unknown = 1)],
    ["the fee as text", (t) => void (t.feeYuan = "420元")],
  ];
  for (const [what, edit] of shapes) {
    const r = readReportFile(await withStored((t) => edit(t as T)), "报告.docx");
    expect({ what, source: r.source, notices: r.notices }).toEqual({
      what,
      source: "labels",
      notices: ["报告中保存的数据已损坏、无法读取，已按表格文字读取"],
    });
    // What is printed is what the register gives: read from the tables instead.
    expect(numericTables(r.tables).t3).toEqual(result.tables.t3);
  }
});

test("the data we write is read back as stored, in every format and from a tables JSON without 表二", async () => {
  for (const format of ["2021", "2019", "2008"] as const) {
    const r = compileWorkbook(sampleWorkbook(), { format });
    const read = readReportFile(await createReport(r, "示例台账.xlsx", NOW), "报告.docx");
    expect({ format, source: read.source, notices: read.notices }).toEqual({
      format,
      source: "stored",
      notices: [],
    });
    expect(read.tables.t3).toEqual(r.tables.t3);
    expect(read.tables.t2).toEqual(r.tables.t2);
  }
  const typed = compileTables({ ...result.tables, t2: null }, "统计表.json");
  const read = readReportFile(await createReport(typed, "统计表.json", NOW), "报告.docx");
  expect([read.source, read.tables.t2, read.tables.t4]).toEqual(["stored", null, result.tables.t4]);
});
