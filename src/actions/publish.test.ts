/**
 * 发布 in the panes (file mode, Excel and WPS share it): 年度报告.html is the command line's page, UTF-8, with the
 * compile's numbers; the 图解 is its SVG with them, beside the PNG drawn from it (the canvas is the browser's:
 * a stand-in draws here, and what it is given is checked).
 */
import { compileWorkbook } from "../report/compile";
import { sampleWorkbook } from "../report/sample";
import { pageHtml } from "../publish/html";
import { pageOfResult } from "../publish/report";
import { fileModeActions } from "./files";
import { GRAPHIC_PNG, GRAPHIC_SVG, graphicFiles, redrawnGraphic } from "./publish";
import { Resvg } from "@resvg/resvg-js";
import { createReport, updateReport } from "../docx";
import { readZip, xmlText } from "../docx/zip";
import { drawn, graphicPart } from "../publish/graphicPart";
import { SHEETS } from "../report/register/registers";

const result = compileWorkbook(sampleWorkbook());
const { t3, t4 } = result.tables;

test("年度报告.html: the command line's page, UTF-8, with the numbers of 表三 and 表四", async () => {
  const blob = await fileModeActions().createWebPage(result);
  expect(blob.type).toBe("text/html;charset=utf-8");
  const html = new TextDecoder("utf-8", { fatal: true }).decode(await blob.arrayBuffer());
  expect(html).toBe(pageHtml(pageOfResult(result), "utf-8"));
  expect(html).toContain('<meta charset="utf-8">');
  expect(html).toContain(
    `<title>${result.tables.agency}${result.tables.year}年政府信息公开工作年度报告</title>`,
  );
  const cells = [...html.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((m) => m[1]);
  for (const n of [t3.new[6], t3.carry[6], t4[4], t4[14]]) expect(cells).toContain(String(n));
});

test("图解: 图解.png drawn from 图解.svg, whose text holds the numbers; last year's gives 较上年", async () => {
  const drawn: string[] = [];
  const files = await graphicFiles(result, null, async (svg) => {
    drawn.push(svg);
    return new Blob(["png"], { type: "image/png" });
  });
  expect(files.map((f) => f.name)).toEqual([GRAPHIC_PNG, GRAPHIC_SVG]);
  expect(files[0].blob.type).toBe("image/png");
  const svg = await files[1].blob.text();
  expect(files[1].blob.type).toBe("image/svg+xml;charset=utf-8");
  expect(drawn).toEqual([svg]);
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1080"')).toBe(true);
  expect(svg).toContain("'Microsoft YaHei'");
  const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? "";
  expect(desc).toContain(`本年新收政府信息公开申请数量${t3.new[6]}`);
  expect(desc).toContain(`行政复议总计${t4[4]}`);
  expect(svg).not.toContain("较上年");
  const previous = structuredClone(result.tables);
  previous.year -= 1;
  previous.t3.new[6] = Number(t3.new[6]) * 2;
  const withPrevious = await graphicFiles(result, previous, async () => new Blob([]));
  expect(await withPrevious[1].blob.text()).toContain("较上年下降50.0%");
});

describe("file mode's update of a report holding a 图解", () => {
  const fewer = () => {
    const wb = sampleWorkbook();
    wb.sheets.find((s) => s.name === SHEETS.applications)?.rows.splice(1, 70);
    return compileWorkbook(wb);
  };
  const resvg = async (svg: string) =>
    new Blob([new Uint8Array(new Resvg(svg).render().asPng()) as Uint8Array<ArrayBuffer>], {
      type: "image/png",
    });
  const descr = (bytes: Uint8Array) =>
    /<wp:docPr\b[^>]*\sdescr="([^"]*)"/.exec(
      xmlText(readZip(bytes, "r"), "word/document.xml", "r") ?? "",
    )?.[1];
  let report: Uint8Array;
  beforeAll(async () => {
    const { part, svg } = graphicPart(result.tables);
    const png = new Uint8Array(await (await resvg(svg)).arrayBuffer());
    report = await createReport(result, "台账.xlsx", new Date(), [drawn(part, png)]);
  });

  test("it is drawn again from the new numbers; a report without one draws nothing", async () => {
    const next = fewer();
    const asked: string[] = [];
    const g = await redrawnGraphic(report, "报告.docx", next, (svg) => {
      asked.push(svg);
      return resvg(svg);
    });
    expect(asked).toHaveLength(1);
    expect(g.note).toBeUndefined();
    const u = await updateReport(report, "报告.docx", next, "本月.xlsx", new Date(), g.extra);
    expect(u.changed.map((c) => c.part)).toContain("graphic");
    expect(descr(u.bytes)).toContain(`本年新收政府信息公开申请数量${next.tables.t3.new[6]}`);
    const plain = await createReport(result, "台账.xlsx");
    const none = await redrawnGraphic(plain, "报告.docx", next, () => {
      throw new Error("not to be drawn");
    });
    expect(none).toEqual({ extra: [] });
  });

  test("where the browser cannot draw it, the old picture is kept and said once", async () => {
    const file = new File([report as Uint8Array<ArrayBuffer>], "报告.docx");
    Object.defineProperty(file, "arrayBuffer", {
      value: async () => report.buffer.slice(report.byteOffset, report.byteOffset + report.byteLength),
    });
    // No canvas here (Node): the browser's drawing fails, as it would in a webview that cannot draw an SVG.
    const { blob, summary } = await fileModeActions().updateReport(file, fewer(), "本月.xlsx");
    const lines = summary.missing.filter((l) => l.includes("图解"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^未更新「图解」，报告中保留原图：浏览器未能把图解绘制成 PNG 图片/);
    expect(summary.changed.map((c) => c.alias)).toContain("表三 收到和处理政府信息公开申请情况");
    expect(descr(new Uint8Array(await blob.arrayBuffer()))).toBe(descr(report));
  });
});
