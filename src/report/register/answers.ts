/**
 * 对应关系: the answers a person gives where the ledger's words say too little, kept as a table of three columns
 * — 项目 | 台账中的写法 | 对应为 — in a sheet of that name in the ledger's workbook, or in a file given with
 * --map. 项目 is 工作表 (对应为: 依申请公开登记, 复议诉讼登记 or 忽略), 列 (one of our fields, or 忽略), or a
 * field whose values are read for their meaning: 申请人类型, 办理结果, 类型, 结果 (对应为: anything the register
 * accepts — a key such as u1, a 表三 label, 「不予公开-保护第三方合法权益」 — or 办理中 for an open application).
 * A row that maps to something the register does not accept, or a value mapped twice to different things, is
 * refused naming its row: a mapping never silently loses rows.
 */
import { cellText } from "../common/cells";
import type { Cell, SheetData, WorkbookData } from "../common/cells";
import { normalizeText } from "../common/normalize";
import type { FormatDef } from "../formats";
import { LEDGER_FIELDS, noLayoutAnswers } from "./ledger";
import type { LayoutAnswers, LedgerKind } from "./ledger";
import { SHEETS } from "./registers";
import { answerVocabulary } from "./words";
import type { WordField } from "./words";

/** The sheet (and file) name of the table. */
export const ANSWERS_SHEET = "对应关系";
export const ANSWERS_HEADER = ["项目", "台账中的写法", "对应为"];
const WORD_FIELDS: WordField[] = ["申请人类型", "办理结果", "类型", "结果"];
const IGNORE = ["忽略", "不是登记表", "不用", "无关"];
/** What 对应为 may say of an application still open. */
export const OPEN_ANSWER = "办理中";

export interface Answers {
  layout: LayoutAnswers;
  /** Field → normalised written value → key, or "open". */
  values: Map<WordField, Map<string, string>>;
}

export const noAnswers = (): Answers => ({ layout: noLayoutAnswers(), values: new Map() });

/** A 对应关系 table that cannot be used, with the Chinese sentence naming its row. */
export class AnswersError extends Error {}

const KINDS: Record<string, LedgerKind> = {
  [normalizeText(SHEETS.applications)]: "applications",
  [normalizeText(SHEETS.cases)]: "cases",
};

/** The answers in a table (rows[0] its header); `where` names it in messages (对应关系, a file's name). */
export function readAnswers(format: FormatDef, rows: Cell[][], where: string = ANSWERS_SHEET): Answers {
  const out = noAnswers();
  const text = (v: Cell) => cellText(v).trim();
  const header = (rows[0] ?? []).map((c) => normalizeText(text(c)));
  const col = ANSWERS_HEADER.map((h) => header.indexOf(normalizeText(h)));
  if (col.some((c) => c < 0))
    throw new AnswersError(`「${where}」第1行应为表头：${ANSWERS_HEADER.join(" | ")}`);
  const seen = new Map<string, { row: number; target: string }>();
  rows.slice(1).forEach((row, i) => {
    const rn = i + 2;
    const [item, written, target] = col.map((c) => text(row[c]));
    if (!item && !written && !target) return;
    const refuse = (why: string) => new AnswersError(`「${where}」第${rn}行：${why}`);
    if (!written || !target) throw refuse("「台账中的写法」和「对应为」都要填写");
    const key = `${normalizeText(item)}\u0000${normalizeText(written)}`;
    const resolved = resolve(format, item, target, refuse);
    const before = seen.get(key);
    if (before && before.target !== resolved)
      throw refuse(`「${written}」在第${before.row}行已对应为另一项，同一写法只能对应一项`);
    seen.set(key, { row: rn, target: resolved });
    const n = normalizeText(written);
    if (item === "工作表") out.layout.sheets.set(n, resolved as LedgerKind | "ignore");
    else if (item === "列") out.layout.columns.set(n, resolved);
    else {
      const field = item as WordField;
      const values = out.values.get(field) ?? new Map<string, string>();
      values.set(n, resolved);
      out.values.set(field, values);
    }
  });
  return out;
}

/** What an answer's 对应为 resolves to: a kind, a field, a key, "open" or "ignore"; refused when unknown. */
function resolve(format: FormatDef, item: string, target: string, refuse: (why: string) => Error): string {
  const n = normalizeText(target);
  if (item === "工作表") {
    if (IGNORE.some((w) => normalizeText(w) === n)) return "ignore";
    const kind = KINDS[n];
    if (!kind)
      throw refuse(
        `工作表只能对应为「${SHEETS.applications}」「${SHEETS.cases}」或「忽略」，而不是「${target}」`,
      );
    return kind;
  }
  if (item === "列") {
    if (IGNORE.some((w) => normalizeText(w) === n)) return "ignore";
    const fields = [...new Set([...LEDGER_FIELDS.applications, ...LEDGER_FIELDS.cases])];
    const field = fields.find((f) => normalizeText(f) === n);
    if (!field) throw refuse(`列只能对应为 ${fields.join("、")} 或「忽略」，而不是「${target}」`);
    return field;
  }
  if (!WORD_FIELDS.includes(item as WordField))
    throw refuse(`「项目」应为 工作表、列、${WORD_FIELDS.join("、")} 之一，而不是「${item}」`);
  const field = item as WordField;
  if (field === "办理结果" && n === normalizeText(OPEN_ANSWER)) return "open";
  const hit = answerVocabulary(format, field).lookup(target);
  if (!hit)
    throw refuse(
      `「${target}」不是登记表接受的${field}，可填写：${answerVocabulary(format, field).accepted}`,
    );
  return hit.key;
}

/** The workbook's own 对应关系 sheet, if it has one. */
export function answersSheet(workbook: WorkbookData): SheetData | undefined {
  return workbook.sheets.find((s) => normalizeText(s.name) === normalizeText(ANSWERS_SHEET));
}

/** Answers given twice (the workbook's sheet and a --map file): the file's rows come after the sheet's. */
export function mergeAnswers(a: Answers, b: Answers): Answers {
  const out = noAnswers();
  for (const src of [a, b]) {
    for (const [k, v] of src.layout.sheets) out.layout.sheets.set(k, v);
    for (const [k, v] of src.layout.columns) out.layout.columns.set(k, v);
    for (const [field, values] of src.values) {
      const m = out.values.get(field) ?? new Map<string, string>();
      for (const [k, v] of values) m.set(k, v);
      out.values.set(field, m);
    }
  }
  return out;
}
