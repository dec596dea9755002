/**
 * A check's findings: rule, severity, table, row and column, and a Chinese message with the numbers. The
 * input reader (F1–F3) and the arithmetic rules both add to one list.
 */
import type { FormatDef, RuleId } from "../formats";
import { placeWords } from "./place";

export type Severity = "error" | "warning" | "info";

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** "text": a finding of the printed report's text (its sections, title, lead paragraph). */
  table: "t2" | "t3" | "t4" | "text";
  row?: string;
  column?: string;
  /** "t3.total.natural", "t3.*.natural" (a whole column), "t4.review.total", "t2.rules.inForce": for programs. */
  where: string;
  /** Where, in the printed report's words (./place): 表三「…」「自然人」, 第五部分, 标题 — what people read. */
  place: string;
  message: string;
  /** What this finding's cause explains (./fold): the findings there are folded into it, not listed beside it. */
  covers?: Cover[];
  /** The findings folded into this one (./fold), each still with its rule and place, for programs. */
  folded?: Folded[];
}

/**
 * A part of the tables or text a finding's cause explains: a where-key pattern, by parts — "t3.o1" covers the
 * row t3.o1 and each of its cells, "t3.*.natural" the 自然人 column's findings, "t4" all of 表四 — limited to
 * `rules` where given (a table cut at the page's edge explains S2 on every row of 表三, not F1 there).
 */
export interface Cover {
  where: string;
  rules?: RuleId[];
}

export type Folded = Pick<Finding, "rule" | "where" | "place" | "message">;

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
  constructor(
    private readonly rules: Set<RuleId>,
    private readonly format: FormatDef,
  ) {}
  add(
    rule: RuleId,
    table: Finding["table"],
    row: string | undefined,
    column: string | undefined,
    message: string,
    /** Where one finding of a rule weighs less than the rule (a section present under another wording). */
    severity: Severity = SEVERITY[rule],
    /** What its cause explains (./fold). */
    covers?: Cover[],
  ) {
    if (!this.rules.has(rule)) return;
    const where = [table, row ?? (column ? "*" : undefined), column].filter(Boolean).join(".");
    const f: Finding = { rule, severity, table, where, place: placeWords(where, this.format), message };
    if (row) f.row = row;
    if (column) f.column = column;
    if (covers?.length) f.covers = covers;
    this.list.push(f);
  }
}

export const fmt = (v: number) => String(Math.round(v * 10000) / 10000);
export const sumText = (values: number[]) => values.map(fmt).join("+");

export const rowName = (format: FormatDef, key: string) =>
  format.t3.rows.find((r) => r.key === key)?.label ?? key;
export const colName = (format: FormatDef, i: number) => format.t3.columns[i].label;
