/**
 * The review's sheets written into the open workbook (总览 with its statuses coloured, 问题清单, 未报送), in one
 * batch (syncs: 2), only over sheets the add-in created unless the caller confirmed. Excel's API only.
 */
import type { WriteOutcome } from "../actions/types";
import type { ReviewResult, ReviewStatus } from "../report/review";
import { paneReviewSheets, reviewSheetValues, STATUS_FILLS } from "../report/reviewSheets";
import { markOwned, ownedSheets, replacementSheets } from "./owned";
import { RULE_SHEET_NAME } from "../report/rules/parse";
import type { Cell } from "../report/common/cells";

/** Points per character of a column's width (Excel's default font). */
const POINTS_PER_CHAR = 7;

export async function writeReview(
  context: Excel.RequestContext,
  r: ReviewResult,
  replace: boolean,
): Promise<WriteOutcome> {
  const sheets = paneReviewSheets(r);
  const names = sheets.map((s) => s.name);
  const { names: owned, existing } = await ownedSheets(context);
  const foreign = names.filter((n) => existing.has(n) && !owned.has(n));
  if (foreign.length && !replace) return { needsConfirmation: foreign };
  const { sheets: made, done } = replacementSheets(context, names, existing);
  sheets.forEach((s, k) => {
    const ws = made[k];
    const values = reviewSheetValues(s);
    ws.getRangeByIndexes(0, 0, values.length, values[0].length).values = values;
    ws.getRangeByIndexes(0, 0, 1, values[0].length).format.font.bold = true;
    ws.freezePanes.freezeRows(1);
    s.widths.forEach((w, i) => (ws.getRangeByIndexes(0, i, 1, 1).format.columnWidth = w * POINTS_PER_CHAR));
    if (s.statusColumn >= 0)
      s.rows.forEach((row, i) => {
        const fill = STATUS_FILLS[row[s.statusColumn] as ReviewStatus];
        if (fill) ws.getRangeByIndexes(i + 1, s.statusColumn, 1, 1).format.fill.color = `#${fill}`;
      });
    owned.add(s.name);
  });
  done();
  markOwned(context, owned);
  made[0].activate();
  await context.sync();
  return { written: names };
}

/** The workbook's own 「审核要点」 sheet (an office's rule set, or the one a review wrote), as rows; null when none. */
export async function readRuleSheet(context: Excel.RequestContext): Promise<Cell[][] | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(RULE_SHEET_NAME);
  await context.sync();
  if (ws.isNullObject) return null;
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();
  return used.isNullObject ? [] : (used.values as Cell[][]);
}
