/**
 * Updating a report in place: the content of every `ogi:` content control is replaced with the same part
 * rendered from fresh data, and the custom XML part is rewritten; every other byte of document.xml and every
 * other part of the package stays as it was. A document whose controls were lost (LibreOffice drops their
 * tags) still gets its three official tables updated, found by their fixed labels, number cells only.
 * Returns what changed (part, old → new) and what was missing. Never writes: the caller saves the bytes.
 */
import { documentParts, partText, TAG_PREFIX } from "../report/document";
import type { DocPart, ReportDocument } from "../report/document";
import { cellName, expandGrid } from "../report/layout";
import type { TableGrid } from "../report/layout";
import { normalizeText } from "../report/text";
import { addCustomXmlPart, reportXml } from "./customxml";
import type { ReportMeta } from "./customxml";
import { findSdts, outermost, setCellText, tableCells, textOf } from "./ooxml";
import type { CellRange, Range } from "./ooxml";
import { partHashes, renderReport } from "./render";
import { tableFontSize } from "./styles";
import { checkAllXml, DocxError, readZip, setText, writeZip, xmlText } from "./zip";

interface CellChange {
  /** A readable cell name, e.g. 表三「一、本年新收政府信息公开申请数量」「自然人」. */
  where: string;
  old: string;
  new: string;
}

export interface PartUpdate {
  part: string;
  alias: string;
  old: string;
  new: string;
  /** For tables: the cells that changed. */
  cells?: CellChange[];
  /** Found by its printed labels, its control having been lost. */
  byLabel?: boolean;
}

export interface MissingPart {
  part: string;
  alias: string;
  hint: string;
}

export interface UpdateResult {
  bytes: Uint8Array;
  /** Parts whose content changed. */
  changed: PartUpdate[];
  /** Parts found and already up to date. */
  unchanged: string[];
  missing: MissingPart[];
  /** `ogi:` controls in the document that the fresh data no longer produces; left as they are. */
  orphans: string[];
}

const DOCUMENT = "word/document.xml";
const MISSING_HINT =
  "文档中找不到这一部分（内容控件可能已被删除，或经其他软件保存后丢失）。可重新生成报告，或在 Word 中用本加载项的“插入”把它插回原处后再更新。";

interface Edit extends Range {
  text: string;
}

function applyEdits(xml: string, edits: Edit[]): string {
  let out = xml;
  for (const e of [...edits].sort((a, b) => b.start - a.start))
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The runs of a fragment's paragraphs (for a control that sits inside a paragraph). */
function runsOf(fragment: string): string {
  return outermost(fragment, "w:p")
    .map((p) =>
      fragment
        .slice(p.start, p.end)
        .replace(/^<w:p\b[^>]*>/, "")
        .replace(/<\/w:p>$/, "")
        .replace(/<w:pPr\b[\s\S]*?<\/w:pPr>|<w:pPr\/>/, ""),
    )
    .join("");
}

const gridOf = (part: DocPart): TableGrid | undefined => {
  const b = part.blocks.find((x) => x.kind === "table");
  return b && b.kind === "table" ? b.grid : undefined;
};

/** Number cells of an expanded grid, in the order a word processor stores them, with their keys. */
function keyedCells(grid: TableGrid): (string | undefined)[][] {
  return expandGrid(grid).map((r) => r.map((p) => (p.merge === "continue" ? undefined : p.cell.key)));
}

function tableDiff(
  grid: TableGrid,
  format: ReportDocument["format"],
  oldCells: CellRange[][],
  newCells: CellRange[][],
): CellChange[] | undefined {
  if (oldCells.length !== newCells.length || oldCells.some((r, i) => r.length !== newCells[i].length))
    return undefined;
  const keys = keyedCells(grid);
  const out: CellChange[] = [];
  oldCells.forEach((row, i) =>
    row.forEach((c, j) => {
      const n = newCells[i][j].text;
      if (c.text !== n)
        out.push({
          where: keys[i]?.[j] ? cellName(keys[i][j] as string, format) : `第${i + 1}行第${j + 1}格`,
          old: c.text,
          new: n,
        });
    }),
  );
  return out;
}

/**
 * The three official tables found by their fixed labels, when their controls are gone: numbers written into
 * the existing number cells, nothing else touched.
 */
function updateTableByLabels(
  xml: string,
  table: Range,
  part: DocPart,
  doc: ReportDocument,
): { edits: Edit[]; cells: CellChange[]; rowsFound: number } {
  const grid = gridOf(part) as TableGrid;
  const rows = tableCells(xml, table);
  const edits: Edit[] = [];
  const cells: CellChange[] = [];
  let rowsFound = 0;
  const write = (cell: CellRange, key: string, text: string) => {
    if (cell.text === text) return;
    const runProps = `<w:rPr><w:sz w:val="${tableFontSize(part.id)}"/></w:rPr>`;
    edits.push({
      start: cell.start,
      end: cell.end,
      text: setCellText(xml.slice(cell.start, cell.end), text, runProps),
    });
    cells.push({ where: cellName(key, doc.format), old: cell.text, new: text });
  };
  // Each grid row with number cells: its label (the last label cell before the numbers) and its values.
  const labelled = grid.rows
    .map((r) => {
      const numbers = r.filter((c) => c.key);
      const labels = r.filter((c) => !c.key && !c.header);
      return { label: labels.length ? labels[labels.length - 1].text : "", numbers };
    })
    .filter((r) => r.numbers.length);
  if (part.id === "table4") {
    const values = labelled[0].numbers;
    const row = [...rows].reverse().find((r) => r.filter((c) => !c.continued).length >= values.length);
    if (row) {
      const own = row.filter((c) => !c.continued).slice(-values.length);
      own.forEach((c, i) => write(c, values[i].key as string, values[i].text));
      rowsFound = 1;
    }
    return { edits, cells, rowsFound };
  }
  for (const row of rows) {
    const own = row.filter((c) => !c.continued);
    const match = labelled.find((l) => own.some((c) => normalizeText(c.text) === normalizeText(l.label)));
    if (!match) continue;
    const labelAt = own.findIndex((c) => normalizeText(c.text) === normalizeText(match.label));
    const numberCells = own.slice(labelAt + 1, labelAt + 1 + match.numbers.length);
    if (numberCells.length !== match.numbers.length) continue;
    numberCells.forEach((c, i) => write(c, match.numbers[i].key as string, match.numbers[i].text));
    rowsFound++;
  }
  return { edits, cells, rowsFound };
}

/** Which fixed labels identify each official table. */
function signature(part: DocPart): string[] {
  const grid = gridOf(part) as TableGrid;
  const texts = grid.rows
    .flat()
    .map((c) => c.text)
    .filter(Boolean);
  if (part.id === "table3")
    return [
      texts.find((t) => t.startsWith("一、")) as string,
      texts.find((t) => t.startsWith("四、")) as string,
    ];
  if (part.id === "table4")
    return texts
      .slice(0, 2)
      .concat(texts.filter((t) => grid.rows[1].some((c) => c.text === t && c.colSpan === 5)));
  return [texts[0]];
}

export async function updateDocx(
  input: Uint8Array,
  label: string,
  fresh: ReportDocument,
  meta: Omit<ReportMeta, "hashes">,
): Promise<UpdateResult> {
  const zip = readZip(input, label);
  checkAllXml(zip, label);
  const xml = xmlText(zip, DOCUMENT, label);
  if (xml === undefined) throw new DocxError(`「${label}」不是 Word 文档（缺少 ${DOCUMENT}）`);

  const freshZip = readZip(await renderReport(fresh, meta), "新报告");
  const freshXml = xmlText(freshZip, DOCUMENT, "新报告") as string;
  const freshContent = new Map(
    findSdts(freshXml)
      .filter((s) => s.tag.startsWith(TAG_PREFIX))
      .map((s) => [s.tag.slice(TAG_PREFIX.length), freshXml.slice(s.content.start, s.content.end)]),
  );
  const parts = documentParts(fresh);
  const byId = new Map(parts.map((p) => [p.id, p]));

  const edits: Edit[] = [];
  const changed: PartUpdate[] = [];
  const unchanged = new Set<string>();
  const found = new Set<string>();
  const orphans: string[] = [];
  const controlled: Range[] = [];
  for (const sdt of findSdts(xml)) {
    if (!sdt.tag.startsWith(TAG_PREFIX)) continue;
    const id = sdt.tag.slice(TAG_PREFIX.length);
    const part = byId.get(id);
    const content = freshContent.get(id);
    if (!part || content === undefined) {
      orphans.push(id);
      continue;
    }
    if (controlled.some((r) => sdt.start > r.start && sdt.end <= r.end)) continue; // inside a part being replaced
    found.add(id);
    controlled.push(sdt);
    let next = content;
    if (sdt.inline) {
      if (part.blocks.some((b) => b.kind === "table")) {
        orphans.push(id);
        continue;
      }
      next = runsOf(content);
    }
    const old = xml.slice(sdt.content.start, sdt.content.end);
    const pr = xml.slice(sdt.pr.start, sdt.pr.end);
    if (/<w:showingPlcHdr\/>/.test(pr))
      edits.push({ ...sdt.pr, text: pr.replace(/<w:showingPlcHdr\/>/g, "") });
    // Same text (Word may have added rsids or split runs): leave the control exactly as it is.
    if (old === next || textOf(old) === textOf(next)) {
      unchanged.add(id);
      continue;
    }
    const grid = gridOf(part);
    const update: PartUpdate = { part: id, alias: part.alias, old: textOf(old), new: partText(part) };
    if (grid) {
      const oldTable = outermost(old, "w:tbl")[0];
      const newTable = outermost(next, "w:tbl")[0];
      if (oldTable && newTable)
        update.cells = tableDiff(grid, fresh.format, tableCells(old, oldTable), tableCells(next, newTable));
    }
    changed.push(update);
    edits.push({ ...sdt.content, text: next });
  }

  // Official tables whose controls are gone: find them by their fixed labels.
  const missing: MissingPart[] = [];
  const freeTables = outermost(xml, "w:tbl").filter(
    (t) => !controlled.some((r) => t.start > r.start && t.end <= r.end),
  );
  for (const part of parts) {
    if (found.has(part.id)) continue;
    if (gridOf(part)) {
      const sig = signature(part).map(normalizeText);
      const table = freeTables.find((t) => {
        const text = normalizeText(
          tableCells(xml, t)
            .flat()
            .map((c) => c.text)
            .join("|"),
        );
        return sig.every((s) => text.includes(s));
      });
      if (table) {
        const r = updateTableByLabels(xml, table, part, fresh);
        if (r.rowsFound) {
          edits.push(...r.edits);
          if (r.cells.length)
            changed.push({
              part: part.id,
              alias: part.alias,
              old: "",
              new: "",
              cells: r.cells,
              byLabel: true,
            });
          else unchanged.add(part.id);
          missing.push({
            part: part.id,
            alias: part.alias,
            hint: "内容控件已丢失，已按表格文字找到并更新了数字；如需恢复链接，可在 Word 中用本加载项的“插入”重新插入该表，替换原表。",
          });
          continue;
        }
      }
    }
    missing.push({ part: part.id, alias: part.alias, hint: MISSING_HINT });
  }

  const nextXml = applyEdits(xml, edits);
  if (nextXml !== xml) setText(zip, DOCUMENT, nextXml);
  addCustomXmlPart(zip, reportXml(fresh.tables, { ...meta, hashes: partHashes(fresh) }));
  return { bytes: writeZip(zip), changed, unchanged: [...unchanged], missing, orphans };
}
