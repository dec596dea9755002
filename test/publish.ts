/**
 * Helpers of the web page's tests (src/publish): the tables of a page as a browser's parser places them, the
 * template's merges worked out from a format's rows (not from the grids the page is written from), a report
 * .docx written by hand the way offices write one, and axe-core run over a page in Chromium.
 */
import { Parser } from "htmlparser2";
import {
  AlignmentType,
  Document,
  LevelFormat,
  Packer,
  Paragraph,
  Table as DocxTable,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} from "docx";
import type { Page as BrowserPage } from "playwright-core";
import type { FormatDef } from "../src/report/formats";
import { getFormat, tableCaption } from "../src/report/formats";
import { expandGrid, table2Grid, table3Grid, table4Grid } from "../src/report/tables/layout";
import type { TableGrid } from "../src/report/tables/layout";
import type { TableSet } from "../src/report/tables/tables";
import { buildSentences } from "../src/report/text/sentences";

export interface Cell {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}
export interface Table {
  caption: string;
  head: number;
  rows: Cell[][];
}

/** The tables of a page as a browser's parser sees them. */
export function pageTables(html: string): Table[] {
  const tables: Table[] = [];
  let t: Table | null = null;
  let cell: Cell | null = null;
  let inCaption = false;
  let inHead = false;
  new Parser(
    {
      onopentag(name, attrs) {
        if (name === "table") t = { caption: "", head: 0, rows: [] };
        else if (name === "caption") inCaption = true;
        else if (name === "thead") inHead = true;
        else if (name === "tr" && t) {
          t.rows.push([]);
          if (inHead) t.head++;
        } else if ((name === "td" || name === "th") && t) {
          cell = { tag: name, attrs, text: "" };
          t.rows[t.rows.length - 1].push(cell);
        }
      },
      ontext(text) {
        if (inCaption && t) t.caption += text;
        if (cell) cell.text += text;
      },
      onclosetag(name) {
        if (name === "caption") inCaption = false;
        else if (name === "thead") inHead = false;
        else if (name === "td" || name === "th") cell = null;
        else if (name === "table" && t) {
          tables.push(t);
          t = null;
        }
      },
    },
    { decodeEntities: true },
  ).end(html);
  return tables;
}

export type Merge = [number, number, number, number];

/** Where each cell stands, as browsers place rowspan and colspan: its merges [row, column, rows, columns]. */
export function mergesOf(t: Table): Merge[] {
  const taken = new Set<string>();
  const out: Merge[] = [];
  t.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (taken.has(`${r},${c}`)) c++;
      const h = Number(cell.attrs.rowspan ?? 1);
      const w = Number(cell.attrs.colspan ?? 1);
      for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) taken.add(`${r + i},${c + j}`);
      if (h > 1 || w > 1) out.push([r, c, h, w]);
      c += w;
    }
  });
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The template's merges, from the format's rows: what each table's printed form merges. */
export function templateMerges(format: FormatDef): { t2: Merge[]; t3: Merge[]; t4: Merge[] } {
  const t3 = format.t3;
  const orgs = t3.organisationColumns.length;
  const m3: Merge[] = [
    [0, 0, 3, 3],
    [0, 3, 1, 7],
    [1, 3, 2, 1],
    [1, 4, 1, orgs],
    [1, 4 + orgs, 2, 1],
  ];
  const printed = t3.rows.filter((r) => r.kind !== "group");
  const inResults = printed.filter((r) => r.inResults);
  printed.forEach((row, i) => {
    const r = 3 + i;
    if (row.kind === "head") m3.push([r, 0, 1, 3]);
    if (row === inResults[0]) m3.push([r, 0, inResults.length, 1]);
    if (row.kind === "item" || row.kind === "total") m3.push([r, 1, 1, 2]);
    const leaves = printed.filter((x) => x.kind === "leaf" && x.group === row.group);
    if (row.kind === "leaf" && leaves[0] === row) m3.push([r, 1, leaves.length, 1]);
  });
  const results = format.t4.results.length;
  const m4: Merge[] = [
    [0, 0, 1, results],
    [0, results, 1, results * format.t4.litigation.length],
    ...format.t4.results.map((_, i): Merge => [1, i, 2, 1]),
    ...format.t4.litigation.map((_, i): Merge => [1, results * (i + 1), 1, results]),
  ];
  const m2: Merge[] = [];
  let r = 0;
  for (const block of format.t2?.blocks ?? []) {
    const width = format.t2?.width ?? 0;
    const n = block.columns.length;
    m2.push([r, 0, 1, width + 1]);
    // A block with fewer columns than the table: its last column spans the rest, in the header and every row.
    for (let i = 1; i <= 1 + block.rows.length; i++) if (n < width) m2.push([r + i, n, 1, width - n + 1]);
    r += 2 + block.rows.length;
  }
  const sort = (m: Merge[]) => m.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { t2: sort(m2), t3: sort(m3), t4: sort(m4) };
}

/** What a hand-written report says besides its tables: one paragraph per entry, some with bold runs. */
export interface HandText {
  /** A paragraph of section 一 written with a bold run: [before, bold, after]. */
  bold: [string, string, string];
  /** Items of a bulleted list (Word's bullet button). */
  bullets: string[];
  /** Items of a numbered list (Word's numbering button: 1. 2. 3.). */
  numbered: string[];
  /** More paragraphs of section 六. */
  more?: string[];
  /** How the caption line above each table is typed (default: the template's 「表三 收到和处理…情况」). */
  caption?: (name: string, title: string) => string;
  /** The six headings numbered by Word's list button (一、 in numbering.xml, not in the text). */
  listHeadings?: boolean;
}

export const HAND_TEXT: HandText = {
  bold: ["本局坚持", "以公开为常态、不公开为例外", "，全面推进决策、执行、管理、服务、结果公开。"],
  bullets: ["加强政策解读，做到应解读尽解读。", "及时回应社会关切。"],
  numbered: ["完善信息发布审核流程。", "加强业务培训。"],
};

/** A table as a person makes it in Word: the template's cells and merges, a plain grid of borders. */
function handTable(grid: TableGrid): DocxTable {
  return new DocxTable({
    rows: expandGrid(grid).map(
      (r) =>
        new TableRow({
          children: r.map(
            (p) =>
              new TableCell({
                children: [new Paragraph(p.merge === "continue" ? "" : p.cell.text)],
                ...(p.cell.colSpan && p.cell.colSpan > 1 ? { columnSpan: p.cell.colSpan } : {}),
                ...(p.merge
                  ? {
                      verticalMerge:
                        p.merge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE,
                    }
                  : {}),
              }),
          ),
        }),
    ),
  });
}

/**
 * A report written by hand in Word: the agency on the line above the title, the lead with its 统计期限, the six
 * headings typed, the standard sentences, a paragraph with a bold run, a bulleted and a numbered list, each
 * table under a caption line typed above it, and a table of its own (联系方式) the template has not.
 */
export async function handDocx(t: TableSet, text: HandText = HAND_TEXT): Promise<Uint8Array> {
  const format = getFormat(t.format);
  const sentences = buildSentences(t, { selfName: "本局" });
  const [s1, s2, s3, s4, s5, s6] = format.sections.map((s) => s.heading);
  const p = (s: string) => new Paragraph(s);
  const caption = (grid: TableGrid | null) => {
    const def = grid?.part === "table2" ? format.t2 : grid?.part === "table3" ? format.t3 : format.t4;
    if (!grid || !def) return [];
    return [p(text.caption ? text.caption(def.name, def.title) : tableCaption(def)), handTable(grid)];
  };
  const heading = (h: string) =>
    text.listHeadings
      ? new Paragraph({
          text: h.replace(/^[一二三四五六]、/, ""),
          numbering: { reference: "headings", level: 0 },
        })
      : p(h);
  const children = [
    new Paragraph({ text: t.agency, alignment: AlignmentType.CENTER }),
    new Paragraph({ text: `${t.year}年政府信息公开工作年度报告`, alignment: AlignmentType.CENTER }),
    p(`本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`),
    heading(s1),
    p(
      "本局从主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障五个方面推进政务公开工作，将政务公开纳入工作考核，开展社会评议，落实责任追究。",
    ),
    new Paragraph({
      children: [
        new TextRun(text.bold[0]),
        new TextRun({ text: text.bold[1], bold: true }),
        new TextRun(text.bold[2]),
      ],
    }),
    ...text.bullets.map((b) => new Paragraph({ text: b, bullet: { level: 0 } })),
    ...Object.values(sentences).map(p),
    heading(s2),
    ...caption(table2Grid(t, format)),
    heading(s3),
    ...caption(table3Grid(t, format)),
    heading(s4),
    ...caption(table4Grid(t, format)),
    heading(s5),
    p("部分栏目更新不够及时。下一步将加强审核，按时更新："),
    ...text.numbered.map((n) => new Paragraph({ text: n, numbering: { reference: "steps", level: 0 } })),
    heading(s6),
    p("本年度未收取信息处理费。"),
    ...(text.more ?? []).map(p),
    p("联系方式："),
    new DocxTable({
      rows: [
        ["联系部门", "办公室"],
        ["联系电话", "0517-83600000"],
      ].map((r) => new TableRow({ children: r.map((c) => new TableCell({ children: [p(c)] })) })),
    }),
  ];
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "headings",
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT },
          ],
        },
        {
          reference: "steps",
          levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The WCAG 2.1 A and AA rules of axe-core. */
export const WCAG21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** axe-core's violations of WCAG 2.1 A/AA on a page open in Chromium: each rule's id and the cells it names. */
export async function axeViolations(page: BrowserPage): Promise<{ id: string; nodes: string[] }[]> {
  await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
  return page.evaluate(async (values) => {
    const axe = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const result = (await axe.run(document, { runOnly: { type: "tag", values } })) as {
      violations: { id: string; nodes: { html: string }[] }[];
    };
    return result.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.html) }));
  }, WCAG21_AA);
}
