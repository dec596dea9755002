/** The 2021 format (国办公开办函〔2021〕30号), current and the default. */
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
  T3_ROWS_OTHERWISE_2021,
  T4_DEF,
  TABLE_TITLES,
} from "./shared";
import type { FormatDef } from "./types";

/**
 * 表二 in the tables JSON:
 * `{ rules: [issued, repealed, inForce], normative: [issued, repealed, inForce], licensing: n, penalty: n,
 *    coercion: n, feesWanYuan: x }`.
 */
export const FORMAT_2021: FormatDef = {
  id: "2021",
  name: "2021年格式（国办公开办函〔2021〕30号）",
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
          { key: "issued", label: "本年制发件数", kind: "count" },
          { key: "repealed", label: "本年废止件数", kind: "count" },
          { key: "inForce", label: "现行有效件数", kind: "count" },
        ],
        rows: [
          { key: "rules", label: "规章" },
          { key: "normative", label: "行政规范性文件" },
        ],
      },
      {
        caption: "第二十条第（五）项",
        columns: [{ key: "decisions", label: "本年处理决定数量", kind: "count" }],
        rows: [{ key: "licensing", label: "行政许可" }],
      },
      {
        caption: "第二十条第（六）项",
        columns: [{ key: "decisions", label: "本年处理决定数量", kind: "count" }],
        rows: [
          { key: "penalty", label: "行政处罚" },
          { key: "coercion", label: "行政强制" },
        ],
      },
      {
        caption: "第二十条第（八）项",
        columns: [{ key: "amount", label: "本年收费金额（单位：万元）", kind: "amount" }],
        rows: [{ key: "feesWanYuan", label: "行政事业性收费" }],
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
    rows: [...T3_ROWS_BEFORE_OTHERWISE, ...T3_ROWS_OTHERWISE_2021, ...T3_ROWS_AFTER_OTHERWISE],
  },
  t4: T4_DEF,
  printsTables: true,
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
    "X2",
    "X3",
    "C1",
    "C2",
    "C3",
    "C4",
    "C5",
    "R1",
    "R7",
    "R10",
    "R11",
    "R12",
    "R13",
    "R14",
    "R15",
    "R17",
    "R26",
    "R29",
    "X4",
  ],
};
