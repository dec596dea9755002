// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the add-in root's types (CreateTaskPane, PluginStorage) are in et-jsapi-declare's index.d.ts, global declarations only.
/// <reference path="../../node_modules/et-jsapi-declare/index.d.ts" />
/**
 * The ribbon's callbacks (ribbon.xml names them `ribbon.*`): the 年报助手 button opens the task pane — once; a
 * second press shows or hides the same pane, whose id is kept in the add-in's PluginStorage. WPS's add-in root
 * typed with et-jsapi-declare; no WPS runs here (tested on a fake root).
 */

/** What of WPS's add-in root the ribbon uses. */
export type AddinRoot = Pick<WPS.AddonRoot, "CreateTaskPane" | "GetTaskPane" | "PluginStorage">;

const PANE_KEY = "ogi.taskPaneId";
const PANE_WIDTH = 360;

export interface RibbonControl {
  Id: string;
}

export function ribbonCallbacks(root: AddinRoot, paneUrl: string, iconUrl: string) {
  return {
    OnAddinLoad: (): boolean => true,
    OnAction(control: RibbonControl): void {
      if (control.Id !== "ogiOpenPane") return;
      const id = Number(root.PluginStorage.getItem(PANE_KEY));
      if (id) {
        const pane = root.GetTaskPane(id);
        pane.Visible = !pane.Visible;
        return;
      }
      const pane = root.CreateTaskPane(paneUrl, "年报助手");
      pane.Width = PANE_WIDTH;
      pane.Visible = true;
      root.PluginStorage.setItem(PANE_KEY, pane.ID);
    },
    GetImage: (control: RibbonControl): string => (control.Id === "ogiOpenPane" ? iconUrl : ""),
  };
}
