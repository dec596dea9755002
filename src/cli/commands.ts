/** The command line's commands, over the engine and the workbook adapter. */
import { promises as fs } from "fs";
import path from "path";
import { checkTables } from "../report/checks";
import type { Finding } from "../report/checks";
import { compileWorkbook, toTablesJson } from "../report/compile";
import type { CompileResult } from "../report/compile";
import { isFormatId } from "../report/formats";
import type { FormatId } from "../report/formats";
import { sampleWorkbook } from "../report/sample";
import type { TableSet } from "../report/tables";
import { readWorkbook } from "../workbook/read";
import { workbookBuffer } from "../workbook/write";
import { renderCompile, renderFindings } from "./render";

export class UsageError extends Error {}

/** Reads a file the user named, with a Chinese message when it cannot be read. */
export async function readInput(file: string): Promise<Uint8Array> {
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new Error(`「${file}」是一个目录，不是文件`);
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new Error(`找不到文件「${file}」`);
    if (code === "EACCES") throw new Error(`没有权限读取「${file}」`);
    throw e;
  }
}

function compileOptions(flags: Record<string, string | true>): { year?: number; format?: FormatId } {
  const options: { year?: number; format?: FormatId } = {};
  if (typeof flags.year === "string") {
    const y = Number(flags.year);
    if (!Number.isInteger(y) || y < 2000 || y > 2100)
      throw new UsageError(`--year 应为年份（如 2025），而不是「${flags.year}」`);
    options.year = y;
  }
  if (typeof flags.format === "string") {
    if (!isFormatId(flags.format))
      throw new UsageError(`--format 只能是 2021、2019 或 2008，而不是「${flags.format}」`);
    options.format = flags.format;
  }
  return options;
}

export async function runCompile(
  file: string,
  flags: Record<string, string | true>,
  json: boolean,
): Promise<{ result: CompileResult; text: string }> {
  const options = compileOptions(flags);
  const workbook = await readWorkbook(await readInput(file), path.basename(file));
  const result = compileWorkbook(workbook, options);
  return {
    result,
    text: json ? JSON.stringify(toTablesJson(result), null, 1) + "\n" : renderCompile(result),
  };
}

export async function checkTableJson(
  file: string,
  json: boolean,
): Promise<{ findings: Finding[]; text: string }> {
  const raw = new TextDecoder().decode(await readInput(file));
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new Error(`「${file}」不是有效的 JSON：${(e as Error).message}`);
  }
  if (!data || typeof data !== "object" || Array.isArray(data))
    throw new Error(`「${file}」应为一个 JSON 对象，包含 format、year、t2、t3、t4`);
  const tables = data as TableSet & { previous?: TableSet };
  const findings = checkTables(tables, tables.previous ? { previous: tables.previous } : {});
  return {
    findings,
    text: json ? JSON.stringify({ checks: findings }, null, 1) + "\n" : renderFindings(findings) + "\n",
  };
}

export async function runDemo(
  dir: string,
  json: boolean,
  io: { err: (s: string) => void },
): Promise<{ result: CompileResult; text: string }> {
  await fs.mkdir(dir, { recursive: true });
  const sample = sampleWorkbook();
  const xlsx = path.join(dir, "示例台账.xlsx");
  await fs.writeFile(xlsx, await workbookBuffer(sample));
  const workbook = await readWorkbook(await readInput(xlsx), path.basename(xlsx));
  const result = compileWorkbook(workbook);
  const tablesFile = path.join(dir, "统计表.json");
  await fs.writeFile(tablesFile, JSON.stringify(toTablesJson(result), null, 1) + "\n");
  io.err(`已写入：\n  ${xlsx}\n  ${tablesFile}\n\n`);
  return {
    result,
    text: json ? JSON.stringify(toTablesJson(result), null, 1) + "\n" : renderCompile(result),
  };
}
