/** Plain-text rendering of the tables and findings for the terminal (CJK-aware column widths). */
import { placedMessage } from "../report/tables/place";
import type { Finding } from "../report/tables/checks";
import type { CompileResult } from "../report/compile";
import { getFormat, T4_GROUP_WIDTH, tableCaption } from "../report/formats";
import { issuePlace, SEVERITY_LABELS } from "../report/text/labels";
import type { RowIssue } from "../report/register/registers";
import type { Num, TableSet } from "../report/tables/tables";
import { displayWidth } from "../report/common/normalize";

const padEnd = (s: string, w: number) => s + " ".repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => " ".repeat(Math.max(0, w - displayWidth(s))) + s;
const cell = (v: Num | undefined) => (v === null || v === undefined ? "（空）" : String(v));

function grid(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))),
  );
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? padEnd(c, widths[i]) : padStart(c, widths[i]))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function renderTable2(t: TableSet): string {
  const format = getFormat(t.format);
  if (!t.t2) return "";
  if (!format.t2) {
    const rows = (format.legacyCategories ?? []).map((c) => [c.label, cell(t.t2?.[c.key] as Num)]);
    return `主动公开政府信息（按类别）\n${grid(["类别", "条数"], rows)}`;
  }
  const parts: string[] = [tableCaption(format.t2)];
  for (const block of format.t2.blocks) {
    const rows = block.rows.map((r) => {
      const v = t.t2?.[r.key];
      return [r.label, ...(Array.isArray(v) ? v.map(cell) : [cell(v as Num)])];
    });
    parts.push(
      `${block.caption}\n${grid([format.t2.contentLabel, ...block.columns.map((c) => c.label)], rows)}`,
    );
  }
  return parts.join("\n\n");
}

export function renderTable3(t: TableSet): string {
  const format = getFormat(t.format);
  const rows = format.t3.rows.map((r) => {
    const indent = r.kind === "leaf" ? "    " : r.inResults ? "  " : "";
    const label = indent + r.label;
    return r.kind === "group"
      ? [label, ...format.t3.columns.map(() => "")]
      : [label, ...(t.t3[r.key] ?? []).map(cell)];
  });
  const title = format.printsTables ? tableCaption(format.t3) : (format.unprintedTableNote ?? "");
  return `${title}\n${grid(["", ...format.t3.columns.map((c) => c.label)], rows)}`;
}

export function renderTable4(t: TableSet): string {
  const format = getFormat(t.format);
  const groups = [format.t4.review, ...format.t4.litigation];
  const rows = groups.map((g, gi) => [
    gi === 0 ? g.label : `${format.t4.litigationLabel}（${g.label}）`,
    ...format.t4.results.map((_, i) => cell(t.t4[gi * T4_GROUP_WIDTH + i])),
  ]);
  return `${tableCaption(format.t4)}\n${grid(["", ...format.t4.results.map((r) => r.label)], rows)}`;
}

export function renderFindings(findings: Finding[]): string {
  if (!findings.length) return "校验结果：全部通过。";
  const errors = findings.filter((f) => f.severity === "error").length;
  const lines = findings.map((f) => `  [${SEVERITY_LABELS[f.severity]}] ${f.rule} ${placedMessage(f)}`);
  return `校验结果：${errors}个错误，${findings.length - errors}个提示\n${lines.join("\n")}`;
}

export function renderRowIssues(issues: RowIssue[], limit = 50): string {
  if (!issues.length) return "";
  const errors = issues.filter((i) => i.severity === "error").length;
  const lines = issues
    .slice(0, limit)
    .map((i) => `  [${SEVERITY_LABELS[i.severity]}] ${issuePlace(i)}：${i.message}`);
  if (issues.length > limit) lines.push(`  ……另有${issues.length - limit}条（用 --json 查看全部）`);
  return `登记表问题：${errors}个错误，${issues.length - errors}个提示\n${lines.join("\n")}`;
}

export function renderCompile(result: CompileResult): string {
  const t = result.tables;
  const format = getFormat(t.format);
  const a = result.stats.applications;
  const parts = [
    `${t.agency || "（未填写机关名称）"} ${t.year}年 · ${format.name}`,
    a
      ? `依申请公开登记：读取${a.rows}行，计入本年度${a.counted}行（其中上年结转${a.carried}行）${a.excluded ? `，因错误未计入${a.excluded}行` : ""}`
      : "",
    renderTable2(t),
    renderTable3(t),
    renderTable4(t),
    renderFindings(result.checks),
    renderRowIssues(result.rowIssues),
    Object.keys(result.sentences).length
      ? `生成的文字：\n${Object.entries(result.sentences)
          .map(([k, s]) => `  [${k}] ${s}`)
          .join("\n")}`
      : "",
  ];
  return parts.filter(Boolean).join("\n\n") + "\n";
}
