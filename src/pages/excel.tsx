/** The Excel task pane (shared runtime with the custom functions). */
import { createRoot } from "react-dom/client";
import { excelActions } from "../excel/actions";
import type { PaneSettings } from "../actions/types";
import { Pane } from "../taskpane/Pane";

Office.onReady(() => {
  let current: PaneSettings = { year: 0, format: "", agency: "" };
  const actions = excelActions(() => current);
  const save = actions.saveSettings;
  actions.saveSettings = async (s) => {
    await save(s);
    current = s;
  };
  const load = actions.loadSettings;
  actions.loadSettings = async () => {
    const s = await load();
    current = { ...current, ...s };
    return s;
  };
  createRoot(document.getElementById("root") as HTMLElement).render(<Pane actions={actions} />);
});
