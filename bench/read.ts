/**
 * Reading a 100 000-row register (.xlsx written by ExcelJS, dates as date cells): our reader against the floor
 * (inflate the sheet and touch every cell's value with the simplest loop) and against ExcelJS's reading, on
 * the same file in the same run; and our reader's peak memory, in a fresh process of its own (readpeak.ts).
 */
import { execFileSync } from "child_process";
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import type { Cell } from "../src/report/common/cells";
import { readWorkbook } from "../src/workbook/read";
import { workbookBuffer } from "../src/workbook/write";
import { readPackage } from "../src/zip/read";
import { bestAsync, best } from "./timing";

/** Every value of the sheet's cells, touched once: the least any reader must do after inflating. */
function floorRead(bytes: Uint8Array): number {
  const zip = readPackage(bytes, "floor", { kind: "xlsx", need: (n) => n === "xl/worksheets/sheet1.xml" });
  const xml = zip.entries.find((e) => e.name === "xl/worksheets/sheet1.xml")?.data as Uint8Array;
  let acc = 0;
  for (let i = 0; i < xml.length; i++)
    if (xml[i] === 0x3c && xml[i + 1] === 0x76 && xml[i + 2] === 0x3e) acc += xml[i + 3];
  return acc;
}

function touch(rows: Cell[][]): number {
  let n = 0;
  for (const row of rows) n += row.length;
  return n;
}

export async function readFigures(out: Record<string, number | string>, rows: Cell[][]): Promise<void> {
  // The register with real date cells, as people's ledgers have them.
  const withDates = rows.map((row) =>
    row.map((v, c) => ((c === 1 || c === 4) && typeof v === "number" ? new Date((v - 25569) * 86400000) : v)),
  );
  const header = ["编号", "收到日期", "申请人类型", "办理结果", "办结日期", "信息处理费（元）", "备注"];
  const bytes = await workbookBuffer({ sheets: [{ name: "依申请公开登记", rows: [header, ...withDates] }] });
  const fl = best(5, () => floorRead(bytes));
  let cells = 0;
  const ours = await bestAsync(5, async () => {
    const wb = await readWorkbook(bytes, "十万行.xlsx");
    cells = touch(wb.sheets[0].rows);
  });
  if (cells < rows.length * 4) throw new Error("our reader lost cells");
  const theirs = await bestAsync(2, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    let n = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => n++)));
    if (n < rows.length * 4) throw new Error("ExcelJS lost cells");
  });
  out.readFloorMs100k = Math.round(fl.ms);
  out.readRegisterMs100k = Math.round(ours);
  out.exceljsReadMs100k = Math.round(theirs);
  out.readOverFloor = Math.round((ours / fl.ms) * 100) / 100;
  out.exceljsOverRead = Math.round((theirs / ours) * 100) / 100;
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-read-"));
  try {
    const file = path.join(dir, "十万行.xlsx");
    writeFileSync(file, bytes);
    const line = execFileSync(process.execPath, [path.join(__dirname, "readpeak.js"), file], {
      encoding: "utf8",
    });
    out.readPeakMB100k = JSON.parse(line.trim().split("\n").pop() as string).readPeakMB100k;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `读取 10 万行台账（${(bytes.length / 1048576).toFixed(1)} MB）：本工具 ${out.readRegisterMs100k} ms，下限（解压并逐个碰一下单元格）${out.readFloorMs100k} ms（${out.readOverFloor} 倍），ExcelJS ${out.exceljsReadMs100k} ms（慢 ${out.exceljsOverRead} 倍）；单独进程读取时内存峰值 ${out.readPeakMB100k} MB`,
  );
}
