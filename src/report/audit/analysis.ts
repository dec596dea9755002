/**
 * 汇总分析: how each unit of a review did, for the office that reports upward — its applications (表三 一、二),
 * what it decided (三's 总计, not 四、结转下年度) and in what shares (予以公开＋部分公开, 不予公开, 无法提供,
 * 不予处理), its 行政复议 and 行政诉讼 (表四) and how many of those decided were corrected, and, where last year's
 * report was matched, the change in 新收 and in 予以公开率 — then the batch's 合计 (sums; every rate worked again
 * from the sums, never averaged) and 中位数. A cell the tables leave blank (a row a report does not give, as
 * the pre-2019 reports often do) stays blank (null), never 0; a share whose 办结 is 0 is blank too.
 * Units far from the batch are marked, each with its reasons in words, by one rule given as data (ANALYSIS_RULE).
 */
import { getFormat, T3_TOTAL_COLUMN, T4_GROUP_WIDTH } from "../formats";
import type { FormatId } from "../formats";
import type { Num, TableSet } from "../tables/tables";

/** The marking rule: its thresholds, with the defaults the review applies. */
export interface AnalysisRule {
  /** A value more than `far` times the batch median, or less than the median over `far`, is far from it. */
  far: number;
  /** Compared only where the unit has at least this many 新收 applications (同比 of 新收: this year or last). */
  minApplications: number;
  /** Compared only where at least this many units of the batch have the value (the median is of them). */
  minUnits: number;
  /** 新收申请同比: marked beyond ± this share of last year's (0.5: ±50%). */
  newChange: number;
  /** 予以公开率同比: marked beyond ± this many percentage points, as a share (0.2: ±20 个百分点). */
  openRateChange: number;
}

export const ANALYSIS_RULE: AnalysisRule = {
  far: 2,
  minApplications: 10,
  minUnits: 3,
  newChange: 0.5,
  openRateChange: 0.2,
};

/** The counts read from a unit's tables (null where its tables leave them blank). */
const COUNTS = [
  "new",
  "carry",
  "decided",
  "opened",
  "denied",
  "unable",
  "noaction",
  "forward",
  "review",
  "reviewDecided",
  "reviewCorrected",
  "litigation",
  "litigationDecided",
  "litigationCorrected",
  "lastNew",
  "lastOpened",
  "lastDecided",
] as const;

/** Each rate: its numerator and its denominator (a rate with a denominator of 0 is blank). */
const RATES = {
  openRate: ["opened", "decided"],
  denyRate: ["denied", "decided"],
  unableRate: ["unable", "decided"],
  noactionRate: ["noaction", "decided"],
  reviewCorrectionRate: ["reviewCorrected", "reviewDecided"],
  litigationCorrectionRate: ["litigationCorrected", "litigationDecided"],
  lastOpenRate: ["lastOpened", "lastDecided"],
} as const;

type CountKey = (typeof COUNTS)[number];
type RateKey = keyof typeof RATES;
/** 同比: newChange a share of last year's 新收 (+0.2: 增长 20%); openRateChange in points, as a share (−0.3). */
type ChangeKey = "newChange" | "openRateChange";
export type FigureKey = CountKey | RateKey | ChangeKey;
export type Figures = Record<FigureKey, number | null>;

export interface AnalysedUnit extends Figures {
  unit: string;
  format: FormatId;
  /** Why the unit is marked, in words; empty when it is not. */
  reasons: string[];
}

export interface Analysis {
  rule: AnalysisRule;
  units: AnalysedUnit[];
  /** 合计: counts summed over the units that give them, rates from those sums; null with no unit. */
  total: Figures | null;
  /** 中位数 of each figure over the units that give it. */
  median: Figures | null;
  /** Units of the year left out, as the total leaves them out: their files disagree (see review.ts). */
  uncounted: string[];
}

/** What the review hands over of a unit (review.ts ReadUnit has these). */
export interface AnalysisInput {
  unit: string;
  tables?: TableSet;
  /** Last year's tables, where its report was matched. */
  previousTables?: TableSet;
  uncounted?: boolean;
}

/** The figures that are compared with the batch's median, and how the reasons name them. */
const FAR: { key: FigureKey; label: string; count?: boolean }[] = [
  { key: "new", label: "新收申请", count: true },
  { key: "openRate", label: "予以公开率" },
  { key: "denyRate", label: "不予公开占比" },
  { key: "unableRate", label: "无法提供占比" },
  { key: "noactionRate", label: "不予处理占比" },
];

/** The rule in words, as the sheet and README state it. */
export function analysisRuleText(rule: AnalysisRule = ANALYSIS_RULE): string {
  const far = FAR.map((f) => f.label).join("、");
  return (
    `标记规则：①${far}高于本批中位数的${rule.far}倍或低于中位数的${rule.far === 2 ? "一半" : `1/${rule.far}`}` +
    `（只比较本年新收申请不少于${rule.minApplications}件的单位，且本批有该项数字的单位不少于${rule.minUnits}个；中位数为0时不比较）；` +
    `②新收申请同比增减超过${points(rule.newChange)}%（本年或上年新收申请不少于${rule.minApplications}件），` +
    `予以公开率同比增减超过${points(rule.openRateChange)}个百分点（本年新收申请不少于${rule.minApplications}件）；` +
    `③行政复议或行政诉讼有结果纠正。`
  );
}

/** Allowance for floating point at a threshold: exactly twice, or exactly +50%, is not beyond it. */
const EPS = 1e-9;

const num = (v: Num | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** The sum, or null where any part is unknown (or there are none). */
const sumOf = (values: (number | null)[]): number | null =>
  values.length && values.every((v) => v !== null)
    ? values.reduce<number>((s, v) => s + (v as number), 0)
    : null;

const ratio = (n: number | null, d: number | null): number | null =>
  n === null || d === null || d === 0 ? null : n / d;

/** A share in points, one decimal at most: 0.583 → 58.3, 0.5 → 50. */
const points = (share: number): string => String(Math.round(share * 1000) / 10);
const pct = (share: number): string => `${points(share)}%`;
/** A count as the reasons write it (a median of an even batch may be a half). */
const countText = (n: number): string => String(Math.round(n * 10) / 10);

/** 表三's 总计 of a row, and of a group's leaves (不予公开: 1.–8.). */
function t3Counts(
  t: TableSet,
): Pick<Figures, "new" | "carry" | "decided" | "opened" | "denied" | "unable" | "noaction" | "forward"> {
  const row = (key: string) => num(t.t3[key]?.[T3_TOTAL_COLUMN]);
  const leaves = (group: string) =>
    sumOf(
      getFormat(t.format)
        .t3.rows.filter((r) => r.group === group)
        .map((r) => row(r.key)),
    );
  return {
    new: row("new"),
    carry: row("carry"),
    decided: row("total"),
    opened: sumOf([row("grant"), row("partial")]),
    denied: leaves("deny"),
    unable: leaves("unable"),
    noaction: leaves("noaction"),
    forward: row("fwd"),
  };
}

/** 表四: 0 行政复议, 1 未经复议直接起诉, 2 复议后起诉; results 0 维持, 1 纠正, 2 其他, 3 尚未审结, 4 总计. */
function t4Counts(t: TableSet) {
  const at = (group: number, result: number) => num(t.t4[group * T4_GROUP_WIDTH + result]);
  const decided = (g: number) => sumOf([at(g, 0), at(g, 1), at(g, 2)]);
  return {
    review: at(0, 4),
    reviewDecided: decided(0),
    reviewCorrected: at(0, 1),
    litigation: sumOf([at(1, 4), at(2, 4)]),
    litigationDecided: sumOf([decided(1), decided(2)]),
    litigationCorrected: sumOf([at(1, 1), at(2, 1)]),
  };
}

/** Rates and 同比 from counts. */
function withRates(c: Record<CountKey, number | null>): Figures {
  const rates = Object.fromEntries(
    Object.entries(RATES).map(([k, [n, d]]) => [k, ratio(c[n], c[d])]),
  ) as Record<RateKey, number | null>;
  const newChange = c.new === null || !c.lastNew ? null : (c.new - c.lastNew) / c.lastNew;
  const openRateChange =
    rates.openRate === null || rates.lastOpenRate === null ? null : rates.openRate - rates.lastOpenRate;
  return { ...c, ...rates, newChange, openRateChange };
}

/** A unit's figures: this year's tables, and last year's where they are of the year before. */
export function unitFigures(tables: TableSet, last?: TableSet): Figures {
  const before = last && last.year === tables.year - 1 ? t3Counts(last) : null;
  return withRates({
    ...t3Counts(tables),
    ...t4Counts(tables),
    lastNew: before?.new ?? null,
    lastOpened: before?.opened ?? null,
    lastDecided: before?.decided ?? null,
  });
}

/** The median of the values given (nulls left out): the middle one, or the mean of the middle two. */
export function median(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (!known.length) return null;
  const mid = known.length >> 1;
  return known.length % 2 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
}

const KEYS = [...COUNTS, ...Object.keys(RATES), "newChange", "openRateChange"] as FigureKey[];

/**
 * 合计: each count summed over the units that give it; each rate from the sums of the units that give both its
 * numbers. Last year's sums and 同比 only where every unit gives last year's (else they would compare other units).
 */
function totalOf(units: Figures[]): Figures {
  const sum = (k: CountKey) => sumOf(units.map((u) => u[k]).filter((v) => v !== null));
  const every = (...keys: CountKey[]) => units.every((u) => keys.every((k) => u[k] !== null));
  const counts = Object.fromEntries(COUNTS.map((k) => [k, sum(k)])) as Record<CountKey, number | null>;
  for (const k of ["lastNew", "lastOpened", "lastDecided"] as const) if (!every(k)) counts[k] = null;
  const figures = withRates(counts);
  for (const [k, [n, d]] of Object.entries(RATES) as [RateKey, readonly [CountKey, CountKey]][]) {
    const both = units.filter((u) => u[n] !== null && u[d] !== null);
    figures[k] = ratio(sumOf(both.map((u) => u[n])), sumOf(both.map((u) => u[d])));
  }
  if (!every("new")) figures.newChange = null;
  figures.openRateChange =
    every("opened", "decided", "lastOpened", "lastDecided") &&
    figures.openRate !== null &&
    figures.lastOpenRate !== null
      ? figures.openRate - figures.lastOpenRate
      : null;
  return figures;
}

/** How far a number is from the median, in words: 4.3 倍 (two decimals where one would read as the threshold). */
const times = (v: number, m: number, far: number): string => {
  const one = Math.round((v / m) * 10) / 10;
  return String(one <= far ? Math.round((v / m) * 100) / 100 : one);
};

/** Why a unit is marked, by the rule: far from the batch's median, a large 同比, any 结果纠正. */
function reasonsFor(u: Figures, batch: Figures[], medians: Figures, rule: AnalysisRule): string[] {
  const reasons: string[] = [];
  const enough = u.new !== null && u.new >= rule.minApplications;
  for (const f of FAR) {
    const v = u[f.key];
    const m = medians[f.key];
    const given = batch.filter((b) => b[f.key] !== null).length;
    if (!enough || v === null || m === null || m === 0 || given < rule.minUnits) continue;
    const text = (x: number) => (f.count ? `${countText(x)} 件` : pct(x));
    // 「中位数 20 件的」, 「中位数 58% 的」
    const of = f.count ? "的" : " 的";
    if (v > rule.far * m + EPS)
      reasons.push(`${f.label} ${text(v)}，为中位数 ${text(m)}${of} ${times(v, m, rule.far)} 倍`);
    else if (v < m / rule.far - EPS)
      reasons.push(
        `${f.label} ${text(v)}，不到中位数 ${text(m)}${of}${rule.far === 2 ? "一半" : `1/${rule.far}`}`,
      );
  }
  if (
    u.newChange !== null &&
    Math.max(u.new ?? 0, u.lastNew ?? 0) >= rule.minApplications &&
    Math.abs(u.newChange) > rule.newChange + EPS
  )
    reasons.push(
      `新收申请同比${u.newChange > 0 ? "增长" : "下降"} ${pct(Math.abs(u.newChange))}（上年 ${u.lastNew} 件）`,
    );
  if (u.openRateChange !== null && enough && Math.abs(u.openRateChange) > rule.openRateChange + EPS)
    reasons.push(
      `予以公开率同比${u.openRateChange > 0 ? "提高" : "下降"} ${points(Math.abs(u.openRateChange))} 个百分点` +
        `（上年 ${pct(u.lastOpenRate as number)}，本年 ${pct(u.openRate as number)}）`,
    );
  if (u.reviewCorrected) reasons.push(`行政复议结果纠正 ${u.reviewCorrected} 件`);
  if (u.litigationCorrected) reasons.push(`行政诉讼结果纠正 ${u.litigationCorrected} 件`);
  return reasons;
}

/**
 * The analysis of a review's units: those with tables of the year (not 无法读取, not 年度不符), in the order
 * given; a unit whose files disagree is left out as the total leaves it out, and named.
 */
export function analyse(input: AnalysisInput[], year: number, rule: AnalysisRule = ANALYSIS_RULE): Analysis {
  const ofYear = input.filter((u) => u.tables?.year === year);
  const read = ofYear.filter((u) => !u.uncounted);
  const figures = read.map((u) => unitFigures(u.tables as TableSet, u.previousTables));
  const medians = figures.length
    ? (Object.fromEntries(KEYS.map((k) => [k, median(figures.map((f) => f[k]))])) as Figures)
    : null;
  return {
    rule,
    units: read.map((u, i) => ({
      unit: u.unit,
      format: (u.tables as TableSet).format,
      ...figures[i],
      reasons: reasonsFor(figures[i], figures, medians as Figures, rule),
    })),
    total: figures.length ? totalOf(figures) : null,
    median: medians,
    uncounted: ofYear.filter((u) => u.uncounted).map((u) => u.unit),
  };
}
