/**
 * The WPS add-in as built (npm run build:wps): the folder holds every file its pages and ribbon.xml name, and
 * end to end in Chromium with a fake WPS Application injected — the ribbon's button opens the pane: in WPS 表格
 * it checks, compiles and writes 统计表 into the fake workbook; in WPS 文字 it shows the report's states, updates
 * the stale part in place (the rest of the document intact) and checks the document. Nothing is asked of
 * another origin. No WPS runs here.
 */
import { execFileSync } from "child_process";
import { DOMParser } from "@xmldom/xmldom";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { createReport } from "../src/docx";
import { readStoredReport } from "../src/docx/customxml";
import { textOf } from "../src/docx/ooxml";
import { readZip } from "../src/docx/zip";
import { reportFileName } from "../src/actions/pane";
import { workbookBuffer } from "../src/workbook/write";
import { documentXml, wordHoldings, wpsBlocks } from "./docx";
import { excelValues, retypeApplicant } from "./helpers";
import { squeeze } from "./office";
import { CHROMIUM, productionBuild, serve } from "./serve";
import { needs } from "./tools";

const out = mkdtempSync(path.join(os.tmpdir(), "ogi-wps-"));

beforeAll(async () => {
  const stats = await productionBuild({ wps: true, outDir: out }, "site");
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
}, 240000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("the online folder holds ribbon.xml, the entry page, the panes and every file they name", () => {
  for (const f of [
    "ribbon.xml",
    "index.html",
    "wps-et.html",
    "wps-writer.html",
    "filemode.html",
    "assets/icon-32.png",
  ])
    expect({ f, exists: existsSync(path.join(out, f)) }).toEqual({ f, exists: true });
  for (const page of ["index.html", "wps-et.html", "wps-writer.html", "filemode.html"]) {
    const html = readFileSync(path.join(out, page), "utf8");
    const json = /<script type=application\/json id=ogi-scripts>([^<]*)<\/script>/.exec(html)?.[1] ?? "{}";
    const list = JSON.parse(json) as { officeJs?: string; bundles?: string[] };
    expect(list.officeJs).toBe("");
    expect(list.bundles?.length).toBeGreaterThan(0);
    for (const b of list.bundles ?? [])
      expect({ page, b, exists: existsSync(path.join(out, b)) }).toEqual({ page, b, exists: true });
    expect({ page, external: html.match(/https?:\/\/[^"' )<]+/g) ?? [] }).toEqual({ page, external: [] });
  }
});

test("the offline package: a .7z of every file of the folder, publish.xml and jsplugins.xml naming it, oem.ini's lines", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { packageWps, NAME } = require("../scripts/wps-package.js") as {
    packageWps: (built: string, out: string, url: string) => { archive: string };
    NAME: string;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { path7za } = require("7zip-bin") as { path7za: string };
  const pkg = path.join(out, "..", `${path.basename(out)}-package`);
  try {
    const { archive } = packageWps(out, pkg, "https://zwgk.example.gov.cn/ogi-wps/");
    const listing = execFileSync(path7za, ["l", "-slt", archive], { encoding: "utf8" });
    // One block per entry, after the archive's own (the one with "Type = 7z"); a folder's attributes start with D.
    const inArchive = listing
      .split(/\r?\n\r?\n/)
      .filter(
        (block) => /^Path = /m.test(block) && !/^Type = /m.test(block) && !/^Attributes = D/m.test(block),
      )
      .map((block) => (/^Path = (.+)$/m.exec(block)?.[1] ?? "").replace(/\\/g, "/"));
    const files = (dir: string, prefix = ""): string[] =>
      readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)],
      );
    expect(inArchive.sort()).toEqual(files(out).sort());
    for (const xml of ["publish.xml", "jsplugins.xml"]) {
      const text = readFileSync(path.join(pkg, xml), "utf8");
      const doc = new DOMParser().parseFromString(text, "text/xml");
      const plugins = Array.from(doc.documentElement?.childNodes ?? []).filter(
        (n) => n.nodeType === 1,
      ) as unknown as {
        getAttribute(n: string): string | null;
      }[];
      expect(plugins.map((p) => [p.getAttribute("name"), p.getAttribute("type")])).toEqual([
        [NAME, "et"],
        [NAME, "wps"],
      ]);
    }
    expect(readFileSync(path.join(pkg, "jsplugins.xml"), "utf8")).toContain(
      'url="https://zwgk.example.gov.cn/ogi-wps/"',
    );
    expect(readFileSync(path.join(pkg, "oem.ini.txt"), "utf8")).toContain(
      "JSPluginsServer=https://zwgk.example.gov.cn/ogi-wps/jsplugins.xml",
    );
  } finally {
    rmSync(pkg, { recursive: true, force: true });
  }
});

const web = needs("chromium");
let browser: Browser;
let site: { url: string; close: () => Promise<void> };
web.beforeAll(async () => {
  site = await serve(out);
  browser = await chromium.launch(CHROMIUM);
}, 60000);
web.afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * The entry page with a fake Application made by `fake` (a createFake* call): the ribbon's button pressed, the
 * pane it opens loaded in a second page over the same fake (as WPS shows it), every other origin refused.
 */
async function openFromRibbon(fake: string) {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 }, locale: "zh-CN" });
  const origin = new URL(site.url).origin;
  const external: string[] = [];
  await context.route("**/*", (route) => {
    if (new URL(route.request().url()).origin === origin) return route.continue();
    external.push(route.request().url());
    return route.abort();
  });
  await context.addInitScript({ content: readFileSync(path.join(__dirname, "fake-wps.js"), "utf8") });
  await context.addInitScript({
    content: `window.__fake = window.${fake}; window.Application = window.__fake.Application;`,
  });
  const entry = await context.newPage();
  const failures: string[] = [];
  entry.on("pageerror", (e) => failures.push(e.message));
  await entry.goto(`${site.url}index.html`);
  await entry.waitForFunction(() => typeof (window as unknown as { ribbon?: unknown }).ribbon === "object");
  const opened = await entry.evaluate(() => {
    const w = window as unknown as {
      ribbon: { OnAction(c: { Id: string }): void; GetImage(c: { Id: string }): string };
      __fake: { state: { panes: { url: string; Visible: boolean }[] } };
    };
    w.ribbon.OnAction({ Id: "ogiOpenPane" });
    return { panes: w.__fake.state.panes, image: w.ribbon.GetImage({ Id: "ogiOpenPane" }) };
  });
  expect(opened.panes).toHaveLength(1);
  expect(opened.image).toBe(`${site.url}assets/icon-32.png`);
  const pane = await context.newPage();
  pane.on("pageerror", (e) => failures.push(e.message));
  await pane.goto(opened.panes[0].url);
  return { context, pane, external, failures, opened: opened.panes[0] };
}

web.test(
  "in WPS 表格: the ribbon button opens the pane; check, compile and write 统计表 into the workbook",
  async () => {
    const sample = sampleWorkbook();
    const workbook = { sheets: sample.sheets.map((s) => ({ name: s.name, rows: excelValues(s.rows) })) };
    const { context, pane, external, failures, opened } = await openFromRibbon(
      `createFakeEt(${JSON.stringify(workbook)})`,
    );
    expect(opened).toMatchObject({ url: `${site.url}wps-et.html`, Visible: true });
    await pane.getByRole("button", { name: "检查登记表" }).click();
    await pane.getByText("登记表检查完毕，没有发现错误。").waitFor();
    await pane.getByRole("tab", { name: "统计" }).click();
    await pane.getByRole("button", { name: /^(重新)?统计$/ }).click();
    await pane.getByRole("button", { name: "写入“统计表”工作表" }).click();
    await pane.getByText("已写入：统计表、校验结果").waitFor();
    const stats = await pane.evaluate(() =>
      (window as unknown as { __fake: { sheetValues(n: string): unknown[][] } }).__fake.sheetValues("统计表"),
    );
    const newRow = stats.find((r) => r.includes("一、本年新收政府信息公开申请数量"));
    const engine = compileWorkbook(sample);
    expect(newRow?.slice(3, 10)).toEqual(engine.tables.t3.new);
    // The report is saved into 下载 through WPS's FileSystem; the pane says where.
    await pane.getByRole("tab", { name: "报告" }).click();
    await pane.getByRole("button", { name: "生成 Word 报告" }).click();
    const where = `C:\\Users\\zw\\Downloads\\${reportFileName(engine.tables)}`;
    await pane.getByText(`报告已保存到：${where}`).waitFor();
    const saved = await pane.evaluate(
      (p) =>
        (window as unknown as { __fake: { state: { files: Map<string, string> } } }).__fake.state.files.get(
          p,
        ),
      where,
    );
    const stored = readStoredReport(
      readZip(
        Uint8Array.from(saved ?? "", (c) => c.charCodeAt(0)),
        "r",
      ),
      "r",
    );
    expect(stored?.tables.t3).toEqual(engine.tables.t3);
    expect(failures).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  },
  120000,
);

web.test(
  "in WPS 文字: the ribbon button opens the Word pane; states, update in place, the rest of the document intact; 检查本文档",
  async () => {
    const wb = sampleWorkbook();
    const before = compileWorkbook(wb);
    const report = await createReport(before);
    retypeApplicant(wb, "法律服务机构");
    const now = compileWorkbook(wb);
    const xlsx = path.join(out, "..", `${path.basename(out)}-本月台账.xlsx`);
    writeFileSync(xlsx, await workbookBuffer(wb));
    const blocks = wpsBlocks(report);
    const { customXml } = wordHoldings(report);
    const initial = { blocks, customXml, file: Array.from(report) };
    const { context, pane, external, failures, opened } = await openFromRibbon(
      `createFakeWps(${JSON.stringify(initial)})`,
    );
    try {
      expect(opened).toMatchObject({ url: `${site.url}wps-writer.html`, Visible: true });
      await pane.getByText("政府信息公开年报助手 · WPS 文字").waitFor();
      await pane.setInputFiles('input[aria-label="选择登记台账"]', xlsx);
      await pane.getByRole("button", { name: "全部更新（1个部分已过期）" }).click();
      await pane.getByText("已更新1个部分。").waitFor();
      await pane.getByRole("button", { name: "全部最新" }).waitFor();
      const after = await pane.evaluate(() => {
        const s = (
          window as unknown as { __fake: { state: { blocks: unknown[]; files: Map<string, string> } } }
        ).__fake.state;
        return { blocks: s.blocks as { text: string; tag?: string; file?: string }[], files: s.files.size };
      });
      const changed = after.blocks.filter((b, i) => JSON.stringify(b) !== JSON.stringify(blocks[i]));
      expect(changed.map((b) => b.tag)).toEqual(["ogi:table3"]);
      expect(after.files).toBe(0);
      // What went into 表三's control: the part with this month's numbers.
      const inserted = textOf(documentXml(Uint8Array.from(changed[0].file ?? "", (c) => c.charCodeAt(0))));
      const label = "一、本年新收政府信息公开申请数量";
      expect(squeeze(inserted)).toContain(label + now.tables.t3.new.join(""));
      expect(squeeze(inserted)).not.toContain(label + before.tables.t3.new.join(""));
      // 检查本文档: the document exported as .docx and read by its labels.
      await pane.getByRole("button", { name: "检查本文档" }).click();
      await pane.getByText(/读取本工具保存在报告中的数据/).waitFor();
      expect(failures).toEqual([]);
      expect(external).toEqual([]);
    } finally {
      await context.close();
      rmSync(xlsx, { force: true });
    }
  },
  120000,
);
