import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { appRows, d } from "../../../test/helpers";
import { tallyApplications } from "./applications";
import { tallyCases } from "./cases";
import { checkTables } from "../tables/checks";
import { compileWorkbook } from "../compile";
import { getFormat } from "../formats";
import type { TableSet } from "../tables/tables";

const F2021 = getFormat("2021");

/** A register around the turn of the year with a known 表三 for 2025. */
const KNOWN = [
  // received last year, concluded last year: not in 2025 at all
  { received: d(2024, 3, 1), type: "自然人", outcome: "予以公开", concluded: d(2024, 3, 20) },
  // received 31 Dec 2024, concluded 1 Jan 2025: carry, outcome in 2025
  { received: d(2024, 12, 31), type: "商业企业", outcome: "d1", concluded: d(2025, 1, 1) },
  // received 1 Jan 2025, concluded the same day
  { received: d(2025, 1, 1), type: "自然人", outcome: "部分公开", concluded: d(2025, 1, 1) },
  // received 31 Dec 2025, concluded 2 Jan 2026: new, fwd
  { received: d(2025, 12, 31), type: "律师事务所", outcome: "u1", concluded: d(2026, 1, 2) },
  // received 31 Dec 2025, concluded the same day
  { received: "2025年12月31日", type: "个人", outcome: "不予处理-重复申请", concluded: "2025/12/31" },
  // received in 2025, still open
  { received: "2025-06-30", type: "科研机构" },
  // received last year, still open: carry and fwd
  { received: 45600, type: "其他" }, // serial 45600 = 2024-11-04
  // received in 2026: not in 2025
  { received: d(2026, 1, 3), type: "自然人", outcome: "o3", concluded: d(2026, 1, 5) },
];

describe("tally of 依申请公开登记", () => {
  test("a register with known answers, across 1 January and 31 December", () => {
    const r = tallyApplications(F2021, 2025, appRows(KNOWN));
    expect(r.issues).toEqual([]);
    const t = r.t3;
    //                natural business research social legal other total
    expect(t.new).toEqual([2, 0, 1, 0, 1, 0, 4]);
    expect(t.carry).toEqual([0, 1, 0, 0, 0, 1, 2]);
    expect(t.grant).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(t.partial).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t.d1).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(t.n2).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(t.u1).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(t.total).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(t.fwd).toEqual([0, 0, 1, 0, 1, 1, 3]);
    expect(r.stats).toEqual({ rows: 8, counted: 6, excluded: 0, carried: 2 });
    // 2024 from the same register
    const r24 = tallyApplications(F2021, 2024, appRows(KNOWN));
    expect(r24.t3.new[6]).toBe(3);
    expect(r24.t3.grant[6]).toBe(1);
    expect(r24.t3.fwd).toEqual([0, 1, 0, 0, 0, 1, 2]);
    // P1 holds: 2024's fwd is 2025's carry
    expect(r24.t3.fwd).toEqual(t.carry);
  });

  test("fees are summed for applications concluded in the year", () => {
    const r = tallyApplications(
      F2021,
      2025,
      appRows([
        { received: d(2025, 2, 1), type: "自然人", outcome: "grant", concluded: d(2025, 2, 9), fee: 100 },
        { received: d(2025, 12, 30), type: "自然人", outcome: "grant", concluded: d(2026, 1, 9), fee: 50 },
        { received: d(2025, 3, 1), type: "自然人", outcome: "grant", concluded: d(2025, 3, 9), fee: "20.5" },
      ]),
    );
    expect(r.feeYuan).toBe(120.5);
  });

  test("2019 format: the three 其他处理 items fall into one row o", () => {
    const r = tallyApplications(
      getFormat("2019"),
      2020,
      appRows([
        { received: d(2020, 2, 1), type: "自然人", outcome: "撤回申请", concluded: d(2020, 2, 9) },
        { received: d(2020, 2, 1), type: "自然人", outcome: "其他处理", concluded: d(2020, 2, 9) },
      ]),
    );
    expect(r.issues).toEqual([]);
    expect(r.t3.o).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(r.t3.o1).toBeUndefined();
  });
});

describe("row issues: every kind, and no row dropped silently", () => {
  const rows = [
    { id: "A1", received: d(2025, 1, 5), type: "自然人", outcome: "grant", concluded: d(2025, 1, 9) }, // 2 fine
    { id: "A1", received: d(2025, 1, 5), type: "自然人", outcome: "grant", concluded: d(2025, 1, 9) }, // 3 duplicateId (warning)
    { received: null, type: "自然人" }, // 4 missingValue 收到日期
    { received: d(2025, 1, 5), type: "外星人" }, // 5 unknownValue 申请人类型
    { received: "2025-02-30", type: "自然人" }, // 6 badDate
    { received: d(2025, 1, 5), type: { error: "#N/A" } }, // 7 errorValue
    { received: d(2025, 3, 5), type: "自然人", outcome: "grant", concluded: d(2025, 3, 1) }, // 8 dateOrder
    { received: d(2025, 3, 5), type: "自然人", outcome: "grant" }, // 9 outcomeWithoutDate
    { received: d(2025, 3, 5), type: "自然人", concluded: d(2025, 3, 9) }, // 10 dateWithoutOutcome
    { received: d(2025, 3, 5), type: "自然人", outcome: "信息不存在", concluded: d(2025, 3, 9) }, // 11 legacyValue (warning)
    { received: d(2025, 3, 5), type: "自然人", outcome: "grant", concluded: d(2025, 3, 9), fee: "见票据" }, // 12 a fee that is no amount: a 提示, the row counted
    { received: null, type: null }, // 13 blank: not a row
    { received: d(2025, 3, 5), type: null }, // 14 missingValue 申请人类型
    { received: d(2025, 3, 5), type: "自然人", outcome: "好的", concluded: d(2025, 3, 9) }, // 15 unknownValue 办理结果
  ];

  test("each bad row is reported with sheet, row, column, value and what is accepted", () => {
    const r = tallyApplications(F2021, 2025, appRows(rows));
    const seen = r.issues.map((i) => [i.row, i.column, i.kind, i.severity]);
    expect(seen).toEqual([
      // 申请人类型 holds back rows 5, 7 and 14: 3 of the 13 rows, more than a fifth — said first.
      [0, "申请人类型", "columnUnread", "error"],
      // Row 12's fee is no amount: the year's fee cannot be known.
      [0, "信息处理费（元）", "feeUnknown", "warning"],
      [3, "编号", "duplicateId", "warning"],
      [4, "收到日期", "missingValue", "error"],
      [5, "申请人类型", "unknownValue", "error"],
      [6, "收到日期", "badDate", "error"],
      [7, "申请人类型", "errorValue", "error"],
      [8, "办结日期", "dateOrder", "error"],
      [9, "办结日期", "outcomeWithoutDate", "error"],
      [10, "办理结果", "dateWithoutOutcome", "error"],
      [11, "办理结果", "legacyValue", "warning"],
      [12, "信息处理费（元）", "badNumber", "warning"],
      [14, "申请人类型", "missingValue", "error"],
      [15, "办理结果", "unknownValue", "error"],
    ]);
    for (const i of r.issues) {
      expect(i.sheet).toBe("依申请公开登记");
      if (i.row) expect(i.message).toMatch(new RegExp(`^第${i.row}行`));
    }
    expect(r.issues[0].message).toBe(
      "「申请人类型」列有3行的值无法读取（如「外星人」「#N/A」「（空）」），这些行未计入；请检查这一列",
    );
    expect(r.issues.find((i) => i.row === 5)?.message).toContain(
      "自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他",
    );
    expect(r.issues.find((i) => i.row === 5)?.value).toBe("外星人");
    expect(r.issues.find((i) => i.row === 6)?.message).toContain("2025年3月1日");
    expect(r.issues.find((i) => i.row === 7)?.value).toBe("#N/A");
    // 13 non-blank rows: 4 counted (rows 2, 3, 11, 12), 9 with errors left out, and the tables say so
    expect(r.stats).toEqual({ rows: 13, counted: 4, excluded: 9, carried: 0 });
    expect(r.feeUnknown).toBe(1);
    expect(r.t3.new[6] + r.t3.carry[6]).toBe(r.stats.counted);
    expect(
      checkTables({
        format: "2021",
        year: 2025,
        agency: "",
        t2: null,
        t3: r.t3,
        t4: new Array(15).fill(0),
      }).filter((f) => f.severity === "error"),
    ).toEqual([]);
  });

  test("missing columns and sheets", () => {
    const r = tallyApplications(F2021, 2025, [
      ["编号", "收到日期", "申请人"],
      [1, d(2025, 1, 1), "自然人"],
    ]);
    expect(r.issues.map((i) => [i.kind, i.column])).toEqual([
      ["missingColumn", "办理结果"],
      ["missingColumn", "办结日期"],
    ]);
    const c = compileWorkbook({ sheets: [{ name: "主动公开", rows: [] }] }, { year: 2025 });
    expect(c.rowIssues.map((i) => [i.kind, i.sheet])).toEqual(
      expect.arrayContaining([
        ["missingSheet", "依申请公开登记"],
        ["missingSheet", "复议诉讼登记"],
      ]),
    );
  });

  test("the 复议诉讼登记's own issues", () => {
    const r = tallyCases(F2021, 2025, [
      ["编号", "类型", "立案日期", "结果", "审结日期"],
      [1, "行政诉讼", d(2025, 1, 1), null, null],
      [2, "复议", "2025-13-01", null, null],
      [3, "复议", d(2025, 5, 1), "胜诉", d(2025, 6, 1)],
      [4, "复议", d(2025, 5, 1), null, d(2025, 6, 1)],
      [5, "复议", d(2025, 5, 1), "维持", d(2025, 4, 1)],
    ]);
    expect(r.issues.map((i) => [i.row, i.column, i.kind, i.severity])).toEqual([
      [2, "类型", "unknownValue", "error"],
      [3, "立案日期", "badDate", "error"],
      [4, "结果", "unknownValue", "error"],
      [5, "结果", "missingValue", "warning"],
      [6, "审结日期", "dateOrder", "error"],
    ]);
    expect(r.t4.slice(0, 5)).toEqual([0, 0, 0, 1, 1]);
    expect(r.stats).toEqual({ rows: 5, counted: 1, excluded: 4 });
  });
});

describe("time zones: the same file gives the same tables", () => {
  const zones = ["Asia/Shanghai", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"];

  test("an .xlsx with 1 January and 31 December dates, read in processes under four TZ settings", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("依申请公开登记");
    ws.addRow(["收到日期", "申请人类型", "办理结果", "办结日期"]);
    ws.addRow([d(2025, 1, 1), "自然人", "予以公开", d(2025, 12, 31)]);
    ws.addRow([d(2024, 12, 31), "自然人", "予以公开", d(2025, 1, 1)]);
    ws.addRow([d(2025, 12, 31), "商业企业", "d2", d(2026, 1, 1)]);
    ws.addRow([d(2025, 12, 31), "商业企业", "d2", d(2025, 12, 31)]);
    ws.addRow([45658, "自然人", "grant", 46022]); // serial numbers: 2025-01-01, 2025-12-31
    ws.addRow(["2025年1月1日", "自然人", "grant", "2025/12/31"]);
    const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-tz-"));
    const file = path.join(dir, "tz.xlsx");
    await wb.xlsx.writeFile(file);
    const root = path.resolve(__dirname, "../../..");
    const runs = zones.map((tz) => {
      const out = execFileSync(
        process.execPath,
        ["-r", path.join(root, "test/ts-register.js"), path.join(root, "test/tz-probe.ts"), file, "2025"],
        { env: { ...process.env, TZ: tz }, encoding: "utf8" },
      );
      return JSON.parse(out) as { offset: number; tables: TableSet; issues: unknown[] };
    });
    // The zones really differed, and the tables did not.
    expect(new Set(runs.map((r) => r.offset)).size).toBe(zones.length);
    for (const r of runs) {
      expect(r.tables.t3.new).toEqual([3, 2, 0, 0, 0, 0, 5]);
      expect(r.tables.t3.carry).toEqual([1, 0, 0, 0, 0, 0, 1]);
      expect(r.tables.t3.grant).toEqual([4, 0, 0, 0, 0, 0, 4]);
      expect(r.tables.t3.fwd).toEqual([0, 1, 0, 0, 0, 0, 1]);
      expect(r.tables).toEqual(runs[0].tables);
    }
    rmSync(dir, { recursive: true });
  });
});
