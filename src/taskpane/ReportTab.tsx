/** The 报告 tab: create the Word report, or update a report the user picks, and download the result. */
import { MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { reportFileName } from "../actions/pane";
import type { PaneActions, UpdateSummary } from "../actions/types";
import type { CompileResult } from "../report/compile";
import { ChangeList } from "./ChangeList";
import { UpdateCopyField } from "./UpdateCopyField";
import type { Runner } from "./useRunner";
import { DownloadButton } from "./DownloadButton";

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
          <DownloadButton
            actions={actions}
            runner={runner}
            working="正在生成 Word 报告…"
            what="报告"
            fileName={() => reportFileName(result.tables)}
            make={() => actions.createReport(result, source)}
          >
            生成 Word 报告
          </DownloadButton>
          <UpdateCopyField
            runner={runner}
            disabled={!actions.canDownload}
            update={(f) => actions.updateReport(f, result, source)}
            download={actions.download}
            onUpdated={setUpdate}
          />
          {update && <ChangeList changed={update.changed} more={update.missing} />}
        </>
      )}
    </>
  );
}
