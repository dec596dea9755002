/** The Excel task pane (shared runtime with the custom functions). */
import { createRoot } from "react-dom/client";
import { FileCompile } from "./FileCompile";
import { fileActions } from "./fileActions";
import { Shell } from "./Shell";

Office.onReady(() => {
  createRoot(document.getElementById("root") as HTMLElement).render(
    <Shell subtitle="Excel：可在单元格中使用 =OGI.TABLE3(…) 等函数；也可选择台账文件统计并生成报告。">
      <FileCompile actions={fileActions} />
    </Shell>,
  );
});
