/**
 * 政府办审核: every department's report checked in one pass. Each unit read (by the loaders, one file at a
 * time) comes here with its tables, its findings and how it was read; the review gives each a status —
 * 通过, 有提示 (warnings only), 需修改 (any error, or any X3: a text that contradicts its own tables must be
 * corrected even though X3 is a warning in `check`), 年度不符 (not the review's year), 无法读取 (with the
 * reason), 未报送 (on the list of units, no file) —, names each unit as the list does (./units: a unit that may be
 * either of two on the list is asked about, naming both), and adds up the units of the review's year that were
 * read (需修改 included and marked). Files that are no unit (a letter, a note) are listed as skipped, with why.
 */
import { feeLine, rollup } from "./rollup";
import type { RollupResult, RollupUnit } from "./rollup";
import type { Explainer } from "./register/explain";
import type { Finding, Folded, Severity } from "./tables/findings";
import { placeWords } from "./tables/place";
import { getFormat } from "./formats";
import type { FormatId } from "./formats";
import { firstDifference, valueWords } from "./tables/compare";
import { findingQuote } from "./reviewQuote";
import type { Table2, Table3, Table4, TableSet } from "./tables/tables";
import type { PublishedDate } from "./read/published";
import { batchRules } from "./audit/batch";
import { analyse } from "./audit/analysis";
import type { Analysis } from "./audit/analysis";
import type { OnTime } from "./audit/batch";
import { applyRuleSet, defaultRuleSet, scored } from "./rules/ruleset";
import type { RuleSet } from "./rules/ruleset";
import { rankScores } from "./rules/score";
import type { Score } from "./rules/score";
import { SEVERITY } from "./tables/findings";
import { eitherOf, matchUnit, sameUnitKey, unitKey, unitNameFromFile } from "./units";

export { unitKey, unitNameFromFile };

export type ReviewStatus = "通过" | "有提示" | "需修改" | "年度不符" | "无法读取" | "未报送";

/** How a unit's numbers were read. */
export type ReviewSource = "stored" | "labels" | "register" | "typed" | "tables";

export const SOURCE_LABELS: Record<ReviewSource, string> = {
  stored: "报告中保存的数据",
  labels: "按表格文字读取",
  register: "台账",
  typed: "手填的统计表",
  tables: "统计表 JSON",
};

/** One unit as read from its file, before the review judges it. */
export interface ReadUnit {
  unit: string;
  file: string;
  /** Its tables and findings; absent when the file could not be read (`reason` says why). */
  tables?: TableSet;
  findings?: Finding[];
  source?: ReviewSource;
  reason?: string;
  /** Findings outside the rules: a register's rows with errors, how a report was read (printed vs stored). */
  extra?: ReviewFinding[];
  /** A register's: the rows its errors left out, and (read with `explain`) the rows behind each number. */
  excludedRows?: number;
  explainer?: Explainer;
  /** Its files disagree (oneUnitEach): not added to the total until the unit says which stands. */
  uncounted?: boolean;
  /** Where its name came from: the report (title, 报告信息, a register's 机关名称) or the file's name. */
  nameFrom?: "file" | "report";
  /** Last year's file its X1/X2 were checked against. */
  previous?: string;
  /** Last year's tables (that file's): 汇总分析's 同比. */
  previousTables?: TableSet;
  /** Not a unit at all (a letter, a note): listed as skipped, with this. */
  skip?: string;
  /** The list's names it may be (matchUnit found two or more): asked about, none chosen. */
  between?: string[];
  /** A report's paragraphs outside its tables (雷同 compares them), and last year's where it was matched. */
  paragraphs?: string[];
  previousParagraphs?: string[];
  /** When the report was published or signed, and where that was read (R1). */
  published?: PublishedDate;
  /** A 人民政府's own report (by its title): its deadline is the government's (R1), and R13 applies. */
  government?: boolean;
}

export interface ReviewFinding {
  rule: string;
  severity: Severity;
  /** Where, as a key for programs (`t3.new.natural`) or already in words (单位名, 全文). */
  where: string;
  /** Where, in a reviewer's words (表三「…」「自然人」, 第五部分): given to every finding of a reviewed unit. */
  place?: string;
  /** The findings this one's cause explains, folded into it (./tables/fold). */
  folded?: Folded[];
  message: string;
  /** 原文: the sentence X3 quotes, or the table row as read (its label and numbers); absent for the rest. */
  quote?: string;
}

/** A reviewed unit's finding: its place always in words. */
export type PlacedFinding = ReviewFinding & { place: string };

export interface ReviewedUnit {
  unit: string;
  file: string;
  year: number | null;
  format: FormatId | null;
  source: ReviewSource | null;
  status: ReviewStatus;
  errors: number;
  warnings: number;
  /** X3 findings: the text contradicting its own tables. */
  x3: number;
  /** Whether last year's report of the unit was found (X1/X2 then checked). */
  previous: string | null;
  findings: PlacedFinding[];
  reason?: string;
  /** The list's names the unit may be, when its name fits two or more: the reviewer says which. */
  between?: string[];
  /** When it was published and where that was read; whether by the deadline (R1); null where no report was read. */
  published: PublishedDate | null;
  onTime: OnTime | null;
  /** The deadline it was held to (YYYY-MM-DD). */
  deadline: string | null;
  /** Its highest share of text in common with another report (雷同, R29), and whose; null when not compared. */
  similar: { share: number; with: string } | null;
  /**
   * 考核, where the rule set gives points: 100 less its deductions (down to 0), the deductions by rule, and its
   * place among the units scored (equal scores share a place). Absent without points, and for a unit whose
   * report was not judged (无法读取, 年度不符).
   */
  score?: Score;
}

export interface ReviewResult {
  year: number;
  /** The 审核要点 the review applied. */
  rules: RuleSet;
  units: ReviewedUnit[];
  missing: string[];
  skipped: { file: string; reason: string }[];
  rollup: {
    format: FormatId;
    t2: Table2 | null;
    t3: Table3;
    t4: Table4;
    units: string[];
    /** The 信息处理费 added up, in words (unknown where a unit's is: those units named). */
    fee: string;
  } | null;
  /** 汇总分析: each unit of the year read, the batch's 合计 and 中位数, the units marked and why. */
  analysis: Analysis;
}

/**
 * A unit's status from its year and its findings as the rule set handles them (./rules/ruleset applyRuleSet):
 * any error — a rule the set handles as 需修改, X3 and 雷同 among them by default — is 需修改.
 */
export function unitStatus(
  u: Pick<ReadUnit, "tables">,
  year: number,
  findings: ReviewFinding[],
): ReviewStatus {
  if (!u.tables) return "无法读取";
  if (u.tables.year !== year) return "年度不符";
  if (findings.some((x) => x.severity === "error")) return "需修改";
  return findings.length ? "有提示" : "通过";
}

/** A file's name without its folder. */
const fileName = (file: string) => file.replace(/^.*[\\/]/, "");

/** The review's year: the one given, else the year most units are of, else last year. */
export function reviewYear(units: ReadUnit[], given?: number, today = new Date()): number {
  if (given) return given;
  const counts = new Map<number, number>();
  for (const u of units) if (u.tables?.year) counts.set(u.tables.year, (counts.get(u.tables.year) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  return best?.[0] ?? today.getFullYear() - 1;
}

/**
 * One unit per unit, though it sent several files (its .docx and its PDF, its report and its register): of its
 * files, those that could not be read (when one could) and those of another year (when one is of the review's)
 * are listed as skipped with why; the rest make one unit, their files named together, counted once. Where their
 * numbers differ, nothing decides which stands: an error names the first cell that differs, and the unit is
 * left out of the total until the unit says which file is right.
 */
function oneUnitEach(
  read: ReadUnit[],
  year: number,
): { units: ReadUnit[]; skipped: { file: string; reason: string }[] } {
  const groups = new Map<string, ReadUnit[]>();
  for (const u of read) {
    const key = sameUnitKey(u.unit);
    groups.set(key, [...(groups.get(key) ?? []), u]);
  }
  const units: ReadUnit[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const group of groups.values()) {
    if (group.length === 1) {
      units.push(group[0]);
      continue;
    }
    const readable = group.filter((u) => u.tables);
    if (!readable.length) {
      units.push({
        ...group[0],
        file: group.map((u) => u.file).join("、"),
        reason: group.map((u) => u.reason).join("；"),
      });
      continue;
    }
    const ofYear = readable.filter((u) => u.tables?.year === year);
    const kept = ofYear.length ? ofYear : readable;
    const base = kept[0];
    for (const u of group.filter((x) => !kept.includes(x)))
      skipped.push({
        file: u.file,
        reason: u.tables
          ? `同一单位另有${year}年度的文件「${fileName(base.file)}」；此文件为${u.tables.year}年度`
          : `同一单位另有可以读取的文件「${fileName(base.file)}」；此文件：${u.reason ?? ""}`,
      });
    const seen = new Set<string>();
    const once = <T extends { rule: string; where: string; message: string }>(f: T) => {
      const key = `${f.rule}|${f.where}|${f.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    };
    const conflicts: ReviewFinding[] = [];
    for (const other of kept.slice(1)) {
      const d = firstDifference(base.tables as TableSet, other.tables as TableSet, true);
      if (d)
        conflicts.push({
          rule: "文件",
          severity: "error",
          where: d.where,
          message: `同一单位报送的文件数字不同：${d.where}在「${fileName(base.file)}」中为${valueWords(d.a)}，在「${fileName(other.file)}」中为${valueWords(d.b)}；请确认以哪一份为准（暂未计入汇总）`,
        });
    }
    units.push({
      ...base,
      file: kept.map((u) => u.file).join("、"),
      findings: kept.flatMap((u) => u.findings ?? []).filter(once),
      extra: [...kept.flatMap((u) => u.extra ?? []).filter(once), ...conflicts],
      ...(conflicts.length ? { uncounted: true } : {}),
    });
  }
  return { units, skipped };
}

/** The units a review adds up: every unit read of the review's year (需修改 included), in the order read. */
function countedUnits(read: ReadUnit[], judged: { status: ReviewStatus }[]): RollupUnit[] {
  return read
    .filter(
      (u, i) =>
        u.tables && !u.uncounted && judged[i].status !== "年度不符" && judged[i].status !== "无法读取",
    )
    .map((u) => ({
      name: u.unit,
      tables: u.tables as TableSet,
      ...(u.excludedRows ? { excludedRows: u.excludedRows } : {}),
      ...(u.explainer ? { explainer: u.explainer } : {}),
    }));
}

export interface ReviewOptions {
  year: number;
  /** The 审核要点 applied (the national defaults when none is given). */
  set?: RuleSet;
  /** Dates the list of units gives (报送日期/发布日期), by the list's name: they win over the document's (R1). */
  listDates?: Map<string, PublishedDate>;
  /** The units expected (a list given), by name. */
  expected?: string[];
  skipped?: { file: string; reason: string }[];
  /** Which units were matched to last year's report: unit → last year's file. */
  previous?: Map<string, string>;
}

/**
 * Each unit named as the list names it (matchUnit), its last year's file kept with it. A unit whose name may be
 * two or more of the list's is not given either: it keeps its own name, carries the names it may be, and a
 * warning asks the reviewer which it is — none of them is listed as 未报送 for it meanwhile.
 */
function onTheList(read: ReadUnit[], options: ReviewOptions): ReadUnit[] {
  return read.map((u) => {
    const previous = u.previous ?? options.previous?.get(u.unit);
    const withPrevious = previous ? { ...u, previous } : u;
    const m = options.expected ? matchUnit(u.unit, options.expected) : null;
    if (!m) return withPrevious;
    if ("name" in m) return { ...withPrevious, unit: m.name };
    const named =
      u.nameFrom === "file"
        ? `文件名「${fileName(u.file)}」`
        : `「${fileName(u.file)}」中的单位名「${u.unit}」`;
    const ask: ReviewFinding = {
      rule: "单位",
      severity: "warning",
      where: "单位名",
      message: `${named}可能是名单中的${eitherOf(m.between)}，请确认是哪一个单位（确认之前，这${m.between.length}个单位都不列为未报送）`,
    };
    return { ...withPrevious, between: m.between, extra: [...(u.extra ?? []), ask] };
  });
}

/** A unit as its row names it: its name, and the list's names it may be where it was asked about. */
export const unitLabel = (u: Pick<ReviewedUnit, "unit" | "between">): string =>
  u.between ? `${u.unit}（名单中的${eitherOf(u.between)}？待确认）` : u.unit;

/** Judges every unit read, names the units of the list that sent nothing, and adds up the year's units. */
export function review(read: ReadUnit[], options: ReviewOptions): ReviewResult {
  return reviewWithTotal(read, options).result;
}

/**
 * The review, and the roll-up its total comes from (with each unit's trace, for explaining a number of the
 * total down to a register's rows): what the panes show below the 总览.
 */
export function reviewWithTotal(
  read: ReadUnit[],
  options: ReviewOptions,
): { result: ReviewResult; rolled: RollupResult | null } {
  const notUnits = read.filter((u) => u.skip).map((u) => ({ file: u.file, reason: u.skip as string }));
  const one = oneUnitEach(
    onTheList(
      read.filter((u) => !u.skip),
      options,
    ),
    options.year,
  );
  const set = options.set ?? defaultRuleSet();
  const batch = batchRules(one.units, { year: options.year, set, listDates: options.listDates });
  const units: ReviewedUnit[] = one.units.map((u, i) => {
    const b = batch[i];
    const findings = applyRuleSet(
      [
        ...(u.findings ?? []).map((f) => {
          const quote = u.tables ? findingQuote(f, u.tables) : undefined;
          return {
            rule: f.rule as string,
            severity: f.severity,
            where: f.where,
            place: f.place,
            message: f.message,
            ...(f.folded ? { folded: f.folded } : {}),
            ...(quote ? { quote } : {}),
          };
        }),
        ...b.findings,
        ...(u.extra ?? []),
      ],
      set,
      (rule) => SEVERITY[rule],
    ).map((f) => ({ ...f, place: f.place ?? placeWords(f.where, getFormat(u.tables?.format)) }));
    return {
      unit: u.unit,
      file: u.file,
      year: u.tables?.year ?? null,
      format: u.tables?.format ?? null,
      source: u.source ?? null,
      status: unitStatus(u, options.year, findings),
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity !== "error").length,
      x3: findings.filter((f) => f.rule === "X3").length,
      previous: u.previous ?? null,
      findings,
      ...(u.reason ? { reason: u.reason } : {}),
      ...(u.between ? { between: u.between } : {}),
      published: b.published,
      onTime: b.onTime,
      deadline: b.deadline,
      similar: b.similar,
    };
  });
  if (scored(set)) rankScores(units, set);
  // A list's name is sent when a unit took it, or when a unit may be it (asked about, not yet 未报送).
  const sent = new Set(units.flatMap((u) => [u.unit, ...(u.between ?? [])]));
  const missing = (options.expected ?? []).filter((name) => !sent.has(name));
  const counted = countedUnits(one.units, units);
  const rolled = counted.length ? rollup(counted, { year: options.year }) : null;
  const total = rolled?.total;
  const result: ReviewResult = {
    year: options.year,
    rules: set,
    units,
    missing,
    skipped: [...(options.skipped ?? []), ...notUnits, ...one.skipped],
    rollup: total
      ? {
          format: total.format,
          t2: total.t2,
          t3: total.t3,
          t4: total.t4,
          units: counted.map((u) => u.name),
          fee: feeLine(rolled),
        }
      : null,
    analysis: analyse(one.units, options.year),
  };
  return { result, rolled };
}
