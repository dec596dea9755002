/**
 * R1 按时发布: a report published (or signed) after its deadline. 《政府信息公开条例》第四十九条: 县级以上人民政府部门
 * publish last year's report by 1月31日; the 本级人民政府's report is published by 3月31日 — or the dates the office
 * sets in its 审核要点 (a day of the next year, or one full date). Where the date came from is said in every
 * finding; a date read only from a PDF file's creation date is a warning, never an error; no date at all is
 * 「无法判断」, no finding (the review lists it in its own column).
 */
import { daysFromCivil, daysFromText, formatDays, formatDaysChinese } from "../common/dates";
import type { PublishedDate } from "../read/published";
import { isGovernmentReport, isTownshipGovernment } from "../read/aspects";
import { deadlineParam, param, parseDeadline, ruleDef } from "../rules/ruleset";
import type { Deadline, RuleSet } from "../rules/ruleset";

/**
 * Whether a report has the government's deadline: a 县级以上 人民政府's own report (read/aspects
 * isGovernmentReport: 某市人民政府, 某县政府, the place alone as its title names it, a 地区's 行政公署). 第四十九条's
 * 3月31日 is for 县级以上 governments' reports; a 乡/镇's report is due when the departments' are (1月31日, as local
 * notices set it), never later.
 */
export function isGovernment(agency: string): boolean {
  return isGovernmentReport(agency) && !isTownshipGovernment(agency);
}

export type DeadlineState = "按时" | "逾期" | "无法判断";

export interface DeadlineFinding {
  rule: "R1";
  severity: "error" | "warning" | "info";
  where: string;
  message: string;
}

export interface DeadlineJudgement {
  state: DeadlineState;
  /** YYYY-MM-DD. */
  deadline: string;
  finding?: DeadlineFinding;
}

const LAW = "《政府信息公开条例》第四十九条";

/** The deadline's day and what it rests on: the 条例 for the national default, 本级要求 for the office's own. */
function deadlineOf(year: number, government: boolean, set: RuleSet | undefined) {
  const key = government ? "人民政府截止日期" : "部门截止日期";
  const d: Deadline = deadlineParam(set, "R1", key);
  const def = parseDeadline(ruleDef("R1")?.params?.find((p) => p.key === key)?.value ?? "") as Deadline;
  const national = d.year === undefined && d.month === def.month && d.day === def.day;
  const days = daysFromCivil(d.year ?? year + 1, d.month, d.day);
  const who = government ? "本级人民政府的年度报告" : "政府部门的年度报告";
  const basis = national
    ? `${LAW}，${who}应于每年${d.month}月${d.day}日前向社会公布`
    : `本级要求，审核要点「${key}」为${param(set, "R1", key)}`;
  return { days, basis };
}

/**
 * Whether a report of `year` was published by its deadline, from the date it carries (and where that was read).
 * `government`: the report is a 人民政府's own (isGovernment). A date before the report's year has ended cannot be
 * its publication date (a 落款 kept from last year's report): 无法判断, with a warning saying so.
 */
export function judgeDeadline(
  published: PublishedDate | null | undefined,
  o: { year: number; government: boolean; set?: RuleSet },
): DeadlineJudgement {
  const { days: due, basis } = deadlineOf(o.year, o.government, o.set);
  const deadline = formatDays(due);
  const date = published ? daysFromText(published.date) : NaN;
  if (!published || Number.isNaN(date)) return { state: "无法判断", deadline };
  const where = published.source;
  const when = formatDaysChinese(date);
  const dueWords = formatDaysChinese(due);
  if (date <= daysFromCivil(o.year, 12, 31))
    return {
      state: "无法判断",
      deadline,
      finding: {
        rule: "R1",
        severity: "warning",
        where,
        message:
          `${where}为${when}，早于${o.year}年度的统计期限结束（${o.year}年12月31日），不可能是本报告的发布日期，` +
          `可能沿用了上年报告的日期；请更正为实际的成文或发布日期，以便核对是否在${dueWords}前发布`,
      },
    };
  if (date <= due) return { state: "按时", deadline };
  const late = date - due;
  if (published.weak)
    return {
      state: "逾期",
      deadline,
      finding: {
        rule: "R1",
        severity: "warning",
        where,
        message:
          `报告中没有写明发布或落款日期，只读到${published.source.replace(/（仅供参考）$/, "")}${when}，晚于截止日期${dueWords}（依据：${basis}）。` +
          `这只是文件的创建日期，不一定是发布日期；请核实实际发布日期（可在单位名单的「发布日期」列中填写）`,
      },
    };
  return {
    state: "逾期",
    deadline,
    finding: {
      rule: "R1",
      severity: "error",
      where,
      message:
        `${where}为${when}，晚于截止日期${dueWords}（依据：${basis}），逾期${late}天。` +
        `如该日期有误，请更正；确属逾期发布的，请说明原因`,
    },
  };
}
