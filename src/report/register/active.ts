/**
 * 表二 and the 主动公开 counts: the 主动公开 grid (表二's own row and column labels, numbers typed in), the
 * optional 文件登记 (规章 and 行政规范性文件, from which 本年制发 / 本年废止 / 现行有效 follow) and the optional
 * 主动公开信息登记 (one row per item published; counts by category and channel).
 */
import { cellDays, cellNumber, cellText, isCellError, isEmptyCell } from "../common/cells";
import type { SheetData } from "../common/cells";
import { yearBounds } from "../common/dates";
import type { FormatDef, Table2Block } from "../formats";
import {
  DOCUMENT_HEADERS,
  IssueSink,
  isBlankRow,
  mapColumns,
  missingColumns,
  PUBLISHED_HEADERS,
} from "./registers";
import type { RowIssue } from "./registers";
import { emptyTable2 } from "../tables/tables";
import type { Num, Table2 } from "../tables/tables";
import { normalizeText } from "../common/normalize";
import { DOCUMENT_TYPE_VOCAB, INFO_CATEGORY_VOCAB } from "./vocab";

interface GridRow {
  key: string;
  block: Table2Block | null;
  columns: number;
}

/** Row labels of the grid: 表二's rows, or the legacy format's categories. */
function gridRows(format: FormatDef): Map<string, GridRow> {
  const rows = new Map<string, GridRow>();
  if (format.t2) {
    for (const block of format.t2.blocks)
      for (const row of block.rows)
        rows.set(normalizeText(row.label), { key: row.key, block, columns: block.columns.length });
    // 2021 prints 行政规范性文件, 2019 规范性文件: accept either wording for the same row.
    const normative = [...rows.values()].find((r) => r.key === "normative");
    if (normative) {
      rows.set(normalizeText("规范性文件"), normative);
      rows.set(normalizeText("行政规范性文件"), normative);
    }
  } else {
    for (const c of format.legacyCategories ?? []) {
      rows.set(normalizeText(c.label), { key: c.key, block: null, columns: 1 });
      const hit = INFO_CATEGORY_VOCAB.spellings.filter((s) => s.key === c.key);
      for (const s of hit)
        if (!rows.has(normalizeText(s.spelling)))
          rows.set(normalizeText(s.spelling), { key: c.key, block: null, columns: 1 });
    }
  }
  return rows;
}

/** Reads the 主动公开 grid. Blank cells stay null (the checks warn about them). */
export function readActiveGrid(
  format: FormatDef,
  sheet: SheetData | undefined,
): { t2: Table2 | null; issues: RowIssue[] } {
  const t2 = emptyTable2(format);
  if (!t2) return { t2, issues: [] };
  for (const k of Object.keys(t2)) t2[k] = Array.isArray(t2[k]) ? (t2[k] as Num[]).map(() => null) : null;
  if (!sheet) return { t2, issues: [] };
  const sink = new IssueSink(sheet.name);
  const labels = gridRows(format);
  const contentLabel = normalizeText(format.t2?.contentLabel ?? "信息内容");
  const first = sheet.firstRow ?? 1;
  let headerCols: Map<string, number> | null = null;
  let headerBlock: Table2Block | null = null;
  sheet.rows.forEach((row, i) => {
    const rn = first + i;
    const labelCol = row.findIndex((c) => typeof c === "string" && c.trim() !== "");
    if (labelCol < 0) return;
    const label = normalizeText(row[labelCol] as string);
    if (label === contentLabel) {
      // A header row: remember where each column label sits.
      headerCols = new Map();
      row.forEach((c, j) => {
        if (j > labelCol && typeof c === "string") headerCols?.set(normalizeText(c), j);
      });
      headerBlock = null;
      return;
    }
    const hit = labels.get(label);
    if (!hit) return;
    const block = hit.block;
    const cols = block?.columns ?? [{ key: "count", label: "数量", kind: "count" as const }];
    const values: Num[] = cols.map((col, j) => {
      let at = labelCol + 1 + j;
      const hc: Map<string, number> | null = headerCols;
      if (hc && (headerBlock === null || headerBlock === block)) {
        const found = hc.get(normalizeText(col.label));
        if (found !== undefined) at = found;
      }
      const cell = row[at];
      if (isEmptyCell(cell)) return null;
      const v = cellNumber(cell);
      const ok =
        col.kind === "signedCount"
          ? Number.isInteger(v)
          : col.kind === "amount"
            ? v >= 0
            : Number.isInteger(v) && v >= 0;
      if (!ok) {
        const what =
          col.kind === "amount" ? "不小于0的数" : col.kind === "signedCount" ? "整数" : "不小于0的整数";
        if (isCellError(cell)) sink.errorValue(rn, col.label, cell);
        else sink.badNumber(rn, col.label, cell, what);
        return null;
      }
      return v;
    });
    if (block) headerBlock = block;
    t2[hit.key] = hit.columns === 1 ? values[0] : values;
  });
  return { t2, issues: sink.issues };
}

/** 规章 / 行政规范性文件 counts for the year from 文件登记: [issued, repealed, inForce]. */
export function tallyDocuments(
  sheet: SheetData,
  year: number,
): { counts: Record<string, number[]>; issues: RowIssue[] } {
  const sink = new IssueSink(sheet.name);
  const map = mapColumns(sheet.name, sheet.rows[0] ?? [], DOCUMENT_HEADERS);
  const counts: Record<string, number[]> = { rules: [0, 0, 0], normative: [0, 0, 0] };
  const missing = missingColumns(sheet.name, map, ["类型", "印发日期"]);
  if (missing.length) return { counts, issues: missing };
  const { start, end } = yearBounds(year);
  const first = sheet.firstRow ?? 1;
  for (let i = 1; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    const rn = first + i;
    if (isBlankRow(row, map)) continue;
    const tc = row[map.index["类型"]];
    const type = typeof tc === "string" ? DOCUMENT_TYPE_VOCAB.lookup(tc) : null;
    if (!type) {
      if (isEmptyCell(tc)) sink.missing(rn, "类型", `请填写：${DOCUMENT_TYPE_VOCAB.accepted}`);
      else sink.badValue(rn, "类型", tc, DOCUMENT_TYPE_VOCAB);
    }
    const ic = row[map.index["印发日期"]];
    const issued = cellDays(ic);
    if (isEmptyCell(ic)) sink.missing(rn, "印发日期", "请填写印发日期");
    else if (Number.isNaN(issued)) sink.badDate(rn, "印发日期", ic);
    const rc = map.index["废止日期"] === undefined ? null : row[map.index["废止日期"]];
    const repealed = isEmptyCell(rc) ? NaN : cellDays(rc);
    if (!isEmptyCell(rc) && Number.isNaN(repealed)) sink.badDate(rn, "废止日期", rc);
    if (!type || Number.isNaN(issued) || (!isEmptyCell(rc) && Number.isNaN(repealed))) continue;
    const c = counts[type.key];
    if (issued >= start && issued <= end) c[0]++;
    if (repealed >= start && repealed <= end) c[1]++;
    if (issued <= end && !(repealed <= end)) c[2]++;
  }
  return { counts, issues: sink.issues };
}

/** Counts of 主动公开信息登记 for the year, by category and channel. */
export function tallyPublished(
  sheet: SheetData,
  year: number,
): {
  categories: Record<string, number>;
  channels: Record<string, number>;
  published: number;
  issues: RowIssue[];
} {
  const sink = new IssueSink(sheet.name);
  const map = mapColumns(sheet.name, sheet.rows[0] ?? [], PUBLISHED_HEADERS);
  const categories: Record<string, number> = {};
  const channels: Record<string, number> = {};
  let published = 0;
  const missing = missingColumns(sheet.name, map, ["类别", "发布日期"]);
  if (missing.length) return { categories, channels, published, issues: missing };
  const { start, end } = yearBounds(year);
  const first = sheet.firstRow ?? 1;
  for (let i = 1; i < sheet.rows.length; i++) {
    const row = sheet.rows[i];
    const rn = first + i;
    if (isBlankRow(row, map)) continue;
    const cc = row[map.index["类别"]];
    const hit = typeof cc === "string" ? INFO_CATEGORY_VOCAB.lookup(cc) : null;
    if (!hit) {
      if (isEmptyCell(cc)) sink.missing(rn, "类别", `请填写：${INFO_CATEGORY_VOCAB.accepted}`);
      else sink.badValue(rn, "类别", cc, INFO_CATEGORY_VOCAB);
    }
    const dc = row[map.index["发布日期"]];
    const day = cellDays(dc);
    if (isEmptyCell(dc)) sink.missing(rn, "发布日期", "请填写发布日期");
    else if (Number.isNaN(day)) sink.badDate(rn, "发布日期", dc);
    if (!hit || Number.isNaN(day) || day < start || day > end) continue;
    published++;
    categories[hit.key] = (categories[hit.key] ?? 0) + 1;
    const ch = map.index["渠道"] === undefined ? "" : cellText(row[map.index["渠道"]]).trim();
    if (ch) channels[ch] = (channels[ch] ?? 0) + 1;
  }
  return { categories, channels, published, issues: sink.issues };
}

/**
 * Fills blanks of the typed 表二 from the registers, and warns where a typed number disagrees with them
 * (typed numbers win).
 */
export function mergeCounted(
  t2: Table2,
  counted: Record<string, Num | Num[]>,
  sheet: string,
  source: string,
  columnLabels: (key: string) => string[],
): RowIssue[] {
  const issues: RowIssue[] = [];
  for (const [key, value] of Object.entries(counted)) {
    const typed = t2[key];
    const pairs: [Num, Num, number][] = Array.isArray(value)
      ? value.map((v, j) => [Array.isArray(typed) ? typed[j] : null, v, j])
      : [[Array.isArray(typed) ? null : (typed ?? null), value, 0]];
    const merged = pairs.map(([typedV, countedV, j]) => {
      if (typedV === null) return countedV;
      if (countedV !== null && typedV !== countedV) {
        const label = columnLabels(key)[j] ?? key;
        issues.push({
          sheet,
          row: 0,
          column: label,
          value: String(typedV),
          message: `「${sheet}」中「${label}」填写为${typedV}，按「${source}」统计为${countedV}，已采用填写的数字，请核对`,
          severity: "warning",
          kind: "disagreement",
        });
      }
      return typedV;
    });
    t2[key] = Array.isArray(value) ? merged : merged[0];
  }
  return issues;
}
