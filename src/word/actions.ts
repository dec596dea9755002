/**
 * The Word pane's actions: the adapters, each in its own Word.run. The custom XML part goes through WordApi 1.4
 * where Word has it and through the common API otherwise (Word 2016/2019/LTSC 2021), checked at run time.
 */
import { OGI_NS } from "../docx/namespace";
import { browserDownload, fileModeActions } from "../actions/files";
import type { WordActions } from "../actions/types";
import {
  insertAtCursor,
  listControls,
  readReportXml,
  replaceParts,
  selectText,
  writeReportXml,
} from "./adapter";
import { documentFileCommon, readXmlCommon, writeXmlCommon } from "./commonXml";

/** Whether this Word has WordApi 1.4's document.customXmlParts. */
const hasWordApi14 = () => Office.context.requirements.isSetSupported("WordApi", "1.4");

export function wordActions(): WordActions {
  return {
    listControls: () => Word.run((ctx) => listControls(ctx)),
    readReportXml: () =>
      hasWordApi14()
        ? Word.run((ctx) => readReportXml(ctx, OGI_NS))
        : readXmlCommon(Office.context.document, OGI_NS),
    writeReportXml: (xml) =>
      hasWordApi14()
        ? Word.run((ctx) => writeReportXml(ctx, OGI_NS, xml))
        : writeXmlCommon(Office.context.document, OGI_NS, xml),
    replaceParts: (parts) => Word.run((ctx) => replaceParts(ctx, parts)),
    insertAtCursor: (b64) => Word.run((ctx) => insertAtCursor(ctx, b64)),
    documentBytes: () => documentFileCommon(Office.context.document),
    selectText: (text) => Word.run((ctx) => selectText(ctx, text)),
    updateCopy: fileModeActions().updateReport,
    download: browserDownload,
  };
}
