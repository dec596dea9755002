/**
 * X3: the numbers a report's text states, against its tables — 新收/收到/受理 申请, 上年结转, 办结/答复, 予以公开,
 * 部分公开 (and the two together), 不予公开, the percentages printed beside them, 结转/顺延下年度, 行政复议,
 * 行政诉讼, 信息处理费 — in the phrasings published reports use (our own sentences among them, which never
 * fire). Each finding quotes the sentence and gives both numbers.
 */
import { checkTables } from "../tables/checks";
import type { TableLabels } from "../tables/checks";
import {
  getFormat,
  numberRows,
  T3_TOTAL_COLUMN,
  T4_GROUP_WIDTH,
  T4_TOTAL_RESULT,
  TABLE_TITLES,
} from "../formats";
import type { FormatDef } from "../formats";
import { Findings, rowName } from "../tables/findings";
import type { Finding } from "../tables/findings";
import type { TableSet } from "../tables/tables";
import { completenessFindings } from "./complete";
import { foldCovered } from "../tables/fold";
import { pageEdge } from "./edge";
import { FEE_AMOUNT, NO_FEE } from "./fee";
import type { CutTable } from "./edge";
import { aspectFindings } from "./aspects";
import { checkTable2Text } from "./text2";
import { writingFindings } from "./writing";
import type { RuleSet } from "../rules/ruleset";

const NUM = "(\\d[\\d,]*(?:\\.\\d+)?)";
const PERCENT = new RegExp(`^[,，]?(?:约)?占(?:比|总数|全部|申请总数)?(?:的)?(?:为)?${NUM}%`);

interface Claim {
  /** What the text states, in the finding: "予以公开". */
  label: string;
  re: RegExp;
  /** The table's number(s) the text may mean, and where they are. */
  values(t: TableSet, f: FormatDef): number[] | null;
  /** Where in the tables, and how to name it (from the format's labels, as printed). */
  place: { table: "t3" | "t4"; row: string; text: (f: FormatDef) => string };
  /** Whether a percentage after the number is checked (of 办结 total, 新收, or 新收+结转). */
  percent?: boolean;
}

const total = (t: TableSet, key: string): number | null => {
  const v = t.t3[key]?.[T3_TOTAL_COLUMN];
  return typeof v === "number" ? v : null;
};
const sum = (values: (number | null)[]) =>
  values.some((v) => v === null) ? null : (values as number[]).reduce((a, b) => a + b, 0);
const one = (v: number | null) => (v === null ? null : [v]);
const groupTotal = (t: TableSet, f: FormatDef, group: string) =>
  sum(
    numberRows(f)
      .filter((r) => r.group === group)
      .map((r) => total(t, r.key)),
  );
const t4Total = (t: TableSet, g: number) => {
  const v = t.t4[g * T4_GROUP_WIDTH + T4_TOTAL_RESULT];
  return typeof v === "number" ? v : null;
};

/** The claims, most specific first (a matched span is not read again). */
const CLAIMS: Claim[] = [
  {
    label: "予以公开和部分公开",
    re: new RegExp(`予以公开(?:和|及|与|、)部分公开(?:的)?(?:申请)?(?:共|合计)?${NUM}件`, "g"),
    values: (t) => one(sum([total(t, "grant"), total(t, "partial")])),
    place: {
      table: "t3",
      row: "grant",
      text: (f) => `${TABLE_TITLES.t3.name}「${rowName(f, "grant")}」与「${rowName(f, "partial")}」总计之和`,
    },
    percent: true,
  },
  {
    label: "新收申请",
    re: new RegExp(
      `(?:新收|收到|受理|接收)(?:到)?[^\\d。；，,复诉]{0,12}?申请(?:数量)?(?:共|合计|总计)?(?:为)?${NUM}件`,
      "g",
    ),
    values: (t) => {
      const [n, c] = [total(t, "new"), total(t, "carry")];
      return n === null ? null : c === null ? [n] : [n, n + c];
    },
    place: { table: "t3", row: "new", text: (f) => `${TABLE_TITLES.t3.name}「${rowName(f, "new")}」总计` },
  },
  {
    label: "上年结转",
    re: new RegExp(`上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:共)?${NUM}件`, "g"),
    values: (t) => one(total(t, "carry")),
    place: {
      table: "t3",
      row: "carry",
      text: (f) => `${TABLE_TITLES.t3.name}「${rowName(f, "carry")}」总计`,
    },
  },
  {
    label: "结转下年度",
    re: new RegExp(
      `(?:结转(?:至|到)?下(?:一)?年度?(?:继续办理)?(?:的)?(?:申请)?${NUM}件|(?<![\\d,]),*${NUM}件(?:申请)?(?:结转|顺延)(?:至|到)?下(?:一)?年度?)`,
      "g",
    ),
    values: (t) => one(total(t, "fwd")),
    place: { table: "t3", row: "fwd", text: (f) => `${TABLE_TITLES.t3.name}「${rowName(f, "fwd")}」总计` },
  },
  {
    label: "办结（答复）",
    re: new RegExp(`(?:办结|答复)(?:了|的)?(?:政府信息公开)?(?:申请)?(?:共|合计)?${NUM}件`, "g"),
    values: (t) => one(total(t, "total")),
    place: {
      table: "t3",
      row: "total",
      text: (f) => `${TABLE_TITLES.t3.name}「${rowName(f, "total")}」总计`,
    },
  },
  {
    label: "不予公开",
    re: new RegExp(`不予公开(?:的)?(?:申请)?(?:共)?${NUM}件`, "g"),
    values: (t, f) => one(groupTotal(t, f, "deny")),
    place: {
      table: "t3",
      row: "deny",
      text: (f) => `${TABLE_TITLES.t3.name}「${rowName(f, "deny")}」各项总计之和`,
    },
    percent: true,
  },
  {
    label: "予以公开",
    re: new RegExp(`予以公开(?:的)?(?:申请)?(?:共)?${NUM}件`, "g"),
    values: (t) => one(total(t, "grant")),
    place: {
      table: "t3",
      row: "grant",
      text: (f) => `${TABLE_TITLES.t3.name}「${rowName(f, "grant")}」总计`,
    },
    percent: true,
  },
  {
    label: "部分公开",
    re: new RegExp(`部分公开(?:的)?(?:申请)?(?:共)?${NUM}件`, "g"),
    values: (t) => one(total(t, "partial")),
    place: {
      table: "t3",
      row: "partial",
      text: (f) => `${TABLE_TITLES.t3.name}「${rowName(f, "partial")}」总计`,
    },
    percent: true,
  },
  {
    label: "行政复议",
    re: new RegExp(`行政复议(?:申请|案件)?(?:共)?${NUM}件`, "g"),
    values: (t) => one(t4Total(t, 0)),
    place: { table: "t4", row: "review", text: (f) => `${TABLE_TITLES.t4.name}「${f.t4.review.label}」总计` },
  },
  {
    label: "行政诉讼",
    re: new RegExp(`行政诉讼(?:案件)?(?:共)?${NUM}件`, "g"),
    values: (t) => {
      const [a, b] = [t4Total(t, 1), t4Total(t, 2)];
      return a === null || b === null ? null : [a + b];
    },
    place: {
      table: "t4",
      row: "litigation",
      text: (f) => `${TABLE_TITLES.t4.name}「${f.t4.litigationLabel}」两项总计之和`,
    },
  },
  {
    label: "信息处理费",
    re: FEE_AMOUNT,
    values: (t) => (typeof t.feeYuan === "number" ? [t.feeYuan] : null),
    place: { table: "t3", row: "fee", text: () => "台账中收取的信息处理费" },
  },
];

const number = (s: string) => Number(s.replace(/,/g, ""));

const quote = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** Whether a printed percentage is `count` of one of the bases, to its printed decimals (rounded or cut). */
function percentFits(printed: string, count: number, bases: number[]): boolean {
  const decimals = printed.split(".")[1]?.length ?? 0;
  const step = 10 ** -decimals;
  return bases.some((b) => b > 0 && Math.abs((count / b) * 100 - Number(printed)) < step + 1e-9);
}

/** The sentences of the text whose numbers disagree with the tables (X3). */
export function checkText(paragraphs: string[], t: TableSet, format: FormatDef): Finding[] {
  const out = new Findings(new Set(format.rules), format);
  for (const paragraph of paragraphs)
    for (const sentence of paragraph.split(/(?<=[。；;])/)) {
      const s = sentence.normalize("NFKC").replace(/\s+/g, "");
      const used: [number, number][] = [];
      for (const claim of CLAIMS) {
        claim.re.lastIndex = 0;
        for (const m of s.matchAll(claim.re)) {
          const [from, to] = [m.index, m.index + m[0].length];
          if (used.some(([a, b]) => from < b && to > a)) continue;
          used.push([from, to]);
          const expected = claim.values(t, format);
          if (!expected) continue;
          const said = number((m[1] ?? m[2]) as string);
          const where = claim.place;
          if (!expected.includes(said)) {
            out.add(
              "X3",
              where.table,
              where.row,
              undefined,
              `正文「${quote(sentence.trim())}」中${claim.label}为${said}，而${where.text(format)}为${expected[0]}`,
            );
            continue;
          }
          const p = claim.percent ? PERCENT.exec(s.slice(to)) : null;
          const bases = [total(t, "total"), total(t, "new"), sum([total(t, "new"), total(t, "carry")])];
          if (
            p &&
            !percentFits(
              p[1],
              said,
              bases.filter((b): b is number => b !== null),
            )
          )
            out.add(
              "X3",
              where.table,
              where.row,
              undefined,
              `正文「${quote(sentence.trim())}」中${claim.label}${said}件占${p[1]}%，按表三应为${((said / (bases[0] || 1)) * 100).toFixed(2)}%（以办结总数${bases[0]}件计）`,
            );
        }
      }
      // "未收取信息处理费" where the register shows fees collected: the text says none, the register says some.
      if (typeof t.feeYuan === "number" && t.feeYuan > 0 && NO_FEE.test(s))
        out.add(
          "X3",
          "t3",
          "fee",
          undefined,
          `正文「${quote(sentence.trim())}」中写未收取信息处理费，而台账中收取的信息处理费为${t.feeYuan}元`,
        );
    }
  return out.list;
}

/**
 * All checks of a report read from its file: the tables' (F1–F3, arithmetic, X1/X2), its text's against them (X3,
 * X4), its completeness (C1–C5) and what reviewers read for (./writing: R7, R10, R11, R26; ./aspects: R12–R17).
 */
export function checkReadReport(
  read: { tables: TableSet; paragraphs: string[]; labels?: TableLabels; cut?: CutTable[] },
  numeric: TableSet,
  previous?: TableSet,
  /** The year a review is of: a title of another year is C4. */
  year?: number,
  /** The 审核要点: rules turned off are not run (the 2025 asks run only when turned on). */
  set?: RuleSet,
): Finding[] {
  const format = getFormat(read.tables.format);
  // A table past the page's edge: one finding for it, none repeating it on the columns off the paper.
  return foldCovered(
    pageEdge(format, read.cut ?? []).concat(
      checkTables(read.tables, {
        ...(previous ? { previous } : {}),
        labels: read.labels,
        offPage: Object.fromEntries((read.cut ?? []).map((c) => [c.table, c.columns])),
      }),
      checkText(read.paragraphs, numeric, format),
      checkTable2Text(read.paragraphs, numeric, format),
      completenessFindings(format, read.paragraphs, year ? { year } : {}),
      writingFindings(format, read.paragraphs, { ...(year ? { year } : {}), ...(set ? { set } : {}) }),
      aspectFindings(format, read.paragraphs, set ? { set } : {}),
    ),
  );
}
