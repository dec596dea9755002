/**
 * The WPS 表格 pane's sheets laid out to print, on the fake ET Application (test/fake-wps.js, which records what
 * each PageSetup, range and data bar was given): A4 landscape (PaperSize 9, Orientation 2), zoom off and one
 * page wide, as many tall as the rows take, the header row repeated, the title atop each page and 「第 &P 页
 * 共 &N 页」 at the foot; tables bordered, columns sized, data bars and percentages where a sheet asks — each
 * one call per sheet or column, whatever its rows. No WPS runs here: this rests on et-jsapi-declare's typings
 * and Excel's object model, which WPS follows.
 */
import { reviewSample } from "../../test/helpers";
import { compileWorkbook } from "../report/compile";
import { paneReviewSheets } from "../report/reviewSheets";
import { sampleWorkbook } from "../report/sample";
import { statisticsBlocks } from "../report/tables/layout";
import { PRINT_BOOKS, PRINT_FOOTER } from "../report/text/labels";
import { columnLetter } from "../report/templates";
import { writeReviewEt, writeStatisticsEt } from "./et";

interface FakeSheet {
  name: string;
  widths: Record<string, number>;
  borders: { address: string; lineStyle: number }[];
  autofit: string[];
  numberFormats: { address: string; format: string }[];
  databars: { address: string; min: unknown[]; max: unknown[]; color: number; fill: number }[];
  pageSetup: Record<string, unknown>;
}
interface FakeEt {
  Application: Et.Application;
  state: { calls: number; sheets: FakeSheet[] };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeEt } = require("../../test/fake-wps.js") as {
  createFakeEt: (initial?: { sheets?: { name: string; rows: unknown[][] }[] }) => FakeEt;
};

const fake = () => createFakeEt({ sheets: [{ name: "Sheet1", rows: [] }] });
const sheetOf = (f: FakeEt, name: string) => f.state.sheets.find((s) => s.name === name) as FakeSheet;

/** The PageSetup every sheet gets, with its title and the rows repeated (none: no print titles). */
const setup = (title: string, titleRows: string | null) => ({
  PaperSize: 9,
  Orientation: 2,
  CenterHorizontally: true,
  Zoom: false,
  FitToPagesWide: 1,
  FitToPagesTall: false,
  ...(titleRows ? { PrintTitleRows: titleRows } : {}),
  CenterHeader: title,
  CenterFooter: PRINT_FOOTER,
});

test("the review's sheets: PageSetup, borders, widths, data bars (solid, zero to highest) and percentages", () => {
  const r = reviewSample();
  const f = fake();
  writeReviewEt(f.Application, r, false);
  const sheets = paneReviewSheets(r);
  expect(sheets.some((s) => s.bars?.length)).toBe(true);
  for (const s of sheets) {
    const ws = sheetOf(f, s.name);
    expect({ sheet: s.name, setup: ws.pageSetup }).toEqual({
      sheet: s.name,
      setup: setup(`${PRINT_BOOKS.review(r.year)}\u3000${s.name}`, "$1:$1"),
    });
    const last = columnLetter(s.header.length - 1);
    expect(ws.borders).toHaveLength(1);
    expect(ws.borders[0]).toMatchObject({ lineStyle: 1 });
    expect(ws.borders[0].address.startsWith(`A1:${last}`)).toBe(true);
    expect(Object.keys(ws.widths)).toEqual(s.header.map((_, i) => columnLetter(i)));
    expect(Object.values(ws.widths).every((w) => w >= 6 && w <= 50)).toBe(true);
    expect(ws.autofit).toEqual([`A1:${last}${s.rows.length + 1}`]);
    expect(ws.databars.map((b) => b.address.replace(/\d+/g, ""))).toEqual(
      (s.bars ?? []).map((c) => `${columnLetter(c)}:${columnLetter(c)}`),
    );
    for (const b of ws.databars)
      // From the number 0 to the highest value; Excel's blue (BGR); solid.
      expect(b).toMatchObject({ min: [0, "0"], max: [2], color: 0xc68e63, fill: 0 });
    expect(ws.numberFormats).toEqual(
      (s.percent ?? []).map((c) => ({
        address: `${columnLetter(c)}2:${columnLetter(c)}${s.rows.length + 1}`,
        format: "0%",
      })),
    );
  }
});

test("统计表: its title atop each page, no rows repeated, bordered; 校验结果 with its header row", () => {
  const result = compileWorkbook(sampleWorkbook());
  const f = fake();
  writeStatisticsEt(f.Application, result, false);
  const title = statisticsBlocks(result.tables).title;
  const stats = sheetOf(f, "统计表");
  expect(stats.pageSetup).toEqual(setup(title, null));
  expect(stats.borders.length).toBe(statisticsBlocks(result.tables).tables.length);
  expect(sheetOf(f, "校验结果").pageSetup).toEqual(setup(`${title}\u3000校验结果`, "$1:$1"));
});
