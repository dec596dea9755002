import { huaian as huaianTables } from "../../../test/fixtures";
import { checkTables } from "./checks";
import type { Finding } from "./checks";
import { getFormat, numberRows } from "../formats";
import type { TableSet } from "./tables";

const huaian: TableSet = huaianTables();
const clone = (): TableSet => JSON.parse(JSON.stringify(huaian)) as TableSet;
const F = getFormat("2021");
const COLS = F.t3.columns.map((c) => c.key);
const rulesOf = (fs: Finding[]) => fs.map((f) => `${f.rule}:${f.where}`).sort();

describe("checks on the published 淮安 2024 table", () => {
  test("the published table passes every check", () => {
    expect(checkTables(huaian)).toEqual([]);
  });

  /**
   * What one changed 表三 number breaks, from the rules of domain.md §3: P1 ties 一+二 to 总计+四 per column,
   * S1 ties 总计 to the result rows per column, S2 ties every row's 总计 column to its six applicant columns.
   */
  function expectedFor(row: string, col: number): string[] {
    const c = COLS[col];
    const out: string[] = [];
    const kind = F.t3.rows.find((r) => r.key === row)?.kind;
    if (["new", "carry", "fwd"].includes(row)) out.push(`P1:t3.*.${c}`);
    if (row === "total") out.push(`P1:t3.*.${c}`, `S1:t3.total.${c}`);
    if (kind === "item" || kind === "leaf") out.push(`S1:t3.total.${c}`);
    out.push(`S2:t3.${row}.total`);
    return out.sort();
  }

  test("one changed number in 表三 fails exactly the rules it breaks, naming the cell (all 175 cells)", () => {
    let cells = 0;
    for (const row of numberRows(F))
      for (let col = 0; col < 7; col++) {
        const t = clone();
        (t.t3[row.key] as number[])[col] += 1;
        const found = checkTables(t);
        expect({ cell: `${row.key}.${COLS[col]}`, rules: rulesOf(found) }).toEqual({
          cell: `${row.key}.${COLS[col]}`,
          rules: expectedFor(row.key, col),
        });
        for (const f of found) {
          expect(f.severity).toBe("error");
          expect(f.row === row.key || f.column === COLS[col]).toBe(true);
        }
        cells++;
      }
    expect(cells).toBe(175);
  });

  test("messages name the table, the row or column and both numbers", () => {
    const t = clone();
    (t.t3.new as number[])[0] = 3002;
    const [p1, s2] = checkTables(t);
    expect(p1.message).toBe(
      "表三「自然人」列：第一项加第二项之和（3002+34=3036）不等于第三项加第四项之和（2932+103=3035）",
    );
    expect(s2.message).toBe(
      "表三「一、本年新收政府信息公开申请数量」行：「总计」为3119，但6类申请人之和为3120（3002+53+0+0+61+4）",
    );
    const u = clone();
    (u.t3.d2 as number[])[0] = 31;
    expect(checkTables(u).find((f) => f.rule === "S1")?.message).toBe(
      "表三「自然人」列：「（七）总计」为2932，但各项办理结果之和为2933（1288+447+2+31+5+6+7+12+9+105+746+11+1+56+25+0+0+1+67+6+108）",
    );
  });

  test("表四: each group's 总计 against its four results", () => {
    for (let i = 0; i < 15; i++) {
      const t = clone();
      t.t4[i] = (t.t4[i] as number) + 1;
      const group = ["review", "direct", "after"][Math.floor(i / 5)];
      expect(rulesOf(checkTables(t))).toEqual([`T4:t4.${group}.total`]);
    }
    // The district report of domain.md: 行政复议 总计 0 beside 维持 10 and 纠正 1.
    const t = clone();
    t.t4.splice(0, 5, 10, 1, 0, 0, 0);
    const [f] = checkTables(t);
    expect(f.message).toBe(
      "表四「行政复议」：总计为0，但结果维持10、结果纠正1、其他结果0、尚未审结0之和为11",
    );
  });

  test("F1: negative, fractional and non-numeric counts; the 万元 cell takes decimals", () => {
    const t = clone();
    (t.t3.d1 as unknown[])[1] = -1;
    (t.t3.d1 as unknown[])[2] = 1.5;
    (t.t3.d1 as unknown[])[3] = "三";
    t.t4[14] = -20;
    (t.t2 as Record<string, unknown>).penalty = 2.5;
    (t.t2 as Record<string, unknown>).feesWanYuan = 59237.2449;
    const f1 = checkTables(t).filter((f) => f.rule === "F1");
    expect(f1.map((f) => f.where)).toEqual([
      "t3.d1.business",
      "t3.d1.research",
      "t3.d1.social",
      "t4.after.total",
      "t2.penalty.decisions",
    ]);
    (t.t2 as Record<string, unknown>).feesWanYuan = -1;
    expect(
      checkTables(t)
        .filter((f) => f.rule === "F1")
        .map((f) => f.where),
    ).toContain("t2.feesWanYuan.amount");
  });

  test("F2: blanks copied from a published report are warnings, and the arithmetic still runs", () => {
    const t = clone();
    (t.t3.n3 as unknown[]).fill(null);
    (t.t2 as Record<string, unknown>).coercion = null;
    t.t4[2] = null;
    const found = checkTables(t);
    expect(found.map((f) => [f.rule, f.severity, f.where])).toEqual([
      ["F2", "warning", "t3.n3"],
      ["F2", "warning", "t4"],
      ["F2", "warning", "t2.coercion.decisions"],
      ["T4", "error", "t4.review.total"],
    ]);
  });

  test("F3: a 2021 report with a single （六） row, missing rows, wrong shapes", () => {
    const t = clone();
    const t3 = t.t3 as Record<string, unknown>;
    t3.o = [181, 5, 0, 0, 1, 0, 187];
    delete t3.o1;
    delete t3.o2;
    delete t3.o3;
    const all = checkTables(t);
    const f3 = all.filter((f) => f.rule === "F3");
    expect(f3[0].message).toContain("2019年格式");
    // One cause, one finding: the three sub-rows it lacks are named in it, not listed beside it …
    expect(f3.map((f) => f.where)).toEqual(["t3.o"]);
    expect(f3[0].place).toBe("表三「（六）其他处理」");
    expect(f3[0].folded?.map((f) => f.where)).toEqual(["t3.o1", "t3.o2", "t3.o3"]);
    expect(f3[0].message).toMatch(/另3处问题不再单列：表三「1\.申请人无正当理由逾期不补正/);
    // … and 总计 is weighed with the printed （六）: its numbers are the three rows' sums, so no S1 …
    const given = huaian.t3 as Record<string, number[]>;
    expect(t3.o).toEqual(given.o1.map((v, i) => v + given.o2[i] + given.o3[i]));
    expect(all.filter((f) => f.rule === "S1")).toEqual([]);
    // … while a 总计 wrong beyond it is still found, on its column only.
    (t3.o as number[])[1] += 1;
    expect(
      checkTables(t)
        .filter((f) => f.rule === "S1")
        .map((f) => f.where),
    ).toEqual(["t3.total.business"]);
    const u = clone();
    (u.t3 as Record<string, unknown>).grant = [1, 2, 3];
    u.t4 = [1, 2, 3];
    expect(
      checkTables(u)
        .filter((f) => f.rule === "F3")
        .map((f) => f.where),
    ).toEqual(["t3.grant", "t4"]);
    // The same table declared as 2019 is the wrong structure the other way round.
    const v = clone();
    v.format = "2019";
    expect(checkTables(v).some((f) => f.rule === "F3" && f.where === "t3.o1")).toBe(true);
  });

  test("L1: labels that differ from the template text", () => {
    const found = checkTables(huaian, {
      labels: { t3: { d2: "2.其他法律行政止公开", d1: "1.属于国家秘密" }, t2: { normative: "规范性文件" } },
    });
    expect(found.map((f) => [f.rule, f.severity, f.where])).toEqual([
      ["L1", "warning", "t3.d2"],
      ["L1", "warning", "t2.normative"],
    ]);
    expect(found[0].message).toBe(
      "表三行名「2.其他法律行政止公开」与模板文字「2.其他法律行政法规禁止公开」不一致，已按「2.其他法律行政法规禁止公开」一行读取",
    );
  });

  test("X1 and X2 against last year's tables", () => {
    const previous = clone();
    previous.year = 2023;
    previous.t3.fwd = [...(huaian.t3.carry as number[])];
    previous.t2 = { ...(huaian.t2 as object), rules: [0, 0, 10], normative: [5, 3, 84] };
    expect(checkTables(huaian, { previous })).toEqual([]);
    previous.t3.fwd = [30, 1, 0, 0, 3, 0, 34];
    previous.t2 = { ...(huaian.t2 as object), rules: [0, 0, 9], normative: [5, 3, 84] };
    const found = checkTables(huaian, { previous });
    expect(found.map((f) => `${f.rule}:${f.where}`)).toEqual([
      "X1:t3.carry.natural",
      "X1:t3.carry.business",
      "X1:t3.carry.legal",
      "X2:t2.rules.inForce",
    ]);
    expect(found.every((f) => f.severity === "warning")).toBe(true);
    expect(found[3].message).toBe("表二「规章」：现行有效件数为11，但上年现行有效9+本年制发1-本年废止0=10");
  });
});
