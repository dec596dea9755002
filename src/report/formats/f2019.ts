/** The 2019 trial format (国办公开办函〔2019〕60号): （六）其他处理 is one row, 表二 has five blocks. */
import {
  SECTIONS_2019_2021,
  T3_APPLICANT_HEADER,
  T3_COLUMNS,
  T3_CORNER_NOTE,
  T3_ORGANISATION_COLUMNS,
  T3_ORGANISATION_HEADER,
  T3_RESULTS_LABEL,
  T3_ROWS_AFTER_OTHERWISE,
  T3_ROWS_BEFORE_OTHERWISE,
  T4_DEF,
  TABLE_TITLES,
} from "./shared";
import type { FormatDef, Table2Column } from "./types";

const projectColumns: Table2Column[] = [
  { key: "previous", label: "上一年项目数量", kind: "count" },
  { key: "change", label: "本年增/减", kind: "signedCount" },
  { key: "decisions", label: "处理决定数量", kind: "count" },
];

/**
 * 表二 in the tables JSON (every row an array, in column order):
 * `{ rules: [made, published, publicTotal], normative: […], licensing: [previous, change, decisions],
 *    otherServices: […], penalty: […], coercion: […], fees: [previous, change],
 *    procurement: [projects, amount] }`.
 */
export const FORMAT_2019: FormatDef = {
  id: "2019",
  name: "2019年格式（国办公开办函〔2019〕60号）",
  title: "{agency}{year}年政府信息公开工作年度报告",
  sections: SECTIONS_2019_2021,
  t2: {
    ...TABLE_TITLES.t2,
    contentLabel: "信息内容",
    width: 3,
    blocks: [
      {
        caption: "第二十条第（一）项",
        columns: [
          { key: "made", label: "本年新制作数量", kind: "count" },
          { key: "published", label: "本年新公开数量", kind: "count" },
          { key: "publicTotal", label: "对外公开总数量", kind: "count" },
        ],
        rows: [
          { key: "rules", label: "规章" },
          { key: "normative", label: "规范性文件" },
        ],
      },
      {
        caption: "第二十条第（五）项",
        columns: projectColumns,
        rows: [
          { key: "licensing", label: "行政许可" },
          { key: "otherServices", label: "其他对外管理服务事项" },
        ],
      },
      {
        caption: "第二十条第（六）项",
        columns: projectColumns,
        rows: [
          { key: "penalty", label: "行政处罚" },
          { key: "coercion", label: "行政强制" },
        ],
      },
      {
        caption: "第二十条第（八）项",
        columns: projectColumns.slice(0, 2),
        rows: [{ key: "fees", label: "行政事业性收费" }],
      },
      {
        caption: "第二十条第（九）项",
        columns: [
          { key: "projects", label: "采购项目数量", kind: "count" },
          { key: "amount", label: "采购总金额", kind: "amount" },
        ],
        rows: [{ key: "procurement", label: "政府集中采购" }],
      },
    ],
  },
  t3: {
    ...TABLE_TITLES.t3,
    cornerNote: T3_CORNER_NOTE,
    applicantHeader: T3_APPLICANT_HEADER,
    organisationHeader: T3_ORGANISATION_HEADER,
    organisationColumns: T3_ORGANISATION_COLUMNS,
    columns: T3_COLUMNS,
    resultsLabel: T3_RESULTS_LABEL,
    rows: [
      ...T3_ROWS_BEFORE_OTHERWISE,
      { key: "o", label: "（六）其他处理", kind: "item", inResults: true, words: ["其他处理"] },
      ...T3_ROWS_AFTER_OTHERWISE,
    ],
  },
  t4: T4_DEF,
  printsTables: true,
  // C3 (信息处理费 in 六) is the 2021 guidance's: not asked of a 2019-format report.
  rules: [
    "P1",
    "S1",
    "S2",
    "T4",
    "F1",
    "F2",
    "F3",
    "F4",
    "L1",
    "X1",
    "X3",
    "C1",
    "C2",
    "C4",
    "C5",
    "R1",
    "R10",
    "R26",
    "R29",
  ],
};
