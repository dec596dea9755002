/**
 * The 统计 tab: compile, last year's data, the check results (folded to their counts when there are many),
 * writing 统计表 (asking before replacing a sheet the add-in did not make), and the three tables as the template
 * lays them out — in a narrow pane (Excel's default 350 px) with short row labels and 表四 as three rows, so that
 * every number is in view without scrolling sideways.
 */
import { Button, MessageBar, MessageBarBody, Text } from "@fluentui/react-components";
import { useMemo, useRef, useState } from "react";
import type { PaneActions } from "../actions/types";
import type { CompileResult } from "../report/compile";
import { FORMATS, getFormat, tableCaption } from "../report/formats";
import { SEVERITY_LABELS } from "../report/text/labels";
import {
  cellName,
  statisticsKeyAt,
  table2Grid,
  table3Grid,
  table4CompactGrid,
  table4Grid,
} from "../report/tables/layout";
import { cellOfKey } from "../report/tables/cellRef";
import type { Explanation } from "../report/register/explain";
import { STATISTICS_SHEET_NAME } from "../report/text/labels";
import { ExplainList } from "./ExplainList";
import { ConfirmReplace } from "./ConfirmReplace";
import { GridTable } from "./GridTable";
import { PreviousPicker } from "./PreviousPicker";
import type { Runner } from "./useRunner";
import { Findings, useNarrow } from "./narrow";

export function StatsTab({
  actions,
  runner,
  result,
  onCompile,
  onPrevious,
}: {
  actions: PaneActions;
  runner: Runner;
  result: CompileResult | null;
  onCompile: () => void;
  onPrevious: (file: File) => void;
}) {
  const { busy, run, setNotice } = runner;
  const box = useRef<HTMLDivElement>(null);
  const narrow = useNarrow(box);
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [explained, setExplained] = useState<Explanation | null>(null);
  const selectRow = actions.selectRow;
  /** The rows behind the number of a grid key, below the tables' checks. */
  const explain = (key: string | null) => {
    const cell = result && key ? cellOfKey(getFormat(result.tables.format), key) : null;
    if (!cell || !result?.explainer) {
      setExplained(null);
      setNotice("请选中表三或表四中的一个数字。");
      return;
    }
    setExplained(result.explainer.explain(cell));
  };
  const fromSheet = () =>
    void run("正在读取选中的单元格…", async () => {
      const at = await actions.activeCell?.();
      if (!result || !at) return;
      if (at.sheet !== STATISTICS_SHEET_NAME) {
        setNotice(`请先在「${STATISTICS_SHEET_NAME}」工作表中选中表三或表四的一个数字，再点“查看明细”。`);
        return;
      }
      explain(statisticsKeyAt(result.tables, at.row, at.column));
    });
  const grids = useMemo(
    () =>
      result && {
        t2: table2Grid(result.tables),
        t3: table3Grid(result.tables),
        t4: table4Grid(result.tables),
        t4compact: table4CompactGrid(result.tables),
      },
    [result],
  );
  const describe = (key: string) => (result ? cellName(key, getFormat(result.tables.format)) : key);
  const write = (replace: boolean) =>
    result &&
    void run("正在写入统计表…", async () => {
      setConfirm(null);
      const out = await actions.writeStatistics?.(result, replace);
      if (out && "needsConfirmation" in out) setConfirm(out.needsConfirmation);
      else if (out) setNotice(`已写入：${out.written.join("、")}`);
    });
  const checkErrors = result ? result.checks.filter((c) => c.severity === "error").length : 0;
  const format = result ? getFormat(result.tables.format) : null;
  return (
    <div ref={box} style={{ display: "flex", flexDirection: "column", gap: 10 }}>
      <Button
        appearance="primary"
        onClick={onCompile}
        disabled={!!busy || (actions.mode === "file" && !actions.fileName?.())}
      >
        {result ? "重新统计" : "统计"}
      </Button>
      <PreviousPicker onFile={onPrevious} />
      {result && grids && format && (
        <>
          <Text>
            {result.tables.agency || "（未填写机关名称）"} · {result.tables.year}年 ·{" "}
            {FORMATS[format.id].name}
          </Text>
          <MessageBar intent={checkErrors ? "error" : result.checks.length ? "warning" : "success"}>
            <MessageBarBody>
              {result.checks.length
                ? `校验发现${checkErrors}个错误、${result.checks.length - checkErrors}个提示`
                : "校验全部通过"}
              {result.stats.excludedRows ? `；登记表有${result.stats.excludedRows}行因错误未计入` : ""}
            </MessageBarBody>
          </MessageBar>
          {result.checks.length > 0 && (
            <Findings
              key={result.checks.length}
              items={result.checks.map((c) => `[${SEVERITY_LABELS[c.severity]}] ${c.rule}：${c.message}`)}
            />
          )}
          {actions.writeStatistics && (
            <Button onClick={() => write(false)} disabled={!!busy}>
              写入“统计表”工作表
            </Button>
          )}
          {confirm && (
            <ConfirmReplace onConfirm={() => write(true)} onCancel={() => setConfirm(null)}>
              工作表「{confirm.join("、")}」不是本加载项创建的。替换会覆盖其中的内容。
            </ConfirmReplace>
          )}
          {actions.activeCell && (
            <Button onClick={fromSheet} disabled={!!busy} title="在“统计表”工作表中选中一个数字后点此">
              查看明细
            </Button>
          )}
          <Text size={200}>点击表三、表四中的数字，可查看计入此数的登记行。</Text>
          {explained && (
            <ExplainList
              explanation={explained}
              onSelect={selectRow && ((sheet, row) => void run("正在定位…", () => selectRow(sheet, row)))}
            />
          )}
          {grids.t2 && format.t2 && (
            <GridTable grid={grids.t2} caption={tableCaption(format.t2)} compact={narrow} />
          )}
          <GridTable
            grid={grids.t3}
            caption={tableCaption(format.t3)}
            onNumber={explain}
            compact={narrow}
            describe={describe}
          />
          <GridTable
            grid={narrow ? grids.t4compact : grids.t4}
            caption={tableCaption(format.t4)}
            onNumber={explain}
            compact={narrow}
            describe={describe}
          />
        </>
      )}
    </div>
  );
}
