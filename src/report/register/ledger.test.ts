/**
 * Ledgers as agencies keep them, in layouts unlike ours: a merged title row above the header, other sheet names,
 * 申请人 holding names beside 申请人类别 holding types, two-row headers with merged groups, months in separate
 * sheets, a summary sheet and a signature line, free-text outcomes and applicant types. The tables each must give
 * are counted in the test from what each row means (MEANING, written here by hand from the template's wording),
 * never by the code under test; the questions asked are counted; no row is ever counted in a cell other than its
 * meaning's, before or after answers (a property test).
 */
import fc from "fast-check";
import type { Cell, SheetData } from "../common/cells";
import { compileWorkbook } from "../compile";
import { getFormat, numberRows } from "../formats";
import { d } from "../../../test/helpers";

const FORMAT = getFormat("2021");
const COLS = ["natural", "business", "research", "social", "legal", "other"];

/** What a written applicant type means (null: the words say too little, a question). */
const APPLICANT: [string, string | null][] = [
  ["个人", "natural"],
  ["公民", "natural"],
  ["群众", "natural"],
  ["某某科技有限公司", "business"],
  ["企业", "business"],
  ["高校", "research"],
  ["某某大学", "research"],
  ["社会组织", "social"],
  ["律师", "legal"],
  ["律师事务所", "legal"],
  ["法人或其他组织", null],
];
/** What a written outcome means ("open": still being handled; null: a question). */
const OUTCOME: [string, string | null][] = [
  ["同意公开", "grant"],
  ["予以公开（已提供）", "grant"],
  ["全部公开", "grant"],
  ["部分公开（区分处理）", "partial"],
  ["不予公开（涉及商业秘密）", "d4"],
  ["不予公开（国家秘密）", "d1"],
  ["告知信息不存在", "u1"],
  ["本机关不掌握", "u1"],
  ["非本机关职责范围", "u1"],
  ["需另行制作", "u2"],
  ["属于信访举报投诉类", "n1"],
  ["重复申请，不予重复处理", "n2"],
  ["逾期未补正", "o1"],
  ["申请人撤回申请", "o3"],
  ["办理中", "open"],
  ["未办结", "open"],
  ["已答复", null],
  ["不予公开", null],
  ["无法提供", null],
];

interface Row {
  received: Date;
  applicant: string;
  outcome: string;
  concluded: Date | null;
}

/** 表三 as the rows' meanings give it: a row with a question is not counted anywhere. */
function expectedT3(rows: Row[], answers: Map<string, string> = new Map()): Record<string, number[]> {
  const meaning = (table: [string, string | null][], v: string) =>
    answers.get(v) ?? table.find(([w]) => w === v)?.[1] ?? null;
  const t3: Record<string, number[]> = {};
  for (const r of numberRows(FORMAT)) t3[r.key] = new Array(7).fill(0);
  for (const r of rows) {
    const who = meaning(APPLICANT, r.applicant);
    const what = meaning(OUTCOME, r.outcome);
    if (who === null || what === null) continue;
    const c = COLS.indexOf(who);
    const bump = (key: string) => {
      t3[key][c]++;
      t3[key][6]++;
    };
    if (r.received.getUTCFullYear() === 2025) bump("new");
    else bump("carry");
    if (what === "open") bump("fwd");
    else {
      bump(what);
      bump("total");
    }
  }
  return t3;
}

/** Rows drawn from the tables above with a seed; open ones have no 答复日期. */
function rowsFrom(seed: number, n: number): Row[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: n }, () => {
    const outcome = OUTCOME[Math.floor(next() * OUTCOME.length)][0];
    const received = d(2025, 1 + Math.floor(next() * 11), 1 + Math.floor(next() * 28));
    return {
      received,
      applicant: APPLICANT[Math.floor(next() * APPLICANT.length)][0],
      outcome,
      concluded: OUTCOME.find(([w]) => w === outcome)?.[1] === "open" ? null : d(2025, 12, 20),
    };
  });
}

/** The agency's own ledger: a merged title row, the header on row 2, names beside types, notes. */
function ownLedger(rows: Row[], name = "2025年依申请公开台账"): SheetData {
  const header = [
    "序号",
    "申请人",
    "申请人类别",
    "申请方式",
    "申请日期",
    "申请内容",
    "答复日期",
    "答复结果",
    "备注",
  ];
  return {
    name,
    rows: [
      ["某县住房和城乡建设局2025年政府信息公开申请台账", null, null, null, null, null, null, null, null],
      header,
      ...rows.map((r, i): Cell[] => [
        i + 1,
        `申请人${i}`,
        r.applicant,
        "网上申请",
        r.received,
        "某某信息",
        r.concluded,
        r.outcome,
        null,
      ]),
      ["合计", null, null, null, null, null, null, null, null],
      ["填报人：张三", null, null, null, null, null, null, null, null],
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 8 }],
  };
}

/** The same rows with a two-row header: 申请人情况 over 姓名或名称 | 类型, other columns merged down. */
function twoRowLedger(rows: Row[], name: string): SheetData {
  return {
    name,
    rows: [
      ["编号", "收件日期", "申请人情况", null, "处理结果", "办结时间"],
      [null, null, "姓名或名称", "类型", null, null],
      ...rows.map((r, i): Cell[] => [`B${i}`, r.received, `某某${i}`, r.applicant, r.outcome, r.concluded]),
    ],
    merges: [
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 1, right: 1 },
      { top: 0, left: 2, bottom: 0, right: 3 },
      { top: 0, left: 4, bottom: 1, right: 4 },
      { top: 0, left: 5, bottom: 1, right: 5 },
    ],
  };
}

const questions = (rows: Row[]) =>
  new Set(
    rows.flatMap((r) => [
      ...(APPLICANT.find(([w]) => w === r.applicant)?.[1] === null ? [`申请人类型:${r.applicant}`] : []),
      ...(OUTCOME.find(([w]) => w === r.outcome)?.[1] === null ? [`办理结果:${r.outcome}`] : []),
    ]),
  );

describe("a ledger in the agency's own layout", () => {
  const rows = rowsFrom(7, 40);

  test("found by its content: the title row skipped, 申请人 (names) told from 申请人类别 (types)", () => {
    const r = compileWorkbook({ sheets: [ownLedger(rows)] }, { year: 2025 });
    expect(r.ledger.registers).toEqual([
      expect.objectContaining({
        sheet: "2025年依申请公开台账",
        as: "applications",
        headerRow: 2,
        columns: expect.objectContaining({
          收到日期: { index: 4, header: "申请日期" },
          申请人类型: { index: 2, header: "申请人类别" },
          办理结果: { index: 7, header: "答复结果" },
          办结日期: { index: 6, header: "答复日期" },
        }),
      }),
    ]);
    expect(r.tables.t3).toEqual(expectedT3(rows));
    // One question per ambiguous value, however many rows carry it; each of its rows named with the question.
    expect(new Set(r.ledger.pending.map((p) => `${p.field}:${p.value}`))).toEqual(questions(rows));
    // Every row with a question is named (a row with two questions, twice).
    const asked = rows.reduce((n, x) => n + questions([x]).size, 0);
    expect(r.rowIssues.filter((i) => i.kind === "pending").length).toBe(asked);
    // Each question offers the answers that fit: 不予公开 alone, the template's eight 不予公开 items.
    for (const p of r.ledger.pending) expect(p.choices.length).toBeGreaterThan(1);
    const deny = r.ledger.pending.find((p) => p.value === "不予公开");
    expect(deny?.choices).toEqual(
      FORMAT.t3.rows.filter((x) => x.group === "deny").map((x) => `（三）不予公开${x.label}`),
    );
    for (const i of r.rowIssues.filter((x) => x.kind === "pending")) {
      expect(i.sheet).toBe("2025年依申请公开台账");
      expect(i.message).toMatch(/对应关系/);
    }
    // The 合计 and 填报人 lines are no applications, and no errors.
    expect(r.rowIssues.filter((i) => i.kind !== "pending" && i.severity === "error")).toEqual([]);
  });

  test("answers in a 对应关系 sheet are taken; then nothing is pending and every row counts", () => {
    const answers = new Map([
      ["法人或其他组织", "business"],
      ["已答复", "grant"],
      ["不予公开", "d4"],
      ["无法提供", "u1"],
    ]);
    const table = [
      ["项目", "台账中的写法", "对应为"],
      ["申请人类型", "法人或其他组织", "商业企业"],
      ["办理结果", "已答复", "（一）予以公开"],
      ["办理结果", "不予公开", "不予公开-保护第三方合法权益"],
      ["办理结果", "无法提供", "u1"],
    ];
    const r = compileWorkbook(
      { sheets: [ownLedger(rows), { name: "对应关系", rows: table }] },
      { year: 2025 },
    );
    expect(r.ledger.pending).toEqual([]);
    expect(r.tables.t3).toEqual(expectedT3(rows, answers));
    expect(r.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
  });

  test("months in separate sheets, two-row headers with merged groups, a summary sheet ignored", () => {
    const jan = rows.slice(0, 15);
    const feb = rows.slice(15);
    const summary = {
      name: "汇总",
      rows: [
        ["月份", "件数"],
        ["1月", 15],
        ["2月", 25],
      ],
    };
    const r = compileWorkbook(
      { sheets: [twoRowLedger(jan, "1月"), twoRowLedger(feb, "2月"), summary] },
      { year: 2025 },
    );
    expect(r.ledger.registers.map((x) => [x.sheet, x.headerRow, x.columns.申请人类型?.header])).toEqual([
      ["1月", 2, "申请人情况｜类型"],
      ["2月", 2, "申请人情况｜类型"],
    ]);
    expect(r.ledger.ignored).toEqual(["汇总"]);
    expect(r.tables.t3).toEqual(expectedT3(rows));
    // Each question asked once across both sheets.
    expect(new Set(r.ledger.pending.map((p) => `${p.field}:${p.value}`))).toEqual(questions(rows));
    const issueSheets = new Set(r.rowIssues.filter((i) => i.kind === "pending").map((i) => i.sheet));
    for (const s of issueSheets) expect(["1月", "2月"]).toContain(s);
  });

  test("a number of a register kept on several sheets is explained by the rows of each sheet, named by sheet", () => {
    const jan = rows.slice(0, 15);
    const feb = rows.slice(15);
    const r = compileWorkbook(
      { sheets: [twoRowLedger(jan, "1月"), twoRowLedger(feb, "2月")] },
      { year: 2025, explain: true },
    );
    const meaning = (table: [string, string | null][], v: string) => table.find(([w]) => w === v)?.[1];
    for (const [key, column] of [
      ["grant", "natural"],
      ["new", "natural"],
      ["u1", "business"],
    ]) {
      const c = COLS.indexOf(column);
      const e = r.explainer?.explain({ table: "t3", row: key, column: c });
      // By hand: the rows of each month whose words mean this cell (data from Excel row 3, under two header rows).
      const want = (
        [
          ["1月", jan],
          ["2月", feb],
        ] as const
      ).flatMap(([sheet, list]) =>
        list.flatMap((row, i) => {
          const who = meaning(APPLICANT, row.applicant);
          const what = meaning(OUTCOME, row.outcome);
          if (who !== column || what === null || what === undefined) return [];
          return key === "new" || what === key ? [`${sheet}:${i + 3}`] : [];
        }),
      );
      expect(e?.rows.map((x) => `${x.sheet}:${x.row}`)).toEqual(want);
      expect(e?.rows.length).toBe(r.tables.t3[key][c]);
    }
  });

  test("a two-row header from a host that does not say where the merges are (Office.js, WPS) reads the same", () => {
    const jan = rowsFrom(11, 30);
    const bare = (sheet: SheetData): SheetData => ({ name: sheet.name, rows: sheet.rows });
    const r = compileWorkbook({ sheets: [bare(twoRowLedger(jan, "台账"))] }, { year: 2025 });
    expect(r.ledger.registers.map((x) => [x.sheet, x.headerRow, x.columns.申请人类型?.header])).toEqual([
      ["台账", 2, "申请人情况｜类型"],
    ]);
    expect(Object.keys(r.ledger.registers[0].columns).sort()).toEqual(
      ["编号", "收到日期", "申请人类型", "办理结果", "办结日期"].sort(),
    );
    expect(r.tables.t3).toEqual(expectedT3(jan));
  });

  test("a 对应关系 row that maps to what the register does not accept, or a value mapped twice, is refused naming its row", () => {
    const bad = (table: Cell[][]) => () =>
      compileWorkbook({ sheets: [ownLedger(rows), { name: "对应关系", rows: table }] }, { year: 2025 });
    expect(
      bad([
        ["项目", "台账中的写法", "对应为"],
        ["办理结果", "已答复", "已经答复了"],
      ]),
    ).toThrow(/「对应关系」第2行：「已经答复了」不是登记表接受的办理结果/);
    expect(
      bad([
        ["项目", "台账中的写法", "对应为"],
        ["办理结果", "已答复", "grant"],
        ["办理结果", "已答复", "partial"],
      ]),
    ).toThrow(/「对应关系」第3行：「已答复」在第2行已对应为另一项/);
  });

  test("property: a row is counted only in its meaning's cells, before and after answers", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e6 }),
        fc.integer({ min: 1, max: 60 }),
        fc.boolean(),
        (seed, n, answer) => {
          const rs = rowsFrom(seed, n);
          const answers = answer
            ? new Map([
                ["已答复", "partial"],
                ["法人或其他组织", "legal"],
              ])
            : new Map();
          const table = [
            ["项目", "台账中的写法", "对应为"],
            ...[...answers].map(([w, k]) => [w === "法人或其他组织" ? "申请人类型" : "办理结果", w, k]),
          ];
          const r = compileWorkbook(
            { sheets: [ownLedger(rs, "台账"), ...(answer ? [{ name: "对应关系", rows: table }] : [])] },
            { year: 2025 },
          );
          expect(r.tables.t3).toEqual(expectedT3(rs, answers));
        },
      ),
      { numRuns: 60 },
    );
  });
});
