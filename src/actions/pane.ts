/**
 * What the Excel pane and file mode decide that is not UI: the compile options from the pane's settings and
 * last year's tables, compiling with a pane-worded message for an unusable workbook, reading roll-up units one
 * at a time with progress, and the names of the files the pane downloads.
 */
import type { WorkbookData } from "../report/common/cells";
import { compileWorkbook, UnusableInputError } from "../report/compile";
import type { CompileOptions, CompileResult } from "../report/compile";
import { getFormat, reportTitle } from "../report/formats";
import type { RollupUnit } from "../report/rollup";
import type { TableSet } from "../report/tables/tables";
import { previousTables } from "../report/tables/tablesInput";
import type { PaneActions, PaneSettings } from "./types";

/** Settings left blank (0, "") fall back to 报告信息 and the year; last year's tables when loaded. */
export function compileOptions(settings: PaneSettings, previous?: TableSet | null): CompileOptions {
  return {
    ...(settings.year ? { year: settings.year } : {}),
    ...(settings.format ? { format: settings.format } : {}),
    ...(settings.agency ? { agency: settings.agency } : {}),
    ...(previous ? { previous } : {}),
  };
}

/** Compiles for the pane: a workbook without registers says where to create them. */
export function compileForPane(
  wb: WorkbookData,
  settings: PaneSettings,
  previous?: TableSet | null,
): CompileResult {
  try {
    // With the trace, so that every number shown can be explained (clicked) without compiling again.
    return compileWorkbook(wb, { ...compileOptions(settings, previous), explain: true });
  } catch (e) {
    if (e instanceof UnusableInputError)
      throw new Error(`${e.message}。可在“数据”页创建登记表，或打开含登记表的工作簿。`);
    throw e;
  }
}

/** Last year's unit, refused with the reason when its tables cannot serve for X1. */
export function asPrevious(unit: RollupUnit, fileName: string): RollupUnit {
  return { ...unit, tables: previousTables(unit.tables, `「${fileName}」`) };
}

/** Reads the units one at a time, reporting progress; a unit that fails is named in the error. */
export async function loadUnits(
  actions: Pick<PaneActions, "loadTables">,
  files: File[],
  progress: (label: string) => void,
): Promise<RollupUnit[]> {
  const units: RollupUnit[] = [];
  for (const [i, f] of files.entries()) {
    progress(`正在读取第 ${i + 1}/${files.length} 个单位：${f.name}`);
    try {
      units.push(await actions.loadTables(f));
    } catch (err) {
      throw new Error(`「${f.name}」：${(err as Error).message}`);
    }
  }
  return units;
}

/** The downloaded report: its title, e.g. 某局2025年政府信息公开工作年度报告.docx. */
export function reportFileName(t: TableSet): string {
  return `${reportTitle(getFormat(t.format), t.agency || "政府信息公开", t.year)}.docx`;
}

/** The roll-up report: 本级2025年政府信息公开工作年度报告（汇总）.docx. */
export function rollupFileName(t: TableSet, agency: string): string {
  return `${reportTitle(getFormat(t.format), agency || "本级", t.year)}（汇总）.docx`;
}

/** What the pane says once a file is saved: where, when the host saved it (WPS), else that it was downloaded. */
export function savedNotice(what: string, where: string | void): string {
  return where ? `${what}已保存到：${where}` : `${what}已生成并下载。`;
}

/** An updated copy of a report the user picked: 原名（已更新）.docx. */
export function updatedFileName(name: string): string {
  return name.replace(/\.docx$/i, "") + "（已更新）.docx";
}

/**
 * A host's actions that need the pane's current settings (year, format for the register sheets): made with a
 * getter of the settings last saved or loaded, which this keeps.
 */
export function withSettings(make: (settings: () => PaneSettings) => PaneActions): PaneActions {
  let current: PaneSettings = { year: 0, format: "", agency: "" };
  const actions = make(() => current);
  const { saveSettings: save, loadSettings: load } = actions;
  actions.saveSettings = async (s) => {
    await save(s);
    current = s;
  };
  actions.loadSettings = async () => {
    const s = await load();
    current = { ...current, ...s };
    return s;
  };
  return actions;
}
