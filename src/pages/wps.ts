/**
 * The WPS add-in's entry page (WPS loads it hidden, with ribbon.xml): the ribbon's callbacks as `window.ribbon`.
 * In WPS 表格 the button opens the pane over the workbook; in WPS 文字, until its own pane is done, file mode
 * (which updates a report as a downloaded copy).
 */
import { ribbonCallbacks } from "../wps/ribbon";

const here = (file: string) => new URL(file, location.href).href;
/** WPS 表格's Application has Workbooks; WPS 文字's has Documents. */
const isSpreadsheet = (() => {
  try {
    return typeof (Application as unknown as { Workbooks?: unknown }).Workbooks !== "undefined";
  } catch {
    return false;
  }
})();

Object.assign(window, {
  ribbon: ribbonCallbacks(
    Application,
    here(isSpreadsheet ? "wps-et.html" : "filemode.html"),
    here("assets/icon-32.png"),
  ),
});
