/** File mode: the pane in an ordinary browser, without Office, working on an .xlsx the user opens. */
import { createRoot } from "react-dom/client";
import { FileCompile } from "./FileCompile";
import { fileActions } from "./fileActions";
import { Shell } from "./Shell";

createRoot(document.getElementById("root") as HTMLElement).render(
  <Shell subtitle="文件模式：无需 Office，选择台账文件即可统计、校验并下载报告；数据不离开本机。">
    <FileCompile actions={fileActions} />
  </Shell>,
);
