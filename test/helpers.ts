/** Builders for registers with known answers, shared by the tests. */
import type { Cell, WorkbookData } from "../src/report/common/cells";
import { daysFromCivil, daysFromUtcDate, serialFromDays } from "../src/report/common/dates";
import { APPLICATION_HEADERS, CASE_HEADERS, SHEETS } from "../src/report/register/registers";
import { sampleWorkbook } from "../src/report/sample";
import { compileWorkbook } from "../src/report/compile";
import { review } from "../src/report/review";
import type { ReviewResult } from "../src/report/review";

/** A calendar date as ExcelJS gives it for a date cell. */
export const d = (y: number, m: number, day: number): Date => new Date(daysFromCivil(y, m, day) * 86400000);

export interface App {
  received: Cell;
  type: Cell;
  outcome?: Cell;
  concluded?: Cell;
  fee?: Cell;
  id?: Cell;
}

export const APP_HEADER = Object.keys(APPLICATION_HEADERS);

export function appRows(apps: App[]): Cell[][] {
  return [
    APP_HEADER,
    ...apps.map((a) => [
      a.id ?? null,
      a.received,
      a.type,
      a.outcome ?? null,
      a.concluded ?? null,
      a.fee ?? null,
      null,
    ]),
  ];
}

export function workbook(
  apps: App[],
  cases: Cell[][] = [],
  extra: WorkbookData["sheets"] = [],
): WorkbookData {
  return {
    sheets: [
      { name: SHEETS.applications, rows: appRows(apps) },
      { name: SHEETS.cases, rows: [Object.keys(CASE_HEADERS), ...cases] },
      ...extra,
    ],
  };
}

/** A sheet's rows as Excel's API gives them: dates as serial numbers, blanks as "", errors as their text. */
export function excelValues(rows: Cell[][]): (string | number | boolean)[][] {
  return rows.map((r) =>
    r.map((v) =>
      v === null || v === undefined
        ? ""
        : v instanceof Date
          ? serialFromDays(daysFromUtcDate(v))
          : typeof v === "object"
            ? v.error
            : v,
    ),
  );
}

/** The custom functions' ids, as functions.json must list them. */
export const FUNCTION_IDS = ["CHECK", "COUNT", "ISSUES", "ROWS", "SUMMARY", "TABLE3", "TABLE4"];

/** The sheets "创建登记表" makes in an empty workbook, in order (2021 format). */
export const REGISTER_SHEETS_MADE = [
  SHEETS.applications,
  SHEETS.cases,
  SHEETS.documents,
  SHEETS.published,
  SHEETS.active,
  SHEETS.info,
];

/** The sample with its applications copied `times` times (the same rows again, new 编号). */
export function longerSample(times: number): WorkbookData {
  const wb = sampleWorkbook();
  const apps = wb.sheets.find((s) => s.name === SHEETS.applications);
  if (apps) {
    const [header, ...rows] = apps.rows;
    apps.rows = [header];
    for (let t = 0; t < times; t++)
      for (const r of rows) apps.rows.push([`${String(r[0])}-${t}`, ...r.slice(1)] as Cell[]);
  }
  return wb;
}

/**
 * Retypes the applicant of the first application received in 2025 by a 自然人 and answered: 表三's columns
 * move, its totals and every sentence stay — the change a register makes between two versions of a report.
 */
export function retypeApplicant(wb: WorkbookData, to: string): void {
  const row = wb.sheets
    .find((s) => s.name === SHEETS.applications)
    ?.rows.find((r) => String(r[0]).startsWith("2025") && r[2] === "自然人" && r[3] !== null);
  if (!row) throw new Error("the sample has no 2025 application of a 自然人");
  row[2] = to;
}

/**
 * A small ledger in an agency's own layout (its own sheet name, a title row, names beside types, free-text
 * outcomes). What each row means is written here by hand: rows 1 and 5 予以公开 (个人, 公民 → 自然人), row 4
 * 本机关不掌握 (自然人), rows 2 and 3 「已答复」 — a question; answered 予以公开, 表三「予以公开」 is 自然人 3,
 * 商业企业 1, 总计 4, and 「本年新收」 总计 5.
 */
export function smallLedger(): WorkbookData {
  const d = (m: number, day: number) => new Date(Date.UTC(2025, m - 1, day));
  return {
    sheets: [
      {
        name: "2025年台账",
        rows: [
          ["某局2025年政府信息公开申请台账"],
          ["序号", "申请人", "申请人类别", "申请日期", "答复日期", "答复结果"],
          [1, "张三", "个人", d(3, 1), d(3, 10), "同意公开"],
          [2, "李四", "个人", d(4, 1), d(4, 10), "已答复"],
          [3, "某某有限公司", "企业", d(5, 1), d(5, 10), "已答复"],
          [4, "王五", "个人", d(6, 1), d(6, 10), "告知信息不存在"],
          [5, "赵六", "公民", d(7, 1), d(7, 10), "同意公开"],
        ],
      },
    ],
  };
}

/**
 * A review of four units, one of each status a host colours differently: 甲局 passes, 乙局 must correct its
 * report (an error), 丙局 could not be read, 丁局 is on the list and sent nothing. 乙局's file name starts with
 * "=", which a spreadsheet must keep as text.
 */
/**
 * The status each unit of reviewSample must get, by the review's rules: no finding → 通过, an error → 需修改,
 * a file that could not be read → 无法读取, on the list without a file → 未报送.
 */
export const REVIEW_SAMPLE_STATUSES = [
  ["甲局", "通过"],
  ["乙局", "需修改"],
  ["丙局", "无法读取"],
  ["丁局", "未报送"],
];

export function reviewSample(): ReviewResult {
  const tables = compileWorkbook(sampleWorkbook()).tables;
  return review(
    [
      { unit: "甲局", file: "甲局.docx", tables: { ...tables, agency: "甲局" }, findings: [] },
      {
        unit: "乙局",
        file: "=乙局.pdf",
        tables: { ...tables, agency: "乙局" },
        findings: [
          {
            rule: "S1",
            severity: "error",
            table: "t3",
            where: "t3.total.natural",
            place: "表三「（七）总计」「自然人」",
            message: "总计不等于各办理结果之和",
          },
        ],
      },
      { unit: "丙局", file: "丙局.pdf", reason: "「丙局.pdf」是扫描件" },
    ],
    { year: tables.year, expected: ["甲局", "乙局", "丙局", "丁局"] },
  );
}
