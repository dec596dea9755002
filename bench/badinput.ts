/**
 * Bad input, timed in a fresh process so that its peak memory is its own: a register whose rows are all bad,
 * a report with three 1 GB "pictures" declared in its directory, a workbook whose sheet says 100 KB and holds
 * 1 GB; three 10 MB CSV files that are no ledger; a PDF whose page inflates to 1 GB. Run by bench.ts with the folder of the prepared files; prints
 * one JSON line.
 */
import { readFileSync } from "fs";
import path from "path";
import { performance } from "perf_hooks";
import { usePdfJsNode } from "../src/cli/pdfjs";
import { updateReport } from "../src/docx";
import { openReportFile } from "../src/load/report";
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
  out.badInputPeakMB = Math.round((process.resourceUsage().maxRSS * 1024) / 1048576);
  console.log(JSON.stringify(out));
}

void main();
