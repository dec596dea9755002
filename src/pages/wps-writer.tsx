/** The task pane in WPS 文字: the same pane as in Word, over the WPS 文字 adapter. */
import { createRoot } from "react-dom/client";
import { usePdfJsInBrowser } from "./pdfjs";
import { WordPane } from "../taskpane/WordPane";
import { writerActions } from "../wps/actions";
import type { WriterHost } from "../wps/writer";

usePdfJsInBrowser();

// The global is typed by et-jsapi-declare (WPS 表格's root); in WPS 文字 the same global is 文字's root.
const host = Application as unknown as WriterHost;
createRoot(document.getElementById("root") as HTMLElement).render(
  <WordPane actions={writerActions(host)} host="WPS 文字" />,
);
