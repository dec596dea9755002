/**
 * Our reader's peak memory on one register, in a fresh process so that the figure is its own (the file read from
 * disk, every sheet parsed, the rows held), with Node's zlib as the command line. Run by read.ts with the
 * file's path; prints one JSON line.
 */
import { readFileSync } from "fs";
import { readWorkbook } from "../src/workbook/read";
import { useNodeZlib } from "../src/cli/inflate";

async function main() {
  useNodeZlib(); // as the command line reads
  const bytes = new Uint8Array(readFileSync(process.argv[2]));
  const wb = await readWorkbook(bytes, "register.xlsx");
  const rows = wb.sheets.reduce((n, s) => n + s.rows.length, 0);
  if (rows < 2) throw new Error("nothing read");
  const peak = Math.round((process.resourceUsage().maxRSS * 1024) / 1048576);
  console.log(JSON.stringify({ readPeakMB100k: peak, rows }));
}

void main();
