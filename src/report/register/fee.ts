/**
 * 信息处理费 in a register: what a cell of an amount column says (0, 0元, 0.00, 免费, 无, 未收费, 不收费, —, / as 0;
 * 50元, ￥50, ¥50.00, "1,200", 伍拾元, 五十元 as their number), and what a column whose header speaks of fees
 * holds — decided by its values, not its header alone: amounts, or a yes/no flag (是/否, 收费/未收费, √/×, 有/无,
 * Y/N), or neither (prose). A flag says whether a fee was charged, never how much: with a flag and no amount
 * column, 信息处理费 is unknown — never 0 and never an error. 信息处理费 never decides where an application is
 * counted: a value that is not an amount is a 提示 on its cell, the row is counted, and the total is unknown.
 */
import { cellText, isCellError } from "../common/cells";
import type { Cell } from "../common/cells";
import type { IssueSink } from "./registers";

/** Our field of the amount, and the field a yes/no column is kept as (for the row's meaning, no number). */
export const FEE_FIELD = "信息处理费（元）";
export const FEE_FLAG_FIELD = "是否收费";

/** A share of the non-blank values a column must reach to be read as amounts, or as a yes/no flag. */
export const AMOUNT_SHARE = 0.8;
export const FLAG_SHARE = 0.8;

/** Headers that may name the fee: its name, 收费, 费用, 缴费, 金额. */
const FEE_HEADER = /信息处理费|处理费|收费|费用|缴费|金额/;
/**
 * Headers that are never the amount even with 费 in them: notes, numbers, who and what, dates, and the rate
 * or basis of a fee (收费标准, 收费依据) rather than what was charged.
 */
const NEVER_AMOUNT =
  /备注|说明|序号|编号|科室|部门|处室|承办|经办|内容|姓名|名称|事项|日期|时间|标准|依据|方式|原因|理由|文号|单号|票据/;

/** Whether a header (normalised) may name the fee or whether it charged one. */
export const mayBeFee = (header: string): boolean => FEE_HEADER.test(header) && !NEVER_AMOUNT.test(header);

/** Words that say nothing was charged: an amount of 0, and a "no" of a flag alike. */
const NOTHING =
  /^(0|零|〇|无|没有|免费|免收|免收费|免费提供|未收费|不收费|无需收费|不需收费|无收费|未收取|不收取|没有收费|未收|不收|空|-+|—+|―+|\/|无费用|未产生|不涉及)$/;
/** A flag's "yes" and "no" that are no amount. */
const YES = /^(是|是的|有|收费|已收费|需收费|收取|已收取|已缴费|已缴纳|√|✓|✔|y|yes)$/;
const NO = /^(否|不是|×|✗|✘|x|n|no)$/;

/** A value as compared: NFKC (full-width forms, ￥ → ¥), spaces dropped, lower case. */
const plain = (v: string) => v.normalize("NFKC").replace(/\s+/g, "").toLowerCase();

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};
const UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };

/** A whole number in Chinese numerals (伍拾, 一百二十, 壹万贰仟), or NaN. */
function chineseInteger(s: string): number {
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit >= 0 && DIGITS[ch] !== 0) return NaN; // two digits in a row (五五): not a numeral
      digit = DIGITS[ch];
    } else if (ch in UNITS) {
      section += (digit < 0 ? 1 : digit) * UNITS[ch];
      digit = -1;
    } else if (ch === "万") {
      total += (section + Math.max(digit, 0)) * 10000;
      section = 0;
      digit = -1;
    } else return NaN;
  }
  return total + section + Math.max(digit, 0);
}

/** An amount written in Chinese numerals with its unit (伍拾元整, 五十元, 贰佰元伍角), or NaN. */
function chineseAmount(s: string): number {
  const m =
    /^([零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万]+)[元圆](?:([零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖])角)?(?:([零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖])分)?[整正]?$/.exec(
      s,
    );
  if (!m) return NaN;
  const yuan = chineseInteger(m[1]);
  const jiao = m[2] ? DIGITS[m[2]] : 0;
  const fen = m[3] ? DIGITS[m[3]] : 0;
  return Number.isNaN(yuan) ? NaN : Math.round((yuan + jiao / 10 + fen / 100) * 100) / 100;
}

/**
 * What an amount cell says, in 元: a number ≥ 0, or undefined when it is no amount (a flag, prose, a negative
 * number, an error value, a date). Blank cells are the caller's (nothing written).
 */
export function amountOf(v: Cell): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (typeof v !== "string" || isCellError(v)) return undefined;
  const s = plain(v);
  if (!s) return undefined;
  if (NOTHING.test(s)) return 0;
  const money = s
    .replace(/^(人民币|rmb|cny|¥)+/, "")
    .replace(/[（(]元[)）]$/, "")
    .replace(/(元整|元正|元|圆|块钱|块)$/, "");
  const n = money.replace(
    /^(\d{1,3}(?:,\d{3})+)(\.\d+)?$/,
    (_, a: string, b = "") => a.replace(/,/g, "") + b,
  );
  if (/^(\d+(\.\d+)?|\.\d+)$/.test(n)) return Number(n);
  if (NOTHING.test(money)) return 0; // 0元 read above; ¥0, 无（元）
  const chinese = chineseAmount(s.replace(/^人民币/, ""));
  return Number.isNaN(chinese) ? undefined : chinese;
}

/** Whether a value is a yes/no flag that is no amount (是, 否, √, 收费, 有…). */
export function isFlag(v: Cell): boolean {
  if (typeof v !== "string") return false;
  const s = plain(v);
  return YES.test(s) || NO.test(s);
}

/** Whether a value says no fee was charged (否, ×, 免费, 未收费, 无, 0…). */
export function saysNone(v: Cell): boolean {
  if (typeof v === "string" && NO.test(plain(v))) return true;
  return amountOf(v) === 0;
}

/** What a column whose header may name the fee holds, by its values. */
export type FeeKind = "amount" | "flag" | "none";

/** Counts of a fee column's non-blank values, and a few it could not read as amounts. */
export class FeeSample {
  values = 0;
  amounts = 0;
  /** Values a flag reads: its yes/no words, and the words that say nothing was charged. */
  flagged = 0;
  /** Flag words that are no amount (是, 否, √…): without one, a column of 免费 and — is amounts of 0. */
  flags = 0;
  /** A few values that are no amount, as written, once each. */
  readonly unread: string[] = [];

  add(v: Cell): number | undefined {
    this.values++;
    const amount = amountOf(v);
    if (amount !== undefined) this.amounts++;
    if (isFlag(v)) {
      this.flags++;
      this.flagged++;
    } else if (amount === 0 && typeof v === "string") this.flagged++;
    if (amount === undefined && this.unread.length < 3) {
      const t = cellText(v).trim();
      if (!this.unread.includes(t)) this.unread.push(t);
    }
    return amount;
  }

  /**
   * Amounts where at least AMOUNT_SHARE of the values are; a flag where at least FLAG_SHARE are yes/no words and
   * some are no amount; else neither. An empty column is what its header says (是否… a flag).
   */
  kind(header: string): FeeKind {
    if (!this.values) return /是否/.test(header) ? "flag" : "amount";
    if (this.amounts >= AMOUNT_SHARE * this.values) return "amount";
    if (this.flags > 0 && this.flagged >= FLAG_SHARE * this.values) return "flag";
    return "none";
  }
}

const quoted = (values: string[]) => values.map((v) => `「${v}」`).join("");

/** The words of 信息处理费 the registers say (提示: none of them holds an application back). */
export const FEE_WORDS = {
  flagOnly: (header: string) =>
    `台账只有「${header}」一列，没有金额，信息处理费无法统计（报告中不写信息处理费金额，请自行填写）`,
  flagColumn: (header: string) =>
    `「${header}」列写的是是否收费（如「是」「否」），不是金额，信息处理费无法统计（报告中不写信息处理费金额，请自行填写）`,
  noColumn: () => "台账中没有信息处理费金额一列，信息处理费无法统计（报告中不写信息处理费金额，请自行填写）",
  unreadColumn: (header: string, examples: string[]) =>
    `「${header}」列的值大多不是金额（如${quoted(examples)}），信息处理费无法统计；金额请写成 50 或 50元，未收费写 0`,
  twoAmounts: (headers: string[]) =>
    `${headers.map((h) => `「${h}」`).join(headers.length === 2 ? "和" : "、")}${headers.length === 2 ? "两" : headers.length}列的值都是金额，无法确定哪一列是信息处理费，信息处理费暂不统计；请在「对应关系」中指明：列 | ${headers[0]} | ${FEE_FIELD}（其余各列对应为 忽略）`,
  cell: (row: number, column: string, value: string) =>
    `第${row}行「${column}」的值「${value}」不是金额，本行已计入表三，信息处理费未含这一行；金额请写成 50 或 50元，未收费写 0`,
  incomplete: (rows: number, read: number) =>
    `信息处理费有${rows}行的值不是金额，合计无法确定（其余各行共${read}元），报告中不写信息处理费金额；请核对这些行`,
};

const round = (v: number) => Math.round(v * 100) / 100;

/**
 * The year's 信息处理费 of a register, as its tally reads the rows: the amounts of applications concluded in the
 * year summed; cells that are no amount kept for a 提示 each (the column's kind is known only once every row is
 * read, a register being read in blocks); a yes/no column read for whether anything was charged at all.
 */
export class FeeTally {
  private sum = 0;
  private readonly sample = new FeeSample();
  private readonly unread: { row: number; value: Cell }[] = [];
  /** Rows of the year whose value is no amount and does not say that nothing was charged. */
  private unreadInYear = 0;
  /** Rows of the year whose fee or flag says a fee was charged, or cannot say it was not. */
  private charged = 0;

  /** A non-blank cell of the amount column. */
  amount(v: Cell, row: number, inYear: boolean): void {
    const a = this.sample.add(v);
    if (a === undefined) {
      this.unread.push({ row, value: v });
      if (inYear && !saysNone(v)) {
        this.unreadInYear++;
        this.charged++;
      }
    } else if (inYear) {
      this.sum += a;
      if (a > 0) this.charged++;
    }
  }

  /** A non-blank cell of a yes/no column (是否收费). */
  flag(v: Cell, inYear: boolean): void {
    if (inYear && !saysNone(v)) this.charged++;
  }

  /**
   * The year's fee in 元, or null when it cannot be known, with the 提示s said into the sink. `amount` and `flag`
   * are the headers as written of the amount and the yes/no column (undefined: the register has none).
   */
  finish(sink: IssueSink, amount?: string, flag?: string): number | null {
    const unknown = (column: string, message: string) => {
      sink.add(0, column, "", message, "feeUnknown", "warning");
      return null;
    };
    if (amount !== undefined) {
      // The header promises amounts: a column of 是/否 under it is said once; anything else cell by cell.
      if (this.sample.kind(amount) === "flag")
        return this.charged ? unknown(FEE_FIELD, FEE_WORDS.flagColumn(amount)) : 0;
      for (const u of this.unread) {
        const t = cellText(u.value).trim();
        sink.add(u.row, FEE_FIELD, u.value, FEE_WORDS.cell(u.row, FEE_FIELD, t), "badNumber", "warning");
      }
      return this.unreadInYear
        ? unknown(FEE_FIELD, FEE_WORDS.incomplete(this.unreadInYear, round(this.sum)))
        : round(this.sum);
    }
    if (flag !== undefined && this.charged) return unknown(FEE_FLAG_FIELD, FEE_WORDS.flagOnly(flag));
    return round(this.sum);
  }
}
