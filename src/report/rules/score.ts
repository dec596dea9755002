/**
 * 考核 points, where the office's 审核要点 give rules a 分值: each judged unit starts from 100, loses a rule's
 * points once for the rule (每项) or for each finding of it (每处) among its findings as the set handles them, down
 * to 0, and is ranked among the units scored (equal scores share a place: 1, 2, 2, 4). A unit whose report was
 * not judged (无法读取, 年度不符) is not scored: what it would get is the office's to say, not ours.
 */
import type { RuleId } from "../formats";
import { ruleDef, RULES } from "./ruleset";
import type { RuleSet } from "./ruleset";

/** The score every unit starts from. */
export const FULL_SCORE = 100;

export interface Deduction {
  rule: RuleId;
  /** How many of its findings the unit has. */
  found: number;
  points: number;
}

export interface Score {
  points: number;
  deductions: Deduction[];
  rank: number;
}

/** A unit's deductions under the set: each rule turned on with points among its findings, in the set's order. */
export function deductions(set: RuleSet, findings: { rule: string }[]): Deduction[] {
  const out: Deduction[] = [];
  for (const r of RULES) {
    const c = set.rules[r.id];
    if (!c?.on || !c.points) continue;
    const found = findings.filter((f) => f.rule === r.id).length;
    if (found) out.push({ rule: r.id, found, points: c.per === "每处" ? c.points * found : c.points });
  }
  return out;
}

/** Scores every judged unit under the set's points and ranks them. */
export function rankScores(
  units: { status: string; findings: { rule: string }[]; score?: Score }[],
  set: RuleSet,
): void {
  const judged = units.filter((u) => u.status !== "无法读取" && u.status !== "年度不符");
  const scores = judged.map((u) => {
    const d = deductions(set, u.findings);
    return { u, d, points: Math.max(0, FULL_SCORE - d.reduce((s, x) => s + x.points, 0)) };
  });
  for (const p of scores)
    p.u.score = {
      points: p.points,
      deductions: p.d,
      rank: 1 + scores.filter((q) => q.points > p.points).length,
    };
}

/** A unit's deductions in words: 「R1按时发布 扣1分；X3正文数字与表三、表四一致 扣4分（2处）」; empty where none. */
export function deductionText(score: Score | undefined): string {
  return (score?.deductions ?? [])
    .map(
      (d) =>
        `${d.rule}${ruleDef(d.rule)?.name ?? ""} 扣${d.points}分${d.found > 1 ? `（${d.found}处）` : ""}`,
    )
    .join("；");
}
