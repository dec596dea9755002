/** The command line's commands, over the engine and the workbook adapter. */
import { placedMessage } from "../report/tables/place";
import { promises as fs } from "fs";
import path from "path";
import { checkTables, hasErrors } from "../report/tables/checks";
import type { Finding } from "../report/tables/checks";
import { compileWorkbook, rowErrorCount, toTablesJson } from "../report/compile";
import type { CompileResult } from "../report/compile";
import { sampleWorkbook } from "../report/sample";
import type { TableSet } from "../report/tables/tables";
import { createReport, partsIn, summarizeUpdate, updateReport } from "../docx";
import { GRAPHIC_PART } from "../publish/graphicPart";
import { reportGraphic } from "./reportGraphic";
import type { UpdateResult } from "../docx";
import { keyOfCell } from "../report/tables/cellRef";
import { contributionLine, explainRollupCell, rollup, rollupCompileResult } from "../report/rollup";
import { cellName } from "../report/tables/layout";
import { getFormat } from "../report/formats";
import type { RollupResult, RollupUnit } from "../report/rollup";
import { inputKind } from "../load/limits";
import { compileFile, parseTablesJson, tablesFromFile, unitName } from "../load/tables";
import { readWorkbook } from "../workbook/read";
import { rollupWorkbookBuffer, workbookBuffer } from "../workbook/write";
import { previousTables as asPrevious } from "../report/tables/tablesInput";
import { cellArg, renderExplanation } from "./explain";
import { answersOption, compileOptions, readInput, UsageError, writeOutput } from "./files";
import { checkedHeader, checkedJson } from "./checked";
import {
  renderCompile,
  renderFindings,
  renderRowIssues,
  renderTable2,
  renderTable3,
  renderTable4,
} from "./render";

export { UsageError };

/** Last year's tables from --previous (tables JSON, report .docx or workbook). */
export async function previousTables(
  flags: Record<string, string | true>,
  year?: number,
): Promise<TableSet | undefined> {
  if (typeof flags.previous !== "string") return undefined;
  const file = flags.previous;
  const loaded = await tablesFromFile(
    await readInput(file, inputKind(file)),
    path.basename(file),
    year ? { year: year - 1 } : {},
  );
  return asPrevious(loaded.tables, `「${file}」`);
}

/** A register (or CSV), a workbook with typed tables, or a tables JSON, compiled with the command's options. */
export async function compileInput(
  file: string,
  flags: Record<string, string | true>,
): Promise<CompileResult> {
  return (await compileWithPrevious(file, flags)).result;
}

/** compileInput, with last year's tables it was compiled with (--previous), if any. */
async function compileWithPrevious(
  file: string,
  flags: Record<string, string | true>,
): Promise<{ result: CompileResult; previous?: TableSet }> {
  const options = { ...compileOptions(flags), ...(await answersOption(flags)) };
  const previous = await previousTables(flags, options.year);
  const kind = inputKind(file) === "tables" ? "tables" : "workbook";
  const result = await compileFile(await readInput(file, kind), path.basename(file), {
    ...options,
    ...(previous ? { previous } : {}),
  });
  return { result, previous };
}

/** Whether a compile has errors: a check finding of severity error, or a register row with an error. */
export function hasCompileErrors(result: CompileResult): boolean {
  return hasErrors(result.checks) || rowErrorCount(result) > 0;
}

/** What was left out of the numbers because of register errors, for commands that still write their output. */
export function rowErrorNote(result: CompileResult): string {
  const errors = rowErrorCount(result);
  if (!errors) return "";
  return `注意：登记表有${errors}处错误，${result.stats.excludedRows}行未计入上面的数字；用 compile 命令查看每一处。\n`;
}

export async function runReport(
  file: string,
  flags: Record<string, string | true>,
): Promise<{ result: CompileResult; text: string }> {
  const out = flags.o ?? flags.output;
  if (typeof out !== "string") throw new UsageError("report 需要用 -o 指定输出的 .docx 文件");
  const { result, previous } = await compileWithPrevious(file, flags);
  const graphic = flags.graphic ? reportGraphic(result.tables, flags, previous) : { extra: [], note: "" };
  await writeOutput(out, await createReport(result, path.basename(file), new Date(), graphic.extra), [file]);
  return {
    result,
    text:
      `已生成报告：${out}\n${graphic.note ? `${graphic.note}\n` : ""}` +
      `${renderFindings(result.checks)}\n${rowErrorNote(result)}`,
  };
}

function renderUpdate(u: UpdateResult): string {
  const summary = summarizeUpdate(u);
  const lines: string[] = [];
  if (!summary.changed.length) lines.push("没有需要更新的内容：报告中的数字和文字已是最新。");
  for (const c of summary.changed) lines.push(`已更新「${c.alias}」：`, ...c.lines.map((l) => `  ${l}`));
  lines.push(...summary.missing, ...summary.orphans, ...summary.stale);
  return lines.join("\n") + "\n";
}

export async function runUpdate(
  docx: string,
  xlsx: string,
  flags: Record<string, string | true>,
): Promise<{ result: CompileResult; update: UpdateResult; text: string }> {
  const out = flags.o ?? flags.output;
  if (typeof out !== "string")
    throw new UsageError("update 需要用 -o 指定输出的 .docx 文件（不会覆盖原报告）");
  if (path.resolve(out) === path.resolve(docx) || path.resolve(out) === path.resolve(xlsx))
    throw new UsageError(`输出文件「${out}」与输入文件相同；本工具不会覆盖原文件，请另取一个文件名`);
  const input = await readInput(docx, "report");
  const { result, previous } = await compileWithPrevious(xlsx, flags);
  const graphic = partsIn(input, path.basename(docx)).includes(GRAPHIC_PART)
    ? reportGraphic(result.tables, flags, previous, true)
    : { extra: [], note: "" };
  const update = await updateReport(
    input,
    path.basename(docx),
    result,
    path.basename(xlsx),
    new Date(),
    graphic.extra,
  );
  // A 图解 that could not be drawn is kept as it was: said once, not as a part the data no longer gives.
  if (graphic.note) update.orphans = update.orphans.filter((o) => o !== GRAPHIC_PART);
  await writeOutput(out, update.bytes, [docx, xlsx]);
  return {
    result,
    update,
    text:
      renderUpdate(update) +
      (graphic.note ? `${graphic.note}\n` : "") +
      `已写入：${out}\n` +
      rowErrorNote(result),
  };
}

export async function runCompile(
  file: string,
  flags: Record<string, string | true>,
  json: boolean,
): Promise<{ result: CompileResult; text: string }> {
  const result = await compileInput(file, flags);
  return {
    result,
    text: json ? JSON.stringify(toTablesJson(result), null, 1) + "\n" : renderCompile(result),
  };
}

/**
 * `check` of a tables JSON (with the last year it may carry) or of a workbook (its registers or typed tables):
 * the tables read and the findings, in the shape `check` gives every input (./checked).
 */
export async function checkTablesFile(
  file: string,
  flags: Record<string, string | true>,
  json: boolean,
): Promise<{ findings: Finding[]; failed: boolean; text: string }> {
  if (inputKind(file) !== "tables") {
    const result = await compileInput(file, flags);
    const t = result.tables;
    const source = result.typed && !result.stats.applications ? "typed" : "register";
    const a = result.stats.applications;
    const text = json
      ? checkedJson(t, result.checks, source, { rowIssues: result.rowIssues, stats: result.stats })
      : [
          checkedHeader(file, source, t) +
            (a
              ? `\n依申请公开登记：读取${a.rows}行，计入本年度${a.counted}行（其中上年结转${a.carried}行）${a.excluded ? `，因错误未计入${a.excluded}行` : ""}`
              : ""),
          renderTable2(t),
          renderTable3(t),
          renderTable4(t),
          renderFindings(result.checks),
          renderRowIssues(result.rowIssues),
        ]
          .filter(Boolean)
          .join("\n\n") + "\n";
    return { findings: result.checks, failed: hasCompileErrors(result), text };
  }
  const { tables, previous: given } = parseTablesJson(await readInput(file, "tables"), file);
  const previous =
    given !== undefined
      ? asPrevious(given, `「${file}」中的 previous`)
      : await previousTables(flags, tables.year);
  const findings = checkTables(tables, previous ? { previous } : {});
  const text = json
    ? checkedJson(tables, findings, "tables")
    : [
        checkedHeader(file, "tables", tables),
        renderTable2(tables),
        renderTable3(tables),
        renderTable4(tables),
        renderFindings(findings),
      ]
        .filter(Boolean)
        .join("\n\n") + "\n";
  return { findings, failed: hasErrors(findings), text };
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
  const workbook = await readWorkbook(await readInput(xlsx, "workbook"), path.basename(xlsx));
  const result = compileWorkbook(workbook);
  const tablesFile = path.join(dir, "统计表.json");
  await fs.writeFile(tablesFile, JSON.stringify(toTablesJson(result), null, 1) + "\n");
  const report = path.join(dir, "年度报告.docx");
  await fs.writeFile(report, await createReport(result, path.basename(xlsx)));
  io.err(`已写入：\n  ${xlsx}\n  ${tablesFile}\n  ${report}\n\n`);
  return {
    result,
    text: json ? JSON.stringify(toTablesJson(result), null, 1) + "\n" : renderCompile(result),
  };
}

export async function runRollup(
  files: string[],
  flags: Record<string, string | true>,
  json: boolean,
): Promise<{ result: RollupResult; registerErrors: string[]; text: string }> {
  const explaining = typeof flags.explain === "string";
  const options = {
    ...compileOptions(flags),
    ...(await answersOption(flags)),
    ...(explaining ? { explain: true } : {}),
  };
  const agency = typeof flags.agency === "string" ? flags.agency : "";
  const units: RollupUnit[] = [];
  const badRegisters: string[] = [];
  // One unit at a time: only its tables are kept.
  for (const file of files) {
    const loaded = await tablesFromFile(await readInput(file, inputKind(file)), path.basename(file), options);
    const name = unitName(loaded.tables, path.basename(file));
    units.push({
      name,
      tables: loaded.tables,
      excludedRows: loaded.excludedRows,
      ...(loaded.explainer ? { explainer: loaded.explainer } : {}),
    });
    if (loaded.rowErrors)
      badRegisters.push(
        `「${name}」的台账有${loaded.rowErrors}处错误（${loaded.excludedRows ?? 0}行未计入）`,
      );
  }
  const result = rollup(units, { ...options, agency });
  const explained = explaining ? explainRollup(result, String(flags.explain)) : null;
  const out =
    typeof flags.o === "string" ? flags.o : typeof flags.output === "string" ? flags.output : undefined;
  const written: string[] = [];
  if (out) {
    await writeOutput(
      out,
      await createReport(rollupCompileResult(result, agency), `${files.length}个单位`),
      files,
    );
    written.push(out);
  }
  if (typeof flags.xlsx === "string") {
    await writeOutput(flags.xlsx, await rollupWorkbookBuffer(result), files);
    written.push(flags.xlsx);
  }
  if (json) {
    const { t2, t3, t4 } = result.total;
    const data = {
      t2,
      t3,
      t4,
      // null where a unit's fee is unknown; feeUnknown names those units.
      feeYuan: result.total.feeYuan ?? null,
      feeUnknown: result.feeUnknown,
      checks: result.checks,
      warnings: result.warnings,
      units: result.units.map((u) => ({
        name: u.name,
        t2: u.tables.t2,
        t3: u.tables.t3,
        t4: u.tables.t4,
        feeYuan: u.tables.feeYuan ?? null,
        checks: u.checks,
      })),
    };
    return {
      result,
      registerErrors: badRegisters,
      text:
        JSON.stringify(
          { ...data, registerErrors: badRegisters, ...(explained ? { explained: explained.data } : {}) },
          null,
          1,
        ) + "\n",
    };
  }
  const lines = [`汇总 ${result.units.length} 个单位（${result.total.year}年）：`];
  for (const u of result.units) {
    const errors = u.checks.filter((c) => c.severity === "error");
    lines.push(`  ${u.name}：${errors.length ? `${errors.length}个错误` : "通过"}`);
    for (const e of errors) lines.push(`    ${e.rule} ${placedMessage(e)}`);
  }
  if (result.unitsWithErrors.length)
    lines.push(`注意：${result.unitsWithErrors.join("、")}的表格本身有错误，汇总数已包含它们的数字。`);
  lines.push(
    ...result.warnings.map((w) => `提示：${w}`),
    "",
    renderTable2(result.total),
    "",
    renderTable3(result.total),
    "",
    renderTable4(result.total),
    "",
    renderFindings(result.checks),
  );
  for (const b of badRegisters) lines.push(`注意：${b}，汇总数不含这些行；用 compile 命令查看每一处。`);
  if (written.length) lines.push(`已写入：${written.join("、")}`);
  if (explained) lines.push("", explained.text);
  return {
    result,
    registerErrors: badRegisters,
    text: lines.filter((l, i, a) => l !== "" || a[i - 1] !== "").join("\n") + "\n",
  };
}

/** --explain "行 [列]": a number of the total by unit, and the rows of units given as registers. */
function explainRollup(result: RollupResult, spec: string) {
  const [row, column] = spec.trim().split(/\s+/);
  const format = getFormat(result.total.format);
  const cell = cellArg(format, row ?? "", column);
  const units = explainRollupCell(result, cell);
  const label = cellName(keyOfCell(format, cell), format);
  const lines = [contributionLine(label, units)];
  for (const u of units)
    if (u.explanation)
      lines.push(`${u.name}：${renderExplanation(u.explanation, result.total.year).trimEnd()}`);
  return { data: { cell, label, units }, text: lines.join("\n") };
}
