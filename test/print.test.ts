/**
 * @jest-environment ./test/pdf-environment.js
 *
 * Every workbook we write, printed by LibreOffice (one soffice run converting them all to PDF) and read back with
 * pdf.js: 审核结果.xlsx of a real review (units made from a published report's tables, 淮安, each with its
 * arithmetic broken so that 问题清单 runs over several pages, read as the review reads them, one unit missing),
 * 汇总.xlsx of a roll-up, 统计表.xlsx and the demo register. Each page must be A4 landscape and say 「第 i 页 共
 * N 页」; every page of a sheet must carry the sheet's title (the page header) and its header row's every text,
 * first column to last — so no column was cut off to a page of its own and a sheet took as many pages as its
 * rows need, not that many again for the columns —; rows must not be split across pages sideways; the data bars
 * must be drawn (their colour filled on the sheets that ask for them, on no other) and shares shown as 63%.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { readUnit } from "../src/load/review";
import { compileWorkbook } from "../src/report/compile";
import { PRINT_BAR_COLOR } from "../src/report/common/printLayout";
import { review } from "../src/report/review";
import type { ReviewResult } from "../src/report/review";
import { reviewSheets } from "../src/report/reviewSheets";
import { rollup, rollupRows } from "../src/report/rollup";
import type { RollupResult } from "../src/report/rollup";
import { sampleWorkbook } from "../src/report/sample";
import { gridMatrix, statisticsBlocks } from "../src/report/tables/layout";
import { SHEETS } from "../src/report/register/registers";
import { PRINT_BOOKS, printTitle } from "../src/report/text/labels";
import { reviewWorkbookBuffer } from "../src/workbook/review";
import { statisticsWorkbookBuffer } from "../src/workbook/statistics";
import { rollupWorkbookBuffer, workbookBuffer } from "../src/workbook/write";
import { tempDir } from "./docx";
import { huaianTables } from "./fixtures";
import { sofficeAll, squeeze } from "./office";
import { reportHtml } from "./reports";
import { needs } from "./tools";

const office = needs("soffice", "sofficeCalc", "cjkFont");
const tmp = tempDir("ogi-print-");

/** What pdf.js gives of a page: its size in points, its text (whitespace removed), the colours it fills with. */
interface Page {
  width: number;
  height: number;
  text: string;
  fills: Set<string>;
}

interface PdfJs {
  getDocument(p: Record<string, unknown>): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{
        view: number[];
        getTextContent(): Promise<{ items: { str?: string }[] }>;
        getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
      }>;
      destroy(): Promise<void>;
    }>;
  };
  OPS: Record<string, number>;
}

/** A fill colour as pdf.js gives it ("#638ec6", or [r, g, b] in 0–255 in older versions) as "638EC6". */
function colour(args: unknown): string {
  const [first] = args as unknown[];
  if (typeof first === "string") return first.replace("#", "").toUpperCase();
  return (args as number[])
    .slice(0, 3)
    .map((v) => Math.round(v).toString(16).padStart(2, "0"))
    .join("")
    .toUpperCase();
}

async function pagesOf(pdf: string): Promise<Page[]> {
  const { lib } = (globalThis as unknown as { __ogiPdfJs: { lib: PdfJs } }).__ogiPdfJs;
  const doc = await lib.getDocument({
    data: new Uint8Array(readFileSync(pdf)),
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  const pages: Page[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const text = squeeze((await page.getTextContent()).items.map((i) => i.str ?? "").join(""));
    const ops = await page.getOperatorList();
    const fills = new Set(
      ops.fnArray.flatMap((f, i) => (f === lib.OPS.setFillRGBColor ? [colour(ops.argsArray[i])] : [])),
    );
    const [x1, y1, x2, y2] = page.view;
    pages.push({ width: x2 - x1, height: y2 - y1, text, fills });
  }
  await doc.destroy();
  return pages;
}

/** The pages of each sheet, by the title in their page header (the longest that starts the page's text). */
function bySheet(pages: Page[], titles: Record<string, string>): Map<string, Page[]> {
  const out = new Map<string, Page[]>();
  for (const p of pages) {
    const [sheet] = Object.entries(titles)
      .filter(([, t]) => p.text.startsWith(squeeze(t)))
      .sort((a, b) => b[1].length - a[1].length)[0] ?? ["?"];
    out.set(sheet, [...(out.get(sheet) ?? []), p]);
  }
  return out;
}

/** Texts of a row as they print, whitespace removed, blanks left out. */
const texts = (row: readonly unknown[]) => row.map((v) => squeeze(String(v ?? ""))).filter(Boolean);

let r: ReviewResult;
let rolled: RollupResult;
const pdf: Record<"review" | "rollup" | "statistics" | "register", Page[]> = {
  review: [],
  rollup: [],
  statistics: [],
  register: [],
};
const UNITS = 24;

office.beforeAll(async () => {
  // Each unit's 自然人 of 本年新收 typed too high: the column (P1) and the row (S2) no longer add up.
  const read = [];
  for (let i = 1; i <= UNITS; i++) {
    const t = { ...huaianTables(), agency: `某市第${i}号局`, year: 2025 };
    t.t3 = { ...t.t3, new: t.t3.new.map((v, j) => (j === 0 ? (v as number) + 10 + i : v)) };
    read.push(await readUnit(new TextEncoder().encode(reportHtml(t)), `某市第${i}号局.html`, { year: 2025 }));
  }
  r = review(read, { year: 2025, expected: [...read.map((u) => u.unit), "某某街道办事处"] });
  const units = [1, 2, 3].map((seed) => ({
    name: `单位${seed}`,
    tables: compileWorkbook(sampleWorkbook({ seed })).tables,
  }));
  rolled = rollup(units);
  const files = {
    review: ["审核结果.xlsx", await reviewWorkbookBuffer(r)],
    rollup: ["汇总.xlsx", await rollupWorkbookBuffer(rolled)],
    statistics: ["统计表.xlsx", await statisticsWorkbookBuffer(compileWorkbook(sampleWorkbook()).tables)],
    register: ["示例台账.xlsx", await workbookBuffer(sampleWorkbook())],
  } as const;
  const paths = Object.values(files).map(([name, bytes]) => {
    writeFileSync(path.join(tmp.path, name), bytes);
    return path.join(tmp.path, name);
  });
  const pdfs = sofficeAll(paths, "pdf", tmp.path);
  const keys = Object.keys(files) as (keyof typeof files)[];
  for (const [i, k] of keys.entries()) pdf[k] = await pagesOf(pdfs[i]);
}, 300000);

office.test("every page of every workbook is A4 landscape and numbered 「第 i 页 共 N 页」", () => {
  for (const [name, pages] of Object.entries(pdf)) {
    expect({ name, pages: pages.length > 0 }).toEqual({ name, pages: true });
    pages.forEach((p, i) => {
      // A4 is 210 × 297 mm: 595.3 × 841.9 points, here the long side across.
      expect({ name, page: i + 1, width: Math.round(p.width), height: Math.round(p.height) }).toEqual({
        name,
        page: i + 1,
        width: 842,
        height: 595,
      });
      expect({ name, page: i + 1, footer: p.text.includes(`第${i + 1}页共${pages.length}页`) }).toEqual({
        name,
        page: i + 1,
        footer: true,
      });
    });
  }
});

office.test(
  "审核结果.xlsx: each sheet one page wide, its header row atop each of its pages; 问题清单 over pages",
  () => {
    const sheets = reviewSheets(r);
    const titles = Object.fromEntries(
      sheets.map((s) => [s.name, printTitle(PRINT_BOOKS.review(2025), s.name)]),
    );
    const pages = bySheet(pdf.review, titles);
    expect([...pages.keys()]).toEqual(sheets.map((s) => s.name));
    const findings = sheets.find((s) => s.name === "问题清单");
    expect(findings?.rows.length).toBe(UNITS * 2);
    expect(pages.get("问题清单")?.length).toBeGreaterThanOrEqual(2);
    for (const s of sheets)
      (pages.get(s.name) ?? []).forEach((p, i) => {
        // Every header text, first column to last, on each page: no page holds only some of the columns.
        const missing = texts(s.header).filter((h) => !p.text.includes(h));
        expect({ sheet: s.name, page: i + 1, missing }).toEqual({ sheet: s.name, page: i + 1, missing: [] });
      });
    // Each finding's row whole on one page: its unit (first column) and its quote (last) where its message is.
    for (const row of findings?.rows ?? []) {
      const [unit, , , , message, quote] = row.map(String);
      const page = pages.get("问题清单")?.find((p) => p.text.includes(squeeze(message)));
      expect({
        message,
        unit: page?.text.includes(squeeze(unit)),
        quote: page?.text.includes(squeeze(quote)),
      }).toEqual({ message, unit: true, quote: true });
    }
  },
);

office.test(
  "审核结果.xlsx: data bars drawn on the sheets that ask for them, shares shown as percentages",
  () => {
    const sheets = reviewSheets(r);
    const titles = Object.fromEntries(
      sheets.map((s) => [s.name, printTitle(PRINT_BOOKS.review(2025), s.name)]),
    );
    const pages = bySheet(pdf.review, titles);
    const barred = sheets.filter((s) => s.bars?.length).map((s) => s.name);
    expect(barred.length).toBeGreaterThan(0);
    for (const s of sheets) {
      const drawn = (pages.get(s.name) ?? []).some((p) => p.fills.has(PRINT_BAR_COLOR));
      expect({ sheet: s.name, drawn }).toEqual({ sheet: s.name, drawn: barred.includes(s.name) });
    }
    const shares = sheets.filter((s) => s.percent?.length);
    for (const s of shares) {
      const sheetText = (pages.get(s.name) ?? []).map((p) => p.text).join("");
      for (const c of s.percent ?? []) {
        const v = s.rows.map((row) => row[c]).find((x): x is number => typeof x === "number");
        if (v === undefined) continue;
        const shown = sheetText.includes(`${Math.round(v * 100)}%`);
        expect({ sheet: s.name, column: c, shown }).toEqual({ sheet: s.name, column: c, shown: true });
      }
    }
  },
);

office.test("汇总.xlsx and the demo register: each sheet's header row atop each of its pages", () => {
  const rows = rollupRows(rolled);
  const book = PRINT_BOOKS.rollup(rolled.total.year);
  const rollupPages = bySheet(pdf.rollup, {
    汇总: printTitle(book, "汇总"),
    校验结果: printTitle(book, "校验结果"),
  });
  expect(rollupPages.get("汇总")?.length).toBeGreaterThanOrEqual(2);
  (rollupPages.get("汇总") ?? []).forEach((p, i) =>
    expect({ page: i + 1, missing: texts(rows[0]).filter((h) => !p.text.includes(h)) }).toEqual({
      page: i + 1,
      missing: [],
    }),
  );
  const wb = sampleWorkbook();
  const registerPages = bySheet(
    pdf.register,
    Object.fromEntries(wb.sheets.map((s) => [s.name, printTitle("", s.name)])),
  );
  expect([...registerPages.keys()]).toEqual(wb.sheets.map((s) => s.name));
  for (const s of wb.sheets) {
    if (s.name === SHEETS.active) continue; // a grid of blocks, each with its own header
    (registerPages.get(s.name) ?? []).forEach((p, i) => {
      const missing = texts(s.rows[0]).filter((h) => !p.text.includes(h));
      expect({ sheet: s.name, page: i + 1, missing }).toEqual({ sheet: s.name, page: i + 1, missing: [] });
    });
  }
  expect(registerPages.get(SHEETS.applications)?.length).toBeGreaterThanOrEqual(2);
});

office.test(
  "统计表.xlsx: its title atop each page, every text of 表二, 表三 and 表四 printed (no column cut off)",
  () => {
    const t = compileWorkbook(sampleWorkbook()).tables;
    const blocks = statisticsBlocks(t);
    const all = pdf.statistics.map((p) => p.text).join("");
    for (const p of pdf.statistics) expect(p.text.startsWith(squeeze(blocks.title))).toBe(true);
    for (const b of blocks.tables) {
      const missing = gridMatrix(b.grid)
        .values.flatMap((row) => texts(row.filter((v) => typeof v === "string")))
        .filter((v) => !all.includes(v));
      expect({ table: b.caption, missing }).toEqual({ table: b.caption, missing: [] });
    }
    // One page wide: the three tables on a page or two, not more for their columns.
    expect(pdf.statistics.length).toBeLessThanOrEqual(2);
  },
);
