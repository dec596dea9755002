/**
 * The Word report: structure read back from the .docx XML, the real word processor (LibreOffice → PDF),
 * updating in place (Word's additions, a person's paragraph, a deleted control, idempotence), a report that
 * went through LibreOffice, and bad input.
 */
import { zipSync } from "fflate";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { seedLines as readSeed } from "../../test/fixtures";
import { hasRow, pdfLines, pdfText, soffice, squeeze } from "../../test/office";
import { needs } from "../../test/tools";
import type { Cell } from "../report/cells";
import { compileWorkbook } from "../report/compile";
import type { CompileResult } from "../report/compile";
import { getFormat, numberRows } from "../report/formats";
import { sampleWorkbook } from "../report/sample";
import { SHEETS } from "../report/registers";
import { createReport, reportDocument, updateReport } from "./index";
import { readStoredReport } from "./customxml";
import { findSdts, outermost, tableCells, textOf } from "./ooxml";
import { DocxError, readZip, writeZip, xmlText } from "./zip";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ogi-docx-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date(Date.UTC(2026, 0, 20, 8));
const documentXml = (bytes: Uint8Array) => xmlText(readZip(bytes, "t"), "word/document.xml", "t") as string;
const withDocumentXml = (bytes: Uint8Array, edit: (xml: string) => string) => {
  const zip = readZip(bytes, "t");
  const e = zip.entries.find((x) => x.name === "word/document.xml");
  if (!e) throw new Error("no document.xml");
  e.data = new TextEncoder().encode(edit(new TextDecoder().decode(e.data)));
  return writeZip(zip);
};

/** The sample, and the same register with one application's applicant type changed in the report year. */
function sampleResults(): { before: CompileResult; after: CompileResult } {
  const wb = sampleWorkbook();
  const before = compileWorkbook(wb);
  const apps = wb.sheets.find((s) => s.name === SHEETS.applications);
  const row = apps?.rows.find(
    (r) => String(r[0]).startsWith("2025") && r[2] === "自然人" && r[3] !== null,
  ) as Cell[];
  row[2] = "商业企业";
  return { before, after: compileWorkbook(wb) };
}

const office = needs("soffice", "pdftotext", "cjkFont");

describe("the report .docx, read back", () => {
  let bytes: Uint8Array;
  let xml: string;
  let result: CompileResult;
  beforeAll(async () => {
    result = compileWorkbook(sampleWorkbook());
    bytes = await createReport(result, "示例台账.xlsx", NOW);
    xml = documentXml(bytes);
  });

  test("the six headings in order, the title and the lead", () => {
    const text = textOf(xml);
    const headings = getFormat("2021").sections.map((s) => s.heading);
    const at = headings.map((h) => text.indexOf(`\n${h}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(
      text.startsWith(
        "云溪区住房和城乡建设局\n2025年政府信息公开工作年度报告\n本报告根据《中华人民共和国政府信息公开条例》",
      ),
    ).toBe(true);
    expect(text).toContain("本报告所列数据的统计期限为2025年1月1日至2025年12月31日");
    expect(text).toContain("【请填写：政府信息管理工作情况】");
    expect(text).toContain("一是主动公开的深度和广度还需拓展");
  });

  test("every generated part is a tagged block control with a Chinese alias; people's text is outside", () => {
    const sdts = findSdts(xml);
    expect(sdts.map((s) => s.tag)).toEqual([
      "ogi:title",
      "ogi:lead",
      "ogi:s1.active",
      "ogi:s1.requests",
      "ogi:s2.active",
      "ogi:table2",
      "ogi:s3.outcomes",
      "ogi:table3",
      "ogi:s4.cases",
      "ogi:table4",
      "ogi:s6.fees",
      "ogi:signature",
    ]);
    for (const s of sdts) {
      expect(s.alias).toMatch(/[\u4e00-\u9fff]/);
      expect(s.inline).toBe(false);
    }
    // One control per table, none inside table cells.
    for (const t of outermost(xml, "w:tbl")) expect(xml.slice(t.start, t.end)).not.toContain("<w:sdt>");
    const placeholders = [...xml.matchAll(/【请填写：[^】]*】/g)];
    for (const p of placeholders) expect(sdts.some((s) => p.index > s.start && p.index < s.end)).toBe(false);
  });

  test("表三: 25 data rows with the exact labels of domain.md, and the template's merges", () => {
    const sdt = findSdts(xml).find((s) => s.tag === "ogi:table3");
    if (!sdt) throw new Error("table3 control");
    const table = outermost(xml, "w:tbl", sdt.start, sdt.end)[0];
    const rows = tableCells(xml, table);
    expect(rows).toHaveLength(28);
    const f = getFormat("2021");
    const data = rows.slice(3);
    expect(data).toHaveLength(25);
    // Each data row ends with 7 numbers equal to the tables; its label is the last text before them.
    numberRows(f).forEach((r, i) => {
      const own = data[i].filter((c) => !c.continued);
      expect(own.slice(-7).map((c) => c.text)).toEqual(result.tables.t3[r.key].map(String));
      expect(own[own.length - 8].text).toBe(r.label);
    });
    const tableXml = xml.slice(table.start, table.end);
    const trs = outermost(tableXml, "w:tr").map((r) => tableXml.slice(r.start, r.end));
    // Header: corner 3×3, 申请人情况 over 7, 法人或其他组织 over 5, 自然人 and 总计 down 2.
    expect(trs[0]).toMatch(
      /<w:gridSpan w:val="3"\/><w:vMerge w:val="restart"\/>[\s\S]*本列数据的勾稽关系[\s\S]*<w:gridSpan w:val="7"\/>[\s\S]*申请人情况/,
    );
    expect(trs[1]).toMatch(
      /<w:vMerge w:val="restart"\/>[\s\S]*自然人[\s\S]*<w:gridSpan w:val="5"\/>[\s\S]*法人或其他组织[\s\S]*<w:vMerge w:val="restart"\/>[\s\S]*总计/,
    );
    expect(trs[2]).toMatch(/<w:gridSpan w:val="3"\/><w:vMerge w:val="continue"\/>/);
    // 三、本年度办理结果 merged down the 22 result rows; （三）不予公开 down its 8 items.
    const results = trs.findIndex((t) => t.includes("三、本年度办理结果"));
    expect(results).toBe(5);
    expect(
      trs.slice(6, 27).every((t) => /<w:tc><w:tcPr><w:tcW[^>]*\/><w:vMerge w:val="continue"\/>/.test(t)),
    ).toBe(true);
    expect(trs[27]).toContain("四、结转下年度继续办理");
    const deny = trs.findIndex((t) => t.includes("（三）不予公开"));
    expect(trs[deny]).toContain("1.属于国家秘密");
    expect(
      trs
        .slice(deny + 1, deny + 8)
        .every((t) => (t.match(/<w:vMerge w:val="continue"\/>/g) ?? []).length === 2),
    ).toBe(true);
  });

  test("表四 and 表二 carry the numbers; the custom XML part carries the data", () => {
    const t4 = findSdts(xml).find((s) => s.tag === "ogi:table4");
    const rows = tableCells(xml, outermost(xml, "w:tbl", t4?.start, t4?.end)[0]);
    expect(rows[3].map((c) => c.text)).toEqual(result.tables.t4.map(String));
    const stored = readStoredReport(readZip(bytes, "t"), "t");
    expect(stored?.tables).toEqual(result.tables);
    expect(stored?.meta.source).toBe("示例台账.xlsx");
    expect(stored?.meta.generated).toBe(NOW.toISOString());
    expect(Object.keys(stored?.meta.hashes ?? {})).toHaveLength(12);
    const zip = readZip(bytes, "t");
    expect(xmlText(zip, "word/_rels/document.xml.rels", "t")).toContain('Target="../customXml/item1.xml"');
    expect(xmlText(zip, "[Content_Types].xml", "t")).toContain("/customXml/itemProps1.xml");
  });

  test("page layout: A4, GB/T 9704 margins, fixed line spacing, page numbers on the outside edge", () => {
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(xml).toContain('w:line="579" w:lineRule="exact"');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="楷体_GB2312"');
    const zip = readZip(bytes, "t");
    expect(xmlText(zip, "word/settings.xml", "t")).toContain("<w:evenAndOddHeaders/>");
    const footers = zip.entries
      .filter((e) => /word\/footer\d+\.xml/.test(e.name))
      .map((e) => new TextDecoder().decode(e.data));
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>') && f.includes("PAGE"))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>') && f.includes("PAGE"))).toBe(true);
  });

  office.test("LibreOffice opens it: headings, labels and numbers in the PDF", () => {
    const file = path.join(dir, "report.docx");
    writeFileSync(file, bytes);
    const pdf = soffice(file, "pdf", dir);
    const text = pdfText(pdf);
    const lines = pdfLines(pdf);
    for (const s of getFormat("2021").sections) expect(text).toContain(squeeze(s.heading));
    for (const label of [
      "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
      "四、结转下年度继续办理",
      "第二十条第（一）项",
      "未经复议直接起诉",
      "复议后起诉",
    ])
      expect(text).toContain(squeeze(label));
    expect(text).toContain(squeeze(result.sentences["s3.outcomes"]));
    for (const key of ["new", "carry", "fwd"]) {
      const label = getFormat("2021").t3.rows.find((r) => r.key === key)?.label as string;
      expect({ key, found: hasRow(lines, label, result.tables.t3[key]) }).toEqual({ key, found: true });
    }
    expect(hasRow(lines, "1.属于国家秘密", result.tables.t3.d1)).toBe(true);
    expect(text).toContain("—1—");
  });
});

describe("updating a report in place", () => {
  let results: { before: CompileResult; after: CompileResult };
  let original: Uint8Array;
  beforeAll(async () => {
    results = sampleResults();
    original = await createReport(results.before, "示例台账.xlsx", NOW);
  });

  test("a person's paragraph outside the controls stays; the tables change where the data changed", async () => {
    const own = "<w:p><w:r><w:t>本局另行补充说明：全年未发生泄密事件。</w:t></w:r></w:p>";
    const edited = withDocumentXml(original, (x) =>
      x.replace(/(<w:p>(?:(?!<w:p>).)*?五、存在的主要问题及改进情况.*?<\/w:p>)/, `$1${own}`),
    );
    expect(documentXml(edited)).toContain(own);
    const u = await updateReport(edited, "报告.docx", results.after, "示例台账.xlsx", NOW);
    const xml = documentXml(u.bytes);
    expect(xml).toContain(own);
    expect(u.missing).toEqual([]);
    const t3 = u.changed.find((c) => c.part === "table3");
    expect(t3?.cells).toEqual(
      expect.arrayContaining([
        {
          where: "表三「一、本年新收政府信息公开申请数量」「自然人」",
          old: String(results.before.tables.t3.new[0]),
          new: String(results.after.tables.t3.new[0]),
        },
        {
          where: "表三「一、本年新收政府信息公开申请数量」「商业企业」",
          old: String(results.before.tables.t3.new[1]),
          new: String(results.after.tables.t3.new[1]),
        },
      ]),
    );
    expect(u.changed.map((c) => c.part)).toEqual(["table3"]);
    // Outside the replaced control, the document is byte for byte the same.
    const before = documentXml(edited);
    const sdtOld = findSdts(before).find((s) => s.tag === "ogi:table3");
    const sdtNew = findSdts(xml).find((s) => s.tag === "ogi:table3");
    if (!sdtOld || !sdtNew) throw new Error("table3");
    expect(xml.slice(0, sdtNew.content.start) === before.slice(0, sdtOld.content.start)).toBe(true);
    expect(xml.slice(sdtNew.content.end) === before.slice(sdtOld.content.end)).toBe(true);
    expect(readStoredReport(readZip(u.bytes, "t"), "t")?.tables).toEqual(results.after.tables);
  });

  test("running the update twice changes nothing the second time", async () => {
    const once = await updateReport(original, "报告.docx", results.after, "x.xlsx", NOW);
    const twice = await updateReport(once.bytes, "报告.docx", results.after, "x.xlsx", NOW);
    expect(twice.changed).toEqual([]);
    expect(documentXml(twice.bytes) === documentXml(once.bytes)).toBe(true);
    const unchanged = await updateReport(original, "报告.docx", results.before, "x.xlsx", NOW);
    expect(unchanged.changed).toEqual([]);
    expect(documentXml(unchanged.bytes) === documentXml(original)).toBe(true);
  });

  test("a deleted control is reported as missing, not recreated", async () => {
    const xml = documentXml(original);
    const fees = findSdts(xml).find((s) => s.tag === "ogi:s6.fees");
    if (!fees) throw new Error("s6.fees");
    const edited = withDocumentXml(original, (x) => x.slice(0, fees.start) + x.slice(fees.end));
    const u = await updateReport(edited, "报告.docx", results.after, "x.xlsx", NOW);
    expect(u.missing.map((m) => m.part)).toEqual(["s6.fees"]);
    expect(u.missing[0].hint).toContain("插入");
    expect(documentXml(u.bytes)).not.toContain("信息处理费管理办法");
  });

  test("a control carrying Word's usual additions still updates", async () => {
    const wordish = withDocumentXml(original, (x) =>
      x
        .replace(
          "<w:document ",
          '<w:document xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" ',
        )
        .replace(/<w:p>/g, '<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00A1B2C3" w14:paraId="1A2B3C4D">')
        .replace(
          /(<w:sdtPr>)(<w:alias w:val="表三[^"]*"\/>)(<w:tag w:val="ogi:table3"\/>)/,
          '$1<w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr>$2<w:id w:val="-1730688017"/><w:lock w:val="sdtLocked"/><w:placeholder><w:docPart w:val="DefaultPlaceholder_-1854013440"/></w:placeholder>$3<w15:appearance w15:val="hidden"/><w:showingPlcHdr/>',
        )
        .replace(
          /<w:t xml:space="preserve">67<\/w:t>/,
          '<w:t xml:space="preserve">6</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r w:rsidR="00FF00FF"><w:rPr><w:sz w:val="15"/></w:rPr><w:t>7</w:t>',
        ),
    );
    const before = documentXml(wordish);
    const sdt = findSdts(before).find((s) => s.tag === "ogi:table3");
    expect(before.slice(sdt?.pr.start, sdt?.pr.end)).toContain("<w15:appearance");
    const u = await updateReport(wordish, "报告.docx", results.after, "x.xlsx", NOW);
    const xml = documentXml(u.bytes);
    const after = findSdts(xml).find((s) => s.tag === "ogi:table3");
    if (!after) throw new Error("table3 kept");
    const pr = xml.slice(after.pr.start, after.pr.end);
    expect(pr).toContain('<w:lock w:val="sdtLocked"/>');
    expect(pr).toContain('<w15:appearance w15:val="hidden"/>');
    expect(pr).not.toContain("<w:showingPlcHdr/>");
    const rows = tableCells(xml, outermost(xml, "w:tbl", after.start, after.end)[0]);
    expect(
      rows[3]
        .filter((c) => !c.continued)
        .slice(-7)
        .map((c) => c.text),
    ).toEqual(results.after.tables.t3.new.map(String));
    expect(u.changed.find((c) => c.part === "table3")?.cells?.[0]).toEqual({
      where: "表三「一、本年新收政府信息公开申请数量」「自然人」",
      old: "67",
      new: String(results.after.tables.t3.new[0]),
    });
    // Everything outside the control is as Word left it.
    const same =
      xml.slice(0, after.content.start).replace("<w:showingPlcHdr/>", "") ===
      before.slice(0, sdt?.content.start).replace("<w:showingPlcHdr/>", "");
    expect(same).toBe(true);
    expect(xml.slice(after.content.end) === before.slice(sdt?.content.end)).toBe(true);
  });

  office.test(
    "a report that went through LibreOffice: tables updated by label, the person's paragraph kept, lost parts reported",
    async () => {
      const own = "<w:p><w:r><w:t>我们手写的一段：本年度还开展了政务公开日活动。</w:t></w:r></w:p>";
      const edited = withDocumentXml(original, (x) =>
        x.replace(/(<w:p>(?:(?!<w:p>).)*?六、其他需要报告的事项.*?<\/w:p>)/, `$1${own}`),
      );
      const file = path.join(dir, "edited.docx");
      writeFileSync(file, edited);
      const loDir = path.join(dir, "lo");
      const roundTripped = readFileSync(soffice(file, "docx", loDir));
      const loXml = documentXml(roundTripped);
      expect(findSdts(loXml).filter((s) => s.tag.startsWith("ogi:"))).toEqual([]);
      // LibreOffice may keep or drop the custom XML part; the update writes it either way.

      const u = await updateReport(roundTripped, "edited.docx", results.after, "x.xlsx", NOW);
      const t3 = u.changed.find((c) => c.part === "table3");
      expect(t3?.byLabel).toBe(true);
      expect(t3?.cells?.map((c) => c.where)).toEqual(
        expect.arrayContaining([
          "表三「一、本年新收政府信息公开申请数量」「自然人」",
          "表三「一、本年新收政府信息公开申请数量」「商业企业」",
        ]),
      );
      expect(u.missing.map((m) => m.part)).toEqual(
        expect.arrayContaining(["title", "lead", "s3.outcomes", "s6.fees", "signature"]),
      );
      expect(u.missing.find((m) => m.part === "table3")?.hint).toContain("已按表格文字找到并更新");
      const xml = documentXml(u.bytes);
      expect(textOf(xml)).toContain("我们手写的一段：本年度还开展了政务公开日活动。");
      // Only number cells changed: the text outside tables is identical.
      const outside = (x: string) => {
        let out = x;
        for (const t of outermost(x, "w:tbl").reverse()) out = out.slice(0, t.start) + out.slice(t.end);
        return out;
      };
      expect(outside(xml) === outside(loXml)).toBe(true);
      // The updated file opens in LibreOffice with the new numbers.
      const updated = path.join(dir, "lo-updated.docx");
      writeFileSync(updated, u.bytes);
      const updatedPdf = soffice(updated, "pdf", dir);
      const text = pdfText(updatedPdf);
      expect(
        hasRow(pdfLines(updatedPdf), "一、本年新收政府信息公开申请数量", results.after.tables.t3.new),
      ).toBe(true);
      expect(readStoredReport(readZip(u.bytes, "t"), "t")?.tables).toEqual(results.after.tables);
      expect(text).toContain(squeeze("我们手写的一段：本年度还开展了政务公开日活动。"));
      // And a second update changes nothing.
      const again = await updateReport(u.bytes, "x.docx", results.after, "x.xlsx", NOW);
      expect(again.changed).toEqual([]);
      expect(documentXml(again.bytes) === xml).toBe(true);
    },
  );
});

describe("the legacy format, like the seed", () => {
  test("a workbook with the seed's numbers gives the seed's structure and its sentences", async () => {
    const seedLines = readSeed();
    const r = compileWorkbook({
      sheets: [
        { name: "依申请公开登记", rows: [["编号", "收到日期", "申请人类型", "办理结果", "办结日期"]] },
        { name: "复议诉讼登记", rows: [["编号", "类型", "立案日期", "结果", "审结日期"]] },
        {
          name: "主动公开",
          rows: [
            ["信息内容", "数量"],
            ["规范性文件", 0],
            ["工作动态", 0],
            ["行政执法", 0],
            ["行政审批", 0],
            ["财政信息", 0],
            ["人事信息", 0],
            ["重点领域信息公开", 3],
            ["上年度政府信息公开年度报告", 1],
          ],
        },
        {
          name: "报告信息",
          rows: [
            ["项目", "内容"],
            ["机关名称", "机关事务管理局"],
            ["报告年度", 2017],
            ["报告格式", "2008"],
            ["成文日期", "2018年1月17日"],
            ["简称", "本局"],
            ["联系电话", "62755237"],
            ["电子邮箱", "2331981620@qq.com"],
          ],
        },
      ],
    });
    expect(r.tables.format).toBe("2008");
    const bytes = await createReport(r, "seed.xlsx", NOW);
    const text = textOf(documentXml(bytes));
    const lines = text.split("\n");
    const f = getFormat("2008");
    const headings = f.sections.flatMap((s) => [s.heading, ...s.subheadings.map((x) => x.heading)]);
    const positions = headings.map((h) => lines.indexOf(h));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // The seed's own headings, in the seed's order.
    expect(headings.map((h) => seedLines.indexOf(h))).toEqual(
      [...headings.map((h) => seedLines.indexOf(h))].sort((a, b) => a - b),
    );
    expect(lines[0]).toBe("机关事务管理局2017年度政府信息公开工作年度报告");
    expect(lines[1]).toBe("（2018年1月17日）");
    for (const s of [
      "2017年本局未发生受理、答复依申请公开政府信息情况。",
      "2017年本局未发生依申请公开不予公开政府信息备案情况。",
      "2017年，本局未发生政府信息公开的收费及减免。",
      "2017年，本局未收到有关政府信息公开事务的行政复议申请，没有发生因政府信息公开提起行政诉讼。",
    ]) {
      expect(seedLines).toContain(s);
      expect(lines).toContain(s);
    }
    expect(lines).toContain(
      "2017年，通过政府信息公开统一平台主动公开政府信息4条。其中：规范性文件0条，工作动态0条，行政执法0条，行政审批0条，财政信息0条，人事信息0条；重点领域信息公开3条；2016年政府信息公开年度报告1条。",
    );
    expect(text).toContain(
      "本报告所列数据的统计期限自2017年1月1日起至2017年12月31日止。如对本年度报告有疑问，请联系：机关事务管理局，电话：62755237，电子邮箱：2331981620@qq.com。",
    );
    expect(text).not.toMatch(/，；|；，|。。/);
    expect(outermost(documentXml(bytes), "w:tbl")).toEqual([]);
  });
});

describe("bad input gets a clear message", () => {
  const doc = () => reportDocument(compileWorkbook(sampleWorkbook()));
  const attempt = (bytes: Uint8Array) => updateReport(bytes, "坏.docx", compileWorkbook(sampleWorkbook()));

  test("not a docx, a .doc, a corrupt zip", async () => {
    await expect(attempt(new TextEncoder().encode("hello"))).rejects.toThrow(
      /「坏\.docx」不是 \.docx 格式的 Word 文档/,
    );
    await expect(attempt(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).rejects.toThrow(
      /旧版 Word（\.doc）/,
    );
    const good = await createReport(compileWorkbook(sampleWorkbook()));
    await expect(attempt(good.slice(0, good.length - 200))).rejects.toThrow(/已损坏/);
    await expect(
      attempt(writeZip({ entries: [{ name: "a.txt", data: new Uint8Array([1]) }] })),
    ).rejects.toThrow(/缺少 word\/document\.xml/);
    expect(doc().items.length).toBeGreaterThan(10);
  });

  test("XML entity expansion and external entities are refused", async () => {
    const good = await createReport(compileWorkbook(sampleWorkbook()));
    const bomb = withDocumentXml(good, (x) =>
      x.replace(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>',
      ),
    );
    await expect(attempt(bomb)).rejects.toThrow(/DOCTYPE 或实体声明/);
    const xxe = withDocumentXml(good, (x) =>
      x.replace(
        /^<\?xml[^>]*\?>/,
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
      ),
    );
    await expect(attempt(xxe)).rejects.toThrow(/DOCTYPE 或实体声明/);
  });

  test("a zip with ../ paths and an enormous entry are refused", async () => {
    const good = readZip(await createReport(compileWorkbook(sampleWorkbook())), "t");
    const evil = writeZip({
      entries: [...good.entries, { name: "../../evil.sh", data: new TextEncoder().encode("rm -rf /") }],
    });
    await expect(attempt(evil)).rejects.toThrow(/不安全的文件路径「\.\.\/\.\.\/evil\.sh」/);
    const huge = writeZip({
      entries: [...good.entries, { name: "word/media/huge.bin", data: new Uint8Array(70 * 1024 * 1024) }],
    });
    await expect(attempt(huge)).rejects.toThrow(/解压后过大（70 MB）/);
  });

  test("a zip whose header understates an entry's size (a zip bomb) is refused", async () => {
    const z = zipSync({ "word/document.xml": new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    const dv = new DataView(z.buffer);
    dv.setUint32(22, 100, true); // local header: uncompressed size
    const cd = dv.getUint32(z.length - 22 + 16, true);
    dv.setUint32(cd + 24, 100, true); // central directory: uncompressed size
    await expect(attempt(z)).rejects.toThrow(/「document\.xml」|word\/document\.xml」内容与记录不符/);
  });

  test("DocxError is what every one of them throws", async () => {
    await expect(attempt(new Uint8Array([1, 2, 3, 4, 5]))).rejects.toBeInstanceOf(DocxError);
  });
});
