/**
 * The task pane, the same in Excel and in file mode: 数据 (registers and their problems), 统计 (the tables and
 * the checks), 报告 (create or update the Word report), 设置. Every action shows progress; every failure is
 * a Chinese message saying what to do next. Host work goes through `actions`.
 */
import {
  Button,
  Dropdown,
  Field,
  FluentProvider,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { ChangeList } from "./ChangeList";
import { PreviousPicker } from "./PreviousPicker";
import { Status, useRunner } from "./useRunner";
import type { WorkbookData } from "../report/cells";
import { compileWorkbook, UnusableInputError } from "../report/compile";
import type { CompileResult } from "../report/compile";
import { FORMATS } from "../report/formats";
import type { FormatId } from "../report/formats";
import { table2Grid, table3Grid, table4Grid } from "../report/layout";
import type { RowIssue } from "../report/registers";
import { rollup } from "../report/rollup";
import type { RollupResult, RollupUnit } from "../report/rollup";
import type { PaneActions, PaneSettings, UpdateSummary } from "../actions/types";
import { GridTable } from "./GridTable";

type TabId = "data" | "stats" | "report" | "rollup" | "settings";

const SEVERITY = { error: "错误", warning: "提示", info: "信息" } as const;

export function Pane({ actions }: { actions: PaneActions }) {
  const [tab, setTab] = useState<TabId>("data");
  const { busy, setBusy, error, notice, setNotice, run } = useRunner();
  const [data, setData] = useState<WorkbookData | null>(null);
  const [result, setResult] = useState<CompileResult | null>(null);
  const [settings, setSettings] = useState<PaneSettings>({ year: 0, format: "", agency: "" });
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [update, setUpdate] = useState<UpdateSummary | null>(null);
  const [previous, setPrevious] = useState<RollupUnit | null>(null);
  const [rolled, setRolled] = useState<RollupResult | null>(null);
  const [rollupConfirm, setRollupConfirm] = useState(false);

  useEffect(() => {
    actions.loadSettings().then(
      (s) => setSettings((old) => ({ ...old, ...s })),
      () => undefined,
    );
  }, [actions]);

  const compile = (wb: WorkbookData): CompileResult => {
    try {
      return compileWorkbook(wb, {
        ...(settings.year ? { year: settings.year } : {}),
        ...(settings.format ? { format: settings.format } : {}),
        ...(settings.agency ? { agency: settings.agency } : {}),
        ...(previous ? { previous: previous.tables } : {}),
      });
    } catch (e) {
      if (e instanceof UnusableInputError)
        throw new Error(`${e.message}。可在“数据”页创建登记表，或打开含登记表的工作簿。`);
      throw e;
    }
  };

  const check = () =>
    run("正在读取登记表…", async () => {
      const wb = await actions.load();
      const r = compile(wb);
      setData(wb);
      setResult(r);
      const errors = r.rowIssues.filter((i) => i.severity === "error").length;
      setNotice(
        errors
          ? `登记表有${errors}个错误，这些行未计入统计。点击问题可定位。`
          : "登记表检查完毕，没有发现错误。",
      );
    });

  const doCompile = () =>
    run("正在统计…", async () => {
      const wb = data ?? (await actions.load());
      const r = compile(wb);
      setData(wb);
      setResult(r);
      setTab("stats");
    });

  const source = actions.fileName?.() ?? "当前工作簿";

  const issues = result?.rowIssues ?? [];
  const grids = useMemo(() => {
    if (!result) return null;
    return { t2: table2Grid(result.tables), t3: table3Grid(result.tables), t4: table4Grid(result.tables) };
  }, [result]);
  const checkErrors = result ? result.checks.filter((c) => c.severity === "error").length : 0;

  return (
    <FluentProvider
      theme={webLightTheme}
      style={{ minHeight: "100vh", padding: 10, boxSizing: "border-box", fontSize: 13 }}
    >
      <Subtitle2 as="h1" block style={{ marginBottom: 4 }}>
        政府信息公开年报助手
      </Subtitle2>
      <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)} size="small">
        <Tab value="data">数据</Tab>
        <Tab value="stats">统计</Tab>
        <Tab value="report">报告</Tab>
        <Tab value="rollup">汇总</Tab>
        <Tab value="settings">设置</Tab>
      </TabList>
      <div style={{ display: "flex", flexDirection: "column", gap: 10, marginTop: 10 }}>
        <Status busy={busy} error={error} notice={notice} />

        {tab === "data" && (
          <>
            {actions.mode === "file" ? (
              <Field label="登记台账（.xlsx）" hint="文件只在本机读取，不会上传。">
                <input
                  type="file"
                  accept=".xlsx"
                  aria-label="选择登记台账"
                  onChange={(e) => {
                    const f = e.target.files?.[0];
                    if (f && actions.pickFile) {
                      actions.pickFile(f);
                      setData(null);
                      setResult(null);
                      void check();
                    }
                  }}
                />
              </Field>
            ) : (
              <Button
                onClick={() =>
                  void run("正在创建登记表…", async () => {
                    const made = (await actions.createRegisters?.()) ?? [];
                    setNotice(
                      made.length
                        ? `已创建：${made.join("、")}。请在示例行下方登记。`
                        : "登记表都已存在，没有改动。",
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
              onClick={() => void check()}
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
                issues={issues}
                onSelect={
                  actions.selectIssue
                    ? (i) => void run("正在定位…", () => actions.selectIssue?.(i) ?? Promise.resolve())
                    : undefined
                }
              />
            )}
          </>
        )}

        {tab === "stats" && (
          <>
            <Button
              appearance="primary"
              onClick={() => void doCompile()}
              disabled={!!busy || (actions.mode === "file" && !actions.fileName?.())}
            >
              {result ? "重新统计" : "统计"}
            </Button>
            <PreviousPicker
              onFile={(f) =>
                void run("正在读取上年数据…", async () => {
                  const u = await actions.loadTables(f);
                  setPrevious(u);
                  setResult(null);
                  setNotice(`已载入上年数据：${u.name} ${u.tables.year}年。请重新统计。`);
                })
              }
            />
            {result && grids && (
              <>
                <Text>
                  {result.tables.agency || "（未填写机关名称）"} · {result.tables.year}年 ·{" "}
                  {FORMATS[result.tables.format].name}
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
                  <ul aria-label="校验结果" style={{ margin: 0, paddingLeft: 18 }}>
                    {result.checks.map((c, i) => (
                      <li key={i}>
                        [{SEVERITY[c.severity]}] {c.rule}：{c.message}
                      </li>
                    ))}
                  </ul>
                )}
                {actions.writeStatistics && (
                  <Button
                    onClick={() =>
                      void run("正在写入统计表…", async () => {
                        const out = await actions.writeStatistics?.(result, false);
                        if (out && "needsConfirmation" in out) setConfirm(out.needsConfirmation);
                        else if (out) setNotice(`已写入：${out.written.join("、")}`);
                      })
                    }
                    disabled={!!busy}
                  >
                    写入“统计表”工作表
                  </Button>
                )}
                {confirm && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      工作表「{confirm.join("、")}」不是本加载项创建的。替换会覆盖其中的内容。
                      <Button
                        size="small"
                        onClick={() =>
                          void run("正在写入统计表…", async () => {
                            setConfirm(null);
                            const out = await actions.writeStatistics?.(result, true);
                            if (out && "written" in out) setNotice(`已写入：${out.written.join("、")}`);
                          })
                        }
                      >
                        仍然替换
                      </Button>
                      <Button size="small" appearance="subtle" onClick={() => setConfirm(null)}>
                        取消
                      </Button>
                    </MessageBarBody>
                  </MessageBar>
                )}
                {grids.t2 && <GridTable grid={grids.t2} caption="表二 主动公开政府信息情况" />}
                <GridTable grid={grids.t3} caption="表三 收到和处理政府信息公开申请情况" />
                <GridTable grid={grids.t4} caption="表四 政府信息公开行政复议、行政诉讼情况" />
              </>
            )}
          </>
        )}

        {tab === "report" && (
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
                      const blob = await actions.createReport(result, source);
                      actions.download(
                        blob,
                        `${result.tables.agency || "政府信息公开"}${result.tables.year}年政府信息公开工作年度报告.docx`,
                      );
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
                        actions.download(blob, f.name.replace(/\.docx$/i, "") + "（已更新）.docx");
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
        )}

        {tab === "rollup" && (
          <>
            <Field
              label="各单位的文件（可多选）"
              hint="台账 .xlsx、统计表 .json 或本工具生成的报告 .docx，可以混用；逐个读取"
            >
              <input
                type="file"
                multiple
                accept=".xlsx,.json,.docx"
                aria-label="选择各单位的文件"
                onChange={(e) => {
                  const list = Array.from(e.target.files ?? []);
                  if (!list.length) return;
                  void run(`正在读取 ${list.length} 个单位…`, async () => {
                    const units: RollupUnit[] = [];
                    for (const [i, f] of list.entries()) {
                      setBusy(`正在读取第 ${i + 1}/${list.length} 个单位：${f.name}`);
                      try {
                        units.push(await actions.loadTables(f));
                      } catch (err) {
                        throw new Error(`「${f.name}」：${(err as Error).message}`);
                      }
                    }
                    setRolled(rollup(units, settings.year ? { year: settings.year } : {}));
                  });
                }}
              />
            </Field>
            {rolled && (
              <>
                <ul aria-label="各单位" style={{ margin: 0, paddingLeft: 18 }}>
                  {rolled.units.map((u, i) => {
                    const errs = u.checks.filter((c) => c.severity === "error");
                    return (
                      <li key={i} data-unit={u.name}>
                        {u.name}：{errs.length ? `${errs.length}个错误` : "通过"}
                        {errs.length > 0 && (
                          <ul style={{ paddingLeft: 14 }}>
                            {errs.map((c, j) => (
                              <li key={j}>
                                {c.rule}：{c.message}
                              </li>
                            ))}
                          </ul>
                        )}
                      </li>
                    );
                  })}
                </ul>
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
                  <Button
                    disabled={!!busy}
                    onClick={() =>
                      void run("正在写入汇总表…", async () => {
                        const out = await actions.writeRollup?.(rolled, false);
                        if (out && "needsConfirmation" in out) setRollupConfirm(true);
                        else if (out) setNotice(`已写入：${out.written.join("、")}`);
                      })
                    }
                  >
                    写入“汇总”工作表
                  </Button>
                )}
                {rollupConfirm && (
                  <MessageBar intent="warning">
                    <MessageBarBody>
                      工作表「汇总」不是本加载项创建的。
                      <Button
                        size="small"
                        onClick={() =>
                          void run("正在写入汇总表…", async () => {
                            setRollupConfirm(false);
                            const out = await actions.writeRollup?.(rolled, true);
                            if (out && "written" in out) setNotice(`已写入：${out.written.join("、")}`);
                          })
                        }
                      >
                        仍然替换
                      </Button>
                    </MessageBarBody>
                  </MessageBar>
                )}
                <Button
                  appearance="primary"
                  disabled={!!busy || !actions.canDownload}
                  onClick={() =>
                    void run("正在生成汇总报告…", async () => {
                      const agency = settings.agency || "本级";
                      actions.download(
                        await actions.createRollupReport(rolled, settings.agency),
                        `${agency}${rolled.total.year}年政府信息公开工作年度报告（汇总）.docx`,
                      );
                      setNotice("汇总报告已生成并下载。");
                    })
                  }
                >
                  生成汇总 Word 报告
                </Button>
                <GridTable grid={table3Grid(rolled.total)} caption="合计 表三" />
                <GridTable grid={table4Grid(rolled.total)} caption="合计 表四" />
              </>
            )}
          </>
        )}

        {tab === "settings" && (
          <SettingsForm
            value={settings}
            onSave={(s) =>
              void run("正在保存设置…", async () => {
                await actions.saveSettings(s);
                setSettings(s);
                setResult(null);
                setNotice("设置已保存。重新统计后生效。");
              })
            }
          />
        )}
      </div>
    </FluentProvider>
  );
}

function IssueList({ issues, onSelect }: { issues: RowIssue[]; onSelect?: (i: RowIssue) => void }) {
  if (!issues.length) return <Text>没有发现问题。</Text>;
  const shown = issues.slice(0, 200);
  return (
    <ul
      aria-label="登记表问题"
      style={{
        margin: 0,
        paddingLeft: 0,
        listStyle: "none",
        display: "flex",
        flexDirection: "column",
        gap: 4,
      }}
    >
      {shown.map((i, k) => (
        <li
          key={k}
          style={{
            borderLeft: `3px solid ${i.severity === "error" ? "#c50f1f" : "#bc4b09"}`,
            paddingLeft: 6,
          }}
        >
          {onSelect && i.row > 0 ? (
            <Button
              appearance="transparent"
              size="small"
              style={{ padding: 0, minWidth: 0, textAlign: "left" }}
              onClick={() => onSelect(i)}
            >
              {i.sheet} 第{i.row}行「{i.column}」
            </Button>
          ) : (
            <Text weight="semibold">
              {i.sheet}
              {i.row ? ` 第${i.row}行` : ""}
              {i.column ? `「${i.column}」` : ""}
            </Text>
          )}
          <Text block size={200}>
            [{SEVERITY[i.severity]}] {i.message}
          </Text>
        </li>
      ))}
      {issues.length > shown.length && <li>……另有{issues.length - shown.length}条</li>}
    </ul>
  );
}

function SettingsForm({ value, onSave }: { value: PaneSettings; onSave: (s: PaneSettings) => void }) {
  const [year, setYear] = useState(value.year ? String(value.year) : "");
  const [format, setFormat] = useState<FormatId | "">(value.format);
  const [agency, setAgency] = useState(value.agency);
  useEffect(() => {
    setYear(value.year ? String(value.year) : "");
    setFormat(value.format);
    setAgency(value.agency);
  }, [value]);
  const yearOk = year === "" || (/^\d{4}$/.test(year) && Number(year) >= 2000 && Number(year) <= 2100);
  const formatNames: Record<string, string> = {
    "": "按年份自动选择",
    ...Object.fromEntries(Object.values(FORMATS).map((f) => [f.id, f.name])),
  };
  return (
    <>
      <Field
        label="报告年度"
        hint="留空时取“报告信息”中的报告年度，否则为上一年"
        validationMessage={yearOk ? undefined : "请填写四位年份，如 2025"}
      >
        <Input value={year} onChange={(_, d) => setYear(d.value.trim())} inputMode="numeric" />
      </Field>
      <Field label="报告格式">
        <Dropdown
          value={formatNames[format]}
          selectedOptions={[format]}
          onOptionSelect={(_, d) => setFormat((d.optionValue ?? "") as FormatId | "")}
        >
          {Object.entries(formatNames).map(([id, name]) => (
            <Option key={id} value={id}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="机关名称" hint="留空时取“报告信息”中的机关名称">
        <Input value={agency} onChange={(_, d) => setAgency(d.value)} />
      </Field>
      <Button
        appearance="primary"
        disabled={!yearOk}
        onClick={() => onSave({ year: year ? Number(year) : 0, format, agency: agency.trim() })}
      >
        保存设置
      </Button>
    </>
  );
}
