/** The task pane in WPS 表格: the same pane as in Excel, over the WPS adapter. */
import { createRoot } from "react-dom/client";
import { usePdfJsInBrowser } from "./pdfjs";
import { withSettings } from "../actions/pane";
import { Pane } from "../taskpane/Pane";
import { etActions } from "../wps/actions";

usePdfJsInBrowser();

const actions = withSettings((settings) => etActions(Application, settings));
createRoot(document.getElementById("root") as HTMLElement).render(<Pane actions={actions} />);
