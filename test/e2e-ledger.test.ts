/**
 * #22 in Debian's Chromium, on the production build: 识别台账 (an agency's own ledger, its question answered in
 * the pane and the answers kept — the 对应关系 sheet in Excel, a downloaded 对应关系.csv picked again in file
 * mode), 直接填写统计表 (a blank 统计表 to type in), and the 统计 tab at Excel's default 350 px and at 500 px:
 * 表三 and 表四 in view without scrolling sideways, many findings folded to their count; #29's ledger (是否收费
 * holding 是/否: every row counted, the fee a 提示; a column that holds back most rows listed first). What each
 * ledger row means is written by hand (test/helpers.ts's smallLedger, issueCsv here), never taken from the code
 * under test.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import type { Page } from "playwright-core";
import { excelValues, smallLedger } from "./helpers";
import { needs } from "./tools";
import { FAKE_OFFICE_JS } from "./serve";
import { browserSite } from "./site";

const shots = process.env.OGI_SCREENSHOTS;
const web = needs("chromium");

const site = browserSite(web, "ogi-e2e-ledger-");

const ANSWER = "（一）予以公开";
/** The small ledger as an online system exports it: CSV, UTF-8 with a BOM, dates as text. */
function ledgerCsv(): string {
  const rows = smallLedger().sheets[0].rows.map((r) =>
    r.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ""))),
  );
  return "\ufeff" + rows.map((r) => r.join(",")).join("\r\n") + "\r\n";
}

/** A screenshot of the whole pane to OGI_SCREENSHOTS, when it is set (the README's come from there). */
async function shot(page: Page, name: string) {
  if (shots) await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}

/** A number of 表三 as the pane shows it. */
const shown = (page: Page, key: string) => page.locator(`td[data-key="t3.${key}"]`).textContent();

/** Whether 表三's and 表四's boxes and the page itself need no sideways scroll. */
async function fitsWidth(page: Page): Promise<{ tables: boolean[]; page: boolean }> {
  return page.evaluate(() => ({
    tables: ["table3", "table4"].map((part) => {
      const box = document.querySelector(`table[data-part="${part}"]`)?.parentElement;
      return !!box && box.scrollWidth <= box.clientWidth + 1;
    }),
    page: document.documentElement.scrollWidth <= window.innerWidth,
  }));
}

async function filePage(width: number) {
  const context = await site.browser.newContext({
    viewport: { width, height: 900 },
    acceptDownloads: true,
    locale: "zh-CN",
  });
  const page = await context.newPage();
  const failures: string[] = [];
  page.on("pageerror", (e) => failures.push(e.message));
  await page.goto(`${site.url}filemode.html`);
  await page.getByRole("tab", { name: "数据" }).waitFor();
  return { context, page, failures };
}

web.test(
  "file mode: a CSV ledger's question answered, 对应关系.csv downloaded and picked again; 表三 and 表四 fit 350 and 500 px",
  async () => {
    const csv = path.join(site.dir, "台账.csv");
    writeFileSync(csv, ledgerCsv());
    const { context, page, failures } = await filePage(350);
    await page.setInputFiles('input[aria-label="选择登记台账"]', csv);
    await page.getByText(/还有1种写法需要确认（2行暂不计入）/).waitFor();
    const found = await page.getByRole("list", { name: "识别出的登记表" }).textContent();
    expect(found).toContain("「台账」作为依申请公开登记");
    await shot(page, "pane-ledger");
    await page.getByLabel("办理结果「已答复」（2行）").selectOption({ label: ANSWER });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "保存对应关系" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("对应关系.csv");
    const answers = path.join(site.dir, "对应关系.csv");
    await download.saveAs(answers);
    expect(readFileSync(answers, "utf8")).toContain(`"办理结果","已答复","${ANSWER}"`);
    await page.getByText(/已下载对应关系\.csv，并已按它重新统计/).waitFor();
    await page.getByRole("tab", { name: "统计" }).click();
    await page.getByRole("button", { name: /^(重新)?统计$/ }).click();
    await page.locator('table[data-part="table3"]').waitFor();
    // By hand (test/helpers.ts): 予以公开 自然人 3, 商业企业 1, 总计 4; 本年新收 5.
    expect([
      await shown(page, "grant.natural"),
      await shown(page, "grant.business"),
      await shown(page, "grant.total"),
      await shown(page, "new.total"),
    ]).toEqual(["3", "1", "4", "5"]);
    expect(await fitsWidth(page)).toEqual({ tables: [true, true], page: true });
    await shot(page, "pane-stats-350");
    // A short row label keeps its full label for hover and for screen readers.
    const label = page.locator('table[data-part="table3"] td[title="（三）不予公开"]');
    expect((await label.textContent())?.startsWith("（三）")).toBe(true);
    await expect(
      page.locator('td[data-key="t3.grant.natural"] button').getAttribute("aria-label"),
    ).resolves.toBe("表三「（一）予以公开」「自然人」：3");
    expect(failures).toEqual([]);
    await context.close();

    // Next time, at 500 px: the ledger, then the 对应关系.csv kept from before — nothing left to ask.
    const again = await filePage(500);
    await again.page.setInputFiles('input[aria-label="选择登记台账"]', csv);
    await again.page.getByText(/还有1种写法需要确认/).waitFor();
    await again.page.setInputFiles('input[aria-label="选择对应关系"]', answers);
    await again.page.getByText("已载入对应关系「对应关系.csv」：1条。").waitFor();
    expect(await again.page.getByRole("button", { name: "保存对应关系" }).count()).toBe(0);
    await again.page.getByRole("tab", { name: "统计" }).click();
    await again.page.getByRole("button", { name: /^(重新)?统计$/ }).click();
    await again.page.locator('table[data-part="table3"]').waitFor();
    expect(await shown(again.page, "grant.total")).toBe("4");
    expect(await fitsWidth(again.page)).toEqual({ tables: [true, true], page: true });
    expect(again.failures).toEqual([]);
    await again.context.close();
  },
  180000,
);

web.test(
  "file mode: 直接填写统计表 downloads a blank 统计表; typed in and picked, its numbers show and many blanks fold",
  async () => {
    const { context, page, failures } = await filePage(350);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "直接填写统计表" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("统计表.xlsx");
    const blank = path.join(site.dir, "空白统计表.xlsx");
    await download.saveAs(blank);
    await page.getByText(/已下载空白的统计表\.xlsx/).waitFor();
    // Typed in by the test: 本年新收 and 予以公开, 自然人 (the first number column under its header).
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(blank);
    const ws = wb.getWorksheet("统计表");
    if (!ws) throw new Error("no 统计表 sheet");
    let natural = 0;
    ws.eachRow((row) => row.eachCell((c, col) => void (c.value === "自然人" && (natural = col))));
    ws.eachRow((row) => {
      const first = String(row.getCell(1).value ?? "") + String(row.getCell(2).value ?? "");
      if (first.includes("本年新收") || String(row.getCell(2).value ?? "").endsWith("予以公开"))
        row.getCell(natural).value = 6;
    });
    const typed = path.join(site.dir, "填好的统计表.xlsx");
    await wb.xlsx.writeFile(typed);
    await page.setInputFiles('input[aria-label="选择登记台账"]', typed);
    await page.getByRole("tab", { name: "统计" }).click();
    await page.getByRole("button", { name: /^(重新)?统计$/ }).click();
    await page.locator('table[data-part="table3"]').waitFor();
    expect([await shown(page, "new.natural"), await shown(page, "grant.natural")]).toEqual(["6", "6"]);
    // The blanks (F2) are many: folded behind their count, opened by keyboard.
    const summary = page.getByText(/^查看全部\d+条校验结果$/);
    await summary.waitFor();
    expect(await page.getByRole("list", { name: "校验结果" }).isVisible()).toBe(false);
    await summary.focus();
    await page.keyboard.press("Enter");
    await page.getByRole("list", { name: "校验结果" }).waitFor();
    expect(await fitsWidth(page)).toEqual({ tables: [true, true], page: true });
    expect(failures).toEqual([]);
    await context.close();
  },
  120000,
);

web.test(
  "Excel (fake host) at 350 px: 识别台账 writes the answer into 对应关系 only; 直接填写统计表 where nothing was found",
  async () => {
    const ledger = smallLedger().sheets[0];
    const open = async (sheets: { name: string; rows: unknown[][] }[]) => {
      const context = await site.browser.newContext({
        viewport: { width: 350, height: 900 },
        locale: "zh-CN",
      });
      await context.addInitScript({ content: `window.__OGI_WORKBOOK__ = ${JSON.stringify({ sheets })};` });
      await context.addInitScript({ content: readFileSync(path.join(__dirname, "fake-excel.js"), "utf8") });
      await context.route("**/office-js/office.js", (route) =>
        route.fulfill({ contentType: "text/javascript", body: FAKE_OFFICE_JS }),
      );
      const page = await context.newPage();
      const failures: string[] = [];
      page.on("pageerror", (e) => failures.push(e.message));
      await page.goto(`${site.url}taskpane.html`);
      return { context, page, failures };
    };
    const fakeState = (page: Page) =>
      page.evaluate(() => {
        const f = (
          window as unknown as {
            __fake: {
              state: { ops: { sheet: string | null; op: string }[] };
              sheetValues: (n: string) => unknown[][] | null;
            };
          }
        ).__fake;
        return {
          written: [...new Set(f.state.ops.filter((o) => o.op !== "activate").map((o) => o.sheet))],
          answers: f.sheetValues("对应关系"),
          stats: f.sheetValues("统计表"),
        };
      });

    const { context, page, failures } = await open([{ name: ledger.name, rows: excelValues(ledger.rows) }]);
    await page.getByRole("button", { name: "检查登记表" }).click();
    await page.getByText(/还有1种写法需要确认（2行暂不计入）/).waitFor();
    expect(await page.getByRole("button", { name: "直接填写统计表" }).count()).toBe(0);
    await page.getByLabel("办理结果「已答复」（2行）").selectOption({ label: ANSWER });
    await page.getByRole("button", { name: "保存对应关系" }).click();
    await page.getByText("已写入「对应关系」工作表，并已重新统计。").waitFor();
    const after = await fakeState(page);
    expect(after.written).toEqual(["对应关系"]);
    expect(after.answers).toEqual([
      ["项目", "台账中的写法", "对应为"],
      ["办理结果", "已答复", ANSWER],
    ]);
    await page.getByRole("tab", { name: "统计" }).click();
    await page.getByRole("button", { name: /^(重新)?统计$/ }).click();
    await page.locator('table[data-part="table3"]').waitFor();
    expect(await shown(page, "grant.total")).toBe("4");
    expect(await fitsWidth(page)).toEqual({ tables: [true, true], page: true });
    expect(failures).toEqual([]);
    await context.close();

    const empty = await open([{ name: "Sheet1", rows: [] }]);
    await empty.page.getByRole("button", { name: "直接填写统计表" }).click();
    await empty.page.getByText(/已创建「统计表」工作表/).waitFor();
    const made = await fakeState(empty.page);
    expect(made.written).toEqual(["统计表"]);
    expect(made.stats?.some((r) => r.includes("一、本年新收政府信息公开申请数量"))).toBe(true);
    expect(empty.failures).toEqual([]);
    await empty.context.close();
  },
  120000,
);

/**
 * #29's ledger as CSV: a title row, 60 applications of 个人 answered 同意公开 in 2025 (so 表三 is 60 in 本年新收 and
 * in 予以公开, counted by hand), 是否收费 holding 是/否, a 备注 column; `unread` of the 申请时间 written with no
 * year or day (「3月5号」), which no reader can place.
 */
function issueCsv(unread: number): string {
  const rows = [
    ["某区教育局2025年政府信息公开申请登记台账"],
    ["序号", "申请人", "申请人类型", "申请时间", "答复时间", "答复结果", "是否收费", "备注"],
  ];
  for (let i = 0; i < 60; i++) {
    const m = 1 + (i % 12);
    rows.push([
      String(i + 1),
      `申请人${i + 1}`,
      "个人",
      i < unread ? "3月5号" : `2025-${m}-${1 + (i % 20)}`,
      `2025-${m}-${5 + (i % 20)}`,
      "同意公开",
      i % 10 === 0 ? "是" : "否",
      i % 7 === 0 ? "申请人来电询问进度" : "",
    ]);
  }
  return "\ufeff" + rows.map((r) => r.join(",")).join("\r\n") + "\r\n";
}

web.test(
  "file mode, #29's ledger: all 60 counted with 是否收费 as a flag (fee unknown, no error); a column that holds back 48 rows is listed first",
  async () => {
    const clean = path.join(site.dir, "教育局台账.csv");
    writeFileSync(clean, issueCsv(0));
    const { context, page, failures } = await filePage(350);
    await page.setInputFiles('input[aria-label="选择登记台账"]', clean);
    const found = page.getByRole("list", { name: "识别出的登记表" });
    await found.waitFor();
    expect(await found.textContent()).toContain("是否收费：「是否收费」");
    const issues = page.getByRole("list", { name: "登记表问题" });
    await issues.waitFor();
    const items = await issues.locator("li").allTextContents();
    const fee = items.filter((t) => t.includes("台账只有「是否收费」一列，没有金额，信息处理费无法统计"));
    expect(fee).toHaveLength(1);
    expect(fee[0]).toContain("[提示]");
    expect(items.filter((t) => t.includes("[错误]"))).toEqual([]);
    await page.getByRole("tab", { name: "统计" }).click();
    await page.getByRole("button", { name: /^(重新)?统计$/ }).click();
    await page.locator('table[data-part="table3"]').waitFor();
    expect([await shown(page, "new.total"), await shown(page, "grant.natural")]).toEqual(["60", "60"]);
    expect(failures).toEqual([]);
    await context.close();

    const bad = path.join(site.dir, "日期没写全的台账.csv");
    writeFileSync(bad, issueCsv(48));
    const again = await filePage(350);
    await again.page.setInputFiles('input[aria-label="选择登记台账"]', bad);
    const list = again.page.getByRole("list", { name: "登记表问题" });
    await list.waitFor();
    const first = await list.locator("li").first().textContent();
    expect(first).toContain(
      "「收到日期」列（表头写作「申请时间」）有48行的值无法读取（如「3月5号」），这些行未计入；请检查这一列",
    );
    expect(again.failures).toEqual([]);
    await again.context.close();
  },
  180000,
);
