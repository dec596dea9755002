/**
 * 发布 in the panes (file mode, Excel, WPS 表格): the report's web page, 年度报告.html (UTF-8), and its 图解,
 * 图解.svg and 图解.png — from the same compile as the Word report. src/publish loads on first use (the 图解
 * brings ECharts): it is never in a pane's initial JavaScript. The PNG is the browser's: the SVG as an <img>
 * (a data URL) drawn onto a canvas 1080 px wide; the SVG's font-family names the Chinese fonts Windows, Kylin and
 * UOS have, so the browser draws the text with one of them.
 */
import type { CompileResult } from "../report/compile";
import type { TableSet } from "../report/tables/tables";
import type { DownloadFile } from "./types";
import type { DocPart } from "../report/text/document";
export { GRAPHIC_PNG, GRAPHIC_SVG, PAGE_FILE } from "../publish/files";
import { GRAPHIC_PNG, GRAPHIC_SVG } from "../publish/files";

/** The PNG's width in pixels (the 图解's own). */
export const PNG_WIDTH = 1080;

/** 年度报告.html: the page the command line's `publish` writes from a register, UTF-8. */
export async function webPage(result: CompileResult): Promise<Blob> {
  const [{ pageOfResult }, { pageHtml }, { CHARSET, encodePage }] = await Promise.all([
    import("../publish/report"),
    import("../publish/html"),
    import("../publish/encode"),
  ]);
  const bytes = encodePage(pageHtml(pageOfResult(result), CHARSET["utf-8"]), "utf-8");
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "text/html;charset=utf-8" });
}

/** The 图解's SVG, with 较上年 when last year's tables are given. */
export async function graphicOf(result: CompileResult, previous?: TableSet | null): Promise<string> {
  const { graphicSvg } = await import("../publish/graphic");
  return graphicSvg(result.tables, previous ? { previous } : {});
}

const DRAW_FAILED = "浏览器未能把图解绘制成 PNG 图片；可改用下载的 图解.svg（用浏览器打开后截图或另存）。";

/** The PNG of an SVG, drawn by the browser: the SVG's own size scaled to `width` pixels wide. */
export async function canvasPng(svg: string, width = PNG_WIDTH): Promise<Blob> {
  const size = (name: string) => Number(new RegExp(`<svg\\b[^>]*\\s${name}="([\\d.]+)"`).exec(svg)?.[1] ?? 0);
  const [w, h] = [size("width"), size("height")];
  if (!w || !h || typeof Image === "undefined") throw new Error(DRAW_FAILED);
  const img = new Image();
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error(DRAW_FAILED));
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = Math.round((h * width) / w);
  const ctx = canvas.getContext("2d");
  if (!ctx) throw new Error(DRAW_FAILED);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  return new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(DRAW_FAILED))), "image/png"),
  );
}

/** 图解.png (drawn by `draw`, the browser's canvas unless given) and 图解.svg. */
export async function graphicFiles(
  result: CompileResult,
  previous?: TableSet | null,
  draw: (svg: string) => Promise<Blob> = canvasPng,
): Promise<DownloadFile[]> {
  const svg = await graphicOf(result, previous);
  return [
    { name: GRAPHIC_PNG, blob: await draw(svg) },
    { name: GRAPHIC_SVG, blob: new Blob([svg], { type: "image/svg+xml;charset=utf-8" }) },
  ];
}

/**
 * The 图解 of a report being updated in file mode, drawn again by the browser where the report holds one (from
 * `report --graphic` or the Word pane); where it cannot be drawn, `note` says the old picture is kept.
 */
export async function redrawnGraphic(
  report: Uint8Array,
  label: string,
  result: CompileResult,
  draw: (svg: string) => Promise<Blob> = canvasPng,
): Promise<{ extra: DocPart[]; note?: string }> {
  const [{ partsIn }, { drawn, GRAPHIC_PART, graphicNotRedrawn, graphicPart }] = await Promise.all([
    import("../docx"),
    import("../publish/graphicPart"),
  ]);
  if (!partsIn(report, label).includes(GRAPHIC_PART)) return { extra: [] };
  const { part, svg } = graphicPart(result.tables);
  try {
    return { extra: [drawn(part, new Uint8Array(await (await draw(svg)).arrayBuffer()))] };
  } catch (e) {
    return { extra: [], note: graphicNotRedrawn(e instanceof Error ? e.message : String(e)) };
  }
}
