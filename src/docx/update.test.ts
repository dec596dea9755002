/**
 * Updating a report in place: Word's additions, a person's paragraph, a deleted control, idempotence, and a
 * report that went through LibreOffice (tables found by their labels).
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { hasRow, pdfLines, pdfText, soffice, squeeze } from "../../test/office";
import { needs } from "../../test/tools";
import { documentXml, NOW, sampleResults, tempDir, withDocumentXml } from "../../test/docx";
import type { CompileResult } from "../report/compile";
import { createReport, updateReport } from "./index";
import { readStoredReport } from "./customxml";
import { findSdts, outermost, tableCells, textOf } from "./ooxml";
import { readZip } from "./zip";

const tmp = tempDir();

const office = needs("soffice", "pdftotext", "cjkFont");

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

  test("what the update cannot change is listed: a person's sentence with old numbers, a title of another year", async () => {
    const newTotal = results.after.tables.t3.new[6] as number;
    const said = newTotal + 100;
    const own = `<w:p><w:r><w:t>2025年，本局共收到政府信息公开申请${said}件。</w:t></w:r></w:p>`;
    const edited = withDocumentXml(original, (x) =>
      x
        // The title typed by hand (no control), still last year's.
        .replace(
          /<w:sdt><w:sdtPr><w:alias w:val="报告标题"\/>.*?<\/w:sdt>/,
          "<w:p><w:r><w:t>云溪区住房和城乡建设局2024年政府信息公开工作年度报告</w:t></w:r></w:p>",
        )
        .replace(/(<w:p>(?:(?!<w:p>).)*?五、存在的主要问题及改进情况.*?<\/w:p>)/, `$1${own}`),
    );
    const u = await updateReport(edited, "报告.docx", results.after, "示例台账.xlsx", NOW);
    expect(u.stale).toHaveLength(2);
    expect(u.stale[0]).toContain(String(said));
    expect(u.stale[0]).toContain(String(newTotal));
    expect(u.stale[1]).toMatch(/2024年.*与报告年度2025年不同/);
    // An update of our own report, whose sentences are in its controls, leaves nothing stale.
    expect((await updateReport(original, "报告.docx", results.after, "示例台账.xlsx", NOW)).stale).toEqual(
      [],
    );
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
        // (the docx package declares w15 already; a second declaration would not be well-formed)
        .replace(
          /<w:document (?![^>]*xmlns:w15=)/,
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
      const file = path.join(tmp.path, "edited.docx");
      writeFileSync(file, edited);
      const loDir = path.join(tmp.path, "lo");
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
      const updated = path.join(tmp.path, "lo-updated.docx");
      writeFileSync(updated, u.bytes);
      const updatedPdf = soffice(updated, "pdf", tmp.path);
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
