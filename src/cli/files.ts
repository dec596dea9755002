/**
 * The command line's files: inputs read only within their size limit, outputs written atomically beside their
 * target (a hidden temporary file, renamed; removed on any failure), never over an input. Every file-system
 * failure is a Chinese sentence: which file, what is wrong, what to do.
 */
import { promises as fs } from "fs";
import { readRuleSet } from "../load/rules";
import type { RuleSet } from "../report/rules/ruleset";
import path from "path";
import { sizeProblem } from "../load/limits";
import { normalizeText } from "../report/common/normalize";
import type { Cell } from "../report/common/cells";
import { ANSWERS_SHEET } from "../report/register/answers";
import { readWorkbook } from "../workbook/read";
import type { InputKind } from "../load/limits";
import { isFormatId } from "../report/formats";
import type { FormatId } from "../report/formats";

/** A usage mistake (exit 2 with the usage text). */
export class UsageError extends Error {}

/** A file-system failure in words. */
export function fileProblem(e: unknown, file: string, reading: boolean): Error {
  const code = (e as NodeJS.ErrnoException).code;
  const dir = path.dirname(file);
  const why: Record<string, string> = {
    ENOENT: reading
      ? `找不到文件「${file}」，请检查文件名和路径`
      : `无法写入「${file}」：目录「${dir}」不存在，请先创建它或换一个位置`,
    ENOTDIR: `路径「${file}」中有一段不是目录，请检查路径`,
    EISDIR: reading
      ? `「${file}」是一个目录，不是文件`
      : `「${file}」是一个目录，请在它后面加上文件名，如「${path.join(file, "报告.docx")}」`,
    ENAMETOOLONG: `文件名或路径「${file.length > 80 ? file.slice(0, 80) + "…" : file}」过长，请换一个短些的名称`,
    EACCES: `没有权限${reading ? "读取" : "写入"}「${file}」，请检查文件或目录的权限`,
    EPERM: `没有权限${reading ? "读取" : "写入"}「${file}」，请检查文件或目录的权限`,
    EROFS: `「${dir}」在只读的磁盘上，无法写入「${file}」`,
    ENOSPC: `磁盘空间不足，无法写入「${file}」；请清理后再试`,
    EMFILE: `打开的文件过多，无法${reading ? "读取" : "写入"}「${file}」；请稍后再试`,
  };
  if (code && why[code]) return new Error(why[code]);
  return new Error(`无法${reading ? "读取" : "写入"}「${file}」（${code ?? (e as Error).message}）`);
}

/** Reads a file the user named, refusing one larger than its kind allows before reading it. */
export async function readInput(file: string, kind: InputKind): Promise<Uint8Array> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw Object.assign(new Error("dir"), { code: "EISDIR" });
    size = stat.size;
  } catch (e) {
    throw fileProblem(e, file, true);
  }
  const problem = sizeProblem(path.basename(file), size, kind);
  if (problem) throw new Error(problem);
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    throw fileProblem(e, file, true);
  }
}

/** Writes a new file, never over an input: a hidden temporary file beside it, renamed; removed on failure. */
export async function writeOutput(file: string, bytes: Uint8Array, inputs: string[]): Promise<void> {
  const target = path.resolve(file);
  if (inputs.some((i) => path.resolve(i) === target))
    throw new UsageError(`输出文件「${file}」与输入文件相同；本工具不会覆盖原文件，请另取一个文件名`);
  const existing = await fs.stat(target).catch(() => null);
  if (existing?.isDirectory()) throw fileProblem(Object.assign(new Error(), { code: "EISDIR" }), file, false);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw fileProblem(e, file, false);
  }
}

/** --year and --format, checked: a usage error names what was given. */
export function compileOptions(flags: Record<string, string | true>): { year?: number; format?: FormatId } {
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

/** --map: a 对应关系 table in its own file (.xlsx: the sheet of that name, else the first; .csv), or nothing. */
export async function answersOption(
  flags: Record<string, string | true>,
): Promise<{ answers?: { rows: Cell[][]; where: string } }> {
  if (flags.map === undefined) return {};
  if (typeof flags.map !== "string") throw new UsageError("--map 需要一个对应关系文件（.xlsx 或 .csv）");
  const where = path.basename(flags.map);
  const wb = await readWorkbook(await readInput(flags.map, "workbook"), where);
  const sheet = wb.sheets.find((s) => normalizeText(s.name) === normalizeText(ANSWERS_SHEET)) ?? wb.sheets[0];
  return { answers: { rows: sheet?.rows ?? [], where } };
}

/** The 审核要点 given with --rules (src/load/rules.ts), or undefined for the national defaults. */
export async function ruleSetFlag(flags: Record<string, string | true>): Promise<RuleSet | undefined> {
  if (flags.rules === undefined) return undefined;
  if (typeof flags.rules !== "string")
    throw new UsageError("--rules 需要一个审核要点文件（.xlsx、.csv 或 .json）");
  const file = flags.rules;
  return readRuleSet(
    await readInput(file, /\.json$/i.test(file) ? "tables" : "workbook"),
    path.basename(file),
  );
}
