/**
 * The legacy (pre-2019) format of the seed report: seven numbered parts, counts in sentences, no printed
 * tables. The application and case tables are still computed (for the sentences and the checks) with the
 * 2021 rows. 主动公开 is counted by category; its tables JSON `t2` is `{ [categoryKey]: count }`.
 */
import {
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

export const FORMAT_2008: FormatDef = {
  id: "2008",
  name: "2019年以前格式（旧条例）",
  title: "{agency}{year}年度政府信息公开工作年度报告",
  sections: [
    {
      id: "s1",
      heading: "一、本年度政府信息公开工作基本情况",
      subheadings: [
        { id: "s1.staff", heading: "（一）政府信息公开工作机构和人员设置情况" },
        { id: "s1.rules", heading: "（二）建立健全政府信息公开工作制度情况" },
        { id: "s1.catalogue", heading: "（三）政府信息公开目录、公开指南的编制、更新情况" },
        { id: "s1.carriers", heading: "（四）政府信息公开载体的建设、运行情况" },
      ],
    },
    { id: "s2", heading: "二、围绕上级工作推进政府信息公开情况", subheadings: [] },
    {
      id: "s3",
      heading: "三、主动公开政府信息情况",
      subheadings: [
        { id: "s3.clarify", heading: "（一）及时澄清虚假、不完整信息的情况" },
        {
          id: "s3.channels",
          heading: "（二）通过政府公报、政府网站、新闻发布会及新闻媒体等途径主动公开政府信息的情况",
        },
        { id: "s3.website", heading: "（三）政府网站内容及时更新情况" },
      ],
    },
    {
      id: "s4",
      heading: "四、依申请公开政府信息和不予公开政府信息情况",
      subheadings: [
        { id: "s4.requests", heading: "（一）依申请公开工作受理、答复情况" },
        { id: "s4.denials", heading: "（二）不予公开政府信息备案情况" },
        { id: "s4.reception", heading: "（三）接待场所建设、完善、维护及工作运行情况" },
      ],
    },
    { id: "s5", heading: "五、政府信息公开的收费及减免情况", subheadings: [] },
    { id: "s6", heading: "六、因政府信息公开申请行政复议、提起行政诉讼情况", subheadings: [] },
    {
      id: "s7",
      heading: "七、政府信息公开工作存在的主要问题及改进情况",
      subheadings: [
        { id: "s7.problems", heading: "（一）存在的主要问题" },
        { id: "s7.improvements", heading: "（二）今后政府信息公开工作改进措施" },
      ],
    },
  ],
  t2: null,
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
  printsTables: false,
  unprintedTableNote: "依申请公开情况（旧格式不印表，仅供核对）",
  legacyCategories: [
    { key: "normative", label: "规范性文件", firstClause: true },
    { key: "news", label: "工作动态", firstClause: true },
    { key: "enforcement", label: "行政执法", firstClause: true },
    { key: "approval", label: "行政审批", firstClause: true },
    { key: "finance", label: "财政信息", firstClause: true },
    { key: "personnel", label: "人事信息", firstClause: true },
    { key: "keyAreas", label: "重点领域信息公开", firstClause: false },
    {
      key: "annualReport",
      label: "上年度政府信息公开年度报告",
      firstClause: false,
      sentenceLabel: "{prevYear}年政府信息公开年度报告",
    },
  ],
  rules: ["P1", "S1", "S2", "T4", "F1", "F2", "F3", "X1", "X3"],
};
