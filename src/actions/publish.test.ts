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
import { GRAPHIC_PNG, GRAPHIC_SVG, graphicFiles } from "./publish";

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
