import { appRows, d, workbook } from "../../test/helpers";
import { checkTables } from "./tables/checks";
import { compileWorkbook, UnusableInputError } from "./compile";
import { getFormat, outcomeRows } from "./formats";
import { sampleWorkbook } from "./sample";
import { ISSUE_KINDS, SHEETS } from "./register/registers";

describe("compiling a whole workbook", () => {
  test("the sample workbook: clean, every outcome at least once, carry-over, cases, 表二", () => {
    const r = compileWorkbook(sampleWorkbook());
    expect(r.rowIssues).toEqual([]);
    expect(r.checks).toEqual([]);
    const t = r.tables;
    expect([t.format, t.year, t.agency]).toEqual(["2021", 2025, "云溪区住房和城乡建设局"]);
    for (const o of outcomeRows(getFormat("2021"))) expect(t.t3[o.key][6]).toBeGreaterThan(0);
    expect(t.t3.carry[6]).toBeGreaterThan(0);
    expect(t.t3.fwd[6]).toBeGreaterThan(0);
    expect(t.t3.new.slice(0, 6).filter((v) => (v ?? 0) > 0).length).toBeGreaterThanOrEqual(4);
    expect(t.t4[4]).toBeGreaterThan(0);
    expect((t.t4[9] ?? 0) + (t.t4[14] ?? 0)).toBeGreaterThan(0);
    expect(t.t2).toEqual({
      rules: [0, 0, 0],
      normative: [3, 1, 13],
      licensing: 1260,
      penalty: 87,
      coercion: 4,
      feesWanYuan: 0,
    });
    expect(r.stats.applications?.rows).toBeGreaterThanOrEqual(140);
    expect(r.stats.applications?.rows).toBeLessThanOrEqual(170);
    expect(r.info.selfName).toBe("本局");
    expect(Object.keys(r.sentences)).toEqual([
      "s2.active",
      "s2.published",
      "s3.requests",
      "s3.outcomes",
      "s4.cases",
      "s6.fees",
    ]);
  });

  test("year and format: options, then 报告信息, then the year's own format", () => {
    const wb = sampleWorkbook();
    expect(compileWorkbook(wb, { year: 2024 }).tables.format).toBe("2021");
    const info = wb.sheets.find((s) => s.name === SHEETS.info);
    if (!info) throw new Error("sample has 报告信息");
    info.rows = info.rows.filter((r) => r[0] !== "报告年度" && r[0] !== "报告格式");
    expect(compileWorkbook(wb, { today: new Date(Date.UTC(2026, 0, 10)) }).tables.year).toBe(2025);
    expect(compileWorkbook(wb, { year: 2020 }).tables.format).toBe("2019");
    expect(compileWorkbook(wb, { year: 2017 }).tables.format).toBe("2008");
    const r2019 = compileWorkbook(wb, { year: 2025, format: "2019" });
    expect(r2019.tables.t3.o).toBeDefined();
    expect(r2019.tables.t3.o1).toBeUndefined();
  });

  test("the legacy format counts 主动公开 by category from 主动公开信息登记", () => {
    const r = compileWorkbook(sampleWorkbook({ format: getFormat("2008") }), { format: "2008" });
    expect(r.tables.t2).toEqual({
      normative: 3,
      news: 30,
      enforcement: 0,
      approval: 0,
      finance: 4,
      personnel: 3,
      keyAreas: 12,
      annualReport: 1,
    });
    expect(r.sentences["s3.channels"]).toMatch(
      /^2025年，通过政府网站、.*主动公开政府信息53条。其中：规范性文件3条，工作动态30条，/,
    );
  });

  test("上年结转 from 报告信息 when the register holds no earlier applications", () => {
    const apps = [{ received: d(2025, 3, 1), type: "自然人", outcome: "grant", concluded: d(2025, 3, 9) }];
    const info = {
      name: "报告信息",
      rows: [
        ["项目", "内容"],
        ["上年结转-自然人", 2],
        ["上年结转（商业企业）", 1],
      ],
    };
    const r = compileWorkbook(workbook(apps, [], [info]), { year: 2025 });
    expect(r.tables.t3.carry).toEqual([2, 1, 0, 0, 0, 0, 3]);
    // Those carried applications have no outcome in the register, and P1 says so.
    expect(r.checks.map((c) => c.rule)).toContain("P1");
    // With earlier applications in the register, the register wins and a difference is a warning.
    const apps2 = [...apps, { received: d(2024, 12, 20), type: "自然人" }];
    const r2 = compileWorkbook(workbook(apps2, [], [info]), { year: 2025 });
    expect(r2.tables.t3.carry).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(r2.rowIssues.map((i) => i.kind)).toContain("disagreement");
    expect(checkTables(r2.tables).filter((c) => c.severity === "error")).toEqual([]);
  });

  test("the 主动公开 grid is read by its labels, wherever it sits, and 文件登记 fills its blanks", () => {
    const grid = [
      [null, null],
      [null, "第二十条第（一）项"],
      [null, "信息内容", "本年废止件数", "本年制发件数", "现行有效件数"],
      [null, "规章", 0, 1, 5],
      [null, "规范性文件", null, null, null],
      [null, "行政许可", "1,200"],
      [null, "行政处罚", "很多"],
      [null, "行政事业性收费", 12.5],
    ];
    const docs = [
      ["文号", "类型", "印发日期", "废止日期"],
      ["A", "规范性文件", d(2025, 2, 1), null],
      ["B", "行政规范性文件", d(2020, 2, 1), d(2025, 6, 1)],
      ["C", "规章", d(2025, 2, 1), null],
      ["D", "规章", d(2019, 2, 1), null],
    ];
    const r = compileWorkbook(
      workbook(
        [],
        [],
        [
          { name: "主动公开", rows: grid },
          { name: "文件登记", rows: docs },
        ],
      ),
      { year: 2025 },
    );
    expect(r.tables.t2).toEqual({
      rules: [1, 0, 5],
      normative: [1, 1, 1],
      licensing: 1200,
      penalty: null,
      coercion: null,
      feesWanYuan: 12.5,
    });
    expect(r.rowIssues.map((i) => [i.sheet, i.row, i.kind])).toEqual([
      ["主动公开", 7, "badNumber"],
      ["主动公开", 0, "disagreement"],
    ]);
    expect(r.rowIssues[1].message).toContain("规章现行有效件数");
    expect(r.checks.filter((c) => c.rule === "F2").map((c) => c.where)).toEqual([
      "t2.penalty.decisions",
      "t2.coercion.decisions",
    ]);
  });

  test("a workbook with no register sheet is unusable, with a Chinese message naming the sheets", () => {
    expect(() => compileWorkbook({ sheets: [{ name: "Sheet1", rows: [["a"]] }] })).toThrow(
      UnusableInputError,
    );
    expect(() => compileWorkbook({ sheets: [{ name: "Sheet1", rows: [] }] })).toThrow(
      /依申请公开登记.*现有工作表：Sheet1/,
    );
  });

  test("sheets and headers are found by name with aliases, in any column order, extra columns ignored", () => {
    const r = compileWorkbook(
      {
        sheets: [
          {
            name: "依申请公开登记表",
            rows: [
              ["备注", "答复日期", "申请人类别", "多余的列", "收到申请日期", "答复结果"],
              ["x", d(2025, 5, 2), "企业", "?", d(2025, 5, 1), "d8"],
            ],
          },
        ],
      },
      { year: 2025 },
    );
    expect(r.tables.t3.d8).toEqual([0, 1, 0, 0, 0, 0, 1]);
  });

  test("every kind of row issue is reported somewhere, each with sheet, column and a Chinese message", () => {
    const apps = [
      { id: "1", received: d(2025, 1, 1), type: "自然人", outcome: "其他处理", concluded: d(2025, 1, 2) },
      { id: "1", received: d(2025, 1, 1), type: "星人", outcome: "grant", concluded: d(2024, 1, 2) },
      { received: "昨天", type: null, outcome: "grant", fee: "见票据" },
      { received: d(2025, 2, 1), type: "自然人", outcome: "grant", concluded: d(2025, 2, 2), fee: "见票据" },
      { received: { error: "#REF!" }, type: "自然人", concluded: d(2025, 1, 2) },
    ];
    const info = {
      name: "报告信息",
      rows: [
        ["项目", "内容"],
        ["上年结转-自然人", 9],
      ],
    };
    const grid = { name: "主动公开", rows: [["规章", 1, 0, 1]] };
    const docs = {
      name: "文件登记",
      rows: [
        ["文号", "类型", "印发日期"],
        ["x", "规章", d(2020, 1, 1)],
      ],
    };
    const r = compileWorkbook(
      {
        sheets: [
          {
            name: "依申请公开登记",
            rows: appRows(apps),
          },
          { name: "复议诉讼登记", rows: [["编号", "类型"]] },
          info,
          grid,
          docs,
        ],
      },
      { year: 2025 },
    );
    // "pending" comes only from a ledger read by its content (register/ledger.test.ts), never from our layout.
    expect(new Set(r.rowIssues.map((i) => i.kind))).toEqual(
      new Set(ISSUE_KINDS.filter((k) => k !== "missingSheet" && k !== "pending")),
    );
    const noSheets = compileWorkbook({ sheets: [{ name: "主动公开", rows: [] }] }, { year: 2025 });
    expect(noSheets.rowIssues.map((i) => i.kind)).toContain("missingSheet");
    for (const i of [...r.rowIssues, ...noSheets.rowIssues]) {
      expect(i.sheet).not.toBe("");
      expect(i.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
