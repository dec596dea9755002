/** The Word pane's actions: the adapters, each in its own Word.run. */
import { OGI_NS } from "../docx/namespace";
import type { WordActions } from "../actions/types";
import { insertAtCursor, listControls, readReportXml, replaceParts, writeReportXml } from "./adapter";

export function wordActions(): WordActions {
  return {
    listControls: () => Word.run((ctx) => listControls(ctx)),
    readReportXml: () => Word.run((ctx) => readReportXml(ctx, OGI_NS)),
    writeReportXml: (xml) => Word.run((ctx) => writeReportXml(ctx, OGI_NS, xml)),
    replaceParts: (parts) => Word.run((ctx) => replaceParts(ctx, parts)),
    insertAtCursor: (b64) => Word.run((ctx) => insertAtCursor(ctx, b64)),
  };
}
