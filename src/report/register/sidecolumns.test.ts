/**
 * Columns that do not decide where a row is counted (编号, 信息处理费, 是否收费, 备注) in our own layout and in an
 * agency's ledger: they never hold a row back, never make a row of their own, and the year's 信息处理费 is a
 * number only where every fee of the year can be read. Expected numbers are worked out here from the rows.
 */
import { appRows, d } from "../../../test/helpers";
import type { Cell } from "../common/cells";
import { compileWorkbook } from "../compile";
import { getFormat } from "../formats";
import { tallyApplications } from "./applications";
import { tallyCases } from "./cases";

const F = getFormat("2021");
const granted = (fee: Cell, concluded = d(2025, 3, 9)) => ({
  received: d(2025, 3, 1),
  type: "自然人",
  outcome: "grant",
  concluded,
  fee,
});

test("信息处理费（元） holding 是/否 in our layout: one 提示 for the column, every row counted", () => {
  const r = tallyApplications(F, 2025, appRows(["是", "否", "否", "否", "否"].map((v) => granted(v))));
  expect(r.stats).toEqual({ rows: 5, counted: 5, excluded: 0, carried: 0 });
  expect(r.feeUnknown).toBe(1);
  expect(r.issues.map((i) => [i.row, i.kind, i.severity])).toEqual([[0, "feeUnknown", "warning"]]);
  expect(r.issues[0].message).toContain("「信息处理费（元）」列写的是是否收费");
});

test("every 否 says nothing was charged: the fee is 0, known, nothing to say", () => {
  const r = tallyApplications(F, 2025, appRows(["否", "否", "×"].map((v) => granted(v))));
  expect([r.feeYuan, r.feeUnknown, r.issues]).toEqual([0, 0, []]);
});

test("a fee that is no amount: a 提示 on its cell; the total unknown only if it was of this year", () => {
  const thisYear = tallyApplications(
    F,
    2025,
    appRows([granted(50), granted(50), granted(50), granted("见票据")]),
  );
  expect(thisYear.stats.counted).toBe(4);
  expect(thisYear.feeUnknown).toBe(1);
  expect(thisYear.issues.map((i) => [i.row, i.kind])).toEqual([
    [0, "feeUnknown"],
    [5, "badNumber"],
  ]);
  // The same cell on an application concluded last year: its fee is not this year's, the total (150) stands.
  const lastYear = tallyApplications(
    F,
    2025,
    appRows([
      granted(50),
      granted(50),
      granted(50),
      { ...granted("见票据", d(2024, 12, 1)), received: d(2024, 11, 1) },
    ]),
  );
  expect([lastYear.feeYuan, lastYear.feeUnknown]).toEqual([150, 0]);
  expect(lastYear.issues.map((i) => [i.row, i.kind, i.severity])).toEqual([[5, "badNumber", "warning"]]);
});

test("a row with nothing but side columns is no application: a 序号 filled down, a 合计 of fees, a note", () => {
  const rows = appRows([granted(100), granted(50)]);
  rows.push([3, null, null, null, null, null, null]);
  rows.push(["合计", null, null, null, null, 150, null]);
  rows.push([null, null, null, null, null, null, "注：本表由办公室填报"]);
  const r = tallyApplications(F, 2025, rows);
  expect(r.stats).toEqual({ rows: 2, counted: 2, excluded: 0, carried: 0 });
  expect([r.feeYuan, r.issues]).toEqual([150, []]);
  const cases = tallyCases(F, 2025, [
    ["编号", "类型", "立案日期", "结果", "审结日期"],
    [1, "行政复议", d(2025, 5, 1), "维持", d(2025, 6, 1)],
    [2, null, null, null, null],
  ]);
  expect([cases.stats, cases.issues]).toEqual([{ rows: 1, counted: 1, excluded: 0 }, []]);
});

test("an own ledger's row waiting for a question still has its fee read", () => {
  const wb = {
    sheets: [
      {
        name: "台账",
        rows: [
          ["序号", "申请人类型", "申请日期", "答复日期", "答复结果", "收费金额（元）"],
          [1, "个人", d(2025, 3, 1), d(2025, 3, 9), "同意公开", 100],
          [2, "个人", d(2025, 4, 1), d(2025, 4, 9), "已答复", 50], // 已答复: a question, the row waits
          [3, "个人", d(2025, 5, 1), d(2025, 5, 9), "同意公开", "免费"],
        ] as Cell[][],
      },
    ],
  };
  const r = compileWorkbook(wb, { year: 2025 });
  expect(r.ledger.pending.map((p) => p.value)).toEqual(["已答复"]);
  expect(r.tables.t3.grant).toEqual([2, 0, 0, 0, 0, 0, 2]);
  // 100 + 50 + 0: the fee was charged whatever the outcome turns out to be.
  expect(r.tables.feeYuan).toBe(150);
});

test("an own ledger without any fee column: the fee unknown, said once however many months", () => {
  const month = (m: number): { name: string; rows: Cell[][] } => ({
    name: `${m}月`,
    rows: [
      ["序号", "申请人类型", "申请日期", "答复日期", "答复结果"],
      [1, "个人", d(2025, m, 1), d(2025, m, 9), "同意公开"],
    ],
  });
  const r = compileWorkbook({ sheets: [month(1), month(2), month(3)] }, { year: 2025 });
  expect(r.tables.t3.grant[6]).toBe(3);
  expect(r.tables.feeYuan).toBeNull();
  expect(r.rowIssues.filter((i) => i.kind === "feeUnknown").map((i) => i.message)).toEqual([
    "台账中没有信息处理费金额一列，信息处理费无法统计（报告中不写信息处理费金额，请自行填写）",
  ]);
  expect(r.sentences["s6.fees"]).toBeUndefined();
});
