/**
 * The 报告 tab: create the Word report, or update a report the user picks, and download the result; 发布: the
 * report's web page and its 图解, for the portal.
 */
import { MessageBar, MessageBarBody, Subtitle2, Text } from "@fluentui/react-components";
import { reportFileName } from "../actions/pane";
import { PAGE_FILE } from "../actions/publish";
import type { PaneActions, UpdateSummary } from "../actions/types";
import type { CompileResult } from "../report/compile";
import type { TableSet } from "../report/tables/tables";
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
  previous,
}: {
  actions: PaneActions;
  runner: Runner;
  result: CompileResult | null;
  /** The workbook the data came from, recorded in the report. */
  source: string;
  /** The last update's change list, kept by the pane across tabs. */
  update: UpdateSummary | null;
  setUpdate: (u: UpdateSummary) => void;
  /** Last year's tables, when loaded: the 图解 then says 较上年. */
  previous?: TableSet | null;
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
          <section
            aria-labelledby="publish-heading"
            style={{ display: "flex", flexDirection: "column", gap: 6, marginTop: 8 }}
          >
            <Subtitle2 as="h2" id="publish-heading">
              发布
            </Subtitle2>
            <Text>网页版可整段粘贴到政府网站的编辑器；图解的数字取自统计表。</Text>
            <DownloadButton
              actions={actions}
              runner={runner}
              working="正在生成网页版…"
              what="网页版"
              fileName={() => PAGE_FILE}
              make={() => actions.createWebPage(result)}
            >
              下载网页版（年度报告.html）
            </DownloadButton>
            <DownloadButton
              actions={actions}
              runner={runner}
              working="正在生成图解…"
              what="图解"
              make={() => actions.createGraphic(result, previous)}
            >
              下载图解（图解.png、图解.svg）
            </DownloadButton>
          </section>
        </>
      )}
    </>
  );
}
