/** The Excel pane's actions: the adapters run in Excel.run; reports are made with the same code as file mode. */
import { getFormat } from "../report/formats";
import { formatForYear } from "../report/info";
import { browserDownload, fileModeActions } from "../actions/files";
import type { PaneActions, PaneSettings } from "../actions/types";
import { loadSettings, saveSettings } from "./owned";
import { createRegisterSheets, readRegisters, selectIssueCell } from "./registers";
import { writeRollup, writeStatistics } from "./sheets";

export function excelActions(settings: () => PaneSettings): PaneActions {
  const files = fileModeActions();
  const isMac = typeof Office !== "undefined" && Office.context?.platform === Office.PlatformType.Mac;
  return {
    mode: "excel",
    load: () => Excel.run((ctx) => readRegisters(ctx)),
    createRegisters: () =>
      Excel.run((ctx) => {
        const s = settings();
        const year = s.year || new Date().getFullYear() - 1;
        return createRegisterSheets(ctx, getFormat(s.format || formatForYear(year)), year);
      }),
    writeStatistics: (result, replace) => Excel.run((ctx) => writeStatistics(ctx, result, replace)),
    selectIssue: (issue) => Excel.run((ctx) => selectIssueCell(ctx, issue)),
    createReport: files.createReport,
    loadTables: files.loadTables,
    createRollupReport: files.createRollupReport,
    writeRollup: (result, replace) => Excel.run((ctx) => writeRollup(ctx, result, replace)),
    updateReport: files.updateReport,
    canDownload: !isMac,
    download: browserDownload,
    loadSettings: () => Excel.run((ctx) => loadSettings<PaneSettings>(ctx)),
    saveSettings: (s) => Excel.run((ctx) => saveSettings(ctx, s)),
  };
}
