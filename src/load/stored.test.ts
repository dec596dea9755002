/**
 * A report of ours is still a document people edit: a number changed by hand in its printed 表三 is what the
 * check reads (with a notice saying where printed and stored differ), and a report whose stored data is broken
 * is read by its tables, saying so.
 */
import { documentXml, NOW, withDocumentXml } from "../../test/docx";
import { createReport } from "../docx";
import { readZip, writeZip } from "../docx/zip";
import { compileWorkbook } from "../report/compile";
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
