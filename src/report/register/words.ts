/**
 * The words people write in their own ledgers, read for their meaning: outcomes (同意公开, 不予公开（涉及商业秘密）,
 * 告知信息不存在, 非本机关职责范围, 申请人撤回申请…), applicant types (个人, 公民, 公司, 律师, 高校, 社会组织…),
 * case types and results. Built from the template's own labels (through the vocabularies) and the kinds of
 * 告知书 the 条例 names: a value is taken as a key only when exactly one meaning fits; status words (办理中,
 * 未办结) say an application is still open; where the words say too little (已答复, 不予公开 alone, 无法提供
 * alone, 法人或其他组织), the answer is a question with its choices — never a guess.
 */
import { normalizeText, stripNumbering } from "../common/normalize";
import { outcomeRows } from "../formats";
import type { FormatDef } from "../formats";
import { applicantVocabulary, caseResultVocabulary, caseTypeVocabulary, outcomeVocabulary } from "./vocab";
import type { Vocabulary } from "./vocab";

/** What a written value means: one key, still open (a status), a question among keys, or nothing known. */
export type Meaning = { key: string } | { open: true } | { ask: string[] } | null;

/** The fields whose values are read for their meaning. */
export type WordField = "申请人类型" | "办理结果" | "类型" | "结果";

interface Rule {
  key: string;
  words: RegExp;
}

/** Outcomes by the words of the template's rows and of the 条例's 告知书 (2021 keys). */
const OUTCOME_RULES: Rule[] = [
  { key: "d1", words: /国家秘密|涉密|密级/ },
  { key: "d2", words: /法律行政法规禁止|法律法规禁止|禁止公开/ },
  { key: "d3", words: /三安全一稳定|国家安全|公共安全|经济安全|社会稳定/ },
  { key: "d4", words: /商业秘密|个人隐私|隐私|第三方/ },
  { key: "d5", words: /内部事务|人事管理|后勤管理|内部管理|内部工作流程/ },
  { key: "d6", words: /过程性|讨论记录|过程稿|磋商信函|请示报告|研究过程/ },
  { key: "d7", words: /执法案卷/ },
  { key: "d8", words: /行政查询|查询事项/ },
  {
    key: "u1",
    words:
      /不掌握|未掌握|不存在|查无|没有(该|相关|所申请的?)?(政府)?信息$|非本(机关|单位|部门)|不属于本(机关|单位|部门)|职责范围|职权范围|无此信息/,
  },
  { key: "u2", words: /另行制作|没有现成|需要?加工|加工分析|汇总分析|统计分析/ },
  { key: "u3", words: /不明确|无法确定(所需|申请)/ },
  { key: "n1", words: /信访|举报|投诉/ },
  { key: "n2", words: /重复申请|重复提出|重复处理/ },
  { key: "n3", words: /出版物/ },
  { key: "n4", words: /大量反复|反复申请|大量申请/ },
  { key: "n5", words: /重新出具|已获取|要求确认|予以确认/ },
  { key: "o1", words: /不补正|未补正|未按要求补正|逾期未提交补正/ },
  { key: "o2", words: /缴纳|缴费|未付费/ },
  { key: "o3", words: /撤回|撤销申请/ },
];

/**
 * Words of a group alone (不予公开, 无法提供…): the group's items are the choices. The groups and their words are
 * the template's (the group rows' labels); these are the other ways people write them.
 */
const GROUP_SYNONYMS: Record<string, string[]> = {
  不予公开: ["不公开", "不同意公开"],
  无法提供: ["不能提供"],
  不予处理: ["不予受理"],
};
const GRANT =
  /同意公开|予以公开|全部公开|已公开|公开并提供|予以提供|同意提供|已提供|已告知获取方式|主动公开(范围|渠道)/;
const PARTIAL = /部分公开|区分处理|部分不予公开|部分不公开/;
/** "部分" without 部分公开: part of what was asked given, or part of the information? A question. */
const SOME = /部分/;
const NEGATION = /不予|不公开|不同意|不能|无法|未能|拒绝|不属于|不掌握|不存在/;
/** Still open: a status, not an outcome. */
const OPEN =
  /^(办理中|正在办理|处理中|未办结|未完成|在办|待办|待答复|待处理|受理中|已受理|延期答复|延期|审核中)$/;
/** Concluded, but the words say nothing of the outcome. */
const CONCLUDED =
  /^(已办结|已答复|已办理|已处理|已回复|已完成|办结|答复|已告知|已出具告知书|已结|完成|已反馈)$/;

/** 申请人类型 by the words people write (表三's column keys). */
const APPLICANT_RULES: Rule[] = [
  { key: "natural", words: /自然人|公民|个人|群众|居民|村民|农民|市民|学生|职工|老百姓/ },
  { key: "business", words: /企业|公司|集团|商行|工商户|经营者|合作社|银行/ },
  { key: "research", words: /科研|研究所|研究院|研究中心|高校|高等院校|大学|学院|学校/ },
  { key: "social", words: /社会组织|社会团体|社团|协会|学会|基金会|公益|民办非企业|商会|志愿/ },
  { key: "legal", words: /律师|律所|法律服务|法律援助|公证/ },
  { key: "other", words: /其他组织|其他单位|其他法人|事业单位|村委会|居委会|媒体|报社|电视台/ },
];
/** A legal person or organisation without its kind: one of the five organisation columns. */
const ORGANISATION = /^(法人或其他组织|法人和其他组织|法人及其他组织|法人|组织|单位|机构|非自然人|法人组织)$/;

const CASE_RESULT_RULES: Rule[] = [
  { key: "upheld", words: /维持/ },
  { key: "corrected", words: /撤销|变更|确认违法|责令|纠正|限期履行/ },
  { key: "other", words: /终止|撤诉|撤回|和解|调解|不予受理/ },
  { key: "pending", words: /审理中|未审结|未结|在审|尚未/ },
];

/** The keys rules find in a text; PARTIAL wins (the template counts a partly disclosed reply only there). */
function ruleKeys(rules: Rule[], n: string): string[] {
  return [...new Set(rules.filter((r) => r.words.test(n)).map((r) => r.key))];
}

/** The format's key for a 2021 outcome key (the 2019 format has one row for 其他处理). */
function formatKey(format: FormatDef, key: string): string | null {
  const keys = new Set(outcomeRows(format).map((r) => r.key));
  if (keys.has(key)) return key;
  if (/^o\d$/.test(key) && keys.has("o")) return "o";
  return null;
}

function decide(keys: string[]): Meaning {
  if (keys.length === 1) return { key: keys[0] };
  if (keys.length > 1) return { ask: keys };
  return null;
}

/** What an 办理结果 written in a ledger means under the format. */
export function outcomeMeaning(format: FormatDef, value: string): Meaning {
  const hit = outcomeVocabulary(format).lookup(value);
  if (hit) return { key: hit.key };
  const n = normalizeText(value).normalize("NFKC");
  if (!n) return { open: true };
  if (OPEN.test(n)) return { open: true };
  const all = outcomeRows(format).map((r) => r.key);
  if (CONCLUDED.test(n)) return { ask: all };
  if (PARTIAL.test(n)) return { key: "partial" };
  const found = ruleKeys(OUTCOME_RULES, n)
    .map((k) => formatKey(format, k))
    .filter((k): k is string => k !== null);
  const keys = [...new Set(found)];
  if (GRANT.test(n) && !NEGATION.test(n)) {
    if (SOME.test(n)) return { ask: ["grant", "partial"] };
    keys.push("grant");
  }
  if (keys.length) return decide(keys);
  for (const group of format.t3.rows.filter((r) => r.kind === "group")) {
    const bare = normalizeText(stripNumbering(group.label));
    const words = [bare, ...(GROUP_SYNONYMS[bare] ?? [])];
    if (!words.some((w) => n.includes(w))) continue;
    const items = outcomeRows(format).filter((r) => r.group === group.key || r.key === group.key);
    if (items.length) return items.length === 1 ? { key: items[0].key } : { ask: items.map((r) => r.key) };
  }
  return null;
}

/** What a 申请人类型 written in a ledger means. */
export function applicantMeaning(format: FormatDef, value: string): Meaning {
  const vocab = applicantVocabulary(format);
  const hit = vocab.lookup(value);
  if (hit) return { key: hit.key };
  const n = normalizeText(value).normalize("NFKC");
  if (!n) return null;
  if (ORGANISATION.test(n)) return { ask: format.t3.organisationColumns.slice() };
  return decide(ruleKeys(APPLICANT_RULES, n));
}

/** What a 复议诉讼 类型 means: 复议后 before 诉讼, 行政诉讼 alone is a question (directly or after review?). */
export function caseTypeMeaning(format: FormatDef, value: string): Meaning {
  const hit = caseTypeVocabulary(format).lookup(value);
  if (hit) return { key: hit.key };
  const n = normalizeText(value).normalize("NFKC");
  const [direct, after] = format.t4.litigation;
  if (/复议后|经复议/.test(n) && /诉讼|起诉/.test(n)) return { key: after.key };
  if (/直接|未经复议/.test(n) && /诉讼|起诉/.test(n)) return { key: direct.key };
  if (/诉讼|起诉/.test(n)) return { ask: [direct.key, after.key] };
  if (/复议/.test(n)) return { key: format.t4.review.key };
  return null;
}

/** What a 复议诉讼 结果 means; 驳回 is a question (维持 in substance, or 其他结果?). */
export function caseResultMeaning(format: FormatDef, value: string): Meaning {
  const hit = caseResultVocabulary(format).lookup(value);
  if (hit) return { key: hit.key };
  const n = normalizeText(value).normalize("NFKC");
  if (/驳回/.test(n)) return { ask: ["upheld", "other"] };
  return decide(ruleKeys(CASE_RESULT_RULES, n));
}

/** The meaning of a value of a field. */
export function meaningOf(format: FormatDef, field: WordField, value: string): Meaning {
  switch (field) {
    case "申请人类型":
      return applicantMeaning(format, value);
    case "办理结果":
      return outcomeMeaning(format, value);
    case "类型":
      return caseTypeMeaning(format, value);
    case "结果":
      return caseResultMeaning(format, value);
  }
}

/** The vocabulary that says what a field's answers may be (a key, a label, 「不予公开-保护第三方合法权益」…). */
export function answerVocabulary(format: FormatDef, field: WordField): Vocabulary {
  switch (field) {
    case "申请人类型":
      return applicantVocabulary(format);
    case "办理结果":
      return outcomeVocabulary(format);
    case "类型":
      return caseTypeVocabulary(format);
    case "结果":
      return caseResultVocabulary(format);
  }
}
