/**
 * The WPS 表格 adapter on a fake ET Application that counts every call into WPS: the engine's tables from the
 * sheets, with as many calls for a register ten times as long; sheets created and written, only over the
 * add-in's own; cells and rows selected; settings kept. No WPS runs here: the fake follows the typings.
 */
import { ruleSetFromRows } from "../report/rules/parse";
import {
  excelValues,
  longerSample,
  REGISTER_SHEETS_MADE,
  REVIEW_SAMPLE_STATUSES,
  reviewSample,
  smallLedger,
} from "../../test/helpers";
import { blankTables } from "../report/tables/tables";
import type { WorkbookData } from "../report/common/cells";
import { compileWorkbook } from "../report/compile";
import { getFormat } from "../report/formats";
import { registerLayouts } from "../report/templates";
import { SHEETS } from "../report/register/registers";
import { sampleWorkbook } from "../report/sample";
import {
  appendAnswersEt,
  createRegisterSheetsEt,
  createTypedSheetEt,
  loadSettingsEt,
  readRegistersEt,
  saveSettingsEt,
  selectIssueCellEt,
  selectRowEt,
  writeReviewEt,
  readRuleSheetEt,
  writeStatisticsEt,
} from "./et";

interface FakeEt {
  Application: Et.Application;
  state: {
    calls: number;
    selected: { sheet: string; address: string } | null;
    active: string | null;
    sheets: {
      name: string;
      visible: number;
      merges: unknown[];
      validations: { formula: string }[];
      bold: string[];
      fills?: { address: string; color: number }[];
    }[];
  };
  sheetValues: (name: string) => unknown[][] | null;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeEt } = require("../../test/fake-wps.js") as {
  createFakeEt: (initial?: { sheets?: { name: string; rows: unknown[][] }[]; closed?: boolean }) => FakeEt;
};

const asSheets = (wb: WorkbookData) => wb.sheets.map((s) => ({ name: s.name, rows: excelValues(s.rows) }));

describe("WPS 表格", () => {
  test("reads the registers: the engine's tables, with calls into WPS that do not grow with the register", () => {
    const calls = [1, 10].map((times) => {
      const wb = longerSample(times);
      const f = createFakeEt({ sheets: asSheets(wb) });
      const data = readRegistersEt(f.Application);
      expect(compileWorkbook(data).tables).toEqual(compileWorkbook(wb).tables);
      return f.state.calls;
    });
    expect(calls[0]).toBeGreaterThan(0);
    expect(calls[1]).toBe(calls[0]);
  });

  test("creates the missing register sheets with dropdowns and example rows the engine accepts", () => {
    const f = createFakeEt({ sheets: [{ name: "Sheet1", rows: [] }] });
    const made = createRegisterSheetsEt(f.Application, getFormat("2021"), 2025);
    expect(made).toEqual(REGISTER_SHEETS_MADE);
    const apps = f.state.sheets.find((s) => s.name === SHEETS.applications);
    expect(apps?.validations.map((v) => v.formula)).toEqual([
      "='年报助手列表'!$A$1:$A$6",
      "='年报助手列表'!$B$1:$B$21",
    ]);
    const lists = f.sheetValues("年报助手列表") as string[][];
    const layout = registerLayouts(getFormat("2021"), 2025).find((l) => l.key === "applications");
    const column = (c: number) => lists.map((r) => r[c]).filter(Boolean);
    expect([column(0), column(1)]).toEqual(Object.values(layout?.lists ?? {}));
    const r = compileWorkbook(readRegistersEt(f.Application), { year: 2025 });
    expect(r.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.tables.t3.new[6]).toBe(1);
    // Its own data on a very hidden sheet; a second call changes nothing.
    expect(f.state.sheets.find((s) => s.name === "年报助手数据")?.visible).toBe(2);
    expect(createRegisterSheetsEt(f.Application, getFormat("2021"), 2025)).toEqual([]);
  });

  test("writes 统计表 and 校验结果 as the template lays them out; asks before replacing a sheet it did not make", () => {
    const wb = sampleWorkbook();
    const result = compileWorkbook(wb);
    const f = createFakeEt({ sheets: [...asSheets(wb), { name: "统计表", rows: [["别人的表"]] }] });
    expect(writeStatisticsEt(f.Application, result, false)).toEqual({ needsConfirmation: ["统计表"] });
    expect(f.sheetValues("统计表")).toEqual([["别人的表"]]);
    expect(writeStatisticsEt(f.Application, result, true)).toEqual({ written: ["统计表", "校验结果"] });
    const stats = f.sheetValues("统计表") as unknown[][];
    const newRow = stats.find((r) => r.includes("一、本年新收政府信息公开申请数量"));
    expect(newRow?.slice(3, 10)).toEqual(result.tables.t3.new);
    expect(f.state.sheets.find((s) => s.name === "统计表")?.merges.length).toBeGreaterThan(10);
    expect((f.sheetValues("校验结果") as unknown[][])[1]).toEqual(["", "", "", "全部通过"]);
    expect(f.state.active).toBe("统计表");
    // Now the add-in's own: written again without asking.
    expect(writeStatisticsEt(f.Application, result, false)).toEqual({ written: ["统计表", "校验结果"] });
  });

  test("审核与汇总: 总览 with statuses coloured (BGR), 问题清单, 未报送; asks before replacing a sheet it did not make", () => {
    const r = reviewSample();
    const f = createFakeEt({ sheets: [{ name: "总览", rows: [["别人的总览"]] }] });
    expect(writeReviewEt(f.Application, r, false)).toEqual({ needsConfirmation: ["总览"] });
    expect(f.sheetValues("总览")).toEqual([["别人的总览"]]);
    expect(writeReviewEt(f.Application, r, true)).toEqual({
      written: ["总览", "问题清单", "汇总分析", "审核要点", "未报送"],
    });
    const overview = f.sheetValues("总览") as unknown[][];
    expect(overview.slice(1).map((row) => [row[0], row[5]])).toEqual(REVIEW_SAMPLE_STATUSES);
    expect(overview[2][1]).toBe("'=乙局.pdf");
    const sheet = f.state.sheets.find((s) => s.name === "总览");
    // Interior.Color is blue-green-red: FFC7CE (red) is 0xCEC7FF.
    expect(sheet?.fills).toEqual([
      { address: "F2", color: 0xceefc6 },
      { address: "F3", color: 0xcec7ff },
      { address: "F4", color: 0xd9d9d9 },
      { address: "F5", color: 0xd9d9d9 },
    ]);
    expect(sheet?.bold).toEqual(["A1:N1"]);
    expect((f.sheetValues("问题清单") as unknown[][]).slice(1).map((row) => row[1])).toEqual(["S1", "读取"]);
    expect(f.sheetValues("未报送")).toEqual([["单位"], ["丁局"]]);
    // 汇总分析: the two units of the year read (丙局's file could not be), then 合计 and 中位数.
    const analysis = f.sheetValues("汇总分析") as unknown[][];
    expect(analysis[0][1]).toBe("新收申请");
    expect(analysis.slice(1, 5).map((row) => row[0])).toEqual(["甲局", "乙局", "合计", "中位数"]);
    expect(f.state.active).toBe("总览");
    expect(writeReviewEt(f.Application, r, false)).toEqual({
      written: ["总览", "问题清单", "汇总分析", "审核要点", "未报送"],
    });
    // The 审核要点 it wrote read back from the workbook as the set the review applied; none: null.
    expect(ruleSetFromRows(readRuleSheetEt(f.Application) ?? [], "本工作簿").rules).toEqual(r.rules.rules);
    expect(readRuleSheetEt(createFakeEt({ sheets: [] }).Application)).toBeNull();
  });

  test("selects an issue's cell and a register row; a missing sheet is said in Chinese; settings kept", () => {
    const f = createFakeEt({ sheets: asSheets(sampleWorkbook()) });
    selectIssueCellEt(f.Application, {
      sheet: SHEETS.applications,
      row: 6,
      column: "申请人类型",
      value: "外星人",
      message: "",
      severity: "error",
      kind: "unknownValue",
    });
    expect(f.state.selected).toEqual({ sheet: SHEETS.applications, address: "C6" });
    selectRowEt(f.Application, SHEETS.cases, 3);
    expect(f.state.selected).toEqual({ sheet: SHEETS.cases, address: "A3:XFD3" });
    expect(() => selectRowEt(f.Application, "已删除", 3)).toThrow("找不到工作表「已删除」");
    expect(loadSettingsEt(f.Application)).toEqual({});
    saveSettingsEt(f.Application, { year: 2025, format: "2021", agency: "某局" });
    expect(loadSettingsEt(f.Application)).toEqual({ year: 2025, format: "2021", agency: "某局" });
    // WPS 表格 with no workbook open.
    expect(() => readRegistersEt(createFakeEt({ closed: true }).Application)).toThrow(
      "WPS 表格中没有打开的工作簿，请先打开登记台账。",
    );
  });

  test("识别台账: a ledger of its own name is read; answers go below 对应关系's rows; the ledger is not written", () => {
    const ledger = smallLedger().sheets[0];
    const f = createFakeEt({ sheets: [{ name: ledger.name, rows: excelValues(ledger.rows) }] });
    expect(compileWorkbook(readRegistersEt(f.Application), { year: 2025 }).ledger.pending).toHaveLength(1);
    const answer = ["办理结果", "已答复", "（一）予以公开"];
    appendAnswersEt(f.Application, [answer]);
    appendAnswersEt(f.Application, [["申请人类型", "群众", "自然人"]]);
    expect(f.sheetValues("对应关系")).toEqual([
      ["项目", "台账中的写法", "对应为"],
      answer,
      ["申请人类型", "群众", "自然人"],
    ]);
    // The ledger as it was (the fake gives its used range, short rows filled with "").
    const width = Math.max(...ledger.rows.map((row) => row.length));
    expect(f.sheetValues(ledger.name)).toEqual(
      excelValues(ledger.rows).map((row) => [...row, ...new Array<string>(width - row.length).fill("")]),
    );
    const r = compileWorkbook(readRegistersEt(f.Application), { year: 2025 });
    expect(r.ledger.pending).toEqual([]);
    expect([r.tables.t3.grant[0], r.tables.t3.grant[1], r.tables.t3.grant[6]]).toEqual([3, 1, 4]);
  });

  test("直接填写统计表: a blank 统计表 sheet, never over one; it reads back as typed tables, every blank named", () => {
    const f = createFakeEt({ sheets: [{ name: "Sheet1", rows: [] }] });
    const tables = blankTables(getFormat("2021"), 2025, "某局");
    expect(createTypedSheetEt(f.Application, tables)).toBe(true);
    expect(createTypedSheetEt(f.Application, tables)).toBe(false);
    const r = compileWorkbook(readRegistersEt(f.Application));
    expect([r.typed?.tables.length, r.tables.year, r.tables.agency]).toEqual([3, 2025, "某局"]);
    expect(r.tables.t3.new).toEqual(new Array(7).fill(null));
    expect(r.checks.every((c) => c.rule === "F2")).toBe(true);
  });
});
