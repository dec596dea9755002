/**
 * Reading a table set that may come from JSON, typed by hand or copied from a published report: every row and
 * cell the format expects, blanks as null (F2), anything that is not a number of the right kind (F1), rows or
 * shapes of another format (F3). What it returns is safe for the arithmetic rules of ./checks.
 */
import type { FormatDef, Table2Column } from "../formats";
import { numberRows, T3_WIDTH, T4_GROUP_WIDTH, T4_WIDTH } from "../formats";
import { colName } from "./findings";
import type { Findings } from "./findings";
import type { Num, Table2, Table3, Table4, TableSet } from "./tables";

/** Reads one number cell: null for blanks, the number, or undefined for something that is not a number. */
export function cellValue(v: unknown): Num | undefined {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  return undefined;
}

/** Counts of a year's work: integers below 10⁹ (a larger one is a typing or conversion error, never a count). */
export const MAX_COUNT = 1e9;

function kindOk(v: number, kind: Table2Column["kind"]): boolean {
  if (kind === "amount") return v >= 0;
  if (kind === "signedCount") return Number.isInteger(v) && Math.abs(v) < MAX_COUNT;
  return Number.isInteger(v) && v >= 0 && v < MAX_COUNT;
}

const KIND_TEXT = {
  count: "小于10亿的非负整数",
  signedCount: "绝对值小于10亿的整数",
  amount: "不小于0的数",
};

/** Where a table set cannot serve as last year's: what it lacks, in Chinese. */
export class PreviousTablesError extends Error {}

/**
 * Last year's tables as X1 and X2 need them: an object with 表三's 「四、结转下年度继续办理」 row (t3.fwd, seven
 * numbers). Anything else is refused with the reason, since a silently unchecked X1 is a false pass.
 */
export function previousTables(raw: unknown, where: string): TableSet {
  const fail = (why: string): never => {
    throw new PreviousTablesError(`${where}不能用作上年数据：${why}，无法核对上年结转（X1）`);
  };
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) fail("应为一个统计表对象（含 t3）");
  const t = raw as Partial<TableSet>;
  if (!t.t3 || typeof t.t3 !== "object" || Array.isArray(t.t3)) fail("缺少表三（t3）");
  const fwd = (t.t3 as Record<string, unknown>).fwd;
  if (!Array.isArray(fwd)) fail("表三缺少「四、结转下年度继续办理」一行（t3.fwd）");
  const values = fwd as unknown[];
  if (values.length !== T3_WIDTH || values.some((v) => typeof cellValue(v) !== "number"))
    fail(`「四、结转下年度继续办理」应有${T3_WIDTH}个数字`);
  return t as TableSet;
}

/** The 2021 format's three parts of （六）其他处理, which the 2019 format prints as one row `o`. */
export const SIX_PARTS = ["o1", "o2", "o3"] as const;

/** How 表三 prints （六） where it does so in the other format's layout: one row (2019's) or three (2021's). */
function otherSix(format: FormatDef, given: Record<string, unknown>): "one" | "three" | null {
  if (format.id !== "2019" && "o" in given && !("o1" in given)) return "one";
  if (format.id === "2019" && "o1" in given) return "three";
  return null;
}

/**
 * 表三 as its results add up where （六） is printed in the other format's layout (one row for three, or three
 * for one, F3 names it): the printed row in the place of the rows it stands for, so that S1 weighs the numbers
 * the report prints — one cause, one finding — and still finds a 总计 that is wrong beyond it. The table itself
 * as read where （六） is printed as its format prints it.
 */
export function asPrintedSix(format: FormatDef, raw: unknown, t3: Table3): Table3 {
  const given = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  const row = (k: string): Num[] =>
    Array.isArray(given[k]) ? (given[k] as unknown[]).map((x) => cellValue(x) ?? null) : [];
  const zeros = () => new Array<Num>(T3_WIDTH).fill(0);
  const other = otherSix(format, given);
  if (other === "one") {
    const o = row("o");
    return o.length === T3_WIDTH ? { ...t3, o1: o, o2: zeros(), o3: zeros() } : t3;
  }
  if (other === "three" && !("o" in given)) {
    const parts = SIX_PARTS.map(row);
    if (parts.some((p) => p.length !== T3_WIDTH)) return t3;
    return { ...t3, o: parts[0].map((_, c) => parts.reduce((s, p) => s + (p[c] ?? 0), 0)) };
  }
  return t3;
}

/**
 * `unread`: rows printed in the document whose labels could not be told apart (L1 names them instead of 缺少).
 */
export function readTable3(
  format: FormatDef,
  raw: unknown,
  out: Findings,
  unread = new Set<string>(),
  /** Columns printed past the page's edge (F4 names them): their blanks are not the table's. */
  offPage = new Set<number>(),
): Table3 {
  const t3: Table3 = {};
  const rows = numberRows(format);
  const given = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  if (!raw || typeof raw !== "object")
    out.add("F3", "t3", undefined, undefined, "缺少表三（t3），请按格式提供表三的各行数字", undefined, [
      { where: "t3" },
    ]);
  const expected = new Set(rows.map((r) => r.key));
  const unknown = Object.keys(given).filter((k) => !expected.has(k));
  const other = otherSix(format, given);
  if (other === "one")
    out.add(
      "F3",
      "t3",
      "o",
      undefined,
      `表三「（六）其他处理」只有一行，这是2019年格式；${format.name}应分为「1.申请人无正当理由逾期不补正…」「2.申请人逾期未按收费通知要求缴纳费用…」「3.其他」三项`,
      undefined,
      SIX_PARTS.map((k) => ({ where: `t3.${k}` })),
    );
  else if (other === "three")
    out.add(
      "F3",
      "t3",
      "o1",
      undefined,
      `表三「（六）其他处理」分为三项，这是2021年格式，与声明的${format.name}不符`,
      undefined,
      [{ where: "t3.o" }, ...SIX_PARTS.map((k) => ({ where: `t3.${k}` }))],
    );
  else
    for (const k of unknown)
      out.add("F3", "t3", k, undefined, `表三有未知的行「${k}」，${format.name}没有这一行`);
  for (const row of rows) {
    const v = given[row.key];
    if (v === undefined) {
      if (raw && typeof raw === "object" && !unread.has(row.key))
        out.add("F3", "t3", row.key, undefined, `表三缺少「${row.label}」一行`);
      t3[row.key] = new Array<Num>(T3_WIDTH).fill(null);
      continue;
    }
    if (!Array.isArray(v) || v.length !== T3_WIDTH) {
      out.add(
        "F3",
        "t3",
        row.key,
        undefined,
        `表三「${row.label}」应有7个数字（6类申请人和总计），实际为${Array.isArray(v) ? v.length + "个" : "非数组"}`,
        undefined,
        [{ where: `t3.${row.key}` }],
      );
      t3[row.key] = new Array<Num>(T3_WIDTH).fill(null);
      continue;
    }
    const values: Num[] = v.map((x: unknown, i: number) => {
      const c = cellValue(x);
      if (c === undefined || (c !== null && !kindOk(c, "count"))) {
        out.add(
          "F1",
          "t3",
          row.key,
          format.t3.columns[i].key,
          `表三「${row.label}」「${colName(format, i)}」的值「${String(x)}」不是${KIND_TEXT.count}`,
        );
        return null;
      }
      return c;
    });
    const blanks = values
      .map((x, i) => (x === null && cellValue(v[i]) === null && !offPage.has(i) ? colName(format, i) : ""))
      .filter(Boolean);
    if (blanks.length)
      out.add(
        "F2",
        "t3",
        row.key,
        undefined,
        `表三「${row.label}」有空白单元格（${blanks.join("、")}），没有数字的单元格应填0`,
      );
    t3[row.key] = values;
  }
  return t3;
}

export function readTable4(
  format: FormatDef,
  raw: unknown,
  out: Findings,
  offPage = new Set<number>(),
): Table4 {
  if (!Array.isArray(raw) || raw.length !== T4_WIDTH) {
    out.add(
      "F3",
      "t4",
      undefined,
      undefined,
      `表四应有${T4_WIDTH}个数字（行政复议5个、行政诉讼10个），实际为${Array.isArray(raw) ? raw.length + "个" : "缺少"}`,
      undefined,
      [{ where: "t4" }],
    );
    return new Array<Num>(T4_WIDTH).fill(null);
  }
  const groups = [format.t4.review, ...format.t4.litigation];
  const blanks: string[] = [];
  const t4 = raw.map((x: unknown, i: number) => {
    const g = groups[Math.floor(i / T4_GROUP_WIDTH)];
    const r = format.t4.results[i % T4_GROUP_WIDTH];
    const c = cellValue(x);
    if (c === undefined || (c !== null && !kindOk(c, "count"))) {
      out.add(
        "F1",
        "t4",
        g.key,
        r.key,
        `表四「${g.label}」「${r.label}」的值「${String(x)}」不是${KIND_TEXT.count}`,
      );
      return null;
    }
    if (c === null && !offPage.has(i)) blanks.push(`${g.label}${r.label}`);
    return c;
  });
  if (blanks.length)
    out.add(
      "F2",
      "t4",
      undefined,
      undefined,
      `表四有空白单元格（${blanks.join("、")}），没有数字的单元格应填0`,
    );
  return t4;
}

export function readTable2(
  format: FormatDef,
  raw: unknown,
  out: Findings,
  unread = new Set<string>(),
): Table2 | null {
  if (raw === null || raw === undefined) {
    if (format.t2)
      out.add(
        "F2",
        "t2",
        undefined,
        undefined,
        "缺少表二（t2），表二的数字应全部填写，没有的填0",
        undefined,
        [{ where: "t2" }],
      );
    return null;
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    out.add(
      "F3",
      "t2",
      undefined,
      undefined,
      "表二（t2）应为对象，键为各行（如 rules、normative）",
      undefined,
      [{ where: "t2" }],
    );
    return null;
  }
  const given = raw as Record<string, unknown>;
  const t2: Table2 = {};
  const rows = format.t2
    ? format.t2.blocks.flatMap((b) => b.rows.map((r) => ({ key: r.key, label: r.label, columns: b.columns })))
    : (format.legacyCategories ?? []).map((c) => ({
        key: c.key,
        label: c.label,
        columns: [{ key: "count", label: "数量", kind: "count" as const }],
      }));
  const known = new Set(rows.map((r) => r.key));
  for (const k of Object.keys(given))
    if (!known.has(k)) out.add("F3", "t2", k, undefined, `表二有未知的行「${k}」，${format.name}没有这一行`);
  for (const row of rows) {
    const v = given[row.key];
    const single = row.columns.length === 1;
    if (v === undefined) {
      if (!unread.has(row.key)) out.add("F3", "t2", row.key, undefined, `表二缺少「${row.label}」一行`);
      t2[row.key] = single ? null : row.columns.map(() => null);
      continue;
    }
    if (single ? Array.isArray(v) : !Array.isArray(v) || v.length !== row.columns.length) {
      out.add(
        "F3",
        "t2",
        row.key,
        undefined,
        single ? `表二「${row.label}」应为一个数字` : `表二「${row.label}」应有${row.columns.length}个数字`,
      );
      t2[row.key] = single ? null : row.columns.map(() => null);
      continue;
    }
    const cells = single ? [v] : (v as unknown[]);
    const values = cells.map((x, i) => {
      const col = row.columns[i];
      const c = cellValue(x);
      if (c === undefined || (c !== null && !kindOk(c, col.kind))) {
        out.add(
          "F1",
          "t2",
          row.key,
          col.key,
          `表二「${row.label}」「${col.label}」的值「${String(x)}」不是${KIND_TEXT[col.kind]}`,
        );
        return null;
      }
      if (c === null)
        out.add("F2", "t2", row.key, col.key, `表二「${row.label}」「${col.label}」为空白，没有数字的应填0`);
      return c;
    });
    t2[row.key] = single ? values[0] : values;
  }
  // Every cell blank: the table was left unfilled — one finding for it, not one per cell.
  const cells = Object.values(t2).flatMap((v) => (Array.isArray(v) ? v : [v]));
  if (format.t2 && cells.length && cells.every((v) => v === null) && rows.every((r) => r.key in given))
    out.add(
      "F2",
      "t2",
      undefined,
      undefined,
      `${format.t2.name}的数字全部为空白，没有数字的单元格应填0`,
      undefined,
      [{ where: "t2", rules: ["F2"] }],
    );
  return t2;
}
