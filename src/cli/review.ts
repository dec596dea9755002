/**
 * `ogi-report review <文件或文件夹…> [--previous <上年文件或文件夹>] [--units <单位名单>] [--year 2025]
 * [-o 审核结果.xlsx] [--letters 目录] [--agency 本级名称] [--json]`: every unit's report checked in one pass (src/report/review.ts judges them). Folders
 * are walked once, recursively and bounded (a link that loops back is not followed twice; at most MAX_REVIEW_FILES
 * files), with progress on stderr; files that are no report, register or tables are listed as skipped, with why.
 */
import { placedMessage } from "../report/tables/place";
import { promises as fs } from "fs";
import path from "path";
import { inputKind, reviewSkipReason } from "../load/limits";
import { readUnit, unitList } from "../load/review";
import type { PublishedDate } from "../report/read/published";
import type { PreviousMatch } from "../load/review";
import { review, reviewYear, unitLabel, unitNameFromFile } from "../report/review";
import { reviewLetters } from "../report/reviewLetters";
import { renderBlocks } from "../docx";
import type { ReadUnit, ReviewResult } from "../report/review";
import { unitFinder } from "../report/units";
import { reviewWorkbookBuffer } from "../workbook/review";
import { compileOptions, fileProblem, readInput, ruleSetFlag, UsageError, writeOutput } from "./files";

interface Walked {
  files: string[];
  /** Each file as the review names it (same order): its path under the folder given, or its name. */
  shown: string[];
  skipped: { file: string; reason: string }[];
}

/**
 * A file as the review's sheets and letters name it: relative to the folder given (「街道/乙局.htm」), its name
 * where it was given itself — never a path of the reviewer's machine.
 */
const shownName = (root: string | null, p: string): string =>
  (root ? path.relative(root, p) : path.basename(p)).split(path.sep).join("/");

/** The files under the paths given, each once: folders recursively, links that loop back not followed again. */
export async function walk(paths: string[], progress: (s: string) => void): Promise<Walked> {
  const out: Walked = { files: [], shown: [], skipped: [] };
  const seen = new Set<string>();
  let root: string | null = null;
  const visit = async (p: string, depth: number): Promise<void> => {
    let real: string;
    try {
      real = await fs.realpath(p);
    } catch (e) {
      throw fileProblem(e, p, true);
    }
    if (seen.has(real)) return;
    seen.add(real);
    const stat = await fs.stat(real);
    if (stat.isDirectory()) {
      if (depth === 0) root = p;
      if (depth > 20)
        return void out.skipped.push({ file: shownName(root, p), reason: "文件夹层数过多，未再深入" });
      for (const name of (await fs.readdir(real)).sort()) await visit(path.join(p, name), depth + 1);
      return;
    }
    const reason = reviewSkipReason(p, out.files.length);
    if (reason) out.skipped.push({ file: shownName(root, p), reason });
    else {
      out.files.push(p);
      out.shown.push(shownName(root, p));
      if (out.files.length % 100 === 0) progress(`已找到 ${out.files.length} 个文件…\n`);
    }
  };
  for (const p of paths) {
    root = null;
    await visit(p, 0);
  }
  return out;
}

/** The units expected and the dates the list gives them (load/review.ts reads the list). */
async function readList(file: string): Promise<{ names: string[]; dates: Map<string, PublishedDate> }> {
  return unitList(await readInput(file, "workbook"), path.basename(file));
}

async function readAll(
  { files, shown }: Pick<Walked, "files" | "shown">,
  progress: (s: string) => void,
  year: number | undefined,
  previousOf?: (unit: string) => PreviousMatch,
): Promise<ReadUnit[]> {
  const units: ReadUnit[] = [];
  for (const [i, f] of files.entries()) {
    const file = shown[i];
    if ((i + 1) % 10 === 0 || i + 1 === files.length)
      progress(`正在读取第 ${i + 1}/${files.length} 个文件\n`);
    let bytes: Uint8Array;
    try {
      bytes = await readInput(f, inputKind(f));
    } catch (e) {
      units.push({ unit: unitNameFromFile(f), nameFrom: "file", file, reason: (e as Error).message });
      continue;
    }
    units.push({ ...(await readUnit(bytes, path.basename(f), { year, previousOf })), file });
  }
  return units;
}

function render(r: ReviewResult): string {
  const lines = [`审核 ${r.units.length} 个单位（${r.year}年）：`];
  for (const u of r.units) {
    const counts = u.errors || u.warnings ? `（${u.errors}个错误、${u.warnings}个提示）` : "";
    lines.push(`  ${u.status}  ${unitLabel(u)}${counts}${u.reason ? `：${u.reason}` : ""}`);
    for (const f of u.findings.filter((x) => x.severity === "error"))
      lines.push(`      ${f.rule} ${placedMessage(f)}`);
  }
  for (const m of r.missing) lines.push(`  未报送  ${m}`);
  for (const s of r.skipped) lines.push(`  已跳过  ${s.file}：${s.reason}`);
  return lines.join("\n") + "\n";
}

export async function runReview(
  paths: string[],
  flags: Record<string, string | true>,
  json: boolean,
  io: { err: (s: string) => void },
): Promise<{ result: ReviewResult; text: string }> {
  const { year: given } = compileOptions(flags);
  // The office's 审核要点 first: a set that cannot be used stops the review before any file is read.
  const set = await ruleSetFlag(flags);
  const walked = await walk(paths, io.err);
  if (!walked.files.length && !walked.skipped.length) throw new UsageError("review 需要至少一个文件或文件夹");
  // Last year's units, found by name as the list's are (src/report/units.ts).
  let previousOf: ((unit: string) => PreviousMatch) | undefined;
  if (typeof flags.previous === "string") {
    const last = await walk([flags.previous], io.err);
    const read = await readAll(last, io.err, undefined);
    previousOf = unitFinder(
      read.flatMap((u) =>
        u.tables
          ? [{ unit: u.unit, tables: u.tables, file: path.basename(u.file), paragraphs: u.paragraphs }]
          : [],
      ),
    );
  }
  const units = await readAll(walked, io.err, given, previousOf);
  const year = reviewYear(units, given);
  const list = typeof flags.units === "string" ? await readList(flags.units) : undefined;
  const result = review(units, {
    year,
    expected: list?.names,
    skipped: walked.skipped,
    ...(set ? { set } : {}),
    ...(list?.dates.size ? { listDates: list.dates } : {}),
  });
  const out = flags.o ?? flags.output;
  const written: string[] = [];
  if (typeof out === "string") {
    await writeOutput(out, await reviewWorkbookBuffer(result), walked.files);
    written.push(out);
  }
  if (typeof flags.letters === "string") {
    const dir = flags.letters;
    await fs.mkdir(dir, { recursive: true }).catch((e: unknown) => {
      throw fileProblem(e, dir, false);
    });
    const from = typeof flags.agency === "string" ? flags.agency : undefined;
    for (const doc of reviewLetters(result, { from, date: new Date() })) {
      const file = path.join(dir, doc.file);
      await writeOutput(file, await renderBlocks(doc.title, doc.blocks), walked.files);
      written.push(file);
    }
  }
  const text = json
    ? JSON.stringify(result, null, 1) + "\n"
    : render(result) + (written.length ? `已写入：${written.join("、")}\n` : "");
  return { result, text };
}
