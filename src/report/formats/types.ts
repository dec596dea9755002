/**
 * A report format, described as data: sections, the three statistics tables (rows, columns, exact printed
 * labels, merge layout) and the rules that apply. Every other module reads labels from here; no other code
 * spells a table label.
 */

export type FormatId = "2021" | "2019" | "2008";

export type RuleId =
  | "P1"
  | "S1"
  | "S2"
  | "T4"
  | "F1"
  | "F2"
  | "F3"
  /** A printed table runs past the page's edge (a PDF): the columns off the paper cannot be checked. */
  | "F4"
  | "L1"
  | "X1"
  | "X2"
  | "X3"
  /** Completeness of the printed report: sections, 五 not empty, 六 on 信息处理费, title, 统计期限. */
  | "C1"
  | "C2"
  | "C3"
  | "C4"
  | "C5"
  /** 审核要点 (review rules, test/fixtures and spec review-rules.md): published by the deadline (条例 第四十九条). */
  | "R1"
  /** The lead cites an outdated basis or misnames the 条例. */
  | "R7"
  /** Template remnants and placeholders left in a published report. */
  | "R10"
  /** The lead's own count or list of sections agrees with the headings. */
  | "R11"
  /** 总体情况 covers the five aspects; a 人民政府's report also 考核、评议和责任追究 (R13). */
  | "R12"
  | "R13"
  /** The 2025 content asks (off unless turned on): 总体情况's length, counts by channel, platform counts. */
  | "R14"
  | "R15"
  | "R17"
  /** 五 names both the problems and what will be done. */
  | "R26"
  /** 雷同: the narrative copied from last year's report or another unit's. */
  | "R29"
  /** The numbers the text states against 表二 (规章, 规范性文件, 许可/处罚/强制, 收费): R16, extending X3. */
  | "X4";

interface SubheadingDef {
  /** Stable id, e.g. "s1.active". */
  id: string;
  /** Printed text, e.g. "（一）主动公开". */
  heading: string;
}

export interface SectionDef {
  /** Stable id, e.g. "s3". */
  id: string;
  /** Printed heading, e.g. "三、收到和处理政府信息公开申请情况". */
  heading: string;
  subheadings: SubheadingDef[];
  /**
   * What makes a heading this section's whatever its wording (test/corpus/headings.json): any of `words` in
   * it, none of `unless` (the 2019 wording of 四, 「因政府信息公开工作被申请行政复议…」, holds 申请 but is not 三).
   */
  meaning?: { words: string[]; unless?: string[] };
}

/** How a 表二 cell may hold numbers: a count (件), a signed count (本年增/减), or an amount with decimals. */
export type ValueKind = "count" | "signedCount" | "amount";

export interface Table2Column {
  key: string;
  label: string;
  kind: ValueKind;
}

export interface Table2Row {
  /** The key used in the tables JSON (e.g. "rules", "feesWanYuan"). */
  key: string;
  label: string;
}

/**
 * One block of 表二: a caption row merged across the table, a header row ("信息内容" and the column labels),
 * then its rows. A block with one column prints that column merged across all number columns, and its rows
 * are a single number in the JSON; a block with several columns gives each row an array.
 */
export interface Table2Block {
  caption: string;
  columns: Table2Column[];
  rows: Table2Row[];
}

/** How the report names a table: 表三, and its title 收到和处理政府信息公开申请情况. */
export interface TableTitle {
  name: string;
  title: string;
}

export interface Table2Def extends TableTitle {
  /** Label of the first header cell of every block. */
  contentLabel: string;
  /** Number of number columns of the printed table (blocks with fewer columns merge across them). */
  width: number;
  blocks: Table2Block[];
}

export interface Table3Column {
  key: string;
  label: string;
}

/**
 * Kinds of 表三 rows:
 * - "head": 一/二/四, label spans the three label columns;
 * - "item": （一）（二） (and the 2019 （六）) in the result group, label spans two label columns;
 * - "group": （三）–（六） parents, no number cells, label merged down beside their leaves;
 * - "leaf": a numbered item under a group (1.属于国家秘密);
 * - "total": （七）总计, label spans two label columns.
 * "item" and "leaf" rows are the handling outcomes a register row can have.
 */
export type Table3RowKind = "head" | "item" | "group" | "leaf" | "total";

export interface Table3Row {
  /** Row key (new, carry, grant, d1, …); groups have a key too (deny, unable, noaction, otherwise). */
  key: string;
  label: string;
  kind: Table3RowKind;
  /** For leaves: the key of their group. */
  group?: string;
  /** Whether the row sits inside "三、本年度办理结果". */
  inResults: boolean;
  /**
   * Words only this row's label has, which a label people shorten keeps (「上年结转申请数量」 for 二、上年结转…,
   * 「申请人无正当理由逾期不补正」 for （六）1.): test/corpus/table-labels.json.
   */
  words?: string[];
}

export interface Table3Def extends TableTitle {
  /** The printed rule in the merged top-left header cell. */
  cornerNote: string;
  /** "申请人情况", spanning the seven data columns. */
  applicantHeader: string;
  /** "法人或其他组织", spanning the five organisation columns. */
  organisationHeader: string;
  /** Keys of the columns under the organisation header. */
  organisationColumns: string[];
  columns: Table3Column[];
  /** Label of the merged result group cell: "三、本年度办理结果". */
  resultsLabel: string;
  /** All rows in printed order, groups included. */
  rows: Table3Row[];
}

export interface Table4Group {
  key: string;
  label: string;
}

export interface Table4Def extends TableTitle {
  /** The 行政复议 group (its five headers merged down two header rows). */
  review: Table4Group;
  /** "行政诉讼", spanning the ten litigation columns. */
  litigationLabel: string;
  /** 未经复议直接起诉, 复议后起诉. */
  litigation: Table4Group[];
  /** Result columns inside every group, in order. */
  results: Table3Column[];
}

/** A category of 主动公开 counted in the legacy format's sentence. */
export interface LegacyCategory {
  key: string;
  label: string;
  /** Whether the category belongs to the first clause (before "；") of the sentence. */
  firstClause: boolean;
  /** How the sentence names it; "{prevYear}" is replaced. Defaults to the label. */
  sentenceLabel?: string;
}

export interface FormatDef {
  id: FormatId;
  /** Chinese name shown to users. */
  name: string;
  /** Title pattern, "{agency}" and "{year}" are replaced. */
  title: string;
  sections: SectionDef[];
  /** 表二; the legacy format has none printed and counts 主动公开 by category instead. */
  t2: Table2Def | null;
  /** 表三; for the legacy format the table is kept internally (for sentences and checks), not printed. */
  t3: Table3Def;
  t4: Table4Def;
  /** Whether the three tables are printed in the report. */
  printsTables: boolean;
  /** Where the tables are not printed: what to call the 表三 kept for checking, when it is shown. */
  unprintedTableNote?: string;
  /** Legacy format: the 主动公开 categories of its sentence. */
  legacyCategories?: LegacyCategory[];
  rules: RuleId[];
}
