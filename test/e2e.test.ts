/**
 * End to end in Debian's Chromium, driven by playwright-core: the production build served locally; file mode
 * with the demo workbook (check, compile, 表三 equal to the engine's, the report downloaded and opened in
 * LibreOffice; 发布: 年度报告.html, and 图解.png drawn by the canvas); then the Excel page with a fake Office
 * and Excel injected, through compile and 写入统计表.
 * Screenshots of each tab at 350 px go to OGI_SCREENSHOTS when it is set (the README's come from there).
 */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import type { Download, Page } from "playwright-core";
import { compileWorkbook } from "../src/report/compile";
import { getFormat, numberRows } from "../src/report/formats";
import { sampleWorkbook } from "../src/report/sample";
import { workbookBuffer } from "../src/workbook/write";
import { excelValues, retypeApplicant } from "./helpers";
import { pdfText, soffice, squeeze } from "./office";
import { needs } from "./tools";
import { SUPPORT_MESSAGES } from "../src/excel/support";
import { FAKE_OFFICE_JS, FAKE_WORD_OFFICE_JS } from "./serve";
import { browserSite } from "./site";
import { createReport } from "../src/docx";
import { entryBytes, wordHoldings } from "./docx";
import { findSdts } from "../src/docx/ooxml";
import { readZip, xmlText } from "../src/docx/zip";

const shots = process.env.OGI_SCREENSHOTS;
const web = needs("chromium");
const webAndOffice = needs("chromium", "soffice", "pdftotext", "cjkFont");

const site = browserSite(web, "ogi-e2e-");

async function shot(page: Page, name: string) {
  if (!shots) return;
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: false });
}

/** The numbers of 表三 as the pane shows them, by data key. */
async function shownTable3(page: Page): Promise<Record<string, string>> {
  return page.$$eval('table[data-part="table3"] td[data-key]', (tds) =>
    Object.fromEntries(tds.map((td) => [td.getAttribute("data-key") as string, td.textContent ?? ""])),
  );
}

function expectTable3(shown: Record<string, string>, t3: Record<string, (number | null)[]>) {
  const f = getFormat("2021");
  const expected: Record<string, string> = {};
  for (const r of numberRows(f))
    f.t3.columns.forEach((c, i) => (expected[`t3.${r.key}.${c.key}`] = String(t3[r.key][i])));
  expect(shown).toEqual(expected);
}

webAndOffice.test(
  "file mode: open the demo workbook, check, compile, create the report and open it in LibreOffice",
  async () => {
    const xlsx = path.join(site.dir, "示例台账.xlsx");
    writeFileSync(xlsx, await workbookBuffer(sampleWorkbook()));
    const engine = compileWorkbook(sampleWorkbook());
    const context = await site.browser.newContext({
      viewport: { width: 350, height: 900 },
      acceptDownloads: true,
      locale: "zh-CN",
    });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on("pageerror", (e) => failures.push(e.message));
    page.on("requestfailed", (r) => failures.push(`${r.url()} ${r.failure()?.errorText}`));
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.goto(`${site.url}filemode.html`);
    await page.getByRole("tab", { name: "数据" }).waitFor();
    await page.setInputFiles('input[aria-label="选择登记台账"]', xlsx);
    await page.getByText("登记表检查完毕，没有发现错误。").waitFor();
    // The workbook was read off the page's thread, by the reader's own worker.
    expect(workers).toEqual([`${site.url}reader-worker.js`]);
    await shot(page, "pane-data");

    await page.getByRole("tab", { name: "统计" }).click();
    await page.getByRole("button", { name: /^(重新)?统计$/ }).click();
    await page.locator('table[data-part="table3"]').waitFor();
    await page.getByText("校验全部通过").waitFor();
    expectTable3(await shownTable3(page), engine.tables.t3);
    await shot(page, "pane-stats");

    await page.getByRole("tab", { name: "报告" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "生成 Word 报告" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("云溪区住房和城乡建设局2025年政府信息公开工作年度报告.docx");
    const docx = path.join(site.dir, "下载的报告.docx");
    await download.saveAs(docx);
    await page.getByText("报告已生成并下载。").waitFor();
    await page.waitForFunction(() => !document.querySelector("button[disabled]"));
    await shot(page, "pane-report");
    const text = pdfText(soffice(docx, "pdf", site.dir));
    for (const s of getFormat("2021").sections) expect(text).toContain(squeeze(s.heading));
    expect(text).toContain(squeeze(engine.sentences["s3.outcomes"]));

    // 发布: the web page, then the 图解 — its PNG drawn by this browser's canvas, 1080 px wide, and its SVG.
    const [html] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载网页版（年度报告.html）" }).click(),
    ]);
    expect(html.suggestedFilename()).toBe("年度报告.html");
    const pageText = readFileSync(await html.path(), "utf8");
    expect(pageText).toMatch(new RegExp(`<td[^>]*>${engine.tables.t3.new[6]}</td>`));
    await page.getByText("网页版已生成并下载。").waitFor();
    const graphic: Download[] = [];
    page.on("download", (d) => void graphic.push(d));
    await page.getByRole("button", { name: "下载图解（图解.png、图解.svg）" }).click();
    await page.getByText("图解已生成并下载。").waitFor({ timeout: 60000 });
    for (let i = 0; i < 50 && graphic.length < 2; i++) await page.waitForTimeout(100);
    const [png, svg] = graphic;
    expect([png.suggestedFilename(), svg.suggestedFilename()]).toEqual(["图解.png", "图解.svg"]);
    const pngBytes = readFileSync(await png.path());
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngBytes.readUInt32BE(16)).toBe(1080);
    expect(pngBytes.readUInt32BE(20)).toBeGreaterThan(1800);
    expect(readFileSync(await svg.path(), "utf8")).toContain(`>${engine.tables.t3.new[6]}</text>`);

    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByRole("button", { name: "保存设置" }).waitFor();
    await shot(page, "pane-settings");
    // A file that is not a workbook: a Chinese message, and the pane keeps working.
    await page.getByRole("tab", { name: "数据" }).click();
    const bad = path.join(site.dir, "名单.xlsx");
    writeFileSync(bad, "编号,日期\n1,2025-01-01\n");
    await page.setInputFiles('input[aria-label="选择登记台账"]', bad);
    await page.getByText(/无法读取「名单\.xlsx」：文件不是 \.xlsx 格式/).waitFor();
    expect(failures).toEqual([]);
    await context.close();
  },
  180000,
);

web.test(
  "Excel mode with a fake Office and Excel host: check, compile, write 统计表",
  async () => {
    const sample = sampleWorkbook();
    const workbook = {
      sheets: sample.sheets.map((s) => ({
        name: s.name,
        rows: excelValues(s.rows),
      })),
    };
    const engine = compileWorkbook(sample);
    const context = await site.browser.newContext({ viewport: { width: 350, height: 900 }, locale: "zh-CN" });
    await context.addInitScript({ content: `window.__OGI_WORKBOOK__ = ${JSON.stringify(workbook)};` });
    await context.addInitScript({ content: readFileSync(path.join(__dirname, "fake-excel.js"), "utf8") });
    await context.route("**/office-js/office.js", (route) =>
      route.fulfill({ contentType: "text/javascript", body: FAKE_OFFICE_JS }),
    );
    const page = await context.newPage();
    const failures: string[] = [];
    page.on("pageerror", (e) => failures.push(e.message));
    await page.goto(`${site.url}taskpane.html`);
    await page.getByRole("button", { name: "创建登记表" }).waitFor();
    await page.getByRole("button", { name: "检查登记表" }).click();
    await page.getByText("登记表检查完毕，没有发现错误。").waitFor();
    await shot(page, "excel-data");
    await page.getByRole("tab", { name: "统计" }).click();
    await page.getByRole("button", { name: /^(重新)?统计$/ }).click();
    await page.locator('table[data-part="table3"]').waitFor();
    expectTable3(await shownTable3(page), engine.tables.t3);
    await page.getByRole("button", { name: "写入“统计表”工作表" }).click();
    await page.getByText("已写入：统计表、校验结果").waitFor();
    await shot(page, "excel-stats");
    const state = await page.evaluate(() => {
      const f = (
        window as unknown as {
          __fake: {
            state: { ops: { sheet: string | null }[]; syncs: number };
            sheetValues: (n: string) => unknown[][];
          };
        }
      ).__fake;
      return {
        sheets: [...new Set(f.state.ops.map((o) => o.sheet).filter(Boolean))],
        stats: f.sheetValues("统计表"),
      };
    });
    expect(state.sheets.sort()).toEqual(["校验结果", "统计表"]);
    const newRow = state.stats.find((r) => r.includes("一、本年新收政府信息公开申请数量"));
    expect(newRow?.slice(3, 10)).toEqual(engine.tables.t3.new);
    // 查看明细: a number selected on the 统计表 sheet → the rows behind it → one of them selected in its sheet.
    const at = state.stats.findIndex((r) => r.includes("6.属于四类过程性信息"));
    const n = engine.tables.t3.d6[0] as number;
    expect(state.stats[at][3]).toBe(n);
    await page.evaluate(
      (address) => {
        (window as unknown as { __fake: { state: { selected: unknown } } }).__fake.state.selected = {
          sheet: "统计表",
          address,
        };
      },
      `D${at + 1}`,
    );
    await page.getByRole("button", { name: "查看明细" }).click();
    await page.getByText(`表三「6.属于四类过程性信息」「自然人」 = ${n}`).waitFor();
    const rows = page.getByRole("list", { name: "计入此数的登记行" }).getByRole("button");
    expect(await rows.count()).toBe(n);
    const first = Number(/第(\d+)行/.exec((await rows.first().textContent()) ?? "")?.[1]);
    await rows.first().click();
    await page.waitForFunction(
      (row) =>
        (window as unknown as { __fake: { state: { selected: { address: string } } } }).__fake.state.selected
          .address === `A${row}:XFD${row}`,
      first,
    );
    await shot(page, "excel-explain");
    expect(failures).toEqual([]);
    await context.close();
  },
  120000,
);

web.test(
  "the Word pane with a fake Office and Word host: states of a stale report, update all, the rest intact",
  async () => {
    // The document: a report made from last month's workbook, where one application was typed differently.
    const lastMonth = sampleWorkbook();
    retypeApplicant(lastMonth, "科研机构");
    const { controls, customXml } = wordHoldings(await createReport(compileWorkbook(lastMonth)));
    const xlsx = path.join(site.dir, "本月台账.xlsx");
    writeFileSync(xlsx, await workbookBuffer(sampleWorkbook()));

    const context = await site.browser.newContext({ viewport: { width: 350, height: 900 }, locale: "zh-CN" });
    await context.addInitScript({
      content: `window.__OGI_DOCUMENT__ = ${JSON.stringify({ controls: [...controls, { tag: "其他控件", text: "别人的内容" }], customXml })};`,
    });
    await context.addInitScript({ content: readFileSync(path.join(__dirname, "fake-word.js"), "utf8") });
    await context.route("**/office-js/office.js", (route) =>
      route.fulfill({ contentType: "text/javascript", body: FAKE_WORD_OFFICE_JS }),
    );
    const page = await context.newPage();
    const failures: string[] = [];
    page.on("pageerror", (e) => failures.push(e.message));
    await page.goto(`${site.url}wordpane.html`);
    await page.setInputFiles('input[aria-label="选择登记台账"]', xlsx);
    await page.getByRole("button", { name: "全部更新（1个部分已过期）" }).waitFor();
    const states = await page.$$eval("li[data-part]", (lis) =>
      Object.fromEntries(
        lis.map((li) => [li.getAttribute("data-part"), li.querySelector("[data-state]")?.textContent]),
      ),
    );
    expect(states.table3).toBe("已过期");
    expect(
      Object.entries(states)
        .filter(([, v]) => v !== "最新")
        .map(([k, v]) => `${k} ${v}`),
    ).toEqual(["table3 已过期", "graphic 未插入"]);
    await shot(page, "word-states");
    await page.getByRole("button", { name: "全部更新（1个部分已过期）" }).click();
    await page.getByText("已更新1个部分。").waitFor();
    await page.getByRole("button", { name: "全部最新" }).waitFor();
    await expect(page.getByRole("list", { name: "改动" }).textContent()).resolves.toMatch(
      /表三「一、本年新收政府信息公开申请数量」「科研机构」：\d+ → \d+/,
    );
    await shot(page, "word-updated");
    const after = await page.evaluate(() => {
      const f = (
        window as unknown as {
          __fake: {
            state: { controls: { tag: string; text: string }[]; ops: { op: string; tag?: string }[] };
          };
        }
      ).__fake;
      return { controls: f.state.controls.map((c) => ({ tag: c.tag, text: c.text })), ops: f.state.ops };
    });
    expect(after.ops.filter((o) => o.op === "insertFile").map((o) => o.tag)).toEqual(["ogi:table3"]);
    expect(after.controls.map((c) => c.tag)).toEqual([...controls.map((c) => c.tag), "其他控件"]);
    for (const c of [...controls, { tag: "其他控件", text: "别人的内容" }].filter(
      (x) => x.tag !== "ogi:table3",
    ))
      expect(after.controls.find((x) => x.tag === c.tag)?.text).toBe(c.text);
    // The 图解 inserted at the cursor: drawn by Chromium's canvas, in its control, 1080 px wide.
    await page.locator('li[data-part="graphic"]').getByRole("button", { name: "插入" }).click();
    await page.getByText("已在光标处插入「图解」。").waitFor();
    const inserted = await page.evaluate(
      () => (window as unknown as { __fake: { state: { inserted: string[] } } }).__fake.state.inserted,
    );
    expect(inserted).toHaveLength(1);
    const part = readZip(new Uint8Array(Buffer.from(inserted[0], "base64")), "图解");
    const partXml = xmlText(part, "word/document.xml", "图解") as string;
    expect(findSdts(partXml).map((s) => s.tag)).toEqual(["ogi:graphic"]);
    expect(partXml).toMatch(/<wp:docPr\b[^>]*descr="[^"]*本年新收政府信息公开申请数量\d+/);
    const media = part.entries.filter((e) => e.name.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(Buffer.from(entryBytes(part, media[0].name) ?? []).readUInt32BE(16)).toBe(1080);
    expect(failures).toEqual([]);
    await context.close();
  },
  120000,
);

describe("an intranet without internet, and old Office", () => {
  const IE11 = "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko";

  /** A context in which every request to another origin is blocked and recorded; Office.js faked if given. */
  async function offline(fakeOffice?: string, userAgent?: string) {
    const context = await site.browser.newContext({
      viewport: { width: 350, height: 800 },
      locale: "zh-CN",
      userAgent,
    });
    const origin = new URL(site.url).origin;
    const external: string[] = [];
    const requested: string[] = [];
    await context.addInitScript({ content: readFileSync(path.join(__dirname, "fake-excel.js"), "utf8") });
    await context.addInitScript({ content: readFileSync(path.join(__dirname, "fake-word.js"), "utf8") });
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (new URL(url).origin !== origin) {
        external.push(url);
        return route.abort();
      }
      requested.push(new URL(url).pathname);
      if (fakeOffice && url.endsWith("/office-js/office.js"))
        return route.fulfill({ contentType: "text/javascript", body: fakeOffice });
      return route.continue();
    });
    return { context, external, requested };
  }

  web.test(
    "both panes, the start page and file mode render with every other origin blocked; nothing is asked of it",
    async () => {
      const excel = await offline(FAKE_OFFICE_JS);
      const page = await excel.context.newPage();
      await page.goto(`${site.url}filemode.html`);
      await page.getByRole("button", { name: "检查登记表" }).waitFor();
      await page.goto(`${site.url}taskpane.html`);
      await page.getByRole("button", { name: "创建登记表" }).waitFor();
      // The start page opens the Excel pane in Excel…
      await page.goto(`${site.url}index.html`);
      await page.waitForURL(/taskpane\.html$/);
      await page.getByRole("button", { name: "创建登记表" }).waitFor();
      await excel.context.close();
      // …and the Word pane in Word.
      const word = await offline(FAKE_WORD_OFFICE_JS);
      const wpage = await word.context.newPage();
      await wpage.goto(`${site.url}index.html`);
      await wpage.waitForURL(/wordpane\.html$/);
      await wpage.getByText("政府信息公开年报助手 · Word").waitFor();
      await word.context.close();
      expect([...excel.external, ...word.external]).toEqual([]);
      // The real Office.js of the build, outside Office, asks nothing of another origin either.
      const real = await offline();
      const rpage = await real.context.newPage();
      await rpage.goto(`${site.url}index.html`);
      await rpage.waitForFunction(
        () => typeof (window as unknown as { Office?: unknown }).Office === "object",
      );
      await rpage.waitForTimeout(1500);
      expect(real.external).toEqual([]);
      expect(real.requested).toContain("/office-js/office.js");
      await real.context.close();
    },
  );

  web.test(
    "the Excel pane on an Excel without dropdowns (ExcelApi 1.7) and on one without sheet access (1.1), no custom functions",
    async () => {
      const found: Record<string, string> = {};
      for (const excelApi of ["1.7", "1.1"]) {
        const old = await offline(FAKE_OFFICE_JS);
        await old.context.addInitScript({
          content: `window.__OGI_EXCEL_PROFILE__ = ${JSON.stringify({ excelApi, customFunctions: false })};`,
        });
        const page = await old.context.newPage();
        const failures: string[] = [];
        page.on("pageerror", (e) => failures.push(e.message));
        await page.goto(`${site.url}taskpane.html`);
        if (excelApi === "1.7") {
          await page.getByRole("button", { name: "创建登记表" }).click();
          found[excelApi] = (await page.getByText(/^已创建：/).textContent()) ?? "";
          const missing = await page.evaluate(
            () =>
              (window as unknown as { __fake: { state: { apiNotFound: string[] } } }).__fake.state
                .apiNotFound,
          );
          expect(missing).toEqual([]);
        } else {
          await page.getByLabel("选择登记台账").waitFor();
          found[excelApi] = (await page.getByText(/不支持本加载项读写工作表/).textContent()) ?? "";
        }
        expect(failures).toEqual([]);
        expect(old.external).toEqual([]);
        await old.context.close();
      }
      expect(found["1.7"]).toContain(SUPPORT_MESSAGES.noDropdowns);
      expect(found["1.1"]).toBe(SUPPORT_MESSAGES.noSheets);
    },
  );

  web.test(
    "in IE11's webview every page says in Chinese what to do, with file mode's address, and loads no bundle",
    async () => {
      const ie = await offline(FAKE_OFFICE_JS, IE11);
      const page = await ie.context.newPage();
      for (const name of ["index.html", "taskpane.html", "wordpane.html", "filemode.html"]) {
        await page.goto(`${site.url}${name}`);
        const alert = page.getByRole("alert");
        await alert.waitFor();
        expect(await alert.textContent()).toContain("需要 Office 2021");
        expect(await page.locator("#ogi-file-mode").getAttribute("href")).toBe(`${site.url}filemode.html`);
      }
      const bundles = ie.requested.filter((p) => p.endsWith(".js") && !p.startsWith("/office-js/"));
      expect(bundles).toEqual([]);
      expect(ie.external).toEqual([]);
      await ie.context.close();
    },
  );
});
