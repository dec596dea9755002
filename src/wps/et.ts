// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- et-jsapi-declare declares global namespaces (Et, KSO), not a module; its index.d.ts would add globals that clash with the DOM's.
/// <reference path="../../node_modules/et-jsapi-declare/lib.et.d.ts" />
/**
 * WPS 表格 (ET) over its JS API, typed with et-jsapi-declare: the same work as the Excel adapter — read the
 * register sheets (one Value2 read per sheet, so the calls into WPS do not grow with the register), create the
 * missing ones, write 统计表 and 校验结果 only over sheets the add-in made, select an issue's cell or a row, keep
 * the pane's settings in the workbook (a very hidden sheet). WPS's API is synchronous, like VBA's object model.
 * No WPS runs in this project: this rests on the typings and WPS's documentation, and is tested on a fake.
 */
import { RULE_SHEET_NAME } from "../report/rules/parse";
import type { WriteOutcome } from "../actions/types";
import type { CompileResult } from "../report/compile";
import { hostCell } from "../report/common/cells";
import type { Cell, SheetData, WorkbookData } from "../report/common/cells";
import type { FormatDef } from "../report/formats";
import { issuePlace, passingSheetName, SEVERITY_LABELS, STATISTICS_SHEET_NAME } from "../report/text/labels";
import { gridMatrix, statisticsBlocks } from "../report/tables/layout";
import { isInputSheet, issueColumn, SHEETS } from "../report/register/registers";
import { ANSWERS_HEADER, ANSWERS_SHEET } from "../report/register/answers";
import type { TableSet } from "../report/tables/tables";
import type { ReviewResult, ReviewStatus } from "../report/review";
import { paneReviewSheets, reviewSheetValues, STATUS_FILLS } from "../report/reviewSheets";
import { barRowCount, printLayout } from "../report/common/printLayout";
import { PRINT_BOOKS, printTitle } from "../report/text/labels";
import { bgr, borderedEt, dataBarsEt, layTableEt, percentFormatEt, printSetupEt } from "./etPrint";
import type { RowIssue } from "../report/register/registers";
import {
  ACTIVE_GRID_WIDTH,
  activeGridRows,
  columnLetter,
  infoSheetRows,
  registerLayouts,
} from "../report/templates";

/** The very hidden sheet with the add-in's own data: A1 the sheets it made (JSON), A2 the pane's settings. */
const STATE_SHEET = "年报助手数据";
const CHECKS_SHEET = "校验结果";
/** The very hidden sheet with the dropdown lists (a list typed into the rule is limited to 255 characters). */
const LISTS_SHEET = "年报助手列表";
/** Et's enum values (the typings declare the enums; WPS has no such object at run time). */
const VERY_HIDDEN = 2 as Et.XlSheetVisibility;
const VALIDATE_LIST = 3 as Et.XlDVType;

/** The open workbook's sheets; without one (WPS 表格 with no workbook open) a Chinese message. */
function activeSheets(app: Et.Application): Et.Sheets {
  const book = app.ActiveWorkbook as Et.Workbook | null | undefined;
  if (!book) throw new Error("WPS 表格中没有打开的工作簿，请先打开登记台账。");
  return book.Worksheets;
}

/** The workbook's worksheets, by name. */
function worksheets(app: Et.Application): Map<string, Et.Worksheet> {
  const sheets = activeSheets(app);
  const out = new Map<string, Et.Worksheet>();
  for (let i = 1, n = sheets.Count; i <= n; i++) {
    const ws = sheets.Item(i) as Et.Worksheet;
    out.set(ws.Name, ws);
  }
  return out;
}

/** A Value2 as rows of cells (a single cell comes as a scalar). */
function valueRows(value: unknown): Cell[][] {
  if (!Array.isArray(value)) return [[hostCell(value)]];
  return value.map((row: unknown) => (Array.isArray(row) ? row.map(hostCell) : [hostCell(row)]));
}

/** Reads every input sheet (registers, an agency's own ledger, 统计表, 对应关系): its used range in one Value2, from A1. */
export function readRegistersEt(app: Et.Application): WorkbookData {
  const out: SheetData[] = [];
  for (const [name, ws] of worksheets(app)) {
    if (!isInputSheet(name)) continue;
    const used = ws.UsedRange;
    const [top, left] = [used.Row, used.Column];
    const rows = valueRows(used.Value2);
    const empty = rows.length === 1 && rows[0].length === 1 && rows[0][0] === null;
    const pad = (row: Cell[]) => [...new Array<Cell>(left - 1).fill(null), ...row];
    out.push({
      name,
      rows: empty ? [] : [...Array.from({ length: top - 1 }, () => [] as Cell[]), ...rows.map(pad)],
      firstRow: 1,
    });
  }
  return { sheets: out, source: "当前工作簿" };
}

function stateSheet(app: Et.Application, sheets: Map<string, Et.Worksheet>): Et.Worksheet {
  const found = sheets.get(STATE_SHEET);
  if (found) return found;
  const ws = addSheet(app, STATE_SHEET);
  ws.Visible = VERY_HIDDEN;
  sheets.set(STATE_SHEET, ws);
  return ws;
}

function readJson<T>(ws: Et.Worksheet | undefined, cell: string, fallback: T): T {
  const v = ws?.Range(cell).Value2;
  try {
    return typeof v === "string" && v ? (JSON.parse(v) as T) : fallback;
  } catch {
    return fallback;
  }
}

/** The sheets the add-in made. */
function ownedSheets(sheets: Map<string, Et.Worksheet>): Set<string> {
  return new Set(readJson<string[]>(sheets.get(STATE_SHEET), "A1", []));
}

function markOwned(app: Et.Application, sheets: Map<string, Et.Worksheet>, owned: Set<string>): void {
  stateSheet(app, sheets).Range("A1").Value2 = JSON.stringify([...owned].sort());
}

export function loadSettingsEt<T>(app: Et.Application): Partial<T> {
  return readJson<Partial<T>>(worksheets(app).get(STATE_SHEET), "A2", {});
}

export function saveSettingsEt<T>(app: Et.Application, settings: T): void {
  stateSheet(app, worksheets(app)).Range("A2").Value2 = JSON.stringify(settings);
}

/** A new sheet at the end of the workbook. */
function addSheet(app: Et.Application, name: string): Et.Worksheet {
  const book = activeSheets(app);
  const ws = book.Add(undefined, book.Item(book.Count)) as Et.Worksheet;
  ws.Name = name;
  return ws;
}

/**
 * New sheets to replace those of the same names: added first under passing names (a workbook keeps at least
 * one visible sheet, so the old ones cannot go first), then `done()` deletes the old ones and names the new.
 */
function replacementSheets(
  app: Et.Application,
  sheets: Map<string, Et.Worksheet>,
  names: string[],
): { made: Et.Worksheet[]; done: () => void } {
  const made = names.map((n) =>
    addSheet(
      app,
      passingSheetName(n, (t) => sheets.has(t)),
    ),
  );
  return {
    made,
    done() {
      for (const n of names) sheets.get(n)?.Delete();
      made.forEach((ws, i) => (ws.Name = names[i]));
    },
  };
}

/** Writes a block of values with its top-left cell at (row, column), both zero-based. */
function put(ws: Et.Worksheet, row: number, col: number, values: (string | number)[][]): Et.Range {
  const width = Math.max(...values.map((r) => r.length));
  const range = ws.Range(`${columnLetter(col)}${row + 1}`).Resize(values.length, width);
  range.Value2 = values.map((r) => [...r, ...new Array<string>(width - r.length).fill("")]);
  return range;
}

/** Creates the register sheets that are missing (headers, example row, dropdown lists), never touching others. */
export function createRegisterSheetsEt(app: Et.Application, format: FormatDef, year: number): string[] {
  const sheets = worksheets(app);
  const owned = ownedSheets(sheets);
  const made: string[] = [];
  let lists: Et.Worksheet | undefined;
  let listColumn = 0;
  /** Puts a list into the lists sheet and gives the reference a validation rule uses. */
  const listSource = (values: string[]) => {
    if (!lists) {
      lists = sheets.get(LISTS_SHEET) ?? addSheet(app, LISTS_SHEET);
      lists.Visible = VERY_HIDDEN;
      owned.add(LISTS_SHEET);
    }
    const c = columnLetter(listColumn++);
    put(
      lists,
      0,
      listColumn - 1,
      values.map((v) => [v]),
    );
    return `='${LISTS_SHEET}'!$${c}$1:$${c}$${values.length}`;
  };
  for (const layout of registerLayouts(format, year)) {
    const name = SHEETS[layout.key];
    if (sheets.has(name)) continue;
    const ws = addSheet(app, name);
    const headers = Object.keys(layout.headers);
    put(ws, 0, 0, [
      headers,
      layout.example.concat(new Array(headers.length).fill("")).slice(0, headers.length),
    ]);
    ws.Range(`A1:${columnLetter(headers.length - 1)}1`).Font.Bold = true;
    for (const [column, values] of Object.entries(layout.lists)) {
      const c = columnLetter(headers.indexOf(column));
      ws.Range(`${c}2:${c}20000`).Validation.Add(VALIDATE_LIST, 1, 1, listSource(values));
    }
    made.push(name);
  }
  const grid = activeGridRows(format);
  if (!sheets.has(SHEETS.active) && grid) {
    put(
      addSheet(app, SHEETS.active),
      0,
      0,
      grid.map((r) => r.slice(0, ACTIVE_GRID_WIDTH)),
    );
    made.push(SHEETS.active);
  }
  if (!sheets.has(SHEETS.info)) {
    put(addSheet(app, SHEETS.info), 0, 0, infoSheetRows(format, year));
    made.push(SHEETS.info);
  }
  if (made.length) markOwned(app, sheets, new Set([...owned, ...made]));
  return made;
}

/** The 统计表 sheet's title and tables, laid out as the template, bordered, printed with the title atop each page. */
function writeBlocks(ws: Et.Worksheet, tables: TableSet): string {
  const blocks = statisticsBlocks(tables);
  put(ws, 0, 0, [[blocks.title]]).Font.Bold = true;
  for (const { top, caption, grid } of blocks.tables) {
    put(ws, top, 0, [[caption]]).Font.Bold = true;
    const { values, merges } = gridMatrix(grid);
    const body = put(ws, top + 1, 0, values);
    body.WrapText = true;
    body.Font.Size = 9;
    borderedEt(body);
    for (const [r, c, h, w] of merges)
      ws.Range(`${columnLetter(c)}${top + 2 + r}:${columnLetter(c + w - 1)}${top + 1 + r + h}`).Merge();
    body.Rows.AutoFit();
  }
  printSetupEt(ws, blocks.title, 0);
  return blocks.title;
}

/** 直接填写统计表: a blank 统计表 sheet to type in, never over a sheet of that name; false when there is one. */
export function createTypedSheetEt(app: Et.Application, tables: TableSet): boolean {
  if (worksheets(app).has(STATISTICS_SHEET_NAME)) return false;
  const ws = addSheet(app, STATISTICS_SHEET_NAME);
  writeBlocks(ws, tables);
  ws.Activate();
  return true;
}

/** Appends answers below what the 对应关系 sheet holds, creating it with its header; nothing else is touched. */
export function appendAnswersEt(app: Et.Application, rows: string[][]): void {
  const found = worksheets(app).get(ANSWERS_SHEET);
  const used = found?.UsedRange;
  const blank = !used || valueRows(used.Value2).every((r) => r.every((v) => v === null || v === ""));
  const ws = found ?? addSheet(app, ANSWERS_SHEET);
  const top = blank || !used ? 0 : used.Row - 1 + valueRows(used.Value2).length;
  put(ws, top, 0, top ? rows : [ANSWERS_HEADER, ...rows]);
  ws.Activate();
}

/** Writes 统计表 and 校验结果, only over sheets the add-in made unless `replace`. */
export function writeStatisticsEt(
  app: Et.Application,
  result: CompileResult,
  replace: boolean,
): WriteOutcome {
  const sheets = worksheets(app);
  const owned = ownedSheets(sheets);
  const names = [STATISTICS_SHEET_NAME, CHECKS_SHEET];
  const foreign = names.filter((n) => sheets.has(n) && !owned.has(n));
  if (foreign.length && !replace) return { needsConfirmation: foreign };
  const {
    made: [ws, checks],
    done,
  } = replacementSheets(app, sheets, names);
  const title = writeBlocks(ws, result.tables);
  const rows: string[][] = [["规则", "严重程度", "位置", "说明"]];
  for (const c of result.checks) rows.push([c.rule, SEVERITY_LABELS[c.severity], c.place, c.message]);
  for (const i of result.rowIssues)
    rows.push(["登记表", SEVERITY_LABELS[i.severity], issuePlace(i), i.message]);
  if (rows.length === 1) rows.push(["", "", "", "全部通过"]);
  put(checks, 0, 0, rows);
  layTableEt(checks, printLayout(rows), rows.length);
  printSetupEt(checks, printTitle(title, CHECKS_SHEET), 1);
  done();
  markOwned(app, sheets, new Set([...owned, ...names]));
  ws.Activate();
  return { written: names };
}

/**
 * The review's sheets (总览 with statuses coloured, 问题清单, 汇总分析 with data bars and percentages, 审核要点,
 * 未报送), laid out and set up to print (./etPrint.ts), over the add-in's own only unless `replace`.
 */
export function writeReviewEt(app: Et.Application, r: ReviewResult, replace: boolean): WriteOutcome {
  const sheets = worksheets(app);
  const owned = ownedSheets(sheets);
  const list = paneReviewSheets(r);
  const names = list.map((s) => s.name);
  const foreign = names.filter((n) => sheets.has(n) && !owned.has(n));
  if (foreign.length && !replace) return { needsConfirmation: foreign };
  const { made, done } = replacementSheets(app, sheets, names);
  list.forEach((s, k) => {
    const ws = made[k];
    const values = reviewSheetValues(s);
    put(ws, 0, 0, values);
    ws.Range(`A1:${columnLetter(values[0].length - 1)}1`).Font.Bold = true;
    if (s.statusColumn >= 0)
      s.rows.forEach((row, i) => {
        const fill = STATUS_FILLS[row[s.statusColumn] as ReviewStatus];
        if (fill) ws.Range(`${columnLetter(s.statusColumn)}${i + 2}`).Interior.Color = bgr(fill);
      });
    const layout = printLayout(values, { given: s.widths, percent: s.percent });
    layTableEt(ws, layout, values.length);
    if (s.rows.length) for (const c of s.percent ?? []) percentFormatEt(ws, c, 1, s.rows.length);
    const bars = barRowCount(s, layout);
    if (bars) for (const c of s.bars ?? []) dataBarsEt(ws, c, 1, bars);
    printSetupEt(ws, printTitle(PRINT_BOOKS.review(r.year), s.name), 1);
  });
  done();
  markOwned(app, sheets, new Set([...owned, ...names]));
  made[0].Activate();
  return { written: names };
}

function sheetOrFail(app: Et.Application, name: string): Et.Worksheet {
  const ws = worksheets(app).get(name);
  if (!ws) throw new Error(`找不到工作表「${name}」，它可能已被重命名或删除。`);
  return ws;
}

/** Selects the cell of a row issue (its column found by header). */
export function selectIssueCellEt(app: Et.Application, issue: RowIssue): void {
  const ws = sheetOrFail(app, issue.sheet);
  const header = valueRows(ws.Range("A1").Resize(1, 50).Value2)[0];
  ws.Activate();
  ws.Range(`${columnLetter(issueColumn(issue, header))}${Math.max(1, issue.row)}`).Select();
}

/** Selects a whole register row (one of the rows behind a number). */
export function selectRowEt(app: Et.Application, sheet: string, row: number): void {
  const ws = sheetOrFail(app, sheet);
  ws.Activate();
  ws.Range(`A${row}`).EntireRow.Select();
}

/** The workbook's own 「审核要点」 sheet (an office's rule set, or the one a review wrote), as rows; null when none. */
export function readRuleSheetEt(app: Et.Application): Cell[][] | null {
  const ws = worksheets(app).get(RULE_SHEET_NAME);
  return ws ? valueRows(ws.UsedRange.Value2) : null;
}
