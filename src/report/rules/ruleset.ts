/**
 * 审核要点: the rules a review applies, as data an office can tune — which rules run, how a finding of each is
 * handled (需修改: the report is sent back; 提示: the unit is asked to look), and the thresholds (deadlines, the
 * share of copied text, a length cap). The national defaults are below, each rule with its source (the 条例,
 * 国办公开办函〔2021〕30号, or a local notice — spec review-rules.md, copied as test/fixtures/review-rules.md's
 * facts); an office gives its own as a sheet 「审核要点」, a .csv or a .json of the same columns (./parse), and the
 * review writes the set it used into its workbook.
 */
import type { RuleId } from "../formats";
import type { Finding, Severity } from "../tables/findings";

export type Handling = "需修改" | "提示";

export interface ParamDef {
  /** As the sheet names it: 部门截止日期. */
  key: string;
  /** The national default, as the sheet writes it: 1月31日, 50%, 1000. */
  value: string;
  kind: "date" | "share" | "count";
}

export interface RuleDef {
  id: RuleId;
  /** What reviewers call it: 按时发布, 内容雷同. */
  name: string;
  /** Where the rule comes from, as a letter cites it. */
  source: string;
  handling: Handling;
  on: boolean;
  params?: ParamDef[];
}

const FORMAT_2021 = "国办公开办函〔2021〕30号";
const TABLES = `${FORMAT_2021}（统计表的勾稽关系）`;
const LAYOUT = `${FORMAT_2021}（统计表格式）`;
const ACCURATE = `${FORMAT_2021}（内容不准确的，依照条例第四十七条追责）`;
const WUWEI = "武威市 武政办发〔2025〕54号（本级要求，原则性规定，默认不启用）";

/** Every rule the review applies, in the order the 审核要点 sheet lists them, with the national defaults. */
export const RULES: RuleDef[] = [
  {
    id: "R1",
    name: "按时发布",
    source: "《政府信息公开条例》第四十九条",
    handling: "需修改",
    on: true,
    params: [
      { key: "部门截止日期", value: "1月31日", kind: "date" },
      { key: "人民政府截止日期", value: "3月31日", kind: "date" },
    ],
  },
  { id: "P1", name: "表三总计等于各列之和", source: TABLES, handling: "需修改", on: true },
  { id: "S1", name: "表三办理结果等于各项之和", source: TABLES, handling: "需修改", on: true },
  { id: "S2", name: "表三收到申请与办理结果相符", source: TABLES, handling: "需修改", on: true },
  { id: "T4", name: "表四总计等于各项之和", source: TABLES, handling: "需修改", on: true },
  { id: "F1", name: "统计表的数字可以读取", source: LAYOUT, handling: "需修改", on: true },
  { id: "F2", name: "统计表的格子填写（0 而非空白）", source: LAYOUT, handling: "提示", on: true },
  { id: "F3", name: "统计表各行齐全", source: LAYOUT, handling: "需修改", on: true },
  { id: "F4", name: "统计表未超出页面", source: LAYOUT, handling: "需修改", on: true },
  { id: "L1", name: "统计表各行的文字与模板一致", source: LAYOUT, handling: "提示", on: true },
  { id: "X1", name: "上年结转与上年报告的结转下年度一致", source: TABLES, handling: "提示", on: true },
  { id: "X2", name: "现行有效件数与上年衔接", source: TABLES, handling: "提示", on: true },
  { id: "X3", name: "正文数字与表三、表四一致", source: ACCURATE, handling: "需修改", on: true },
  { id: "X4", name: "正文数字与表二一致", source: ACCURATE, handling: "需修改", on: true },
  {
    id: "C1",
    name: "六个部分齐全、顺序正确",
    source: `${FORMAT_2021}（年度报告格式）`,
    handling: "需修改",
    on: true,
  },
  { id: "C2", name: "存在的主要问题及改进情况不为空", source: FORMAT_2021, handling: "提示", on: true },
  { id: "C3", name: "说明是否收取信息处理费", source: FORMAT_2021, handling: "提示", on: true },
  {
    id: "C4",
    name: "标题符合模板（单位全称+年份+政府信息公开工作年度报告）",
    source: FORMAT_2021,
    handling: "提示",
    on: true,
  },
  { id: "C5", name: "写明完整的统计期限", source: FORMAT_2021, handling: "提示", on: true },
  {
    id: "R7",
    name: "引用现行的格式和条例全称",
    source: `${FORMAT_2021}（取代试行格式）`,
    handling: "提示",
    on: true,
  },
  {
    id: "R10",
    name: "没有模板残留和空白",
    source: `${FORMAT_2021}（敷衍塞责的，依照条例第四十七条追责）`,
    handling: "需修改",
    on: true,
  },
  { id: "R11", name: "导语所列部分与正文一致", source: FORMAT_2021, handling: "提示", on: true },
  {
    id: "R12",
    name: "总体情况写到五个方面",
    source: `${FORMAT_2021} 一（一）总体情况`,
    handling: "提示",
    on: true,
  },
  {
    id: "R13",
    name: "人民政府的报告写工作考核、社会评议和责任追究",
    source: "《政府信息公开条例》第五十条第四项",
    handling: "提示",
    on: true,
  },
  { id: "R26", name: "存在的问题和改进措施都写到", source: `${FORMAT_2021} 五`, handling: "提示", on: true },
  {
    id: "R29",
    name: "内容不雷同（与上年、与其他单位）",
    source: `${FORMAT_2021}（内容雷同的，依照条例第四十七条追责）；宿迁市政务公开监测指标（重复率超过50%扣分）`,
    handling: "需修改",
    on: true,
    params: [{ key: "雷同比例", value: "50%", kind: "share" }],
  },
  {
    id: "R14",
    name: "总体情况篇幅不超过上限",
    source: WUWEI,
    handling: "提示",
    on: false,
    params: [{ key: "字数上限", value: "1000", kind: "count" }],
  },
  {
    id: "R15",
    name: "主动公开写明各渠道数量和政策解读、回应关切数量",
    source: WUWEI,
    handling: "提示",
    on: false,
  },
  { id: "R17", name: "平台建设写明平台、专区和公报数量", source: WUWEI, handling: "提示", on: false },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

export const ruleDef = (id: string): RuleDef | undefined => BY_ID.get(id as RuleId);

export interface RuleChoice {
  on: boolean;
  handling: Handling;
  /** Every parameter of the rule, by its key, as text (the defaults where the office gave none). */
  params: Record<string, string>;
  /**
   * 考核: the points a unit loses for the rule (分值), where the office gives them — once for the rule however
   * often it is found (每项), or for each finding (每处). No points anywhere: no scores at all (./score).
   */
  points?: number;
  per?: PointsPer;
}

/** How a rule's 分值 is deducted: once for the rule (每项, as 宿迁's 「未在…前发布扣1分」) or for each finding (每处). */
export type PointsPer = "每项" | "每处";

/** Whether the set gives any rule points (then the review scores and ranks the units). */
export const scored = (set: RuleSet | undefined): boolean =>
  Object.values(set?.rules ?? {}).some((c) => (c?.points ?? 0) > 0);

export interface RuleSet {
  /** Where it came from: 全国默认, or the file or sheet the office gave. */
  from: string;
  rules: Partial<Record<RuleId, RuleChoice>>;
}

/** The national defaults. */
export function defaultRuleSet(): RuleSet {
  return {
    from: "全国默认",
    rules: Object.fromEntries(
      RULES.map((r) => [
        r.id,
        {
          on: r.on,
          handling: r.handling,
          params: Object.fromEntries((r.params ?? []).map((p) => [p.key, p.value])),
        },
      ]),
    ),
  };
}

/** Whether a rule runs (rules the set does not name run: they are not the office's to tune). */
export const ruleOn = (set: RuleSet | undefined, id: RuleId): boolean =>
  (set ?? DEFAULT).rules[id]?.on ?? ruleDef(id)?.on ?? true;

/** A parameter's text (the default where the set has none). */
export function param(set: RuleSet | undefined, id: RuleId, key: string): string {
  const given = (set ?? DEFAULT).rules[id]?.params[key];
  const def = ruleDef(id)?.params?.find((p) => p.key === key);
  if (given === undefined && !def) throw new Error(`审核要点 ${id} 没有参数「${key}」`);
  return (given ?? def?.value) as string;
}

const DEFAULT = defaultRuleSet();

/** A share as written (50%, 0.5, 50): a number from 0 to 1, or null. */
export function parseShare(s: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%|％)?\s*$/.exec(s);
  if (!m) return null;
  const n = Number(m[1]);
  const share = m[2] || n > 1 ? n / 100 : n;
  return share > 0 && share <= 1 ? share : null;
}

/** A count as written (1000, 1,000, 1000字): a whole number, or null. */
export function parseCount(s: string): number | null {
  const m = /^\s*(\d[\d,]*)\s*(?:字|个|件)?\s*$/.exec(s);
  return m ? Number(m[1].replace(/,/g, "")) : null;
}

/** A deadline as written: a day of the year after the report's (1月31日, 01-31), or one date (2026年1月28日). */
export type Deadline = { month: number; day: number; year?: number };

export function parseDeadline(s: string): Deadline | null {
  const t = s.normalize("NFKC").replace(/\s+/g, "").replace(/^次年/, "");
  const m = /^(?:(\d{4})[年.\-/])?(\d{1,2})[月.\-/](\d{1,2})日?$/.exec(t);
  if (!m) return null;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2024, month, 0)).getUTCDate())
    return null;
  return m[1] ? { year: Number(m[1]), month, day } : { month, day };
}

/** Whether a parameter's text reads as its kind. */
export function paramValid(kind: ParamDef["kind"], value: string): boolean {
  if (kind === "date") return parseDeadline(value) !== null;
  if (kind === "share") return parseShare(value) !== null;
  return parseCount(value) !== null;
}

/** A rule's parameter, read as its kind (the set was checked when it was read, so it reads). */
export const shareParam = (set: RuleSet | undefined, id: RuleId, key: string): number =>
  parseShare(param(set, id, key)) as number;
export const countParam = (set: RuleSet | undefined, id: RuleId, key: string): number =>
  parseCount(param(set, id, key)) as number;
export const deadlineParam = (set: RuleSet | undefined, id: RuleId, key: string): Deadline =>
  parseDeadline(param(set, id, key)) as Deadline;

/** A rule's own severity: what its findings carry before the office's handling (tables/findings SEVERITY). */
export type NativeSeverity = (rule: RuleId) => Severity;

/**
 * Findings as the set has them: a rule turned off drops its findings; 需修改 makes a finding of the rule's own
 * severity an error (a finding the rule itself weighed less — a section there under another wording — keeps
 * its weight); 提示 makes an error a warning. Findings of no rule in the set (how a file was read) pass as they are.
 */
export function applyRuleSet<F extends Pick<Finding, "severity"> & { rule: string }>(
  findings: F[],
  set: RuleSet,
  native: NativeSeverity,
): F[] {
  const out: F[] = [];
  for (const f of findings) {
    const choice = set.rules[f.rule as RuleId];
    if (!choice) {
      out.push(f);
      continue;
    }
    if (!choice.on) continue;
    const own = f.severity === native(f.rule as RuleId);
    const severity: Severity =
      choice.handling === "提示"
        ? f.severity === "error"
          ? "warning"
          : f.severity
        : own
          ? "error"
          : f.severity;
    out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
