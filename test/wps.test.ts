/**
 * The WPS add-in as built (npm run build:wps): the folder holds every file its pages and ribbon.xml name, and
 * end to end in Chromium with a fake WPS Application injected — the ribbon's button opens the pane, which checks,
 * compiles and writes 统计表 into the fake workbook; nothing is asked of another origin. No WPS runs here.
 */
import { execFileSync } from "child_process";
import { DOMParser } from "@xmldom/xmldom";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import webpack from "webpack";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { excelValues } from "./helpers";
import { CHROMIUM, serve } from "./serve";
import { needs } from "./tools";

const root = path.resolve(__dirname, "..");
const out = mkdtempSync(path.join(os.tmpdir(), "ogi-wps-"));

beforeAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFn = require(path.join(root, "webpack.config.js")) as (
    env: object,
    o: object,
  ) => Promise<webpack.Configuration>;
  const config = await configFn({ wps: true, outDir: out }, { mode: "production" });
  await new Promise<void>((resolve, reject) =>
    webpack({ ...config, context: root }, (err, s) =>
      err || !s || s.hasErrors() ? reject(err ?? new Error(s?.toString("errors-only"))) : resolve(),
    ),
  );
}, 240000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

test("the online folder holds ribbon.xml, the entry page, the panes and every file they name", () => {
  for (const f of ["ribbon.xml", "index.html", "wps-et.html", "filemode.html", "assets/icon-32.png"])
    expect({ f, exists: existsSync(path.join(out, f)) }).toEqual({ f, exists: true });
  for (const page of ["index.html", "wps-et.html", "filemode.html"]) {
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
    const inArchive = [...listing.matchAll(/^Path = (.+)$/gm)].map((m) => m[1].replace(/\\/g, "/")).slice(1);
    const files = (dir: string, prefix = ""): string[] =>
      readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? files(dir, path.posix.join(prefix, e.name)) : [path.posix.join(prefix, e.name)],
      );
    expect(inArchive.filter((p) => p.includes(".")).sort()).toEqual(files(out).sort());
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

web.test(
  "in WPS 表格: the ribbon button opens the pane; check, compile and write 统计表 into the workbook",
  async () => {
    const sample = sampleWorkbook();
    const workbook = { sheets: sample.sheets.map((s) => ({ name: s.name, rows: excelValues(s.rows) })) };
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
      content: `window.__fake = window.createFakeEt(${JSON.stringify(workbook)}); window.Application = window.__fake.Application;`,
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
    expect(opened.panes[0]).toMatchObject({ url: `${site.url}wps-et.html`, Visible: true });
    expect(opened.image).toBe(`${site.url}assets/icon-32.png`);
    // The pane WPS would show, over the same (fake) workbook.
    const pane = await context.newPage();
    pane.on("pageerror", (e) => failures.push(e.message));
    await pane.goto(opened.panes[0].url);
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
    expect(newRow?.slice(3, 10)).toEqual(compileWorkbook(sample).tables.t3.new);
    expect(failures).toEqual([]);
    expect(external).toEqual([]);
    await context.close();
  },
  120000,
);
