/**
 * The review's sheets written into the open workbook (总览 with its statuses coloured, 问题清单, 汇总分析 with its
 * data bars and percentages, 审核要点, 未报送), laid out to print (./print.ts; the page setup where `print`),
 * in one batch (syncs: 2), only over sheets the add-in created unless the caller confirmed. Excel's API only.
 */
import type { WriteOutcome } from "../actions/types";
import type { ReviewResult, ReviewStatus } from "../report/review";
import { paneReviewSheets, reviewSheetValues, STATUS_FILLS } from "../report/reviewSheets";
import { markOwned, ownedSheets, replacementSheets } from "./owned";
import { RULE_SHEET_NAME } from "../report/rules/parse";
import type { Cell } from "../report/common/cells";
import { barRowCount, printLayout } from "../report/common/printLayout";
import { PRINT_BOOKS, printTitle } from "../report/text/labels";
import { dataBars, layTable, percentFormat, printSetup } from "./print";

export async function writeReview(
  context: Excel.RequestContext,
  r: ReviewResult,
  replace: boolean,
  /** This Excel has PageLayout (ExcelApi 1.9): the sheets get their page setup. */
  print = false,
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
    const layout = printLayout(values, { given: s.widths, percent: s.percent });
    layTable(ws, layout, values.length);
    const body = (c: number, rows: number) => ws.getRangeByIndexes(1, c, rows, 1);
    if (s.rows.length) for (const c of s.percent ?? []) percentFormat(body(c, s.rows.length), s.rows.length);
    const bars = barRowCount(s, layout);
    if (bars) for (const c of s.bars ?? []) dataBars(body(c, bars));
    if (print) printSetup(ws, printTitle(PRINT_BOOKS.review(r.year), s.name), 1);
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
