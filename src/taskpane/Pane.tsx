/**
 * The task pane, the same in Excel and in file mode: 数据 (registers and their problems), 统计 (the tables and
 * the checks), 报告 (create or update the Word report), 审核与汇总 (review and roll-up), 设置. Every action shows progress; every
 * failure is a Chinese message saying what to do next. Host work goes through `actions`; each tab has its
 * own file, and what is not UI lives in src/actions/pane.ts.
 */
import {
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Tab,
  TabList,
  webLightTheme,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { asPrevious, compileForPane } from "../actions/pane";
import type { PaneActions, PaneReview, PaneSettings, UpdateSummary } from "../actions/types";
import type { WorkbookData } from "../report/common/cells";
import { rowErrorCount } from "../report/compile";
import { formatForYear, getFormat } from "../report/formats";
import { blankTables } from "../report/tables/tables";
import type { CompileResult } from "../report/compile";
import type { RollupUnit } from "../report/rollup";
import { waitingRows } from "../report/register/questions";
import { DataTab } from "./DataTab";
import { ReportTab } from "./ReportTab";
import { ReviewTab } from "./ReviewTab";
import { SettingsForm } from "./SettingsForm";
import { StatsTab } from "./StatsTab";
import { Status, useRunner } from "./useRunner";

type TabId = "data" | "stats" | "report" | "rollup" | "settings";

/** The row issues that are questions counted among the row errors, and the rows questions leave out. */
const pendingIssues = (r: CompileResult) =>
  r.rowIssues.filter((i) => i.kind === "pending" && i.severity === "error");
const pendingRows = waitingRows;

/** What is still to be answered, after a check or a save. */
function pendingNote(r: CompileResult): string {
  const n = r.ledger.pending.length;
  // A question of which column is the 信息处理费 leaves no row out: say rows only where some wait.
  const rows = pendingRows(r);
  return n ? `还有${n}种写法需要确认${rows ? `（${rows}行暂不计入）` : ""}，请在下方“识别台账”中选择。` : "";
}

const TYPED_NOTICES = {
  created: "已创建「统计表」工作表：请在表格中填写数字，再到“统计”页检查，到“报告”页生成报告。",
  exists: "已有「统计表」工作表，没有改动：可直接在其中填写，再到“统计”页检查。",
  downloaded: "已下载空白的统计表.xlsx：填写后在上方选择它，即可检查并生成报告。",
};

export function Pane({ actions }: { actions: PaneActions }) {
  const [tab, setTab] = useState<TabId>("data");
  const runner = useRunner();
  const { busy, error, notice, setNotice, run } = runner;
  const [data, setData] = useState<WorkbookData | null>(null);
  const [result, setResult] = useState<CompileResult | null>(null);
  const [settings, setSettings] = useState<PaneSettings>({ year: 0, format: "", agency: "" });
  const [previous, setPrevious] = useState<RollupUnit | null>(null);
  const [update, setUpdate] = useState<UpdateSummary | null>(null);
  const [reviewed, setReviewed] = useState<PaneReview | null>(null);

  useEffect(() => {
    actions.loadSettings().then(
      (s) => setSettings((old) => ({ ...old, ...s })),
      () => undefined,
    );
  }, [actions]);

  /** Reads the registers (again, unless `cached`) and compiles them. */
  const load = async (cached: WorkbookData | null): Promise<CompileResult> => {
    const wb = cached ?? (await actions.load());
    const r = compileForPane(wb, settings, previous?.tables);
    setData(wb);
    setResult(r);
    return r;
  };

  const check = () =>
    run("正在读取登记表…", async () => {
      const r = await load(null);
      const errors = rowErrorCount(r) - pendingIssues(r).length;
      setNotice(
        (errors > 0
          ? `登记表有${errors}个错误，这些行未计入统计。点击问题可定位。`
          : pendingRows(r)
            ? "台账已识别。"
            : "登记表检查完毕，没有发现错误。") + pendingNote(r),
      );
    });

  const compile = () =>
    run("正在统计…", async () => {
      await load(data);
      setTab("stats");
    });

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
        <Tab value="rollup">审核与汇总</Tab>
        <Tab value="settings">设置</Tab>
      </TabList>
      <div style={{ display: "flex", flexDirection: "column", gap: 10, marginTop: 10 }}>
        {actions.notes?.map((n) => (
          <MessageBar key={n} intent="warning">
            <MessageBarBody>{n}</MessageBarBody>
          </MessageBar>
        ))}
        <Status busy={busy} error={error} notice={notice} />
        {tab === "data" && (
          <DataTab
            actions={actions}
            runner={runner}
            result={result}
            onPick={(f) => {
              actions.pickFile?.(f);
              setData(null);
              setResult(null);
              void check();
            }}
            onCheck={() => void check()}
            onPickAnswers={(f) =>
              void run("正在读取对应关系…", async () => {
                const n = (await actions.pickAnswers?.(f)) ?? 0;
                if (actions.fileName?.()) await load(null);
                setNotice(`已载入对应关系「${f.name}」：${n}条。`);
              })
            }
            onSaveAnswers={(rows) =>
              void run("正在保存对应关系…", async () => {
                await actions.saveAnswers?.(rows);
                const r = await load(null);
                setNotice(
                  (actions.mode === "file"
                    ? "已下载对应关系.csv，并已按它重新统计；下次选择台账后，再选择这个文件即可沿用。"
                    : "已写入「对应关系」工作表，并已重新统计。") + pendingNote(r),
                );
              })
            }
            onTypedTables={() =>
              void run("正在准备统计表…", async () => {
                const year = settings.year || new Date().getFullYear() - 1;
                const format = getFormat(settings.format || formatForYear(year));
                const outcome = await actions.createTypedTables?.(blankTables(format, year, settings.agency));
                setNotice(TYPED_NOTICES[outcome ?? "exists"]);
              })
            }
          />
        )}
        {tab === "stats" && (
          <StatsTab
            actions={actions}
            runner={runner}
            result={result}
            onCompile={() => void compile()}
            onPrevious={(f) =>
              void run("正在读取上年数据…", async () => {
                const u = asPrevious(await actions.loadTables(f), f.name);
                setPrevious(u);
                setResult(null);
                setNotice(`已载入上年数据：${u.name} ${u.tables.year}年。请重新统计。`);
              })
            }
          />
        )}
        {tab === "report" && (
          <ReportTab
            actions={actions}
            runner={runner}
            result={result}
            source={actions.fileName?.() ?? "当前工作簿"}
            update={update}
            setUpdate={setUpdate}
            previous={previous?.tables}
          />
        )}
        {tab === "rollup" && (
          <ReviewTab
            actions={actions}
            runner={runner}
            settings={settings}
            reviewed={reviewed}
            setReviewed={setReviewed}
          />
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
