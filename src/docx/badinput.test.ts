/** Bad .docx input gets a clear Chinese message, never a crash or a silent success. */
import { oleFile } from "../../test/badfiles";
import { zipSync } from "fflate";
import { withDocumentXml } from "../../test/docx";
import { compileWorkbook } from "../report/compile";
import { sampleWorkbook } from "../report/sample";
import { createReport, reportDocument, updateReport } from "./index";
import { DocxError, readZip, writeZip } from "./zip";

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

  test("a password-protected report is named as such, not as an old .doc", async () => {
    await expect(attempt(oleFile(true))).rejects.toThrow(/「坏\.docx」设有打开密码（已加密）/);
  });

  test("DocxError is what every one of them throws", async () => {
    await expect(attempt(new Uint8Array([1, 2, 3, 4, 5]))).rejects.toBeInstanceOf(DocxError);
  });

  test("a document whose parts are not well-formed is refused, naming the part; nothing is written", async () => {
    const good = await createReport(compileWorkbook(sampleWorkbook()));
    const truncated = withDocumentXml(good, (x) => x.slice(0, Math.floor(x.length * 0.6)));
    await expect(attempt(truncated)).rejects.toThrow(/「word\/document\.xml」不是完整的 XML/);
    const unclosed = withDocumentXml(good, (x) => x.replace(/<\/w:sdt>/, ""));
    await expect(attempt(unclosed)).rejects.toThrow(/「word\/document\.xml」不是完整的 XML（第\d+行第\d+列/);
    const zip = readZip(good, "t");
    const plain = zip.entries.map((e) =>
      e.name === "word/_rels/document.xml.rels"
        ? { name: e.name, data: new TextEncoder().encode("<Relationships><Relationship") }
        : e,
    );
    const noControls = withDocumentXml(writeZip({ entries: plain }), (x) =>
      x.replace(/<w:sdt>[\s\S]*?<\/w:sdt>/g, ""),
    );
    await expect(attempt(noControls)).rejects.toThrow(/「word\/_rels\/document\.xml\.rels」不是完整的 XML/);
  });

  test("a Word document with nothing of ours and no statistics tables is not a report we can update", async () => {
    const good = await createReport(compileWorkbook(sampleWorkbook()));
    const letter = withDocumentXml(good, (x) =>
      x.replace(
        /<w:body>[\s\S]*<w:sectPr/,
        "<w:body><w:p><w:r><w:t>关于召开会议的通知</w:t></w:r></w:p><w:sectPr",
      ),
    );
    await expect(attempt(letter)).rejects.toThrow(/不是本工具能更新的报告/);
  });

  test("copies of one of our parts: two are both updated, eleven are refused before anything is made", async () => {
    const before = await createReport(compileWorkbook(sampleWorkbook()));
    const table3 = /<w:sdt>(?:(?!<w:sdt>)[\s\S])*?w:val="ogi:table3"[\s\S]*?<\/w:sdt>/;
    const copies = (n: number) =>
      withDocumentXml(before, (x) => {
        const control = table3.exec(x)?.[0] as string;
        return x.replace("</w:body>", `${control.repeat(n - 1)}</w:body>`);
      });
    const { retypeApplicant } = await import("../../test/helpers");
    const wb = sampleWorkbook();
    retypeApplicant(wb, "商业企业");
    const two = await updateReport(copies(2), "两份.docx", compileWorkbook(wb));
    expect(two.changed.filter((c) => c.part === "table3")).toHaveLength(2);
    await expect(attempt(copies(11))).rejects.toThrow(
      /「坏\.docx」中「表三 收到和处理政府信息公开申请情况」（ogi:table3）有 11 份，超过 10 份，不像本工具生成的报告，没有写出任何文件/,
    );
  });

  test("tables nested 65 deep are refused from the bytes; 64 are read", async () => {
    const good = await createReport(compileWorkbook(sampleWorkbook()));
    const nested = (n: number) =>
      withDocumentXml(good, (x) =>
        x.replace(
          "</w:body>",
          `${"<w:tbl><w:tr><w:tc>".repeat(n)}<w:p/>${"</w:tc></w:tr></w:tbl>".repeat(n)}</w:body>`,
        ),
      );
    await expect(attempt(nested(65))).rejects.toThrow(
      /「坏\.docx」中的表格或内容控件嵌套超过 64 层，不像一份报告/,
    );
    await expect(attempt(nested(64))).resolves.toBeDefined();
  });
});
