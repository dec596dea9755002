/**
 * The Excel adapters: the only code that calls Excel's API. Every function takes a request context and
 * queues its work, syncing a constant number of times per action, plus one per block when reading long
 * registers (blocks stay under Excel on the web's 5 MB request limit). The add-in writes only into sheets it
 * created (their names are kept in the workbook's settings) and asks before replacing any other.
 */
import type { Cell, SheetData, WorkbookData } from "../report/cells";
import type { CompileResult } from "../report/compile";
import { rollupRows } from "../report/rollup";
import type { RollupResult } from "../report/rollup";
import { outcomeRows } from "../report/formats";
import type { FormatDef } from "../report/formats";
import { expandGrid, table2Grid, table3Grid, table4Grid } from "../report/layout";
import type { TableGrid } from "../report/layout";
import {
  APPLICATION_HEADERS,
  CASE_HEADERS,
  DOCUMENT_HEADERS,
  mapColumns,
  PUBLISHED_HEADERS,
  SHEETS,
} from "../report/registers";
import type { HeaderSpec, RowIssue, SheetKey } from "../report/registers";
import { caseTypeVocabulary, INFO_CATEGORY_VOCAB } from "../report/vocab";
import { normalizeText, stripNumbering } from "../report/text";

/** Rows per read: 10 000 rows of a register's 7–10 columns stay well under 5 MB. */
export const BLOCK_ROWS = 10000;
export const STATS_SHEET = "统计表";
export const CHECKS_SHEET = "校验结果";
export const LISTS_SHEET = "年报助手列表";
const OWNED_KEY = "ogi.ownedSheets";
const SETTINGS_KEY = "ogi.settings";

const ERROR_VALUES = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#BUSY!",
  "#CONNECT!",
  "#UNKNOWN!",
]);

/** Excel's values as engine cells: error values (which the API gives as text) become `{ error }`. */
export function excelCell(v: unknown): Cell {
  if (typeof v === "string") return ERROR_VALUES.has(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return null;
}

const REGISTER_KEYS: SheetKey[] = ["applications", "cases", "active", "documents", "published", "info"];

/** Reads every register sheet present, by name, in blocks. Syncs: 2 + one per block. */
export async function readRegisters(
  context: Excel.RequestContext,
  blockRows = BLOCK_ROWS,
): Promise<WorkbookData> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const wanted = new Set(REGISTER_KEYS.flatMap((k) => [SHEETS[k]]).map(normalizeText));
  const present = sheets.items.filter(
    (s) => wanted.has(normalizeText(s.name)) || /登记|报告信息|主动公开/.test(s.name),
  );
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
      for (const row of block.values) rows.push(row.map(excelCell));
    }
    out.push({ name: sheet.name, rows, firstRow: 1 });
  }
  return { sheets: out, source: "当前工作簿" };
}

async function ownedSheets(
  context: Excel.RequestContext,
): Promise<{ names: Set<string>; existing: Set<string> }> {
  const item = context.workbook.settings.getItemOrNullObject(OWNED_KEY);
  item.load("value");
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  let names: string[] = [];
  if (!item.isNullObject) {
    try {
      names = JSON.parse(String(item.value)) as string[];
    } catch {
      names = [];
    }
  }
  return { names: new Set(names), existing: new Set(sheets.items.map((s) => s.name)) };
}

function markOwned(context: Excel.RequestContext, owned: Set<string>): void {
  context.workbook.settings.add(OWNED_KEY, JSON.stringify([...owned].sort()));
}

/** Column letter of a 0-based index. */
export function columnLetter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface RegisterLayout {
  key: SheetKey;
  headers: HeaderSpec;
  example: (string | number)[];
  dates: string[];
  lists: Record<string, string[]>;
}

function registerLayouts(format: FormatDef, year: number): RegisterLayout[] {
  const serial = (m: number, d: number) => Math.round(Date.UTC(year, m - 1, d) / 86400000) + 25569;
  // Each outcome once, unambiguous in a dropdown: items by their label, numbered items with their group.
  const outcomeLabels = outcomeRows(format).map((r) => {
    const group = format.t3.rows.find((g) => g.key === r.group);
    return group
      ? `${stripNumbering(group.label)}-${stripNumbering(r.label)}`
      : stripNumbering(r.label).replace(/\(.*$/, "");
  });
  const applicants = format.t3.columns.slice(0, 6).map((c) => c.label);
  const caseTypes = caseTypeVocabulary(format)
    .spellings.filter((s) => s.spelling.startsWith("行政"))
    .map((s) => s.spelling);
  const results = format.t4.results.slice(0, 4).map((r) => r.label);
  return [
    {
      key: "applications",
      headers: APPLICATION_HEADERS,
      example: [
        "示例-001",
        serial(3, 2),
        applicants[0],
        outcomeLabels[0],
        serial(3, 10),
        "",
        "示例行，可删除",
      ],
      dates: ["收到日期", "办结日期"],
      lists: { 申请人类型: applicants, 办理结果: outcomeLabels },
    },
    {
      key: "cases",
      headers: CASE_HEADERS,
      example: ["示例-复议-1", caseTypes[0], serial(4, 1), results[0], serial(5, 20)],
      dates: ["立案日期", "审结日期"],
      lists: { 类型: caseTypes, 结果: results },
    },
    {
      key: "documents",
      headers: DOCUMENT_HEADERS,
      example: [`示例〔${year}〕1号`, "行政规范性文件", serial(2, 15), ""],
      dates: ["印发日期", "废止日期"],
      lists: { 类型: ["规章", "行政规范性文件"] },
    },
    {
      key: "published",
      headers: PUBLISHED_HEADERS,
      example: ["示例：关于……的通知", "工作动态", serial(1, 10), "政府网站"],
      dates: ["发布日期"],
      lists: { 类别: [...new Set(INFO_CATEGORY_VOCAB.spellings.map((s) => s.spelling))].slice(0, 40) },
    },
  ];
}

/**
 * Creates the register sheets that are missing (Excel tables with dropdown lists and an example row, the
 * 主动公开 grid, 报告信息), never touching sheets that exist. Syncs: 2.
 */
export async function createRegisterSheets(
  context: Excel.RequestContext,
  format: FormatDef,
  year: number,
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
    for (const [column, values] of Object.entries(layout.lists)) {
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
  if (!existing.has(SHEETS.active) && format.t2) {
    const ws = context.workbook.worksheets.add(SHEETS.active);
    const rows: (string | number)[][] = [];
    for (const block of format.t2.blocks) {
      rows.push([block.caption, "", "", ""]);
      rows.push([format.t2.contentLabel, ...block.columns.map((c) => c.label), "", "", ""].slice(0, 4));
      for (const r of block.rows) rows.push([r.label, ...block.columns.map(() => 0), "", "", ""].slice(0, 4));
    }
    ws.getRangeByIndexes(0, 0, rows.length, 4).values = rows;
    ws.getRange("A:D").format.columnWidth = 110;
    made.push(SHEETS.active);
    owned.add(SHEETS.active);
  }
  if (!existing.has(SHEETS.info)) {
    const ws = context.workbook.worksheets.add(SHEETS.info);
    const items = [
      "机关名称",
      "报告年度",
      "报告格式",
      "成文日期",
      "联系地址",
      "邮政编码",
      "联系电话",
      "电子邮箱",
      "发布网址",
      "简称",
      "存在的主要问题",
      "改进措施",
      "其他需要报告的事项",
    ];
    const values: (string | number)[][] = [
      ["项目", "内容"],
      ...items.map((i) => [i, i === "报告年度" ? year : i === "报告格式" ? format.id : ""]),
    ];
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

/** Writes one grid at a row offset: values, merges, borders, alignment. Returns the rows used. */
function writeGrid(ws: Excel.Worksheet, grid: TableGrid, top: number, title: string): number {
  const width = grid.widths.length;
  const expanded = expandGrid(grid);
  const values: (string | number)[][] = expanded.map(() => new Array<string | number>(width).fill(""));
  const merges: [number, number, number, number][] = [];
  const numbers: [number, number][] = [];
  expanded.forEach((row, r) => {
    let c = 0;
    for (const p of row) {
      const span = p.cell.colSpan ?? 1;
      if (p.merge !== "continue") {
        const n = p.cell.key && p.cell.text !== "" ? Number(p.cell.text) : NaN;
        values[r][c] = Number.isFinite(n) ? n : p.cell.text;
        if (p.cell.key) numbers.push([r, c]);
        if (span > 1 || (p.cell.rowSpan ?? 1) > 1) merges.push([r, c, p.cell.rowSpan ?? 1, span]);
      }
      c += span;
    }
  });
  ws.getRangeByIndexes(top, 0, 1, 1).values = [[title]];
  ws.getRangeByIndexes(top, 0, 1, 1).format.font.bold = true;
  const body = ws.getRangeByIndexes(top + 1, 0, values.length, width);
  body.values = values;
  body.format.font.size = 9;
  body.format.wrapText = true;
  body.format.verticalAlignment = Excel.VerticalAlignment.center;
  body.format.horizontalAlignment = Excel.HorizontalAlignment.center;
  for (const edge of [
    Excel.BorderIndex.edgeTop,
    Excel.BorderIndex.edgeBottom,
    Excel.BorderIndex.edgeLeft,
    Excel.BorderIndex.edgeRight,
    Excel.BorderIndex.insideHorizontal,
    Excel.BorderIndex.insideVertical,
  ])
    body.format.borders.getItem(edge).style = Excel.BorderLineStyle.continuous;
  for (const [r, c, h, w] of merges) ws.getRangeByIndexes(top + 1 + r, c, h, w).merge(false);
  // Labels left-aligned, as the template prints them.
  expanded.forEach((row, r) => {
    let c = 0;
    for (const p of row) {
      if (p.merge !== "continue" && !p.cell.key && !p.cell.header && p.cell.align === "left")
        ws.getRangeByIndexes(top + 1 + r, c, 1, 1).format.horizontalAlignment =
          Excel.HorizontalAlignment.left;
      c += p.cell.colSpan ?? 1;
    }
  });
  return values.length + 2;
}

export type WriteOutcome = { written: string[] } | { needsConfirmation: string[] };

/**
 * Writes 统计表 (表二/三/四 as the template) and 校验结果 in one batch. Sheets of those names that the add-in did
 * not create are replaced only with `replace`; otherwise the caller is told to ask. Syncs: 2.
 */
export async function writeStatistics(
  context: Excel.RequestContext,
  result: CompileResult,
  replace: boolean,
): Promise<WriteOutcome> {
  const { names: owned, existing } = await ownedSheets(context);
  const foreign = [STATS_SHEET, CHECKS_SHEET].filter((n) => existing.has(n) && !owned.has(n));
  if (foreign.length && !replace) return { needsConfirmation: foreign };
  for (const name of [STATS_SHEET, CHECKS_SHEET])
    if (existing.has(name)) context.workbook.worksheets.getItem(name).delete();
  const ws = context.workbook.worksheets.add(STATS_SHEET);
  let top = 0;
  const t = result.tables;
  ws.getRangeByIndexes(0, 0, 1, 1).values = [[`${t.agency} ${t.year}年政府信息公开工作年度报告统计表`]];
  ws.getRangeByIndexes(0, 0, 1, 1).format.font.bold = true;
  top = 2;
  const g2 = table2Grid(t);
  if (g2) top += writeGrid(ws, g2, top, "表二 主动公开政府信息情况");
  top += writeGrid(ws, table3Grid(t), top, "表三 收到和处理政府信息公开申请情况");
  writeGrid(ws, table4Grid(t), top, "表四 政府信息公开行政复议、行政诉讼情况");
  ws.getRange("A:C").format.columnWidth = 60;
  ws.getRange("D:O").format.columnWidth = 48;
  const checks = context.workbook.worksheets.add(CHECKS_SHEET);
  const rows: string[][] = [["规则", "严重程度", "位置", "说明"]];
  for (const c of result.checks)
    rows.push([
      c.rule,
      c.severity === "error" ? "错误" : c.severity === "warning" ? "提示" : "信息",
      c.where,
      c.message,
    ]);
  for (const i of result.rowIssues)
    rows.push([
      "登记表",
      i.severity === "error" ? "错误" : "提示",
      `${i.sheet}${i.row ? ` 第${i.row}行` : ""}${i.column ? ` ${i.column}` : ""}`,
      i.message,
    ]);
  if (rows.length === 1) rows.push(["", "", "", "全部通过"]);
  checks.getRangeByIndexes(0, 0, rows.length, 4).values = rows;
  checks.getRangeByIndexes(0, 0, 1, 4).format.font.bold = true;
  checks.getRange("D:D").format.columnWidth = 420;
  owned.add(STATS_SHEET);
  owned.add(CHECKS_SHEET);
  markOwned(context, owned);
  ws.activate();
  await context.sync();
  return { written: [STATS_SHEET, CHECKS_SHEET] };
}

const HEADERS_BY_SHEET: Record<string, HeaderSpec> = {
  [SHEETS.applications]: APPLICATION_HEADERS,
  [SHEETS.cases]: CASE_HEADERS,
  [SHEETS.documents]: DOCUMENT_HEADERS,
  [SHEETS.published]: PUBLISHED_HEADERS,
};

/** Selects the cell of a row issue (its column found by header). Syncs: 2. */
export async function selectIssueCell(context: Excel.RequestContext, issue: RowIssue): Promise<void> {
  const ws = context.workbook.worksheets.getItemOrNullObject(issue.sheet);
  const header = ws.getRangeByIndexes(0, 0, 1, 50);
  header.load("values");
  await context.sync();
  if (ws.isNullObject) throw new Error(`找不到工作表「${issue.sheet}」，它可能已被重命名或删除。`);
  const spec = HEADERS_BY_SHEET[issue.sheet];
  const col = spec
    ? (mapColumns(issue.sheet, header.values[0].map(excelCell), spec).index[issue.column] ?? 0)
    : 0;
  ws.activate();
  ws.getRangeByIndexes(Math.max(0, issue.row - 1), col, 1, 1).select();
  await context.sync();
}

export async function loadSettings<T>(context: Excel.RequestContext): Promise<Partial<T>> {
  const item = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  item.load("value");
  await context.sync();
  if (item.isNullObject) return {};
  try {
    return JSON.parse(String(item.value)) as Partial<T>;
  } catch {
    return {};
  }
}

export async function saveSettings<T>(context: Excel.RequestContext, settings: T): Promise<void> {
  context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(settings));
  await context.sync();
}

export const ROLLUP_SHEET = "汇总";

/** Writes the 汇总 sheet (one row block per unit and the total), only over a sheet the add-in created. Syncs: 2. */
export async function writeRollup(
  context: Excel.RequestContext,
  r: RollupResult,
  replace: boolean,
): Promise<WriteOutcome> {
  const { names: owned, existing } = await ownedSheets(context);
  if (existing.has(ROLLUP_SHEET) && !owned.has(ROLLUP_SHEET) && !replace)
    return { needsConfirmation: [ROLLUP_SHEET] };
  if (existing.has(ROLLUP_SHEET)) context.workbook.worksheets.getItem(ROLLUP_SHEET).delete();
  const ws = context.workbook.worksheets.add(ROLLUP_SHEET);
  const rows = rollupRows(r);
  ws.getRangeByIndexes(0, 0, rows.length, rows[0].length).values = rows;
  ws.getRangeByIndexes(0, 0, 1, rows[0].length).format.font.bold = true;
  ws.getRange("A:A").format.columnWidth = 110;
  ws.getRange("B:B").format.columnWidth = 240;
  owned.add(ROLLUP_SHEET);
  markOwned(context, owned);
  ws.activate();
  await context.sync();
  return { written: [ROLLUP_SHEET] };
}
