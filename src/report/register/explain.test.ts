/**
 * Explaining cells: for a generated register, every cell of 表三 and 表四 explains to exactly the rows the
 * generator put there (worked out here from the tally rules, not by the tally's code), as many as the number;
 * zero cells to no rows; carry numbers typed in 报告信息 are said to be typed.
 */
import type { Cell, WorkbookData } from "../common/cells";
import { compileWorkbook } from "../compile";
import { daysFromCivil, serialFromDays, yearBounds } from "../common/dates";
import { getFormat, numberRows, T3_TOTAL_COLUMN, T4_TOTAL_RESULT } from "../formats";
import type { FormatId } from "../formats";
import { APPLICATION_HEADERS, CASE_HEADERS, SHEETS } from "./registers";
import { rng } from "../sample";
import { applicantVocabulary, caseResultVocabulary, caseTypeVocabulary, outcomeVocabulary } from "./vocab";

const YEAR = 2025;
const { start, end } = yearBounds(YEAR);

/** A register and, for every cell key "row:column", the Excel rows the generator placed there. */
function generated(formatId: FormatId, n: number, seed: number) {
  const format = getFormat(formatId);
  const rand = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const applicants = applicantVocabulary(format).spellings.filter((s) => !s.warning);
  const outcomes = outcomeVocabulary(format).spellings.filter((s) => !s.warning);
  const columns = format.t3.columns.map((c) => c.key);
  const expected = new Map<string, number[]>();
  const put = (key: string, col: number, rn: number) => {
    for (const c of [col, T3_TOTAL_COLUMN]) {
      const k = `${key}:${c}`;
      expected.set(k, [...(expected.get(k) ?? []), rn]);
    }
  };
  const rows: Cell[][] = [Object.keys(APPLICATION_HEADERS)];
  for (let i = 0; i < n; i++) {
    const rn = i + 2;
    const received = daysFromCivil(YEAR - 1, 1, 1) + Math.floor(rand() * 820);
    const a = pick(applicants);
    const closed = rand() < 0.8;
    const concluded = received + Math.floor(rand() * 60);
    const o = pick(outcomes);
    rows.push([
      `Y${i}`,
      serialFromDays(received),
      a.spelling,
      closed ? o.spelling : null,
      closed ? serialFromDays(concluded) : null,
      null,
      null,
    ]);
    if (received > end || (closed && concluded < start)) continue;
    const col = columns.indexOf(a.key);
    put(received >= start ? "new" : "carry", col, rn);
    if (closed && concluded <= end) {
      put(o.key, col, rn);
      put("total", col, rn);
    } else put("fwd", col, rn);
  }
  const types = caseTypeVocabulary(format).spellings.filter((s) => !s.warning);
  const results = caseResultVocabulary(format).spellings.filter((s) => !s.warning);
  const groups = [format.t4.review, ...format.t4.litigation].map((g) => g.key);
  const resultKeys = format.t4.results.map((r) => r.key);
  const cases: Cell[][] = [Object.keys(CASE_HEADERS)];
  for (let i = 0; i < n / 10; i++) {
    const rn = i + 2;
    const filed = daysFromCivil(YEAR - 1, 6, 1) + Math.floor(rand() * 700);
    const t = pick(types);
    const r = rand() < 0.7 ? pick(results) : null;
    const closed = r ? filed + Math.floor(rand() * 200) : null;
    cases.push([
      `F${i}`,
      t.spelling,
      serialFromDays(filed),
      r?.spelling ?? null,
      closed === null ? null : serialFromDays(closed),
    ]);
    if (filed < start || filed > end) continue;
    const result =
      r && closed !== null && closed <= end ? resultKeys.indexOf(r.key) : resultKeys.indexOf("pending");
    const g = t.key;
    for (const c of [result, T4_TOTAL_RESULT]) {
      const k = `t4.${g}:${c}`;
      expected.set(k, [...(expected.get(k) ?? []), rn]);
    }
  }
  const wb: WorkbookData = {
    sheets: [
      { name: SHEETS.applications, rows },
      { name: SHEETS.cases, rows: cases },
    ],
  };
  return { wb, expected, groups, format };
}

describe("explaining every cell", () => {
  for (const formatId of ["2021", "2019"] as FormatId[])
    test(`${formatId}: each cell's rows are exactly the generated ones, as many as its number`, () => {
      const { wb, expected, groups, format } = generated(formatId, 3000, formatId === "2021" ? 7 : 11);
      const r = compileWorkbook(wb, { year: YEAR, format: formatId, explain: true });
      expect(r.rowIssues.filter((i) => i.severity === "error")).toEqual([]);
      const ex = r.explainer;
      if (!ex) throw new Error("no explainer");
      const all = ex.allT3();
      let nonZero = 0;
      for (const row of numberRows(format))
        for (let c = 0; c < 7; c++) {
          const want = expected.get(`${row.key}:${c}`) ?? [];
          const value = r.tables.t3[row.key][c];
          expect({
            cell: `${row.key}:${c}`,
            rows: ex.rowsOf({ table: "t3", row: row.key, column: c }),
          }).toEqual({
            cell: `${row.key}:${c}`,
            rows: want,
          });
          expect(Array.from(all[row.key][c])).toEqual(want);
          expect(want.length).toBe(value);
          if (value) nonZero++;
        }
      expect(nonZero).toBeGreaterThan(40);
      for (const g of groups)
        for (let c = 0; c < 5; c++) {
          const want = expected.get(`t4.${g}:${c}`) ?? [];
          expect(ex.rowsOf({ table: "t4", row: g, column: c })).toEqual(want);
          const e = ex.explain({ table: "t4", row: g, column: c });
          expect(e.rows.length).toBe(e.value);
        }
      // Details: the fields that put a row there, and why.
      const d1 = ex.explain({ table: "t3", row: "new", column: T3_TOTAL_COLUMN });
      expect(d1.rows[0]).toMatchObject({ sheet: SHEETS.applications, id: expect.stringMatching(/^Y\d+$/) });
      expect(d1.rows[0].fields.map(([k]) => k)).toEqual(["收到日期", "申请人类型", "办理结果", "办结日期"]);
      expect(d1.rows[0].why).toMatch(/^本年收到（2025-\d\d-\d\d）$/);
      expect(ex.explain({ table: "t3", row: "carry", column: T3_TOTAL_COLUMN }).rows[0].why).toMatch(
        /^上年收到（2024-\d\d-\d\d），1月1日尚未办结，作为上年结转$/,
      );
      expect(ex.explain({ table: "t3", row: "fwd", column: T3_TOTAL_COLUMN }).rows[0].why).toMatch(
        /^12月31日尚未办结.*结转下年度继续办理$/,
      );
    });

  test("a zero cell explains to no rows; carry numbers typed in 报告信息 are said to be typed", () => {
    const wb: WorkbookData = {
      sheets: [
        {
          name: SHEETS.applications,
          rows: [
            Object.keys(APPLICATION_HEADERS),
            ["A1", serialFromDays(start + 10), "自然人", "予以公开", serialFromDays(start + 20), null, null],
          ],
        },
        {
          name: SHEETS.info,
          rows: [
            ["项目", "内容"],
            ["上年结转-自然人", 5],
            ["上年结转-商业企业", 2],
          ],
        },
      ],
    };
    const r = compileWorkbook(wb, { year: YEAR, explain: true });
    const ex = r.explainer;
    if (!ex) throw new Error("no explainer");
    const carry = ex.explain({ table: "t3", row: "carry", column: 0 });
    expect([carry.value, carry.typed, carry.rows]).toEqual([5, 5, []]);
    expect(carry.note).toBe("其中5件是「报告信息」中填写的上年结转数字，不对应登记表中的行");
    expect(ex.explain({ table: "t3", row: "carry", column: T3_TOTAL_COLUMN }).typed).toBe(7);
    const zero = ex.explain({ table: "t3", row: "d1", column: 0 });
    expect([zero.value, zero.rows, zero.note]).toEqual([0, [], "登记表中没有计入此数的行"]);
    const grant = ex.explain({ table: "t3", row: "grant", column: 0 });
    expect(grant.label).toBe("表三「（一）予以公开」「自然人」");
    expect(grant.rows.map((x) => [x.row, x.id, x.why])).toEqual([
      [2, "A1", "本年办结（2025-01-21），办理结果为「予以公开」"],
    ]);
  });

  test("without explain, compile keeps no trace", () => {
    const { wb } = generated("2021", 50, 3);
    expect(compileWorkbook(wb, { year: YEAR }).explainer).toBeUndefined();
  });
});
