/**
 * The 图解 of one report (the demo register's tables): how long loading the chart library takes, then making the
 * SVG and the PNG — the first time (as the command line does, once: the font searched for and cut down to the
 * characters drawn) and at best of five after. For the bench's publishMs (HTML + SVG + PNG, target ≤ 1 s).
 *
 * Run alone: npm run build:cli && node dist/bench/graphic.js   (or, from the sources:
 * node -r ./test/ts-register.js bench/graphic.ts)
 */
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { best } from "./timing";

/**
 * publishMs: what `publish` makes of one report — the page (HTML) and the 图解 (SVG and PNG) — the first time in
 * the process, chart library and font search included (as the command line runs it once), and at best of five.
 */
export async function publishFigures(): Promise<{ publishFirstMs: number; publishMs: number }> {
  const result = compileWorkbook(sampleWorkbook());
  const t0 = process.hrtime.bigint();
  const { pageOfResult } = await import("../src/publish/report");
  const { pageHtml } = await import("../src/publish/html");
  const { graphicSvg } = await import("../src/publish/graphic");
  const { graphicPng } = await import("../src/publish/graphicPng");
  const once = () => {
    const html = pageHtml(pageOfResult(result));
    const png = graphicPng(graphicSvg(result.tables));
    return html.length + png.length;
  };
  once();
  const publishFirstMs = since(t0);
  return { publishFirstMs, publishMs: best(5, once).ms };
}

export interface GraphicFigures {
  /** Loading src/publish/graphic (Apache ECharts with it) and graphicPng (resvg). */
  graphicLoadMs: number;
  /** The first SVG and the first PNG of the process (the PNG with the font search and subset). */
  graphicSvgFirstMs: number;
  graphicPngFirstMs: number;
  /** Best of five after. */
  graphicSvgMs: number;
  graphicPngMs: number;
  /** The font the PNG was drawn with, and the PNG's size. */
  graphicFont: string;
  graphicPngBytes: number;
}

const since = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

export async function graphicFigures(): Promise<GraphicFigures> {
  const tables = compileWorkbook(sampleWorkbook()).tables;
  let t0 = process.hrtime.bigint();
  const { graphicSvg } = await import("../src/publish/graphic");
  const { graphicPng } = await import("../src/publish/graphicPng");
  const { findCjkFont } = await import("../src/publish/graphicFonts");
  const graphicLoadMs = since(t0);
  t0 = process.hrtime.bigint();
  const svg = graphicSvg(tables);
  const graphicSvgFirstMs = since(t0);
  t0 = process.hrtime.bigint();
  const png = graphicPng(svg);
  const graphicPngFirstMs = since(t0);
  const font = findCjkFont();
  return {
    graphicLoadMs,
    graphicSvgFirstMs,
    graphicPngFirstMs,
    graphicSvgMs: best(5, () => graphicSvg(tables)).ms,
    graphicPngMs: best(5, () => graphicPng(svg)).ms,
    graphicFont: font ? `${font.family}（${font.file}，${font.how}）` : "无",
    graphicPngBytes: png.length,
  };
}

if (require.main === module)
  void graphicFigures().then((f) => {
    const ms = (v: number) => `${v.toFixed(0)} ms`;
    console.log(
      `载入 ${ms(f.graphicLoadMs)}；首次：SVG ${ms(f.graphicSvgFirstMs)}，PNG ${ms(f.graphicPngFirstMs)}`,
    );
    console.log(
      `此后（五次中最快）：SVG ${ms(f.graphicSvgMs)}，PNG ${ms(f.graphicPngMs)}；字体 ${f.graphicFont}`,
    );
    console.log(JSON.stringify(f));
  });
