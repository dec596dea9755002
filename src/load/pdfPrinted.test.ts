/**
 * @jest-environment ./test/pdf-environment.js
 *
 * PDFs from another producer than LibreOffice: a report's web page printed to PDF by Chromium (a browser's
 * 打印 → 另存为 PDF, as portals' visitors and many offices make them). Chromium draws a table's borders its own
 * way and names CJK glyphs by the font's reverse map, which gives radicals for ideographs ("⼀、总体情况",
 * "⾸⻚", "⼯作"): the reader folds them back, so titles, headings, labels and quoted sentences read as written.
 * The same radicals in a web page (text pasted from a PDF) are folded too.
 */
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

const web = needs("chromium", "cjkFont");
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
