/**
 * Roll-up: a government's 办公厅/室 adds up the tables of all its departments, towns and streets. Each unit's
 * tables are brought to one format (a 2019-style （六） row goes into 3.其他, with a warning; never mixed
 * silently), summed cell by cell (表二 counts and 万元 alike), and checked: every unit and the total. A unit
 * whose own tables fail is named with its findings. The 信息处理费 is added only where every unit's is known: one
 * unit's unknown fee (a ledger that cannot give it, a report that does not say it) makes the total unknown — never
 * a sum that counts it as 0 — and every surface names the units whose fee is unknown (FEE_ROLLUP_WORDS).
 */
import { t4GroupIndex } from "./tables/cellRef";
import { checkTables } from "./tables/checks";
import type { CompileResult } from "./compile";
import type { Explainer, Explanation } from "./register/explain";
import type { CellRef } from "./tables/cellRef";
import { buildSentences } from "./text/sentences";
import type { Finding } from "./tables/checks";
import { getFormat, numberRows, T3_WIDTH, T4_GROUP_WIDTH, T4_WIDTH } from "./formats";
import type { FormatDef, FormatId } from "./formats";
import { emptyTable2 } from "./tables/tables";
import type { Num, Table2, Table3, TableSet } from "./tables/tables";

export interface RollupUnit {
  name: string;
  tables: TableSet;
  /** Rows its register left out because of errors, when it came from a register. */
  excludedRows?: number;
  /** When it came from a register compiled with `explain`: the rows behind its numbers. */
  explainer?: Explainer;
}

export interface UnitResult {
  name: string;
  tables: TableSet;
  /** Its 表三 as counted in the total (a 2019 unit's （六） in 3.其他 of a 2021 total). */
  counted: Table3;
  explainer?: Explainer;
  checks: Finding[];
  warnings: string[];
  hasErrors: boolean;
}

export interface RollupResult {
  total: TableSet;
  checks: Finding[];
  units: UnitResult[];
  /** Names of the units included. */
  included: string[];
  /** Names of the units whose own tables have error findings. */
  unitsWithErrors: string[];
  /** Names of the units whose 信息处理费 is unknown (then the total's is unknown too: null). */
  feeUnknown: string[];
  warnings: string[];
}

const yuan = (v: number) => `${Math.round(v * 100) / 100}元`;
const names = (units: string[]) => units.map((u) => `「${u}」`).join("");

/** The words of the total's 信息处理费 where some unit's is unknown. */
export const FEE_ROLLUP_WORDS = {
  /** A warning of the roll-up (command line, pane, --json). */
  warning: (unknown: string[], known: number, sum: number) =>
    `${names(unknown)}的信息处理费金额不详，合计的信息处理费无法确定${known ? `（其余${known}个单位共${yuan(sum)}）` : ""}，汇总报告中不写金额`,
  /** The 汇总 sheet's cell of a unit or the total whose fee is unknown. */
  cell: "不详",
  totalCell: (unknown: string[]) => `不详（${unknown.join("、")}的金额不详）`,
  /** The roll-up report's sentence, a placeholder to fill in. */
  sentence: (year: number, unknown: string[], known: number, sum: number) =>
    `【请填写：${year}年信息处理费合计。${names(unknown)}的信息处理费金额不详${known ? `，其余${known}个单位共收取${yuan(sum)}` : ""}】`,
};

/** The 信息处理费 of the total in words (the review's 汇总, a line of text): the amount, or which units are unknown. */
export function feeLine(r: RollupResult): string {
  const fee = r.total.feeYuan;
  if (fee !== null && fee !== undefined) return `信息处理费：合计${yuan(fee)}`;
  const { known, sum } = knownFees(r);
  return `信息处理费：${FEE_ROLLUP_WORDS.warning(r.feeUnknown, known, sum)}`;
}

/** How many units' fees are known, and their sum. */
function knownFees(r: RollupResult): { known: number; sum: number } {
  const known = r.units.filter((u) => u.tables.feeYuan !== null && u.tables.feeYuan !== undefined);
  return { known: known.length, sum: known.reduce((s, u) => s + (u.tables.feeYuan ?? 0), 0) };
}

const add = (a: Num | undefined, b: Num | undefined): Num => {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return null;
  return Math.round(((a ?? 0) + (b ?? 0)) * 10000) / 10000;
};

/** A unit's 表三 in the target format's rows: 2019's one （六） row becomes 3.其他 in 2021, and back. */
function convertTable3(
  tables: TableSet,
  target: FormatDef,
  name: string,
  warnings: string[],
): TableSet["t3"] {
  const rows = numberRows(target);
  const t3: TableSet["t3"] = {};
  const zero = () => new Array<Num>(T3_WIDTH).fill(0);
  for (const r of rows) t3[r.key] = [...(tables.t3[r.key] ?? zero())];
  const has = (k: string) => Array.isArray(tables.t3[k]);
  if (target.id !== "2019" && has("o") && !has("o1")) {
    t3.o1 = zero();
    t3.o2 = zero();
    t3.o3 = [...tables.t3.o];
    warnings.push(
      `「${name}」的表三是2019年格式，「（六）其他处理」一行已计入「3.其他」，请核对是否属于第1、2项`,
    );
  } else if (target.id === "2019" && has("o1")) {
    t3.o = tables.t3.o1.map((v, i) => add(add(v, tables.t3.o2?.[i]), tables.t3.o3?.[i]));
  }
  return t3;
}

export function rollup(
  units: RollupUnit[],
  options: { format?: FormatId; year?: number; agency?: string } = {},
): RollupResult {
  const formats = units.map((u) => u.tables.format);
  const targetId: FormatId = options.format ?? (formats.includes("2021") ? "2021" : (formats[0] ?? "2021"));
  const target = getFormat(targetId);
  const years = [...new Set(units.map((u) => u.tables.year))];
  const year = options.year ?? years[0] ?? new Date().getFullYear() - 1;
  const warnings: string[] = [];
  if (years.length > 1 || (options.year && years.some((y) => y !== options.year)))
    warnings.push(`各单位的报告年度不一致（${years.join("、")}），汇总按${year}年`);

  const total: TableSet = {
    format: target.id,
    year,
    agency: options.agency ?? "",
    t2: emptyTable2(target),
    t3: {},
    t4: new Array<Num>(T4_WIDTH).fill(0),
    feeYuan: 0,
  };
  for (const r of numberRows(target)) total.t3[r.key] = new Array<Num>(T3_WIDTH).fill(0);

  const results: UnitResult[] = units.map((u) => {
    const unitWarnings: string[] = [];
    const checks = checkTables(u.tables);
    const t3 = convertTable3(u.tables, target, u.name, unitWarnings);
    for (const [k, row] of Object.entries(t3)) total.t3[k] = total.t3[k].map((v, i) => add(v, row[i]));
    total.t4 = total.t4.map((v, i) => add(v, u.tables.t4?.[i]));
    if (u.tables.format === target.id && u.tables.t2 && total.t2) {
      for (const [k, v] of Object.entries(u.tables.t2)) {
        const cur = (total.t2 as Table2)[k];
        (total.t2 as Table2)[k] = Array.isArray(v)
          ? (v as Num[]).map((x, i) => add(Array.isArray(cur) ? cur[i] : 0, x))
          : add(cur as Num, v as Num);
      }
    } else if (u.tables.t2)
      unitWarnings.push(
        `「${u.name}」的表二是${getFormat(u.tables.format).name}，与汇总的${target.name}不同，未计入表二`,
      );
    // An unknown fee stays unknown: the total is null once any unit's is (never the others' sum as if it were 0).
    const fee = u.tables.feeYuan;
    total.feeYuan =
      fee === null || fee === undefined || total.feeYuan === null ? null : add(total.feeYuan, fee);
    if (u.excludedRows) unitWarnings.push(`「${u.name}」的登记表有${u.excludedRows}行因错误未计入`);
    warnings.push(...unitWarnings);
    return {
      name: u.name,
      tables: u.tables,
      counted: t3,
      ...(u.explainer ? { explainer: u.explainer } : {}),
      checks,
      warnings: unitWarnings,
      hasErrors: checks.some((c) => c.severity === "error"),
    };
  });
  const checks = checkTables(total);
  const feeUnknown = units
    .filter((u) => u.tables.feeYuan === null || u.tables.feeYuan === undefined)
    .map((u) => u.name);
  const result: RollupResult = {
    total,
    checks,
    units: results,
    included: units.map((u) => u.name),
    unitsWithErrors: results.filter((r) => r.hasErrors).map((r) => r.name),
    feeUnknown,
    warnings,
  };
  if (feeUnknown.length) {
    const { known, sum } = knownFees(result);
    warnings.push(FEE_ROLLUP_WORDS.warning(feeUnknown, known, sum));
  }
  return result;
}

const FEE_LABEL = "信息处理费（元）";

/**
 * The 汇总 sheet's rows: a header, then per unit and for the total one row per 表三 row, one for 表四 and one for
 * the 信息处理费 (不详 where unknown; the total's names the units whose fee is unknown).
 */
export function rollupRows(r: RollupResult): (string | number)[][] {
  const format = getFormat(r.total.format);
  const rows: (string | number)[][] = [["单位", "项目", ...format.t3.columns.map((c) => c.label)]];
  const t4Label = `表四（${[format.t4.review, ...format.t4.litigation].map((g) => g.label).join("、")}，各${T4_GROUP_WIDTH}项）`;
  const block = (name: string, t: TableSet, unknownFee: string) => {
    for (const row of numberRows(format))
      rows.push([name, row.label, ...(t.t3[row.key] ?? []).map((v) => v ?? "")]);
    rows.push([name, t4Label, ...t.t4.map((v) => v ?? "")]);
    rows.push([name, FEE_LABEL, t.feeYuan === null || t.feeYuan === undefined ? unknownFee : t.feeYuan]);
  };
  for (const u of r.units) block(u.name, u.tables, FEE_ROLLUP_WORDS.cell);
  block("合计", r.total, FEE_ROLLUP_WORDS.totalCell(r.feeUnknown));
  // A rectangle, as a sheet range must be: the 表四 rows are wider than the 表三 ones.
  const width = Math.max(...rows.map((row) => row.length));
  return rows.map((row) => [...row, ...new Array<string>(width - row.length).fill("")]);
}

/** The consolidated report of a roll-up: the total's tables, sentences for the whole area, placeholders for the rest. */
export function rollupCompileResult(r: RollupResult, agency: string): CompileResult {
  const tables = { ...r.total, agency };
  const sentences = buildSentences(tables, { selfName: agency ? "全市" : "本级" });
  if (r.feeUnknown.length) {
    // No amount where a unit's is unknown: the fee's sentence says which units, for the person to fill in.
    const { known, sum } = knownFees(r);
    sentences[tables.format === "2008" ? "s5.fees" : "s6.fees"] = FEE_ROLLUP_WORDS.sentence(
      tables.year,
      r.feeUnknown,
      known,
      sum,
    );
  }
  return {
    tables,
    checks: r.checks,
    rowIssues: [],
    info: { agency, narratives: {} },
    sentences,
    stats: { applications: null, cases: null, published: 0, excludedRows: 0 },
    categories: {},
    channels: {},
    ledger: { registers: [], ignored: [], pending: [] },
  };
}

/** What each unit contributed to a number of the consolidated tables, and its rows where it came from a register. */
export interface UnitContribution {
  name: string;
  value: Num;
  explanation?: Explanation;
}

/** What units made a number of the total, in a line: 合计…：甲局 3，乙局 2 (or that every unit has 0). */
export function contributionLine(label: string, units: UnitContribution[]): string {
  return `合计${label}：${units.length ? units.map((u) => `${u.name} ${u.value}`).join("，") : "各单位都是0"}`;
}

/** A number of the total explained by unit (units with nothing in it left out), down to rows where known. */
export function explainRollupCell(r: RollupResult, cell: CellRef): UnitContribution[] {
  const out: UnitContribution[] = [];
  const t4At =
    cell.table === "t4"
      ? t4GroupIndex(getFormat(r.total.format), cell.row) * T4_GROUP_WIDTH + cell.column
      : 0;
  for (const u of r.units) {
    const value =
      cell.table === "t3" ? (u.counted[cell.row]?.[cell.column] ?? null) : (u.tables.t4[t4At] ?? null);
    if (!value) continue;
    const same = u.tables.format === r.total.format;
    out.push({
      name: u.name,
      value,
      ...(u.explainer && same ? { explanation: u.explainer.explain(cell) } : {}),
    });
  }
  return out;
}
