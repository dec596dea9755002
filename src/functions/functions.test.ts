/**
 * The custom functions: functions.json generated from their JSDoc, and each function called as a plain
 * function with a stub CustomFunctions global, compared with the engine.
 */
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import path from "path";
import { excelValues, FUNCTION_IDS, smallLedger } from "../../test/helpers";
import { at, installCustomFunctionsStub, StubError } from "../../test/stub-custom-functions";
import * as applications from "../report/register/applications";
import type { Cell } from "../report/common/cells";
import { checkTables } from "../report/tables/checks";
import { compileWorkbook } from "../report/compile";
import { getFormat, numberRows } from "../report/formats";
import { SHEETS } from "../report/register/registers";
import { sampleWorkbook } from "../report/sample";
import { serialFromDays, daysFromUtcDate } from "../report/common/dates";
import { clearCache } from "./core";
import { check, count, issues, rows as rowsOf, summary, table3, table4 } from "./functions";

installCustomFunctionsStub();

/** A sheet's rows as Excel hands them to a function: dates as serial numbers, blanks as "". */
function asExcel(rows: Cell[][]): (string | number | boolean)[][] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) =>
    Array.from({ length: width }, (_, i) => {
      const v = r[i];
      if (v === null || v === undefined) return "";
      if (v instanceof Date) return serialFromDays(daysFromUtcDate(v));
      if (typeof v === "object") return "";
      return v;
    }),
  );
}

const sample = sampleWorkbook();
const engine = compileWorkbook(sample);
const register = asExcel(sample.sheets.find((s) => s.name === SHEETS.applications)?.rows ?? []);
const cases = asExcel(sample.sheets.find((s) => s.name === SHEETS.cases)?.rows ?? []);
const ADDR = "'依申请公开登记'!A1:G160";
/** An optional range left out: Excel passes null. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const NONE = null as unknown as any[][];

function expectValueError(f: () => unknown, message: RegExp) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StubError);
    expect((e as StubError).code).toBe("#VALUE!");
    expect((e as StubError).message).toMatch(message);
    return;
  }
  throw new Error("expected #VALUE!");
}

describe("functions.json from the JSDoc", () => {
  test("no metadata errors; every function with its parameters, matrix results where they spill", async () => {
    const r = await generateCustomFunctionsMetadata([path.resolve(__dirname, "functions.ts")], false);
    expect(r.errors).toEqual([]);
    const meta = JSON.parse(r.metadataJson) as {
      functions: {
        id: string;
        name: string;
        description: string;
        parameters: { name: string; optional?: boolean; dimensionality?: string; description: string }[];
        result: { dimensionality?: string };
        options?: { requiresParameterAddresses?: boolean };
      }[];
    };
    const byId = Object.fromEntries(meta.functions.map((f) => [f.id, f]));
    expect(Object.keys(byId).sort()).toEqual(FUNCTION_IDS);
    const params = (id: string) =>
      byId[id].parameters.map(
        (p) => `${p.name}${p.optional ? "?" : ""}${p.dimensionality === "matrix" ? "[]" : ""}`,
      );
    expect(params("TABLE3")).toEqual(["register[]", "year", "format?", "ignoreBadRows?", "answers?[]"]);
    expect(params("TABLE4")).toEqual(["cases[]", "year", "ignoreBadRows?", "answers?[]"]);
    expect(params("COUNT")).toEqual([
      "register[]",
      "year",
      "row",
      "column?",
      "format?",
      "ignoreBadRows?",
      "answers?[]",
    ]);
    expect(params("ROWS")).toEqual([
      "register[]",
      "year",
      "row",
      "column?",
      "format?",
      "ignoreBadRows?",
      "answers?[]",
    ]);
    expect(params("CHECK")).toEqual(["table3[]", "table4?[]", "previousFwd?[]", "format?"]);
    expect(params("SUMMARY")).toEqual(["register[]", "year", "format?", "ignoreBadRows?", "answers?[]"]);
    expect(params("ISSUES")).toEqual(["register[]", "year", "format?", "answers?[]"]);
    for (const id of ["TABLE3", "TABLE4", "CHECK", "ISSUES", "ROWS"])
      expect(byId[id].result.dimensionality).toBe("matrix");
    for (const id of ["COUNT", "SUMMARY"]) expect(byId[id].result.dimensionality).toBeUndefined();
    for (const id of ["TABLE3", "TABLE4", "COUNT", "SUMMARY", "ISSUES", "ROWS"])
      expect(byId[id].options?.requiresParameterAddresses).toBe(true);
    for (const f of meta.functions) {
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).toMatch(/[\u4e00-\u9fff]/);
      expect(f.id).toMatch(/^[A-Z0-9_.]{3,}$/);
    }
  });
});

describe("the functions, called as Excel calls them", () => {
  beforeEach(() => clearCache());

  test("TABLE3 spills 25 × 7 equal to the engine's 表三; 2019 gives 23 rows", () => {
    const t = table3(register, 2025, "", "", NONE, at(ADDR));
    expect(t).toEqual(numberRows(getFormat("2021")).map((r) => engine.tables.t3[r.key]));
    expect(t).toHaveLength(25);
    expect(t.every((r) => r.length === 7)).toBe(true);
    const t2019 = table3(register, 2025, "2019", "", NONE, at(ADDR));
    expect(t2019).toHaveLength(23);
  });

  test("TABLE4 spills 1 × 15 equal to the engine's 表四", () => {
    expect(table4(cases, 2025, "", NONE, at("'复议诉讼登记'!A1:E10"))).toEqual([engine.tables.t4]);
  });

  test("COUNT by key or label, column defaulting to 总计", () => {
    const t3 = engine.tables.t3;
    expect(count(register, 2025, "new", "", "", "", NONE, at(ADDR))).toBe(t3.new[6]);
    expect(count(register, 2025, "一、本年新收政府信息公开申请数量", "自然人", "", "", NONE, at(ADDR))).toBe(
      t3.new[0],
    );
    expect(count(register, 2025, "1.属于国家秘密", "business", "", "", NONE, at(ADDR))).toBe(t3.d1[1]);
    expect(count(register, 2025, "属于国家秘密", "", "", "", NONE, at(ADDR))).toBe(t3.d1[6]);
    expect(count(register, 2025, "（七）总计", "legal", "", "", NONE, at(ADDR))).toBe(t3.total[4]);
    expectValueError(
      () => count(register, 2025, "五、其他", "", "", "", NONE, at(ADDR)),
      /找不到表三的行「五、其他」/,
    );
    expectValueError(
      () => count(register, 2025, "new", "外国人", "", "", NONE, at(ADDR)),
      /找不到表三的列「外国人」/,
    );
  });

  test("ROWS spills the 编号 and row number of each row behind a cell, the same rows as explain", () => {
    const explained = compileWorkbook(sample, { explain: true }).explainer;
    for (const [row, column, key, col] of [
      ["1.属于国家秘密", "", "d1", 6],
      ["new", "自然人", "new", 0],
      ["四、结转下年度继续办理", "legal", "fwd", 4],
    ] as const) {
      const spilled = rowsOf(register, 2025, row, column, "", "", NONE, at(ADDR));
      const want = explained?.explain({ table: "t3", row: key, column: col }).rows ?? [];
      expect(want.length).toBe(engine.tables.t3[key][col]);
      expect(want.length).toBeGreaterThan(0);
      expect(spilled).toEqual(want.map((r) => [r.id, r.row]));
    }
    expect(rowsOf(register, 2025, "d8", "business", "", "", NONE, at(ADDR))).toEqual([
      ["（没有计入此数的行）", ""],
    ]);
    expectValueError(() => rowsOf(register, 2025, "五、其他", "", "", "", NONE, at(ADDR)), /找不到表三的行/);
  });

  test("many COUNT cells over the same register in one recalculation tally it once", () => {
    const spy = jest.spyOn(applications, "tallyApplications");
    const rows = numberRows(getFormat("2021"));
    for (const r of rows)
      for (const c of getFormat("2021").t3.columns)
        count(register, 2025, r.key, c.key, "", "", NONE, at(ADDR));
    expect(spy).toHaveBeenCalledTimes(1);
    // Another range is another register; the same address with other contents is tallied again.
    count(register, 2025, "new", "", "", "", NONE, at("'依申请公开登记'!A1:G161"));
    const changed = register.map((r) => [...r]);
    changed[1][2] = "商业企业";
    count(changed, 2025, "new", "", "", "", NONE, at(ADDR));
    expect(spy).toHaveBeenCalledTimes(3);
    spy.mockRestore();
  });

  test("SUMMARY is the engine's 依申请公开 sentence", () => {
    expect(summary(register, 2025, "", "", NONE, at(ADDR))).toBe(
      engine.sentences["s3.requests"].replace("本局", "本机关"),
    );
  });

  test("a register with bad rows: #VALUE! naming the first bad row and how many, unless ignoreBadRows", () => {
    const bad = register.map((r) => [...r]);
    bad[4][2] = "外星人";
    bad[9][1] = "2025-02-30";
    expectValueError(
      () => table3(bad, 2025, "", "", NONE, at("'依申请公开登记'!A1:G160")),
      /登记表有2个错误（2行未计入），第一个在第5行「申请人类型」/,
    );
    expectValueError(
      () => count(bad, 2025, "new", "", "", false, NONE, at("Sheet9!B3:H162")),
      /第一个在第7行/,
    );
    const t = table3(bad, 2025, "", true, NONE, at(ADDR));
    expect(t[0][6]).toBeLessThanOrEqual(engine.tables.t3.new[6] as number);
    const list = issues(bad, 2025, "", NONE, at("'依申请公开登记'!A1:G160"));
    expect(list.map((r) => [r[0], r[1], r[2]])).toEqual([
      [5, "申请人类型", "外星人"],
      [10, "收到日期", "2025-02-30"],
    ]);
    expect(String(list[0][3])).toMatch(/^错误：第5行「申请人类型」的值「外星人」无法识别/);
    expect(issues(register, 2025, "", NONE, at(ADDR))).toEqual([["", "", "", "未发现问题"]]);
  });

  test("bad arguments give #VALUE! with a Chinese message", () => {
    expectValueError(() => table3(register, 25, "", "", NONE, at(ADDR)), /年份参数「25」无效/);
    expectValueError(() => table3(register, 2025, "2020", "", NONE, at(ADDR)), /格式参数「2020」无效/);
    expectValueError(() => table3([] as unknown as string[][], 2025, "", "", NONE, at(ADDR)), /应为一个区域/);
    expectValueError(() => table4([["类型"], ["复议"]], 2025, "", NONE, at("A1:A2")), /缺少列「立案日期」/);
    expectValueError(() => check([[1, 2]], [], [], ""), /表三区域应为 25 行 × 7 列/);
    expectValueError(
      () =>
        check(
          numberRows(getFormat("2021")).map(() => [0, 0, 0, 0, 0, 0, 0]),
          [[1, 2, 3]],
          [],
          "",
        ),
      /表四区域应有 15 个数字/,
    );
  });

  test("CHECK: 通过 for consistent tables, the findings otherwise; with 表四 and last year's 结转", () => {
    const rows = numberRows(getFormat("2021"));
    const t3 = rows.map((r) => [...(engine.tables.t3[r.key] as number[])]);
    expect(check(t3, [engine.tables.t4], [], "")).toEqual([["通过"]]);
    t3[0][0] += 1;
    const found = check(t3, [engine.tables.t4], [[9, 0, 0, 0, 0, 0, 9]], "");
    // Each place as the template prints it: a reviewer reads the sheet, not our keys.
    expect(found.map((r) => `${r[0]}:${r[2]}`)).toEqual([
      "P1:表三「自然人」列",
      "S2:表三「一、本年新收政府信息公开申请数量」「总计」",
      "X1:表三「二、上年结转政府信息公开申请数量」「自然人」",
      "X1:表三「二、上年结转政府信息公开申请数量」「科研机构」",
      "X1:表三「二、上年结转政府信息公开申请数量」「总计」",
    ]);
    expect(found[0][1]).toBe("错误");
    const broken4 = [...(engine.tables.t4 as number[])];
    broken4[4] = 0;
    expect(
      check(
        rows.map((r) => engine.tables.t3[r.key] as number[]),
        [broken4],
        [],
        "",
      )[0][0],
    ).toBe("T4");
    // Blanks from a sheet are F2 warnings; the 2019 layout is recognised by its 23 rows.
    const blanks = rows.map((r) => (engine.tables.t3[r.key] as number[]).map((v) => (v === 0 ? "" : v)));
    expect(check(blanks, [], [], "").every((r) => r[0] === "F2")).toBe(true);
    const r2019 = compileWorkbook(sample, { format: "2019" }).tables;
    expect(
      check(
        numberRows(getFormat("2019")).map((r) => r2019.t3[r.key] as number[]),
        [],
        [],
        "",
      ),
    ).toEqual([["通过"]]);
    expect(checkTables(engine.tables)).toEqual([]);
  });
});

describe("the functions over an agency's own ledger", () => {
  beforeEach(() => clearCache());
  const LEDGER = "'2025年台账'!A1:F7";
  const ledger = excelValues(smallLedger().sheets[0].rows);
  const answers = [
    ["项目", "台账中的写法", "对应为"],
    ["办理结果", "已答复", "予以公开"],
  ];

  test("a pending value is the formula's error naming the value and the question; answered, the numbers follow", () => {
    expectValueError(
      () => table3(ledger, 2025, "", "", NONE, at(LEDGER)),
      /第4行「办理结果」写的是「已答复」.*（共2处待确认）.*对应关系/,
    );
    // By hand (test/helpers.ts): 予以公开 自然人 3, 商业企业 1, 总计 4; 本年新收 5.
    expect(count(ledger, 2025, "grant", "自然人", "", "", answers, at(LEDGER))).toBe(3);
    expect(count(ledger, 2025, "grant", "business", "", "", answers, at(LEDGER))).toBe(1);
    expect(count(ledger, 2025, "new", "", "", "", answers, at(LEDGER))).toBe(5);
    // The rows behind a number are the ledger's own row numbers (its header on row 2).
    expect(rowsOf(ledger, 2025, "grant", "自然人", "", "", answers, at(LEDGER))).toEqual([
      ["1", 3],
      ["2", 4],
      ["5", 7],
    ]);
    expect(issues(ledger, 2025, "", answers, at(LEDGER))).toEqual([["", "", "", "未发现问题"]]);
    expect(issues(ledger, 2025, "", NONE, at(LEDGER)).map((r) => [r[0], r[1], r[2]])).toEqual([
      [4, "办理结果", "已答复"],
      [5, "办理结果", "已答复"],
    ]);
    // A 对应关系 row that maps to what the register does not accept is refused, naming its row.
    expectValueError(
      () => table3(ledger, 2025, "", "", [...answers, ["办理结果", "已办理", "随便"]], at(LEDGER)),
      /「对应关系区域」第3行/,
    );
  });
});
