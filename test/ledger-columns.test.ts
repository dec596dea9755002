/**
 * #29 item 3 end to end: an agency's own ledger's columns beside the deciding ones (a fee, a yes/no 是否收费, a
 * note, a 序号, prose under a fee header, two columns of amounts) confirmed by their values, from
 * test/corpus/ledger-headers.json, in ledgers written as .xlsx by the project's writer, as CSV, and saved by
 * LibreOffice Calc; compiled as the command line does. Every row of every ledger is an application whose meaning
 * is written here by hand, so 表三 is counted here from the rows, never by the code under test: no row is lost
 * and no error is made for a column that does not decide where a row is counted. The issue's own ledger (a title
 * row, 60 applications, 是否收费 holding 是/否) gives all 60, the fee unknown, no error; a column that holds back
 * more than a fifth of the rows is said first. A property test fills the side columns with junk: 表三 never moves.
 */
import fc from "fast-check";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import corpus from "./corpus/ledger-headers.json";
import type { Cell, WorkbookData } from "../src/report/common/cells";
import { compileWorkbook } from "../src/report/compile";
import type { CompileResult } from "../src/report/compile";
import { readWorkbook } from "../src/workbook/read";
import { workbookBuffer } from "../src/workbook/write";
import { main } from "../src/cli/main";
import { sofficeAll } from "./office";
import { needs } from "./tools";

interface Column {
  text: string;
  values: (string | number)[];
  meaning?: string;
}
interface Variant extends Column {
  meaning: string;
  fee: number | "unknown";
  between?: string[];
  beside?: Column;
  /** A second column for a deciding field: the field, and the test ledger's own column it stands beside. */
  field?: string;
  against?: string;
  /** Rows that wait until the question is answered (worked out by hand). */
  held?: number;
  seen: string;
}
const VARIANTS = corpus.variants as Variant[];
const FEE = "信息处理费（元）";
const COLS = ["natural", "business", "research", "social", "legal", "other"];
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

/** A ledger as offices keep it: a title row, then the header, then one row per application. */
function variantLedger(v: Variant): Cell[][] {
  const extra = [v, ...(v.beside ? [v.beside] : [])];
  const n = Math.max(3, ...extra.map((c) => c.values.length));
  const rows: Cell[][] = [
    ["某局2025年政府信息公开申请办理台账"],
    ["申请人", "申请人类型", "申请日期", "答复日期", "答复结果", ...extra.map((c) => c.text)],
  ];
  for (let i = 0; i < n; i++)
    rows.push([
      `申请人${i + 1}`,
      "个人",
      utc(2025, 3, i + 1),
      utc(2025, 4, i + 1),
      "同意公开",
      ...extra.map((c) => c.values[i] ?? ""),
    ]);
  return rows;
}

/** 表三's rows as n applications of 个人, all 同意公开, received and answered in 2025 give them. */
const allGranted = (n: number) => [n, 0, 0, 0, 0, 0, n];

/** A CSV export: every value as text, dates as ISO dates, a field with a comma or a quote quoted. */
function csvOf(rows: Cell[][]): Uint8Array {
  const field = (v: Cell) => {
    const t = v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? "");
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  const text = rows.map((r) => r.map(field).join(",")).join("\r\n");
  return new TextEncoder().encode("\ufeff" + text + "\r\n");
}

/**
 * A second column for a deciding field: the same values are one column (the ledger's own, the other named as
 * the same), a column that is not the field is not read, and two that differ are one question naming both —
 * an error only where rows wait (the issue says how many), a 提示 where no row's count hangs on it.
 */
function expectDeciding(v: Variant, r: CompileResult) {
  const [register] = r.ledger.registers;
  const field = v.field as string;
  const question = r.rowIssues.filter((i) => i.kind === "pending");
  if (v.meaning === "ask") {
    expect(register.columns[field]).toBeUndefined();
    expect(register.ask?.[field]?.columns.map((c) => c.header)).toEqual(v.between);
    expect(register.ask?.[field]?.held).toBe(v.held);
    expect(r.ledger.pending.map((p) => [p.field, p.value, p.choices])).toEqual(
      (v.between ?? []).map((h) => ["列", h, [field, "忽略"]]),
    );
    expect(question).toHaveLength(1);
    expect(question[0]).toMatchObject({ row: 0, column: field, severity: v.held ? "error" : "warning" });
    for (const h of v.between ?? []) expect(question[0].message).toContain(`「${h}」`);
    if (v.held) expect(question[0].message).toContain(`其中${v.held}行`);
    // Said once, first among the issues after the columns that hold many rows back.
    expect(r.rowIssues[0]).toBe(question[0]);
  } else {
    expect(question).toEqual([]);
    expect(r.ledger.pending).toEqual([]);
    expect(register.ask).toBeUndefined();
    expect(register.columns[field]?.header).toBe(v.against);
    expect(register.columns[field]?.same).toEqual(v.meaning === "same" ? [v.text] : undefined);
  }
}

/** What a compile must say of a variant's column, and its numbers. */
function expectVariant(v: Variant, r: CompileResult, all: number) {
  const where = `${v.text} ${JSON.stringify(v.values)}`;
  const rows = all - (v.held ?? 0);
  const errors = r.rowIssues.filter((i) => i.severity === "error" && !(i.kind === "pending" && i.row === 0));
  expect({ where, errors }).toEqual({ where, errors: [] });
  expect(r.tables.t3.new).toEqual(allGranted(rows));
  expect(r.tables.t3.grant).toEqual(allGranted(rows));
  expect(r.stats.applications).toEqual({ rows, counted: rows, excluded: 0, carried: 0 });
  expect({ where, fee: r.tables.feeYuan }).toEqual({ where, fee: v.fee === "unknown" ? null : v.fee });
  const [register] = r.ledger.registers;
  const headerOf = (field: string) => register.columns[field]?.header;
  const fieldOf = (header: string) =>
    Object.entries(register.columns).find(([, c]) => c.header === header)?.[0];
  if (v.field) expectDeciding(v, r);
  else if (v.meaning === "ask") {
    expect(fieldOf(v.text)).toBeUndefined();
    expect(r.ledger.pending.map((p) => [p.field, p.value, p.choices])).toEqual(
      (v.between ?? []).map((h) => ["列", h, [FEE, "忽略"]]),
    );
    const note = r.rowIssues.find((i) => i.kind === "feeUnknown")?.message ?? "";
    for (const h of v.between ?? []) expect(note).toContain(`「${h}」`);
  } else if (v.meaning === "flag") expect(headerOf("是否收费")).toBe(v.text);
  else if (v.meaning === "none") expect(fieldOf(v.text)).toBeUndefined();
  else expect(headerOf(v.meaning)).toBe(v.text);
  if (v.field && v.meaning !== "same") expect(fieldOf(v.text)).toBeUndefined();
  if (v.beside?.meaning) expect(headerOf(v.beside.meaning)).toBe(v.beside.text);
  // The 提示 on the fee says why it is unknown, once.
  if (v.fee === "unknown")
    expect(r.rowIssues.filter((i) => i.kind === "feeUnknown" && i.row === 0)).toHaveLength(1);
  else expect(r.rowIssues.filter((i) => i.kind === "feeUnknown")).toEqual([]);
  expect(r.sentences["s6.fees"] === undefined).toBe(v.fee === "unknown");
}

const rowsOf = (v: Variant) => variantLedger(v).length - 2;

describe("each column of the corpus, in a ledger written as .xlsx and as CSV", () => {
  test("the corpus names every kind, each variant with where it was seen", () => {
    const kinds = new Set(VARIANTS.map((v) => v.meaning));
    for (const k of [FEE, "flag", "none", "ask", "编号", "备注"]) expect(kinds).toContain(k);
    for (const v of VARIANTS) expect(v.seen).toMatch(/\S/);
    // A second column for each deciding field: the same, not it, and asked, with and without rows waiting.
    for (const field of ["收到日期", "办结日期", "办理结果", "申请人类型"]) {
      const of = VARIANTS.filter((v) => v.field === field);
      expect(new Set(of.map((v) => v.meaning))).toEqual(
        new Set(field === "申请人类型" ? ["same", "ask"] : ["same", "none", "ask"]),
      );
      expect(of.some((v) => (v.held ?? 0) > 0)).toBe(true);
    }
  });

  test.each(VARIANTS.map((v, i) => [`${i + 1} ${v.text} → ${v.meaning}`, v] as const))("%s", async (_, v) => {
    const rows = variantLedger(v);
    const xlsx = await readWorkbook(await workbookBuffer({ sheets: [{ name: "台账", rows }] }), "台账.xlsx");
    expectVariant(v, compileWorkbook(xlsx, { year: 2025 }), rowsOf(v));
    const csv = await readWorkbook(csvOf(rows), "台账.csv");
    expectVariant(v, compileWorkbook(csv, { year: 2025 }), rowsOf(v));
  });

  test("two columns of amounts, answered in 对应关系: the one named is the fee, the other ignored", () => {
    const v = VARIANTS.find((x) => x.meaning === "ask" && !x.field) as Variant;
    const [a, b] = v.between ?? [];
    const answered = (target: string, other: string) =>
      compileWorkbook(
        {
          sheets: [
            { name: "台账", rows: variantLedger(v) },
            {
              name: "对应关系",
              rows: [
                ["项目", "台账中的写法", "对应为"],
                ["列", target, FEE],
                ...(other ? [["列", other, "忽略"]] : []),
              ],
            },
          ],
        },
        { year: 2025 },
      );
    for (const [target, other] of [
      [a, ""],
      [b, a],
    ]) {
      const r = answered(target, other);
      expect(r.ledger.pending).toEqual([]);
      expect(r.ledger.registers[0].columns[FEE]?.header).toBe(target);
      // Both columns hold 0, 100, 0: the fee is 100 whichever is named.
      expect(r.tables.feeYuan).toBe(100);
      expect(r.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
    }
  });
});

/** The issue's ledger: 60 applications, a title row, 是否收费 holding 是/否, notes; meanings written by hand. */
const APPLICANTS: [string, string][] = [
  ["个人", "natural"],
  ["企业", "business"],
  ["律师", "legal"],
];
const OUTCOMES: [string, string][] = [
  ["同意公开", "grant"],
  ["部分公开（区分处理）", "partial"],
  ["告知信息不存在", "u1"],
  ["办理中", "open"],
];
function issueLedger(dates: (i: number) => Cell = (i) => utc(2025, 1 + (i % 12), 1 + (i % 27))): Cell[][] {
  const rows: Cell[][] = [
    ["某区教育局2025年政府信息公开申请登记台账"],
    ["序号", "申请人", "申请人类型", "申请内容", "申请时间", "答复时间", "答复结果", "是否收费", "备注"],
  ];
  for (let i = 0; i < 60; i++) {
    const [type] = APPLICANTS[i % 3];
    const [outcome, key] = OUTCOMES[i % 4];
    const received = utc(2025, 1 + (i % 12), 1 + (i % 27));
    const answered = key === "open" ? null : new Date(received.getTime() + 10 * 86400000);
    rows.push([
      i + 1,
      `申请人${i + 1}`,
      type,
      `第${i + 1}项信息`,
      dates(i),
      answered && answered.getUTCFullYear() === 2025 ? answered : null,
      answered && answered.getUTCFullYear() === 2025 ? outcome : "办理中",
      i % 10 === 0 ? "是" : "否",
      i % 7 === 0 ? "申请人来电询问进度" : "",
    ]);
  }
  return rows;
}

/** 表三 from the issue ledger's rows by their meanings (not the tool's reading). */
function issueExpected(rows: Cell[][]) {
  const t3: Record<string, number[]> = {};
  const bump = (k: string, c: number) => {
    t3[k] ??= new Array(7).fill(0);
    t3[k][c]++;
    t3[k][6]++;
  };
  for (const row of rows.slice(2)) {
    const c = COLS.indexOf(APPLICANTS.find(([w]) => w === row[2])?.[1] as string);
    const key = OUTCOMES.find(([w]) => w === row[6])?.[1] as string;
    bump("new", c);
    bump(key === "open" ? "fwd" : key, c);
  }
  return t3;
}

describe("the issue's ledger: a title row and 是否收费 (是/否), 60 applications", () => {
  const rows = issueLedger();
  const expected = issueExpected(rows);

  const check = (r: CompileResult) => {
    for (const [k, v] of Object.entries(expected)) expect([k, r.tables.t3[k]]).toEqual([k, v]);
    expect(r.tables.t3.new[6]).toBe(60);
    expect(r.stats.applications).toEqual({ rows: 60, counted: 60, excluded: 0, carried: 0 });
    expect(r.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
    expect(r.tables.feeYuan).toBeNull();
    expect(r.rowIssues.filter((i) => i.kind === "feeUnknown").map((i) => i.message)).toEqual([
      "台账只有「是否收费」一列，没有金额，信息处理费无法统计（报告中不写信息处理费金额，请自行填写）",
    ]);
    expect(r.ledger.registers[0].columns.是否收费?.header).toBe("是否收费");
    expect(r.ledger.registers[0].columns[FEE]).toBeUndefined();
    expect(r.sentences["s6.fees"]).toBeUndefined();
  };

  test("as .xlsx and as CSV: all 60 counted, the fee unknown (a 提示), no error", async () => {
    check(
      compileWorkbook(
        await readWorkbook(await workbookBuffer({ sheets: [{ name: "台账", rows }] }), "台账.xlsx"),
        { year: 2025 },
      ),
    );
    check(compileWorkbook(await readWorkbook(csvOf(rows), "台账.csv"), { year: 2025 }));
  });

  test("a column that holds back more than a fifth of the rows is said first, before any row's line", async () => {
    // 48 of the 60 dates written so that no day can be read from them (no year, no day).
    const odd = ["3月5号", "二〇二五年三月"];
    const bad = issueLedger((i) => (i < 48 ? odd[i % 2] : utc(2025, 1 + (i % 12), 1 + (i % 27))));
    const r = compileWorkbook({ sheets: [{ name: "台账", rows: bad }] }, { year: 2025 });
    expect(r.rowIssues[0]).toMatchObject({
      kind: "columnUnread",
      severity: "error",
      column: "收到日期",
      message:
        "「收到日期」列（表头写作「申请时间」）有48行的值无法读取（如「3月5号」「二〇二五年三月」），这些行未计入；请检查这一列",
    });
    expect(r.rowIssues.filter((i) => i.kind === "columnUnread")).toHaveLength(1);
    expect(r.stats.applications).toMatchObject({ rows: 60, counted: 12, excluded: 48 });
    // The command line says it first too: the first line under 登记表问题, and the first of --json's rowIssues.
    const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-cols-"));
    try {
      const file = path.join(dir, "台账.xlsx");
      writeFileSync(file, await workbookBuffer({ sheets: [{ name: "台账", rows: bad }] }));
      let out = "";
      await main(["compile", file, "--year", "2025"], { out: (s) => (out += s), err: () => undefined });
      const lines = out.split("\n");
      const head = lines.findIndex((l) => l.startsWith("登记表问题"));
      expect(lines[head + 1]).toContain("「收到日期」列（表头写作「申请时间」）有48行的值无法读取");
      let json = "";
      await main(["compile", file, "--year", "2025", "--json"], {
        out: (s) => (json += s),
        err: () => undefined,
      });
      expect(JSON.parse(json).rowIssues[0].kind).toBe("columnUnread");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a fifth or fewer held back by one column: no column line, each row named as before", () => {
    const bad = issueLedger((i) => (i < 12 ? "3月5号" : utc(2025, 1 + (i % 12), 1 + (i % 27))));
    const r = compileWorkbook({ sheets: [{ name: "台账", rows: bad }] }, { year: 2025 });
    expect(r.rowIssues.filter((i) => i.kind === "columnUnread")).toEqual([]);
    expect(r.rowIssues.filter((i) => i.kind === "badDate")).toHaveLength(12);
  });
});

const lo = needs("sofficeCalc");
lo.test(
  "ledgers saved by LibreOffice Calc: the issue's and each corpus column read the same",
  async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-cols-lo-"));
    try {
      const src = path.join(dir, "src");
      const out = path.join(dir, "out");
      mkdirSync(src);
      mkdirSync(out);
      const files = [path.join(src, "issue.xlsx")];
      writeFileSync(files[0], await workbookBuffer({ sheets: [{ name: "台账", rows: issueLedger() }] }));
      for (const [i, v] of VARIANTS.entries()) {
        const f = path.join(src, `v${i}.xlsx`);
        writeFileSync(f, await workbookBuffer({ sheets: [{ name: "台账", rows: variantLedger(v) }] }));
        files.push(f);
      }
      const saved = sofficeAll(files, "xlsx", out);
      const read = async (f: string) => readWorkbook(readFileSync(f), path.basename(f));
      const issue = compileWorkbook(await read(saved[0]), { year: 2025 });
      expect(issue.stats.applications).toEqual({ rows: 60, counted: 60, excluded: 0, carried: 0 });
      expect(issue.tables.feeYuan).toBeNull();
      expect(issue.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
      for (const [i, v] of VARIANTS.entries())
        expectVariant(v, compileWorkbook(await read(saved[i + 1]), { year: 2025 }), rowsOf(v));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
  300000,
);

describe("a side column never changes 表三 (property)", () => {
  const junk = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      "是",
      "否",
      "√",
      "×",
      "免费",
      "见票据",
      "#N/A",
      "合计",
      "—",
      "100元/件",
      "二〇二五年",
      "已答复",
    ),
    fc.integer({ min: -1000, max: 100000 }),
    fc.double({ noNaN: true }),
    fc.constant(null),
  );
  const sides = ["序号", "申请内容", "是否收费", "信息处理费（元）", "承办科室", "备注"];

  test("junk in 序号, 申请内容, 是否收费, 信息处理费, 承办科室 and 备注 — on the rows and on rows of their own", () => {
    const base = issueLedger();
    const expected = issueExpected(base);
    fc.assert(
      fc.property(
        fc.array(fc.array(junk, { minLength: sides.length, maxLength: sides.length }), {
          minLength: 60,
          maxLength: 60,
        }),
        fc.array(fc.array(junk, { minLength: sides.length, maxLength: sides.length }), { maxLength: 5 }),
        (cells, extraRows) => {
          const header = [
            "序号",
            "申请人",
            "申请人类型",
            "申请内容",
            "申请时间",
            "答复时间",
            "答复结果",
            "是否收费",
            "信息处理费（元）",
            "承办科室",
            "备注",
          ];
          const at = (name: string) => header.indexOf(name);
          const rows: Cell[][] = [base[0], header];
          base.slice(2).forEach((r, i) => {
            const row: Cell[] = [null, r[1], r[2], null, r[4], r[5], r[6], null, null, null, null];
            sides.forEach((s, k) => (row[at(s)] = cells[i][k]));
            rows.push(row);
          });
          // Rows with nothing but side columns (a 合计 of the fees, a footnote): no application, no error.
          for (const extra of extraRows) {
            const row: Cell[] = new Array(header.length).fill(null);
            sides.forEach((s, k) => (row[at(s)] = extra[k]));
            rows.push(row);
          }
          const workbook: WorkbookData = { sheets: [{ name: "台账", rows }] };
          const r = compileWorkbook(workbook, { year: 2025 });
          for (const [k, v] of Object.entries(expected)) expect(r.tables.t3[k]).toEqual(v);
          expect(r.stats.applications?.counted).toBe(60);
          expect(r.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });

  test("junk in our own register's 编号, 信息处理费（元） and 备注: the same 表三, no error", () => {
    // Our layout (依申请公开登记 with our headers): 20 applications whose meanings are written here.
    const apps = Array.from({ length: 20 }, (_, i) => ({
      received: utc(2025, 1 + (i % 12), 1 + i),
      type: ["自然人", "商业企业", "法律服务机构"][i % 3],
      outcome: i % 4 === 3 ? null : ["grant", "partial", "u1"][i % 4],
      concluded: i % 4 === 3 ? null : utc(2025, 1 + (i % 12), 2 + i),
    }));
    const expected: Record<string, number[]> = {};
    for (const [i, a] of apps.entries()) {
      const col = COLS.indexOf(["natural", "business", "legal"][i % 3]);
      for (const k of ["new", a.outcome ?? "fwd"]) {
        expected[k] ??= new Array(7).fill(0);
        expected[k][col]++;
        expected[k][6]++;
      }
    }
    fc.assert(
      fc.property(
        fc.array(fc.tuple(junk, junk, junk), { minLength: 20, maxLength: 20 }),
        fc.array(fc.tuple(junk, junk, junk), { maxLength: 5 }),
        (cells, extraRows) => {
          const rows: Cell[][] = [["编号", "收到日期", "申请人类型", "办理结果", "办结日期", FEE, "备注"]];
          apps.forEach((a, i) =>
            rows.push([cells[i][0], a.received, a.type, a.outcome, a.concluded, cells[i][1], cells[i][2]]),
          );
          for (const [id, fee, note] of extraRows) rows.push([id, null, null, null, null, fee, note]);
          const r = compileWorkbook({ sheets: [{ name: "依申请公开登记", rows }] }, { year: 2025 });
          for (const [k, v] of Object.entries(expected)) expect(r.tables.t3[k]).toEqual(v);
          expect(r.stats.applications?.counted).toBe(20);
          expect(r.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
