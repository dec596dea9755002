/**
 * The review's letters: an audit letter (审核意见) to every unit that must correct its report (需修改) or sent
 * another year's (年度不符), and one 通报 listing every unit's status. A letter groups its findings by rule, each
 * group headed by what reviewers call the rule and its source as the rule set gives it (条例 第四十九条,
 * 国办公开办函〔2021〕30号, or 本级要求 where the office set its own threshold), each finding in the words the
 * checks give it — where it is and what would make it agree. No letter for a unit that passed.
 */
import type { ReviewFinding, ReviewResult, ReviewStatus, ReviewedUnit } from "./review";
import { ruleDef } from "./rules/ruleset";
import { deductionText, FULL_SCORE } from "./rules/score";
import type { DocBlock } from "./text/document";

/** A letter or circular to write: its file name, its title and its blocks (rendered as the report is). */
export interface ReviewDocument {
  file: string;
  title: string;
  blocks: DocBlock[];
}

const CN_NUMBERS = "一二三四五六七八九十";
const safeName = (s: string) => s.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60);

/** What a finding outside the rule set is about (how its files were read, its name, its register). */
const OTHER_GROUPS: Record<string, string> = {
  读取: "报告的读取",
  台账: "台账",
  文件: "报送的文件",
  单位: "单位名称",
  上年: "与上年报告的衔接",
};

/** A group's heading: the rule's name and source, or what the finding is about. */
function groupHeading(rule: string, n: number, r: ReviewResult): string {
  const def = ruleDef(rule);
  const mark = `（${CN_NUMBERS[n] ?? n + 1}）`;
  if (!def) return `${mark}${OTHER_GROUPS[rule] ?? rule}`;
  return `${mark}${def.name}（${rule}，依据：${ruleSource(rule, r)}）`;
}

/** A rule's source as a letter cites it: 本级要求 added where the office changed its thresholds. */
export function ruleSource(rule: string, r: Pick<ReviewResult, "rules">): string {
  const def = ruleDef(rule);
  if (!def) return "";
  const chosen = r.rules?.rules[def.id]?.params ?? {};
  const changed = (def.params ?? []).filter((p) => chosen[p.key] !== undefined && chosen[p.key] !== p.value);
  return changed.length
    ? `${def.source}；本级要求：${changed.map((p) => `${p.key}${chosen[p.key]}`).join("、")}`
    : def.source;
}

/** Findings grouped by rule, in the order of their first finding. */
function grouped(findings: ReviewFinding[]): [string, ReviewFinding[]][] {
  const groups = new Map<string, ReviewFinding[]>();
  for (const f of findings) groups.set(f.rule, [...(groups.get(f.rule) ?? []), f]);
  return [...groups.entries()];
}

function findingBlocks(findings: ReviewFinding[], r: ReviewResult): DocBlock[] {
  const blocks: DocBlock[] = [];
  let i = 0;
  grouped(findings).forEach(([rule, list], n) => {
    blocks.push({ kind: "paragraph", text: groupHeading(rule, n, r) });
    for (const f of list) blocks.push({ kind: "paragraph", text: `${++i}. ${f.message}` });
  });
  return blocks;
}

export function reviewLetters(r: ReviewResult, options: { from?: string; date: Date }): ReviewDocument[] {
  const from = options.from || "政府信息公开工作主管部门";
  const date = `${options.date.getFullYear()}年${options.date.getMonth() + 1}月${options.date.getDate()}日`;
  const reportName = (u: ReviewedUnit) => `《${u.unit}${u.year ?? r.year}年政府信息公开工作年度报告》`;
  const letters: ReviewDocument[] = r.units
    .filter((u) => u.status === "需修改" || u.status === "年度不符")
    .map((u) => {
      const title = `关于${reportName(u)}的审核意见`;
      const blocks: DocBlock[] = [
        { kind: "title", lines: [title] },
        { kind: "paragraph", text: `${u.unit}：` },
      ];
      if (u.status === "年度不符")
        blocks.push({
          kind: "paragraph",
          text: `你单位报送的报告（${u.file}）为${u.year}年度，本次审核的是${r.year}年度的年度报告，请报送${r.year}年度的报告。`,
        });
      const must = u.findings.filter((f) => f.severity === "error");
      const also = u.findings.filter((f) => !must.includes(f));
      if (must.length) {
        blocks.push({
          kind: "paragraph",
          text: `经审核，你单位报送的${reportName(u)}存在以下${must.length}处问题，请核对修改后重新报送：`,
        });
        blocks.push(...findingBlocks(must, r));
      }
      if (also.length) {
        blocks.push({ kind: "paragraph", text: "另有以下提示，请一并核对：" });
        blocks.push(...findingBlocks(also, r));
      }
      if (u.score)
        blocks.push({
          kind: "paragraph",
          text: u.score.deductions.length
            ? `按本级审核要点所列分值，你单位报告扣分如下：${deductionText(u.score)}；共扣${FULL_SCORE - u.score.points}分，得分${u.score.points}分。`
            : `按本级审核要点所列分值，你单位报告未扣分，得分${u.score.points}分。`,
        });
      blocks.push({ kind: "signature", lines: [from, date] });
      return { file: `${safeName(u.unit)}审核意见.docx`, title, blocks };
    });
  return [...letters, circular(r, from, date)];
}

/** The 通报: every unit by its status. */
function circular(r: ReviewResult, from: string, date: string): ReviewDocument {
  const title = `关于${r.year}年政府信息公开工作年度报告审核情况的通报`;
  const order: ReviewStatus[] = ["通过", "有提示", "需修改", "年度不符", "无法读取", "未报送"];
  const byStatus = (s: ReviewStatus) =>
    s === "未报送" ? r.missing : r.units.filter((u) => u.status === s).map((u) => u.unit);
  const counts = order.map((s) => `${s}${byStatus(s).length}个`).join("、");
  const blocks: DocBlock[] = [
    { kind: "title", lines: [title] },
    {
      kind: "paragraph",
      text: `对各单位报送的${r.year}年政府信息公开工作年度报告进行了审核，共${r.units.length + r.missing.length}个单位：${counts}。现将审核情况通报如下。`,
    },
  ];
  let n = 0;
  for (const s of order) {
    const names = byStatus(s);
    if (!names.length) continue;
    blocks.push({ kind: "heading", level: 1, text: `${CN_NUMBERS[n++]}、${s}（${names.length}个）` });
    blocks.push({ kind: "paragraph", text: `${names.join("、")}。` });
  }
  const ranked = r.units.filter((u) => u.score).sort((a, b) => (a.score?.rank ?? 0) - (b.score?.rank ?? 0));
  if (ranked.length) {
    blocks.push({
      kind: "heading",
      level: 1,
      text: `${CN_NUMBERS[n++]}、考核得分（按本级审核要点所列分值）`,
    });
    blocks.push({
      kind: "paragraph",
      text: `${ranked.map((u) => `${u.score?.rank}. ${u.unit} ${u.score?.points}分`).join("；")}。`,
    });
  }
  const late = r.units.filter((u) => u.onTime === "逾期").map((u) => u.unit);
  if (late.length) {
    blocks.push({ kind: "heading", level: 1, text: `${CN_NUMBERS[n++]}、未按时发布（${late.length}个）` });
    blocks.push({ kind: "paragraph", text: `${late.join("、")}。` });
  }
  blocks.push({ kind: "signature", lines: [from, date] });
  return { file: "通报.docx", title, blocks };
}
