/**
 * 复议诉讼登记 → 表四: cases filed (立案) in the year; a case concluded after 31 December, or with no result,
 * counts as 尚未审结. Only the type, the dates and the result decide a row; a duplicate 编号 is a 提示.
 */
import { cellDays, isEmptyCell } from "../common/cells";
import type { Cell } from "../common/cells";
import { formatDays, yearBounds } from "../common/dates";
import type { FormatDef } from "../formats";
import { T4_GROUP_WIDTH, T4_TOTAL_RESULT } from "../formats";
import { CASE_HEADERS, IssueSink, isBlankRow, mapColumns, missingColumns, SHEETS } from "./registers";
import { DECIDING, PENDING_VALUE, wordOf } from "./registers";
import { columnsHoldingBack } from "./holdback";
import type { RowIssue, SheetWords } from "./registers";
import { emptyTable4 } from "../tables/tables";
import { caseResultVocabulary, caseTypeVocabulary } from "./vocab";

interface CaseResult {
  t4: number[];
  /** When asked for: each counted case as a pair (表四 index of its result, Excel row number). */
  trace?: number[];
  stats: { rows: number; counted: number; excluded: number };
  issues: RowIssue[];
}

export function tallyCases(
  format: FormatDef,
  year: number,
  rows: Cell[][],
  sheetName: string = SHEETS.cases,
  firstRow = 1,
  trace = false,
  /** An agency's own ledger: what its values stand for (read through, never copied). */
  words?: SheetWords,
  /** An agency's own ledger: its headers as written, by field (for the sentences naming a column). */
  written?: Record<string, string>,
): CaseResult {
  const placed: number[] | null = trace ? [] : null;
  const sink = new IssueSink(sheetName);
  const map = mapColumns(sheetName, rows[0] ?? [], CASE_HEADERS);
  sink.columns = map.index;
  const t4 = emptyTable4() as number[];
  const stats = { rows: 0, counted: 0, excluded: 0 };
  const missing = missingColumns(sheetName, map, ["类型", "立案日期"]);
  if (missing.length) return { t4, stats, issues: missing };
  const types = caseTypeVocabulary(format);
  const results = caseResultVocabulary(format);
  const groupIndex = new Map([format.t4.review, ...format.t4.litigation].map((g, i) => [g.key, i]));
  const resultIndex = new Map(format.t4.results.map((r, i) => [r.key, i]));
  const pending = resultIndex.get("pending") as number;
  const { start, end } = yearBounds(year);
  const ids = new Map<string, number>();
  const col = (h: string) => map.index[h] ?? -1;
  const [cId, cType, cFiled, cResult, cClosed] = ["编号", "类型", "立案日期", "结果", "审结日期"].map(col);

  for (let i = 1; i < rows.length; i++) {
    const row = rows[i];
    const rn = firstRow + i;
    if (isBlankRow(row, map, DECIDING.cases)) continue;
    const tc = wordOf(words, cType, row[cType]);
    const rc = cResult >= 0 ? wordOf(words, cResult, row[cResult]) : null;
    // A row with a question is named once, where it was asked, and not counted.
    if (tc === PENDING_VALUE || rc === PENDING_VALUE) continue;
    stats.rows++;
    const errorsBefore = sink.errors;

    let group = -1;
    if (isEmptyCell(tc)) sink.missing(rn, "类型", `请填写：${types.accepted}`);
    else {
      const hit = typeof tc === "string" ? types.lookup(tc) : null;
      if (hit) group = groupIndex.get(hit.key) as number;
      else if (typeof tc === "string" && /^行政诉讼$/.test(tc.normalize("NFKC").trim()))
        sink.add(
          rn,
          "类型",
          tc,
          `第${rn}行「行政诉讼」请注明是未经复议直接起诉还是复议后起诉`,
          "unknownValue",
        );
      else sink.badValue(rn, "类型", tc, types);
    }

    const fc = row[cFiled];
    let filed = NaN;
    if (isEmptyCell(fc)) sink.missing(rn, "立案日期", "请填写立案日期");
    else {
      filed = cellDays(fc);
      if (Number.isNaN(filed)) sink.badDate(rn, "立案日期", fc);
    }

    let closed = NaN;
    if (cClosed >= 0 && !isEmptyCell(row[cClosed])) {
      closed = cellDays(row[cClosed]);
      if (Number.isNaN(closed)) sink.badDate(rn, "审结日期", row[cClosed]);
      else if (!Number.isNaN(filed) && closed < filed)
        sink.add(
          rn,
          "审结日期",
          row[cClosed],
          `第${rn}行的审结日期 ${formatDays(closed)} 早于立案日期 ${formatDays(filed)}，请核对`,
          "dateOrder",
        );
    }

    let result = pending;
    if (cResult >= 0 && !isEmptyCell(rc)) {
      const hit = typeof rc === "string" ? results.lookup(rc) : null;
      if (!hit) sink.badValue(rn, "结果", rc, results);
      else result = resultIndex.get(hit.key) as number;
    } else if (!Number.isNaN(closed)) {
      sink.add(
        rn,
        "结果",
        null,
        `第${rn}行有审结日期但结果为空，已按尚未审结统计`,
        "missingValue",
        "warning",
      );
    }

    if (cId >= 0 && !isEmptyCell(row[cId])) {
      const key = String(row[cId]).trim();
      const first = ids.get(key);
      if (first !== undefined)
        sink.add(
          rn,
          "编号",
          row[cId],
          `第${rn}行的编号「${key}」与第${first}行重复`,
          "duplicateId",
          "warning",
        );
      else ids.set(key, rn);
    }

    if (sink.errors > errorsBefore) {
      stats.excluded++;
      continue;
    }
    if (filed < start || filed > end) continue;
    if (!Number.isNaN(closed) && closed > end) result = pending;
    t4[group * T4_GROUP_WIDTH + result]++;
    t4[group * T4_GROUP_WIDTH + T4_TOTAL_RESULT]++;
    placed?.push(group * T4_GROUP_WIDTH + result, rn);
    stats.counted++;
  }
  const held = columnsHoldingBack(sheetName, sink.issues, stats.rows, (f) => written?.[f] ?? map.written[f]);
  return { t4, stats, issues: [...held, ...sink.issues], ...(placed ? { trace: placed } : {}) };
}
