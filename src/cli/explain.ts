/**
 * `ogi-report explain <台账.xlsx> <行> [列]`: the register rows behind one number of 表三 or 表四 — sheet, row,
 * 编号, the fields that put each there and why — or, with --json, the explanation as data.
 */
import path from "path";
import { CellRefError, parseCell } from "../report/tables/cellRef";
import { compileFile } from "../load/tables";
import { inputKind } from "../load/limits";
import type { Explanation } from "../report/register/explain";
import type { CellRef } from "../report/tables/cellRef";
import { getFormat } from "../report/formats";
import type { FormatDef } from "../report/formats";
import { answersOption, compileOptions, readInput, UsageError } from "./files";

/** The cell the command line names (row, then column); a name of no cell is a usage error, said in Chinese. */
export function cellArg(format: FormatDef, row: string, column: string | undefined): CellRef {
  try {
    return parseCell(format, row, column);
  } catch (e) {
    if (e instanceof CellRefError) throw new UsageError(e.message);
    throw e;
  }
}

export function renderExplanation(e: Explanation, year: number): string {
  const lines = [`${e.label} = ${e.value ?? "（空白）"}（${year}年）`, e.note];
  for (const r of e.rows) {
    const fields = r.fields.map(([k, v]) => `${k} ${v || "（空）"}`).join("  ");
    lines.push(`  ${r.sheet} 第${r.row}行${r.id ? `  编号 ${r.id}` : ""}  ${fields}`, `      ${r.why}`);
  }
  return lines.join("\n") + "\n";
}

export async function runExplain(
  file: string,
  row: string,
  column: string | undefined,
  flags: Record<string, string | true>,
  json: boolean,
): Promise<{ text: string }> {
  const options = { ...compileOptions(flags), ...(await answersOption(flags)) };
  const kind = inputKind(file) === "tables" ? "tables" : "workbook";
  const result = await compileFile(await readInput(file, kind), path.basename(file), {
    ...options,
    explain: true,
  });
  const format = getFormat(result.tables.format);
  const cell = cellArg(format, row, column);
  const explanation = result.explainer?.explain(cell);
  if (!explanation) throw new Error("无法说明这个数字");
  return {
    text: json
      ? JSON.stringify({ year: result.tables.year, ...explanation }, null, 1) + "\n"
      : renderExplanation(explanation, result.tables.year),
  };
}
