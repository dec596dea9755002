/**
 * 问题清单's 原文: the words or numbers of the report a finding is about — the sentence X3 or X4 quotes, the
 * report's own words a text finding quotes (its title, the lead, a remnant, a sentence of 五), or a table's row as
 * read with its numbers.
 */
import { getFormat, TABLE_TITLES } from "./formats";
import type { Finding } from "./tables/findings";
import type { TableSet } from "./tables/tables";

const shown = (v: unknown) => (v === null || v === undefined || v === "" ? "（空）" : String(v as string));

/** The template's section headings, which a finding names as the place it is about. */
const HEADINGS = new Set(
  getFormat("2021")
    .sections.concat(getFormat("2019").sections)
    .map((x) => x.heading),
);

/** Findings of what a section lacks: they quote the section and the words it lacks, no words of the report. */
const ABOUT_ABSENCE = new Set(["R12", "R13", "R14", "R15", "R17"]);

/**
 * The report's own words a text finding quotes (a title, the lead, a remnant, a sentence of 五): the first 「…」
 * of its message that is not the template's heading of a section (where it is, not what it says).
 */
export function writtenQuote(f: Finding): string | undefined {
  if (ABOUT_ABSENCE.has(f.rule)) return undefined;
  for (const m of f.message.matchAll(/「([^「」]+)」/g)) if (!HEADINGS.has(m[1])) return m[1];
  return undefined;
}

/** The words or numbers of the report a finding is about. */
export function findingQuote(f: Finding, t: TableSet): string | undefined {
  if (f.rule === "X3" || f.rule === "X4") return /正文「(.*?)」中/.exec(f.message)?.[1];
  if (f.table === "text") return writtenQuote(f);
  const format = getFormat(t.format);
  if (f.table === "t3" && f.row && f.row !== "*") {
    const row = format.t3.rows.find((r) => r.key === f.row);
    const values = t.t3[f.row];
    if (row && values) return `${TABLE_TITLES.t3.name}「${row.label}」：${values.map(shown).join("、")}`;
  }
  if (f.table === "t2" && f.row && t.t2) {
    const row = format.t2?.blocks.flatMap((b) => b.rows).find((r) => r.key === f.row);
    const v = t.t2[f.row];
    if (row && v !== undefined)
      return `${TABLE_TITLES.t2.name}「${row.label}」：${(Array.isArray(v) ? v : [v]).map(shown).join("、")}`;
  }
  if (f.table === "t4" && t.t4.length) return `${TABLE_TITLES.t4.name}：${t.t4.map(shown).join("、")}`;
  return undefined;
}
