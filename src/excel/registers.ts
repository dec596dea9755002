/**
 * The register sheets in Excel: read every register present in blocks (each request stays under Excel on the
 * web's 5 MB limit; syncs: 2 + one per block), create the missing ones from the engine's templates (tables
 * with dropdowns and an example row; syncs: 2), select the cell of a row issue (syncs: 2). Excel's API only.
 */
import { hostCell } from "../report/common/cells";
import type { Cell, SheetData, WorkbookData } from "../report/common/cells";
import type { FormatDef } from "../report/formats";
import { isInputSheet, issueColumn, SHEETS } from "../report/register/registers";
import type { RowIssue } from "../report/register/registers";
import {
  ACTIVE_GRID_WIDTH,
  activeGridRows,
  columnLetter,
  infoSheetRows,
  registerLayouts,
} from "../report/templates";
import { markOwned, ownedSheets } from "./owned";

/** Rows per read: 10 000 rows of a register's 7–10 columns stay well under 5 MB. */
const BLOCK_ROWS = 10000;
/** The hidden sheet that holds the dropdown lists. */
const LISTS_SHEET = "年报助手列表";

/** Reads every input sheet (registers by name, an agency's own ledger, 统计表, 对应关系), in blocks. Syncs: 2 + one per block. */
export async function readRegisters(
  context: Excel.RequestContext,
  blockRows = BLOCK_ROWS,
): Promise<WorkbookData> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const present = sheets.items.filter((s) => isInputSheet(s.name));
  const used = present.map((s) => {
    const r = s.getUsedRangeOrNullObject(true);
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    return { sheet: s, range: r };
  });
  await context.sync();
  const out: SheetData[] = [];
  for (const { sheet, range } of used) {
    if (range.isNullObject) {
      out.push({ name: sheet.name, rows: [], firstRow: 1 });
      continue;
    }
    const rows: Cell[][] = [];
    // Columns from A, so that column positions match what people see; rows from row 1 likewise.
    const width = range.columnIndex + range.columnCount;
    const height = range.rowIndex + range.rowCount;
    for (let start = 0; start < height; start += blockRows) {
      const block = sheet.getRangeByIndexes(start, 0, Math.min(blockRows, height - start), width);
      block.load("values");
      await context.sync();
      for (const row of block.values) rows.push(row.map(hostCell));
    }
    out.push({ name: sheet.name, rows, firstRow: 1 });
  }
  return { sheets: out, source: "当前工作簿" };
}

/**
 * Creates the register sheets that are missing (Excel tables with dropdown lists and an example row, the
 * 主动公开 grid, 报告信息), never touching sheets that exist. Without `dropdowns` (an Excel before ExcelApi 1.8)
 * the tables have no dropdown lists and no list sheet. Syncs: 2.
 */
export async function createRegisterSheets(
  context: Excel.RequestContext,
  format: FormatDef,
  year: number,
  dropdowns = true,
): Promise<string[]> {
  const { names: owned, existing } = await ownedSheets(context);
  const made: string[] = [];
  const listColumns: string[][] = [];
  let lists: Excel.Worksheet | null = null;
  const listSource = (values: string[]) => {
    if (!lists) {
      lists = existing.has(LISTS_SHEET)
        ? context.workbook.worksheets.getItem(LISTS_SHEET)
        : context.workbook.worksheets.add(LISTS_SHEET);
      lists.visibility = Excel.SheetVisibility.hidden;
      owned.add(LISTS_SHEET);
    }
    const col = listColumns.length;
    listColumns.push(values);
    lists.getRangeByIndexes(0, col, values.length, 1).values = values.map((v) => [v]);
    return `='${LISTS_SHEET}'!$${columnLetter(col)}$1:$${columnLetter(col)}$${values.length}`;
  };
  for (const layout of registerLayouts(format, year)) {
    const name = SHEETS[layout.key];
    if (existing.has(name)) continue;
    const ws = context.workbook.worksheets.add(name);
    const headers = Object.keys(layout.headers);
    const n = headers.length;
    ws.getRangeByIndexes(0, 0, 2, n).values = [
      headers,
      layout.example.concat(new Array(n).fill("")).slice(0, n),
    ];
    const table = ws.tables.add(`A1:${columnLetter(n - 1)}2`, true);
    table.name = `ogi_${layout.key}`;
    for (const d of layout.dates)
      ws.getRange(`${columnLetter(headers.indexOf(d))}:${columnLetter(headers.indexOf(d))}`).numberFormat = [
        ["yyyy-mm-dd"],
      ];
    for (const [column, values] of dropdowns ? Object.entries(layout.lists) : []) {
      const c = columnLetter(headers.indexOf(column));
      ws.getRange(`${c}2:${c}20000`).dataValidation.rule = {
        list: { inCellDropDown: true, source: listSource(values) },
      };
    }
    ws.getRange(`A:${columnLetter(n - 1)}`).format.columnWidth = 90;
    ws.freezePanes.freezeRows(1);
    made.push(name);
    owned.add(name);
  }
  const grid = activeGridRows(format);
  if (!existing.has(SHEETS.active) && grid) {
    const ws = context.workbook.worksheets.add(SHEETS.active);
    ws.getRangeByIndexes(0, 0, grid.length, ACTIVE_GRID_WIDTH).values = grid;
    ws.getRange("A:D").format.columnWidth = 110;
    made.push(SHEETS.active);
    owned.add(SHEETS.active);
  }
  if (!existing.has(SHEETS.info)) {
    const ws = context.workbook.worksheets.add(SHEETS.info);
    const values = infoSheetRows(format, year);
    ws.getRangeByIndexes(0, 0, values.length, 2).values = values;
    ws.getRange("A:A").format.columnWidth = 110;
    ws.getRange("B:B").format.columnWidth = 260;
    made.push(SHEETS.info);
    owned.add(SHEETS.info);
  }
  if (made.length || lists) markOwned(context, owned);
  await context.sync();
  return made;
}

/** Selects the cell of a row issue (its column found by header). Syncs: 2. */
export async function selectIssueCell(context: Excel.RequestContext, issue: RowIssue): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(issue.sheet);
  const header = ws.getRangeByIndexes(0, 0, 1, 50);
  header.load("values");
  await context.sync();
  if (ws.isNullObject) throw new Error(`找不到工作表「${issue.sheet}」，它可能已被重命名或删除。`);
  const col = issueColumn(issue, header.values[0].map(hostCell));
  ws.activate();
  ws.getRangeByIndexes(Math.max(0, issue.row - 1), col, 1, 1).select();
  await context.sync();
}

/** Selects a whole register row in its sheet (the rows behind a number). Syncs: 2. */
export async function selectRegisterRow(
  context: Excel.RequestContext,
  sheet: string,
  row: number,
): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
  await context.sync();
  if (ws.isNullObject) throw new Error(`找不到工作表「${sheet}」，它可能已被重命名或删除。`);
  ws.activate();
  ws.getRangeByIndexes(row - 1, 0, 1, 1)
    .getEntireRow()
    .select();
  await context.sync();
}

/** The active cell: its sheet and zero-based row and column. Syncs: 1. */
export async function activeCell(
  context: Excel.RequestContext,
): Promise<{ sheet: string; row: number; column: number }> {
  const range = context.workbook.getSelectedRange();
  range.load("rowIndex,columnIndex");
  const ws = range.worksheet;
  ws.load("name");
  await context.sync();
  return { sheet: ws.name, row: range.rowIndex, column: range.columnIndex };
}
