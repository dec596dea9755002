/**
 * One unit of a review, from whatever file it came as: its report (ours or hand-made .docx, a saved web page —
 * its tables, its text: X3 and the completeness rules), its register or typed 统计表 workbook (compiled), or
 * its tables JSON. Works on bytes, one file at a time, so the command line and the panes share it; a file
 * that cannot be read is a unit with the reason, never an exception.
 */
import { compileWorkbook, rowErrorCount } from "../report/compile";
import { checkTables } from "../report/tables/checks";
import { numericTables } from "../report/read/tables";
import { checkReadReport } from "../report/read/text";
import { unitNameFromFile } from "../report/review";
import type { ReadUnit } from "../report/review";
import type { TableSet } from "../report/tables/tables";
import { readWorkbook } from "../workbook/read";
import { cellText } from "../report/common/cells";
import { decodeText } from "../workbook/csv";
import { inputKind, unreadFormat } from "./limits";
import { openReportFile } from "./report";
import { parseTablesJson } from "./tables";

export interface UnitOptions {
  /** The review's year: a title of another year is C4. */
  year?: number;
  /** Last year's tables of a unit, by the unit's name (X1, X2). */
  previousOf?: (unit: string) => TableSet | undefined;
  /** A register's numbers traced to their rows (the pane's 汇总 explains a total down to them). */
  explain?: boolean;
  /** A PDF's pages as they are read. */
  onPage?: (done: number, total: number) => void;
}

/** The unit a file holds, with its findings (X1/X2 against last year's where it is known). */
export async function readUnit(
  bytes: Uint8Array,
  name: string,
  options: UnitOptions = {},
): Promise<ReadUnit> {
  const file = name;
  const unread = unreadFormat(name);
  if (unread) return { unit: unitNameFromFile(name), file, reason: unread };
  try {
    const kind = inputKind(name);
    if (kind === "report") {
      const r = await openReportFile(bytes, name, {}, options.onPage);
      const unit = r.tables.agency || unitNameFromFile(name);
      if (r.problems.length) return { unit, file, reason: r.problems.join("；") };
      const numeric = numericTables(r.tables);
      const previous = options.previousOf?.(unit);
      return {
        unit,
        file,
        tables: numeric,
        findings: checkReadReport(r, numeric, previous, options.year),
        source: r.source,
        // How it was read, where the reviewer should know: printed tables edited by hand, stored data broken.
        ...(r.notices.length
          ? {
              extra: r.notices.map((n) => ({
                rule: "读取",
                severity: "warning" as const,
                where: "报告",
                message: n,
              })),
            }
          : {}),
      };
    }
    if (kind === "tables") {
      const { tables } = parseTablesJson(bytes, name);
      const unit = tables.agency || unitNameFromFile(name);
      const previous = options.previousOf?.(unit);
      return {
        unit,
        file,
        tables: numericTables(tables),
        findings: checkTables(tables, previous ? { previous } : {}),
        source: "tables",
      };
    }
    const workbook = await readWorkbook(bytes, name);
    const explain = options.explain ? { explain: true } : {};
    const first = compileWorkbook(workbook, explain);
    const unit = first.tables.agency || unitNameFromFile(name);
    const previous = options.previousOf?.(unit);
    const result = previous ? compileWorkbook(workbook, { ...explain, previous }) : first;
    const errors = rowErrorCount(result);
    return {
      unit,
      file,
      tables: result.tables,
      findings: result.checks,
      ...(errors
        ? {
            extra: [
              {
                rule: "台账",
                severity: "error" as const,
                where: "台账",
                message: `台账有${errors}处错误（${result.stats.excludedRows}行未计入），请用 compile 命令或任务窗格逐条查看`,
              },
            ],
          }
        : {}),
      source: result.typed && !result.stats.applications ? "typed" : "register",
      ...(result.stats.excludedRows ? { excludedRows: result.stats.excludedRows } : {}),
      ...(result.explainer ? { explainer: result.explainer } : {}),
    };
  } catch (e) {
    return { unit: unitNameFromFile(name), file, reason: (e as Error).message };
  }
}

/**
 * The names of the units a review expects, from the list the reviewer keeps: one per line (.txt, UTF-8 or GBK), or the first
 * column of the first sheet (.csv, .xlsx), a header such as 单位 or 单位名称 skipped.
 */
export async function unitNames(bytes: Uint8Array, name: string): Promise<string[]> {
  const rows = /\.txt$/i.test(name)
    ? decodeText(bytes)
        .split(/\r?\n/)
        .map((l) => [l])
    : ((await readWorkbook(bytes, name)).sheets[0]?.rows ?? []);
  return rows
    .map((r) => cellText(r[0]).trim())
    .filter((n, i) => n && !(i === 0 && /^(单位|单位名称|名称|部门)$/.test(n)));
}
