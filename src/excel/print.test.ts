/**
 * The Excel pane's sheets laid out to print, on the fake host (test/fake-excel.js, which records what each
 * PageLayout, conditional format and range was given): A4 landscape, one page wide, the header row on every
 * page, the title atop each page and 「第 &P 页 共 &N 页」 at the foot; the tables bordered, columns sized, data
 * bars and percentages where a sheet asks for them — with no sync more than before. The page setup is written
 * only where the caller says this Excel has PageLayout (ExcelApi 1.9). No real Excel runs here: what Excel
 * does with these settings rests on Microsoft's documentation.
 */
import { reviewSample } from "../../test/helpers";
import { compileWorkbook } from "../report/compile";
import { paneReviewSheets } from "../report/reviewSheets";
import { rollup } from "../report/rollup";
import { sampleWorkbook } from "../report/sample";
import { statisticsBlocks } from "../report/tables/layout";
import { PRINT_BOOKS, PRINT_FOOTER } from "../report/text/labels";
import { columnLetter } from "../report/templates";
import { writeReview } from "./review";
import { CHECKS_SHEET, STATS_SHEET, writeRollup, writeStatistics } from "./sheets";

interface FakeSheet {
  name: string;
  pageLayout: Record<string, unknown>;
  conditionalFormats: { address: string; type: string; dataBar: Record<string, unknown> }[];
}
interface FakeExcel {
  Excel: unknown;
  context: Excel.RequestContext;
  state: {
    ops: { op: string; sheet: string | null; address?: string; detail?: Record<string, unknown> }[];
    syncs: number;
    sheets: FakeSheet[];
  };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeExcel } = require("../../test/fake-excel.js") as {
  createFakeExcel: (initial?: { sheets?: { name: string; rows: unknown[][] }[] }) => FakeExcel;
};

function fake(): FakeExcel {
  const f = createFakeExcel({ sheets: [{ name: "Sheet1", rows: [] }] });
  (globalThis as unknown as { Excel: unknown }).Excel = f.Excel;
  return f;
}

const sheetOf = (f: FakeExcel, name: string) => f.state.sheets.find((s) => s.name === name) as FakeSheet;
const opsOf = (f: FakeExcel, name: string, op: string) =>
  f.state.ops.filter((o) => o.sheet === name && o.op === op);

/** The page setup every sheet gets, with its title and the rows repeated (none: no print titles). */
const page = (title: string, titleRows: string | null) => ({
  paperSize: "A4",
  orientation: "Landscape",
  centerHorizontally: true,
  zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
  ...(titleRows ? { printTitleRows: titleRows } : {}),
  centerHeader: title,
  centerFooter: PRINT_FOOTER,
});

test("the review's sheets: page setup, borders, widths, data bars and percentages, in the same 2 syncs", async () => {
  const r = reviewSample();
  const f = fake();
  expect(await writeReview(f.context, r, false, true)).toMatchObject({ written: expect.any(Array) });
  expect(f.state.syncs).toBe(2);
  const sheets = paneReviewSheets(r);
  const barred = sheets.filter((s) => s.bars?.length);
  expect(barred.length).toBeGreaterThan(0);
  for (const s of sheets) {
    expect({ sheet: s.name, page: sheetOf(f, s.name).pageLayout }).toEqual({
      sheet: s.name,
      page: page(`${PRINT_BOOKS.review(r.year)}\u3000${s.name}`, "$1:$1"),
    });
    const last = columnLetter(s.header.length - 1);
    // The table bordered all round and inside, from its header row.
    const borders = opsOf(f, s.name, "border");
    expect(borders).toHaveLength(6);
    expect(borders.every((o) => o.address?.startsWith(`A1:${last}`))).toBe(true);
    // Every column sized, none wider than a page can bear.
    const widths = opsOf(f, s.name, "format").filter((o) => o.detail?.columnWidth !== undefined);
    expect(widths.map((o) => o.address)).toEqual(
      s.header.map((_, i) => `${columnLetter(i)}1:${columnLetter(i)}1`),
    );
    expect(widths.every((o) => (o.detail?.columnWidth as number) <= 50 * 7)).toBe(true);
    expect(opsOf(f, s.name, "autofitRows")).toHaveLength(1);
    // Data bars on exactly the columns asked, from the first row under the header, from zero to the highest.
    const bars = sheetOf(f, s.name).conditionalFormats;
    expect(bars.map((b) => b.address.replace(/\d+/g, ""))).toEqual(
      (s.bars ?? []).map((c) => `${columnLetter(c)}:${columnLetter(c)}`),
    );
    for (const b of bars) {
      expect(b.address.startsWith(`${b.address.replace(/\d.*/, "")}2:`)).toBe(true);
      expect(b).toMatchObject({
        type: "DataBar",
        dataBar: {
          lowerBoundRule: { type: "Number", formula: "0" },
          upperBoundRule: { type: "HighestValue" },
          fillColor: "#638EC6",
          gradientFill: false,
        },
      });
    }
    // Shares shown as percentages, on exactly the columns asked, every row under the header.
    const percent = opsOf(f, s.name, "numberFormat");
    expect(percent.map((o) => o.address)).toEqual(
      (s.percent ?? []).map((c) => `${columnLetter(c)}2:${columnLetter(c)}${s.rows.length + 1}`),
    );
    expect(percent.every((o) => JSON.stringify(o.detail).match(/^\[(\["0%"\],?)+\]$/))).toBe(true);
  }
});

test("an Excel without PageLayout (print false): the same sheets, bars and borders, no page setup", async () => {
  const r = reviewSample();
  const f = fake();
  await writeReview(f.context, r, false, false);
  expect(f.state.ops.filter((o) => o.op === "pageLayout")).toEqual([]);
  const s = paneReviewSheets(r).find((x) => x.bars?.length);
  expect(sheetOf(f, s?.name ?? "").conditionalFormats).toHaveLength(s?.bars?.length ?? -1);
});

test("统计表 with its title atop each page and no rows repeated; 校验结果 and 汇总 with their header rows", async () => {
  const result = compileWorkbook(sampleWorkbook());
  // A "&" in a page header is written "&&" (a lone one starts a code).
  result.tables = { ...result.tables, agency: "规划&自然资源局" };
  const f = fake();
  await writeStatistics(f.context, result, false, true);
  expect(f.state.syncs).toBe(2);
  const title = statisticsBlocks(result.tables).title;
  expect(title).toContain("规划&自然资源局");
  expect(sheetOf(f, STATS_SHEET).pageLayout).toEqual(page(title.replace("&", "&&"), null));
  expect(sheetOf(f, CHECKS_SHEET).pageLayout).toEqual(
    page(`${title.replace("&", "&&")}\u3000${CHECKS_SHEET}`, "$1:$1"),
  );
  const units = [1, 2].map((seed) => ({
    name: `单位${seed}`,
    tables: compileWorkbook(sampleWorkbook({ seed })).tables,
  }));
  const rolled = rollup(units);
  await writeRollup(f.context, rolled, false, true);
  expect(sheetOf(f, "汇总").pageLayout).toEqual(
    page(`${PRINT_BOOKS.rollup(rolled.total.year)}\u3000汇总`, "$1:$1"),
  );
  expect(opsOf(f, "汇总", "border")).toHaveLength(6);
  // Without PageLayout: nothing of it asked.
  const g = fake();
  await writeStatistics(g.context, result, false, false);
  await writeRollup(g.context, rolled, false, false);
  expect(g.state.ops.filter((o) => o.op === "pageLayout")).toEqual([]);
});
