/**
 * The sheets the add-in writes: 统计表 (表二/三/四 laid out as the template, merges and borders), 校验结果, and
 * 汇总 for a roll-up, each in one batch (syncs: 2), only over sheets the add-in created unless the caller
 * confirmed; laid out to print (./print.ts), with the page setup where `print` (ExcelApi 1.9). Excel's API only.
 */
import type { WriteOutcome } from "../actions/types";
import type { CompileResult } from "../report/compile";
import {
  issuePlace,
  PRINT_BOOKS,
  printTitle,
  SEVERITY_LABELS,
  STATISTICS_SHEET_NAME,
} from "../report/text/labels";
import { printLayout } from "../report/common/printLayout";
import { gridMatrix, statisticsBlocks } from "../report/tables/layout";
import type { TableGrid } from "../report/tables/layout";
import { rollupRows } from "../report/rollup";
import type { RollupResult } from "../report/rollup";
import { markOwned, ownedSheets, replacementSheets } from "./owned";
import { bordered, layTable, printSetup } from "./print";
import { ANSWERS_HEADER, ANSWERS_SHEET } from "../report/register/answers";
import type { TableSet } from "../report/tables/tables";

export const STATS_SHEET = STATISTICS_SHEET_NAME;
export const CHECKS_SHEET = "校验结果";
const ROLLUP_SHEET = "汇总";

/** Writes one grid at a row offset: values, merges, borders, alignment. */
function writeGrid(ws: Excel.Worksheet, grid: TableGrid, top: number, title: string): void {
  const { values, merges, left } = gridMatrix(grid);
  const width = grid.widths.length;
  ws.getRangeByIndexes(top, 0, 1, 1).values = [[title]];
  ws.getRangeByIndexes(top, 0, 1, 1).format.font.bold = true;
  const body = ws.getRangeByIndexes(top + 1, 0, values.length, width);
  body.values = values;
  body.format.font.size = 9;
  body.format.wrapText = true;
  body.format.verticalAlignment = Excel.VerticalAlignment.center;
  body.format.horizontalAlignment = Excel.HorizontalAlignment.center;
  bordered(body);
  for (const [r, c, h, w] of merges) ws.getRangeByIndexes(top + 1 + r, c, h, w).merge(false);
  // Rows as tall as their wrapped labels.
  body.format.autofitRows();
  // Labels left-aligned, as the template prints them.
  for (const [r, c] of left)
    ws.getRangeByIndexes(top + 1 + r, c, 1, 1).format.horizontalAlignment = Excel.HorizontalAlignment.left;
}

/** The 统计表 sheet's title and tables, laid out as the template (printed with the title atop each page). */
function writeBlocks(ws: Excel.Worksheet, tables: TableSet, print: boolean): string {
  const blocks = statisticsBlocks(tables);
  ws.getRangeByIndexes(0, 0, 1, 1).values = [[blocks.title]];
  ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  for (const b of blocks.tables) writeGrid(ws, b.grid, b.top, b.caption);
  ws.getRange("A:C").format.columnWidth = 60;
  ws.getRange("D:O").format.columnWidth = 48;
  if (print) printSetup(ws, blocks.title, 0);
  return blocks.title;
}

/**
 * 直接填写统计表: a 统计表 sheet with the template's tables and every number cell blank, to be typed in; never
 * over a sheet of that name. Not marked as the add-in's: 写入统计表 asks before replacing what was typed. Syncs: 2.
 */
export async function createTypedSheet(
  context: Excel.RequestContext,
  tables: TableSet,
  print = false,
): Promise<boolean> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  if (sheets.items.some((s) => s.name === STATS_SHEET)) return false;
  const ws = sheets.add(STATS_SHEET);
  writeBlocks(ws, tables, print);
  ws.activate();
  await context.sync();
  return true;
}

/**
 * Appends answers (项目 | 台账中的写法 | 对应为) below what the 对应关系 sheet holds, creating it with its header
 * when there is none: the rest of the workbook is not touched. Syncs: 2, or 3 when the sheet exists.
 */
export async function appendAnswers(context: Excel.RequestContext, rows: string[][]): Promise<void> {
  const found = context.workbook.worksheets.getItemOrNullObject(ANSWERS_SHEET);
  await context.sync();
  let top = 0;
  if (!found.isNullObject) {
    const used = found.getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    await context.sync();
    if (!used.isNullObject) top = used.rowIndex + used.rowCount;
  }
  const ws = found.isNullObject ? context.workbook.worksheets.add(ANSWERS_SHEET) : found;
  const all = top ? rows : [ANSWERS_HEADER, ...rows];
  ws.getRangeByIndexes(top, 0, all.length, ANSWERS_HEADER.length).values = all;
  if (!top) ws.getRangeByIndexes(0, 0, 1, ANSWERS_HEADER.length).format.font.bold = true;
  ws.getRange("A:C").format.columnWidth = 120;
  ws.activate();
  await context.sync();
}

/**
 * Writes 统计表 (表二/三/四 as the template) and 校验结果 in one batch. Sheets of those names that the add-in did
 * not create are replaced only with `replace`; otherwise the caller is told to ask. Syncs: 2.
 */
export async function writeStatistics(
  context: Excel.RequestContext,
  result: CompileResult,
  replace: boolean,
  print = false,
): Promise<WriteOutcome> {
  const { names: owned, existing } = await ownedSheets(context);
  const foreign = [STATS_SHEET, CHECKS_SHEET].filter((n) => existing.has(n) && !owned.has(n));
  if (foreign.length && !replace) return { needsConfirmation: foreign };
  const {
    sheets: [ws, checks],
    done,
  } = replacementSheets(context, [STATS_SHEET, CHECKS_SHEET], existing);
  const title = writeBlocks(ws, result.tables, print);
  const rows: string[][] = [["规则", "严重程度", "位置", "说明"]];
  for (const c of result.checks) rows.push([c.rule, SEVERITY_LABELS[c.severity], c.place, c.message]);
  for (const i of result.rowIssues)
    rows.push(["登记表", SEVERITY_LABELS[i.severity], issuePlace(i), i.message]);
  if (rows.length === 1) rows.push(["", "", "", "全部通过"]);
  checks.getRangeByIndexes(0, 0, rows.length, 4).values = rows;
  checks.getRangeByIndexes(0, 0, 1, 4).format.font.bold = true;
  layTable(checks, printLayout(rows), rows.length);
  if (print) printSetup(checks, printTitle(title, CHECKS_SHEET), 1);
  done();
  owned.add(STATS_SHEET);
  owned.add(CHECKS_SHEET);
  markOwned(context, owned);
  ws.activate();
  await context.sync();
  return { written: [STATS_SHEET, CHECKS_SHEET] };
}

/** Writes the 汇总 sheet (one row block per unit and the total), only over a sheet the add-in created. Syncs: 2. */
export async function writeRollup(
  context: Excel.RequestContext,
  r: RollupResult,
  replace: boolean,
  print = false,
): Promise<WriteOutcome> {
  const { names: owned, existing } = await ownedSheets(context);
  if (existing.has(ROLLUP_SHEET) && !owned.has(ROLLUP_SHEET) && !replace)
    return { needsConfirmation: [ROLLUP_SHEET] };
  const {
    sheets: [ws],
    done,
  } = replacementSheets(context, [ROLLUP_SHEET], existing);
  const rows = rollupRows(r);
  ws.getRangeByIndexes(0, 0, rows.length, rows[0].length).values = rows;
  ws.getRangeByIndexes(0, 0, 1, rows[0].length).format.font.bold = true;
  layTable(ws, printLayout(rows), rows.length);
  if (print) printSetup(ws, printTitle(PRINT_BOOKS.rollup(r.total.year), ROLLUP_SHEET), 1);
  done();
  owned.add(ROLLUP_SHEET);
  markOwned(context, owned);
  ws.activate();
  await context.sync();
  return { written: [ROLLUP_SHEET] };
}
