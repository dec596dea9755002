/**
 * Pieces of the national template that the 2021 and 2019 formats print identically (domain.md §1, §2).
 * The legacy format reuses them for the tables it keeps internally.
 */
import type { Table3Column, Table3Row, Table4Def, TableTitle } from "./types";

/** The three tables' names and titles, as the template prints them above each table. */
export const TABLE_TITLES: Record<"t2" | "t3" | "t4", TableTitle> = {
  t2: { name: "表二", title: "主动公开政府信息情况" },
  t3: { name: "表三", title: "收到和处理政府信息公开申请情况" },
  t4: { name: "表四", title: "政府信息公开行政复议、行政诉讼情况" },
};

export const T3_COLUMNS: Table3Column[] = [
  { key: "natural", label: "自然人" },
  { key: "business", label: "商业企业" },
  { key: "research", label: "科研机构" },
  { key: "social", label: "社会公益组织" },
  { key: "legal", label: "法律服务机构" },
  { key: "other", label: "其他" },
  { key: "total", label: "总计" },
];

export const T3_CORNER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
export const T3_APPLICANT_HEADER = "申请人情况";
export const T3_ORGANISATION_HEADER = "法人或其他组织";
export const T3_ORGANISATION_COLUMNS = ["business", "research", "social", "legal", "other"];
export const T3_RESULTS_LABEL = "三、本年度办理结果";

/** The words that tell each row's label from every other's (Table3Row.words). */
const ROW_WORDS: Record<string, string[]> = {
  new: ["新收"],
  carry: ["上年结转", "上年度结转"],
  grant: ["予以公开"],
  partial: ["部分公开"],
  d1: ["国家秘密"],
  d2: ["法规禁止", "禁止公开"],
  d3: ["三安全一稳定"],
  d4: ["第三方"],
  d5: ["内部事务"],
  d6: ["过程性"],
  d7: ["执法案卷"],
  d8: ["行政查询"],
  u1: ["不掌握"],
  u2: ["另行制作", "没有现成"],
  u3: ["补正后", "仍不明确"],
  n1: ["信访", "举报投诉"],
  n2: ["重复申请"],
  n3: ["出版物"],
  n4: ["大量反复"],
  n5: ["重新出具", "已获取"],
  o1: ["不补正", "未补正"],
  o2: ["缴纳费用", "收费通知"],
  total: ["总计", "合计"],
  fwd: ["结转下年度", "结转下一年度", "结转至下年度", "继续办理"],
};

const r = (
  key: string,
  label: string,
  kind: Table3Row["kind"],
  inResults: boolean,
  group?: string,
): Table3Row => ({
  key,
  label,
  kind,
  inResults,
  ...(group ? { group } : {}),
  ...(ROW_WORDS[key] ? { words: ROW_WORDS[key] } : {}),
});

/** 一、二 and the result rows （一）–（五） with their items. */
export const T3_ROWS_BEFORE_OTHERWISE: Table3Row[] = [
  r("new", "一、本年新收政府信息公开申请数量", "head", false),
  r("carry", "二、上年结转政府信息公开申请数量", "head", false),
  r("grant", "（一）予以公开", "item", true),
  r("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "item", true),
  r("deny", "（三）不予公开", "group", true),
  r("d1", "1.属于国家秘密", "leaf", true, "deny"),
  r("d2", "2.其他法律行政法规禁止公开", "leaf", true, "deny"),
  r("d3", "3.危及“三安全一稳定”", "leaf", true, "deny"),
  r("d4", "4.保护第三方合法权益", "leaf", true, "deny"),
  r("d5", "5.属于三类内部事务信息", "leaf", true, "deny"),
  r("d6", "6.属于四类过程性信息", "leaf", true, "deny"),
  r("d7", "7.属于行政执法案卷", "leaf", true, "deny"),
  r("d8", "8.属于行政查询事项", "leaf", true, "deny"),
  r("unable", "（四）无法提供", "group", true),
  r("u1", "1.本机关不掌握相关政府信息", "leaf", true, "unable"),
  r("u2", "2.没有现成信息需要另行制作", "leaf", true, "unable"),
  r("u3", "3.补正后申请内容仍不明确", "leaf", true, "unable"),
  r("noaction", "（五）不予处理", "group", true),
  r("n1", "1.信访举报投诉类申请", "leaf", true, "noaction"),
  r("n2", "2.重复申请", "leaf", true, "noaction"),
  r("n3", "3.要求提供公开出版物", "leaf", true, "noaction"),
  r("n4", "4.无正当理由大量反复申请", "leaf", true, "noaction"),
  r("n5", "5.要求行政机关确认或重新出具已获取信息", "leaf", true, "noaction"),
];

/** （六）其他处理 with its three items, as the 2021 format prints it. */
export const T3_ROWS_OTHERWISE_2021: Table3Row[] = [
  r("otherwise", "（六）其他处理", "group", true),
  r("o1", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "leaf", true, "otherwise"),
  r(
    "o2",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "leaf",
    true,
    "otherwise",
  ),
  r("o3", "3.其他", "leaf", true, "otherwise"),
];

export const T3_ROWS_AFTER_OTHERWISE: Table3Row[] = [
  r("total", "（七）总计", "total", true),
  r("fwd", "四、结转下年度继续办理", "head", false),
];

export const T4_DEF: Table4Def = {
  ...TABLE_TITLES.t4,
  review: { key: "review", label: "行政复议" },
  litigationLabel: "行政诉讼",
  litigation: [
    { key: "direct", label: "未经复议直接起诉" },
    { key: "after", label: "复议后起诉" },
  ],
  results: [
    { key: "upheld", label: "结果维持" },
    { key: "corrected", label: "结果纠正" },
    { key: "other", label: "其他结果" },
    { key: "pending", label: "尚未审结" },
    { key: "total", label: "总计" },
  ],
};

/**
 * Section headings common to the 2021 and 2019 formats (domain.md §1), with the key nouns each section's heading
 * carries in every wording offices use (一、政府信息公开工作总体情况, 四、因政府信息公开工作被申请行政复议、提起行政
 * 诉讼情况, 五、存在的主要问题及整改措施, 六、其他事项…: test/corpus/headings.json).
 */
export const SECTIONS_2019_2021 = [
  {
    id: "s1",
    heading: "一、总体情况",
    subheadings: [
      { id: "s1.active", heading: "（一）主动公开" },
      { id: "s1.request", heading: "（二）依申请公开" },
      { id: "s1.management", heading: "（三）政府信息管理" },
      { id: "s1.platform", heading: "（四）政府信息公开平台建设" },
      { id: "s1.supervision", heading: "（五）监督保障" },
    ],
    meaning: { words: ["总体", "基本情况", "概述", "概况", "综述"] },
  },
  { id: "s2", heading: "二、主动公开政府信息情况", subheadings: [], meaning: { words: ["主动公开"] } },
  {
    id: "s3",
    heading: "三、收到和处理政府信息公开申请情况",
    subheadings: [],
    meaning: { words: ["申请"], unless: ["复议", "诉讼"] },
  },
  {
    id: "s4",
    heading: "四、政府信息公开行政复议、行政诉讼情况",
    subheadings: [],
    meaning: { words: ["复议", "诉讼"] },
  },
  {
    id: "s5",
    heading: "五、存在的主要问题及改进情况",
    subheadings: [],
    meaning: { words: ["问题", "不足", "短板", "差距", "改进", "整改", "下一步"] },
  },
  { id: "s6", heading: "六、其他需要报告的事项", subheadings: [], meaning: { words: ["其他", "其它"] } },
];
