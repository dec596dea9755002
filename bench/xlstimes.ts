/**
 * The 100 000-row register as .xls and as .xlsx (the same two sheets), each read with every row touched, in a
 * fresh process of its own (as readtimes.ts, for the same reason), best of five each, alternating. Run by
 * oldformats.ts with the two files' paths and the row count; prints one JSON line.
 */
import { readFileSync } from "fs";
import { useNodeZlib } from "../src/cli/inflate";
import { readWorkbook } from "../src/workbook/read";

async function rowsOf(bytes: Uint8Array, name: string): Promise<number> {
  const wb = await readWorkbook(bytes, name);
  let n = 0;
  for (const sheet of wb.sheets) for (const row of sheet.rows) n += row.length ? 1 : 0;
  return n;
}

async function main() {
  useNodeZlib(); // as the command line reads
  const xls = new Uint8Array(readFileSync(process.argv[2]));
  const xlsx = new Uint8Array(readFileSync(process.argv[3]));
  const rows = Number(process.argv[4]);
  const times = { xls: Infinity, xlsx: Infinity };
  for (let i = 0; i < 5; i++)
    for (const [key, bytes, name] of [
      ["xls", xls, "十万行.xls"],
      ["xlsx", xlsx, "十万行.xlsx"],
    ] as const) {
      const t0 = process.hrtime.bigint();
      const n = await rowsOf(bytes, name);
      times[key] = Math.min(times[key], Number(process.hrtime.bigint() - t0) / 1e6);
      // Both sheets' header rows and every register row.
      if (n !== rows + 2) throw new Error(`${name}: ${n} rows read, ${rows + 2} written`);
    }
  console.log(JSON.stringify(times));
}

void main();
