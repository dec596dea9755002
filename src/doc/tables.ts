/**
 * The paragraphs (./text) put together as src/docx/readText.ts gives a .docx: the body's paragraphs outside
 * tables (trimmed, empties dropped), and every table — an outer table, then the tables nested in it, depth
 * first — as a grid. A cell's text is its paragraphs joined by "\n" (those of the tables nested in it too) and
 * trimmed. A cell ends where its properties say (0x07 at depth 1, sprmPFInnerTableCell deeper) and a row where
 * its end mark's do (sprmPFTtp, sprmPFInnerTtp) — never by counting marks, as an empty cell is a mark alone.
 *
 * The grid: a table's column positions are the union of its rows' cell boundaries (TDefTable's rgdxaCenter);
 * a cell covering several of them has its text at its first position and null at the others; a cell merged
 * into the one before it (fMerged) or continuing the one above (vertical merge) is null; a row starting right
 * of the table's left edge gets "" for the positions before its first cell, as w:gridBefore does.
 */
import type { Grid, ReportDocumentText } from "../report/read/cells";
import type { ParaProps, RowDef } from "./props";
import type { Paragraph } from "./text";

interface Row {
  cells: string[];
  def: RowDef | null;
}

/** A table being read: its place in the list, its rows, the current row's cells and cell's paragraphs. */
interface Open {
  slot: number;
  rows: Row[];
  cells: string[];
  paras: string[];
}

const CELL_MARK = 0x07;

/**
 * Boundaries this close (in twips: 1 pt) are one: a writer that works out each row's boundaries from its cells'
 * widths (LibreOffice does) puts the same edge a twip or two apart in different rows. No one makes a column
 * a point wide.
 */
const SAME_EDGE = 20;

/** Each boundary's column position: boundaries sorted, each within SAME_EDGE of its group's first one. */
function columnsOf(rows: Row[]): Map<number, number> {
  const positions = [...new Set(rows.flatMap((r) => r.def?.centers ?? []))].sort((a, b) => a - b);
  const column = new Map<number, number>();
  let first = -Infinity;
  let index = -1;
  for (const p of positions) {
    if (p - first > SAME_EDGE) {
      first = p;
      index++;
    }
    column.set(p, index);
  }
  return column;
}

/** A table's grid from its rows (each with its cells' texts and, normally, its cells' boundaries and flags). */
export function gridOf(rows: Row[]): Grid {
  const column = columnsOf(rows);
  return rows.map(({ cells, def }) => {
    const row: (string | null)[] = [];
    if (!def) return [...cells];
    const at = (i: number) => column.get(def.centers[i]) as number;
    for (let i = 0; i < at(0); i++) row.push("");
    cells.forEach((text, i) => {
      if (i >= def.tcs.length) {
        row.push(text);
        return;
      }
      const tc = def.tcs[i];
      const span = Math.max(1, at(i + 1) - at(i));
      row.push(tc.horizontal === 2 || tc.vertical === 1 ? null : text);
      for (let k = 1; k < span; k++) row.push(null);
    });
    return row;
  });
}

/**
 * The document's paragraphs and tables from its paragraphs in order. `label` gives a paragraph's list number
 * (./lists), asked of every paragraph in order — those in tables count in their lists too — and put before the
 * body's, as the .docx reader does.
 */
export function documentOf(
  paragraphs: Paragraph[],
  label?: (props: ParaProps) => string,
): ReportDocumentText {
  const body: string[] = [];
  const tables: (Row[] | null)[] = [];
  const open: Open[] = [];

  const endCell = (t: Open) => {
    t.cells.push(t.paras.join("\n").trim());
    t.paras = [];
  };
  const close = () => {
    const t = open.pop() as Open;
    if (t.paras.length) endCell(t);
    if (t.cells.length) t.rows.push({ cells: t.cells, def: null });
    tables[t.slot] = t.rows;
  };

  for (const p of paragraphs) {
    const depth = p.props.depth;
    while (open.length > depth) close();
    while (open.length < depth) {
      open.push({ slot: tables.length, rows: [], cells: [], paras: [] });
      tables.push(null);
    }
    const rowEnd = depth > 0 && (depth === 1 ? p.props.ttp : p.props.innerTtp);
    const number = !rowEnd && label ? label(p.props) : "";
    if (!depth) {
      const text = `${number}${p.text.trim()}`.trim();
      if (text) body.push(text);
      continue;
    }
    const t = open[depth - 1];
    if (rowEnd) {
      // A row's end mark holds no text of its own; cells left without their end mark end with the row.
      if (t.paras.length) endCell(t);
      t.rows.push({ cells: t.cells, def: p.props.row });
      t.cells = [];
      continue;
    }
    // A cell's text holds the paragraphs of the tables nested in it too.
    for (const level of open) level.paras.push(p.text);
    const cellEnd = depth === 1 ? p.mark === CELL_MARK : p.props.innerCell || p.mark === CELL_MARK;
    if (cellEnd) endCell(t);
  }
  while (open.length) close();
  return {
    paragraphs: body,
    tables: tables.filter((rows): rows is Row[] => !!rows?.length).map(gridOf),
  };
}
