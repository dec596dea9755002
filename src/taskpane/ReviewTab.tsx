/**
 * 审核与汇总: a 政府办's review of every unit's report. Pick last year's reports (optional, for X1/X2), the list
 * of units (optional, for 未报送), then the units' files or a folder of them: each is read in turn, with
 * progress (a PDF page by page), and judged. The 总览 shows each unit's status and, on a click, its findings;
 * the review's sheets go into the workbook (Excel, WPS 表格), the review workbook and the letters download as a
 * .zip, and the year's units are added up below (RollupTotal). The 审核要点 (ReviewRules) set which rules run,
 * how each is handled and their thresholds; changing them judges the last review again.
 */
import { Button, Text } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import type { PaneActions, PaneReview, PaneSettings } from "../actions/types";
import { ConfirmReplace } from "./ConfirmReplace";
import { FilePicker } from "./FilePicker";
import { ReviewOverview } from "./ReviewOverview";
import { acceptOf, REVIEW_EXTENSIONS, WORKBOOK_EXTENSIONS } from "../load/limits";
import { RollupTotal } from "./RollupTotal";
import type { Runner } from "./useRunner";
import { DownloadButton } from "./DownloadButton";
import { ReviewRules } from "./ReviewRules";
import { defaultRuleSet } from "../report/rules/ruleset";
import type { RuleSet } from "../report/rules/ruleset";
import type { PublishedDate } from "../report/read/published";

const UNIT_FILES = acceptOf(REVIEW_EXTENSIONS);

export function ReviewTab({
  actions,
  runner,
  settings,
  reviewed,
  setReviewed,
}: {
  actions: PaneActions;
  runner: Runner;
  settings: PaneSettings;
  /** The last review, kept by the pane across tabs. */
  reviewed: PaneReview | null;
  setReviewed: (r: PaneReview) => void;
}) {
  const { busy, setBusy, run, setNotice } = runner;
  const [files, setFiles] = useState<File[]>([]);
  const [previous, setPrevious] = useState<File[]>([]);
  const [expected, setExpected] = useState<string[] | undefined>(undefined);
  const [listDates, setListDates] = useState<Map<string, PublishedDate> | undefined>(undefined);
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [rules, setRules] = useState<RuleSet>(defaultRuleSet);
  // The open workbook's own 审核要点 sheet (Excel, WPS 表格), when it has one: an office keeps its set there.
  useEffect(() => {
    if (!actions.workbookRuleSet) return;
    void run("正在读取本工作簿的审核要点…", async () => {
      const set = await actions.workbookRuleSet?.();
      if (!set) return;
      setRules(set);
      setNotice(`审核要点：按${set.from}设置`);
    });
    // Once, when the tab opens.
  }, []);

  /** Other 审核要点: the last review judged again under them (nothing read again). */
  const applyRules = (set: RuleSet) => {
    setRules(set);
    if (reviewed && actions.judgeAgain) setReviewed(actions.judgeAgain(reviewed, set));
  };

  const start = (input: {
    files?: File[];
    previous?: File[];
    expected?: string[];
    listDates?: Map<string, PublishedDate>;
  }) => {
    const units = input.files ?? files;
    if (!units.length) return;
    void run(`正在审核 ${units.length} 个文件…`, async () => {
      setReviewed(
        await actions.reviewFiles(
          {
            files: units,
            previous: input.previous ?? previous,
            expected: input.expected ?? expected,
            listDates: input.listDates ?? listDates,
            rules,
            ...(settings.year ? { year: settings.year } : {}),
          },
          setBusy,
        ),
      );
    });
  };
  const write = (replace: boolean) =>
    void run("正在写入审核工作表…", async () => {
      setConfirm(null);
      if (!reviewed || !actions.writeReview) return;
      const out = await actions.writeReview(reviewed.result, replace);
      if ("needsConfirmation" in out) setConfirm(out.needsConfirmation);
      else setNotice(`已写入：${out.written.join("、")}`);
    });

  const pickUnits = (list: File[]) => {
    setFiles(list);
    start({ files: list });
  };

  return (
    <>
      <FilePicker
        label="上年的报告（可选）"
        hint="用于核对上年结转和现行有效件数，按单位名对上；可多选"
        accept={UNIT_FILES}
        name="选择上年的报告"
        multiple
        onFiles={(list) => {
          setPrevious(list);
          start({ previous: list });
        }}
      />
      <FilePicker
        label="单位名单（可选）"
        hint="每行一个单位的 .txt，或第一列为单位名称的 .csv、.xlsx；名单上没有文件的单位列为“未报送”。也可用 .xls、.et"
        accept={acceptOf(WORKBOOK_EXTENSIONS)}
        name="选择单位名单"
        onFile={(f) =>
          void run("正在读取单位名单…", async () => {
            const list = await actions.unitList(f);
            const names = list.names;
            if (!names.length) throw new Error(`「${f.name}」中没有单位名称`);
            setExpected(names);
            setListDates(list.dates);
            setNotice(
              `单位名单：${names.length} 个单位${list.dates.size ? `，其中 ${list.dates.size} 个写明了发布或报送日期` : ""}`,
            );
            if (files.length) start({ expected: names, listDates: list.dates });
          })
        }
      />
      {actions.readRuleSet && (
        <ReviewRules
          value={rules}
          disabled={!!busy}
          onChange={applyRules}
          onFile={(f) =>
            void run("正在读取审核要点…", async () => {
              const set = await (actions.readRuleSet as (f: File) => Promise<RuleSet>)(f);
              applyRules(set);
              setNotice(`审核要点：已按「${set.from}」设置`);
            })
          }
        />
      )}
      <FilePicker
        label="各单位的文件（可多选）"
        hint="报告（Word 文档、网页、PDF，手写的也可以）、台账 .xlsx/.csv、统计表 .json，可以混用；逐个读取"
        accept={UNIT_FILES}
        name="选择各单位的文件"
        multiple
        onFiles={pickUnits}
      />
      <FilePicker
        label="或选择一个文件夹"
        hint="读取其中及子文件夹中的全部报告、台账和统计表，其他文件列为“已跳过”"
        name="选择各单位文件所在的文件夹"
        directory
        onFiles={pickUnits}
      />
      {reviewed && (
        <>
          <ReviewOverview result={reviewed.result} />
          {actions.writeReview && (
            <Button disabled={!!busy} onClick={() => write(false)}>
              写入审核工作表（总览、问题清单、汇总分析）
            </Button>
          )}
          {confirm && (
            <ConfirmReplace onConfirm={() => write(true)} onCancel={() => setConfirm(null)}>
              工作表「{confirm.join("」「")}」不是本加载项创建的。
            </ConfirmReplace>
          )}
          <DownloadButton
            actions={actions}
            runner={runner}
            working="正在生成审核结果和审核意见…"
            what="审核结果（审核工作簿、审核意见、通报）"
            fileName={() => `审核结果（${reviewed.result.year}年）.zip`}
            make={() => actions.createReviewPackage(reviewed.result, settings.agency)}
          >
            下载审核结果和审核意见（.zip）
          </DownloadButton>
          {reviewed.rolled ? (
            <RollupTotal actions={actions} runner={runner} settings={settings} rolled={reviewed.rolled} />
          ) : (
            <Text block>没有可以汇总的单位（本年度的单位都无法读取）。</Text>
          )}
        </>
      )}
    </>
  );
}
