/**
 * The ledger an agency already keeps, found by its content rather than its name: any sheet whose header row —
 * within its first rows, below title rows and notes such as 填报单位 or 单位：件, possibly two rows with merged
 * groups (申请人情况 over 姓名或名称 | 类型) — holds the fields of a register, in the words people use (申请时间,
 * 收件日期, 答复时间, 处理结果, 申请人性质…). Where two columns could be the applicant type (申请人 holding
 * names, 申请人类别 holding types), the one whose values are types is taken. A column whose header speaks of
 * fees (信息处理费, 收费, 费用, 金额…) is confirmed by its values too (./fee): amounts make it the 信息处理费, a
 * yes/no (是/否, √/×) makes it 是否收费 — no number — and two columns of amounts are a question, never a pick;
 * notes, numbers, dates and rates (备注, 序号, 收费日期, 收费标准) are never the amount. A deciding field two
 * columns may be (申请日期 and 登记日期, 答复日期 and 办结日期, 处理结果 and 答复结果) is settled by their values
 * (./twocolumns): the same values are one column, differing ones a question, never the first taken. Answers
 * (对应关系) can name a sheet's kind and a column's field when the words are not enough.
 */
import { cellText } from "../common/cells";
import type { Cell, SheetData, WorkbookData } from "../common/cells";
import { normalizeText } from "../common/normalize";
import type { FormatDef } from "../formats";
import { DECIDING, SHEETS } from "./registers";
import { applicantMeaning } from "./words";
import { FEE_FIELD, FEE_FLAG_FIELD, FeeSample, mayBeFee } from "./fee";
import { fieldReader, settleColumns } from "./twocolumns";
import type { FeeDoubt, FoundRegister, LedgerColumn, LedgerKind } from "./found";

export type { FeeDoubt, FoundRegister, LedgerColumn, LedgerKind } from "./found";

/** Our field names per kind (the headers of the sheets we create). */
export const LEDGER_FIELDS: Record<LedgerKind, string[]> = {
  applications: ["编号", "收到日期", "申请人类型", "办理结果", "办结日期", FEE_FIELD, FEE_FLAG_FIELD, "备注"],
  cases: ["编号", "类型", "立案日期", "结果", "审结日期"],
};

/** A header's field by its words; `h` the header, `g` the group above it (two-row headers), both normalised. */
type Matcher = (h: string, g: string) => boolean;

const APPLICATION_MATCHERS: Record<string, Matcher> = {
  编号: (h) => /^(序号|编号|申请编号|登记号|登记编号|流水号|受理编号|申请号|件号)$/.test(h),
  收到日期: (h) =>
    /(收到|申请|提交|收件|登记|受理|来件|接收|来函)(申请)?(日期|时间)/.test(h) &&
    !/(答复|办结|回复|告知)/.test(h),
  申请人类型: (h, g) =>
    /(申请人|申请主体|主体)(的)?(类型|类别|性质|身份|分类)/.test(h) ||
    (/^(类型|类别|性质|身份|分类)$/.test(h) && /申请人|申请主体/.test(g)),
  办理结果: (h) =>
    /(办理|答复|处理|办结|回复|审核)(结果|类型|意见|结论)/.test(h) || /^(结果|答复内容|告知书类型)$/.test(h),
  办结日期: (h) => /(办结|答复|回复|处理|完成|告知|出具)(告知书)?(日期|时间)/.test(h),
  // A fee's column is confirmed by its values (feeColumns): amounts, or a yes/no flag.
  [FEE_FIELD]: mayBeFee,
  备注: (h) => /^(备注|说明)$/.test(h),
};

const CASE_MATCHERS: Record<string, Matcher> = {
  编号: (h) => /^(序号|编号|案号|案件编号)$/.test(h),
  类型: (h) => /^(案件类型|类型|复议诉讼类型|案件类别|类别)$/.test(h),
  立案日期: (h) => /(立案|收案|受理)(日期|时间)/.test(h),
  结果: (h) => /^(结果|审结结果|案件结果|办理结果|复议结果|诉讼结果|裁判结果|决定结果)$/.test(h),
  审结日期: (h) => /(审结|结案|决定|判决)(日期|时间)/.test(h),
};

const MATCHERS: Record<LedgerKind, Record<string, Matcher>> = {
  applications: APPLICATION_MATCHERS,
  cases: CASE_MATCHERS,
};

/** Which found fields make a sheet a register of the kind. */
const ENOUGH: Record<LedgerKind, (fields: Set<string>) => boolean> = {
  applications: (f) => f.has("收到日期") && (f.has("申请人类型") || f.has("办理结果")),
  cases: (f) => f.has("类型") && (f.has("立案日期") || f.has("结果")) && !f.has("收到日期"),
};

/** How far down a header row may be: title, unit and note rows above it. */
export const HEADER_SEARCH_ROWS = 15;
/** How many data rows are looked at to tell a column of types from a column of names. */
const SAMPLE_ROWS = 200;

/** What the person has said of sheets and columns (from 对应关系). */
export interface LayoutAnswers {
  /** Sheet name (normalised) → its kind, or "ignore". */
  sheets: Map<string, LedgerKind | "ignore">;
  /** Header text (normalised) → our field, or "ignore". */
  columns: Map<string, string>;
}

export const noLayoutAnswers = (): LayoutAnswers => ({ sheets: new Map(), columns: new Map() });

const text = (v: Cell) => cellText(v).trim();

/** A header row's texts with their groups: merged groups spread over their columns, cells merged down kept. */
function headerTexts(sheet: SheetData, r: number): { h: string[]; g: string[]; written: string[] } {
  const rows = sheet.rows;
  const row = rows[r] ?? [];
  const above = r > 0 ? (rows[r - 1] ?? []) : [];
  const width = Math.max(row.length, above.length);
  // The row above holds groups only if it is a header row itself (two cells or more): a title is no group.
  const isGroupRow = above.filter((v) => text(v)).length >= 2;
  const group: string[] = Array.from({ length: width }, (_, c) => (isGroupRow ? text(above[c]) : ""));
  if (isGroupRow && sheet.merges)
    for (const m of sheet.merges)
      if (m.top <= r - 1 && m.bottom >= r - 1)
        for (let c = m.left; c <= m.right && c < width; c++) group[c] = text(rows[m.top]?.[m.left]);
  // A host that does not say where the merges are (merges undefined): a group's text stands in its first
  // column, and the columns under it, blank above, belong to it while their own header is in the lower row.
  if (isGroupRow && !sheet.merges)
    for (let c = 1; c < width; c++)
      if (!group[c] && text(row[c]) && group[c - 1] && text(row[c - 1])) group[c] = group[c - 1];
  const h: string[] = [];
  const g: string[] = [];
  const written: string[] = [];
  for (let c = 0; c < width; c++) {
    const own = text(row[c]);
    // A header cell merged down over two header rows stands in the upper row only.
    // Without merges from the host, a blank under a header of the row above is that header merged down.
    const mergedDown =
      !own &&
      (sheet.merges
        ? sheet.merges.some((m) => m.left === c && m.top === r - 1 && m.bottom >= r)
        : isGroupRow && !!text(above[c]));
    const cell = own || (mergedDown ? group[c] : "");
    h.push(normalizeText(cell));
    g.push(own ? normalizeText(group[c]) : "");
    written.push(own && group[c] && group[c] !== own ? `${group[c]}｜${own}` : cell);
  }
  return { h, g, written };
}

/** The share of sampled values in a column that are applicant types (not names). */
function typeShare(format: FormatDef, sheet: SheetData, from: number, col: number): number {
  let seen = 0;
  let typed = 0;
  for (let r = from; r < sheet.rows.length && seen < SAMPLE_ROWS; r++) {
    const v = text(sheet.rows[r]?.[col]);
    if (!v) continue;
    seen++;
    if (applicantMeaning(format, v)) typed++;
  }
  return seen ? typed / seen : 0;
}

/** What a column whose header may name the fee holds, by a sample of its values below the header. */
function feeSample(sheet: SheetData, from: number, col: number): FeeSample {
  const sample = new FeeSample();
  for (let r = from; r < sheet.rows.length && sample.values < SAMPLE_ROWS; r++) {
    const v = sheet.rows[r]?.[col];
    if (v !== null && v !== undefined && text(v)) sample.add(v);
  }
  return sample;
}

/**
 * The fee columns of a header row, by their values: the one column of amounts is the 信息处理费, a yes/no
 * column is kept as 是否收费 (no number); two columns of amounts are a question, never a pick; a column of
 * neither (prose) is no fee, and said so where no other is.
 */
function feeColumns(
  sheet: SheetData,
  r: number,
  candidates: number[],
  h: string[],
  written: string[],
  columns: Record<string, LedgerColumn>,
): FeeDoubt | undefined {
  const amounts: { c: number; values: number }[] = [];
  let unread: { header: string; examples: string[] } | undefined;
  for (const c of candidates) {
    const sample = feeSample(sheet, r + 1, c);
    const kind = sample.kind(h[c]);
    if (kind === "amount") amounts.push({ c, values: sample.values });
    else if (kind === "flag") columns[FEE_FLAG_FIELD] ??= { index: c, header: written[c] };
    else unread ??= { header: written[c], examples: sample.unread };
  }
  if (FEE_FIELD in columns) return undefined; // the person said which
  if (amounts.length === 1) {
    columns[FEE_FIELD] = { index: amounts[0].c, header: written[amounts[0].c] };
    return undefined;
  }
  if (amounts.length > 1)
    return {
      ask: amounts.map(({ c, values }) => ({
        header: written[c],
        own: text(sheet.rows[r]?.[c]) || written[c],
        values,
      })),
    };
  return unread && !(FEE_FLAG_FIELD in columns) ? { unread } : undefined;
}

/** A header row read for one kind: the columns known, and the deciding fields two columns or more may be. */
interface Draft {
  found: FoundRegister;
  /** Field → its columns, where more than one fits and no answer says which. */
  decide: Record<string, number[]>;
  /** The headers as written, and the lower header cells (what a 对应关系 answer names). */
  written: string[];
  own: string[];
}

/**
 * The columns of a deciding field settled by their values (./twocolumns): one is taken, with any holding the same
 * values; columns that differ are a question. `from` is the first row index below the header.
 */
function settle(format: FormatDef, sheet: SheetData, from: number, draft: Draft): void {
  const { found, decide, written, own } = draft;
  for (const [field, cols] of Object.entries(decide)) {
    const s = settleColumns(sheet.rows, from, cols, fieldReader(format, field));
    const header = (c: number) => written[c];
    if ("take" in s)
      found.columns[field] = {
        index: s.take,
        header: header(s.take),
        ...(s.same.length ? { same: s.same.map(header) } : {}),
      };
    else
      (found.ask ??= {})[field] = {
        columns: s.ask.map((c) => ({ index: c, header: header(c), own: own[c] })),
        held: 0,
      };
  }
}

/** The register a sheet holds, if its content says so (or the answers do). */
export function findRegister(
  format: FormatDef,
  sheet: SheetData,
  answers: LayoutAnswers,
): FoundRegister | null {
  const told = answers.sheets.get(normalizeText(sheet.name));
  if (told === "ignore") return null;
  const limit = Math.min(HEADER_SEARCH_ROWS, sheet.rows.length);
  let best: Draft | null = null;
  let bestCount = 0;
  for (let r = 0; r < limit; r++) {
    const { h, g, written } = headerTexts(sheet, r);
    const own = written.map((w, c) => text(sheet.rows[r]?.[c]) || w);
    for (const kind of told ? [told] : (["applications", "cases"] as LedgerKind[])) {
      const columns: Record<string, LedgerColumn> = {};
      const candidates: number[] = [];
      const fees: number[] = [];
      const decide: Record<string, number[]> = {};
      const deciding = DECIDING[kind];
      h.forEach((hc, c) => {
        if (!hc) return;
        const answered = answers.columns.get(hc);
        if (answered === "ignore") return;
        const field =
          answered && LEDGER_FIELDS[kind].includes(answered)
            ? answered
            : Object.keys(MATCHERS[kind]).find((f) => MATCHERS[kind][f](hc, g[c]));
        if (
          kind === "applications" &&
          (field === "申请人类型" || /^申请人(情况|名称)?$/.test(hc)) &&
          !answered
        )
          candidates.push(c);
        else if (field === FEE_FIELD && !answered) fees.push(c);
        // A deciding field named by two columns is settled by their values (an answer says which outright).
        else if (field && deciding.includes(field) && !answered) (decide[field] ??= []).push(c);
        else if (field && !(field in columns)) columns[field] = { index: c, header: written[c] };
      });
      if (candidates.length) {
        // Of the columns that could hold the applicant type, those whose values are types.
        const scored = candidates.map((c) => ({ c, share: typeShare(format, sheet, r + 1, c) }));
        const typed = scored.filter((s) => s.share >= 0.5).map((s) => s.c);
        const named = candidates.filter((c) => APPLICATION_MATCHERS.申请人类型(h[c], g[c]));
        const fit = typed.length ? typed : named;
        if (fit.length) decide.申请人类型 = fit;
      }
      for (const [field, cols] of Object.entries(decide))
        if (field in columns)
          delete decide[field]; // the person said which
        else if (cols.length === 1) {
          columns[field] = { index: cols[0], header: written[cols[0]] };
          delete decide[field];
        }
      const fields = new Set([...Object.keys(columns), ...Object.keys(decide)]);
      if (!ENOUGH[kind](fields) && !told) continue;
      const fee = kind === "applications" ? feeColumns(sheet, r, fees, h, written, columns) : undefined;
      const count = Object.keys(columns).length + Object.keys(decide).length;
      if (count > bestCount) {
        best = {
          found: {
            sheet: sheet.name,
            as: kind,
            headerRow: r + (sheet.firstRow ?? 1),
            columns,
            ...(fee ? { fee } : {}),
          },
          decide,
          written,
          own,
        };
        bestCount = count;
      }
    }
  }
  if (!best) return null;
  settle(format, sheet, best.found.headerRow - (sheet.firstRow ?? 1) + 1, best);
  return best.found;
}

/** Sheets the engine reads by name (besides registers): never ignored, never taken for a ledger. */
const OWN_SHEETS = new Set(
  [SHEETS.active, SHEETS.documents, SHEETS.published, SHEETS.info, "统计表", "对应关系"].map(normalizeText),
);

export interface LedgerLayout {
  registers: FoundRegister[];
  /** Sheets that are no register (a summary, notes, a chart's data): named, never read. */
  ignored: string[];
}

/** Every register of the workbook, found by content; the sheets that are none. */
export function findLedger(format: FormatDef, workbook: WorkbookData, answers: LayoutAnswers): LedgerLayout {
  const registers: FoundRegister[] = [];
  const ignored: string[] = [];
  for (const sheet of workbook.sheets) {
    if (OWN_SHEETS.has(normalizeText(sheet.name))) continue;
    const found = findRegister(format, sheet, answers);
    if (found) registers.push(found);
    else ignored.push(sheet.name);
  }
  return { registers, ignored };
}
