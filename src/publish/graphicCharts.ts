/**
 * The 图解's two charts, drawn by Apache ECharts on the server side (its SVG renderer, no DOM, no animation) and
 * embedded in the page as nested <svg> elements: a bar chart of 申请人情况 and a ring of 办理结果. Their text is
 * <text> in the page's fonts and colours; a blank cell's bar is labelled 「—」, not 0. Pure.
 */
import * as echarts from "echarts";
import type { Num } from "../report/tables/tables";
import { COLORS, fmt, r } from "./graphicParts";

/** Renders one chart to an SVG string and frees it (an undisposed chart keeps Node running). */
function render(width: number, height: number, option: echarts.EChartsOption): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * A chart's SVG placed at (x, y) in the page: its root becomes a nested <svg> with a position, its style sheet
 * (hover rules for a browser's pointer, of no use in a picture) and ECharts' bookkeeping attributes dropped.
 */
export function embed(svg: string, x: number, y: number): string {
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/\s(ecmeta_\w+|class|pointer-events)="[^"]*"/g, "")
    .replace(/^<svg\b/, `<svg x="${r(x)}" y="${r(y)}"`)
    .replace(/\n/g, "");
}

export interface BarChart {
  categories: string[];
  values: Num[];
  width: number;
  /** Height of one bar's band. */
  band: number;
  /** Room left of the bars for the category labels. */
  left: number;
  fontFamily: string;
}

/** Horizontal bars, the first category on top; each bar labelled with its number (「—」 for a blank). */
export function barChart(c: BarChart): { svg: string; height: number; top: number } {
  const top = 8;
  const height = top * 2 + c.band * c.categories.length;
  const svg = render(c.width, height, {
    textStyle: { fontFamily: c.fontFamily },
    grid: { left: c.left, right: 130, top, bottom: top },
    xAxis: { type: "value", show: false },
    yAxis: {
      type: "category",
      inverse: true,
      data: c.categories,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: COLORS.muted } },
      axisLabel: { fontSize: 22, color: COLORS.ink, margin: 14 },
    },
    series: [
      {
        type: "bar",
        barWidth: Math.round(c.band * 0.55),
        itemStyle: { color: COLORS.bar, borderRadius: [0, 6, 6, 0] },
        label: {
          show: true,
          position: "right",
          fontSize: 22,
          fontWeight: "bold",
          color: COLORS.ink,
          textBorderWidth: 0,
          formatter: (p) => fmt(typeof p.value === "number" ? p.value : null),
        },
        data: c.values.map((v) => (v === null ? { value: 0, label: { formatter: "—" } } : v)),
      },
    ],
  });
  return { svg, height, top };
}

/** A ring of shares, no labels (the legend beside it carries the words and numbers); blanks leave no slice. */
export function ringChart(values: Num[], colors: readonly string[], size: number): string {
  return render(size, size, {
    series: [
      {
        type: "pie",
        radius: ["56%", "92%"],
        center: ["50%", "50%"],
        stillShowZeroSum: false,
        label: { show: false },
        labelLine: { show: false },
        itemStyle: { borderColor: COLORS.panel, borderWidth: 2 },
        data: values.map((v, i) => ({ value: v ?? "-", itemStyle: { color: colors[i % colors.length] } })),
      },
    ],
  });
}
