/**
 * A column that holds back many rows: when the values of one deciding column (a date, the applicant type, the
 * outcome; a case's type, dates and result) could not be read in more than a fifth of a sheet's rows, that is
 * most likely one way of writing the tool does not know, or a column taken for the wrong one — said once, first,
 * naming the column, its header as written and a few of the values, before the rows' own issues.
 */
import type { IssueKind, RowIssue } from "./registers";

/** More than this share of the rows held back by one column is said first, for the whole column. */
export const HOLDBACK_SHARE = 1 / 5;

/** The issues that say a value could not be read (or is missing): those that hold a row back for its column. */
const UNREAD: ReadonlySet<IssueKind> = new Set<IssueKind>([
  "badDate",
  "unknownValue",
  "missingValue",
  "errorValue",
  "dateWithoutOutcome",
  "outcomeWithoutDate",
]);

const EXAMPLES = 3;
const BLANK = "（空）";

/**
 * The columns of one sheet whose unreadable values hold back more than HOLDBACK_SHARE of its `rows`, most rows
 * first, as issues of the whole sheet (row 0, kind columnUnread). `written` gives a field's header as written.
 */
export function columnsHoldingBack(
  sheet: string,
  issues: RowIssue[],
  rows: number,
  written: (field: string) => string | undefined,
): RowIssue[] {
  const byColumn = new Map<string, { rows: Set<number>; values: string[]; columnIndex?: number }>();
  for (const i of issues) {
    if (i.severity !== "error" || i.row <= 0 || !UNREAD.has(i.kind)) continue;
    let c = byColumn.get(i.column);
    if (!c) byColumn.set(i.column, (c = { rows: new Set(), values: [], columnIndex: i.columnIndex }));
    c.rows.add(i.row);
    const value = i.value.trim() || BLANK;
    if (c.values.length < EXAMPLES && !c.values.includes(value)) c.values.push(value);
  }
  return [...byColumn]
    .filter(([, c]) => c.rows.size > rows * HOLDBACK_SHARE)
    .sort((a, b) => b[1].rows.size - a[1].rows.size)
    .map(([column, c]) => {
      const header = written(column);
      const as = header && header !== column ? `（表头写作「${header}」）` : "";
      return {
        sheet,
        row: 0,
        column,
        value: "",
        message: `「${column}」列${as}有${c.rows.size}行的值无法读取（如${c.values.map((v) => `「${v}」`).join("")}），这些行未计入；请检查这一列`,
        severity: "error" as const,
        kind: "columnUnread" as const,
        ...(c.columnIndex !== undefined ? { columnIndex: c.columnIndex } : {}),
      };
    });
}
