/**
 * The page (./page) as HTML, for a portal's CMS. Decided: the file is a whole, valid page — `<!DOCTYPE html>`,
 * `<html lang="zh-CN">`, `<meta charset>`, `<title>` — so it can be opened in a browser and checked; the report
 * itself is its one `<article>`, the fragment to paste into the CMS editor's source view (a comment above it
 * says so). Nothing a CMS would strip or a visitor's browser would fetch: no stylesheet, no class, no script,
 * no link, no image; what the layout needs is inline and minimal — the table's `border`, `cellspacing` and
 * `cellpadding` attributes with `border-collapse:collapse;width:100%`, column widths on `<col>`, the alignment the
 * template gives a cell where it is not the browser's own (labels left, numbers centred), the title centred and
 * the signature right. Tables are semantic: a `<caption>` with the table's name, header rows in `<thead>`,
 * `<th scope="col">` for column headers and `<th scope="row">` for the row labels, the template's merges as
 * `rowspan`/`colspan`. Bold runs are `<strong>`, a line break inside a paragraph `<br>`. Pure: no I/O.
 */
import type { GridCell, TableGrid } from "../report/tables/layout";
import type { Page, PageBlock, Run } from "./page";

/** Every inline style the page may carry (the tests hold the page to these). */
export const PAGE_STYLES = [
  "text-align:center",
  "text-align:right",
  "text-align:left",
  "border-collapse:collapse;width:100%",
] as const;
const COLUMN_WIDTH = /^width:\d+(\.\d+)?%$/;
/** Whether a style attribute's value is one the page may carry. */
export const isPageStyle = (style: string): boolean =>
  (PAGE_STYLES as readonly string[]).includes(style) || COLUMN_WIDTH.test(style);

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A text with its line breaks as <br>. */
const lines = (s: string) => s.split("\n").map(escape).join("<br>");

const runsHtml = (runs: Run[]) =>
  runs.map((r) => (r.bold ? `<strong>${lines(r.text)}</strong>` : lines(r.text))).join("");

const style = (s: (typeof PAGE_STYLES)[number] | null) => (s ? ` style="${s}"` : "");

function cellHtml(c: GridCell, other: boolean): string {
  // The template's tables: headers are column headers, label cells (no number key) row headers.
  const scope = c.header ? "col" : !other && !c.key ? "row" : null;
  const tag = scope ? "th" : "td";
  const spans =
    (c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : "") +
    (c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : "");
  // Browsers centre a th and put a td left: only what differs is written.
  const align =
    tag === "th" && c.align === "left"
      ? "text-align:left"
      : tag === "td" && c.align === "center"
        ? "text-align:center"
        : null;
  return `<${tag}${scope ? ` scope="${scope}"` : ""}${spans}${style(align)}>${lines(c.text)}</${tag}>`;
}

function tableHtml(b: Extract<PageBlock, { kind: "table" }>): string {
  const grid: TableGrid = b.grid;
  const total = grid.widths.reduce((a, w) => a + w, 0) || 1;
  const cols = grid.widths.map((w) => `<col style="width:${Math.round((w / total) * 1000) / 10}%">`);
  const row = (cells: GridCell[]) => `<tr>${cells.map((c) => cellHtml(c, !!b.other)).join("")}</tr>`;
  const head = grid.rows.slice(0, grid.headerRows);
  const body = grid.rows.slice(grid.headerRows);
  return [
    `<table border="1" cellspacing="0" cellpadding="4"${style("border-collapse:collapse;width:100%")}>`,
    ...(b.caption ? [`<caption>${escape(b.caption)}</caption>`] : []),
    `<colgroup>${cols.join("")}</colgroup>`,
    ...(head.length ? ["<thead>", ...head.map(row), "</thead>"] : []),
    "<tbody>",
    ...body.map(row),
    "</tbody>",
    "</table>",
  ].join("\n");
}

function blockHtml(b: PageBlock): string {
  switch (b.kind) {
    case "title":
      return `<h1${style("text-align:center")}>${b.lines.map(lines).join("<br>")}</h1>`;
    case "heading":
      return `<h${b.level}>${lines(b.text)}</h${b.level}>`;
    case "paragraph":
      return `<p${style(b.align ? `text-align:${b.align}` : null)}>${runsHtml(b.runs)}</p>`;
    case "list":
      return ["<ul>", ...b.items.map((i) => `<li>${runsHtml(i)}</li>`), "</ul>"].join("\n");
    case "table":
      return tableHtml(b);
  }
}

/** The fragment to paste into a CMS: the report as one <article>. */
export function articleHtml(page: Page): string {
  return ['<article lang="zh-CN">', ...page.blocks.map(blockHtml), "</article>"].join("\n");
}

/** What the comment above the fragment says. */
export const PASTE_NOTE =
  "从下一行的 <article> 到 </article> 是报告正文，可整段粘贴到网站编辑器的「源代码」中";

/** The whole page: a valid HTML document whose body is the fragment; `charset` as its bytes will be encoded. */
export function pageHtml(page: Page, charset = "utf-8"): string {
  return [
    "<!DOCTYPE html>",
    '<html lang="zh-CN">',
    "<head>",
    `<meta charset="${escape(charset)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(page.title)}</title>`,
    "</head>",
    "<body>",
    `<!-- ${PASTE_NOTE} -->`,
    articleHtml(page),
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
