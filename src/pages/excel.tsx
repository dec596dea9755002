/** The Excel task pane (shared runtime with the custom functions). */
import { createRoot } from "react-dom/client";
import { usePdfJsInBrowser } from "./pdfjs";
import { withSettings } from "../actions/pane";
import { excelActions } from "../excel/actions";
import { Pane } from "../taskpane/Pane";

usePdfJsInBrowser();

Office.onReady(() => {
  const actions = withSettings((settings) => excelActions(settings));
  createRoot(document.getElementById("root") as HTMLElement).render(<Pane actions={actions} />);
});
