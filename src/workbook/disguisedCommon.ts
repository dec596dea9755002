/**
 * What the disguised ".xls" readers (./disguised, ./disguisedHtml, ./disguisedXml) share: the charset rule,
 * the refusals, the cap on cells placed, how rows are finished and sheet names made unique.
 */
import type { Cell } from "../report/common/cells";
import { MAX_CELL_CHARS } from "./cellText";
import { refusal } from "./xlsx";

/** The most cells (row lengths summed over every sheet) a disguised file may place: far above any ledger. */
export const MAX_GRID_CELLS = 1 << 24;

/** The most rows or columns one HTML cell spans (browsers cap colspan at 1000). */
export const MAX_SPAN = 1000;

/** How much of a file's beginning its kind is told from. */
export const HEAD_BYTES = 4096;

/** Counts the cells placed, refusing a file past MAX_GRID_CELLS. */
export function gridBudget(label: string) {
  let used = 0;
  return (cells: number) => {
    used += cells;
    if (used > MAX_GRID_CELLS)
      throw refusal(
        label,
        `中的表格过大（超过 ${MAX_GRID_CELLS} 个单元格），不像台账；请在原系统中分批导出再试`,
      );
  };
}

export const tooLong = (label: string, where: string, length: number) =>
  refusal(
    label,
    `中${where} 有 ${length} 个字符，超过 Excel 单元格的上限 ${MAX_CELL_CHARS} 个（Excel 和 WPS 都存不下这样的单元格），不像台账；请检查这个单元格，删去多余的文字后重新保存再试`,
  );

/** Rows finished: trailing empty rows dropped, holes left by skipped rows made empty rows. */
export function finishRows(rows: Cell[][]): Cell[][] {
  while (rows.length && (!rows[rows.length - 1] || rows[rows.length - 1].every((c) => c === null)))
    rows.pop();
  for (let r = 0; r < rows.length; r++) if (!rows[r]) rows[r] = [];
  return rows;
}

/** `name` made unique among `taken` (as Excel does, case-insensitively): 「台账 (2)」. */
export function uniqueName(name: string, taken: Set<string>): string {
  let out = name;
  for (let n = 2; taken.has(out.toLowerCase()); n++) out = `${name} (${n})`;
  taken.add(out.toLowerCase());
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// HTML

/** The first bytes as text, for sniffing: by BOM, else Latin-1 (every ASCII tag reads the same). */
export function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, HEAD_BYTES);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder("utf-16le").decode(head);
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder("utf-16be").decode(head);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  return new TextDecoder("latin1").decode(head.subarray(bom));
}
