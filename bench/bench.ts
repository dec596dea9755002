/**
 * npm run bench: the tally's speed and memory on registers of 100 000 and 1 000 000 rows generated in
 * memory, against the floor (a bare loop reading every cell once) and against COUNTIFS formulas evaluated
 * by HyperFormula (how staff build 表三 today). Ends with one JSON line of the figures.
 */
import { ApplicationTally } from "../src/report/register/applications";
import type { Cell } from "../src/report/common/cells";
import { serialFromDays, yearBounds } from "../src/report/common/dates";
import { getFormat, numberRows, outcomeRows } from "../src/report/formats";
import { APPLICATION_HEADERS } from "../src/report/register/registers";
import { explainFigures, readReportFigures } from "./explain";
import { oldFormatFigures } from "./oldformats";
import { readFigures } from "./read";
import { mapFigures } from "./map";
import { similarityFigures } from "./similarity";
import { best, bestAsync } from "./timing";
import { compileWorkbook } from "../src/report/compile";
import { rng, sampleWorkbook } from "../src/report/sample";
import { clearCache, countValue, table3Values } from "../src/functions/core";
import type { ExcelValue } from "../src/functions/core";
import type webpackType from "webpack";
import path from "path";
import { gzipSync } from "zlib";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import { useNodeZlib } from "../src/cli/inflate";

const YEAR = 2025;
const FORMAT = getFormat("2021");
const APPLICANTS = FORMAT.t3.columns.slice(0, 6).map((c) => c.label);
const OUTCOMES = outcomeRows(FORMAT).map((r) => r.label);
const HEADER = Object.keys(APPLICATION_HEADERS);

/** A register as Office.js hands it over: dates as serial numbers, values as text. */
function register(n: number, seed = 7): Cell[][] {
  const r = rng(seed);
  const { start } = yearBounds(YEAR);
  const rows: Cell[][] = new Array(n);
  for (let i = 0; i < n; i++) {
    const received = start - 200 + Math.floor(r() * 565);
    const open = r() < 0.04;
    const concluded = open ? null : serialFromDays(received + 1 + Math.floor(r() * 25));
    rows[i] = [
      `Y${i}`,
      serialFromDays(received),
      APPLICANTS[Math.floor(r() * r() * APPLICANTS.length)],
      open ? null : OUTCOMES[Math.floor(r() * OUTCOMES.length)],
      concluded,
      null,
      null,
    ];
  }
  return rows;
}

/** The floor: read every cell once and fold it into a checksum, nothing else. */
function floor(rows: Cell[][]): number {
  let acc = 0;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    for (let j = 0; j < row.length; j++) {
      const v = row[j];
      if (typeof v === "number") acc += v;
      else if (typeof v === "string") acc += v.length;
    }
  }
  return acc;
}

function tally(rows: Cell[][]) {
  const t = new ApplicationTally(FORMAT, YEAR, HEADER);
  t.addRows(rows, 2);
  return t.finish();
}

/** 表三 as 175 COUNTIFS formulas over the register, as staff write them, evaluated by HyperFormula. */
async function countifs(rows: Cell[][]): Promise<{ ms: number; t3: Record<string, number[]> }> {
  const { HyperFormula } = await import("hyperformula");
  const n = rows.length;
  const data = rows.map((r) => [
    r[1] as number,
    r[2] as string,
    (r[3] as string) ?? null,
    (r[4] as number) ?? null,
  ]);
  const hf = HyperFormula.buildFromSheets({ Data: data }, { licenseKey: "gpl-v3", maxRows: 2_000_000 });
  const { start, end } = yearBounds(YEAR);
  const [s, e] = [serialFromDays(start), serialFromDays(end)];
  const A = `Data!$A$1:$A$${n}`;
  const B = `Data!$B$1:$B$${n}`;
  const C = `Data!$C$1:$C$${n}`;
  const D = `Data!$D$1:$D$${n}`;
  const keys = numberRows(FORMAT).map((r) => r.key);
  const formulas = keys.map((key) =>
    [...APPLICANTS, null].map((who) => {
      const w = who ? `${B},"${who}",` : "";
      const f = (crit: string) => `COUNTIFS(${w}${crit})`;
      if (key === "new") return `=${f(`${A},">=${s}",${A},"<=${e}"`)}`;
      if (key === "carry") return `=${f(`${A},"<${s}",${D},">=${s}"`)}+${f(`${A},"<${s}",${D},""`)}`;
      if (key === "fwd") return `=${f(`${A},"<=${e}",${D},">${e}"`)}+${f(`${A},"<=${e}",${D},""`)}`;
      if (key === "total") return `=${f(`${D},">=${s}",${D},"<=${e}"`)}`;
      const label = outcomeRows(FORMAT).find((r) => r.key === key)?.label ?? key;
      return `=${f(`${C},"${label}",${D},">=${s}",${D},"<=${e}"`)}`;
    }),
  );
  const sheet = hf.addSheet("T3");
  const id = hf.getSheetId(sheet) as number;
  const t0 = process.hrtime.bigint();
  hf.setSheetContent(id, formulas);
  const values = hf.getSheetValues(id) as number[][];
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  hf.destroy();
  const t3: Record<string, number[]> = {};
  keys.forEach((k, i) => (t3[k] = values[i]));
  return { ms, t3 };
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const gc = () => (global as { gc?: () => void }).gc?.();

/** The demo report written, and updated after a change in the register, as whole operations. */
async function reportFigures(out: Record<string, number | string>) {
  // Loaded here, after the memory figures, so that they do not count its modules.
  const { createReport, updateReport } = await import("../src/docx");
  const wb = sampleWorkbook();
  const reportMs = await bestAsync(5, async () => createReport(compileWorkbook(wb)));
  const original = await createReport(compileWorkbook(wb));
  const apps = wb.sheets[0].rows;
  const row = apps.find((r, i) => i > 0 && String(r[0]).startsWith("2025") && r[2] === "自然人" && r[3]);
  if (row) row[2] = "商业企业";
  const updateMs = await bestAsync(5, async () => updateReport(original, "报告.docx", compileWorkbook(wb)));
  out.reportMs = Math.round(reportMs * 10) / 10;
  out.updateMs = Math.round(updateMs * 10) / 10;
  console.log(`示例报告：生成 ${out.reportMs} ms，按改动后的台账更新 ${out.updateMs} ms（均含统计）`);
}

/** publish: the page and the 图解 (HTML + SVG + PNG) of one report; target ≤ 1 s. */
async function publishBench(out: Record<string, number | string>) {
  const { publishFigures } = await import("./graphic");
  const { findCjkFont } = await import("../src/publish/graphicFonts");
  if (!findCjkFont()) {
    out.publishMs = "无中文字体（fonts-noto-cjk），未测";
    console.log(`发布：${out.publishMs}`);
    return;
  }
  const f = await publishFigures();
  out.publishFirstMs = Math.round(f.publishFirstMs);
  out.publishMs = Math.round(f.publishMs);
  console.log(
    `发布（网页版＋图解 SVG＋PNG）：首次 ${out.publishFirstMs} ms（含载入图表库、查找字体），之后 ${out.publishMs} ms`,
  );
}

/** 175 OGI.COUNT calls (all of 表三) over one register in one recalculation, against one OGI.TABLE3. */
function functionFigures(out: Record<string, number | string>) {
  const rows = register(100_000).map((r) => r.map((v) => (v === null ? "" : v)) as ExcelValue[]);
  const excel: ExcelValue[][] = [HEADER, ...rows];
  const address = "'依申请公开登记'!A1:G100001";
  const keys = numberRows(FORMAT).map((r) => r.key);
  const cols = FORMAT.t3.columns.map((c) => c.key);
  const t3 = best(5, () => {
    clearCache();
    return table3Values({ register: excel, year: YEAR, address });
  });
  const counts = best(5, () => {
    clearCache();
    let sum = 0;
    for (const k of keys)
      for (const c of cols) sum += countValue({ register: excel, year: YEAR, row: k, column: c, address });
    return sum;
  });
  clearCache();
  const table3Sum = t3.value.flat().reduce((a, b) => a + b, 0);
  if (counts.value !== table3Sum) throw new Error("COUNT and TABLE3 disagree");
  out.table3CallMs = Math.round(t3.ms * 100) / 100;
  out.count175CallsMs = Math.round(counts.ms * 100) / 100;
  out.countCallsOverTable3 = Math.round((counts.ms / t3.ms) * 100) / 100;
  console.log(
    `自定义函数（10 万行登记表）：OGI.TABLE3 一次 ${out.table3CallMs} ms；175 个 OGI.COUNT ${out.count175CallsMs} ms，为其 ${out.countCallsOverTable3} 倍`,
  );
}

/** The production build, and each page's initial JavaScript, gzipped. */
async function bundleFigures(out: Record<string, number | string>) {
  const webpack = (await import("webpack")).default;
  const root = path.resolve(__dirname, "../..");
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-bench-build-"));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFn = require(path.join(root, "webpack.config.js")) as (
    env: object,
    o: object,
  ) => Promise<webpackType.Configuration>;
  const config = await configFn({ outDir: dir }, { mode: "production" });
  const stats = await new Promise<webpackType.Stats>((resolve, reject) =>
    webpack({ ...config, context: root }, (err, s) =>
      err || !s ? reject(err ?? new Error("no stats")) : resolve(s),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
  const eps = stats.toJson({ all: false, entrypoints: true }).entrypoints ?? {};
  const kb = (name: string) =>
    (eps[name]?.assets ?? [])
      .filter((a) => a.name.endsWith(".js"))
      .reduce((s, a) => s + gzipSync(readFileSync(path.join(dir, a.name))).length, 0) / 1024;
  const functions = kb("functions");
  const pages = { taskpane: functions + kb("taskpane"), wordpane: kb("wordpane"), filemode: kb("filemode") };
  // Office.js, served by the add-in itself, reported apart from our bundles.
  const officeJs = path.join(dir, "office-js/office.js");
  out.officeJsKB = Math.round((gzipSync(readFileSync(officeJs)).length / 1024) * 10) / 10;
  await browserFigures(dir, out);
  rmSync(dir, { recursive: true, force: true });
  out.paneInitialKB = Math.round(Math.max(...Object.values(pages)) * 10) / 10;
  out.functionsInitialKB = Math.round(functions * 10) / 10;
  console.log(
    `页面首次加载的 JavaScript（gzip）：Excel 任务窗格（含自定义函数）${pages.taskpane.toFixed(1)} KB，Word 任务窗格 ${pages.wordpane.toFixed(1)} KB，文件模式 ${pages.filemode.toFixed(1)} KB；自定义函数 ${out.functionsInitialKB} KB；另有本地提供的 Office.js ${out.officeJsKB} KB`,
  );
}

/** File mode in Chromium: time to first render, and from picking a workbook to its checked tables. */
async function browserFigures(site: string, out: Record<string, number | string>) {
  const { chromium } = await import("playwright-core");
  const { CHROMIUM, serve } = await import("../test/serve");
  const { workbookBuffer } = await import("../src/workbook/write");
  const files = mkdtempSync(path.join(os.tmpdir(), "ogi-bench-files-"));
  const demo = path.join(files, "示例台账.xlsx");
  writeFileSync(demo, await workbookBuffer(sampleWorkbook()));
  const big = path.join(files, "十万行台账.xlsx");
  writeFileSync(
    big,
    await workbookBuffer({ sheets: [{ name: "依申请公开登记", rows: [HEADER, ...register(100_000)] }] }),
  );
  const server = await serve(site);
  const browser = await chromium.launch(CHROMIUM);
  try {
    const firstRender: number[] = [];
    const compile = async (file: string) => {
      const page = await browser.newPage({ viewport: { width: 350, height: 900 } });
      await page.goto(`${server.url}filemode.html`);
      await page.getByRole("tab", { name: "数据" }).waitFor();
      firstRender.push(await page.evaluate(() => performance.now()));
      const t0 = Date.now();
      await page.setInputFiles('input[aria-label="选择登记台账"]', file);
      await page.getByText(/登记表检查完毕|登记表有\d+个错误/).waitFor({ timeout: 300000 });
      const ms = Date.now() - t0;
      await page.close();
      return ms;
    };
    const demoMs = Math.min(await compile(demo), await compile(demo), await compile(demo));
    const bigMs = await compile(big);
    out.fileModeFirstRenderMs = Math.round(Math.min(...firstRender));
    out.fileModeCompileDemoMs = demoMs;
    out.fileModeCompile100kMs = bigMs;
    console.log(
      `文件模式（Chromium，350 px）：首次渲染 ${out.fileModeFirstRenderMs} ms；选择示例台账到统计完成 ${demoMs} ms；10 万行台账 ${bigMs} ms`,
    );
  } finally {
    await browser.close();
    await server.close();
    rmSync(files, { recursive: true, force: true });
  }
}

/** A city of 60 units with 5 000 applications each, rolled up from their workbooks, one at a time. */
async function rollupFigures(out: Record<string, number | string>) {
  const { workbookBuffer } = await import("../src/workbook/write");
  const { tablesFromFile } = await import("../src/load/tables");
  const { rollup } = await import("../src/report/rollup");
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-bench-units-"));
  const files: string[] = [];
  for (let i = 0; i < 60; i++) {
    const file = path.join(dir, `单位${i + 1}.xlsx`);
    writeFileSync(
      file,
      await workbookBuffer({
        sheets: [{ name: "依申请公开登记", rows: [HEADER, ...register(5000, 100 + i)] }],
      }),
    );
    files.push(file);
  }
  const t0 = process.hrtime.bigint();
  const units = [];
  for (const f of files)
    units.push({
      name: path.basename(f),
      tables: (await tablesFromFile(new Uint8Array(readFileSync(f)), f, { year: YEAR })).tables,
    });
  const r = rollup(units, { year: YEAR });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  rmSync(dir, { recursive: true, force: true });
  if (r.total.t3.new[6] === 0) throw new Error("the roll-up counted nothing");
  out.rollup60Ms = Math.round(ms);
  console.log(`汇总 60 个单位（每个 5 000 件申请，从台账读取）：${out.rollup60Ms} ms`);
}

/**
 * The review in a child process, as `review` runs in use: in this one, after the 1M-row figures, its heap made the
 * same review some 2 s slower (11.4 s against 9.0–9.4 s alone, 2026-12-07).
 */
async function reviewInItsOwnProcess(out: Record<string, number | string>) {
  const { execFileSync } = await import("child_process");
  const text = execFileSync(process.execPath, [path.join(__dirname, "reviewrun.js")], { encoding: "utf8" });
  const lines = text.trim().split("\n");
  for (const l of lines.slice(0, -1)) console.log(l);
  Object.assign(out, JSON.parse(lines[lines.length - 1]));
}

/** Bad input in a child process (its peak memory is its own): the files from badfiles.ts, read by badinput.ts. */
async function badInputFigures(out: Record<string, number | string>) {
  const { execFileSync } = await import("child_process");
  const { prepareBadInput } = await import("./badfiles");
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-bad-"));
  try {
    await prepareBadInput(dir);
    const line = execFileSync(process.execPath, [path.join(__dirname, "badinput.js"), dir], {
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .pop() as string;
    Object.assign(out, JSON.parse(line));
    console.log(
      `坏输入：10 万行全部有错的台账 ${out.badRows100kMs} ms；报告中 3 个各 1 GB 的“图片”拒绝用时 ${out.mediaBombRefusedMs} ms；自称 100 KB、实为 1 GB 的工作表拒绝用时 ${out.sheetBombRefusedMs} ms；一页展开为 1 GB 的 PDF 拒绝用时 ${out.pdfBombRefusedMs} ms；` +
        `正文一段 50 MB 的报告（update）拒绝用时 ${out.hugeStringDocxRefusedMs} ms；共享字符串中一个 50 MB 单元格的台账拒绝用时 ${out.hugeSharedStringRefusedMs} ms；` +
        `一段 90 万字的报告（读前 1 万字）校验用时 ${out.longParagraphCheckMs} ms；保存的数据形状不对的报告按表格文字读取用时 ${out.wrongShapeStoredReadMs} ms；7 个损坏或加密的 .doc/.xls 和缺页的 OFD 拒绝共用时 ${out.compoundBadRefusedMs} ms；该进程内存峰值 ${out.badInputPeakMB} MB`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  // Every figure measured in this process reads files as the command line does: with Node's zlib. (File mode's
  // figures come from Chromium, where the reader inflates with fflate.)
  useNodeZlib();
  const out: Record<string, number | string> = {};
  // 100 000 rows: floor and tally, best of five.
  let rows: Cell[][] | null = register(100_000);
  const fl = best(5, () => floor(rows as Cell[][]));
  const ta = best(5, () => tally(rows as Cell[][]));
  if (ta.value.issues.length) throw new Error("the generated register should be clean");
  out.floorMs100k = Math.round(fl.ms * 100) / 100;
  out.tallyMs100k = Math.round(ta.ms * 100) / 100;
  console.log(`100 000 行：只读每个单元格一次（下限）${fl.ms.toFixed(2)} ms，统计 ${ta.ms.toFixed(2)} ms`);
  explainFigures(out, rows, ta.ms, YEAR);
  mapFigures(out, ta.ms);
  const readRows = rows;
  rows = null;
  gc();

  // 1 000 000 rows: rows per second and peak memory of the process (the register itself included).
  let big: Cell[][] | null = register(1_000_000);
  const fl1 = best(3, () => floor(big as Cell[][]));
  const ta1 = best(3, () => tally(big as Cell[][]));
  const peak = process.resourceUsage().maxRSS * 1024;
  out.floorMs1M = Math.round(fl1.ms * 100) / 100;
  out.tallyMs1M = Math.round(ta1.ms * 100) / 100;
  out.tallyRowsPerSec = Math.round(1_000_000 / (ta1.ms / 1000));
  out.tallyOverFloor = Math.round((ta1.ms / fl1.ms) * 100) / 100;
  out.peakMB1M = mb(peak);
  console.log(
    `1 000 000 行：下限 ${fl1.ms.toFixed(1)} ms，统计 ${ta1.ms.toFixed(1)} ms（每秒 ${out.tallyRowsPerSec} 行，为下限的 ${out.tallyOverFloor} 倍），进程内存峰值 ${out.peakMB1M} MB`,
  );
  big = null;
  gc();

  // Reading the 100 000-row register from .xlsx, after the 1M figures (ExcelJS's reading raises the peak).
  await readFigures(out, readRows);
  await oldFormatFigures(out, readRows);

  await reportFigures(out);
  await publishBench(out);
  await readReportFigures(out);
  functionFigures(out);
  await rollupFigures(out);
  await reviewInItsOwnProcess(out);
  similarityFigures(out);
  await bundleFigures(out);
  await badInputFigures(out);

  // COUNTIFS on 100 000 rows, checked against the tally.
  const reg = register(100_000);
  const cf = await countifs(reg);
  const ours = tally(reg).t3;
  const same = Object.keys(cf.t3).every((k) => cf.t3[k].every((v, i) => v === ours[k][i]));
  if (!same) throw new Error("COUNTIFS and the tally disagree: " + JSON.stringify({ cf: cf.t3, ours }));
  const t100 = best(5, () => tally(reg));
  out.countifsMs100k = Math.round(cf.ms);
  out.countifsOverTally = Math.round(cf.ms / t100.ms);
  console.log(
    `100 000 行的表三用 175 个 COUNTIFS 公式（HyperFormula）计算：${cf.ms.toFixed(0)} ms，结果与本工具一致；本工具快 ${out.countifsOverTally} 倍`,
  );
  console.log(JSON.stringify(out));
}

void main();
