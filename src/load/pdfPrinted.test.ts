/**
 * @jest-environment ./test/pdf-environment.js
 *
 * PDFs from another producer than LibreOffice: a report's web page printed to PDF by Chromium (a browser's
 * 打印 → 另存为 PDF, as portals' visitors and many offices make them). Chromium draws a table's borders its own
 * way and names CJK glyphs by the font's reverse map, which gives radicals for ideographs ("⼀、总体情况",
 * "⾸⻚", "⼯作"): the reader folds them back, so titles, headings, labels and quoted sentences read as written.
 * The same radicals in a web page (text pasted from a PDF) are folded too.
 */
import { execFileSync } from "child_process";
import { writeFileSync } from "fs";
import path from "path";
import { chromium } from "playwright-core";
import { tempDir } from "../../test/docx";
import { huaianTables } from "../../test/fixtures";
import { reportHtml } from "../../test/reports";
import { CHROMIUM } from "../../test/serve";
import { needs } from "../../test/tools";
import { usePdfJsNode } from "../cli/pdfjs";
import { numericTables } from "../report/read/tables";
import { checkReadReport } from "../report/read/text";
import type { TableSet } from "../report/tables/tables";
import { UNRULED } from "./pdf";
import { openReportFile } from "./report";

beforeAll(() => usePdfJsNode());

const web = needs("chromium", "cjkFont", "pdftotext");
const tmp = tempDir("ogi-pdf-printed-");
const numbers = (t: TableSet) => ({ t2: t.t2, t3: t.t3, t4: t.t4 });
const huaian: TableSet = { ...huaianTables(), agency: "淮安市某局", year: 2025 };
const filler = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `第${i + 1}段：本机关持续推进政务公开标准化规范化建设，做好政府信息公开工作。`,
  );

/** Radicals (Kangxi U+2F00 block and the simplified forms of U+2E80) for some ideographs, as PDFs give them. */
const RADICAL_FOR: Record<string, string> = {
  一: "\u2f00",
  二: "\u2f06",
  工: "\u2f2f",
  行: "\u2f8f",
  首: "\u2fb8",
  页: "\u2eda",
  长: "\u2ed3",
  门: "\u2ed4",
};
const withRadicals = (s: string) => s.replace(/[一二工行首页长门]/g, (c) => RADICAL_FOR[c]);

web.test(
  "a web page printed to PDF by Chromium, 表三 over a page break: every number, title and headings as written",
  async () => {
    const browser = await chromium.launch(CHROMIUM);
    try {
      const page = await browser.newPage();
      for (const n of [0, 14]) {
        await page.setContent(reportHtml(huaian, n ? { paragraphs: filler(n) } : {}));
        const bytes = new Uint8Array(await page.pdf({ format: "A4" }));
        writeFileSync(path.join(tmp.path, `打印${n}.pdf`), bytes);
        const read = await openReportFile(bytes, `打印${n}.pdf`);
        expect(read.problems).toEqual([]);
        expect(numbers(numericTables(read.tables))).toEqual(numbers(huaian));
        expect(read.title).toBe("淮安市某局2025年政府信息公开工作年度报告");
        expect(read.paragraphs).toEqual(expect.arrayContaining(["一、总体情况", "六、其他需要报告的事项"]));
        expect(read.paragraphs.join("").match(/[\u2e80-\u2fdf]/)).toBeNull();
        // Its six sections, its lead and its sentences, which agree with its tables: no finding.
        expect(checkReadReport(read, numericTables(read.tables))).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  },
  120000,
);

web.test(
  "the page break falling anywhere in 表二 and 表三, with and without a browser's 打印 lines (date and title above, address and page numbers below): every row, every number",
  async () => {
    const browser = await chromium.launch(CHROMIUM);
    try {
      const page = await browser.newPage();
      const cut = new Set<string>();
      for (const lines of [false, true])
        for (let n = 1; n <= 22; n++) {
          const name = `${lines ? "页眉" : "打印"}${n}.pdf`;
          await page.setContent(reportHtml(huaian, { paragraphs: filler(n) }));
          const bytes = new Uint8Array(
            await page.pdf({
              format: "A4",
              displayHeaderFooter: lines,
              headerTemplate:
                '<div style="font-size:8px;width:100%"><span class="date"></span> <span class="title"></span></div>',
              footerTemplate:
                '<div style="font-size:8px;width:100%"><span class="url"></span> <span class="pageNumber"></span>/<span class="totalPages"></span></div>',
              margin: { top: "40px", bottom: "40px" },
            }),
          );
          writeFileSync(path.join(tmp.path, name), bytes);
          const read = await openReportFile(bytes, name);
          expect({ name, problems: read.problems }).toEqual({ name, problems: [] });
          expect({ name, ...numbers(numericTables(read.tables)) }).toEqual({ name, ...numbers(huaian) });
          expect({ name, title: read.title }).toEqual({
            name,
            title: "淮安市某局2025年政府信息公开工作年度报告",
          });
          expect({ name, findings: checkReadReport(read, numericTables(read.tables)) }).toEqual({
            name,
            findings: [],
          });
          // Which tables the break fell inside, as pdftotext shows the pages.
          const pages = execFileSync("pdftotext", ["-layout", path.join(tmp.path, name), "-"], {
            encoding: "utf8",
          }).split("\f");
          const split = (from: string, to: string) => {
            const at = pages.findIndex((p) => p.includes(from));
            return at >= 0 && !pages[at].includes(to);
          };
          if (split("本年新收", "结转下年度继续办理")) cut.add("表三");
          if (split("第二十条第（一）项", "行政事业性收费")) cut.add("表二");
        }
      // The breaks fell inside both tables in some of these prints: the test covers what it means to.
      expect([...cut].sort()).toEqual(["表三", "表二"].sort());
    } finally {
      await browser.close();
    }
  },
  300000,
);

web.test(
  "a page whose tables have no borders, printed to PDF: no number is guessed from positions; the reader asks",
  async () => {
    const browser = await chromium.launch(CHROMIUM);
    try {
      const page = await browser.newPage();
      const html = reportHtml(huaian)
        .replace(/border="1"/g, 'border="0"')
        .replace("td{border:1px solid #000}", "td{border:none;padding:2px 6px}");
      expect(html).not.toContain("solid");
      await page.setContent(html);
      const bytes = new Uint8Array(await page.pdf({ format: "A4" }));
      const read = await openReportFile(bytes, "无框线.pdf");
      expect(read.problems[0]).toBe(`「无框线.pdf」${UNRULED}`);
      // The tables' labels were looked for, and each is named; nothing was read into the tables.
      expect(read.problems.slice(1).map((p) => p.slice(0, 4))).toEqual(["未找到表", "未找到表", "未找到表"]);
      expect(read.found).toEqual({});
      // The text is read all the same: the title and the sections.
      expect(read.title).toBe("淮安市某局2025年政府信息公开工作年度报告");
    } finally {
      await browser.close();
    }
  },
  120000,
);

web.test(
  "表三 wider than the paper, printed by Chromium (its right columns off the page): F4 names the table and the columns cut, no arithmetic on their stubs; the columns on the page read exactly",
  async () => {
    const browser = await chromium.launch(CHROMIUM);
    try {
      const page = await browser.newPage();
      // 表三 (the page's second table) laid out 1400 px wide, as a table pasted with fixed widths runs off A4.
      let n = 0;
      const html = reportHtml(huaian).replace(/<table border="1" cellspacing="0">/g, (m) =>
        ++n === 2 ? '<table border="1" cellspacing="0" style="width:1400px;white-space:nowrap">' : m,
      );
      await page.setContent(html);
      const bytes = new Uint8Array(await page.pdf({ format: "A4" }));
      writeFileSync(path.join(tmp.path, "超出页面.pdf"), bytes);
      // What the paper shows: the row of 一、本年新收 with its first numbers and without its 总计 (3119).
      const shown = execFileSync("pdftotext", ["-layout", path.join(tmp.path, "超出页面.pdf"), "-"], {
        encoding: "utf8",
      });
      const row = shown.split("\n").find((l) => l.includes("本年新收")) ?? "";
      expect(row.trim().split(/\s+/).slice(1, 5)).toEqual(["3001", "53", "0", "0"]);
      expect(row).not.toContain("3119");
      const read = await openReportFile(bytes, "超出页面.pdf");
      expect(read.problems).toEqual([]);
      const findings = checkReadReport(read, numericTables(read.tables));
      // One finding, on 表三, naming the columns not wholly on the page (the last ones, 总计 among them).
      expect(findings.map((f) => [f.rule, f.severity, f.where])).toEqual([["F4", "error", "t3"]]);
      expect(findings[0].message).toMatch(/^表三超出页面右边缘：(「[^」]+」)*「其他」「总计」列不全在页面内/);
      // The columns wholly on the page, exactly; 表二 and 表四, which fit, exactly.
      const t3 = numericTables(read.tables).t3;
      for (const [key, values] of Object.entries(huaian.t3))
        expect(t3[key].slice(0, 4)).toEqual(values.slice(0, 4));
      expect(numericTables(read.tables).t4).toEqual(huaian.t4);
      expect(numericTables(read.tables).t2).toEqual(huaian.t2);
    } finally {
      await browser.close();
    }
  },
  120000,
);

test("a web page whose text was pasted from a PDF (radicals for ideographs) reads as written", async () => {
  const html = reportHtml(huaian).replace(
    /<(h1|p|td)>([^<]*)</g,
    (_, tag, text) => `<${tag}>${withRadicals(text)}<`,
  );
  expect(html).toContain("\u2f00、总体情况");
  const read = await openReportFile(new TextEncoder().encode(html), "粘贴.html");
  expect(read.problems).toEqual([]);
  expect(read.title).toBe("淮安市某局2025年政府信息公开工作年度报告");
  expect(numbers(numericTables(read.tables))).toEqual(numbers(huaian));
  expect(read.paragraphs).toContain("一、总体情况");
  expect(checkReadReport(read, numericTables(read.tables))).toEqual([]);
});
