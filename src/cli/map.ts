/**
 * `ogi-report map <台账> [--map 对应关系] [--json]`: what was understood of an agency's own ledger — each register
 * found (its sheet, our register it stands for, its header row, which of its columns is which field, how many
 * rows) — and what must still be answered (each value whose words say too little, how many rows carry it, the
 * answers that fit), and the sheets ignored. The answers go into a 对应关系 table (a sheet of that name in the
 * ledger, or a file given with --map).
 */
import path from "path";
import { compileWorkbook } from "../report/compile";
import { SHEETS } from "../report/register/registers";
import { ANSWERS_HEADER, ANSWERS_SHEET } from "../report/register/answers";
import { questionGroups } from "../report/register/questions";
import { readWorkbook } from "../workbook/read";
import { answersOption, compileOptions, readInput } from "./files";

export async function runMap(file: string, flags: Record<string, string | true>, json: boolean) {
  const workbook = await readWorkbook(await readInput(file, "workbook"), path.basename(file));
  const options = { ...compileOptions(flags), ...(await answersOption(flags)) };
  const { ledger } = compileWorkbook(workbook, options);
  const registers = ledger.registers.map((r) => ({
    sheet: r.sheet,
    as: SHEETS[r.as],
    headerRow: r.headerRow,
    columns: Object.fromEntries(Object.entries(r.columns).map(([field, c]) => [field, c.header])),
    rows: r.rows ?? 0,
    // Columns holding the same values as a field's (read once), and the fields two columns may be (asked).
    ...(Object.values(r.columns).some((c) => c.same)
      ? {
          same: Object.fromEntries(
            Object.entries(r.columns).flatMap(([field, c]) => (c.same ? [[field, c.same]] : [])),
          ),
        }
      : {}),
    ...(r.ask
      ? {
          ask: Object.fromEntries(
            Object.entries(r.ask).map(([field, a]) => [
              field,
              { columns: a.columns.map((c) => c.header), held: a.held },
            ]),
          ),
        }
      : {}),
  }));
  const pending = ledger.pending.map((p) => ({
    field: p.field,
    value: p.value,
    rows: p.rows,
    choices: p.choices,
  }));
  if (json)
    return { pending, text: JSON.stringify({ registers, pending, ignored: ledger.ignored }, null, 1) + "\n" };
  const lines: string[] = [];
  if (!registers.length)
    lines.push("没有按内容识别出台账（工作表名和表头与本工具的登记表相同的，直接按原样读取）。");
  for (const r of registers) {
    lines.push(`工作表「${r.sheet}」：识别为「${r.as}」，表头在第${r.headerRow}行，${r.rows}行登记`);
    for (const [field, header] of Object.entries(r.columns))
      lines.push(
        `  ${field} ← 「${header}」${r.same?.[field] ? `（与${r.same[field].map((h) => `「${h}」`).join("")}各行相同）` : ""}`,
      );
    for (const [field, a] of Object.entries(r.ask ?? {}))
      lines.push(`  ${field} ← ${a.columns.map((h) => `「${h}」`).join("或")}（待确认）`);
  }
  if (ledger.ignored.length)
    lines.push(`未作为登记表读取的工作表：${ledger.ignored.map((s) => `「${s}」`).join("、")}`);
  if (pending.length) {
    lines.push("", `需要确认的写法（${pending.length}项）：`);
    for (const g of questionGroups(ledger)) {
      lines.push(`  ${g.note}`);
      for (const p of g.items)
        lines.push(`  ${p.field}「${p.value}」（${p.rows}行）可对应为：${p.choices.join("、")}`);
    }
    lines.push(
      "",
      `请在台账中加一张名为「${ANSWERS_SHEET}」的工作表（或另存一个文件，用 --map 给出），表头为 ${ANSWERS_HEADER.join(" | ")}，每行写一项，如：`,
      `  ${pending[0].field} | ${pending[0].value} | ${pending[0].choices[0]}`,
    );
  } else lines.push("", "没有需要确认的写法。");
  return { pending, text: lines.join("\n") + "\n" };
}
