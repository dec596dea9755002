/**
 * Updating a report as a copy (file mode's way, and the Word pane's where the document cannot be changed in
 * place): pick the report .docx, get the updated copy downloaded, and the change list handed back.
 */
import { Field } from "@fluentui/react-components";
import { updatedFileName } from "../actions/pane";
import type { UpdateSummary } from "../actions/types";
import type { Runner } from "./useRunner";

export function UpdateCopyField({
  runner,
  disabled,
  update,
  download,
  onUpdated,
}: {
  runner: Pick<Runner, "busy" | "run" | "setNotice">;
  disabled?: boolean;
  update: (docx: File) => Promise<{ blob: Blob; summary: UpdateSummary }>;
  download: (blob: Blob, name: string) => Promise<string | void> | void;
  onUpdated: (summary: UpdateSummary) => void;
}) {
  const { busy, run, setNotice } = runner;
  return (
    <Field label="更新已有报告（选择 .docx，下载更新后的副本）">
      <input
        type="file"
        accept=".docx"
        aria-label="选择要更新的报告"
        disabled={!!busy || disabled}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (!f) return;
          void run("正在更新报告…", async () => {
            const { blob, summary } = await update(f);
            const where = await download(blob, updatedFileName(f.name));
            onUpdated(summary);
            const saved = where ? `更新后的副本已保存到：${where}。` : "";
            setNotice(
              summary.changed.length
                ? `${saved || "报告已更新并下载，"}改动如下。`
                : `${saved}报告中的数字已是最新，${where ? "副本" : "下载的副本"}与原报告相同。`,
            );
          });
        }}
      />
    </Field>
  );
}
