/**
 * What each kind of question about an own ledger keeps out until it is answered, in the words every surface shows
 * above the questions (the pane's 识别台账, the map command): a value whose words say too little holds its rows
 * back; which column is the 信息处理费 holds no row back (the fee is unknown until then); which column is a
 * deciding field holds back only the rows the choice would move (./twocolumns), and none where every row's dates
 * fall in the same year whichever column.
 */
import { FEE_FIELD } from "./fee";
import type { RowIssue } from "./registers";
import { COLUMN_ITEM } from "./twocolumns";
import type { LedgerReport, Pending } from "./understand";

/** Questions of one kind, with the sentence that says what they keep out. */
export interface QuestionGroup {
  note: string;
  items: Pending[];
}

export const QUESTION_WORDS = {
  values: "这些写法不足以判断计入哪一项，写有它们的行暂不计入统计。",
  fee: "哪一列是信息处理费：不影响各行计入统计；确认之前，信息处理费不统计（报告中不写金额）。",
  column: (field: string, held: number) =>
    held
      ? `哪一列是${field}：按不同的列统计结果不同的${held}行暂不计入统计，其余各行已计入。`
      : `哪一列是${field}：每一行按哪一列统计结果都一样，各行都已计入；确认后不再提示。`,
};

/** The questions by kind, in the order they are first asked: values, then each column question's field. */
export function questionGroups(ledger: LedgerReport): QuestionGroup[] {
  const groups = new Map<string, QuestionGroup>();
  for (const p of ledger.pending) {
    const field = p.field === COLUMN_ITEM ? p.choices[0] : "";
    let g = groups.get(field);
    if (!g) {
      const held = ledger.registers.reduce((n, r) => n + (r.ask?.[field]?.held ?? 0), 0);
      const note =
        field === ""
          ? QUESTION_WORDS.values
          : field === FEE_FIELD
            ? QUESTION_WORDS.fee
            : QUESTION_WORDS.column(field, held);
      groups.set(field, (g = { note, items: [] }));
    }
    g.items.push(p);
  }
  return [...groups.values()];
}

/**
 * Rows not counted until the questions are answered: those named by a question of their own value, and those a
 * question of which column is a field holds back (named by it once, not row by row) — each row once.
 */
export function waitingRows(r: { rowIssues: RowIssue[]; ledger: LedgerReport }): number {
  const named = new Set(
    r.rowIssues.filter((i) => i.kind === "pending" && i.row > 0).map((i) => `${i.sheet}\u0000${i.row}`),
  );
  return named.size + r.ledger.registers.reduce((n, reg) => n + (reg.held ?? 0), 0);
}
