/**
 * #23 in Debian's Chromium, on the production build: file mode's 审核与汇总 with a unit that sent its report as
 * PDF (a report page printed to PDF by this browser, the way people make them) and one whose tables do not add
 * up, against a list of units. pdf.js loads from the add-in's own pdfjs/ folder and parses in its worker; the
 * PDF's numbers reach the total exactly; the .zip downloaded holds the review workbook (read back) and the
 * letter for the unit to correct. Expected numbers are the published 淮安 tables (test/fixtures) and the
 * engine's compile of the sample register, added up here. Then the old formats offices still send, in the same
 * pane: a .doc and an .xls saved by LibreOffice, an OFD, a 统计表 under WPS 表格's .et name.
 */
import { REVIEW_SHEET_NAMES } from "../src/report/reviewSheets";
import { unzipSync } from "fflate";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { huaianTables } from "./fixtures";
import { cmapPdf } from "./pdfs";
import { reportHtml } from "./reports";
import { needs } from "./tools";
import { browserSite } from "./site";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import type { TableSet } from "../src/report/tables/tables";
import { readWorkbook } from "../src/workbook/read";
import { statisticsWorkbookBuffer } from "../src/workbook/statistics";
import { workbookBuffer } from "../src/workbook/write";
import { sofficeAll } from "./office";
import { reportOfd } from "./ofd";

const web = needs("chromium", "cjkFont");
const site = browserSite(web, "ogi-e2e-review-");

web.test(
  "审核与汇总 in file mode: a PDF unit read in the browser, a unit to correct, a missing one; the .zip read back",
  async () => {
    const huaian: TableSet = { ...huaianTables(), agency: "淮安市某局", year: 2025 };
    const other = compileWorkbook(sampleWorkbook({ agency: "乙局" }), { year: 2025 }).tables;
    (other.t3.total as number[])[0] += 3;
    const context = await site.browser.newContext({
      viewport: { width: 350, height: 900 },
      acceptDownloads: true,
      locale: "zh-CN",
    });
    const printer = await context.newPage();
    await printer.setContent(reportHtml(huaian));
    const pdf = path.join(site.dir, "淮安市某局.pdf");
    writeFileSync(pdf, await printer.pdf({ format: "A4" }));
    await printer.close();
    // 丁局's PDF writes Chinese in a font it does not embed (STSong-Light, UniGB-UCS2-H): read only through the
    // CMaps the add-in serves. Its file name does not name it: its title does, once decoded.
    const cmap = path.join(site.dir, "d.pdf");
    writeFileSync(cmap, cmapPdf(["丁局2025年政府信息公开工作年度报告", "一、总体情况"]));
    const json = path.join(site.dir, "乙局.json");
    writeFileSync(json, JSON.stringify(other));
    // The list gives 淮安市某局's publication date (the PDF printed here carries only today's creation date, which
    // would be a 提示 at most): the list's date wins, on time.
    const list = path.join(site.dir, "单位名单.csv");
    writeFileSync(list, "单位名称,发布日期\n淮安市某局,2026-01-20\n乙局,\n丙局,\n");

    const page = await context.newPage();
    const failures: string[] = [];
    page.on("pageerror", (e) => failures.push(e.message));
    const origin = new URL(site.url).origin;
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    const served = new Map<string, number>();
    page.on("response", (r) => served.set(new URL(r.url()).pathname.replace(/^.*\//, ""), r.status()));
    await page.goto(`${site.url}filemode.html`);
    await page.getByRole("tab", { name: "审核与汇总" }).click();
    await page.setInputFiles('input[aria-label="选择单位名单"]', list);
    await page.getByText("单位名单：3 个单位，其中 1 个写明了发布或报送日期").waitFor();
    await page.setInputFiles('input[aria-label="选择各单位的文件"]', [pdf, json, cmap]);
    const overview = page.getByRole("table", { name: "总览" });
    await overview.waitFor({ timeout: 60000 });
    const status = (unit: string) =>
      overview.locator(`tr[data-unit="${unit}"] td[data-status]`).textContent();
    expect(await status("淮安市某局")).toBe("通过");
    expect(await status("乙局")).toBe("需修改");
    expect(await status("丙局")).toBe("未报送");
    // Named by its title, read through the CMap fetched from this server; no table in it, so not counted.
    expect(await status("丁局")).toBe("无法读取");
    expect(served.get("UniGB-UCS2-H.bcmap")).toBe(200);
    // pdf.js from this server only, its worker off the page's thread.
    expect(requested.filter((u) => !u.startsWith(origin))).toEqual([]);
    expect(requested.map((u) => new URL(u).pathname.replace(/^.*\//, ""))).toEqual(
      expect.arrayContaining(["pdf.min.mjs", "pdf.worker.min.mjs"]),
    );
    // The total: the PDF's numbers exactly, added to the other unit's.
    const total = await page
      .locator('table[aria-label="合计 表三"] td[data-key="t3.new.natural"]')
      .textContent();
    expect(Number(total)).toBe((huaian.t3.new[0] as number) + (other.t3.new[0] as number));
    // 乙局's findings open under its row.
    await overview.getByRole("button", { name: "乙局" }).click();
    await expect(page.getByRole("list", { name: "乙局的问题" }).textContent()).resolves.toMatch(/S1/);

    // 审核要点 in the tab, by keyboard: S1 turned off, the review judged again without reading; S1 gone from 乙局.
    const header = page.getByRole("button", { name: /^审核要点（启用/ });
    await header.focus();
    await page.keyboard.press("Enter");
    const s1 = page.getByRole("checkbox", { name: /^S1 / });
    await s1.focus();
    await page.keyboard.press("Space");
    await expect(s1.isChecked()).resolves.toBe(false);
    await expect(header.textContent()).resolves.toContain("任务窗格中的设置");
    const listText = await page.getByRole("list", { name: "乙局的问题" }).textContent();
    expect(listText).not.toMatch(/S1/);

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "下载审核结果和审核意见（.zip）" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("审核结果（2025年）.zip");
    const zip = unzipSync(new Uint8Array(readFileSync(await download.path())));
    expect(Object.keys(zip).sort()).toEqual(["乙局审核意见.docx", "审核结果.xlsx", "通报.docx"].sort());
    const book = await readWorkbook(zip["审核结果.xlsx"], "审核结果.xlsx");
    const rows = book.sheets.find((s) => s.name === "总览")?.rows ?? [];
    expect(rows.slice(1).map((r) => [r[0], r[5]])).toEqual([
      ["淮安市某局", "通过"],
      ["乙局", "需修改"],
      ["丁局", "无法读取"],
      ["丙局", "未报送"],
    ]);
    expect(book.sheets.map((s) => s.name)).toEqual([...REVIEW_SHEET_NAMES]);
    // The set it applied: S1 off, as chosen in the tab.
    const s1Row = book.sheets.find((s) => s.name === "审核要点")?.rows.find((r) => r[0] === "S1");
    expect(s1Row?.[2]).toBe("否");
    expect(failures).toEqual([]);
    await context.close();
  },
  240000,
);

const webAndOffice = needs("chromium", "cjkFont", "soffice");

webAndOffice.test(
  "the old formats in file mode: a .doc, an OFD, an .et 统计表 and an .xls ledger reviewed; the .xls read in the worker",
  async () => {
    const jia: TableSet = { ...huaianTables(), agency: "甲局", year: 2025 };
    const yi: TableSet = { ...huaianTables(), agency: "乙局", year: 2025 };
    const bing: TableSet = { ...huaianTables(), agency: "丙局", year: 2025 };
    const ding = compileWorkbook(sampleWorkbook({ agency: "丁局" })).tables;
    const src = path.join(site.dir, "old-src");
    const page0 = path.join(src, "甲局.html");
    mkdirSync(src, { recursive: true });
    writeFileSync(page0, reportHtml(jia));
    const [doc] = sofficeAll([page0], "doc", src);
    const typed = path.join(src, "丙局统计表.xlsx");
    writeFileSync(typed, await statisticsWorkbookBuffer(bing));
    const ledgerXlsx = path.join(src, "丁局台账.xlsx");
    writeFileSync(ledgerXlsx, await workbookBuffer(sampleWorkbook({ agency: "丁局" })));
    const [typedXls, ledger] = sofficeAll([typed, ledgerXlsx], "xls", src);
    const et = path.join(src, "丙局统计表.et");
    copyFileSync(typedXls, et);
    const ofd = path.join(src, "乙局.ofd");
    writeFileSync(ofd, reportOfd(yi));

    const context = await site.browser.newContext({ viewport: { width: 350, height: 900 }, locale: "zh-CN" });
    const page = await context.newPage();
    const failures: string[] = [];
    page.on("pageerror", (e) => failures.push(e.message));
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.goto(`${site.url}filemode.html`);
    // The .xls ledger as the register, read off the page's thread by the reader's worker.
    await page.getByRole("tab", { name: "数据" }).waitFor();
    await page.setInputFiles('input[aria-label="选择登记台账"]', ledger);
    await page.getByText("登记表检查完毕，没有发现错误。").waitFor();
    expect(workers).toContain(`${site.url}reader-worker.js`);

    await page.getByRole("tab", { name: "审核与汇总" }).click();
    await page.setInputFiles('input[aria-label="选择各单位的文件"]', [doc, ofd, et, ledger]);
    const overview = page.getByRole("table", { name: "总览" });
    await overview.waitFor({ timeout: 60000 });
    for (const unit of ["甲局", "乙局", "丙局", "丁局"]) {
      const status = await overview.locator(`tr[data-unit="${unit}"] td[data-status]`).textContent();
      expect([unit, status]).toEqual([unit, expect.stringMatching(/^(通过|有提示)$/)]);
    }
    const total = await page
      .locator('table[aria-label="合计 表三"] td[data-key="t3.new.natural"]')
      .textContent();
    const sum = [jia, yi, bing, ding].reduce((s, t) => s + (t.t3.new[0] as number), 0);
    expect(Number(total)).toBe(sum);
    expect(failures).toEqual([]);
    await context.close();
  },
  240000,
);
