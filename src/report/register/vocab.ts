/**
 * One vocabulary per register field: every accepted spelling with its canonical key. Matching is done on
 * normalised text (see text.ts), so full-width and half-width forms, spaces and separators do not matter.
 * Labels come from the format definitions; only aliases are spelled here.
 */
import { getFormat, outcomeRows } from "../formats";
import type { FormatDef } from "../formats";
import { normalizeText, stripNumbering } from "../common/normalize";

interface VocabEntry {
  key: string;
  /** Set for spellings that are accepted with a warning (old or 2019 terms). */
  warning?: string;
}

interface VocabSpelling extends VocabEntry {
  spelling: string;
}

export class Vocabulary {
  private readonly byNormal = new Map<string, VocabEntry>();
  /** Raw strings already looked up (the same few values repeat on every row). */
  private readonly cache = new Map<string, VocabEntry | null>();
  readonly spellings: VocabSpelling[] = [];

  constructor(
    /** The field, e.g. "申请人类型". */
    readonly field: string,
    /** What is accepted, in Chinese, for messages. */
    readonly accepted: string,
    spellings: VocabSpelling[],
  ) {
    for (const s of spellings) this.add(s);
  }

  private add(s: VocabSpelling): void {
    const normal = normalizeText(s.spelling);
    if (!normal) return;
    const existing = this.byNormal.get(normal);
    if (existing) {
      if (existing.key !== s.key)
        throw new Error(`词表「${this.field}」中「${s.spelling}」同时对应 ${existing.key} 和 ${s.key}`);
      return;
    }
    const entry: VocabEntry = s.warning ? { key: s.key, warning: s.warning } : { key: s.key };
    this.byNormal.set(normal, entry);
    this.spellings.push(s);
  }

  /** The entry for a value, or null when it is not accepted. */
  lookup(value: string): VocabEntry | null {
    const hit = this.cache.get(value);
    if (hit !== undefined) return hit;
    const found = this.byNormal.get(normalizeText(value)) ?? null;
    if (this.cache.size < 10000) this.cache.set(value, found);
    return found;
  }

  keys(): string[] {
    return [...new Set(this.spellings.map((s) => s.key))];
  }
}

/** Vocabularies depend only on the format: build each once. */
function memo(build: (format: FormatDef) => Vocabulary): (format: FormatDef) => Vocabulary {
  const made = new Map<FormatDef, Vocabulary>();
  return (format) => {
    let v = made.get(format);
    if (!v) made.set(format, (v = build(format)));
    return v;
  };
}

const plain = (key: string, ...spellings: string[]): VocabSpelling[] =>
  spellings.map((spelling) => ({ key, spelling }));

/** 申请人类型 → the applicant column keys of 表三. */
export const applicantVocabulary = memo((format: FormatDef): Vocabulary => {
  const cols = format.t3.columns.filter((c) => c.key !== "total");
  const org = format.t3.organisationHeader;
  const spellings: VocabSpelling[] = [];
  for (const c of cols) {
    spellings.push(...plain(c.key, c.key, c.label));
    if (format.t3.organisationColumns.includes(c.key)) spellings.push(...plain(c.key, `${org}-${c.label}`));
  }
  spellings.push(
    ...plain("natural", "公民", "个人", "群众", "居民", "自然人申请"),
    ...plain("business", "企业", "公司", "企业法人", "商业机构", "个体工商户"),
    ...plain("research", "科研院所", "研究机构", "科研单位", "高等院校", "高校"),
    ...plain("social", "公益组织", "社会组织", "社会团体", "非营利组织", "基金会"),
    ...plain("legal", "律师事务所", "律所", "法律援助机构", "法律服务所"),
    ...plain("other", "其它", "其他组织", "其他法人", "其他单位"),
  );
  return new Vocabulary("申请人类型", cols.map((c) => c.label).join("、"), spellings);
});

/** 办理结果 → the outcome row keys of the format's 表三. */
export const outcomeVocabulary = memo((format: FormatDef): Vocabulary => {
  const rows = format.t3.rows;
  const outcomes = outcomeRows(format);
  const spellings: VocabSpelling[] = [];
  const has = (key: string) => outcomes.some((r) => r.key === key);
  for (const row of outcomes) {
    const bare = stripNumbering(row.label);
    spellings.push(...plain(row.key, row.key, row.label, bare));
    const paren = bare.indexOf("(");
    if (paren > 0) spellings.push(...plain(row.key, bare.slice(0, paren)));
    const group = row.group ? rows.find((g) => g.key === row.group) : undefined;
    if (group) {
      const gBare = stripNumbering(group.label);
      const n = /^\d+/.exec(row.label.normalize("NFKC"))?.[0] ?? "";
      spellings.push(
        ...plain(row.key, `${gBare}-${bare}`, `${group.label}${row.label}`, `${group.label}-${row.label}`),
        ...plain(row.key, `${gBare}-${row.label}`, `${gBare}${n}`, `${gBare}-${n}`, `${gBare}第${n}项`),
      );
    }
  }
  const labelOf = (key: string) => rows.find((r) => r.key === key)?.label ?? key;
  const oldU1Warning = `旧条例用语，已按「${labelOf("u1")}」统计，请核对`;
  const otherwiseWarning = `2019年格式用语「${labelOf("otherwise")}」，已按「${labelOf("o3")}」统计，请核对是否属于其他两项`;
  const alias = (key: string, ...more: string[]) => {
    if (has(key)) spellings.push(...plain(key, ...more));
  };
  alias("grant", "公开", "同意公开", "全部公开", "予以提供");
  alias("partial", "部分公开", "区分处理");
  alias("d1", "国家秘密", "涉及国家秘密");
  alias("d4", "第三方合法权益", "涉及第三方合法权益", "涉及商业秘密", "涉及个人隐私");
  alias("d5", "内部事务信息", "内部事务");
  alias("d6", "过程性信息");
  alias("d7", "行政执法案卷");
  alias("d8", "行政查询事项");
  alias("u1", "本机关不掌握", "不掌握相关政府信息", "不掌握");
  alias("u2", "需要另行制作", "需另行制作");
  alias("u3", "补正后仍不明确", "申请内容不明确");
  alias("n1", "信访举报投诉", "信访类申请", "信访");
  alias("n3", "公开出版物");
  alias("n4", "大量反复申请");
  alias("n5", "要求确认或重新出具已获取信息", "已获取信息");
  alias("o1", "逾期不补正", "逾期未补正");
  alias("o2", "逾期未缴费", "未缴纳费用", "逾期未缴纳费用");
  alias("o3", "撤回申请", "申请人撤回", "撤回");
  if (has("o")) {
    // 2019: the three 2021 items, by key or label, fall into the one 其他处理 row.
    const items2021 = getFormat("2021").t3.rows.filter((r) => r.group === "otherwise");
    spellings.push(...plain("o", "其他处理", "其他", "撤回申请", "申请人撤回", "撤回"));
    for (const r of items2021)
      spellings.push(...plain("o", r.key, r.label, `其他处理-${stripNumbering(r.label)}`));
    spellings.push(...plain("o", "逾期不补正", "逾期未补正", "逾期未缴费", "未缴纳费用", "逾期未缴纳费用"));
  } else {
    spellings.push({ key: "o3", spelling: stripNumbering(labelOf("otherwise")), warning: otherwiseWarning });
    spellings.push({ key: "o3", spelling: "o", warning: otherwiseWarning });
  }
  for (const old of [
    "信息不存在",
    "政府信息不存在",
    "非本机关掌握",
    "非本机关政府信息",
    "不属于本机关公开范围",
  ]) {
    spellings.push({ key: "u1", spelling: old, warning: oldU1Warning });
  }
  return new Vocabulary(
    "办理结果",
    "表三的办理结果之一，可写编号（如 d1）、表中文字（如「1.属于国家秘密」）或「不予公开-属于国家秘密」",
    spellings,
  );
});

/** 复议诉讼登记 类型 → review / direct / after. */
export const caseTypeVocabulary = memo((format: FormatDef): Vocabulary => {
  const t4 = format.t4;
  const [direct, after] = t4.litigation;
  return new Vocabulary(
    "类型",
    `${t4.review.label}、${t4.litigationLabel}（${direct.label}）、${t4.litigationLabel}（${after.label}）`,
    [
      ...plain(t4.review.key, t4.review.key, t4.review.label, "复议"),
      ...plain(
        direct.key,
        direct.key,
        direct.label,
        `${t4.litigationLabel}（${direct.label}）`,
        "直接起诉",
        "直诉",
      ),
      ...plain(after.key, after.key, after.label, `${t4.litigationLabel}（${after.label}）`, "复议后诉讼"),
    ],
  );
});

/** 复议诉讼登记 结果 → upheld / corrected / other / pending (empty also means pending). */
export const caseResultVocabulary = memo((format: FormatDef): Vocabulary => {
  const results = format.t4.results.filter((r) => r.key !== "total");
  const spellings: VocabSpelling[] = [];
  for (const r of results)
    spellings.push(...plain(r.key, r.key, r.label, r.label.replace(/^结果|结果$/g, "")));
  spellings.push(
    ...plain("pending", "未审结", "审理中", "在审", "未结"),
    ...plain("other", "其它", "其它结果"),
  );
  return new Vocabulary("结果", results.map((r) => r.label).join("、") + "（空白视为尚未审结）", spellings);
});

/** 文件登记 类型 → rules / normative (the 2021 表二 row keys). */
export const DOCUMENT_TYPE_VOCAB = new Vocabulary("类型", "规章、行政规范性文件", [
  ...plain("rules", "规章", "政府规章", "部门规章", "地方政府规章"),
  ...plain("normative", "行政规范性文件", "规范性文件", "行政规范性文件（规范性文件）"),
]);

/** 主动公开信息登记 类别 → a category key (the legacy format's categories and the common ones after 2019). */
export const INFO_CATEGORY_VOCAB = new Vocabulary(
  "类别",
  "规范性文件、工作动态、行政执法、行政审批、财政信息、人事信息、重点领域、政策解读、年度报告、其他",
  [
    ...plain("normative", "规范性文件", "行政规范性文件", "规章"),
    ...plain("news", "工作动态", "动态信息", "工作信息", "新闻动态"),
    ...plain("enforcement", "行政执法", "执法信息", "行政处罚", "行政强制"),
    ...plain("approval", "行政审批", "行政许可", "审批信息"),
    ...plain("finance", "财政信息", "财政预决算", "预决算", "财政资金"),
    ...plain("personnel", "人事信息", "人事任免", "招录", "人事"),
    ...plain("keyAreas", "重点领域", "重点领域信息公开", "重点领域信息"),
    ...plain("interpretation", "政策解读", "解读"),
    ...plain("annualReport", "年度报告", "政府信息公开年度报告", "年报"),
    ...plain("otherInfo", "其他", "其它", "其他信息"),
  ],
);

/** Display names of the categories above, for sentences and counts. */
export const INFO_CATEGORY_LABELS: Record<string, string> = {
  normative: "规范性文件",
  news: "工作动态",
  enforcement: "行政执法",
  approval: "行政审批",
  finance: "财政信息",
  personnel: "人事信息",
  keyAreas: "重点领域信息",
  interpretation: "政策解读",
  annualReport: "政府信息公开年度报告",
  otherInfo: "其他信息",
};

/** Column headers of the register sheets, with the aliases people use. */
export function headerVocabulary(sheet: string, headers: Record<string, string[]>): Vocabulary {
  const spellings: VocabSpelling[] = [];
  for (const [key, names] of Object.entries(headers)) spellings.push(...plain(key, key, ...names));
  return new Vocabulary(`${sheet}表头`, Object.keys(headers).join("、"), spellings);
}
