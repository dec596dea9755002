/**
 * The panes' actions in WPS: in WPS 表格 the same PaneActions as Excel, over the ET adapter; in WPS 文字 the same
 * WordActions as Word, over the 文字 adapter. WPS's calls are synchronous: each action runs in one go. Reports,
 * roll-ups and the updated copy are made by the same code as file mode.
 */
import { workbookRules } from "../actions/review";
import { fileModeActions } from "../actions/files";
import type { PaneActions, PaneSettings, WordActions } from "../actions/types";
import { OGI_NS } from "../docx/namespace";
import { getFormat } from "../report/formats";
import { formatForYear } from "../report/formats";
import {
  appendAnswersEt,
  createRegisterSheetsEt,
  createTypedSheetEt,
  loadSettingsEt,
  readRegistersEt,
  saveSettingsEt,
  selectIssueCellEt,
  selectRowEt,
  writeReviewEt,
  readRuleSheetEt,
  writeStatisticsEt,
} from "./et";
import { saveFile } from "./save";
import type { FileHost } from "./save";
import {
  documentBytesWps,
  insertAtCursorWps,
  listControlsWps,
  readReportXmlWps,
  replacePartsWps,
  selectTextWps,
  writeReportXmlWps,
  writerNotes,
} from "./writer";
import type { WriterHost } from "./writer";

/** Runs a synchronous WPS call as an action: its failure becomes the action's (a Chinese message). */
const act = <T>(body: () => T): Promise<T> => new Promise((resolve) => resolve(body()));

export function etActions(app: Et.Application & FileHost, settings: () => PaneSettings): PaneActions {
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
    createTypedTables: (tables) => act(() => (createTypedSheetEt(app, tables) ? "created" : "exists")),
    saveAnswers: (rows) => act(() => appendAnswersEt(app, rows)),
    selectIssue: (issue) => act(() => selectIssueCellEt(app, issue)),
    selectRow: (sheet, row) => act(() => selectRowEt(app, sheet, row)),
    createReport: files.createReport,
    createWebPage: files.createWebPage,
    createGraphic: files.createGraphic,
    loadTables: files.loadTables,
    createRollupReport: files.createRollupReport,
    reviewFiles: files.reviewFiles,
    unitList: files.unitList,
    readRuleSet: files.readRuleSet,
    judgeAgain: files.judgeAgain,
    workbookRuleSet: () =>
      act(() => readRuleSheetEt(app)).then((rows) => (rows ? workbookRules(rows) : null)),
    createReviewPackage: files.createReviewPackage,
    writeReview: (result, replace) => act(() => writeReviewEt(app, result, replace)),
    updateReport: files.updateReport,
    canDownload: true,
    download: (blob, name) => saveFile(app, blob, name),
    loadSettings: () => act(() => loadSettingsEt<PaneSettings>(app)),
    saveSettings: (s) => act(() => saveSettingsEt(app, s)),
  };
}

/** The Word pane's actions in WPS 文字; without the add-in's FileSystem the pane offers the updated copy. */
export function writerActions(host: WriterHost): WordActions {
  const notes = writerNotes(host);
  return {
    notes,
    canUpdateInPlace: !notes.length,
    listControls: () => act(() => listControlsWps(host)),
    readReportXml: () => act(() => readReportXmlWps(host, OGI_NS)),
    writeReportXml: (xml) => act(() => writeReportXmlWps(host, OGI_NS, xml)),
    replaceParts: (parts) => act(() => replacePartsWps(host, parts)),
    insertAtCursor: (b64) => act(() => insertAtCursorWps(host, b64)),
    documentBytes: () => act(() => documentBytesWps(host)),
    selectText: (text) => act(() => selectTextWps(host, text)),
    updateCopy: fileModeActions().updateReport,
    download: (blob, name) => saveFile(host, blob, name),
  };
}
