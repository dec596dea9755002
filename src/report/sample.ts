/**
 * A realistic sample register workbook, made deterministically from a seed: a district-level agency with
 * about 150 applications over two years (so carry-over happens), every outcome at least once, several
 * applicant types, 复议 and 诉讼 cases, a 主动公开 grid, a 文件登记, a 主动公开信息登记 and 报告信息.
 * Used by `ogi-report demo`, the tests and the benchmarks.
 */
import type { Cell, SheetData, WorkbookData } from "./common/cells";
import { civilFromDays, daysFromCivil, yearBounds } from "./common/dates";
import type { FormatDef } from "./formats";
import { getFormat, outcomeRows } from "./formats";
import {
  APPLICATION_HEADERS,
  CASE_HEADERS,
  DOCUMENT_HEADERS,
  PUBLISHED_HEADERS,
  SHEETS,
} from "./register/registers";

/** Deterministic PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)];

function weighted<T>(r: () => number, items: readonly [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of items) if ((x -= w) < 0) return v;
  return items[items.length - 1][0];
}

/** A calendar day as the Date ExcelJS gives for a date cell (UTC midnight). */
const utcDate = (days: number): Date => new Date(days * 86400000);

const textDate = (days: number): string => {
  const { y, m, d } = civilFromDays(days);
  return `${y}年${m}月${d}日`;
};

interface SampleOptions {
  year?: number;
  seed?: number;
  agency?: string;
  format?: FormatDef;
  /** 报告信息 without the 总体情况 and 其他 texts, as a register just begun: the report keeps its 【请填写】 prompts. */
  unfilled?: boolean;
}

/** What a 住建局 writes in 总体情况 and 六: no figure a check compares (the report's sentences give those). */
const SAMPLE_NARRATIVES: [string, string][] = [
  [
    "总体情况-主动公开",
    "围绕住房保障、城市更新和建筑市场监管，及时公开保障性住房分配、老旧小区改造和工程建设项目审批等信息，同步做好政策文件的解读。",
  ],
  [
    "总体情况-依申请公开",
    "规范依申请公开的受理、审查和答复流程，统一答复文书格式，在法定期限内答复每一件申请。",
  ],
  [
    "总体情况-政府信息管理",
    "落实公开前保密审查和合法性审核，定期清理本局制发的文件，及时更新政府信息公开目录。",
  ],
  [
    "总体情况-政府信息公开平台建设",
    "以区政府门户网站政府信息公开专栏为主要平台，同步通过政务新媒体发布信息，保持栏目内容准确、更新及时。",
  ],
  ["总体情况-监督保障", "明确分管领导和专人负责政务公开工作，组织业务培训，将政务公开纳入科室年度考核。"],
  ["其他需要报告的事项", "本年度无其他需要报告的事项。"],
];

const APPLICANTS: [string, number][] = [
  ["自然人", 70],
  ["商业企业", 12],
  ["科研机构", 3],
  ["社会公益组织", 3],
  ["法律服务机构", 8],
  ["其他", 4],
];

/** Outcome weights by key for the rows after every outcome has appeared once. */
const OUTCOME_WEIGHTS: Record<string, number> = {
  grant: 40,
  partial: 10,
  u1: 18,
  o3: 6,
  n2: 4,
  d4: 4,
  d6: 3,
};

const SAMPLE_AGENCY = "云溪区住房和城乡建设局";

export function sampleWorkbook(options: SampleOptions = {}): WorkbookData {
  const year = options.year ?? 2025;
  const r = rng(options.seed ?? 20260115);
  const format = options.format ?? getFormat("2021");
  const agency = options.agency ?? SAMPLE_AGENCY;
  const outcomes = outcomeRows(format);
  const labelOf = (key: string) => outcomes.find((o) => o.key === key)?.label ?? key;
  const { start, end } = yearBounds(year);
  const prevStart = yearBounds(year - 1).start;

  // 依申请公开登记: ~60 applications last year, ~95 this year.
  const apps: Cell[][] = [Object.keys(APPLICATION_HEADERS)];
  const received: number[] = [];
  for (let i = 0; i < 60; i++) received.push(prevStart + Math.floor(r() * 365));
  received.push(end - 375, end - 372, end - 368); // received late last December, concluded this January
  for (let i = 0; i < 92; i++) received.push(start + Math.floor(r() * 365));
  received.push(start, end, end - 2, end - 5); // 1 January, 31 December: open at year end
  received.sort((a, b) => a - b);
  let coverIndex = 0;
  received.forEach((day, i) => {
    const applicant = weighted(r, APPLICANTS);
    let concluded: number | null = day + 5 + Math.floor(r() * 15);
    if (day > end - 8 && day !== start) concluded = null; // still open at the end of the year
    if (day >= end - 375 && day <= end - 368) concluded = start + 3 + (i % 10);
    let outcome = "";
    if (concluded !== null) {
      if (concluded >= start && concluded <= end && coverIndex < outcomes.length)
        outcome = outcomes[coverIndex++].key;
      else outcome = weighted(r, Object.entries(OUTCOME_WEIGHTS));
      // Concluded next January: still counted as 结转下年度 this year.
    }
    const label = outcome
      ? i % 3 === 0
        ? labelOf(outcome)
        : i % 3 === 1
          ? labelOf(outcome).replace(/^\d+\./, "")
          : outcome
      : null;
    const fee = outcome === "grant" && r() < 0.08 ? pick(r, [100, 120, 200]) : null;
    const y = civilFromDays(day).y;
    apps.push([
      `${y}-${String(i + 1).padStart(3, "0")}`,
      i % 17 === 5 ? textDate(day) : utcDate(day),
      applicant,
      label,
      concluded === null ? null : utcDate(concluded),
      fee,
      i % 11 === 0 ? "申请人通过网上申请平台提交" : null,
    ]);
  });

  // 复议诉讼登记
  const caseRows: Cell[][] = [Object.keys(CASE_HEADERS)];
  const caseSpecs: [string, string | null, number, number | null][] = [
    ["行政复议", "结果维持", 40, 95],
    ["行政复议", "结果维持", 120, 170],
    ["行政复议", "结果纠正", 150, 210],
    ["行政复议", "其他结果", 200, 230],
    ["行政复议", null, 340, null],
    ["行政诉讼（未经复议直接起诉）", "结果维持", 60, 200],
    ["行政诉讼（未经复议直接起诉）", null, 300, null],
    ["行政诉讼（复议后起诉）", "其他结果", 100, 280],
    ["行政复议", "结果维持", -200, -150], // last year's case
  ];
  caseSpecs.forEach(([type, result, filed, closed], i) =>
    caseRows.push([
      `FY-${i + 1}`,
      type,
      utcDate(start + filed),
      result,
      closed === null ? null : utcDate(start + closed),
    ]),
  );

  // 主动公开 grid, laid out like 表二.
  const grid: Cell[][] = [];
  const gridValues: Record<string, number[]> = {
    rules: [0, 0, 0],
    normative: [3, 1, 13],
    licensing: [1260],
    penalty: [87],
    coercion: [4],
    feesWanYuan: [0],
  };
  if (format.t2) {
    for (const block of format.t2.blocks) {
      grid.push([block.caption]);
      grid.push([format.t2.contentLabel, ...block.columns.map((c) => c.label)]);
      for (const row of block.rows)
        grid.push([row.label, ...(gridValues[row.key] ?? block.columns.map(() => 0))]);
    }
  } else {
    grid.push(["信息内容", "数量"]);
    for (const c of format.legacyCategories ?? []) grid.push([c.label, null]);
  }

  // 文件登记: agrees with the grid's 行政规范性文件 row (3 issued, 1 repealed, 13 in force).
  const docs: Cell[][] = [Object.keys(DOCUMENT_HEADERS)];
  for (let i = 0; i < 10; i++)
    docs.push([
      `云建规〔${year - 3}〕${i + 1}号`,
      "行政规范性文件",
      utcDate(daysFromCivil(year - 3, 3 + i, 10)),
      null,
    ]);
  docs.push([
    `云建规〔${year - 2}〕1号`,
    "行政规范性文件",
    utcDate(daysFromCivil(year - 2, 6, 1)),
    utcDate(daysFromCivil(year, 5, 20)),
  ]);
  for (let i = 0; i < 3; i++)
    docs.push([
      `云建规〔${year}〕${i + 1}号`,
      "行政规范性文件",
      utcDate(daysFromCivil(year, 2 + i * 3, 15)),
      null,
    ]);

  // 主动公开信息登记
  const published: Cell[][] = [Object.keys(PUBLISHED_HEADERS)];
  const cats: [string, number][] = [
    ["工作动态", 30],
    ["政策解读", 6],
    ["财政信息", 4],
    ["人事信息", 3],
    ["重点领域", 12],
    ["规范性文件", 3],
    ["年度报告", 1],
  ];
  let k = 0;
  for (const [cat, n] of cats)
    for (let i = 0; i < n; i++, k++)
      published.push([
        `${cat}第${i + 1}条`,
        cat,
        utcDate(start + ((k * 37) % 365)),
        pick(r, ["政府网站", "政府网站", "政务新媒体", "公开栏"]),
      ]);

  // 报告信息
  const info: Cell[][] = [
    ["项目", "内容"],
    ["机关名称", agency],
    ["报告年度", year],
    ["报告格式", format.id],
    ["成文日期", utcDate(daysFromCivil(year + 1, 1, 20))],
    ["联系地址", "云溪区人民路88号"],
    ["邮政编码", "610000"],
    ["联系电话", "028-12345678"],
    ["电子邮箱", "zjj@yunxi.example.gov.cn"],
    ["发布网址", "云溪区人民政府门户网站"],
    ["简称", "本局"],
    ["存在的主要问题", "一是主动公开的深度和广度还需拓展；二是政策解读形式较为单一。"],
    ["改进措施", "一是加强重点领域信息公开；二是丰富政策解读形式，提升解读质量。"],
    ...(options.unfilled ? [] : SAMPLE_NARRATIVES),
  ];

  const sheets: SheetData[] = [
    { name: SHEETS.applications, rows: apps },
    { name: SHEETS.cases, rows: caseRows },
    { name: SHEETS.active, rows: grid },
    { name: SHEETS.documents, rows: docs },
    { name: SHEETS.published, rows: published },
    { name: SHEETS.info, rows: info },
  ];
  return { sheets, source: "示例台账.xlsx" };
}
