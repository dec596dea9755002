/**
 * The Excel pane's actions on the Excel versions agencies have (fake Excel with each profile's ExcelApi set: a
 * member of a later set fails the batch with ApiNotFound, as Excel does). The fake's table of sets is held to
 * @types/office-js. This rests on Microsoft's documentation; no real Excel runs here.
 */
import { readFileSync } from "fs";
import { excelValues } from "../../test/helpers";
import { atLeast, OFFICE_PROFILES } from "../../test/office-profiles";
import { compileWorkbook } from "../report/compile";
import { SHEETS } from "../report/register/registers";
import { sampleWorkbook } from "../report/sample";
import { excelActions } from "./actions";
import {
  EXCEL_DROPDOWN_SET,
  EXCEL_PANE_SET,
  EXCEL_PRINT_SET,
  excelSupport,
  SUPPORT_MESSAGES,
} from "./support";

interface FakeExcel {
  Excel: unknown;
  Office: { context: { requirements: { isSetSupported(n: string, v?: string): boolean } } };
  state: {
    apiNotFound: string[];
    selected: { sheet: string; address: string } | null;
    sheets: { name: string; validations: unknown[] }[];
  };
  sheetValues: (name: string) => unknown[][] | null;
}
/** The fake's record of what a sheet's PageLayout was given. */
const pageLayoutOf = (f: FakeExcel, name: string): Record<string, unknown> | undefined =>
  (f.state.sheets as unknown as { name: string; pageLayout: Record<string, unknown> }[]).find(
    (s) => s.name === name,
  )?.pageLayout;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeExcel, API_SETS } = require("../../test/fake-excel.js") as {
  createFakeExcel: (initial: object, profile: { excelApi: string }) => FakeExcel;
  API_SETS: Record<string, string>;
};

/** The ExcelApi set @types/office-js gives a class member (the first `class X` of namespace Excel). */
function typingsSet(typings: string, member: string): string | null {
  const [cls, name] = member.split(".");
  const start = typings.indexOf(`\n    class ${cls} extends`, typings.indexOf("declare namespace Excel {"));
  if (start < 0) return null;
  const block = typings.slice(start, typings.indexOf("\n    }\n", start));
  const at = new RegExp(`\\n {8}(?:readonly )?${name}[(?:<]`).exec(block);
  if (!at) return null;
  const doc = block.slice(block.lastIndexOf("/**", at.index), at.index);
  return /\[Api set: ExcelApi (\d+\.\d+)/.exec(doc)?.[1] ?? null;
}

const settings = () => ({ year: 2025, format: "" as const, agency: "" });

function install(profile: { excelApi: string }, sheets: { name: string; rows: unknown[][] }[] = []) {
  const f = createFakeExcel({ sheets }, profile);
  Object.assign(globalThis, { Excel: f.Excel, Office: f.Office });
  return f;
}

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
});

test("the fake's requirement sets are the ones @types/office-js gives each member", () => {
  const typings = readFileSync(require.resolve("@types/office-js/index.d.ts"), "utf8");
  const found = Object.fromEntries(Object.keys(API_SETS).map((m) => [m, typingsSet(typings, m)]));
  expect(found).toEqual(API_SETS);
  // The sets the pane asks for are the highest its adapters use: dropdowns (1.8) and the page setup (1.9).
  const above = Object.entries(API_SETS).filter(([, s]) => !atLeast(EXCEL_PANE_SET, s));
  expect(above.filter(([, s]) => s === EXCEL_DROPDOWN_SET).map(([m]) => m)).toEqual([
    "Range.dataValidation",
    "DataValidation.rule",
  ]);
  expect(
    above
      .filter(([, s]) => s !== EXCEL_DROPDOWN_SET)
      .every(
        ([m, s]) => s === EXCEL_PRINT_SET && /^(Worksheet\.pageLayout|PageLayout\.|HeaderFooter)/.test(m),
      ),
  ).toBe(true);
});

describe("the Excel pane on each Office version", () => {
  for (const profile of OFFICE_PROFILES) {
    const sheets = atLeast(profile.excelApi, EXCEL_PANE_SET);
    const dropdowns = atLeast(profile.excelApi, EXCEL_DROPDOWN_SET);
    const print = atLeast(profile.excelApi, EXCEL_PRINT_SET);
    test(`${profile.name} (ExcelApi ${profile.excelApi}): ${sheets ? (dropdowns ? "everything" : "sheets without dropdowns or a page setup") : "file mode, said in Chinese"}`, async () => {
      const f = install(profile);
      const support = excelSupport(f.Office.context.requirements);
      expect(support).toEqual({ sheets, dropdowns, print });
      // Office 2016 answers true for CustomFunctionsRuntime: the pane never asks it.
      expect(f.Office.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.1")).toBe(true);
      const actions = excelActions(settings, support);
      if (!sheets) {
        expect(actions.mode).toBe("file");
        expect(actions.notes).toEqual([SUPPORT_MESSAGES.noSheets]);
        expect(actions.createRegisters).toBeUndefined();
        // And the gate is needed: the sheet actions fail on this Excel.
        const forced = excelActions(settings, { sheets: true, dropdowns: true, print: true });
        await expect(forced.createRegisters?.()).rejects.toMatchObject({ code: "ApiNotFound" });
        return;
      }
      expect(actions.notes).toBeUndefined();
      const made = await actions.createRegisters?.();
      expect(made?.created).toContain(SHEETS.applications);
      expect(made?.note).toBe(dropdowns ? undefined : SUPPORT_MESSAGES.noDropdowns);
      const apps = f.state.sheets.find((s) => s.name === SHEETS.applications);
      expect(apps?.validations.length).toBe(dropdowns ? 2 : 0);
      expect(f.state.sheets.some((s) => s.name === "年报助手列表")).toBe(dropdowns);
      // The example rows count, and the rest of the pane works: read, write 统计表, select a cell, settings.
      const result = compileWorkbook(await actions.load(), { year: 2025 });
      expect(result.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
      expect(await actions.writeStatistics?.(result, false)).toEqual({ written: ["统计表", "校验结果"] });
      // The page setup where this Excel has PageLayout (1.9); none on Excel 2019, and no failure.
      expect(pageLayoutOf(f, "统计表")?.orientation).toBe(print ? "Landscape" : undefined);
      expect(pageLayoutOf(f, "校验结果")?.printTitleRows).toBe(print ? "$1:$1" : undefined);
      await actions.selectIssue?.({
        sheet: SHEETS.applications,
        row: 2,
        column: "申请人类型",
        value: "外星人",
        severity: "error",
        kind: "unknownValue",
        message: "",
      });
      expect(f.state.selected).toEqual({ sheet: SHEETS.applications, address: "C2:C2" });
      await actions.saveSettings({ year: 2025, format: "2021", agency: "某局" });
      expect(await actions.loadSettings()).toEqual({ year: 2025, format: "2021", agency: "某局" });
      expect(f.state.apiNotFound).toEqual([]);
      if (!dropdowns) {
        // Creating them with dropdowns would have failed here.
        const g = install(profile);
        const forced = excelActions(settings, { sheets: true, dropdowns: true, print: true });
        await expect(forced.createRegisters?.()).rejects.toMatchObject({ code: "ApiNotFound" });
        expect(g.state.apiNotFound.join()).toContain("Range.dataValidation");
      }
      if (!print) {
        // Writing with a page setup would have failed here: the gate is needed.
        const g = install(profile);
        const forced = excelActions(settings, { sheets: true, dropdowns, print: true });
        await expect(forced.writeStatistics?.(result, false)).rejects.toMatchObject({ code: "ApiNotFound" });
        expect(g.state.apiNotFound.join()).toContain("Worksheet.pageLayout");
      }
    });
  }

  test("a register read on Excel 2019 (ExcelApi 1.7) gives the engine's tables", async () => {
    const sample = sampleWorkbook();
    const f = install(
      { excelApi: "1.7" },
      sample.sheets.map((s) => ({ name: s.name, rows: excelValues(s.rows) })),
    );
    const actions = excelActions(settings, excelSupport(f.Office.context.requirements));
    expect(compileWorkbook(await actions.load()).tables).toEqual(compileWorkbook(sample).tables);
    expect(f.state.apiNotFound).toEqual([]);
  });
});
