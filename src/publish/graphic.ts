/**
 * The 图解: the one-page illustrated summary portals publish beside a 政府信息公开工作年度报告, as one SVG 1080 px
 * wide, from the report's tables. Pure (tables → SVG string); the PNG is graphicPng.ts's, the fonts
 * graphicFonts.ts's. Top to bottom:
 * - the title 「XX2025年政府信息公开工作年度报告」 and 「图解」 on a red band;
 * - 主动公开政府信息情况 (表二): each block's numbers as tiles — a block with several columns as a small table of
 *   tiles (规章, 行政规范性文件 × 本年制发件数, 本年废止件数, 现行有效件数), one-column blocks as a row of tiles
 *   (行政许可, 行政处罚, 行政强制 本年处理决定数量; 行政事业性收费 本年收费金额（单位：万元）); the legacy format's
 *   categories likewise;
 * - 收到和处理政府信息公开申请情况 (表三): 本年新收 and 上年结转 (with 较上年… when last year's tables are given),
 *   本年度办理结果 总计 and 结转下年度继续办理 as tiles; 申请人情况 of the new applications as bars (自然人, and the
 *   five 法人或其他组织 bracketed); 本年度办理结果 as a ring with a legend — 予以公开 … 其他处理, each the sum of its
 *   rows in the format's groups, with its share of 总计;
 * - 政府信息公开行政复议、行政诉讼情况 (表四): 行政复议 and 行政诉讼 (直接起诉 and 复议后起诉 together), each with
 *   its results and the share 结果纠正 of the cases decided (结果维持 + 结果纠正 + 其他结果);
 * - the source, and what 「—」 means when a cell is blank.
 * Every label is the format's (src/report/formats); every number a cell of the tables or a sum or share of them;
 * a blank cell (or a sum with one) shows 「—」, never 0. The text is <text> in the fonts FONT_FAMILIES names;
 * <title> and <desc> (role="img") say the same for a screen reader.
 */
import { getFormat, reportTitle, TABLE_TITLES, T3_TOTAL_COLUMN } from "../report/formats";
import type { FormatDef } from "../report/formats";
import type { Num, TableSet } from "../report/tables/tables";
import { comparison } from "../report/text/sentences";
import { barChart, embed, ringChart } from "./graphicCharts";
import {
  COLORS,
  CONTENT,
  esc,
  fitSize,
  fmt,
  fontFamilyList,
  GRAPHIC_WIDTH,
  onBackground,
} from "./graphicParts";
import {
  numberText,
  panel,
  plainLabel,
  r,
  share,
  subheading,
  sum,
  text,
  tileRows,
  wrap,
} from "./graphicParts";
import type { Tile } from "./graphicParts";
import { casesSection } from "./graphicCases";

export { GRAPHIC_WIDTH } from "./graphicParts";

export interface GraphicOptions {
  /** Last year's tables: 本年新收 and 上年结转 then say 「较上年增长/下降X%」. */
  previous?: TableSet;
  /** The family of the font the PNG is drawn with, named first in font-family. */
  fontFamily?: string;
}

const TOTAL = T3_TOTAL_COLUMN;
/** A bar's band in 申请人情况, the ring's size in 本年度办理结果, a row of tiles in a 表二 block. */
const BAND = 50;
const RING = 320;
const ROW = 84;

function header(tables: TableSet, format: FormatDef): { svg: string; height: number; title: string } {
  const title = reportTitle(format, tables.agency, tables.year);
  const rest = title.slice(tables.agency.length);
  const cx = GRAPHIC_WIDTH / 2;
  const agencySize = fitSize(tables.agency, 960, 44, 28);
  const agencyLines = tables.agency ? wrap(tables.agency, 960, agencySize) : [];
  const spans = [
    ...agencyLines.map(
      (l, i) => `<tspan x="${cx}"${i ? ` dy="${r(agencySize * 1.3)}"` : ""}>${esc(l)}</tspan>`,
    ),
    `<tspan x="${cx}"${agencyLines.length ? ` dy="${r(agencySize * 0.6 + 36)}"` : ""} font-size="36">${esc(rest)}</tspan>`,
  ];
  const first = 56 + agencySize;
  const badge = first + agencyLines.length * agencySize * 1.3 + 46;
  const height = badge + 64 + 40;
  const titleText =
    `<text x="${cx}" y="${r(first)}" font-size="${agencySize}" fill="${COLORS.onHeader}" ` +
    `text-anchor="middle" font-weight="bold">${spans.join("")}</text>`;
  const badgeSvg = onBackground(
    { x: cx - 100, y: badge, w: 200, h: 64, fill: COLORS.panel, rx: 32 },
    text(cx, badge + 46, "图解", { size: 40, fill: COLORS.header, anchor: "middle", bold: true }),
  );
  const svg = onBackground(
    { x: 0, y: 0, w: GRAPHIC_WIDTH, h: height, fill: COLORS.header },
    titleText,
    badgeSvg,
  );
  return { svg, height, title };
}

/** 表二's numbers as tiles, block by block (the legacy format: its categories). Adds to `said` for <desc>. */
function activeSection(tables: TableSet, format: FormatDef, y: number, said: string[]) {
  const t2 = tables.t2 ?? {};
  return panel(y, format.t2?.title ?? TABLE_TITLES.t2.title, (top) => {
    let svg = "";
    let cursor = top;
    let singles: Tile[] = [];
    const flush = () => {
      if (!singles.length) return;
      const rows = tileRows(CONTENT.x, cursor, CONTENT.w, singles, 4);
      svg += rows.svg;
      cursor += rows.height + 24;
      singles = [];
    };
    if (!format.t2)
      for (const c of format.legacyCategories ?? []) {
        const v = fmt(t2[c.key] as Num);
        singles.push({ label: c.label, value: v });
        said.push(`${c.label}${v}`);
      }
    for (const block of format.t2?.blocks ?? []) {
      if (block.columns.length === 1) {
        for (const row of block.rows) {
          const cell = t2[row.key];
          const v = fmt(Array.isArray(cell) ? cell[0] : cell);
          singles.push({ label: row.label, value: v, caption: block.columns[0].label });
          said.push(`${row.label}${block.columns[0].label}${v}`);
        }
        continue;
      }
      flush();
      const grid = blockGrid(
        block.columns.map((c) => c.label),
        block.rows,
        t2,
        cursor,
        said,
      );
      svg += grid.svg;
      cursor += grid.height + 24;
    }
    flush();
    return { svg, height: cursor - 24 - top };
  });
}

/** A block with several columns: the column labels over the tiles, a row label left of each row of tiles. */
function blockGrid(
  columns: string[],
  rows: { key: string; label: string }[],
  t2: NonNullable<TableSet["t2"]>,
  y: number,
  said: string[],
): { svg: string; height: number } {
  const labelW = 190;
  const gap = 16;
  const w = (CONTENT.w - labelW - gap * (columns.length - 1)) / columns.length;
  const x0 = CONTENT.x + labelW;
  const heads = columns.map((c) => wrap(c, w - 8, 20));
  const headH = Math.max(...heads.map((l) => l.length)) * 26 + 10;
  let svg = heads
    .map((lines, k) =>
      text(x0 + k * (w + gap) + w / 2, y + 20, lines, { size: 20, fill: COLORS.muted, anchor: "middle" }),
    )
    .join("");
  let top = y + headH;
  for (const row of rows) {
    const cell = t2[row.key];
    const values = columns.map((_, k) => fmt(Array.isArray(cell) ? cell[k] : k === 0 ? cell : null));
    const label = wrap(row.label, labelW - 16, 24);
    const labelTop = top + ROW / 2 - (label.length - 1) * 15 + 8;
    svg += text(CONTENT.x, labelTop, label, { size: 24, fill: COLORS.ink, bold: true });
    values.forEach((v, k) => {
      const x = x0 + k * (w + gap);
      const size = fitSize(v, w - 24, 44, 22);
      const number = text(x + w / 2, top + ROW / 2 + size / 3, v, {
        size,
        fill: COLORS.number,
        anchor: "middle",
        bold: true,
      });
      svg += onBackground({ x, y: top, w, h: ROW, fill: COLORS.tile, rx: 12 }, number);
    });
    said.push(`${row.label}${columns.map((c, k) => `${c}${values[k]}`).join("，")}`);
    top += ROW + gap;
  }
  return { svg, height: top - gap - y };
}

/** 表三: the four totals, 申请人情况 as bars, 本年度办理结果 as a ring with its legend. */
function requestsSection(
  tables: TableSet,
  format: FormatDef,
  y: number,
  fontFamily: string,
  said: string[],
  previous?: TableSet,
) {
  const t3 = tables.t3 ?? {};
  const cell = (key: string, col = TOTAL): Num => t3[key]?.[col] ?? null;
  const label = (key: string) => plainLabel(format.t3.rows.find((row) => row.key === key)?.label ?? key);
  return panel(y, format.t3.title, (top) => {
    const change = (key: string): string | undefined => {
      const now = cell(key);
      const last = previous?.t3?.[key]?.[TOTAL];
      return typeof now === "number" ? comparison(now, last) || undefined : undefined;
    };
    const totals: Tile[] = [
      { label: label("new"), value: fmt(cell("new")), note: change("new") },
      { label: label("carry"), value: fmt(cell("carry")), note: change("carry") },
      { label: plainLabel(format.t3.resultsLabel), value: fmt(cell("total")), caption: label("total") },
      { label: label("fwd"), value: fmt(cell("fwd")) },
    ];
    for (const t of totals)
      said.push(`${t.label}${t.caption ?? ""}${t.value}${t.note ? `（${t.note}）` : ""}`);
    const tiles = tileRows(CONTENT.x, top, CONTENT.w, totals, 2);
    let cursor = top + tiles.height + 36;
    let svg = tiles.svg;

    // 申请人情况 of 本年新收: bars, the five 法人或其他组织 columns bracketed.
    const columns = format.t3.columns.filter((c) => c.key !== "total");
    const values = columns.map((_, i) => cell("new", i));
    svg += subheading(cursor, format.t3.applicantHeader, label("new"));
    said.push(
      `${format.t3.applicantHeader}：${columns.map((c, i) => `${c.label}${fmt(values[i])}`).join("，")}`,
    );
    cursor += 56;
    const bracketW = 100;
    const bars = barChart({
      categories: columns.map((c) => c.label),
      values,
      width: CONTENT.w - bracketW,
      band: BAND,
      left: 170,
      fontFamily,
    });
    svg += embed(bars.svg, CONTENT.x + bracketW, cursor);
    const orgs = columns
      .map((c, i) => (format.t3.organisationColumns.includes(c.key) ? i : -1))
      .filter((i) => i >= 0);
    if (orgs.length) {
      const y0 = cursor + bars.top + orgs[0] * BAND + 6;
      const y1 = cursor + bars.top + (orgs[orgs.length - 1] + 1) * BAND - 6;
      const bx = CONTENT.x + bracketW - 6;
      svg += `<path d="M${bx + 10} ${r(y0)}H${bx}V${r(y1)}H${bx + 10}" fill="none" stroke="${COLORS.muted}" stroke-width="2"/>`;
      const chars = [...format.t3.organisationHeader];
      const first = (y0 + y1) / 2 - ((chars.length - 1) * 26) / 2 + 8;
      svg += text(bx - 30, first, chars, { size: 22, fill: COLORS.ink, anchor: "middle", leading: 26 / 22 });
    }
    cursor += bars.height + 28;

    // 本年度办理结果: each group the sum of its rows, as a ring and a legend.
    const groups = format.t3.rows.filter(
      (row) => row.inResults && (row.kind === "item" || row.kind === "group"),
    );
    const total = cell("total");
    const outcomes = groups.map((g) => {
      const members = format.t3.rows.filter((row) => row.key === g.key || row.group === g.key);
      const value = sum(members.filter((m) => m.kind !== "group").map((m) => cell(m.key)));
      return { label: plainLabel(g.label), value, share: share(value, total) };
    });
    svg += subheading(cursor, plainLabel(format.t3.resultsLabel));
    said.push(
      `${plainLabel(format.t3.resultsLabel)}：${outcomes.map((o) => `${o.label}${fmt(o.value)}（${o.share}）`).join("，")}，${label("total")}${fmt(total)}`,
    );
    cursor += 56;
    const size = RING;
    const cx = CONTENT.x + size / 2;
    const cy = cursor + size / 2;
    svg += `<circle cx="${cx}" cy="${cy}" r="${r(size * 0.37)}" fill="none" stroke="${COLORS.track}" stroke-width="${r(size * 0.18)}"/>`;
    svg += embed(
      ringChart(
        outcomes.map((o) => o.value),
        COLORS.series,
        size,
      ),
      CONTENT.x,
      cursor,
    );
    svg += text(cx, cy - 8, label("total"), { size: 22, fill: COLORS.muted, anchor: "middle" });
    const totalText = fmt(total);
    svg += numberText(cx, cy + 36, totalText, size * 0.5, [40, 20]);
    const lx = CONTENT.x + size + 60;
    const rowH = size / outcomes.length;
    outcomes.forEach((o, i) => {
      const ly = cursor + rowH * i + rowH / 2;
      svg += `<rect x="${lx}" y="${r(ly - 12)}" width="24" height="24" rx="4" fill="${COLORS.series[i % COLORS.series.length]}"/>`;
      svg += text(lx + 36, ly + 9, o.label, { size: 24, fill: COLORS.ink });
      svg += text(CONTENT.x + CONTENT.w - 130, ly + 10, fmt(o.value), {
        size: 26,
        fill: COLORS.ink,
        anchor: "end",
        bold: true,
      });
      svg += text(CONTENT.x + CONTENT.w, ly + 9, o.share, { size: 22, fill: COLORS.muted, anchor: "end" });
    });
    cursor += size;
    return { svg, height: cursor - top };
  });
}

/** The 图解 of a report's tables, as an SVG document. */
export function graphicSvg(tables: TableSet, options: GraphicOptions = {}): string {
  const format = getFormat(tables.format);
  const fontFamily = fontFamilyList(options.fontFamily);
  const said: string[] = [];
  const head = header(tables, format);
  let y = head.height + 32;
  const parts = [head.svg];
  for (const section of [
    (top: number) => activeSection(tables, format, top, said),
    (top: number) => requestsSection(tables, format, top, fontFamily, said, options.previous),
    (top: number) => casesSection(tables, format, top, said),
  ]) {
    const s = section(y);
    parts.push(s.svg);
    y += s.height + 32;
  }
  const blank = said.some((s) => s.includes("—"));
  const foot = [`数据来源：《${head.title}》`, ...(blank ? ["“—”表示表中该项空白"] : [])];
  // Each line its own <text>: the source, and what 「—」 means.
  foot.forEach((line, i) =>
    parts.push(
      text(GRAPHIC_WIDTH / 2, y + 20 + 30 * i, line, { size: 20, fill: COLORS.muted, anchor: "middle" }),
    ),
  );
  const height = Math.ceil(y + 20 + foot.length * 30 + 20);
  const desc = `${head.title}图解。${said.join("；")}。`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${GRAPHIC_WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${GRAPHIC_WIDTH} ${height}" role="img" aria-labelledby="ogi-graphic-title ogi-graphic-desc" ` +
    `font-family="${fontFamily}">` +
    `<title id="ogi-graphic-title">${esc(`${head.title}图解`)}</title>` +
    `<desc id="ogi-graphic-desc">${esc(desc)}</desc>` +
    onBackground({ x: 0, y: 0, w: GRAPHIC_WIDTH, h: height, fill: COLORS.page }, ...parts) +
    `</svg>\n`
  );
}
