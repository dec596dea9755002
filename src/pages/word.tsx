/** The Word task pane (its own page: the custom functions bundle is not loaded in Word). */
import { createRoot } from "react-dom/client";
import { usePdfJsInBrowser } from "./pdfjs";
import { wordActions } from "../word/actions";
import { WordPane } from "../taskpane/WordPane";

usePdfJsInBrowser();

Office.onReady(() => {
  createRoot(document.getElementById("root") as HTMLElement).render(<WordPane actions={wordActions()} />);
});
