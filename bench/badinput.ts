/**
 * Bad input, timed in a fresh process so that its peak memory is its own: a register whose rows are all bad,
 * a report with three 1 GB "pictures" declared in its directory, a workbook whose sheet says 100 KB and holds
 * 1 GB; three 10 MB CSV files that are no ledger; a PDF whose page inflates to 1 GB; a report whose document.xml
 * holds one 50 MB string (update), a workbook whose shared strings hold one 50 MB string shown in a cell
 * (compile), a report with a paragraph of 900 000 digits (check: read up to the reading limit), a report whose
 * stored data has the wrong shape (read by its printed tables), Office 97-2003 files damaged or encrypted (.doc,
 * .xls: refused). Run by bench.ts with the folder of the files
 * badfiles.ts prepared; prints one JSON line.
 */
import { readFileSync } from "fs";
import path from "path";
import { performance } from "perf_hooks";
import { usePdfJsNode } from "../src/cli/pdfjs";
import { updateReport } from "../src/docx";
import { openReportFile } from "../src/load/report";
import { tablesFromFile } from "../src/load/tables";
import { checkReadReport } from "../src/report/read/text";
import { numericTables } from "../src/report/read/tables";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { readWorkbook } from "../src/workbook/read";

async function refusedMs(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  try {
    await f();
  } catch {
    return Math.round(performance.now() - t);
  }
  throw new Error("bad input was accepted");
}

async function main() {
  const dir = process.argv[2];
  const out: Record<string, number> = {};
  // One 50 MB string: refused without decoding it (first, while the heap is the process's own).
  const hugeDocx = readFileSync(path.join(dir, "huge-string.docx"));
  out.hugeStringDocxRefusedMs = await refusedMs(() =>
    updateReport(hugeDocx, "huge.docx", compileWorkbook(sampleWorkbook())),
  );
  const hugeXlsx = readFileSync(path.join(dir, "huge-string.xlsx"));
  out.hugeSharedStringRefusedMs = await refusedMs(async () =>
    compileWorkbook(await readWorkbook(hugeXlsx, "huge.xlsx")),
  );
  // 100 000 rows, every one with an unknown applicant type and an impossible date.
  const wb = sampleWorkbook();
  const apps = wb.sheets[0];
  const header = apps.rows[0];
  apps.rows = [header];
  for (let i = 0; i < 100_000; i++)
    apps.rows.push([`坏-${i}`, "2025-02-30", "外星人", "予以公开", "2025-03-01"]);
  const t = performance.now();
  const r = compileWorkbook(wb);
  out.badRows100kMs = Math.round(performance.now() - t);
  if (r.stats.excludedRows !== 100_000) throw new Error("every bad row is left out");
  const mediaBomb = readFileSync(path.join(dir, "media-bomb.docx"));
  out.mediaBombRefusedMs = await refusedMs(() =>
    updateReport(mediaBomb, "bomb.docx", compileWorkbook(sampleWorkbook())),
  );
  const sheetBomb = readFileSync(path.join(dir, "sheet-bomb.xlsx"));
  out.sheetBombRefusedMs = await refusedMs(() => readWorkbook(sheetBomb, "bomb.xlsx"));
  // CSV that is no ledger, 10 MB each: a quote never closed, one line, binary bytes under a .csv name.
  const tenMB = 10 * 1024 * 1024;
  const enc = new TextEncoder();
  const unclosed = enc.encode('编号,收到日期\n1,"2025-01-02\n' + "x,".repeat(tenMB / 2));
  const oneLine = enc.encode("编号," + "长".repeat(tenMB / 3));
  const binary = Uint8Array.from({ length: tenMB }, (_, i) => (i * 7919) % 256);
  const t0 = performance.now();
  for (const bytes of [unclosed, oneLine, binary]) await refusedMs(() => readWorkbook(bytes, "bad.csv"));
  out.csvBadRefusedMs = Math.round(performance.now() - t0);
  usePdfJsNode();
  const pdfBomb = readFileSync(path.join(dir, "page-bomb.pdf"));
  out.pdfBombRefusedMs = await refusedMs(() => openReportFile(pdfBomb, "bomb.pdf"));
  // A paragraph below the refusal: read and checked up to the reading limit.
  const long = readFileSync(path.join(dir, "long-paragraph.docx"));
  const t1 = performance.now();
  const read = await openReportFile(long, "long.docx");
  checkReadReport(read, numericTables(read.tables));
  out.longParagraphCheckMs = Math.round(performance.now() - t1);
  if (!read.notices.some((n) => n.includes("只读取了前")))
    throw new Error("the long paragraph is cut, saying so");
  // Stored data of the wrong shape (表三 missing, 表四 an object): the printed tables read instead, as rollup does.
  const wrong = readFileSync(path.join(dir, "wrong-shape.docx"));
  const t2 = performance.now();
  const unit = await tablesFromFile(wrong, "wrong.docx");
  out.wrongShapeStoredReadMs = Math.round(performance.now() - t2);
  if (unit.tables.t3.new?.[6] !== compileWorkbook(sampleWorkbook()).tables.t3.new[6])
    throw new Error("the printed tables are read");
  // Labels and sentences no report holds, at the reading limit: a 表三 label cell of 10 000 「一」s and a paragraph
  // of 10 000 digits, each read through once (numbering and claims were tried at every position of such a run).
  const html = new TextEncoder().encode(
    `<h1>某局2025年政府信息公开工作年度报告</h1><p>${"1".repeat(10000)}件</p><table border="1"><tr><td>一、本年新收政府信息公开申请数量</td><td>1</td></tr><tr><td>${"一".repeat(10000)}</td><td>2</td></tr><tr><td>四、结转下年度继续办理</td><td>0</td></tr></table>`,
  );
  const t3 = performance.now();
  const runs = await openReportFile(html, "runs.html");
  checkReadReport(runs, numericTables(runs.tables));
  out.longRunsReadMs = Math.round(performance.now() - t3);
  // Office 97-2003 files damaged as compound files, or encrypted: each refused with its sentence.
  const t4 = performance.now();
  const compound = [
    "cfb-cycle.doc",
    "cfb-range.doc",
    "cfb-cut.doc",
    "cfb-dirloop.doc",
    "encrypted.doc",
    "missing-page.ofd",
  ];
  for (const name of compound) {
    const bytes = readFileSync(path.join(dir, name));
    await refusedMs(() => openReportFile(bytes, name));
  }
  for (const name of ["cfb-long.xls", "encrypted.xls"]) {
    const bytes = readFileSync(path.join(dir, name));
    await refusedMs(() => readWorkbook(bytes, name));
  }
  out.compoundBadRefusedMs = Math.round(performance.now() - t4);
  out.badInputPeakMB = Math.round((process.resourceUsage().maxRSS * 1024) / 1048576);
  console.log(JSON.stringify(out));
}

void main();
