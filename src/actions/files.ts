/**
 * File mode's actions: the pane in a plain browser, on an .xlsx the user picks. The workbook reader and the
 * Word writer load on first use; settings stay in this browser's local storage.
 */
import { rollupCompileResult } from "../report/rollup";
import { bytesOf } from "./bytes";
import { graphicFiles, redrawnGraphic, webPage } from "./publish";
import { GRAPHIC_PART } from "../publish/files";
import { readInWorker } from "./readInWorker";
import { judgeAgain, reviewFiles, reviewPackage, ruleSetFile, unitListFile } from "./review";
import type { PaneActions, PaneSettings } from "./types";
import { cellText } from "../report/common/cells";
import type { WorkbookData } from "../report/common/cells";
import { ANSWERS_HEADER, ANSWERS_SHEET } from "../report/register/answers";

const KEY = "ogi-annual-report.settings";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The browser's way of saving a file: a link with a blob URL. */
export function browserDownload(blob: Blob, name: string): void {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 30000);
}

/** Bytes as a binary string (a character per byte), in chunks: a long spread would overflow the stack. */
export function binaryString(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return s;
}

/** A table as CSV that Excel and WPS open in Chinese: UTF-8 with a BOM, every field quoted, CRLF. */
export function csvText(rows: string[][]): string {
  return (
    "\ufeff" + rows.map((r) => r.map((v) => `"${v.replace(/"/g, '""')}"`).join(",")).join("\r\n") + "\r\n"
  );
}

/** The picked workbook with the answers given beside it (a file picked, answers saved) as its 对应关系 rows. */
function withAnswers(wb: WorkbookData, answers: string[][]): WorkbookData {
  if (!answers.length) return wb;
  const own = wb.sheets.find((s) => s.name.trim() === ANSWERS_SHEET);
  const sheet = { name: ANSWERS_SHEET, rows: [...(own?.rows ?? [ANSWERS_HEADER]), ...answers] };
  return { ...wb, sheets: [...wb.sheets.filter((s) => s !== own), sheet] };
}

export function fileModeActions(): PaneActions {
  let picked: File | undefined;
  /** Answers from a 对应关系 file picked, then those saved in the pane: never written into the picked file. */
  let answers: string[][] = [];
  return {
    mode: "file",
    pickFile(file) {
      picked = file;
    },
    fileName: () => picked?.name,
    async load() {
      if (!picked) throw new Error("请先选择登记台账文件（.xlsx 或 .csv）。");
      return withAnswers(await readInWorker(await bytesOf(picked, "workbook"), picked.name), answers);
    },
    async pickAnswers(file) {
      const wb = await readInWorker(await bytesOf(file, "workbook"), file.name);
      const sheet = wb.sheets.find((s) => s.name.trim() === ANSWERS_SHEET) ?? wb.sheets[0];
      const rows = (sheet?.rows ?? [])
        .map((r) => r.slice(0, ANSWERS_HEADER.length).map((v) => cellText(v).trim()))
        .filter((r) => r.some((v) => v) && r[0] !== ANSWERS_HEADER[0]);
      answers = rows;
      return rows.length;
    },
    async saveAnswers(rows) {
      answers = [...answers, ...rows];
      const blob = new Blob([csvText([ANSWERS_HEADER, ...answers])], { type: "text/csv;charset=utf-8" });
      browserDownload(blob, `${ANSWERS_SHEET}.csv`);
    },
    async createTypedTables(tables) {
      const { statisticsWorkbookBuffer } = await import("../workbook/statistics");
      const bytes = await statisticsWorkbookBuffer(tables);
      browserDownload(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: XLSX }), "统计表.xlsx");
      return "downloaded";
    },
    async createReport(result, source) {
      const { createReport } = await import("../docx");
      return new Blob([(await createReport(result, source)) as Uint8Array<ArrayBuffer>], { type: DOCX });
    },
    createWebPage: (result) => webPage(result),
    createGraphic: (result, previous) => graphicFiles(result, previous),
    async loadTables(file) {
      const { tablesFromFile, unitName } = await import("../load/tables");
      // With the trace: a number of the roll-up can then be explained down to a register unit's rows.
      const loaded = await tablesFromFile(await bytesOf(file), file.name, { explain: true });
      return {
        name: unitName(loaded.tables, file.name),
        tables: loaded.tables,
        excludedRows: loaded.excludedRows,
        ...(loaded.explainer ? { explainer: loaded.explainer } : {}),
      };
    },
    reviewFiles,
    unitList: unitListFile,
    readRuleSet: ruleSetFile,
    judgeAgain,
    createReviewPackage: (result, agency) => reviewPackage(result, agency),
    async createRollupReport(result, agency) {
      const { createReport } = await import("../docx");
      return new Blob(
        [(await createReport(rollupCompileResult(result, agency), "汇总")) as Uint8Array<ArrayBuffer>],
        { type: DOCX },
      );
    },
    async updateReport(docx, result, source) {
      const { updateReport, summarizeUpdate } = await import("../docx");
      const bytes = await bytesOf(docx, "report");
      const graphic = await redrawnGraphic(bytes, docx.name, result);
      const u = await updateReport(bytes, docx.name, result, source, new Date(), graphic.extra);
      // A 图解 that could not be drawn is kept as it was: said once, not as a part the data no longer gives.
      if (graphic.note) u.orphans = u.orphans.filter((o) => o !== GRAPHIC_PART);
      const s = summarizeUpdate(u);
      return {
        blob: new Blob([u.bytes as Uint8Array<ArrayBuffer>], { type: DOCX }),
        summary: {
          changed: s.changed,
          missing: [...s.missing, ...s.orphans, ...(graphic.note ? [graphic.note] : []), ...s.stale],
        },
      };
    },
    canDownload: true,
    download: browserDownload,
    async loadSettings() {
      try {
        return JSON.parse(localStorage.getItem(KEY) ?? "{}") as Partial<PaneSettings>;
      } catch {
        return {};
      }
    },
    async saveSettings(s) {
      localStorage.setItem(KEY, JSON.stringify(s));
    },
  };
}
