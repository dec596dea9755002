/** The 报告 tab: create the Word report, or update a report the user picks, and download the result. */
import { Button, Field, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { reportFileName, updatedFileName } from "../actions/pane";
import type { PaneActions, UpdateSummary } from "../actions/types";
import type { CompileResult } from "../report/compile";
import { ChangeList } from "./ChangeList";
import type { Runner } from "./useRunner";

export function ReportTab({
  actions,
  runner,
  result,
  source,
  update,
  setUpdate,
}: {
  actions: PaneActions;
  runner: Runner;
  result: CompileResult | null;
  /** The workbook the data came from, recorded in the report. */
  source: string;
  /** The last update's change list, kept by the pane across tabs. */
  update: UpdateSummary | null;
  setUpdate: (u: UpdateSummary) => void;
}) {
  const { busy, run, setNotice } = runner;
  return (
    <>
      {!actions.canDownload && (
        <MessageBar intent="warning">
          <MessageBarBody>
            Mac 版 Office 的任务窗格不能下载文件。请在 Word 中打开报告，使用 Word
            里的“更新年报”按钮；或在浏览器中使用文件模式。
          </MessageBarBody>
        </MessageBar>
      )}
      {!result && <Text>请先在“统计”页统计。</Text>}
      {result && (
        <>
          <Button
            appearance="primary"
            disabled={!!busy || !actions.canDownload}
            onClick={() =>
              void run("正在生成 Word 报告…", async () => {
                actions.download(await actions.createReport(result, source), reportFileName(result.tables));
                setNotice("报告已生成并下载。");
              })
            }
          >
            生成 Word 报告
          </Button>
          <Field label="更新已有报告（选择 .docx，下载更新后的副本）">
            <input
              type="file"
              accept=".docx"
              aria-label="选择要更新的报告"
              disabled={!!busy || !actions.canDownload}
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (!f) return;
                void run("正在更新报告…", async () => {
                  const { blob, summary } = await actions.updateReport(f, result, source);
                  actions.download(blob, updatedFileName(f.name));
                  setUpdate(summary);
                  setNotice(
                    summary.changed.length
                      ? "报告已更新并下载，改动如下。"
                      : "报告中的数字已是最新，下载的副本与原报告相同。",
                  );
                });
              }}
            />
          </Field>
          {update && <ChangeList changed={update.changed} more={update.missing} />}
        </>
      )}
    </>
  );
}
