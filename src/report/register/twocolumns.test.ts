/**
 * Two columns for one deciding field in an agency's own ledger: which is the field is decided by their values
 * (the same values are one column, a column of no dates is none, differing values a question naming both), and
 * until the question is answered only the rows the choice would move wait — said once, never row by row.
 * Expected tables are counted here from each row's meaning, by hand.
 */
import fc from "fast-check";
import { d } from "../../../test/helpers";
import type { Cell, SheetData } from "../common/cells";
import { compileWorkbook } from "../compile";
import type { CompileResult } from "../compile";
import { fieldReader, settleColumns } from "./twocolumns";
import { getFormat } from "../formats";
import { questionGroups, waitingRows } from "./questions";

const F = getFormat("2021");
const TITLE = ["某局2025年政府信息公开申请登记台账"];
const compile = (sheets: SheetData[]) => compileWorkbook({ sheets }, { year: 2025 });
const answers = (...rows: string[][]): SheetData => ({
  name: "对应关系",
  rows: [["项目", "台账中的写法", "对应为"], ...rows],
});
const errors = (r: CompileResult) => r.rowIssues.filter((i) => i.severity === "error");
const questions = (r: CompileResult) => r.rowIssues.filter((i) => i.kind === "pending" && i.row === 0);
/** 表三's row of n applications of 自然人 (the first column). */
const natural = (n: number) => [n, 0, 0, 0, 0, 0, n];

describe("settleColumns: which of two columns is the field, by their values", () => {
  const dates = fieldReader(F, "收到日期");
  const outcomes = fieldReader(F, "办理结果");
  const rows = (...cols: Cell[][]): Cell[][] => cols[0].map((_, r) => cols.map((c) => c[r]));

  test("the same days written three ways are one column; the first is read, the other named the same", () => {
    const a = [d(2025, 3, 1), d(2025, 3, 2), null];
    const b = ["2025年3月1日", 45718, null]; // 45718 is the Excel serial of 2025-03-02
    expect(settleColumns(rows(a, b), 0, [0, 1], dates)).toEqual({ take: 0, same: [1] });
  });

  test("an empty column or one of no dates is not the date, whichever comes first", () => {
    const dated = [d(2025, 3, 1), d(2025, 3, 2), d(2025, 3, 3)];
    expect(settleColumns(rows([null, "", null], dated), 0, [0, 1], dates)).toEqual({ take: 1, same: [] });
    expect(settleColumns(rows(["上午", "下午", "上午"], dated), 0, [0, 1], dates)).toEqual({
      take: 1,
      same: [],
    });
    // Both empty: nothing tells them apart and nothing hangs on it.
    expect(settleColumns(rows([null, null], [null, null]), 0, [0, 1], dates)).toEqual({ take: 0, same: [1] });
  });

  test("status words beside outcomes are no outcome; the same meaning in other words is one column", () => {
    const granted = ["同意公开", "同意公开", "部分公开"];
    expect(settleColumns(rows(["已答复", "已答复", "已答复"], granted), 0, [0, 1], outcomes)).toEqual({
      take: 1,
      same: [],
    });
    expect(
      settleColumns(rows(granted, ["予以公开", "全部公开", "部分公开（区分处理）"]), 0, [0, 1], outcomes),
    ).toEqual({ take: 0, same: [1] });
  });

  test("values that differ are asked, each distinct column once (a third holding the first's values is the same)", () => {
    const a = [d(2025, 3, 1), d(2025, 3, 2)];
    const b = [d(2025, 3, 1), d(2025, 3, 9)];
    expect(settleColumns(rows(a, b), 0, [0, 1], dates)).toEqual({ ask: [0, 1] });
    expect(settleColumns(rows(a, b, a), 0, [0, 1, 2], dates)).toEqual({ ask: [0, 1] });
  });
});

/** A ledger with two columns for 收到日期, its other columns fixed: 个人, 同意公开, 答复日期 as given. */
function receivedLedger(rows: [Cell, Cell, Cell, Cell?][]): SheetData {
  return {
    name: "台账",
    rows: [
      TITLE,
      ["序号", "申请人类型", "申请日期", "收件日期", "答复日期", "答复结果", "信息处理费（元）"],
      ...rows.map(([a, b, answered, fee], i) => [
        i + 1,
        "个人",
        a,
        b,
        answered,
        answered ? "同意公开" : "办理中",
        fee ?? 0,
      ]),
    ],
  };
}

describe("a question of which column is 收到日期: only the rows the choice would move wait", () => {
  test("dates in different years or in another order wait; the same year and order are counted", () => {
    const r = compile([
      receivedLedger([
        [d(2025, 3, 1), d(2025, 3, 3), d(2025, 3, 20)], // same year, same order: counted, new
        [d(2024, 12, 28), d(2025, 1, 4), d(2025, 1, 20)], // 2024 or 2025: carry or new — waits
        [d(2025, 3, 1), d(2025, 3, 10), d(2025, 3, 5)], // answered before it came in by 收件日期 — waits
        [d(2025, 5, 1), d(2025, 5, 1), null], // the same day, still open: counted, new and fwd
      ]),
    ]);
    expect(r.tables.t3.new).toEqual(natural(2));
    expect(r.tables.t3.carry).toEqual(natural(0));
    expect(r.tables.t3.grant).toEqual(natural(1));
    expect(r.tables.t3.fwd).toEqual(natural(1));
    expect(r.stats.applications).toEqual({ rows: 2, counted: 2, excluded: 0, carried: 0 });
    const [q] = questions(r);
    expect(q.message).toBe(
      "「申请日期」和「收件日期」两列都可能是收到日期，其中2行按两列统计的结果不同（如第4行：「2024-12-28」「2025-01-04」，不在同一年），这些行暂不计入；请在「对应关系」中指明：列 | 申请日期 | 收到日期（另一列对应为 忽略）",
    );
    expect(errors(r)).toEqual([q]); // no row is named on its own
    expect(waitingRows(r)).toBe(2);
    expect(r.ledger.registers[0].held).toBe(2);
    expect(questionGroups(r.ledger).map((g) => [g.note, g.items.map((p) => p.value)])).toEqual([
      [
        "哪一列是收到日期：按不同的列统计结果不同的2行暂不计入统计，其余各行已计入。",
        ["申请日期", "收件日期"],
      ],
    ]);
  });

  test("answered: the column named is read for every row (and the other left out)", () => {
    const rows: [Cell, Cell, Cell][] = [
      [d(2025, 3, 1), d(2025, 3, 3), d(2025, 3, 20)],
      [d(2024, 12, 28), d(2025, 1, 4), d(2025, 1, 20)],
    ];
    const byOwn = compile([receivedLedger(rows), answers(["列", "收件日期", "收到日期"])]);
    expect([byOwn.ledger.pending, questions(byOwn)]).toEqual([[], []]);
    expect(byOwn.ledger.registers[0].columns.收到日期.header).toBe("收件日期");
    expect(byOwn.tables.t3.new).toEqual(natural(2)); // 3 March and 4 January 2025
    const ignored = compile([receivedLedger(rows), answers(["列", "收件日期", "忽略"])]);
    expect(ignored.ledger.registers[0].columns.收到日期.header).toBe("申请日期");
    expect(ignored.tables.t3.new).toEqual(natural(1)); // 1 March 2025
    expect(ignored.tables.t3.carry).toEqual(natural(1)); // 28 December 2024, answered in 2025
    expect(errors(ignored)).toEqual([]);
  });

  test("every row's two dates in the same year: a 提示, every row counted, the question still offered", () => {
    const r = compile([
      receivedLedger([
        [d(2025, 3, 1), d(2025, 3, 3), d(2025, 3, 20)],
        [d(2025, 6, 1), d(2025, 6, 1), d(2025, 6, 20)],
      ]),
    ]);
    expect(r.tables.t3.new).toEqual(natural(2));
    expect(errors(r)).toEqual([]);
    expect(questions(r)[0]).toMatchObject({ severity: "warning", column: "收到日期" });
    expect(questions(r)[0].message).toContain("有1行两列的日期不同（如第3行：「2025-03-01」「2025-03-03」）");
    expect(waitingRows(r)).toBe(0);
    expect(questionGroups(r.ledger)[0].note).toBe(
      "哪一列是收到日期：每一行按哪一列统计结果都一样，各行都已计入；确认后不再提示。",
    );
  });

  test("a waiting row's fee is read where its concluded date is not in question", () => {
    const r = compile([
      receivedLedger([
        [d(2025, 3, 1), d(2025, 3, 1), d(2025, 3, 20), 10],
        [d(2024, 12, 28), d(2025, 1, 4), d(2025, 1, 20), 20],
      ]),
    ]);
    expect(r.stats.applications?.counted).toBe(1);
    expect(r.tables.feeYuan).toBe(30);
  });

  test("registers kept by month: each sheet's question said once, the rows waiting added up", () => {
    const month = (name: string, m: number) => ({
      ...receivedLedger([[d(2024, 12, 30), d(2025, m, 2), d(2025, m, 20)]]),
      name,
    });
    const r = compile([month("1月", 1), month("2月", 2)]);
    expect(questions(r).map((q) => q.sheet)).toEqual(["1月", "2月"]);
    expect(r.ledger.pending.map((p) => [p.value, p.sheets])).toEqual([
      ["申请日期", ["1月", "2月"]],
      ["收件日期", ["1月", "2月"]],
    ]);
    expect(waitingRows(r)).toBe(2);
    expect(questionGroups(r.ledger)[0].note).toContain("不同的2行暂不计入");
  });
});

/** A ledger with 答复日期 and 办结日期, fees as given. */
function concludedLedger(rows: [Cell, Cell, Cell][]): SheetData {
  return {
    name: "台账",
    rows: [
      TITLE,
      ["申请人类型", "申请日期", "答复日期", "办结日期", "答复结果", "收费金额（元）"],
      ...rows.map(([a, b, fee]) => ["个人", d(2025, 12, 1), a, b, "同意公开", fee]),
    ],
  };
}

describe("a question of which column is 办结日期", () => {
  test("answered in 2025 or closed in 2026: the row waits, and a fee it carries makes the year's fee unknown", () => {
    const r = compile([
      concludedLedger([
        [d(2025, 12, 10), d(2025, 12, 12), 10],
        [d(2025, 12, 28), d(2026, 1, 4), 50],
      ]),
    ]);
    expect(r.tables.t3.new).toEqual(natural(1));
    expect(r.tables.t3.grant).toEqual(natural(1));
    expect(r.tables.feeYuan).toBeNull();
    expect(r.rowIssues.filter((i) => i.kind === "feeUnknown").map((i) => i.message)).toEqual([
      "有1行的办结日期待确认，这些行收取的信息处理费是否属于本年无法确定，信息处理费暂不统计",
    ]);
    expect(r.sentences["s6.fees"]).toBeUndefined();
  });

  test("no fee on the waiting row: the year's fee is the others' (10)", () => {
    const r = compile([
      concludedLedger([
        [d(2025, 12, 10), d(2025, 12, 12), 10],
        [d(2025, 12, 28), d(2026, 1, 4), "免费"],
      ]),
    ]);
    expect(r.tables.feeYuan).toBe(10);
    expect(r.rowIssues.filter((i) => i.kind === "feeUnknown")).toEqual([]);
  });
});

describe("two outcome columns", () => {
  const ledger = (second: string[]): SheetData => ({
    name: "台账",
    rows: [
      TITLE,
      ["申请人类型", "申请日期", "答复日期", "答复结果", "处理结果"],
      ...second.map((v, i) => ["个人", d(2025, 3, 1 + i), d(2025, 3, 20), "同意公开", v]),
    ],
  });

  test("a row whose two outcomes differ waits; a value answered to the same meaning ends the question", () => {
    const r = compile([ledger(["同意公开", "同意公开", "同意公开", "甲类"])]);
    expect(r.ledger.registers[0].ask?.办理结果.held).toBe(1);
    expect(r.tables.t3.grant).toEqual(natural(3));
    expect(questions(r)[0].message).toContain("如第6行：「同意公开」「甲类」");
    // 甲类 is the office's word for 予以公开: the two columns say the same, no question, every row counted.
    const told = compile([
      ledger(["同意公开", "同意公开", "同意公开", "甲类"]),
      answers(["办理结果", "甲类", "予以公开"]),
    ]);
    expect(told.ledger.pending).toEqual([]);
    expect(told.ledger.registers[0].ask).toBeUndefined();
    expect(told.ledger.registers[0].columns.办理结果).toMatchObject({
      header: "答复结果",
      same: ["处理结果"],
    });
    expect(told.tables.t3.grant).toEqual(natural(4));
    expect(errors(told)).toEqual([]);
  });

  test("a waiting row with a value in question too is counted once among the rows waiting", () => {
    const r = compile([
      {
        name: "台账",
        rows: [
          TITLE,
          ["申请人类型", "申请日期", "收件日期", "答复日期", "答复结果"],
          ["个人", d(2025, 3, 1), d(2025, 3, 1), d(2025, 3, 20), "已答复"],
          ["个人", d(2024, 12, 30), d(2025, 1, 2), d(2025, 3, 20), "已答复"],
          ["个人", d(2025, 3, 1), d(2025, 3, 1), d(2025, 3, 20), "同意公开"],
        ],
      },
    ]);
    expect(r.ledger.pending.find((p) => p.value === "已答复")?.rows).toBe(2);
    // Row 3 by its value, row 4 by the column question (its value asked about too): two rows wait.
    expect(r.rowIssues.filter((i) => i.kind === "pending" && i.row > 0).map((i) => i.row)).toEqual([3]);
    expect(waitingRows(r)).toBe(2);
    expect(r.tables.t3.new).toEqual(natural(1));
  });
});

test("复议诉讼: 收案日期 and 立案日期 a question (a case filed in another year waits), 审结日期 and 结案日期 alike one column", () => {
  const r = compile([
    {
      name: "Sheet1",
      rows: [
        ["案件类型", "收案日期", "立案日期", "结果", "审结日期", "结案日期"],
        ["行政复议", d(2025, 2, 1), d(2025, 2, 3), "维持", d(2025, 5, 1), d(2025, 5, 1)],
        ["行政复议", d(2024, 12, 29), d(2025, 1, 3), "纠正", d(2025, 4, 1), d(2025, 4, 1)],
      ],
    },
  ]);
  const [register] = r.ledger.registers;
  expect(register.as).toBe("cases");
  expect(register.ask?.立案日期.columns.map((c) => c.header)).toEqual(["收案日期", "立案日期"]);
  expect(register.columns.审结日期).toMatchObject({ header: "审结日期", same: ["结案日期"] });
  // Only the first case: 行政复议, 结果维持 (表四's first group: 维持, 纠正, 其他, 尚未审结, 总计).
  expect(r.tables.t4.slice(0, 5)).toEqual([1, 0, 0, 0, 1]);
  expect(questions(r)[0].message).toContain("其中1行");
});

test("property: a row is counted exactly when its two received dates place it alike, by the first column", () => {
  const day = fc.record({ y: fc.constantFrom(2024, 2025), m: fc.integer({ min: 1, max: 12 }) });
  fc.assert(
    fc.property(
      fc.array(fc.record({ a: day, b: day, open: fc.boolean() }), { minLength: 2, maxLength: 12 }),
      (apps) => {
        const rows = apps.map(({ a, b, open }) => [
          d(a.y, a.m, 1),
          d(b.y, b.m, 1),
          open ? null : d(2025, 12, 31),
        ]) as [Cell, Cell, Cell][];
        const r = compile([receivedLedger(rows)]);
        // By hand: the same year and the answer (31 December 2025) after both: placed alike; a differing pair
        // asks, and a row waits when its years differ; new/carry by its year, grant or fwd by the answer.
        let waiting = 0;
        const expected = { new: 0, carry: 0, grant: 0, fwd: 0 };
        for (const { a, b, open } of apps) {
          if (a.y !== b.y) {
            waiting++;
            continue;
          }
          expected[a.y === 2025 ? "new" : "carry"]++;
          expected[open ? "fwd" : "grant"]++;
        }
        const asked = apps.some(({ a, b }) => a.y !== b.y || a.m !== b.m);
        expect(waitingRows(r)).toBe(waiting);
        expect(questions(r)).toHaveLength(asked ? 1 : 0);
        for (const k of ["new", "carry", "grant", "fwd"] as const)
          expect(r.tables.t3[k]).toEqual(natural(expected[k]));
      },
    ),
    { numRuns: 40 },
  );
});
