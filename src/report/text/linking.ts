/**
 * Which parts of a linked report are up to date: the document's content controls and the hashes its custom
 * XML part recorded, against the parts the workbook now gives. Host-independent; the Word pane shows it.
 */
import { TABLE_TITLES } from "../formats";
import { t4CellKey } from "../tables/cellRef";
import { cellName } from "../tables/layout";
import { documentParts, hashText, partText } from "./document";
import type { DocPart, ReportDocument } from "./document";
import type { TableSet } from "../tables/tables";

/**
 * A part of the report: as the workbook gives it now, out of date, or not in the document — missing, or, for a
 * part a report may do without (the 图解), absent.
 */
export type PartState = "current" | "stale" | "missing" | "absent";

export interface PartStatus {
  part: string;
  alias: string;
  state: PartState;
}

interface DocumentHolds {
  /** Part ids of the `ogi:` controls in the document (with repeats if a part was inserted twice). */
  tags: string[];
  /** Hashes recorded in the document's custom XML part, when it has one. */
  hashes?: Record<string, string>;
  /** The text of each control, for documents without recorded hashes. */
  texts?: Record<string, string>;
}

const squeeze = (s: string) => s.replace(/\s+/g, "");

export function partStates(fresh: ReportDocument, holds: DocumentHolds): PartStatus[] {
  const present = new Set(holds.tags);
  return documentParts(fresh).map((p) => {
    if (!present.has(p.id)) return { part: p.id, alias: p.alias, state: p.optional ? "absent" : "missing" };
    const now = partText(p);
    const stored = holds.hashes?.[p.id];
    const same =
      stored !== undefined ? stored === hashText(now) : squeeze(holds.texts?.[p.id] ?? "") === squeeze(now);
    return { part: p.id, alias: p.alias, state: same ? "current" : "stale" };
  });
}

/** What updating a picture did, in words (its numbers are the tables'; a picture has no old text to show). */
export const PICTURE_REDRAWN = "已按最新数据重新绘制";

const PART_TABLE: Record<string, keyof typeof TABLE_TITLES> = { table2: "t2", table3: "t3", table4: "t4" };

/**
 * What updating these parts changes, in words: for a table, its cells old → new against the tables the
 * document recorded (or that it was rewritten, when it recorded none); for text, the old and the new text.
 */
export function changeLines(
  doc: ReportDocument,
  parts: DocPart[],
  holds: { storedTables?: TableSet; texts: Record<string, string> },
): { alias: string; lines: string[] }[] {
  const cells = holds.storedTables ? tableChanges(doc.format, holds.storedTables, doc.tables) : [];
  return parts.map((p) => {
    const table = PART_TABLE[p.id];
    if (p.blocks.some((b) => b.kind === "table")) {
      const mine =
        holds.storedTables && table ? cells.filter((c) => c.where.startsWith(TABLE_TITLES[table].name)) : [];
      return {
        alias: p.alias,
        lines: mine.length ? mine.map((c) => `${c.where}：${c.old} → ${c.new}`) : ["已按最新数据重写"],
      };
    }
    if (p.blocks.some((b) => b.kind === "picture")) return { alias: p.alias, lines: [PICTURE_REDRAWN] };
    return { alias: p.alias, lines: [`原文：${holds.texts[p.id] ?? ""}`, `新文：${partText(p)}`] };
  });
}

/** Cell-by-cell differences between two table sets, named as the template names them. */
export function tableChanges(
  format: ReportDocument["format"],
  before: TableSet,
  after: TableSet,
): { where: string; old: string; new: string }[] {
  const out: { where: string; old: string; new: string }[] = [];
  const show = (v: unknown) => (v === null || v === undefined ? "（空）" : String(v));
  for (const [key, row] of Object.entries(after.t3))
    row.forEach((v, i) => {
      const old = before.t3?.[key]?.[i];
      if (old !== v)
        out.push({
          where: cellName(`t3.${key}.${format.t3.columns[i].key}`, format),
          old: show(old),
          new: show(v),
        });
    });
  after.t4.forEach((v, i) => {
    const old = before.t4?.[i];
    if (old !== v)
      out.push({
        where: cellName(t4CellKey(format, i), format),
        old: show(old),
        new: show(v),
      });
  });
  return out;
}
