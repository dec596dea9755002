/**
 * The Word pane: pick the register workbook → the engine compiles it → every part of the report with its
 * state (最新 / 已过期 / 缺失), from what the document holds against what the workbook now gives → update all
 * or one, and see what changed; insert any part at the cursor. The link lives in the document (its tags and
 * custom XML part), so a copy sent to a colleague still updates. 检查本文档 checks the open document as any
 * report in a national format (ours or not): its tables by their labels, its text against them; each finding
 * selects its place. Where the host cannot change the document (a WPS without its FileSystem) or an update in
 * place fails, the pane offers file mode's way: pick the report, download the updated copy. Word calls go
 * through `actions`.
 */
import {
  Badge,
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { useState } from "react";
import type { ChangeLine, UpdateSummary, WordActions } from "../actions/types";
import {
  checkOpenDocument,
  insertPart,
  inspectReport,
  linkWorkbook,
  loadPrevious,
  updateParts,
} from "../actions/word";
import type { DocumentCheck, LinkedReport } from "../actions/word";
import { documentParts } from "../report/text/document";
import type { DocPart } from "../report/text/document";
import { PART_STATE_LABELS } from "../report/text/labels";
import type { TableSet } from "../report/tables/tables";
import { ChangeList } from "./ChangeList";
import { ConfirmReplace } from "./ConfirmReplace";
import { FindingList } from "./FindingList";
import { FilePicker } from "./FilePicker";
import { PreviousPicker } from "./PreviousPicker";
import { UpdateCopyField } from "./UpdateCopyField";
import { Status, useRunner } from "./useRunner";
import { acceptOf, WORKBOOK_EXTENSIONS } from "../load/limits";

const BADGE = { current: "success", stale: "warning", missing: "danger", absent: "informative" } as const;

/** `host` names where the pane runs, in its heading (Word, WPS 文字). */
export function WordPane({ actions, host = "Word" }: { actions: WordActions; host?: string }) {
  const { busy, error, notice, setNotice, run } = useRunner();
  const [loaded, setLoaded] = useState<LinkedReport | null>(null);
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [changes, setChanges] = useState<ChangeLine[]>([]);
  const [previous, setPrevious] = useState<TableSet | null>(null);
  const [checked, setChecked] = useState<DocumentCheck | null>(null);
  /** Whether parts can be put into the document: not where the host says so, or once an update failed. */
  const [inPlace, setInPlace] = useState(actions.canUpdateInPlace !== false);
  const [copied, setCopied] = useState<UpdateSummary | null>(null);

  const checkDocument = () =>
    run("正在读取并校验本文档…", async () => {
      const c = await checkOpenDocument(actions);
      setChecked(c);
      const t = c.read.tables;
      setNotice(
        `${t.agency || "本文档"} ${t.year || ""}年：` +
          (c.read.source === "stored" ? "读取本工具保存在报告中的数据" : "按表格文字读取") +
          (c.read.problems.length ? `；未能读取：${c.read.problems.join("；")}` : ""),
      );
    });

  const pick = (file: File) =>
    run("正在读取台账并比对报告…", async () => {
      setLoaded(await linkWorkbook(actions, file, previous));
      setChanges([]);
    });

  const update = (parts: DocPart[]) =>
    run("正在更新报告…", async () => {
      if (!loaded) return;
      const { changes: lines, updated } = await updateParts(actions, loaded, parts).catch((e: unknown) => {
        setInPlace(false);
        throw new Error(
          `${e instanceof Error ? e.message : String(e)} 可以在下方选择报告文件，下载更新后的副本。`,
        );
      });
      setChanges(lines);
      setLoaded(await inspectReport(actions, loaded.result, loaded.source, loaded.previous));
      setNotice(parts.length ? `已更新${updated}个部分。` : "所有部分都已是最新。");
    });

  const stale = loaded
    ? documentParts(loaded.doc).filter((p) => loaded.states.find((s) => s.part === p.id)?.state === "stale")
    : [];
  const errors = loaded ? loaded.result.checks.filter((c) => c.severity === "error") : [];
  const updateAll = () => {
    if (errors.length) setConfirm(errors.map((e) => `${e.rule}：${e.message}`));
    else void update(stale);
  };

  return (
    <FluentProvider
      theme={webLightTheme}
      style={{ minHeight: "100vh", padding: 10, boxSizing: "border-box", fontSize: 13 }}
    >
      <Subtitle2 as="h1" block>
        政府信息公开年报助手 · {host}
      </Subtitle2>
      {(actions.notes ?? []).map((n) => (
        <MessageBar key={n} intent="warning" style={{ marginTop: 8 }}>
          <MessageBarBody>{n}</MessageBarBody>
        </MessageBar>
      ))}
      <div style={{ display: "flex", flexDirection: "column", gap: 10, marginTop: 8 }}>
        <Button onClick={() => void checkDocument()} disabled={!!busy}>
          检查本文档
        </Button>
        <FilePicker
          label="登记台账（.xlsx、.xls、.et、.csv）或统计表（.xlsx、.xls、.json）"
          hint="本报告与台账的链接保存在报告自身中；台账只在本机读取。"
          accept={acceptOf(WORKBOOK_EXTENSIONS, ["json"])}
          name="选择登记台账"
          onFile={(f) => void pick(f)}
        />
        <PreviousPicker
          note="请在选择台账之前选择。"
          onFile={(f) =>
            void run("正在读取上年数据…", async () => {
              const t = await loadPrevious(f);
              setPrevious(t);
              setLoaded(null);
              setNotice(`已载入上年数据（${t.year}年），请选择本年台账。`);
            })
          }
        />
        <Status busy={busy} error={error} notice={notice} />
        {checked && (
          <FindingList
            findings={checked.findings}
            onSelect={(f) =>
              void run("正在定位…", async () => {
                if (!(await actions.selectText(f.find))) setNotice(`文档中找不到「${f.find}」。`);
              })
            }
          />
        )}
        {loaded && (
          <>
            <MessageBar
              intent={errors.length ? "error" : loaded.result.checks.length ? "warning" : "success"}
            >
              <MessageBarBody>
                {loaded.result.tables.agency} {loaded.result.tables.year}年：
                {loaded.result.checks.length
                  ? `校验发现${errors.length}个错误、${loaded.result.checks.length - errors.length}个提示`
                  : "校验全部通过"}
              </MessageBarBody>
            </MessageBar>
            {errors.length > 0 && (
              <ul aria-label="校验结果" style={{ margin: 0, paddingLeft: 18 }}>
                {errors.map((e, i) => (
                  <li key={i}>
                    {e.rule}：{e.message}
                  </li>
                ))}
              </ul>
            )}
            {inPlace ? (
              <Button appearance="primary" disabled={!!busy || !stale.length} onClick={updateAll}>
                {stale.length ? `全部更新（${stale.length}个部分已过期）` : "全部最新"}
              </Button>
            ) : (
              <>
                <UpdateCopyField
                  runner={{ busy, run, setNotice }}
                  update={(f) => actions.updateCopy(f, loaded.result, loaded.source)}
                  download={actions.download}
                  onUpdated={setCopied}
                />
                {copied && <ChangeList changed={copied.changed} more={copied.missing} />}
              </>
            )}
            {confirm && (
              <ConfirmReplace
                confirmLabel="仍然更新"
                onConfirm={() => {
                  setConfirm(null);
                  void update(stale);
                }}
                onCancel={() => setConfirm(null)}
              >
                数据有{confirm.length}个勾稽错误，更新后报告中的表格也会有这些错误。
              </ConfirmReplace>
            )}
            <ul
              aria-label="报告各部分"
              style={{
                listStyle: "none",
                padding: 0,
                margin: 0,
                display: "flex",
                flexDirection: "column",
                gap: 6,
              }}
            >
              {documentParts(loaded.doc).map((p) => {
                const state = loaded.states.find((s) => s.part === p.id)?.state ?? "missing";
                return (
                  <li key={p.id} data-part={p.id} style={{ display: "flex", alignItems: "center", gap: 6 }}>
                    <Badge appearance="tint" color={BADGE[state]} data-state={state}>
                      {PART_STATE_LABELS[state]}
                    </Badge>
                    <Text style={{ flex: 1 }}>{p.alias}</Text>
                    {inPlace && state === "stale" && (
                      <Button
                        size="small"
                        disabled={!!busy}
                        onClick={() =>
                          errors.length ? setConfirm(errors.map((e) => e.message)) : void update([p])
                        }
                      >
                        更新
                      </Button>
                    )}
                    <Button
                      size="small"
                      appearance="subtle"
                      disabled={!!busy || !inPlace}
                      title="插入到光标处"
                      onClick={() =>
                        void run("正在插入…", async () => {
                          await insertPart(actions, loaded, p);
                          setLoaded(
                            await inspectReport(actions, loaded.result, loaded.source, loaded.previous),
                          );
                          setNotice(`已在光标处插入「${p.alias}」。`);
                        })
                      }
                    >
                      插入
                    </Button>
                  </li>
                );
              })}
            </ul>
            {changes.length > 0 && <ChangeList changed={changes} />}
          </>
        )}
      </div>
    </FluentProvider>
  );
}
