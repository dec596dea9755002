/**
 * A check's findings: rule, severity, table, row and column, and a Chinese message with the numbers. The
 * input reader (F1–F3) and the arithmetic rules both add to one list.
 */
import type { FormatDef, RuleId } from "../formats";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** "text": a finding of the printed report's text (its sections, title, lead paragraph). */
  table: "t2" | "t3" | "t4" | "text";
  row?: string;
  column?: string;
  /** "t3.total.natural", "t3.*.natural" (a whole column), "t4.review.total", "t2.rules.inForce". */
  where: string;
  message: string;
}

/** Each rule's severity. */
export const SEVERITY: Record<RuleId, Severity> = {
  P1: "error",
  S1: "error",
  S2: "error",
  T4: "error",
  F1: "error",
  F2: "warning",
  F3: "error",
  F4: "error",
  L1: "warning",
  X1: "warning",
  X2: "warning",
  X3: "warning",
  // The template prescribes the six sections: one missing or out of order must be corrected.
  C1: "error",
  C2: "warning",
  C3: "warning",
  C4: "warning",
  C5: "warning",
  // 审核要点: late publication and copied text are sent back; the rest ask the unit to look.
  R1: "error",
  R7: "warning",
  R10: "error",
  R11: "warning",
  R12: "warning",
  R13: "warning",
  R14: "info",
  R15: "info",
  R17: "info",
  R26: "warning",
  R29: "error",
  X4: "warning",
};

/** Findings as they are made: only the format's rules, each with its severity and place. */
export class Findings {
  readonly list: Finding[] = [];
  constructor(private readonly rules: Set<RuleId>) {}
  add(
    rule: RuleId,
    table: Finding["table"],
    row: string | undefined,
    column: string | undefined,
    message: string,
    /** Where one finding of a rule weighs less than the rule (a section present under another wording). */
    severity: Severity = SEVERITY[rule],
  ) {
    if (!this.rules.has(rule)) return;
    const where = [table, row ?? (column ? "*" : undefined), column].filter(Boolean).join(".");
    const f: Finding = { rule, severity, table, where, message };
    if (row) f.row = row;
    if (column) f.column = column;
    this.list.push(f);
  }
}

export const fmt = (v: number) => String(Math.round(v * 10000) / 10000);
export const sumText = (values: number[]) => values.map(fmt).join("+");

export const rowName = (format: FormatDef, key: string) =>
  format.t3.rows.find((r) => r.key === key)?.label ?? key;
export const colName = (format: FormatDef, i: number) => format.t3.columns[i].label;
