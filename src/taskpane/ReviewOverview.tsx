/**
 * 总览: one row per unit (单位, 状态, 错误, 提示), the status in words on its colour; a unit's name is a button
 * that opens its findings below its row (where, what, both numbers; why a file could not be read; when it was
 * published and whether on time; whose text it shares most, 雷同). Units on
 * the list that sent nothing are 未报送; files of a folder that are no unit are listed as skipped. Below, the units
 * 汇总分析 marked (far from the batch, a large 同比, a 结果纠正: src/report/audit/analysis.ts), each with its reasons.
 */
import { placedMessage } from "../report/tables/place";
import { Button, Subtitle2, Text } from "@fluentui/react-components";
import { Fragment, useState } from "react";
import { unitLabel } from "../report/review";
import type { ReviewResult } from "../report/review";
import { STATUS_FILLS } from "../report/reviewSheets";
import { percentText } from "../report/common/printLayout";
import { deductionText } from "../report/rules/score";

const cell = { padding: "2px 4px", borderBottom: "1px solid #d1d1d1", textAlign: "left" as const };

export function ReviewOverview({ result }: { result: ReviewResult }) {
  const [open, setOpen] = useState<number | null>(null);
  const count = (s: string) => result.units.filter((u) => u.status === s).length;
  const counts = ["通过", "有提示", "需修改", "年度不符", "无法读取"]
    .map((s) => [s, count(s)] as const)
    .filter(([, n]) => n);
  if (result.missing.length) counts.push(["未报送", result.missing.length]);
  const marked = result.analysis.units.filter((u) => u.reasons.length);
  // 得分 only where the office's 审核要点 give points (src/report/rules/score.ts).
  const scoring = result.units.some((u) => u.score);
  const headers = ["单位", "状态", "错误", "提示", ...(scoring ? ["得分"] : [])];
  return (
    <section aria-label="审核结果">
      <Text weight="semibold" block>
        审核 {result.units.length} 个单位（{result.year}年）：{counts.map(([s, n]) => `${s} ${n}`).join("，")}
      </Text>
      <table aria-label="总览" style={{ borderCollapse: "collapse", width: "100%", fontSize: 12 }}>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col" style={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.units.map((u, i) => (
            <Fragment key={i}>
              <tr data-unit={u.unit}>
                <th scope="row" style={cell}>
                  <Button
                    appearance="transparent"
                    size="small"
                    aria-expanded={open === i}
                    aria-controls={`review-unit-${i}`}
                    title={u.file}
                    onClick={() => setOpen(open === i ? null : i)}
                  >
                    {unitLabel(u)}
                  </Button>
                </th>
                <td data-status style={{ ...cell, background: `#${STATUS_FILLS[u.status]}`, color: "#000" }}>
                  {u.status}
                </td>
                <td style={cell}>{u.errors}</td>
                <td style={cell}>{u.warnings}</td>
                {scoring && (
                  <td style={cell} title={deductionText(u.score)}>
                    {u.score ? `${u.score.points}（第${u.score.rank}名）` : ""}
                  </td>
                )}
              </tr>
              {open === i && (
                <tr id={`review-unit-${i}`}>
                  <td colSpan={headers.length} style={cell}>
                    <Text size={200} block>
                      文件：{u.file}
                      {u.previous ? `；已对照上年：${u.previous}` : ""}
                    </Text>
                    {u.score && (
                      <Text size={200} block>
                        得分：{u.score.points}（第{u.score.rank}名）
                        {u.score.deductions.length ? `；扣分：${deductionText(u.score)}` : "；未扣分"}
                      </Text>
                    )}
                    {u.onTime && (
                      <Text size={200} block>
                        {u.published
                          ? `发布日期：${u.published.date}（${u.published.source}），${u.onTime}`
                          : `发布日期：${u.onTime}`}
                      </Text>
                    )}
                    {u.similar && (
                      <Text size={200} block>
                        雷同：与「{u.similar.with}」相同的文字最多，占{percentText(u.similar.share)}
                      </Text>
                    )}
                    <ul aria-label={`${u.unit}的问题`} style={{ margin: 0, paddingLeft: 16 }}>
                      {u.reason && <li>无法读取：{u.reason}</li>}
                      {u.findings.map((f, j) => (
                        <li key={j}>
                          {f.rule} {placedMessage(f)}
                          {/* X3's message quotes its sentence already; a table finding shows its row as read. */}
                          {f.quote && f.rule !== "X3" && f.rule !== "X4" && (
                            <Text size={200} block>
                              原文：{f.quote}
                            </Text>
                          )}
                        </li>
                      ))}
                      {!u.reason && !u.findings.length && <li>没有发现问题</li>}
                    </ul>
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
          {result.missing.map((m) => (
            <tr key={`missing-${m}`} data-unit={m}>
              <th scope="row" style={{ ...cell, fontWeight: "normal" }}>
                {m}
              </th>
              <td data-status style={{ ...cell, background: `#${STATUS_FILLS.未报送}`, color: "#000" }}>
                未报送
              </td>
              <td style={cell} />
              <td style={cell} />
            </tr>
          ))}
        </tbody>
      </table>
      {result.skipped.length > 0 && (
        <details>
          <summary>已跳过 {result.skipped.length} 个文件</summary>
          <ul aria-label="已跳过的文件" style={{ margin: 0, paddingLeft: 16 }}>
            {result.skipped.map((s, i) => (
              <li key={i}>
                {s.file}：{s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {marked.length > 0 && (
        <section aria-labelledby="review-analysis-heading">
          <Subtitle2 as="h3" id="review-analysis-heading" block>
            汇总分析：需关注的单位（{marked.length}个）
          </Subtitle2>
          <ul aria-label="需关注的单位" style={{ margin: 0, paddingLeft: 16 }}>
            {marked.map((u, i) => (
              <li key={i}>
                <Text weight="semibold">{u.unit}</Text>
                <ul aria-label={`${u.unit}需关注的原因`} style={{ margin: 0, paddingLeft: 16 }}>
                  {u.reasons.map((why, j) => (
                    <li key={j}>{why}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}
