/**
 * 审核与汇总 in the panes, on any host: the units' files read one at a time (the command line's reader,
 * src/load/review.ts), last year's files matched by unit name for X1/X2, a list of units for 未报送, the review
 * judged by the engine (src/report/review.ts), and what it makes: the review workbook and the letters in a .zip.
 * The reader and the writers load on first use.
 */
import { reviewWithTotal, reviewYear, unitNameFromFile } from "../report/review";
import { reviewLetters } from "../report/reviewLetters";
import type { ReadUnit, ReviewResult } from "../report/review";
import { unitFinder } from "../report/units";
import type { TableSet } from "../report/tables/tables";
import type { PreviousMatch } from "../load/review";
import { bytesOf } from "./bytes";
import { reviewSkipReason } from "../load/limits";
import type { PaneReview, ReviewInput, UnitList } from "./types";
import type { RuleSet } from "../report/rules/ruleset";
import { ruleSetFromRows, RULE_SHEET_NAME } from "../report/rules/parse";
import type { Cell } from "../report/common/cells";

const ZIP = "application/zip";

/** One unit's file read (a file too large or unreadable is a unit with the reason, as in the command line). */
export async function readUnitFile(
  file: File,
  options: { year?: number; previousOf?: (unit: string) => PreviousMatch; explain?: boolean } = {},
  progress?: (label: string) => void,
): Promise<ReadUnit> {
  const { readUnit } = await import("../load/review");
  let bytes: Uint8Array;
  try {
    bytes = await bytesOf(file);
  } catch (e) {
    return {
      unit: unitNameFromFile(file.name),
      nameFrom: "file",
      file: file.name,
      reason: (e as Error).message,
    };
  }
  return readUnit(bytes, file.name, {
    ...options,
    onPage: progress ? (n, total) => progress(`「${file.name}」第 ${n}/${total} 页`) : undefined,
  });
}

/**
 * A file as the review names it: under a folder picked, its path inside that folder (「街道/乙局.htm」, as the
 * command line names it relative to the folder reviewed); else its name.
 */
export function shownName(f: File): string {
  const relative = (f as File & { webkitRelativePath?: string }).webkitRelativePath;
  return relative ? relative.split("/").slice(1).join("/") || f.name : f.name;
}

/** The units a list names (.txt one per line, .csv or .xlsx by its header), with the dates it gives them. */
export async function unitListFile(file: File): Promise<UnitList> {
  const { unitList } = await import("../load/review");
  return unitList(await bytesOf(file, "workbook"), file.name);
}

/**
 * A review of the files picked: last year's read first (for X1/X2, matched by unit name), then each unit,
 * with progress; units of another year and files that could not be read are left out of the total.
 */
export async function reviewFiles(
  input: ReviewInput,
  progress: (label: string) => void,
): Promise<PaneReview> {
  const last: { unit: string; tables: TableSet; file: string; paragraphs?: string[] }[] = [];
  for (const [i, f] of (input.previous ?? []).entries()) {
    progress(`正在读取上年的第 ${i + 1}/${input.previous?.length} 个文件：${f.name}`);
    const u = await readUnitFile(f, {}, progress);
    if (u.tables) last.push({ unit: u.unit, tables: u.tables, file: f.name, paragraphs: u.paragraphs });
  }
  // Last year's units found by name as the list's are (src/report/units.ts).
  const previousOf = last.length ? unitFinder(last) : undefined;
  // A folder picked brings every file in it: only reports, registers and tables are units.
  const files: File[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const f of input.files) {
    const name = (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
    const reason = reviewSkipReason(name, files.length);
    if (reason) skipped.push({ file: name, reason });
    else files.push(f);
  }
  const read: ReadUnit[] = [];
  for (const [i, f] of files.entries()) {
    progress(`正在读取第 ${i + 1}/${files.length} 个单位：${f.name}`);
    const u = await readUnitFile(f, { year: input.year, previousOf, explain: true }, progress);
    read.push({ ...u, file: shownName(f) });
  }
  const year = reviewYear(read, input.year);
  const options = {
    year,
    expected: input.expected,
    skipped,
    ...(input.rules ? { set: input.rules } : {}),
    ...(input.listDates?.size ? { listDates: input.listDates } : {}),
  };
  return { ...reviewWithTotal(read, options), read, options };
}

/** The last review judged again under other 审核要点: the units as they were read, nothing read again. */
export function judgeAgain(review: PaneReview, rules: RuleSet): PaneReview {
  if (!review.read || !review.options) return review;
  const options = { ...review.options, set: rules };
  return { ...reviewWithTotal(review.read, options), read: review.read, options };
}

/** The 审核要点 a file gives (src/load/rules.ts). */
export async function ruleSetFile(file: File): Promise<RuleSet> {
  const { readRuleSet } = await import("../load/rules");
  return readRuleSet(await bytesOf(file, /\.json$/i.test(file.name) ? "tables" : "workbook"), file.name);
}

/** 审核结果.zip: the review workbook, an audit letter per unit to correct, and the circular (通报.docx). */
export async function reviewPackage(r: ReviewResult, agency: string, date = new Date()): Promise<Blob> {
  const [{ reviewWorkbookBuffer }, { renderBlocks }, { writeZip }] = await Promise.all([
    import("../workbook/review"),
    import("../docx"),
    import("../zip/write"),
  ]);
  const entries = [{ name: "审核结果.xlsx", data: await reviewWorkbookBuffer(r) }];
  for (const doc of reviewLetters(r, { from: agency || undefined, date }))
    entries.push({ name: doc.file, data: await renderBlocks(doc.title, doc.blocks) });
  return new Blob([writeZip({ entries }) as Uint8Array<ArrayBuffer>], { type: ZIP });
}

/** The open workbook's 「审核要点」 sheet as a rule set (its rows read by the host's adapter). */
export function workbookRules(rows: Cell[][]): RuleSet {
  return ruleSetFromRows(rows, `本工作簿的「${RULE_SHEET_NAME}」工作表`);
}
