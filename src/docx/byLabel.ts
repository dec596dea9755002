/**
 * Updating a report whose content controls were lost (LibreOffice drops their tags): the three official
 * tables found by their fixed labels, and only their number cells rewritten. Everything else in the document
 * stays; the parts that cannot be found are reported missing.
 */
import type { DocPart, ReportDocument } from "../report/text/document";
import { cellName } from "../report/tables/layout";
import type { TableGrid } from "../report/tables/layout";
import { normalizeText } from "../report/common/normalize";
import { outermost, setCellText, tableCells } from "./ooxml";
import type { CellRange, Range } from "./ooxml";
import { tableFontSize } from "./styles";
import type { CellChange, MissingPart, PartUpdate } from "./changes";

export interface Edit extends Range {
  text: string;
}

const MISSING_HINT =
  "文档中找不到这一部分（内容控件可能已被删除，或经其他软件保存后丢失）。可重新生成报告，或在 Word 中用本加载项的“插入”把它插回原处后再更新。";

export const gridOf = (part: DocPart): TableGrid | undefined => {
  const b = part.blocks.find((x) => x.kind === "table");
  return b && b.kind === "table" ? b.grid : undefined;
};

/**
 * The three official tables found by their fixed labels, when their controls are gone: numbers written into
 * the existing number cells, nothing else touched.
 */
function updateTableByLabels(
  xml: string,
  table: Range,
  part: DocPart,
  doc: ReportDocument,
): { edits: Edit[]; cells: CellChange[]; rowsFound: number } {
  const grid = gridOf(part) as TableGrid;
  const rows = tableCells(xml, table);
  const edits: Edit[] = [];
  const cells: CellChange[] = [];
  let rowsFound = 0;
  const write = (cell: CellRange, key: string, text: string) => {
    if (cell.text === text) return;
    const runProps = `<w:rPr><w:sz w:val="${tableFontSize(part.id)}"/></w:rPr>`;
    edits.push({
      start: cell.start,
      end: cell.end,
      text: setCellText(xml.slice(cell.start, cell.end), text, runProps),
    });
    cells.push({ where: cellName(key, doc.format), old: cell.text, new: text });
  };
  // Each grid row with number cells: its label (the last label cell before the numbers) and its values.
  const labelled = grid.rows
    .map((r) => {
      const numbers = r.filter((c) => c.key);
      const labels = r.filter((c) => !c.key && !c.header);
      return { label: labels.length ? labels[labels.length - 1].text : "", numbers };
    })
    .filter((r) => r.numbers.length);
  if (part.id === "table4") {
    const values = labelled[0].numbers;
    const row = [...rows].reverse().find((r) => r.filter((c) => !c.continued).length >= values.length);
    if (row) {
      const own = row.filter((c) => !c.continued).slice(-values.length);
      own.forEach((c, i) => write(c, values[i].key as string, values[i].text));
      rowsFound = 1;
    }
    return { edits, cells, rowsFound };
  }
  for (const row of rows) {
    const own = row.filter((c) => !c.continued);
    const match = labelled.find((l) => own.some((c) => normalizeText(c.text) === normalizeText(l.label)));
    if (!match) continue;
    const labelAt = own.findIndex((c) => normalizeText(c.text) === normalizeText(match.label));
    const numberCells = own.slice(labelAt + 1, labelAt + 1 + match.numbers.length);
    if (numberCells.length !== match.numbers.length) continue;
    numberCells.forEach((c, i) => write(c, match.numbers[i].key as string, match.numbers[i].text));
    rowsFound++;
  }
  return { edits, cells, rowsFound };
}

/** Which fixed labels identify each official table. */
function signature(part: DocPart): string[] {
  const grid = gridOf(part) as TableGrid;
  const texts = grid.rows
    .flat()
    .map((c) => c.text)
    .filter(Boolean);
  if (part.id === "table3")
    return [
      texts.find((t) => t.startsWith("一、")) as string,
      texts.find((t) => t.startsWith("四、")) as string,
    ];
  if (part.id === "table4")
    return texts
      .slice(0, 2)
      .concat(texts.filter((t) => grid.rows[1].some((c) => c.text === t && c.colSpan === 5)));
  return [texts[0]];
}

/**
 * The official tables among `parts` that have no control in the document (`found` lists those that do),
 * looked for by their fixed labels in the tables outside the `controlled` ranges. Every part not recovered
 * is reported missing; a recovered table is reported too, since its link is lost.
 */
export function recoverTables(
  xml: string,
  parts: DocPart[],
  found: Set<string>,
  controlled: Range[],
  fresh: ReportDocument,
): { edits: Edit[]; changed: PartUpdate[]; unchanged: string[]; missing: MissingPart[] } {
  const edits: Edit[] = [];
  const changed: PartUpdate[] = [];
  const unchanged: string[] = [];
  const missing: MissingPart[] = [];
  const freeTables = outermost(xml, "w:tbl").filter(
    (t) => !controlled.some((r) => t.start > r.start && t.end <= r.end),
  );
  for (const part of parts) {
    if (found.has(part.id)) continue;
    if (gridOf(part)) {
      const sig = signature(part).map(normalizeText);
      const table = freeTables.find((t) => {
        const text = normalizeText(
          tableCells(xml, t)
            .flat()
            .map((c) => c.text)
            .join("|"),
        );
        return sig.every((s) => text.includes(s));
      });
      if (table) {
        const r = updateTableByLabels(xml, table, part, fresh);
        if (r.rowsFound) {
          edits.push(...r.edits);
          if (r.cells.length)
            changed.push({
              part: part.id,
              alias: part.alias,
              old: "",
              new: "",
              cells: r.cells,
              byLabel: true,
            });
          else unchanged.push(part.id);
          missing.push({
            part: part.id,
            alias: part.alias,
            hint: "内容控件已丢失，已按表格文字找到并更新了数字；如需恢复链接，可在 Word 中用本加载项的“插入”重新插入该表，替换原表。",
          });
          continue;
        }
      }
    }
    missing.push({ part: part.id, alias: part.alias, hint: MISSING_HINT });
  }
  return { edits, changed, unchanged, missing };
}
