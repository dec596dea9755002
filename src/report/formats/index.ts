import { FORMAT_2008 } from "./f2008";
import { FORMAT_2019 } from "./f2019";
import { FORMAT_2021 } from "./f2021";
import type { FormatDef, FormatId, Table3Row } from "./types";

export * from "./types";

export const FORMATS: Record<FormatId, FormatDef> = {
  "2021": FORMAT_2021,
  "2019": FORMAT_2019,
  "2008": FORMAT_2008,
};

export const DEFAULT_FORMAT: FormatId = "2021";

export function isFormatId(value: string): value is FormatId {
  return Object.prototype.hasOwnProperty.call(FORMATS, value);
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

/** Index of the 总计 column and of the six applicant columns. */
export const T3_TOTAL_COLUMN = 6;
export const T3_APPLICANT_COLUMNS = 6;
/** Number of 表四 columns: three groups × five results. */
export const T4_WIDTH = 15;
