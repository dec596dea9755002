/**
 * @jest-environment ./test/pdf-environment.js
 *
 * PDF reports read back: our report and a real published report's tables (淮安, test/fixtures) as a portal's
 * web page in GBK, each exported to PDF by LibreOffice, read by pdf.js and rebuilt from the text's positions
 * and the tables' rules — every number exactly as made, a table and a row split over two pages among them;
 * and what no word processor makes on purpose (test/pdfs.ts): a scan, a bomb, a broken, truncated or
 * password-protected file, each a Chinese sentence naming the file.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { execFileSync, spawnSync } from "child_process";
import { NOW, tempDir, withDocumentXml } from "../../test/docx";
import { huaianTables } from "../../test/fixtures";
import { sofficeAll } from "../../test/office";
import { bombPdf, cmapPdf, pdfOf, scannedPdf, textPdf } from "../../test/pdfs";
import { gbk, reportHtml, VARIANTS } from "../../test/reports";
import { needs } from "../../test/tools";
import { usePdfJsNode } from "../cli/pdfjs";
import { createReport } from "../docx";
import { compileWorkbook } from "../report/compile";
import { numericTables } from "../report/read/tables";
import { checkReadReport } from "../report/read/text";
import { sampleWorkbook } from "../report/sample";
import type { TableSet } from "../report/tables/tables";
import { readUnit } from "./review";
import { readWorkbook } from "../workbook/read";
import { openReportFile } from "./report";
import { checkStreams, MAX_INFLATED, SCANNED } from "./pdf";

beforeAll(() => usePdfJsNode());

const office = needs("soffice", "pdftotext", "cjkFont");
const tmp = tempDir("ogi-pdf-");
const bytesOf = (file: string) => new Uint8Array(readFileSync(file));
const numbers = (t: TableSet) => ({ t2: t.t2, t3: t.t3, t4: t.t4 });

/** Filler paragraphs that push 表三 down the page, so that it runs over a page break. */
const filler = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `第${i + 1}段：本机关持续推进政务公开标准化规范化建设，做好政府信息公开工作。`,
  );

/** The text of each page of a PDF, spaces removed. */
function pageTexts(pdf: string): string[] {
  const text = execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" });
  // pdftotext ends each page with a form feed.
  return text.split("\f").map((t) => t.replace(/\s+/g, ""));
}

const result = compileWorkbook(sampleWorkbook());
const huaian: TableSet = { ...huaianTables(), agency: "淮安市某局", year: 2025 };
/** Our report, and a GBK web page of the published tables, each exported to PDF by LibreOffice. */
const made = { fromDocx: "", fromPage: "" };

office.beforeAll(async () => {
  const docx = path.join(tmp.path, "报告.docx");
  writeFileSync(docx, await createReport(result, "示例台账.xlsx", NOW));
  const page = path.join(tmp.path, "网页.html");
  writeFileSync(page, gbk(reportHtml(huaian, {}, "gbk")));
  [made.fromDocx] = sofficeAll([docx], "pdf", tmp.path);
  [made.fromPage] = sofficeAll([page], "pdf", tmp.path);
}, 180000);

office.test(
  "our report and a GBK web page of published tables, as PDF: every number, the title, no finding",
  async () => {
    const ours = await openReportFile(bytesOf(made.fromDocx), "报告.pdf");
    expect(ours.problems).toEqual([]);
    expect(ours.source).toBe("labels");
    expect(numbers(numericTables(ours.tables))).toEqual(numbers(result.tables));
    expect([ours.tables.agency, ours.tables.year]).toEqual([result.tables.agency, result.tables.year]);
    expect(checkReadReport(ours, numericTables(ours.tables))).toEqual([]);

    const published = await openReportFile(bytesOf(made.fromPage), "网页.pdf");
    expect(published.problems).toEqual([]);
    expect(numbers(numericTables(published.tables))).toEqual(numbers(huaian));
    expect([published.tables.agency, published.tables.year]).toEqual(["淮安市某局", 2025]);
    // The page's text: its six sections and its own sentences, which agree with its tables.
    expect(checkReadReport(published, numericTables(published.tables))).toEqual([]);
  },
);

office.test(
  "the command line itself (a child process, pdf.js required as Node requires it): check, extract, rollup",
  async () => {
    const root = path.resolve(__dirname, "../..");
    const run = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ["-r", path.join(root, "test/ts-register.js"), path.join(root, "src/cli/main.ts"), ...args],
        {
          encoding: "utf8",
        },
      );
    const check = run("check", made.fromPage);
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("「网页.pdf」：按表格文字读取；机关：淮安市某局；年度：2025；2021年格式");
    // Its only date is the PDF's creation date (LibreOffice made it just now): after 31 January 2026 that is one
    // 提示 (R1, the file's date only, never an error); before it, nothing.
    const lateFile = Date.now() > Date.UTC(2026, 0, 31, 16);
    expect(check.stdout).toContain(lateFile ? "校验结果：0个错误，1个提示" : "校验结果：全部通过");
    if (lateFile)
      expect(check.stdout).toMatch(
        /\[提示\] R1 发布日期：报告中没有写明发布或落款日期，只读到PDF 文件的创建日期/,
      );
    const xlsx = path.join(tmp.path, "统计表.xlsx");
    expect(run("extract", made.fromPage, "--xlsx", xlsx).status).toBe(0);
    const typed = compileWorkbook(await readWorkbook(bytesOf(xlsx), "统计表.xlsx"));
    expect(numbers(typed.tables)).toEqual(numbers(huaian));
    const rollup = run("rollup", made.fromPage, made.fromDocx, "--year", "2025", "--json");
    expect(rollup.status).toBe(0);
    const total = JSON.parse(rollup.stdout) as TableSet;
    expect(total.t3.new).toEqual(
      huaian.t3.new.map((v, i) => (v as number) + (result.tables.t3.new[i] as number)),
    );
  },
  180000,
);

office.test(
  "the page break falling anywhere in the tables (a GBK page with 1–30 paragraphs before them, and our .docx with 0–24): every row, every number, no finding",
  async () => {
    const huaian: TableSet = { ...huaianTables(), agency: "甲局", year: 2025 };
    const pages = Array.from({ length: 30 }, (_, i) => {
      const file = path.join(tmp.path, `分页${i + 1}.html`);
      writeFileSync(file, gbk(reportHtml(huaian, { paragraphs: filler(i + 1) }, "gbk")));
      return { file, tables: huaian };
    });
    const ours = compileWorkbook(sampleWorkbook());
    const made = await createReport(ours, "台账.xlsx", NOW);
    const paragraph =
      "<w:p><w:r><w:t>本机关持续推进政务公开标准化规范化建设，做好政府信息公开工作。</w:t></w:r></w:p>";
    const docs = Array.from({ length: 13 }, (_, i) => {
      const file = path.join(tmp.path, `报告分页${i * 2}.docx`);
      writeFileSync(
        file,
        withDocumentXml(made, (xml) => xml.replace("<w:body>", `<w:body>${paragraph.repeat(i * 2)}`)),
      );
      return { file, tables: ours.tables };
    });
    const all = [...pages, ...docs];
    const pdfs = [
      ...sofficeAll(
        pages.map((p) => p.file),
        "pdf",
        tmp.path,
      ),
      ...sofficeAll(
        docs.map((d) => d.file),
        "pdf",
        tmp.path,
      ),
    ];
    const broken = { t2: 0, t3: 0, cutLabel: 0 };
    for (const [i, pdf] of pdfs.entries()) {
      const name = path.basename(pdf);
      // Where the tables' first and last rows are printed (pdftotext), to know what the test covered.
      const text = pageTexts(pdf);
      const page = (s: string) => text.findIndex((t) => t.includes(s));
      if (page("本年新收政府信息公开申请数量") < page("结转下年度继续办理")) broken.t3++;
      if (page("第二十条第（一）项") < page("行政事业性收费")) broken.t2++;
      if (
        page("本年新收政府信息公开申请数量") >= 0 &&
        !text.some((t) =>
          t.includes("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        )
      )
        broken.cutLabel++;
      const r = await openReportFile(bytesOf(pdf), name);
      expect({ name, problems: r.problems }).toEqual({ name, problems: [] });
      expect({ name, ...numbers(numericTables(r.tables)) }).toEqual({ name, ...numbers(all[i].tables) });
      const wrong = checkReadReport(r, numericTables(r.tables)).filter(
        (f) => f.severity === "error" || f.rule === "X3",
      );
      expect({ name, wrong }).toEqual({ name, wrong: [] });
    }
    // The breaks fell inside 表二 and 表三, and cut a row's label in two, in some of these files.
    expect(broken.t2).toBeGreaterThan(0);
    expect(broken.t3).toBeGreaterThan(0);
    expect(broken.cutLabel).toBeGreaterThan(0);
  },
  300000,
);

office.test(
  "every way people lay out and type the tables (test/reports.ts VARIANTS), as LibreOffice's PDF of a GBK page, the break anywhere: every number",
  async () => {
    const sets: TableSet[] = [
      { ...huaianTables(), agency: "甲局", year: 2025 },
      { ...compileWorkbook(sampleWorkbook()).tables, agency: "乙局", year: 2025 },
    ];
    const cases = sets.flatMap((tables, s) =>
      Object.entries(VARIANTS).flatMap(([variant, v], k) =>
        [0, 4, 8, 13, 17].map((n) => {
          const file = path.join(tmp.path, `样式${s}-${k}-${n}.html`);
          writeFileSync(file, gbk(reportHtml(tables, { ...v, paragraphs: filler(n) }, "gbk")));
          return { file, tables, variant, n };
        }),
      ),
    );
    const pdfs = sofficeAll(
      cases.map((c) => c.file),
      "pdf",
      tmp.path,
    );
    for (const [i, pdf] of pdfs.entries()) {
      const { tables, variant, n } = cases[i];
      const r = await openReportFile(bytesOf(pdf), path.basename(pdf));
      expect({ variant, n, problems: r.problems }).toEqual({ variant, n, problems: [] });
      expect({ variant, n, ...numbers(numericTables(r.tables)) }).toEqual({ variant, n, ...numbers(tables) });
    }
  },
  300000,
);

office.test(
  "a PDF with an open password is refused naming the file; one with only a permissions password is read",
  async () => {
    const html = path.join(tmp.path, "加密.html");
    writeFileSync(html, reportHtml({ ...huaianTables(), agency: "乙局", year: 2025 }));
    const opts = (o: Record<string, [string, string]>) =>
      `pdf:writer_pdf_Export:${JSON.stringify(
        Object.fromEntries(Object.entries(o).map(([k, [type, value]]) => [k, { type, value }])),
      )}`;
    const locked = path.join(tmp.path, "locked");
    const limited = path.join(tmp.path, "limited");
    const [withPassword] = sofficeAll(
      [html],
      "pdf",
      locked,
      opts({ EncryptFile: ["boolean", "true"], DocumentOpenPassword: ["string", "1234"] }),
    );
    const [withPermissions] = sofficeAll(
      [html],
      "pdf",
      limited,
      opts({ RestrictPermissions: ["boolean", "true"], PermissionPassword: ["string", "owner"] }),
    );
    expect(readFileSync(withPassword, "latin1")).toContain("/Encrypt");
    expect(readFileSync(withPermissions, "latin1")).toContain("/Encrypt");
    await expect(openReportFile(bytesOf(withPassword), "加密.pdf")).rejects.toThrow(
      "「加密.pdf」设有打开密码，无法读取；请提供没有密码的版本（或 Word、网页版本）",
    );
    const read = await openReportFile(bytesOf(withPermissions), "受限.pdf");
    expect(numbers(numericTables(read.tables))).toEqual(numbers({ ...huaianTables() }));
  },
  180000,
);

office.test(
  "a truncated PDF is a unit that cannot be read, with a Chinese reason, and the review goes on",
  async () => {
    const html = path.join(tmp.path, "截断.html");
    writeFileSync(html, reportHtml({ ...huaianTables(), agency: "丙局", year: 2025 }));
    const [pdf] = sofficeAll([html], "pdf", tmp.path);
    const whole = bytesOf(pdf);
    for (const share of [0.3, 0.6, 0.9]) {
      const unit = await readUnit(whole.subarray(0, Math.floor(whole.length * share)), "截断.pdf");
      expect(unit.tables).toBeUndefined();
      // pdf.js rebuilds what it can of a cut file: the reason is its refusal or the table it could not find.
      expect(unit.reason).toMatch(/「截断\.pdf」|未找到表/);
      expect(unit.reason).not.toMatch(/\bat\b|Error/);
    }
  },
  180000,
);

test("Chinese in a font the PDF does not embed (STSong-Light through UniGB-UCS2-H) is read with pdf.js's CMaps", async () => {
  const lines = [
    "淮安市某局2025年政府信息公开工作年度报告",
    "一、总体情况",
    "本年度共收到政府信息公开申请52件。",
  ];
  const r = await openReportFile(cmapPdf(lines), "未嵌入字体.pdf");
  expect(r.title).toBe(lines[0]);
  expect(r.paragraphs).toEqual(lines);
  // No table in it: it asks for another version, and does not call it a scan.
  expect(r.problems[0]).toMatch(/^「未嵌入字体\.pdf」中没有带框线的表格/);
});

test("a scan (a page that is only an image) is named as one, with what to send instead", async () => {
  await expect(openReportFile(scannedPdf(), "扫描.pdf")).rejects.toThrow(`「扫描.pdf」是${SCANNED}`);
  const unit = await readUnit(scannedPdf(), "扫描.pdf");
  expect(unit.reason).toBe(`「扫描.pdf」是${SCANNED}`);
});

test("broken files: no PDF header, garbage after it, a text layer with no report in it", async () => {
  await expect(openReportFile(new TextEncoder().encode("not a pdf at all"), "假.pdf")).rejects.toThrow(
    "「假.pdf」不是 PDF 文件（没有 PDF 文件头）",
  );
  await expect(openReportFile(new TextEncoder().encode("%PDF-1.4\n%%EOF\n"), "空.pdf")).rejects.toThrow(
    "「空.pdf」不是有效的 PDF 文件（文件已损坏或不完整）",
  );
  const english = await openReportFile(textPdf("Annual report"), "英文.pdf");
  expect(english.problems.join("；")).toMatch(/未找到表三/);
  // A well-formed file whose cross-reference table points nowhere: pdf.js rebuilds it, or refuses in Chinese.
  const bytes = pdfOf(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] /Count 0 >>"]);
  const r = await openReportFile(bytes, "无页.pdf").then(
    (x) => x.problems.join("；"),
    (e: Error) => e.message,
  );
  expect(r).toMatch(/无页\.pdf|未找到表/);
});

test("a stream that would inflate past the cap is refused before pdf.js decodes it", async () => {
  const mb = MAX_INFLATED / 1048576 + 10;
  const bomb = bombPdf(mb);
  expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
  expect(() => checkStreams(bomb, "炸弹.pdf")).toThrow(
    `「炸弹.pdf」中的压缩内容解压后超过 ${MAX_INFLATED / 1048576} MB，不像正常的报告，已拒绝读取`,
  );
  // Below the cap, the same kind of stream is let through (and the page has no text: a scan to the reader).
  expect(() => checkStreams(bombPdf(2), "小.pdf")).not.toThrow();
  const unit = await readUnit(bomb, "炸弹.pdf");
  expect(unit.reason).toMatch(/「炸弹\.pdf」中的压缩内容解压后超过/);
});
