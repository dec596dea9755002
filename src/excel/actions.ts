/**
 * The Excel pane's actions: the adapters run in Excel.run; reports are made with the same code as file mode.
 * What this Excel supports is asked at run time: without ExcelApi 1.7 the pane works on a saved file (file
 * mode) and says so; without 1.8 the register sheets are created without dropdown lists, and the pane says so;
 * without 1.9 the sheets it writes have no page setup (./print.ts), silently.
 */
import { getFormat } from "../report/formats";
import { formatForYear } from "../report/formats";
import { browserDownload, fileModeActions } from "../actions/files";
import type { PaneActions, PaneSettings } from "../actions/types";
import { loadSettings, saveSettings } from "./owned";
import {
  activeCell,
  createRegisterSheets,
  readRegisters,
  selectIssueCell,
  selectRegisterRow,
} from "./registers";
import { appendAnswers, createTypedSheet, writeRollup, writeStatistics } from "./sheets";
import { excelSupport, SUPPORT_MESSAGES } from "./support";
import { readRuleSheet, writeReview } from "./review";
import { workbookRules } from "../actions/review";

export function excelActions(settings: () => PaneSettings, support = excelSupport()): PaneActions {
  const files = fileModeActions();
  const isMac = typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType.Mac;
  if (!support.sheets) return { ...files, notes: [SUPPORT_MESSAGES.noSheets], canDownload: !isMac };
  return {
    mode: "excel",
    load: () => Excel.run((ctx) => readRegisters(ctx)),
    createRegisters: () =>
      Excel.run(async (ctx) => {
        const s = settings();
        const year = s.year || new Date().getFullYear() - 1;
        const format = getFormat(s.format || formatForYear(year));
        const created = await createRegisterSheets(ctx, format, year, support.dropdowns);
        return support.dropdowns ? { created } : { created, note: SUPPORT_MESSAGES.noDropdowns };
      }),
    writeStatistics: (result, replace) =>
      Excel.run((ctx) => writeStatistics(ctx, result, replace, support.print)),
    createTypedTables: (tables) =>
      Excel.run(async (ctx) => ((await createTypedSheet(ctx, tables, support.print)) ? "created" : "exists")),
    saveAnswers: (rows) => Excel.run((ctx) => appendAnswers(ctx, rows)),
    selectIssue: (issue) => Excel.run((ctx) => selectIssueCell(ctx, issue)),
    selectRow: (sheet, row) => Excel.run((ctx) => selectRegisterRow(ctx, sheet, row)),
    activeCell: () => Excel.run((ctx) => activeCell(ctx)),
    createReport: files.createReport,
    createWebPage: files.createWebPage,
    createGraphic: files.createGraphic,
    loadTables: files.loadTables,
    createRollupReport: files.createRollupReport,
    writeRollup: (result, replace) => Excel.run((ctx) => writeRollup(ctx, result, replace, support.print)),
    reviewFiles: files.reviewFiles,
    unitList: files.unitList,
    readRuleSet: files.readRuleSet,
    judgeAgain: files.judgeAgain,
    workbookRuleSet: () =>
      Excel.run((ctx) => readRuleSheet(ctx)).then((rows) => (rows ? workbookRules(rows) : null)),
    createReviewPackage: files.createReviewPackage,
    writeReview: (result, replace) => Excel.run((ctx) => writeReview(ctx, result, replace, support.print)),
    updateReport: files.updateReport,
    canDownload: !isMac,
    download: browserDownload,
    loadSettings: () => Excel.run((ctx) => loadSettings<PaneSettings>(ctx)),
    saveSettings: (s) => Excel.run((ctx) => saveSettings(ctx, s)),
  };
}
