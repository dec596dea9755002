/**
 * The Excel adapters against a fake host that records every operation and counts context.sync() calls.
 */
import {
  excelValues,
  REGISTER_SHEETS_MADE,
  REVIEW_SAMPLE_STATUSES,
  reviewSample,
  smallLedger,
} from "../../test/helpers";
import { blankTables } from "../report/tables/tables";
import { compileWorkbook } from "../report/compile";
import { getFormat, numberRows, outcomeRows } from "../report/formats";
import { outcomeVocabulary } from "../report/register/vocab";
import { SHEETS } from "../report/register/registers";
import { sampleWorkbook } from "../report/sample";
import { rollup, rollupRows } from "../report/rollup";
import { loadSettings, saveSettings } from "./owned";
import {
  activeCell,
  createRegisterSheets,
  readRegisters,
  selectIssueCell,
  selectRegisterRow,
} from "./registers";
import {
  appendAnswers,
  CHECKS_SHEET,
  createTypedSheet,
  STATS_SHEET,
  writeRollup,
  writeStatistics,
} from "./sheets";
import { readRuleSheet, writeReview } from "./review";
import { ruleSetFromRows } from "../report/rules/parse";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeExcel } = require("../../test/fake-excel.js") as {
  createFakeExcel: (initial?: {
    sheets?: { name: string; rows: unknown[][] }[];
    settings?: Record<string, unknown>;
  }) => FakeExcel;
};

interface FakeExcel {
  Excel: unknown;
  context: Excel.RequestContext;
  state: {
    ops: { op: string; sheet: string | null; address?: string; detail?: unknown }[];
    syncs: number;
    loadedCellsPerSync: number[];
    selected: { sheet: string; address: string } | null;
    settings: Record<string, unknown>;
    sheets: {
      name: string;
      merges: { r: number; c: number; h: number; w: number }[];
      validations: unknown[];
      tables: unknown[];
    }[];
  };
  sheetValues: (name: string) => unknown[][] | null;
}

function fake(
  sheets: { name: string; rows: unknown[][] }[] = sampleWorkbook().sheets.map((s) => ({
    name: s.name,
    rows: excelValues(s.rows),
  })),
  settings = {},
) {
  const f = createFakeExcel({ sheets, settings });
  (globalThis as unknown as { Excel: unknown }).Excel = f.Excel;
  return f;
}

describe("reading the registers", () => {
  test("gives the same tables as the engine on the file, in blocks, one sync per block", async () => {
    const f = fake();
    const data = await readRegisters(f.context, 40);
    expect(compileWorkbook(data).tables).toEqual(compileWorkbook(sampleWorkbook()).tables);
    const apps = data.sheets.find((s) => s.name === SHEETS.applications);
    const blocks = data.sheets.reduce((n, s) => n + Math.ceil(s.rows.length / 40), 0);
    expect(f.state.syncs).toBe(2 + blocks);
    expect(apps?.rows.length).toBeGreaterThan(150);
    expect(Math.max(...f.state.loadedCellsPerSync)).toBeLessThanOrEqual(40 * 7);
    expect(f.state.ops.filter((o) => o.op !== "select")).toEqual([]); // reading writes nothing
  });

  test("the sync count grows with the register's length only per block", async () => {
    const make = (n: number) => {
      const rows: unknown[][] = [["编号", "收到日期", "申请人类型", "办理结果", "办结日期"]];
      for (let i = 0; i < n; i++)
        rows.push([`A${i}`, 45700 + (i % 300), "自然人", "予以公开", 45705 + (i % 300)]);
      return rows;
    };
    const counts = [];
    for (const n of [999, 4999, 20000]) {
      const f = fake([{ name: SHEETS.applications, rows: make(n) }]);
      const data = await readRegisters(f.context, 1000);
      expect(compileWorkbook(data, { year: 2025 }).stats.applications?.rows).toBe(n);
      counts.push(f.state.syncs);
    }
    expect(counts).toEqual([2 + 1, 2 + 5, 2 + 21]);
  });

  test("error values become row issues; the default block size stays under the 5 MB request limit", async () => {
    const f = fake([
      {
        name: SHEETS.applications,
        rows: [
          ["收到日期", "申请人类型", "办理结果", "办结日期"],
          [45700, "#N/A", "予以公开", 45701],
        ],
      },
    ]);
    const r = compileWorkbook(await readRegisters(f.context), { year: 2025 });
    expect(r.rowIssues.map((i) => [i.row, i.column, i.kind])).toContainEqual([2, "申请人类型", "errorValue"]);
    // 10 000 rows × 10 columns × at most ~40 bytes of JSON a cell.
    expect(10000 * 10 * 40).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("creating the register sheets", () => {
  test("on an empty workbook: tables, dropdowns from the vocabularies, example rows that the engine accepts", async () => {
    const f = fake([]);
    const made = await createRegisterSheets(f.context, getFormat("2021"), 2025);
    expect(made).toEqual(REGISTER_SHEETS_MADE);
    expect(f.state.syncs).toBe(2);
    const apps = f.state.sheets.find((s) => s.name === SHEETS.applications);
    expect(apps?.tables).toHaveLength(1);
    expect(apps?.validations).toHaveLength(2);
    const lists = f.sheetValues("年报助手列表") as string[][];
    expect(lists.map((r) => r[0]).filter(Boolean)).toEqual([
      "自然人",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
    ]);
    const outcomes = lists.map((r) => r[1]).filter(Boolean);
    expect(outcomes).toHaveLength(21);
    expect(outcomes.slice(0, 3)).toEqual(["予以公开", "部分公开", "不予公开-属于国家秘密"]);
    const vocab = outcomeVocabulary(getFormat("2021"));
    expect(outcomes.map((o) => vocab.lookup(o)?.key)).toEqual(
      outcomeRows(getFormat("2021")).map((r) => r.key),
    );
    const data = await readRegisters(f.context);
    const r = compileWorkbook(data, { year: 2025 });
    expect(r.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.tables.t3.new[6]).toBe(1);
    expect(JSON.parse(String(f.state.settings["ogi.ownedSheets"]))).toEqual(
      expect.arrayContaining([...made, "年报助手列表"]),
    );
  });

  test("sheets that exist are never touched", async () => {
    const f = fake();
    const before = JSON.stringify(f.sheetValues(SHEETS.applications));
    const made = await createRegisterSheets(f.context, getFormat("2021"), 2025);
    expect(made).toEqual([]);
    expect(f.state.ops.filter((o) => o.sheet !== null && o.sheet !== "年报助手列表")).toEqual([]);
    expect(JSON.stringify(f.sheetValues(SHEETS.applications))).toBe(before);
  });
});

describe("writing 统计表 and 校验结果", () => {
  test("表三 laid out as the template, numbers written, in one batch, only into the add-in's sheets", async () => {
    const f = fake();
    const result = compileWorkbook(sampleWorkbook());
    const out = await writeStatistics(f.context, result, false);
    expect(out).toEqual({ written: [STATS_SHEET, CHECKS_SHEET] });
    expect(f.state.syncs).toBe(2);
    const written = new Set(f.state.ops.filter((o) => o.sheet).map((o) => o.sheet));
    expect([...written].sort()).toEqual([CHECKS_SHEET, STATS_SHEET].sort());
    const values = f.sheetValues(STATS_SHEET) as unknown[][];
    const f21 = getFormat("2021");
    for (const row of numberRows(f21)) {
      const at = values.findIndex((r) => r.includes(row.label));
      expect({ row: row.key, values: values[at].slice(3, 10) }).toEqual({
        row: row.key,
        values: result.tables.t3[row.key],
      });
    }
    const stats = f.state.sheets.find((s) => s.name === STATS_SHEET);
    const cornerRow = values.findIndex((r) => r[0] === f21.t3.cornerNote);
    expect(stats?.merges).toContainEqual({ r: cornerRow, c: 0, h: 3, w: 3 });
    expect(stats?.merges).toContainEqual({ r: cornerRow + 5, c: 0, h: 22, w: 1 }); // 三、本年度办理结果
    expect(f.sheetValues(CHECKS_SHEET)?.[1]).toEqual(["", "", "", "全部通过"]);
    // Written again: the add-in's own sheets are replaced without asking.
    expect(await writeStatistics(f.context, result, false)).toEqual({ written: [STATS_SHEET, CHECKS_SHEET] });
  });

  test("a 统计表 the add-in did not create: nothing written until the user agrees", async () => {
    const f = fake([{ name: STATS_SHEET, rows: [["我自己的表", 1]] }]);
    const result = compileWorkbook(sampleWorkbook());
    expect(await writeStatistics(f.context, result, false)).toEqual({ needsConfirmation: [STATS_SHEET] });
    expect(f.state.ops).toEqual([]);
    expect(f.sheetValues(STATS_SHEET)).toEqual([["我自己的表", 1]]);
    expect(await writeStatistics(f.context, result, true)).toEqual({ written: [STATS_SHEET, CHECKS_SHEET] });
  });
});

describe("selecting an issue's cell, and settings", () => {
  test("the cell of a row issue is selected, its column found by header", async () => {
    const f = fake();
    await selectIssueCell(f.context, {
      sheet: SHEETS.applications,
      row: 7,
      column: "办理结果",
      value: "",
      message: "",
      severity: "error",
      kind: "unknownValue",
    });
    expect(f.state.selected).toEqual({ sheet: SHEETS.applications, address: "D7:D7" });
    expect(f.state.syncs).toBe(2);
    await expect(
      selectIssueCell(f.context, {
        sheet: "没有这张表",
        row: 2,
        column: "编号",
        value: "",
        message: "",
        severity: "error",
        kind: "unknownValue",
      }),
    ).rejects.toThrow(/找不到工作表「没有这张表」/);
  });

  test("settings are kept in the workbook", async () => {
    const f = fake();
    expect(await loadSettings(f.context)).toEqual({});
    await saveSettings(f.context, { year: 2024, format: "2021", agency: "某局" });
    expect(await loadSettings(f.context)).toEqual({ year: 2024, format: "2021", agency: "某局" });
  });

  test("the 汇总 sheet: one block per unit and the total, only over the add-in's own sheet", async () => {
    const units = [1, 2].map((seed) => ({
      name: `单位${seed}`,
      tables: compileWorkbook(sampleWorkbook({ seed })).tables,
    }));
    const r = rollup(units);
    const f = fake([{ name: "汇总", rows: [["别人的汇总"]] }]);
    expect(await writeRollup(f.context, r, false)).toEqual({ needsConfirmation: ["汇总"] });
    expect(f.state.ops).toEqual([]);
    expect(await writeRollup(f.context, r, true)).toEqual({ written: ["汇总"] });
    const values = f.sheetValues("汇总") as unknown[][];
    const expected = rollupRows(r);
    expect(new Set(expected.map((row) => row.length)).size).toBe(1);
    expect(values).toEqual(expected);
    expect([...new Set(values.slice(1).map((row) => row[0]))]).toEqual(["单位1", "单位2", "合计"]);
    expect(await writeRollup(f.context, r, false)).toEqual({ written: ["汇总"] });
  });
});

describe("the rows behind a number", () => {
  test("a register row is selected whole in its sheet; the active cell is read with its sheet", async () => {
    const f = fake();
    await selectRegisterRow(f.context, SHEETS.applications, 12);
    expect(f.state.selected).toEqual({ sheet: SHEETS.applications, address: "A12:XFD12" });
    expect(f.state.syncs).toBe(2);
    await expect(selectRegisterRow(f.context, "已删除的表", 3)).rejects.toThrow("找不到工作表「已删除的表」");
    f.state.selected = { sheet: SHEETS.cases, address: "D7" };
    expect(await activeCell(f.context)).toEqual({ sheet: SHEETS.cases, row: 6, column: 3 });
  });
});

describe("识别台账 and 直接填写统计表 in Excel", () => {
  const answer = ["办理结果", "已答复", "（一）予以公开"];

  test("a ledger of its own name is read; answers are appended to 对应关系 and nothing else is written", async () => {
    const ledger = smallLedger().sheets[0];
    const f = fake([
      { name: ledger.name, rows: excelValues(ledger.rows) },
      { name: "年报助手列表", rows: [["列表"]] },
    ]);
    const wb = await readRegisters(f.context);
    expect(wb.sheets.map((s) => s.name)).toEqual([ledger.name]);
    expect(compileWorkbook(wb, { year: 2025 }).ledger.pending.map((p) => [p.field, p.value, p.rows])).toEqual(
      [["办理结果", "已答复", 2]],
    );
    // A question's cell is selected in the ledger's own column (答复结果, its sixth: F), at its own row.
    const question = compileWorkbook(wb, { year: 2025 }).rowIssues.find((i) => i.kind === "pending");
    if (!question) throw new Error("no question");
    await selectIssueCell(f.context, question);
    expect(f.state.selected).toEqual({ sheet: ledger.name, address: "F4:F4" });
    f.state.syncs = 0;
    await appendAnswers(f.context, [answer]);
    expect(f.state.syncs).toBe(2); // no 对应关系 sheet yet: looked for, then written
    expect(f.sheetValues("对应关系")).toEqual([["项目", "台账中的写法", "对应为"], answer]);
    // A second save goes below the first; the ledger itself is never written.
    f.state.syncs = 0;
    await appendAnswers(f.context, [["申请人类型", "群众", "自然人"]]);
    expect(f.state.syncs).toBe(3); // found, its used rows, written
    expect(f.sheetValues("对应关系")).toEqual([
      ["项目", "台账中的写法", "对应为"],
      answer,
      ["申请人类型", "群众", "自然人"],
    ]);
    expect(
      f.state.ops.filter((o) => o.sheet === ledger.name && !["activate", "select"].includes(o.op)),
    ).toEqual([]);
    const again = compileWorkbook(await readRegisters(f.context), { year: 2025 });
    expect(again.ledger.pending).toEqual([]);
    expect([again.tables.t3.grant[0], again.tables.t3.grant[1], again.tables.t3.grant[6]]).toEqual([3, 1, 4]);
  });

  test("直接填写统计表: a blank 统计表 sheet, never over one; typed in, it compiles to the typed numbers", async () => {
    const f = fake([{ name: "Sheet1", rows: [] }]);
    const tables = blankTables(getFormat("2021"), 2025, "某局");
    f.state.syncs = 0;
    expect(await createTypedSheet(f.context, tables)).toBe(true);
    expect(f.state.syncs).toBe(2);
    expect(await createTypedSheet(f.context, tables)).toBe(false);
    const values = f.sheetValues(STATS_SHEET) as unknown[][];
    // Typed in: 自然人 of 本年新收 and of 予以公开, found by the labels the sheet shows.
    const rowOf = (label: string) => values.findIndex((r) => r.some((v) => String(v).endsWith(label)));
    const header = values.findIndex((r) => r.includes("自然人"));
    const col = values[header].indexOf("自然人");
    const ws = f.context.workbook.worksheets.getItem(STATS_SHEET);
    ws.getRangeByIndexes(rowOf("本年新收政府信息公开申请数量"), col, 1, 1).values = [[7]];
    ws.getRangeByIndexes(rowOf("予以公开"), col, 1, 1).values = [[7]];
    await f.context.sync();
    const r = compileWorkbook(await readRegisters(f.context));
    expect(r.typed?.tables.sort()).toEqual(["t2", "t3", "t4"]);
    expect([r.tables.year, r.tables.agency, r.tables.t3.new[0], r.tables.t3.grant[0]]).toEqual([
      2025,
      "某局",
      7,
      7,
    ]);
    // What was not typed is named as blank, never taken as a number.
    expect(r.checks.some((c) => c.rule === "F2" && c.where === "t3.carry")).toBe(true);
  });
});

describe("审核与汇总", () => {
  test("the review's sheets: 总览 with statuses coloured, 问题清单, 未报送; asks before replacing; 2 syncs", async () => {
    const r = reviewSample();
    const f = fake([{ name: "总览", rows: [["别人的总览"]] }]);
    expect(await writeReview(f.context, r, false)).toEqual({ needsConfirmation: ["总览"] });
    expect(f.state.ops).toEqual([]);
    f.state.syncs = 0;
    expect(await writeReview(f.context, r, true)).toEqual({
      written: ["总览", "问题清单", "汇总分析", "审核要点", "未报送"],
    });
    expect(f.state.syncs).toBe(2);
    const overview = f.sheetValues("总览") as unknown[][];
    expect(overview[0].slice(0, 6)).toEqual(["单位", "文件", "年度", "格式", "读取方式", "状态"]);
    expect(overview.slice(1).map((row) => [row[0], row[5]])).toEqual(REVIEW_SAMPLE_STATUSES);
    // A file name that starts with "=" stays text.
    expect(overview[2][1]).toBe("'=乙局.pdf");
    const fills = f.state.ops
      .filter((o) => o.op === "format" && o.sheet === "总览" && (o.detail as { fill?: string }).fill)
      .map((o) => [o.address, (o.detail as { fill: string }).fill]);
    expect(fills).toEqual([
      ["F2:F2", "#C6EFCE"],
      ["F3:F3", "#FFC7CE"],
      ["F4:F4", "#D9D9D9"],
      ["F5:F5", "#D9D9D9"],
    ]);
    // Written under a passing name, renamed once the old sheets are gone (a workbook keeps a visible sheet).
    expect(f.state.ops.filter((o) => o.op === "freeze").map((o) => o.sheet)).toEqual([
      "总览",
      "问题清单",
      "汇总分析",
      "审核要点",
      "未报送",
    ]);
    expect(f.state.ops.filter((o) => o.op === "rename").map((o) => o.detail)).toEqual([
      "总览",
      "问题清单",
      "汇总分析",
      "审核要点",
      "未报送",
    ]);
    const issues = f.sheetValues("问题清单") as unknown[][];
    expect(issues.slice(1).map((row) => [row[0], row[1]])).toEqual([
      ["乙局", "S1"],
      ["丙局", "读取"],
    ]);
    expect(f.sheetValues("未报送")).toEqual([["单位"], ["丁局"]]);
    expect(f.sheetValues("汇总")).toBeNull();
    // 汇总分析: the two units of the year read (丙局's file could not be), then 合计 and 中位数.
    const analysis = f.sheetValues("汇总分析") as unknown[][];
    expect(analysis[0][1]).toBe("新收申请");
    expect(analysis.slice(1, 5).map((row) => row[0])).toEqual(["甲局", "乙局", "合计", "中位数"]);
    // Now the add-in's own: written again without asking.
    expect(await writeReview(f.context, r, false)).toEqual({
      written: ["总览", "问题清单", "汇总分析", "审核要点", "未报送"],
    });
    // The 审核要点 it wrote read back from the workbook (2 syncs) as the set the review applied; none: null.
    f.state.syncs = 0;
    const rows = await readRuleSheet(f.context);
    expect(f.state.syncs).toBe(2);
    expect(ruleSetFromRows(rows ?? [], "本工作簿").rules).toEqual(r.rules.rules);
    expect(await readRuleSheet(fake([]).context)).toBeNull();
  });
});
