/**
 * Tables that Word or a portal split into two at a page break are read as one: the second part with or without
 * its header repeated, with or without the label cell the break cut (表三's 「三、本年度办理结果」 spans the
 * page). The numbers are the published 淮安 tables (test/fixtures), read back exactly.
 */
import { huaianTables } from "../../../test/fixtures";
import { asDocument } from "../../../test/reports";
import { table2Grid, table3Grid, table4Grid } from "../tables/layout";
import type { TableGrid } from "../tables/layout";
import { readReport } from "./tables";

const published = huaianTables();
const title = `${published.agency}${published.year}年政府信息公开工作年度报告`;
const t3 = asDocument(table3Grid(published));
const headerRows = 3;
/** Split inside （三）不予公开: the 8th data row starts the second page. */
const at = headerRows + 8;

test.each([
  ["the second part as it is", t3.slice(at)],
  ["the header repeated on the second page", [...t3.slice(0, headerRows), ...t3.slice(at)]],
  // Rows under the spanning cell lose its column; 「四、结转下年度继续办理」 keeps its own label.
  ["the spanning label cell cut at the break", t3.slice(at).map((r) => (r[0] === null ? r.slice(1) : r))],
])("表三 split at a page break (%s) is read as one table, exactly", (_, second) => {
  const r = readReport({
    paragraphs: [title],
    tables: [
      asDocument(table2Grid(published) as TableGrid),
      t3.slice(0, at),
      second,
      asDocument(table4Grid(published)),
    ],
  });
  expect(r.problems).toEqual([]);
  expect(r.tables.t3).toEqual(published.t3);
  expect(r.tables.t4).toEqual(published.t4);
  // Where people see it start: the document's second table; 表四 is its fourth.
  expect([r.found.t3?.table, r.found.t4?.table]).toEqual([2, 4]);
});

test("a table that is not split is read as before; a lone first part is not joined with an unrelated table", () => {
  const whole = readReport({ paragraphs: [title], tables: [t3, asDocument(table4Grid(published))] });
  expect(whole.tables.t3).toEqual(published.t3);
  const cut = readReport({
    paragraphs: [title],
    tables: [t3.slice(0, at), asDocument(table4Grid(published))],
  });
  expect(cut.problems.some((p) => p.startsWith("未找到表三"))).toBe(true);
  expect(cut.tables.t4).toEqual(published.t4);
});

test("a first part a label column narrower than the rest (a PDF's part draws only the rules its own rows need)", () => {
  // Split after （一）予以公开: no row above it uses the third label column, so that part has none.
  const split = headerRows + 3;
  const narrow = t3.slice(0, split).map((r) => [...r.slice(0, 2), ...r.slice(3)]);
  expect(narrow.every((r) => r.length === t3[0].length - 1)).toBe(true);
  const r = readReport({
    paragraphs: [title],
    tables: [
      asDocument(table2Grid(published) as TableGrid),
      narrow,
      t3.slice(split),
      asDocument(table4Grid(published)),
    ],
  });
  expect(r.problems).toEqual([]);
  expect(r.tables.t3).toEqual(published.t3);
});

test("表四 with an empty row between its header and its numbers (a sliver a page break leaves) reads its numbers", () => {
  const t4 = asDocument(table4Grid(published));
  const last = t4.length - 1;
  const sliver = [...t4.slice(0, last), t4[last].map(() => ""), t4[last]];
  const r = readReport({
    paragraphs: [title],
    tables: [asDocument(table2Grid(published) as TableGrid), t3, sliver],
  });
  expect(r.problems).toEqual([]);
  expect(r.tables.t4).toEqual(published.t4);
});

test.each([
  ["before 只计", "只计", "（二）部分公开（区分处理的，"],
  // The first half then ends like a later row's label, 「3.其他」 of （六）: the nearer row it makes is the one.
  [
    "before 情形）, the first half ending in 其他",
    "情形）",
    "（二）部分公开（区分处理的，只计这一情形，不计其他",
  ],
])(
  "a row whose label a page break cut %s (its numbers above, its label's end in the next row)",
  (_, at, half) => {
    // （二）部分公开: the fourth data row; its label's second half starts the second part.
    const partial = headerRows + 3;
    const cell = t3[partial].findIndex((c) => c?.startsWith("（二）部分公开"));
    const full = t3[partial][cell] as string;
    const cutAt = full.lastIndexOf(at);
    const above = t3
      .slice(0, partial + 1)
      .map((r, i) => (i === partial ? r.map((c, j) => (j === cell ? full.slice(0, cutAt) : c)) : r));
    const rest = t3[partial].map((c, j) => (j === cell ? full.slice(cutAt) : j > cell ? "" : null));
    const r = readReport({
      paragraphs: [title],
      tables: [
        asDocument(table2Grid(published) as TableGrid),
        above,
        [rest, ...t3.slice(partial + 1)],
        asDocument(table4Grid(published)),
      ],
    });
    expect(full.slice(0, cutAt)).toBe(half);
    expect(r.problems).toEqual([]);
    expect(r.tables.t3).toEqual(published.t3);
  },
);
