/**
 * The office's 审核要点 from a file (`--rules`, or the pane's picker): a .json, or a workbook (.xlsx, .csv) whose
 * sheet 「审核要点」 — or its only sheet — lists them. A review workbook written before (审核结果.xlsx) carries the
 * set it used in that sheet, so it can be given back as it is.
 */
import { ruleSetFromJson, ruleSetFromRows, RULE_SHEET_NAME } from "../report/rules/parse";
import type { RuleSet } from "../report/rules/ruleset";
import { decodeText } from "../workbook/csv";
import { readWorkbook } from "../workbook/read";

export async function readRuleSet(bytes: Uint8Array, name: string): Promise<RuleSet> {
  if (/\.json$/i.test(name)) return ruleSetFromJson(decodeText(bytes), name);
  const book = await readWorkbook(bytes, name);
  const sheet =
    book.sheets.find((s) => s.name === RULE_SHEET_NAME) ??
    (book.sheets.length === 1 ? book.sheets[0] : undefined);
  if (!sheet)
    throw new Error(
      `「${name}」中没有「${RULE_SHEET_NAME}」工作表（有 ${book.sheets.map((s) => `「${s.name}」`).join("、")}）`,
    );
  return ruleSetFromRows(sheet.rows, book.sheets.length > 1 ? `${name}「${RULE_SHEET_NAME}」` : name);
}
