/**
 * The WPS add-in's entry page (WPS loads it hidden, with ribbon.xml): the ribbon's callbacks as `window.ribbon`.
 * The button opens the pane of the host it is pressed in: WPS 表格 (its Application has Workbooks) the Excel
 * pane, WPS 文字 (Documents) the Word pane; anything else file mode.
 */
import { ribbonCallbacks } from "../wps/ribbon";

const here = (file: string) => new URL(file, location.href).href;
const has = (member: string) => {
  try {
    return typeof (Application as unknown as Record<string, unknown>)[member] !== "undefined";
  } catch {
    return false;
  }
};
const pane = has("Workbooks") ? "wps-et.html" : has("Documents") ? "wps-writer.html" : "filemode.html";

Object.assign(window, {
  ribbon: ribbonCallbacks(Application, here(pane), here("assets/icon-32.png")),
});
