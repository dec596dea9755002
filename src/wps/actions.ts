/**
 * The pane's actions in WPS 表格: the same PaneActions as Excel, over the WPS adapter (its calls are synchronous;
 * each action runs in one go); reports and roll-ups are made by the same code as file mode.
 */
import { browserDownload, fileModeActions } from "../actions/files";
import type { PaneActions, PaneSettings } from "../actions/types";
import { getFormat } from "../report/formats";
import { formatForYear } from "../report/info";
import {
  createRegisterSheetsEt,
  loadSettingsEt,
  readRegistersEt,
  saveSettingsEt,
  selectIssueCellEt,
  selectRowEt,
  writeStatisticsEt,
} from "./et";

/** Runs a synchronous WPS call as an action: its failure becomes the action's (a Chinese message). */
const act = <T>(body: () => T): Promise<T> => new Promise((resolve) => resolve(body()));

export function etActions(app: Et.Application, settings: () => PaneSettings): PaneActions {
  const files = fileModeActions();
  return {
    mode: "excel",
    load: () => act(() => readRegistersEt(app)),
    createRegisters: () =>
      act(() => {
        const s = settings();
        const year = s.year || new Date().getFullYear() - 1;
        return { created: createRegisterSheetsEt(app, getFormat(s.format || formatForYear(year)), year) };
      }),
    writeStatistics: (result, replace) => act(() => writeStatisticsEt(app, result, replace)),
    selectIssue: (issue) => act(() => selectIssueCellEt(app, issue)),
    selectRow: (sheet, row) => act(() => selectRowEt(app, sheet, row)),
    createReport: files.createReport,
    loadTables: files.loadTables,
    createRollupReport: files.createRollupReport,
    updateReport: files.updateReport,
    canDownload: true,
    download: browserDownload,
    loadSettings: () => act(() => loadSettingsEt<PaneSettings>(app)),
    saveSettings: (s) => act(() => saveSettingsEt(app, s)),
  };
}
