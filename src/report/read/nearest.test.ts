/**
 * Row labels as published tables misprint them, read as the template row they are nearest to only when that is
 * clear, else refused naming the rows it is near — never read as a third row (property tests over every row of
 * 表二 and 表三 of both formats, every character of its label). Each row of the tables here has its own numbers,
 * so a row's numbers landing in another row would show.
 */
import fc from "fast-check";
import { asDocument } from "../../../test/reports";
import { getFormat, numberRows } from "../formats";
import type { FormatId } from "../formats";
import { checkTables } from "../tables/checks";
import { table2Grid, table3Grid, table4Grid } from "../tables/layout";
import type { TableGrid } from "../tables/layout";
import type { Table2, TableSet } from "../tables/tables";
import { endDistance, margin, nearestRow, tolerance } from "./nearest";
import { readReport } from "./tables";
import type { ReadReport } from "./tables";

/** Tables whose every number says which row and column it is (row i, column j → 100·(i+1) + j). */
function distinct(id: FormatId): TableSet {
  const format = getFormat(id);
  const t3: Record<string, number[]> = {};
  numberRows(format).forEach((r, i) => (t3[r.key] = Array.from({ length: 7 }, (_, j) => 100 * (i + 1) + j)));
  const t2: Table2 = {};
  format.t2?.blocks
    .flatMap((b) => b.rows.map((r) => ({ key: r.key, width: b.columns.length })))
    .forEach((r, i) => {
      const v = Array.from({ length: r.width }, (_, j) => 50 * (i + 1) + j);
      t2[r.key] = r.width === 1 ? v[0] : v;
    });
  const t4 = Array.from({ length: 15 }, (_, j) => 900 + j);
  return { format: id, year: 2025, agency: "某局", t2, t3, t4 };
}

/** The report's tables with one printed label changed. */
function readWith(t: TableSet, table: "t2" | "t3", label: string, printed: string): ReadReport {
  const format = getFormat(t.format);
  const relabel = (g: TableGrid): TableGrid => ({
    ...g,
    rows: g.rows.map((row) => row.map((c) => (c && c.text === label ? { ...c, text: printed } : c))),
  });
  const t2 = table2Grid(t, format) as TableGrid;
  const t3 = table3Grid(t, format);
  return readReport({
    paragraphs: [`某局${t.year}年政府信息公开工作年度报告`],
    tables: [
      asDocument(table === "t2" ? relabel(t2) : t2),
      asDocument(table === "t3" ? relabel(t3) : t3),
      asDocument(table4Grid(t, format)),
    ],
  });
}

const rowsOf = (id: FormatId) => {
  const format = getFormat(id);
  return [
    ...numberRows(format).map((r) => ({ table: "t3" as const, key: r.key, label: r.label })),
    ...(format.t2?.blocks.flatMap((b) => b.rows) ?? []).map((r) => ({
      table: "t2" as const,
      key: r.key,
      label: r.label,
    })),
  ];
};

/** What happened to the changed row: read as itself, refused naming it among others, or read as another. */
function outcome(t: TableSet, r: ReadReport, row: { table: "t2" | "t3"; key: string }): string {
  const got = r.tables[row.table] as Record<string, unknown>;
  const want = t[row.table] as Record<string, unknown>;
  // Every other row of the table exactly as printed: the changed row's numbers landed nowhere else.
  for (const k of Object.keys(want))
    if (k !== row.key && JSON.stringify(got[k]) !== JSON.stringify(want[k]))
      return `read as another row ${k}`;
  if (JSON.stringify(got[row.key]) === JSON.stringify(want[row.key])) return "read";
  const unsure = r.labels?.unsure ?? [];
  const named = unsure.some(
    (u) => u.table === row.table && (u.between.includes(row.key) ? u.between.length >= 2 : !u.between.length),
  );
  // The checks then name the row, never as missing.
  const findings = checkTables(r.tables, { labels: r.labels });
  const missing = findings.some((f) => f.rule === "F3" && f.row === row.key && /缺少/.test(f.message));
  return named && !missing ? "refused" : `lost (unsure ${JSON.stringify(unsure)}, missing ${missing})`;
}

/** A label with one character changed: dropped, doubled, swapped with the next, or replaced. */
const change = (label: string, at: number, how: number, ch: string): string => {
  const c = [...label];
  const i = at % c.length;
  if (how === 0) c.splice(i, 1);
  else if (how === 1) c.splice(i, 0, c[i]);
  else if (how === 2 && i + 1 < c.length) [c[i], c[i + 1]] = [c[i + 1], c[i]];
  else c[i] = ch;
  return c.join("");
};

describe.each(["2021", "2019"] as FormatId[])("%s format", (id) => {
  const t = distinct(id);
  const rows = rowsOf(id);

  test("every row's label with one character dropped reads as that row, or is refused naming it — never as another", () => {
    for (const row of rows)
      for (let at = 0; at < [...row.label].length; at++) {
        const printed = change(row.label, at, 0, "");
        const r = readWith(t, row.table, row.label, printed);
        expect({ printed, outcome: outcome(t, r, row) }).toEqual({
          printed,
          outcome: expect.stringMatching(/^(read|refused)$/),
        });
      }
  });

  test("property: any one character doubled, swapped or replaced, likewise", () => {
    const common =
      "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理府研质".split(
        "",
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: rows.length - 1 }),
        fc.nat(),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom(...common),
        (k, at, how, ch) => {
          const row = rows[k];
          const printed = change(row.label, at, how, ch);
          const result = outcome(t, readWith(t, row.table, row.label, printed), row);
          return result === "read" || result === "refused";
        },
      ),
      { numRuns: 300 },
    );
  });
});

test("the seen misprints: each read as its row with L1 naming both labels, or refused naming both rows", () => {
  const t = distinct("2021");
  const cases: [string, string, string][] = [
    ["t3", "2.其他法律行政法规禁止公开", "2.其他法律行政止公开"],
    ["t3", "4.保护第三方合法权益", "4.保护第三方合法权"],
    ["t3", "5.属于三类内部事务信息", "5.属于三类内部信息"],
    ["t2", "行政事业性收费", "行政事业收费"],
    // The last row's last character misprinted: its end one character from 「3.其他」, too short to be misprinted.
    ["t3", "四、结转下年度继续办理", "四、结转下年度继续办他"],
  ];
  for (const [table, label, printed] of cases) {
    const row = rowsOf("2021").find((x) => x.label === label) as { table: "t2" | "t3"; key: string };
    const r = readWith(t, table as "t2" | "t3", label, printed);
    expect({ printed, outcome: outcome(t, r, row) }).toEqual({ printed, outcome: "read" });
    const l1 = checkTables(r.tables, { labels: r.labels }).filter((f) => f.rule === "L1");
    expect(l1.map((f) => [f.severity, f.row])).toEqual([["warning", row.key]]);
    expect(l1[0].message).toContain(`「${printed}」`);
    expect(l1[0].message).toContain(`「${label}」`);
  }
  // 「行政处制」: as near 行政处罚 as 行政强制; both rows named, neither chosen, neither called missing.
  const r = readWith(t, "t2", "行政强制", "行政处制");
  const penalty = rowsOf("2021").find((x) => x.key === "penalty");
  expect(penalty).toBeDefined();
  // 行政处罚 is printed and read exactly, so the misprint can only be 行政强制.
  expect(outcome(t, r, { table: "t2", key: "coercion" })).toBe("read");
});

test("nearness: the distance to the end of the printed label, its tolerance and margin as stated", () => {
  expect(endDistance("其他法律行政止公开", "其他法律行政法规禁止公开")).toBe(3);
  // What comes before the label (a group's label a flat table repeats) is free.
  expect(endDistance("不予公开属于国家秘密", "属于国家秘密")).toBe(0);
  expect(endDistance("属于国家密秘", "属于国家秘密")).toBe(1);
  expect([2, 3, 4, 8, 12, 35].map(tolerance)).toEqual([0, 0, 1, 2, 3, 8]);
  expect([0, 1, 2, 3, 4].map(margin)).toEqual([1, 1, 1, 2, 2]);
  const labels = ["行政许可", "行政处罚", "行政强制"].map((label) => ({ label }));
  expect(nearestRow("行政处制", labels, new Set())).toEqual({ between: [1, 2] });
  expect(nearestRow("行政处制", labels, new Set([1]))).toEqual({ index: 2 });
  expect(nearestRow("其它", [{ label: "其他" }], new Set())).toEqual({ between: [] });
  // Held whole with a few words after it; shortened to the words only one row has; words of two rows: both named.
  expect(nearestRow("行政处罚决定", labels, new Set())).toEqual({ index: 1 });
  const rows = [
    { label: "上年结转政府信息公开申请数量", words: ["上年结转"] },
    { label: "结转下年度继续办理", words: ["结转下年度", "继续办理"] },
  ];
  expect(nearestRow("上年结转申请数量", rows, new Set())).toEqual({ index: 0 });
  expect(nearestRow("上年结转及继续办理的申请", rows, new Set())).toEqual({ between: [0, 1] });
});
