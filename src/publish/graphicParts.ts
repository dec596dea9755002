/**
 * The 图解's drawing pieces, as SVG strings: the palette (every text colour ≥ 4.5:1 against the background it
 * sits on, WCAG 2.1 AA; every chart colour ≥ 3:1 against white, the non-text minimum), the font-family list,
 * text measured and wrapped by an estimate of CJK widths, and the tiles the numbers sit on. Pure.
 *
 * One convention the tests rely on: a text's background is the first <rect> of the nearest group (<g> or <svg>)
 * whose first child is a filled <rect> — every panel and tile is drawn as such a group.
 */
import type { Num } from "../report/tables/tables";
import { displayWidth, stripNumbering } from "../report/common/normalize";
import { percent } from "../report/text/sentences";

export const GRAPHIC_WIDTH = 1080;

/**
 * Families named in the SVG (single quotes: the SVG carries them inside attributes and ECharts' style
 * attributes): 微软雅黑 on Windows, 苹方 on macOS, Noto Sans CJK / 思源黑体 / 文泉驿 on Linux (麒麟、统信), 黑体.
 */
export const FONT_FAMILIES = [
  "Microsoft YaHei",
  "PingFang SC",
  "Noto Sans CJK SC",
  "Source Han Sans SC",
  "WenQuanYi Micro Hei",
  "SimHei",
];

/** The font-family value, with `first` (the family of the font found on this machine) ahead of the rest. */
export function fontFamilyList(first?: string): string {
  const families = first ? [first, ...FONT_FAMILIES.filter((f) => f !== first)] : FONT_FAMILIES;
  return [...families.map((f) => `'${f.replace(/['"\\<>&]/g, "")}'`), "sans-serif"].join(", ");
}

export const COLORS = {
  page: "#f3f5f9",
  header: "#a4161a",
  onHeader: "#ffffff",
  panel: "#ffffff",
  bar: "#1d4e89",
  onBar: "#ffffff",
  tile: "#eef3fa",
  ink: "#1f2937",
  muted: "#4b5563",
  number: "#a4161a",
  track: "#e5e7eb",
  /** The six 办理结果 groups and the 表四 results. */
  series: ["#1d4e89", "#2e7d32", "#b45309", "#a4161a", "#6b21a8", "#475569"],
} as const;

/** XML text and attribute escaping. */
export const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A table cell as the 图解 prints it: blank as 「—」, never 0; amounts with at most two decimals. */
export function fmt(v: Num | undefined): string {
  if (typeof v !== "number" || !Number.isFinite(v)) return "—";
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

/** Marks a CJK font draws a full em wide though a terminal counts them narrow. */
const FULL = /[—“”‘’…]/;

/** An estimate of a string's width at a font size: CJK a full em, digits and Latin a bit over half. */
export function textWidth(s: string, size: number): number {
  let w = 0;
  for (const ch of s) w += FULL.test(ch) || displayWidth(ch) > 1 ? 1 : ch === "." || ch === " " ? 0.32 : 0.6;
  return w * size;
}

/** The largest size ≤ `size` (down to `min`) at which `s` fits `width`. */
export function fitSize(s: string, width: number, size: number, min = 14): number {
  let z = size;
  while (z > min && textWidth(s, z) > width) z -= 2;
  return z;
}

/** `s` broken into lines that fit `width`: before a full-width bracket when that is enough, else greedily. */
export function wrap(s: string, width: number, size: number): string[] {
  if (textWidth(s, size) <= width) return [s];
  const bracket = s.indexOf("（");
  if (bracket > 0 && textWidth(s.slice(0, bracket), size) <= width) {
    const rest = s.slice(bracket);
    if (textWidth(rest, size) <= width) return [s.slice(0, bracket), rest];
  }
  const lines: string[] = [];
  let line = "";
  for (const ch of s) {
    if (line && textWidth(line + ch, size) > width) {
      lines.push(line);
      line = "";
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
}

export interface TextStyle {
  size: number;
  fill: string;
  anchor?: "start" | "middle" | "end";
  bold?: boolean;
  /** Distance between lines, in multiples of the size. */
  leading?: number;
}

/**
 * One <text> (its lines as <tspan>s, so the text reads as one string): `y` is the first line's baseline.
 */
export function text(x: number, y: number, content: string | string[], style: TextStyle): string {
  const lines = typeof content === "string" ? [content] : content;
  const attrs =
    `x="${r(x)}" y="${r(y)}" font-size="${style.size}" fill="${style.fill}"` +
    (style.anchor && style.anchor !== "start" ? ` text-anchor="${style.anchor}"` : "") +
    (style.bold ? ` font-weight="bold"` : "");
  if (lines.length === 1) return `<text ${attrs}>${esc(lines[0])}</text>`;
  const dy = r(style.size * (style.leading ?? 1.3));
  const spans = lines.map((l, i) => `<tspan x="${r(x)}"${i ? ` dy="${dy}"` : ""}>${esc(l)}</tspan>`);
  return `<text ${attrs}>${spans.join("")}</text>`;
}

/**
 * A number centred at `cx`, bold, in the largest size up to `max` (at least `min`) that fits `width`: the tiles',
 * the ring's total, the 复议诉讼 cards'.
 */
export function numberText(
  cx: number,
  y: number,
  value: string,
  width: number,
  [max, min]: [number, number],
  fill: string = COLORS.number,
): string {
  return text(cx, y, value, { size: fitSize(value, width, max, min), fill, anchor: "middle", bold: true });
}

/** Rounded to a tenth, for short attributes. */
export const r = (v: number): string => String(Math.round(v * 10) / 10);

/** A group on its own background: the rect first (the background of every text in it), then the children. */
export function onBackground(
  box: { x: number; y: number; w: number; h: number; fill: string; rx?: number },
  ...children: string[]
): string {
  const rect = `<rect x="${r(box.x)}" y="${r(box.y)}" width="${r(box.w)}" height="${r(box.h)}" rx="${box.rx ?? 0}" fill="${box.fill}"/>`;
  return `<g>${rect}${children.join("")}</g>`;
}

export interface Tile {
  /** The label above the number, in the template's words. */
  label?: string;
  value: string;
  /** The column's label below the number (「本年处理决定数量」). */
  caption?: string;
  /** A line under it: 「较上年增长12.5%」. */
  note?: string;
}

/** The height a tile needs at a width: label lines, the number, caption lines, the note. */
export function tileHeight(tile: Tile, w: number): number {
  const inner = w - 32;
  const label = tile.label ? wrap(tile.label, inner, 22).length * 29 + 8 : 0;
  const caption = tile.caption ? wrap(tile.caption, inner, 18).length * 24 + 4 : 0;
  return 24 + label + 60 + caption + (tile.note ? 28 : 0) + 18;
}

/** A number tile: label, number (bold, the largest that fits), caption and note, centred on a tinted card. */
export function tile(x: number, y: number, w: number, h: number, t: Tile): string {
  const cx = x + w / 2;
  const inner = w - 32;
  const parts: string[] = [];
  let cursor = y + 24;
  if (t.label) {
    const lines = wrap(t.label, inner, 22);
    parts.push(text(cx, cursor + 22, lines, { size: 22, fill: COLORS.ink, anchor: "middle", bold: true }));
    cursor += lines.length * 29 + 8;
  }
  parts.push(numberText(cx, cursor + 48, t.value, inner, [48, 24]));
  cursor += 60;
  if (t.caption) {
    const lines = wrap(t.caption, inner, 18);
    parts.push(text(cx, cursor + 18, lines, { size: 18, fill: COLORS.muted, anchor: "middle" }));
    cursor += lines.length * 24 + 4;
  }
  if (t.note) parts.push(text(cx, cursor + 22, t.note, { size: 18, fill: COLORS.ink, anchor: "middle" }));
  return onBackground({ x, y, w, h, fill: COLORS.tile, rx: 12 }, ...parts);
}

/** Tiles in rows of `perRow` across `width` from `x`; returns the SVG and the height used. */
export function tileRows(
  x: number,
  y: number,
  width: number,
  tiles: Tile[],
  perRow: number,
): { svg: string; height: number } {
  const gap = 16;
  const w = (width - gap * (perRow - 1)) / perRow;
  let svg = "";
  let top = y;
  for (let i = 0; i < tiles.length; i += perRow) {
    const row = tiles.slice(i, i + perRow);
    const h = Math.max(...row.map((t) => tileHeight(t, w)));
    row.forEach((t, k) => (svg += tile(x + k * (w + gap), top, w, h, t)));
    top += h + gap;
  }
  return { svg, height: Math.max(0, top - y - gap) };
}

/** The panels' left edge and width, and their content's. */
export const PANEL = { x: 40, w: GRAPHIC_WIDTH - 80 };
export const CONTENT = { x: 70, w: GRAPHIC_WIDTH - 140 };

/** A label without its numbering or trailing note: 「（二）部分公开（区分处理的…）」 → 「部分公开」. */
export const plainLabel = (label: string): string => stripNumbering(label).replace(/\(.*$/, "");

/** A sum of cells: blank when any is blank (a sum with an unknown part is unknown). */
export const sum = (values: Num[]): Num =>
  values.some((v) => typeof v !== "number") ? null : values.reduce<number>((s, v) => s + (v as number), 0);

/** part of whole as 「44.66%」, or 「—」 when either is blank or nothing is there to share. */
export const share = (part: Num, whole: Num): string =>
  typeof part === "number" && typeof whole === "number" && whole > 0 ? `${percent(part, whole)}%` : "—";

/** A panel: a blue title bar, then the content (drawn by `content` from a top, returning its height). */
export function panel(y: number, title: string, content: (top: number) => { svg: string; height: number }) {
  const bar = onBackground(
    { x: PANEL.x, y, w: PANEL.w, h: 64, fill: COLORS.bar, rx: 12 },
    text(CONTENT.x, y + 43, title, { size: 30, fill: COLORS.onBar, bold: true }),
  );
  const body = content(y + 64 + 28);
  const height = 64 + 28 + body.height + 32;
  return {
    svg: onBackground({ x: PANEL.x, y, w: PANEL.w, h: height, fill: COLORS.panel, rx: 12 }, bar, body.svg),
    height,
  };
}

/** A subheading in a panel, with a muted note after it; 48 px tall. */
export function subheading(y: number, heading: string, note?: string): string {
  const head = text(CONTENT.x, y + 30, heading, { size: 26, fill: COLORS.ink, bold: true });
  if (!note) return head;
  const x = CONTENT.x + textWidth(heading, 26) + 16;
  return head + text(x, y + 30, note, { size: 20, fill: COLORS.muted });
}
