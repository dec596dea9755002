/**
 * Reading one register file three ways in a fresh process of its own, as a person's command line reads it: the
 * floor (inflate the sheet and touch every cell's value with the simplest loop), our reader, and ExcelJS — the
 * same file, the same process, best of several each. A fresh process, so that the figures are the readers' own
 * and not the garbage collector's work on the rest of the bench's heap (a million-row register is held there).
 * Run by read.ts with the file's path and its row count; prints one JSON line.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import type { Cell } from "../src/report/common/cells";
import { useNodeZlib } from "../src/cli/inflate";
import { readWorkbook } from "../src/workbook/read";
import { readPackage } from "../src/zip/read";
import { best, bestAsync } from "./timing";

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

async function main() {
  useNodeZlib(); // as the command line reads (the floor too: the same zip layer)
  const bytes = new Uint8Array(readFileSync(process.argv[2]));
  const rows = Number(process.argv[3]);
  const fl = best(5, () => floorRead(bytes));
  let cells = 0;
  const ours = await bestAsync(5, async () => {
    const wb = await readWorkbook(bytes, "十万行.xlsx");
    cells = touch(wb.sheets[0].rows);
  });
  if (cells < rows * 4) throw new Error("our reader lost cells");
  const theirs = await bestAsync(2, async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    let n = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell(() => n++)));
    if (n < rows * 4) throw new Error("ExcelJS lost cells");
  });
  console.log(JSON.stringify({ floor: fl.ms, ours, theirs }));
}

void main();
