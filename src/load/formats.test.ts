/**
 * The family of what a file named as a Word document (.doc, .wps, .docx) may really hold, as Word's and WPS's
 * 「另存为」, portals and renaming produce it: a web page (UTF-8, with a byte order mark, GBK, UTF-16, MHTML), RTF,
 * a .docx, a PDF; and what it must not be read as: an OLE file of another program, a password-protected .docx,
 * an .xls, junk. Each is read as its bytes say, or refused with a sentence naming the file.
 */
import { oleFile } from "../../test/badfiles";
import { compoundFile } from "../../test/cfb";
import { huaianTables } from "../../test/fixtures";
import { gbk, mhtml, reportHtml } from "../../test/reports";
import { createReport } from "../docx";
import { compileWorkbook } from "../report/compile";
import { sampleWorkbook } from "../report/sample";
import type { TableSet } from "../report/tables/tables";
import { otherReportText } from "./formats";
import { readReportFile } from "./report";

const unit: TableSet = { ...huaianTables(), agency: "甲局", year: 2025 };
const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16 = (s: string) => {
  const out = new Uint8Array(2 + s.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) out.set([s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8], 2 + i * 2);
  return out;
};

describe("a web page under a Word name is read as the page it is", () => {
  const page = reportHtml(unit);
  const forms: [string, Uint8Array][] = [
    ["UTF-8", utf8(page)],
    ["UTF-8 with a byte order mark", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page)])],
    ["GBK, declared", gbk(reportHtml(unit, {}, "gbk"))],
    ["UTF-16 with a byte order mark", utf16(page)],
    ["MHTML (Word's 单个文件网页)", mhtml(gbk(reportHtml(unit, {}, "gbk")), "gbk")],
    ["white space and a comment first", utf8(`\r\n  <!-- saved from url -->\n${page}`)],
  ];
  test.each(forms)("%s", (_, bytes) => {
    for (const name of ["甲局.doc", "甲局.wps"]) {
      const r = readReportFile(bytes, name);
      expect({ name, problems: r.problems, t3: r.tables.t3 }).toEqual({ name, problems: [], t3: unit.t3 });
    }
  });
});

test("an RTF and a .docx under .doc read as what they are", async () => {
  const rtf = utf8("{\\rtf1\\ansi\\ansicpg936 {\\fonttbl{\\f0 SimSun;}}\\pard 2025\\'c4\\'ea\\par}");
  expect(otherReportText(rtf, "x.doc")?.paragraphs).toEqual(["2025年"]);
  const docx = await createReport(compileWorkbook(sampleWorkbook()));
  expect(otherReportText(docx, "报告.doc")).toBeNull(); // the .docx reader's, with the data it carries
  expect(readReportFile(docx, "报告.doc").source).toBe("stored");
});

test("what is no Word document under a Word name is refused, naming the file and what it is", () => {
  const said = (bytes: Uint8Array, name: string) => {
    try {
      otherReportText(bytes, name);
    } catch (e) {
      return (e as Error).message;
    }
    return "read";
  };
  expect(said(oleFile(true), "加密.docx")).toMatch(/^「加密\.docx」设有打开密码/);
  expect(said(compoundFile({ Workbook: new Uint8Array(5000) }), "台账.doc")).toMatch(
    /^「台账\.doc」是 Excel 工作簿，不是报告/,
  );
  expect(said(oleFile(false), "别的.doc")).toMatch(/^「别的\.doc」不是 Word 文档/);
  expect(said(utf8("只是一些文字，没有网页标记"), "文字.wps")).toMatch(
    /^「文字\.wps」不是能读取的 Word 文档/,
  );
  expect(said(utf8("<html><body>x</body></html>"), "页.ofd")).toMatch(/^「页\.ofd」不是 OFD 版式文件/);
});
