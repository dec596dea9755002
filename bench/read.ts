/**
 * Reading a 100 000-row register (.xlsx written by ExcelJS, dates as date cells): our reader against the floor
 * (inflate the sheet and touch every cell's value with the simplest loop) and against ExcelJS's reading, on
 * the same file in a fresh process (readtimes.ts); and our reader's peak memory, in another (readpeak.ts).
 */
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import type { Cell } from "../src/report/common/cells";
import { workbookBuffer } from "../src/workbook/write";

export async function readFigures(out: Record<string, number | string>, rows: Cell[][]): Promise<void> {
  // The register with real date cells, as people's ledgers have them.
  const withDates = rows.map((row) =>
    row.map((v, c) => ((c === 1 || c === 4) && typeof v === "number" ? new Date((v - 25569) * 86400000) : v)),
  );
  const header = ["编号", "收到日期", "申请人类型", "办理结果", "办结日期", "信息处理费（元）", "备注"];
  const bytes = await workbookBuffer({ sheets: [{ name: "依申请公开登记", rows: [header, ...withDates] }] });
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-read-"));
  try {
    const file = path.join(dir, "十万行.xlsx");
    writeFileSync(file, bytes);
    const times = JSON.parse(
      execFileSync(process.execPath, [path.join(__dirname, "readtimes.js"), file, String(rows.length)], {
        encoding: "utf8",
      })
        .trim()
        .split("\n")
        .pop() as string,
    ) as { floor: number; ours: number; theirs: number };
    out.readFloorMs100k = Math.round(times.floor);
    out.readRegisterMs100k = Math.round(times.ours);
    out.exceljsReadMs100k = Math.round(times.theirs);
    out.readOverFloor = Math.round((times.ours / times.floor) * 100) / 100;
    out.exceljsOverRead = Math.round((times.theirs / times.ours) * 100) / 100;
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
