/**
 * A primary button that makes a file and downloads it (or saves it, where the host does), then says where:
 * every 生成/下载 button of the Excel pane is one of these.
 */
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { savedNotice } from "../actions/pane";
import type { PaneActions } from "../actions/types";
import type { Runner } from "./useRunner";

export function DownloadButton({
  actions,
  runner,
  working,
  what,
  fileName,
  make,
  children,
}: {
  actions: PaneActions;
  runner: Runner;
  /** The progress line while the file is made (正在生成…). */
  working: string;
  /** What the file is, for the notice (报告、汇总报告…). */
  what: string;
  fileName: () => string;
  make: () => Promise<Blob>;
  children: ReactNode;
}) {
  const { busy, run, setNotice } = runner;
  return (
    <Button
      appearance="primary"
      disabled={!!busy || !actions.canDownload}
      onClick={() =>
        void run(working, async () => {
          const where = await actions.download(await make(), fileName());
          setNotice(savedNotice(what, where));
        })
      }
    >
      {children}
    </Button>
  );
}
