/**
 * A primary button that makes a file and downloads it (or saves it, where the host does), then says where:
 * every 生成/下载 button of the Excel pane is one of these. `make` gives one file (named by `fileName`) or several
 * (each with its name), saved one after another.
 */
import { Button } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { savedNotice } from "../actions/pane";
import type { DownloadFile, PaneActions } from "../actions/types";
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
  /** The name of the one file `make` gives (unused when it gives several, named). */
  fileName?: () => string;
  make: () => Promise<Blob | DownloadFile[]>;
  children: ReactNode;
}) {
  const { busy, run, setNotice } = runner;
  return (
    <Button
      appearance="primary"
      disabled={!!busy || !actions.canDownload}
      onClick={() =>
        void run(working, async () => {
          const made = await make();
          const files = Array.isArray(made) ? made : [{ name: fileName?.() ?? what, blob: made }];
          const where: string[] = [];
          for (const f of files) {
            const saved = await actions.download(f.blob, f.name);
            if (saved) where.push(saved);
          }
          setNotice(savedNotice(what, where.join("、")));
        })
      }
    >
      {children}
    </Button>
  );
}
