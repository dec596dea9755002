/** The Excel pane's actions: the adapters run in Excel.run; reports are made with the same code as file mode. */
import { getFormat } from "../report/formats";
import type { PaneActions, PaneSettings } from "../taskpane/actions";
import { browserDownload } from "../taskpane/actions";
import { fileModeActions } from "../taskpane/fileMode";
import {
  createRegisterSheets,
  loadSettings,
  readRegisters,
  saveSettings,
  selectIssueCell,
  writeStatistics,
  writeRollup,
} from "./adapter";

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
        return createRegisterSheets(
          ctx,
          getFormat(s.format || (year >= 2021 ? "2021" : year >= 2019 ? "2019" : "2008")),
          year,
        );
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
