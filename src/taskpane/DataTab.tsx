/** The 数据 tab: create the register sheets (Excel) or pick a workbook (file mode), check it, list its problems. */
import { Button, Field, Text } from "@fluentui/react-components";
import type { PaneActions } from "../actions/types";
import type { CompileResult } from "../report/compile";
import { IssueList } from "./IssueList";
import type { Runner } from "./useRunner";

export function DataTab({
  actions,
  runner,
  result,
  onPick,
  onCheck,
}: {
  actions: PaneActions;
  runner: Runner;
  result: CompileResult | null;
  /** File mode: a workbook was picked (the pane forgets the last one and checks this one). */
  onPick: (file: File) => void;
  onCheck: () => void;
}) {
  const { busy, run, setNotice } = runner;
  return (
    <>
      {actions.mode === "file" ? (
        <Field label="登记台账（.xlsx）" hint="文件只在本机读取，不会上传。">
          <input
            type="file"
            accept=".xlsx,.csv,.txt"
            aria-label="选择登记台账"
            onChange={(e) => {
              const f = e.target.files?.[0];
              if (f) onPick(f);
            }}
          />
        </Field>
      ) : (
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
