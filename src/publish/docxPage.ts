/**
 * The page of a .docx people wrote (or ours, edited): their words as they are, without Word's formatting. Each
 * paragraph keeps its text, its bold runs and the number Word's list numbering shows before it (as people see
 * it: 「一、」「（一）」「1.」 are the report's own numbering, which a CMS's <ol> would renumber or drop); bulleted
 * items become a list. The title (read/title.ts) is the page's heading; the six section headings as the checks
 * find them (read/sections.ts) are level 2, a short 「（一）…」 line under them level 3. 表二/三/四 are not copied
 * from Word's cells: where the reader found each, the template's table (src/report/tables/layout.ts) stands with
 * the numbers read, captioned by its name (a caption line people typed right above it gives way to it); a table
 * split at a page break is one. Any other table is kept as Word merges it, its first row as its header.
 */
import type { RichBlock, RichCell, RichDocument } from "../docx/readRich";
import type { FormatDef } from "../report/formats";
import { getFormat, numberRows } from "../report/formats";
import type { Grid } from "../report/read/cells";
import { joinSplit } from "../report/read/grids";
import type { Joined } from "../report/read/grids";
import { locateSections } from "../report/read/sections";
import type { ReadReport } from "../report/read/tables";
import { findTitle, squeeze } from "../report/read/title";
import type { GridCell, TableGrid } from "../report/tables/layout";
import { table2Grid, table3Grid, table4Grid } from "../report/tables/layout";
import type { TableSet } from "../report/tables/tables";
import { captionOf, defaultTitle } from "./page";
import type { Page, PageBlock, Run } from "./page";

type TableId = "t2" | "t3" | "t4";

/** The parts (document tables) of each table the reader joined, as read/tables.ts joins them. */
function joinedParts(grids: Grid[], format: FormatDef): number[][] {
  let joined: Joined = joinSplit(
    { grids, parts: grids.map((_, i) => [i]) },
    numberRows(format).map((r) => r.label),
  );
  const rows2 = format.t2?.blocks.flatMap((b) => b.rows) ?? [];
  if (rows2.length)
    joined = joinSplit(
      joined,
      rows2.map((r) => r.label),
    );
  return joined.parts;
}

/** A sub-heading: 「（一）主动公开」 alone on its line, no sentence in it. */
const SUBHEADING = /^[（(][一二三四五六七八九十]{1,3}[）)][^。；;！!？?，,：:]{1,28}$/;

/**
 * A caption people typed above a table: its name, its title or both, and nothing else (「表三：收到和处理…情况」,
 * 「附表三」); never a section's heading (「二、主动公开政府信息情况」 is 表二's title too), never more words.
 */
function isCaption(text: string, caption: string): boolean {
  if (/^[一二三四五六七八九十]+[、.,:：]/.test(squeeze(text))) return false;
  const bare = (x: string) => squeeze(x).replace(/[:：.。、，,（）()]/g, "");
  const [name, title] = caption.split(" ").map(bare);
  const s = bare(text);
  return (
    s !== "" &&
    s
      .replace(name, "")
      .replace(title, "")
      .replace(/^附(表)?/, "") === ""
  );
}

/** Another table of the report, as Word merges it; its first row (of two or more) read as the column headers. */
function otherGrid(rows: RichCell[][]): TableGrid {
  const width = Math.max(1, ...rows.map((r) => r.reduce((n, c) => n + c.colSpan, 0)));
  return {
    part: "table3",
    widths: new Array<number>(width).fill(1),
    rows: rows.map((r, i) =>
      r.map((c): GridCell => {
        const cell: GridCell = {
          text: c.text,
          align: "left",
          ...(i === 0 && rows.length > 1 ? { header: true } : {}),
        };
        if (c.colSpan > 1) cell.colSpan = c.colSpan;
        if (c.rowSpan > 1) cell.rowSpan = c.rowSpan;
        return cell;
      }),
    ),
    headerRows: rows.length > 1 ? 1 : 0,
  };
}

/**
 * The page of a .docx: `rich` its blocks (src/docx/readRich.ts), `read` what the report reader found in it, and
 * `tables` the numbers to print (the tables read, as numbers).
 */
export function pageOfDocx(
  rich: RichDocument,
  read: Pick<ReadReport, "found">,
  tables: TableSet,
  /** The paragraphs as the checks read them (bounded: src/load/paragraphs.ts), one for one with rich's. */
  paragraphs: string[] = rich.text.paragraphs,
): Page {
  const format = getFormat(tables.format);
  const grids: Record<TableId, TableGrid | null> = {
    t2: table2Grid(tables, format),
    t3: table3Grid(tables, format),
    t4: table4Grid(tables, format),
  };
  // Each found table at the document table it starts in; the other parts of a split one, dropped.
  const parts = joinedParts(rich.text.tables, format);
  const starts = new Map<number, TableId>();
  const dropped = new Set<number>();
  for (const id of ["t2", "t3", "t4"] as const) {
    const at = read.found[id] ? read.found[id].table - 1 : -1;
    if (at < 0 || !grids[id]) continue;
    starts.set(at, id);
    for (const p of parts.find((x) => x[0] === at) ?? [at]) if (p !== at) dropped.add(p);
  }
  const title = findTitle(paragraphs);
  const titleLines = new Set<number>();
  if (title) {
    titleLines.add(title.at);
    const two = title.at > 0 ? squeeze(paragraphs[title.at - 1] + paragraphs[title.at]) : "";
    if (two && squeeze(title.title) === two) titleLines.add(title.at - 1);
  }
  const sections = locateSections(format, paragraphs, title?.at ?? -1);
  const headings = new Set(
    sections.filter((s) => s.offset === 0 && s.length === squeeze(paragraphs[s.at]).length).map((s) => s.at),
  );
  const firstSection = Math.min(Infinity, ...sections.map((s) => s.at));

  const out: PageBlock[] = [];
  const textOf = (b: Extract<RichBlock, { kind: "paragraph" }>) =>
    `${b.label}${b.runs.map((r) => r.text).join("")}`;
  const runsOf = (b: Extract<RichBlock, { kind: "paragraph" }>): Run[] =>
    b.label ? [{ text: b.label }, ...b.runs] : b.runs;
  rich.blocks.forEach((b, i) => {
    if (b.kind === "table") {
      const found = b.tables.flatMap((t) => (starts.has(t) ? [starts.get(t) as TableId] : []));
      for (const id of found) {
        const grid = grids[id] as TableGrid;
        const caption = captionOf(format, grid.part);
        const before = out[out.length - 1];
        const prev = rich.blocks[i - 1];
        if (before?.kind === "paragraph" && prev?.kind === "paragraph" && isCaption(textOf(prev), caption))
          out.pop();
        out.push({ kind: "table", caption, grid });
      }
      if (!found.length && !b.tables.some((t) => dropped.has(t)) && b.rows.length)
        out.push({ kind: "table", grid: otherGrid(b.rows), other: true });
      return;
    }
    const text = textOf(b);
    if (titleLines.has(b.at)) {
      const last = out[out.length - 1];
      if (last?.kind === "title") last.lines.push(text);
      else out.push({ kind: "title", lines: [text] });
    } else if (headings.has(b.at)) out.push({ kind: "heading", level: 2, text });
    else if (b.at > firstSection && SUBHEADING.test(squeeze(text)))
      out.push({ kind: "heading", level: 3, text });
    else if (b.bullet) {
      const last = out[out.length - 1];
      if (last?.kind === "list") last.items.push(b.runs);
      else out.push({ kind: "list", items: [b.runs] });
    } else out.push({ kind: "paragraph", runs: runsOf(b) });
  });
  return {
    title: title?.title ?? defaultTitle(format, tables.agency, tables.year),
    blocks: out,
  };
}
