/**
 * The 数据 tab: pick a workbook (file mode) and check it; what was understood of the agency's own ledger (识别台账)
 * with its questions; where nothing was found, create the register sheets or a 统计表 to type the tables into.
 */
import { Button, Text } from "@fluentui/react-components";
import type { PaneActions } from "../actions/types";
import type { CompileResult } from "../report/compile";
import { acceptOf, WORKBOOK_EXTENSIONS } from "../load/limits";
import { FilePicker } from "./FilePicker";
import { IssueList } from "./IssueList";
import { hasLedgerNews, LedgerPanel } from "./LedgerPanel";
import type { Runner } from "./useRunner";

export function DataTab({
  actions,
  runner,
  result,
  onPick,
  onCheck,
  onPickAnswers,
  onSaveAnswers,
  onTypedTables,
}: {
  actions: PaneActions;
  runner: Runner;
  result: CompileResult | null;
  /** File mode: a workbook was picked (the pane forgets the last one and checks this one). */
  onPick: (file: File) => void;
  onCheck: () => void;
  /** File mode: a 对应关系 file kept from before. */
  onPickAnswers: (file: File) => void;
  onSaveAnswers: (rows: string[][]) => void;
  /** 直接填写统计表. */
  onTypedTables: () => void;
}) {
  const { busy, run, setNotice } = runner;
  // Offered only where nothing was found: before a check, or when the check found no register nor typed table.
  const nothingFound =
    !result || (!result.stats.applications && !result.stats.cases && !hasLedgerNews(result));
  return (
    <>
      {actions.mode === "file" && (
        <>
          <FilePicker
            label="登记台账（.xlsx、.xls、.et、.csv）或统计表"
            hint="文件只在本机读取，不会上传。"
            accept={acceptOf(WORKBOOK_EXTENSIONS)}
            name="选择登记台账"
            onFile={onPick}
          />
          <FilePicker
            label="对应关系（可选）"
            hint="以前保存的对应关系.csv，可沿用已确认的写法。"
            accept={acceptOf(WORKBOOK_EXTENSIONS)}
            name="选择对应关系"
            onFile={onPickAnswers}
          />
        </>
      )}
      {actions.mode !== "file" && nothingFound && (
        <Button
          onClick={() =>
            void run("正在创建登记表…", async () => {
              const { created, note } = (await actions.createRegisters?.()) ?? { created: [] };
              setNotice(
                (created.length
                  ? `已创建：${created.join("、")}。请在示例行下方登记。`
                  : "登记表都已存在，没有改动。") + (created.length && note ? note : ""),
              );
            })
          }
          disabled={!!busy}
        >
          创建登记表
        </Button>
      )}
      {nothingFound && actions.createTypedTables && (
        <Button onClick={onTypedTables} disabled={!!busy}>
          直接填写统计表
        </Button>
      )}
      <Button
        appearance="primary"
        onClick={onCheck}
        disabled={!!busy || (actions.mode === "file" && !actions.fileName?.())}
      >
        检查登记表
      </Button>
      {result?.stats.applications && (
        <Text size={200}>
          依申请公开登记：读取{result.stats.applications.rows}行，计入{result.tables.year}年
          {result.stats.applications.counted}行
          {result.stats.excludedRows ? `，${result.stats.excludedRows}行因错误未计入` : ""}。
        </Text>
      )}
      {result && hasLedgerNews(result) && (
        <LedgerPanel
          key={result.ledger.pending.map((p) => p.value).join("\u0000")}
          result={result}
          busy={!!busy}
          onSave={onSaveAnswers}
        />
      )}
      {result && (
        <IssueList
          issues={result.rowIssues}
          onSelect={
            actions.selectIssue
              ? (i) => void run("正在定位…", () => actions.selectIssue?.(i) ?? Promise.resolve())
              : undefined
          }
        />
      )}
    </>
  );
}
