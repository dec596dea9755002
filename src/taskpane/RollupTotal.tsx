/**
 * The total of 审核与汇总: the year's units added up, the total's verdict, each number explained by unit (down to
 * the rows of units given as registers), the 汇总 sheet written (Excel, WPS; asking before replacing a sheet the
 * add-in did not make), the consolidated report downloaded.
 */
import { Button, MessageBar, MessageBarBody, Subtitle2, Text } from "@fluentui/react-components";
import { useState } from "react";
import { rollupFileName } from "../actions/pane";
import type { PaneActions, PaneSettings } from "../actions/types";
import { getFormat, TABLE_TITLES } from "../report/formats";
import { table3Grid, table4Grid } from "../report/tables/layout";
import { cellOfKey } from "../report/tables/cellRef";
import { cellName } from "../report/tables/layout";
import { contributionLine, explainRollupCell } from "../report/rollup";
import type { RollupResult, UnitContribution } from "../report/rollup";
import { ExplainList } from "./ExplainList";
import { ConfirmReplace } from "./ConfirmReplace";
import { GridTable } from "./GridTable";
import type { Runner } from "./useRunner";
import { DownloadButton } from "./DownloadButton";

export function RollupTotal({
  actions,
  runner,
  settings,
  rolled,
}: {
  actions: PaneActions;
  runner: Runner;
  settings: PaneSettings;
  rolled: RollupResult;
}) {
  const { busy, run, setNotice } = runner;
  const [confirm, setConfirm] = useState(false);
  const [byUnit, setByUnit] = useState<{ label: string; units: UnitContribution[] } | null>(null);
  /** A number of the total, by unit, down to the rows of units given as registers. */
  const explain = (key: string) => {
    if (!rolled) return;
    const format = getFormat(rolled.total.format);
    const cell = cellOfKey(format, key);
    if (cell) setByUnit({ label: cellName(key, format), units: explainRollupCell(rolled, cell) });
  };
  const write = (r: RollupResult, replace: boolean) =>
    void run("正在写入汇总表…", async () => {
      setConfirm(false);
      const out = await actions.writeRollup?.(r, replace);
      if (out && "needsConfirmation" in out) setConfirm(true);
      else if (out) setNotice(`已写入：${out.written.join("、")}`);
    });
  return (
    <section aria-label="汇总">
      <Subtitle2 as="h3">汇总</Subtitle2>
      <MessageBar
        intent={
          rolled.unitsWithErrors.length || rolled.checks.some((c) => c.severity === "error")
            ? "warning"
            : "success"
        }
      >
        <MessageBarBody>
          合计包含 {rolled.units.length} 个单位
          {rolled.unitsWithErrors.length
            ? `；其中${rolled.unitsWithErrors.join("、")}的表格本身有错误`
            : "，各单位和合计均通过校验"}
        </MessageBarBody>
      </MessageBar>
      {rolled.warnings.map((w, i) => (
        <Text key={i} size={200} block>
          提示：{w}
        </Text>
      ))}
      {actions.writeRollup && (
        <Button disabled={!!busy} onClick={() => write(rolled, false)}>
          写入“汇总”工作表
        </Button>
      )}
      {confirm && (
        <ConfirmReplace onConfirm={() => write(rolled, true)} onCancel={() => setConfirm(false)}>
          工作表「汇总」不是本加载项创建的。
        </ConfirmReplace>
      )}
      <DownloadButton
        actions={actions}
        runner={runner}
        working="正在生成汇总报告…"
        what="汇总报告"
        fileName={() => rollupFileName(rolled.total, settings.agency)}
        make={() => actions.createRollupReport(rolled, settings.agency)}
      >
        生成汇总 Word 报告
      </DownloadButton>
      {byUnit && (
        <section aria-label="各单位的贡献">
          <Text weight="semibold" block>
            {contributionLine(byUnit.label, byUnit.units)}
          </Text>
          {byUnit.units.map((u) =>
            u.explanation ? <ExplainList key={u.name} explanation={u.explanation} title={u.name} /> : null,
          )}
        </section>
      )}
      <Text size={200}>点击合计表中的数字，可查看各单位的贡献（台账来的单位可看到登记行）。</Text>
      <GridTable
        grid={table3Grid(rolled.total)}
        caption={`合计 ${TABLE_TITLES.t3.name}`}
        onNumber={explain}
      />
      <GridTable
        grid={table4Grid(rolled.total)}
        caption={`合计 ${TABLE_TITLES.t4.name}`}
        onNumber={explain}
      />
    </section>
  );
}
