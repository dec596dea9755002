/**
 * The review's rules that need more than one report: R1 (published by the deadline — the date the list of units
 * gives wins over the one the document carries, ./deadline) and R29 (雷同: each unit's narrative against every
 * other unit's of the batch and against its own last year's, ./similarity). Each unit gets its publication date
 * and where it was read, whether it was on time, its highest share of text in common and with whom, and the
 * findings, as the review lists them (the rule set then handles them as it handles every finding).
 */
import type { FormatId, RuleId } from "../formats";
import type { PublishedDate } from "../read/published";
import { defaultRuleSet, ruleOn, shareParam } from "../rules/ruleset";
import type { RuleSet } from "../rules/ruleset";
import type { Finding, Severity } from "../tables/findings";
import { judgeDeadline } from "./deadline";
import { similarities, similarityMessage } from "./similarity";
import type { NarrativeUnit } from "./similarity";

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
      if (j.finding) findings.push({ ...j.finding, ...(published ? { quote: published.date } : {}) });
    }
    const s = similar.get(u.unit);
    for (const over of s?.over ?? [])
      findings.push({
        rule: "R29",
        severity: "error",
        where: over.part,
        message: similarityMessage(over, threshold),
        ...(over.passages.length ? { quote: over.passages[0].text } : {}),
      });
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
      message: f.message,
    };
  });
}
