/** File mode: the pane in an ordinary browser, without Office, working on an .xlsx the user opens. */
import { createRoot } from "react-dom/client";
import { usePdfJsInBrowser } from "./pdfjs";
import { fileModeActions } from "../actions/files";
import { Pane } from "../taskpane/Pane";

usePdfJsInBrowser();

createRoot(document.getElementById("root") as HTMLElement).render(<Pane actions={fileModeActions()} />);
