/**
 * The Word report: structure read back from the .docx XML, the real word processor (LibreOffice → PDF), and
 * the legacy format like the seed. Updating in place is in update.test.ts, bad input in badinput.test.ts.
 */
import { writeFileSync } from "fs";
import path from "path";
import { seedLines as readSeed } from "../../test/fixtures";
import { hasRow, pdfLines, pdfText, soffice, squeeze } from "../../test/office";
import { needs } from "../../test/tools";
import { documentXml, NOW, tempDir } from "../../test/docx";
import { compileWorkbook } from "../report/compile";
import type { CompileResult } from "../report/compile";
import { getFormat, numberRows } from "../report/formats";
import { sampleWorkbook } from "../report/sample";
import { createReport } from "./index";
import { readStoredReport } from "./customxml";
import { findSdts, outermost, tableCells, textOf } from "./ooxml";
import { readZip, xmlText } from "./zip";

const tmp = tempDir();

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
    // People's own text from 报告信息, each where its sub-heading asks.
    expect(text).toContain("（三）政府信息管理\n落实公开前保密审查和合法性审核");
    expect(text).toContain("一是主动公开的深度和广度还需拓展");
  });

  test("every generated part is a tagged block control with a Chinese alias; people's text is outside", async () => {
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
    // Where 报告信息 says nothing yet, a 【请填写】 prompt stands in people's place, outside every control.
    const draft = documentXml(
      await createReport(compileWorkbook(sampleWorkbook({ unfilled: true })), "示例台账.xlsx", NOW),
    );
    const placeholders = [...draft.matchAll(/【请填写：[^】]*】/g)];
    expect(placeholders.map((p) => p[0])).toContain("【请填写：政府信息管理工作情况】");
    const draftSdts = findSdts(draft);
    for (const p of placeholders)
      expect(draftSdts.some((s) => p.index > s.start && p.index < s.end)).toBe(false);
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
    const file = path.join(tmp.path, "report.docx");
    writeFileSync(file, bytes);
    const pdf = soffice(file, "pdf", tmp.path);
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
