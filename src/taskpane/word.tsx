/**
 * The Word task pane (its own page: the custom functions bundle is not loaded in Word). Until the linked
 * Word pane is built, it offers the file actions: pick the register workbook, compile, create or update a report.
 */
import { createRoot } from "react-dom/client";
import { fileModeActions } from "./fileMode";
import { Pane } from "./Pane";

Office.onReady(() => {
  createRoot(document.getElementById("root") as HTMLElement).render(<Pane actions={fileModeActions()} />);
});
