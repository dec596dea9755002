/**
 * The review's rules over a whole batch (placeholder until the deadline and 雷同 modules land).
 */
import type { PublishedDate } from "../read/published";
import type { RuleSet } from "../rules/ruleset";
import type { Severity } from "../tables/findings";

export type OnTime = "按时" | "逾期" | "无法判断";

export interface BatchUnit {
  unit: string;
  file: string;
  source?: string;
  published?: PublishedDate;
}

export interface BatchJudgement {
  published: PublishedDate | null;
  onTime: OnTime | null;
  deadline: string | null;
  similar: { share: number; with: string } | null;
  findings: { rule: string; severity: Severity; where: string; message: string; quote?: string }[];
}

export function batchRules(
  units: BatchUnit[],
  _o: { year: number; set: RuleSet; listDates?: Map<string, PublishedDate> },
): BatchJudgement[] {
  return units.map(() => ({ published: null, onTime: null, deadline: null, similar: null, findings: [] }));
}
