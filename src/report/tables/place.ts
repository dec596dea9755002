/**
 * Where a finding is, in a reviewer's words: the key the checks write (`t3.new.natural`, `t3.*.total`,
 * `t4.review.total`, `t2.rules.issued`, `text.s5`) as the printed labels of the finding's format —
 * 表三「一、本年新收政府信息公开申请数量」「自然人」, 表三「总计」列, 表四「行政复议」「总计」, 第五部分. A `where` that is
 * already words (a heading, 「单位名」, 全文) or a key of no cell of the format is given back as it is. The keys stay
 * in `--json` for programs; people read these.
 */
import { FORMATS } from "../formats";
import type { FormatDef } from "../formats";

const NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** Where a finding about a report's publication date (R1) is: its date, wherever that was read. */
export const PUBLISHED_PLACE = "发布日期";

const TEXT_PARTS: Record<string, string> = {
  title: "标题",
  lead: "导语",
  published: PUBLISHED_PLACE,
  narrative: "正文",
};

/** A key of ours (`new`, `o1`, `s5`), not words a finding already gives its place in. */
const isKey = (part: string) => /^[A-Za-z0-9*]+$/.test(part);

/** A 表三 row's label: its format's, else another format's (a 2019 （六） row `o` found in a 2021 table). */
const t3RowLabel = (format: FormatDef, key: string): string | undefined =>
  [format, ...Object.values(FORMATS)].flatMap((f) => f.t3.rows).find((r) => r.key === key)?.label;

function t3Words(format: FormatDef, row: string | undefined, column: string | undefined): string | null {
  const rowLabel = row && row !== "*" ? t3RowLabel(format, row) : undefined;
  const colLabel = column ? format.t3.columns.find((c) => c.key === column)?.label : undefined;
  if ((row && row !== "*" && !rowLabel) || (column && !colLabel)) return null;
  if (!rowLabel) return colLabel ? `${format.t3.name}「${colLabel}」列` : format.t3.name;
  return `${format.t3.name}「${rowLabel}」${colLabel ? `「${colLabel}」` : ""}`;
}

function t4Words(format: FormatDef, group: string | undefined, result: string | undefined): string | null {
  const groups = [format.t4.review, ...format.t4.litigation];
  const g = group && group !== "*" ? groups.find((x) => x.key === group) : undefined;
  const r = result ? format.t4.results.find((x) => x.key === result) : undefined;
  if ((group && group !== "*" && !g) || (result && !r)) return null;
  if (!g) return r ? `${format.t4.name}「${r.label}」列` : format.t4.name;
  const under = g === format.t4.review ? "" : `「${format.t4.litigationLabel}」`;
  return `${format.t4.name}${under}「${g.label}」${r ? `「${r.label}」` : ""}`;
}

function t2Words(format: FormatDef, row: string | undefined, column: string | undefined): string | null {
  const t2 = format.t2;
  if (!t2) return null;
  if (!row) return t2.name;
  const block = t2.blocks.find((b) => b.rows.some((r) => r.key === row));
  const label = block?.rows.find((r) => r.key === row)?.label;
  if (!block || !label) return null;
  if (!column || block.columns.length === 1) return `${t2.name}「${label}」`;
  const col = block.columns.find((c) => c.key === column);
  return col ? `${t2.name}「${label}」「${col.label}」` : null;
}

function textWords(format: FormatDef, part: string | undefined): string | null {
  if (!part) return "正文";
  if (part in TEXT_PARTS) return TEXT_PARTS[part];
  if (!isKey(part)) return part;
  const i = format.sections.findIndex((s) => s.id === part);
  return i >= 0 && i < NUMERALS.length ? `第${NUMERALS[i]}部分` : null;
}

/** `where` in the words of `format`'s printed report; `where` itself when it is no key of the format. */
export function placeWords(where: string, format: FormatDef): string {
  if (where.startsWith("text.") && !isKey(where.slice(5))) return where.slice(5);
  const [table, row, column, ...rest] = where.split(".");
  if (rest.length) return where;
  const words =
    table === "t3"
      ? t3Words(format, row, column)
      : table === "t4"
        ? t4Words(format, row, column)
        : table === "t2"
          ? t2Words(format, row, column)
          : table === "text"
            ? column === undefined
              ? textWords(format, row)
              : null
            : null;
  return words ?? where;
}

/** A finding as one line for people: its place, then its message — the message alone where it opens with the place. */
export const placedMessage = (f: { place: string; message: string }): string =>
  f.message.startsWith(f.place) ? f.message : `${f.place}：${f.message}`;
