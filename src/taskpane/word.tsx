/** The Word task pane (its own page: the custom functions bundle is not loaded in Word). */
import { createRoot } from "react-dom/client";
import { FileCompile } from "./FileCompile";
import { fileActions } from "./fileActions";
import { Shell } from "./Shell";

Office.onReady(() => {
  createRoot(document.getElementById("root") as HTMLElement).render(
    <Shell subtitle="Word：选择登记台账统计并生成报告。">
      <FileCompile actions={fileActions} />
    </Shell>,
  );
});
