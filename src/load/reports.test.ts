/**
 * Reading reports we did not make: web pages as portals publish them (rowspan/colspan, GBK, MHTML), the same
 * pages turned into .docx by LibreOffice, tables pasted flat, labels spelled as people type them — every number
 * read back exactly; a table that is not there named, never guessed; X3 on the text.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { huaian, huaianTables } from "../../test/fixtures";
import { sofficeAll } from "../../test/office";
import { gbk, mhtml, reportHtml, VARIANTS } from "../../test/reports";
import { needs } from "../../test/tools";
import { createReport } from "../docx";
import { readZip, writeZip } from "../docx/zip";
import { withDocumentXml } from "../../test/docx";
import { checkTables } from "../report/tables/checks";
import { compileWorkbook } from "../report/compile";
import { numericTables } from "../report/read/tables";
import { checkReadReport, checkText } from "../report/read/text";
import { getFormat } from "../report/formats";
import { sampleWorkbook } from "../report/sample";
import type { TableSet } from "../report/tables/tables";
import { statisticsWorkbookBuffer } from "../workbook/statistics";
import { readReportFile } from "./report";
import { tablesFromFile } from "./tables";

const sample = (): TableSet => ({ ...compileWorkbook(sampleWorkbook()).tables, agency: "某市某局" });
const published = huaianTables;
const utf8 = (s: string) => new TextEncoder().encode(s);
const numbers = (t: TableSet) => ({ t2: t.t2, t3: t.t3, t4: t.t4 });
describe("web pages in the national format", () => {
  for (const [tables, name] of [
    [sample, "a generated register's tables"],
    [published, "淮安市人民政府's published 2024 tables"],
  ] as const)
    for (const [variant, v] of Object.entries(VARIANTS))
      test(`${name}: ${variant}`, () => {
        const t = tables();
        const r = readReportFile(utf8(reportHtml(t, v)), "报告.html");
        expect(r.problems).toEqual([]);
        expect(numbers(r.tables)).toEqual(numbers(t));
        expect([r.tables.agency, r.tables.year, r.tables.format]).toEqual([t.agency, t.year, t.format]);
        expect(Object.keys(r.found).sort()).toEqual(["t2", "t3", "t4"]);
        expect(r.source).toBe("labels");
      });

  test("a 2019-format report is told from a 2021 one by 表二's columns, whatever its year", () => {
    const t = { ...compileWorkbook(sampleWorkbook(), { format: "2019" }).tables, agency: "某局" };
    const r = readReportFile(utf8(reportHtml(t)), "2019.html");
    expect([r.tables.format, r.problems]).toEqual(["2019", []]);
    expect(numbers(r.tables)).toEqual(numbers(t));
  });

  test("blanks written as —, / or 无 are read as blanks and reported (F2); text that is no number as F1", () => {
    const t = sample();
    const dash = ["—", "/", "无"];
    let i = 0;
    const html = reportHtml(t, { number: (n) => (n === 0 ? dash[i++ % 3] : String(n)) }).replace(
      "<td>67</td>",
      "<td>若干</td>",
    );
    const r = readReportFile(utf8(html), "报告.html");
    expect(r.tables.t3.new[0]).toBe("若干");
    expect(r.tables.t3.carry[1]).toBeNull();
    const findings = checkReadReport(r, numericTables(r.tables));
    expect(findings.filter((f) => f.rule === "F2").length).toBeGreaterThan(0);
    expect(findings.find((f) => f.rule === "F1")?.message).toContain("若干");
  });

  test("GBK: declared in a meta tag, or not declared at all; and a page saved as MHTML", () => {
    const t = published();
    for (const [bytes, name] of [
      [gbk(reportHtml(t, {}, "gbk")), "声明GBK.html"],
      [gbk(reportHtml(t, {}, "gbk").replace(/<meta[^>]*>/, "")), "未声明.htm"],
      [mhtml(gbk(reportHtml(t, {}, "gbk")), "gb2312"), "保存的网页.mhtml"],
    ] as const) {
      const r = readReportFile(bytes, name);
      expect({ name, problems: r.problems }).toEqual({ name, problems: [] });
      expect(numbers(r.tables)).toEqual(numbers(t));
      expect(r.tables.agency).toBe("淮安市人民政府");
    }
  });

  test("a table that is not there is named with the label looked for; the roll-up refuses the file", async () => {
    const html = reportHtml(sample()).replace(/<p>四、政府信息公开行政复议[\s\S]*<\/table>/, "");
    const r = readReportFile(utf8(html), "缺表四.html");
    expect(r.problems).toEqual(["未找到表四：没有一个表格含「行政复议」「行政诉讼」和「结果维持」"]);
    await expect(tablesFromFile(utf8(html), "缺表四.html")).rejects.toThrow(/未找到表四/);
  });

  test("a 2019-style single （六） row read as a 2021 table is F3, as check says of such a JSON", () => {
    const t = sample();
    const t2019: TableSet = { ...t, format: "2019", t2: null, t3: { ...t.t3 } };
    t2019.t3.o = t.t3.o1.map((v, i) => (v ?? 0) + (t.t3.o2[i] ?? 0) + (t.t3.o3[i] ?? 0));
    for (const k of ["o1", "o2", "o3"]) delete t2019.t3[k];
    const r = readReportFile(utf8(reportHtml(t2019)), "x.html", { format: "2021" });
    const f3 = checkTables(r.tables).filter((f) => f.rule === "F3");
    expect(f3.map((f) => f.message).join()).toMatch(/只有一行，这是2019年格式/);
  });

  test("check on a report gives the same findings as on the tables JSON of the same numbers", () => {
    const t = published();
    t.t3.new[0] = (t.t3.new[0] as number) + 1; // breaks 总计 = sum of the row
    t.t4[0] = (t.t4[0] as number) + 2;
    const r = readReportFile(utf8(reportHtml(t, { paragraphs: [] })), "x.html");
    const fromJson = checkTables(JSON.parse(JSON.stringify(t)) as TableSet);
    expect(fromJson.length).toBeGreaterThan(1);
    expect(checkReadReport(r, numericTables(r.tables))).toEqual(fromJson);
  });

  test("extract's workbook (laid out like 统计表) is read back as a unit, with the same numbers", async () => {
    const t = published();
    const xlsx = await statisticsWorkbookBuffer(t);
    const unit = await tablesFromFile(xlsx, "淮安.xlsx");
    expect(unit.kind).toBe("xlsx");
    expect(numbers(unit.tables)).toEqual(numbers(t));
    expect([unit.tables.agency, unit.tables.year]).toEqual(["淮安市人民政府", 2024]);
  });
});

describe("X3: the text against the tables", () => {
  test("the published 淮安 text agrees with its tables; our own sentences never fire", async () => {
    const h = huaian();
    const t = published();
    const r = readReportFile(utf8(reportHtml(t, { paragraphs: [h.narrative, h.section6] })), "淮安.html");
    expect(checkReadReport(r, numericTables(r.tables)).filter((f) => f.rule === "X3")).toEqual([]);
    for (const tables of [sample(), t]) {
      const own = readReportFile(utf8(reportHtml(tables)), "x.html");
      expect(own.paragraphs.length).toBeGreaterThan(3);
      expect(checkReadReport(own, numericTables(own.tables)).filter((f) => f.rule === "X3")).toEqual([]);
    }
  });

  test("X3 names the table's row by its label as the format prints it, remarks and all", () => {
    const t = sample();
    const partial = t.t3.partial[6] as number;
    const findings = checkText([`其中部分公开${partial + 1}件。`], t, getFormat("2021"));
    expect(findings.map((f) => f.message)).toEqual([
      `正文「其中部分公开${partial + 1}件。」中部分公开为${partial + 1}，而表三「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」总计为${partial}`,
    ]);
  });

  test("信息处理费: a text saying none was charged, where the register collected some, is X3; saying so is not", () => {
    const format = getFormat("2021");
    const charged = { ...sample(), feeYuan: 150 };
    const none = { ...sample(), feeYuan: 0 };
    const said = [
      "2025年，本机关未收取政府信息公开信息处理费。",
      "本年度没有收取任何费用。",
      "本机关不收取信息处理费。",
    ];
    for (const sentence of said) {
      expect(checkText([sentence], charged, format).map((f) => f.message)).toEqual([
        `正文「${sentence}」中写未收取信息处理费，而台账中收取的信息处理费为150元`,
      ]);
      expect(checkText([sentence], none, format)).toEqual([]);
    }
    // Other fees than 信息处理费 are another matter.
    expect(checkText(["除依法收取信息处理费外，未收取其他费用。"], charged, format)).toEqual([]);
    // Where the register is not known (a report read by its tables), nothing is said of fees.
    expect(checkText([said[0]], { ...sample(), feeYuan: undefined }, format)).toEqual([]);
    // A sentence of the fees collected is the number claim's (one finding, not two).
    expect(checkText(["本年收取信息处理费100元。"], charged, format).map((f) => f.message)).toEqual([
      "正文「本年收取信息处理费100元。」中信息处理费为100，而台账中收取的信息处理费为150",
    ]);
  });

  test("a report whose text was edited to contradict one cell: X3 names that sentence and both numbers", async () => {
    const result = compileWorkbook(sampleWorkbook());
    const zip = readZip(await createReport(result, "台账.xlsx"), "r");
    zip.entries = zip.entries.filter((e) => !e.name.startsWith("customXml/"));
    const grant = result.tables.t3.grant[6] as number;
    const edited = withDocumentXml(writeZip(zip), (xml) =>
      xml.replace(`予以公开${grant}件`, `予以公开${grant + 1}件`),
    );
    const r = readReportFile(edited, "改过的报告.docx");
    expect(r.source).toBe("labels");
    const x3 = checkReadReport(r, numericTables(r.tables)).filter((f) => f.rule === "X3");
    expect(x3).toHaveLength(1);
    expect(x3[0].message).toMatch(
      new RegExp(
        `^正文「在答复的\\d+件申请中，予以公开${grant + 1}件.*」中予以公开为${grant + 1}，而表三「（一）予以公开」总计为${grant}$`,
      ),
    );
  });
});

const lo = needs("soffice");
describe("the same pages saved as .docx by LibreOffice (as a department would send them)", () => {
  let dir = "";
  lo.beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ogi-read-"));
  });
  lo.afterAll(() => rmSync(dir, { recursive: true, force: true }));
  lo.test(
    "every number read back exactly, in each spelling, flat and merged",
    () => {
      const cases = Object.entries(VARIANTS).flatMap(([variant, v], i) =>
        [sample(), published()].map((t, j) => ({ t, variant, file: path.join(dir, `r${i}-${j}.html`), v })),
      );
      for (const c of cases) writeFileSync(c.file, reportHtml(c.t, c.v));
      const docx = sofficeAll(
        cases.map((c) => c.file),
        "docx",
        dir,
      );
      cases.forEach((c, i) => {
        const r = readReportFile(readFileSync(docx[i]), path.basename(docx[i]));
        expect({ variant: c.variant, problems: r.problems }).toEqual({ variant: c.variant, problems: [] });
        expect({ variant: c.variant, ...numbers(r.tables) }).toEqual({ variant: c.variant, ...numbers(c.t) });
        expect(r.tables.agency).toBe(c.t.agency);
      });
    },
    300000,
  );
});
