/**
 * The review's rules that need more than one report: R1 (published by the deadline — the date the list of units
 * gives wins over the one the document carries, ./deadline) and R29 (雷同: each unit's narrative against every
 * other unit's of the batch and against its own last year's, ./similarity). Each unit gets its publication date
 * and where it was read, whether it was on time, its highest share of text in common and with whom, and the
 * findings, as the review lists them (the rule set then handles them as it handles every finding).
 */
import { PUBLISHED_PLACE } from "../tables/place";
import type { FormatId, RuleId } from "../formats";
import type { PublishedDate } from "../read/published";
import { defaultRuleSet, ruleOn, shareParam } from "../rules/ruleset";
import type { RuleSet } from "../rules/ruleset";
import type { Finding, Severity } from "../tables/findings";
import { judgeDeadline } from "./deadline";
import { similarities, similarityMessage } from "./similarity";
import type { NarrativeUnit, Similar } from "./similarity";

export type OnTime = "按时" | "逾期" | "无法判断";

export interface BatchUnit {
  unit: string;
  file: string;
  tables?: { year: number; format: FormatId };
  /** How it was read: only a report (stored, labels) is published; a register is not. */
  source?: string;
  paragraphs?: string[];
  previousParagraphs?: string[];
  previous?: string;
  published?: PublishedDate;
  government?: boolean;
}

export interface BatchFinding {
  rule: string;
  severity: Severity;
  where: string;
  place?: string;
  message: string;
  quote?: string;
}

export interface BatchJudgement {
  published: PublishedDate | null;
  onTime: OnTime | null;
  deadline: string | null;
  similar: { share: number; with: string } | null;
  findings: BatchFinding[];
}

/** How many of the reports a unit shares most with are each a finding of their own. */
export const NAMED = 3;

/** The rest of the reports a unit shares at least the threshold with, in one finding naming them. */
function moreSimilar(rest: Similar[], threshold: number): BatchFinding {
  const names = rest.slice(0, 20).map((o) => `「${o.with}」（${Math.floor(o.share * 100 + 1e-9)}%）`);
  const more = rest.length > 20 ? `等${rest.length}份` : `共${rest.length}份`;
  return {
    rule: "R29",
    severity: "error",
    where: "全文",
    message: `另有${names.join("、")}${more}报告与本报告相同的文字也达到${Math.round(threshold * 1000) / 10}%：多份报告文字相同的，请核实是否套用了同一份底稿，各单位应按本单位的实际情况撰写`,
  };
}

const isReport = (u: BatchUnit) => u.source === "stored" || u.source === "labels";

export function batchRules(
  units: BatchUnit[],
  o: { year: number; set: RuleSet; listDates?: Map<string, PublishedDate> },
): BatchJudgement[] {
  const ofYear = (u: BatchUnit) => !!u.tables && u.tables.year === o.year;
  // 雷同: the reports of the review's year with a narrative, each with its own last year's where it was matched.
  const compared: NarrativeUnit[] = units
    .filter((u) => ofYear(u) && u.paragraphs?.length)
    .map((u) => ({
      unit: u.unit,
      file: u.file,
      paragraphs: u.paragraphs as string[],
      format: (u.tables as { format: FormatId }).format,
      ...(u.previousParagraphs?.length
        ? { previousParagraphs: u.previousParagraphs, previousFile: u.previous ?? "上年报告" }
        : {}),
    }));
  const threshold = shareParam(o.set, "R29", "雷同比例");
  const similar = ruleOn(o.set, "R29") && compared.length ? similarities(compared, { threshold }) : new Map();
  return units.map((u) => {
    const findings: BatchFinding[] = [];
    const listed = o.listDates?.get(u.unit);
    const published = listed ?? u.published ?? null;
    let onTime: OnTime | null = null;
    let deadline: string | null = null;
    if (ofYear(u) && (isReport(u) || listed) && ruleOn(o.set, "R1")) {
      const j = judgeDeadline(published, { year: o.year, government: !!u.government, set: o.set });
      // A PDF's creation date after the deadline is no proof of lateness: the 总览 and the 通报 say 无法判断 (the
      // finding, a warning, says why).
      onTime = j.state === "逾期" && published?.weak ? "无法判断" : j.state;
      deadline = j.deadline;
      if (j.finding)
        findings.push({
          ...j.finding,
          place: PUBLISHED_PLACE,
          ...(published ? { quote: published.date } : {}),
        });
    }
    const s = similar.get(u.unit);
    // The reports it shares most with, each with its passages; any more in one line naming them (a text copied
    // across a whole batch is said once per unit, not once per pair).
    const over = [...(s?.over ?? [])].sort((a, b) => b.share - a.share);
    for (const o of over.slice(0, NAMED))
      findings.push({
        rule: "R29",
        severity: "error",
        where: o.part,
        message: similarityMessage(o, threshold),
        ...(o.passages.length ? { quote: o.passages[0].text } : {}),
      });
    if (over.length > NAMED) findings.push(moreSimilar(over.slice(NAMED), threshold));
    return {
      published,
      onTime,
      deadline,
      similar: s?.best ? { share: s.best.share, with: s.best.with } : null,
      findings,
    };
  });
}

/**
 * A report checked on its own (`check`, the Word pane's 检查本文档): R1 from the date it carries, R29 against its own
 * last year's report where one was given — the review's rules for one unit, as findings of its text.
 */
export function ownReportFindings(u: BatchUnit, o: { year: number; set?: RuleSet }): Finding[] {
  const [j] = batchRules([u], { year: o.year, set: o.set ?? defaultRuleSet() });
  return j.findings.map((f) => {
    const row = f.rule === "R1" ? "published" : "narrative";
    return {
      rule: f.rule as RuleId,
      severity: f.severity,
      table: "text",
      row,
      where: `text.${row}`,
      place: f.place ?? f.where,
      message: f.message,
    };
  });
}
