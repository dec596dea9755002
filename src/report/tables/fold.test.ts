/**
 * One cause, one finding, over the family of causes that explain other findings: （六） printed in the other
 * format's layout (both ways, in every way people lay out and type a table), a table not read, a table cut at the
 * page's edge — and what explains nothing else (L1). The expectations are the template's: the rows （六） stands
 * for, the cells of a missing table; never the fold's own output.
 */
import { huaian as huaianTables } from "../../../test/fixtures";
import { reportHtml, tableHtml, VARIANTS } from "../../../test/reports";
import { readReportFile } from "../../load/report";
import { checkReadReport } from "../read/text";
import { numericTables } from "../read/tables";
import { getFormat } from "../formats";
import { checkTables } from "./checks";
import { coversWhere, foldCovered, foldedNote } from "./fold";
import type { Finding } from "./findings";
import { table3Grid } from "./layout";
import type { TableSet } from "./tables";

const F2021 = getFormat("2021");
const F2019 = getFormat("2019");
const utf8 = (s: string) => new TextEncoder().encode(s);
const huaian = (): TableSet => JSON.parse(JSON.stringify(huaianTables())) as TableSet;

/** 淮安's tables with （六） as one row: each column the sum of the three sub-rows, added here by hand. */
function asOneRow(t: TableSet): TableSet {
  const t3 = { ...t.t3 };
  t3.o = t3.o1.map((v, i) => (v ?? 0) + (t3.o2[i] ?? 0) + (t3.o3[i] ?? 0));
  for (const k of ["o1", "o2", "o3"]) delete t3[k];
  return { ...t, t3 };
}

const finding = (rule: Finding["rule"], where: string, covers?: Finding["covers"]): Finding => ({
  rule,
  severity: "warning",
  table: where.split(".")[0] as Finding["table"],
  where,
  place: where,
  message: `${rule}@${where}`,
  ...(covers ? { covers } : {}),
});

describe("a cover's pattern", () => {
  test.each([
    ["t3", "t3.new.natural", true],
    ["t3.o1", "t3.o1", true],
    ["t3.o1", "t3.o1.total", true],
    ["t3.o1", "t3.o2", false],
    ["t3.o1", "t3", false],
    ["t3.*.natural", "t3.total.natural", true],
    ["t3.*.natural", "t3.*.natural", true],
    ["t3.*.natural", "t3.total.legal", false],
    ["t4", "t4.review.total", true],
    ["t4", "t3.total", false],
  ])("%s covers %s: %s", (pattern, where, expected) => {
    expect(coversWhere(pattern, where)).toBe(expected);
  });
});

describe("folding", () => {
  test("what is covered goes into the finding that covers it, named there; the rest keep their order", () => {
    const list = [
      finding("S2", "t3.new.total"),
      finding("F3", "t3.o", [{ where: "t3.o1" }, { where: "t3.o2" }]),
      finding("F2", "t3.o1.natural"),
      finding("F3", "t3.o2"),
      finding("S1", "t3.total.natural"),
    ];
    const out = foldCovered(list);
    expect(out.map((f) => f.where)).toEqual(["t3.new.total", "t3.o", "t3.total.natural"]);
    expect(out[1].folded?.map((f) => f.where)).toEqual(["t3.o1.natural", "t3.o2"]);
    expect(out[1].message).toBe("F3@t3.o（由此引起的另2处问题不再单列：t3.o1.natural、t3.o2）");
  });

  test("a rule-limited cover takes only its rules; a covering finding takes the gravest severity", () => {
    const f4: Finding = { ...finding("F4", "t3", [{ where: "t3", rules: ["S2"] }]), severity: "warning" };
    const s2: Finding = { ...finding("S2", "t3.new.total"), severity: "error" };
    const out = foldCovered([f4, s2, finding("F1", "t3.new.natural")]);
    expect(out.map((f) => [f.rule, f.severity])).toEqual([
      ["F4", "error"],
      ["F1", "warning"],
    ]);
  });

  test("a chain goes to its first finding that is not covered; a loop keeps its earliest; folding twice adds no note twice", () => {
    const a = finding("F3", "t3", [{ where: "t4" }]);
    const b = finding("F3", "t4", [{ where: "t2" }]);
    const c = finding("F2", "t2.rules.issued");
    const once = foldCovered([a, b, c]);
    expect(once.map((f) => f.where)).toEqual(["t3"]);
    expect(once[0].folded?.map((f) => f.where)).toEqual(["t4", "t2.rules.issued"]);
    expect(foldCovered([...once, finding("X3", "t4.review")])[0].message).toBe(
      `F3@t3${foldedNote([...(once[0].folded ?? []), { rule: "X3", where: "t4.review", place: "t4.review", message: "" }])}`,
    );
    const x = finding("F3", "t3.o", [{ where: "t3.o1" }]);
    const y = finding("F3", "t3.o1", [{ where: "t3.o" }]);
    expect(foldCovered([x, y]).map((f) => f.where)).toEqual(["t3.o"]);
  });
});

describe("（六） in the other format's layout is one finding", () => {
  test("a 2021 table with （六） as one row: the F3 names the three sub-rows; 总计 is weighed with it", () => {
    const found = checkTables(asOneRow(huaian()));
    expect(found.map((f) => f.rule)).toEqual(["F3"]);
    expect(found[0].folded?.map((f) => f.where)).toEqual(["t3.o1", "t3.o2", "t3.o3"]);
  });

  test("a 2019 table with （六） in three rows: one F3, naming the row （六） it lacks", () => {
    const t = { ...huaian(), format: "2019" as const, t2: null };
    const t3 = t.t3;
    // The 2019 format's rows: 2021's （六） sub-rows stand in for its one row o, so o is not there.
    const found = checkTables(t).filter((f) => f.table === "t3");
    expect(found.map((f) => [f.rule, f.where])).toEqual([["F3", "t3.o1"]]);
    expect(found[0].folded?.map((f) => f.where)).toEqual(["t3.o"]);
    expect(Object.keys(t3)).toContain("o1");
  });

  test.each(Object.keys(VARIANTS))("a 2021 report printing （六） as one row, %s: one finding", (name) => {
    const v = VARIANTS[name];
    const t = huaian();
    const one = { ...asOneRow(t), format: "2019" as const };
    // 表二 as 2021 prints it (so the report is read as 2021), 表三 with the 2019 （六）.
    const html = reportHtml(t, v).replace(
      tableHtml(table3Grid(t, F2021), v, "t3"),
      tableHtml(table3Grid(one, F2019), v, "t3"),
    );
    expect(html).not.toBe(reportHtml(t, v)); // 表三 replaced
    const r = readReportFile(utf8(html), `${name}.html`);
    expect(r.problems).toEqual([]);
    expect(r.tables.format).toBe("2021");
    const found = checkReadReport(r, numericTables(r.tables));
    const t3 = found.filter((f) => f.table === "t3");
    expect(t3.map((f) => [f.rule, f.where, f.place])).toEqual([["F3", "t3.o", "表三「（六）其他处理」"]]);
    expect(t3[0].folded?.map((f) => f.place)).toEqual(
      F2021.t3.rows
        .filter((row) => /^[123]\./.test(row.label) && row.key.startsWith("o"))
        .map((row) => `表三「${row.label}」`),
    );
  });
});

describe("a table not read explains every check on it", () => {
  test("表四 missing: one F3, and the text's 复议 numbers (X3) are folded into it", () => {
    const t = huaian();
    const found = checkReadReport(
      { tables: { ...t, t4: [] }, paragraphs: ["本年度共发生政府信息公开行政复议案件3件。"] },
      numericTables({ ...t, t4: [] }),
    );
    const t4 = found.filter((f) => f.table === "t4");
    expect(t4.map((f) => f.rule)).toEqual(["F3"]);
    expect(found.filter((f) => f.rule === "X3" && f.table === "t4")).toEqual([]);
  });

  test("表二 missing: one finding, not one per cell", () => {
    const found = checkTables({ ...huaian(), t2: null });
    expect(found.filter((f) => f.table === "t2").map((f) => [f.rule, f.where])).toEqual([["F2", "t2"]]);
  });

  test("a 表三 row of the wrong shape: one F3 for the row, whatever else the row would give", () => {
    const t = huaian();
    (t.t3 as Record<string, unknown>).grant = [1, 2, 3];
    const found = checkTables(t).filter((f) => f.where.startsWith("t3.grant"));
    expect(found.map((f) => f.rule)).toEqual(["F3"]);
  });
});

test("L1 explains nothing else: a row read by a label that differs keeps its own arithmetic finding", () => {
  const t = huaian();
  (t.t3.grant[0] as number) += 1; // breaks 6类申请人之和 = 总计 on the row
  const found = checkTables(t, { labels: { t3: { grant: "（一）予以公开的" } } });
  expect(
    found
      .filter((f) => f.where.startsWith("t3.grant"))
      .map((f) => f.rule)
      .sort(),
  ).toEqual(["L1", "S2"]);
  expect(found.every((f) => !f.folded)).toBe(true);
});
