/**
 * The register sheets a new workbook gets, as data: each register's headers, an example row, its date columns
 * and the dropdown lists of its coded columns; the 主动公开 grid (表二's blocks with zeros); 报告信息. The host
 * adapters (Excel, WPS) lay these out; nothing here touches a host.
 */
import { serialFromDays, daysFromCivil } from "./common/dates";
import type { FormatDef } from "./formats";
import { outcomeRows, T3_APPLICANT_COLUMNS, T4_TOTAL_RESULT } from "./formats";
import { infoSheetRows } from "./text/info";
import { APPLICATION_HEADERS, CASE_HEADERS, DOCUMENT_HEADERS, PUBLISHED_HEADERS } from "./register/registers";
import type { HeaderSpec, SheetKey } from "./register/registers";
import { stripNumbering } from "./common/normalize";
import { caseTypeVocabulary, INFO_CATEGORY_VOCAB } from "./register/vocab";

interface RegisterLayout {
  key: SheetKey;
  headers: HeaderSpec;
  /** The example row (dates as Excel serials), marked 示例 so that people recognise and delete it. */
  example: (string | number)[];
  /** Headers of the date columns. */
  dates: string[];
  /** Dropdown values by header. */
  lists: Record<string, string[]>;
}

/** The four row registers of a format, for a report year. */
export function registerLayouts(format: FormatDef, year: number): RegisterLayout[] {
  const serial = (m: number, d: number) => serialFromDays(daysFromCivil(year, m, d));
  // Each outcome once, unambiguous in a dropdown: items by their label, numbered items with their group.
  const outcomeLabels = outcomeRows(format).map((r) => {
    const group = format.t3.rows.find((g) => g.key === r.group);
    return group
      ? `${stripNumbering(group.label)}-${stripNumbering(r.label)}`
      : stripNumbering(r.label).replace(/\(.*$/, "");
  });
  const applicants = format.t3.columns.slice(0, T3_APPLICANT_COLUMNS).map((c) => c.label);
  const caseTypes = caseTypeVocabulary(format)
    .spellings.filter((s) => s.spelling.startsWith("行政"))
    .map((s) => s.spelling);
  const results = format.t4.results.slice(0, T4_TOTAL_RESULT).map((r) => r.label);
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

/** Columns of the 主动公开 grid: the row label and up to three numbers. */
export const ACTIVE_GRID_WIDTH = 4;

/** The 主动公开 grid to type 表二 into: per block its caption, a header row, then its rows with zeros. */
export function activeGridRows(format: FormatDef): (string | number)[][] | null {
  if (!format.t2) return null;
  const rows: (string | number)[][] = [];
  const pad = (r: (string | number)[]) => [...r, "", "", ""].slice(0, ACTIVE_GRID_WIDTH);
  for (const block of format.t2.blocks) {
    rows.push(pad([block.caption]));
    rows.push(pad([format.t2.contentLabel, ...block.columns.map((c) => c.label)]));
    for (const r of block.rows) rows.push(pad([r.label, ...block.columns.map(() => 0)]));
  }
  return rows;
}

export { infoSheetRows };

/** Column letter of a 0-based index (A, …, Z, AA, …). */
export function columnLetter(i: number): string {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
