/**
 * Room formats/ of the engine — the national formats as data: every label, title and row of 表二/三/四 of the
 * 2021, 2019 and legacy formats, which rules apply to each, and which format a year's report uses. The only place
 * a table label is spelled. Imports nothing of the engine; every other room imports it.
 */
import { FORMAT_2008 } from "./f2008";
import { FORMAT_2019 } from "./f2019";
import { FORMAT_2021 } from "./f2021";
import type { FormatDef, FormatId, Table3Row, TableTitle } from "./types";

export * from "./types";
export { TABLE_TITLES } from "./shared";

export const FORMATS: Record<FormatId, FormatDef> = {
  "2021": FORMAT_2021,
  "2019": FORMAT_2019,
  "2008": FORMAT_2008,
};

const DEFAULT_FORMAT: FormatId = "2021";

export function isFormatId(value: string): value is FormatId {
  return Object.prototype.hasOwnProperty.call(FORMATS, value);
}

/** The format a year's report uses: 2021 from 2021 on, 2019 for 2019–2020, the legacy format before. */
export function formatForYear(year: number): FormatId {
  return year >= 2021 ? "2021" : year >= 2019 ? "2019" : "2008";
}

export function getFormat(id: FormatId = DEFAULT_FORMAT): FormatDef {
  return FORMATS[id];
}

/** Rows of 表三 that hold numbers (everything but the groups), in printed order. */
export function numberRows(format: FormatDef): Table3Row[] {
  return format.t3.rows.filter((row) => row.kind !== "group");
}

/** The handling outcomes: the rows a register row can end in ("item" and "leaf" rows). */
export function outcomeRows(format: FormatDef): Table3Row[] {
  return format.t3.rows.filter((row) => row.kind === "item" || row.kind === "leaf");
}

/** 表三's columns: six applicant columns, then 总计 (the formats test holds every format to these). */
export const T3_APPLICANT_COLUMNS = 6;
export const T3_TOTAL_COLUMN = 6;
export const T3_WIDTH = 7;
/** 表四: three groups of five results (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). */
export const T4_GROUP_WIDTH = 5;
export const T4_TOTAL_RESULT = 4;
export const T4_WIDTH = 15;

/** "表三 收到和处理政府信息公开申请情况": a table's caption. */
export const tableCaption = (t: TableTitle): string => `${t.name} ${t.title}`;

/** The report's title from the format's pattern, e.g. 某局2025年政府信息公开工作年度报告. */
export function reportTitle(format: FormatDef, agency: string, year: number): string {
  return format.title.replace("{agency}", agency).replace("{year}", String(year));
}
