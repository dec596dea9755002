/**
 * The 图解's 表四 panel: 行政复议 and 行政诉讼 (未经复议直接起诉 and 复议后起诉 added up), each a card with its
 * 总计, its four results, and the share 结果纠正 of the cases decided (结果维持 + 结果纠正 + 其他结果, the ones no
 * longer 尚未审结) with a bar. A blank cell makes its sums and the share 「—」. Pure.
 */
import { T4_GROUP_WIDTH, T4_TOTAL_RESULT } from "../report/formats";
import type { FormatDef } from "../report/formats";
import type { Num, TableSet } from "../report/tables/tables";
import {
  COLORS,
  CONTENT,
  numberText,
  fmt,
  onBackground,
  panel,
  r,
  share,
  sum,
  text,
  wrap,
} from "./graphicParts";

/** Room for two lines of 行政诉讼's kinds. */
const PARTS_H = 60;

interface Card {
  label: string;
  /** 总计, 结果维持 … 尚未审结 in the format's order. */
  results: Num[];
  /** 「未经复议直接起诉 26 复议后起诉 20」 under 行政诉讼's total. */
  parts?: string;
}

/** The results a group's five cells give, or several groups' added up cell by cell. */
function results(t4: TableSet["t4"], groups: number[]): Num[] {
  return Array.from({ length: T4_GROUP_WIDTH }, (_, k) =>
    sum(groups.map((g) => t4?.[g * T4_GROUP_WIDTH + k] ?? null)),
  );
}

function card(x: number, y: number, w: number, h: number, c: Card, format: FormatDef): string {
  const labels = format.t4.results.map((res) => res.label);
  const cx = x + w / 2;
  const parts: string[] = [
    text(cx, y + 46, c.label, { size: 28, fill: COLORS.ink, anchor: "middle", bold: true }),
  ];
  const total = fmt(c.results[T4_TOTAL_RESULT]);
  parts.push(numberText(cx, y + 112, total, w - 40, [52, 24]));
  parts.push(text(cx, y + 142, labels[T4_TOTAL_RESULT], { size: 18, fill: COLORS.muted, anchor: "middle" }));
  let top = y + 160;
  // 行政诉讼's two kinds under its total; the same room left empty under 行政复议, so the cards line up.
  if (c.parts) {
    const lines = wrap(c.parts, w - 40, 20).slice(0, 2);
    parts.push(text(cx, top + 22, lines, { size: 20, fill: COLORS.ink, anchor: "middle" }));
  }
  top += PARTS_H;
  // The four results under the total, in the format's order.
  const four = labels
    .map((label, k) => ({ label, value: c.results[k] }))
    .filter((_, k) => k !== T4_TOTAL_RESULT);
  const cellW = (w - 32) / four.length;
  four.forEach((f, k) => {
    const fx = x + 16 + cellW * k + cellW / 2;
    const v = fmt(f.value);
    parts.push(numberText(fx, top + 36, v, cellW - 8, [30, 16], COLORS.ink));
    parts.push(text(fx, top + 64, f.label, { size: 18, fill: COLORS.muted, anchor: "middle" }));
  });
  top += 88;
  // 结果纠正's share of the decided.
  const [upheld, corrected, other] = c.results;
  const decided = sum([upheld, corrected, other]);
  const pct = share(corrected, decided);
  const line = `${labels[1]}占已审结的${pct}`;
  parts.push(text(x + 24, top + 26, line, { size: 20, fill: COLORS.ink }));
  const barW = w - 48;
  const frac =
    typeof corrected === "number" && typeof decided === "number" && decided > 0 ? corrected / decided : 0;
  parts.push(
    `<rect x="${r(x + 24)}" y="${r(top + 40)}" width="${r(barW)}" height="14" rx="7" fill="${COLORS.track}"/>`,
  );
  if (frac > 0)
    parts.push(
      `<rect x="${r(x + 24)}" y="${r(top + 40)}" width="${r(Math.max(14, barW * frac))}" height="14" rx="7" fill="${COLORS.bar}"/>`,
    );
  return onBackground({ x, y, w, h, fill: COLORS.tile, rx: 12 }, ...parts);
}

/** The panel: two cards side by side. Adds its sentences to `said` (for <desc>). */
export function casesSection(tables: TableSet, format: FormatDef, y: number, said: string[]) {
  const t4 = tables.t4;
  const [direct, after] = format.t4.litigation;
  const directTotal = t4?.[1 * T4_GROUP_WIDTH + T4_TOTAL_RESULT] ?? null;
  const afterTotal = t4?.[2 * T4_GROUP_WIDTH + T4_TOTAL_RESULT] ?? null;
  const cards: Card[] = [
    { label: format.t4.review.label, results: results(t4, [0]) },
    {
      label: format.t4.litigationLabel,
      results: results(t4, [1, 2]),
      parts: `${direct.label} ${fmt(directTotal)}\u3000${after.label} ${fmt(afterTotal)}`,
    },
  ];
  const labels = format.t4.results.map((res) => res.label);
  for (const c of cards) {
    const [upheld, corrected, other] = c.results;
    said.push(
      `${c.label}${labels[T4_TOTAL_RESULT]}${fmt(c.results[T4_TOTAL_RESULT])}` +
        (c.parts ? `（${c.parts}）` : "") +
        `，${labels
          .filter((_, k) => k !== T4_TOTAL_RESULT)
          .map((l, k) => `${l}${fmt(c.results[k])}`)
          .join("，")}，${labels[1]}占已审结的${share(corrected, sum([upheld, corrected, other]))}`,
    );
  }
  return panel(y, format.t4.title, (top) => {
    const gap = 16;
    const w = (CONTENT.w - gap) / 2;
    const h = 160 + PARTS_H + 88 + 70;
    const svg = cards.map((c, i) => card(CONTENT.x + i * (w + gap), top, w, h, c, format)).join("");
    return { svg, height: h };
  });
}
