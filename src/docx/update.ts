/**
 * Updating a report in place: the content of every `ogi:` content control is replaced with the same part
 * rendered from fresh data, and the custom XML part is rewritten; every other byte of document.xml and every
 * other part of the package stays as it was. A document whose controls were lost (LibreOffice drops their
 * tags) still gets its three official tables updated, found by their fixed labels, number cells only.
 * Returns what changed (part, old → new) and what was missing. Never writes: the caller saves the bytes.
 */
import { documentParts, partHashes, partText, TAG_PREFIX } from "../report/text/document";
import type { ReportDocument } from "../report/text/document";
import { cellName, expandGrid } from "../report/tables/layout";
import type { TableGrid } from "../report/tables/layout";
import type { CellChange, PartUpdate, UpdateResult } from "./changes";
import { addCustomXmlPart, reportXml } from "./customxml";
import type { ReportMeta } from "./customxml";
import { findSdts, outermost, tableCells, textOf } from "./ooxml";
import type { CellRange, Range } from "./ooxml";
import { gridOf, recoverTables } from "./byLabel";
import type { Edit } from "./byLabel";
import { refuseOutOfBounds } from "./bounds";
import { renderReport } from "./render";
import { PictureCarrier } from "./pictures";
import { checkAllXml, DocxError, readZip, setText, writeZip, xmlFault, xmlText } from "./zip";

const DOCUMENT = "word/document.xml";

/** The edits applied in one pass, in document order: each byte kept is copied once, however many edits there are. */
function applyEdits(xml: string, edits: Edit[]): string {
  const out: string[] = [];
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out.push(xml.slice(at, e.start), e.text);
    at = e.end;
  }
  out.push(xml.slice(at));
  return out.join("");
}

/**
 * How many copies of one of our parts a report may hold: a control pasted twice is updated twice, but thousands
 * of copies of 表三 would each get the whole table — a document of gigabytes from a file of a few kilobytes.
 */
const MAX_COPIES = 10;

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

/** What a part's pictures say they show (their alt text's description), in order. */
const descriptionOf = (fragment: string): string =>
  [...fragment.matchAll(/<wp:docPr\b[^>]*\sdescr="([^"]*)"/g)].map((m) => m[1]).join("\n");

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

export async function updateDocx(
  input: Uint8Array,
  label: string,
  fresh: ReportDocument,
  meta: Omit<ReportMeta, "hashes">,
): Promise<Omit<UpdateResult, "stale">> {
  const zip = readZip(input, label);
  refuseOutOfBounds(zip, label);
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
  const pictures = new PictureCarrier(zip, freshZip, xml, label);
  const replaced: string[] = [];
  const byId = new Map(parts.map((p) => [p.id, p]));

  const edits: Edit[] = [];
  const changed: PartUpdate[] = [];
  const unchanged = new Set<string>();
  const found = new Set<string>();
  const orphans: string[] = [];
  const controlled: Range[] = [];
  const sdts = findSdts(xml);
  const copies = new Map<string, number>();
  for (const sdt of sdts)
    if (sdt.tag.startsWith(TAG_PREFIX)) copies.set(sdt.tag, (copies.get(sdt.tag) ?? 0) + 1);
  for (const [tag, n] of copies) {
    const part = byId.get(tag.slice(TAG_PREFIX.length));
    if (part && n > MAX_COPIES)
      throw new DocxError(
        `「${label}」中「${part.alias}」（${tag}）有 ${n} 份，超过 ${MAX_COPIES} 份，不像本工具生成的报告，没有写出任何文件；请删去多余的副本，或用“生成报告”重新生成一份`,
      );
  }
  for (const sdt of sdts) {
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
    // Same text (Word may have added rsids or split runs), or a picture of the same numbers (its description
    // holds them all): leave the control exactly as it is.
    const picture = part.blocks.some((b) => b.kind === "picture");
    if (
      old === next ||
      (picture ? descriptionOf(old) === descriptionOf(next) : textOf(old) === textOf(next))
    ) {
      unchanged.add(id);
      continue;
    }
    const grid = gridOf(part);
    const update: PartUpdate = {
      part: id,
      alias: part.alias,
      old: picture ? descriptionOf(old) : textOf(old),
      new: partText(part),
      ...(picture ? { picture } : {}),
    };
    if (grid) {
      const oldTable = outermost(old, "w:tbl")[0];
      const newTable = outermost(next, "w:tbl")[0];
      if (oldTable && newTable)
        update.cells = tableDiff(grid, fresh.format, tableCells(old, oldTable), tableCells(next, newTable));
    }
    changed.push(update);
    replaced.push(old);
    edits.push({ ...sdt.content, text: pictures.carry(next) });
  }

  // Official tables whose controls are gone: found by their fixed labels.
  const recovered = recoverTables(xml, parts, found, controlled, fresh);
  edits.push(...recovered.edits);
  changed.push(...recovered.changed);
  for (const id of recovered.unchanged) unchanged.add(id);
  const missing = recovered.missing;
  if (!found.size && !orphans.length && !recovered.changed.length && !recovered.unchanged.length)
    throw new DocxError(
      `「${label}」中既没有本工具生成的部分，也找不到表二、表三、表四，不是本工具能更新的报告；可用“生成报告”重新生成一份`,
    );

  const nextXml = applyEdits(xml, edits);
  if (nextXml !== xml) setText(zip, DOCUMENT, nextXml);
  pictures.finish(replaced, nextXml);
  const before = new Map(zip.entries.map((e) => [e.name, e.data]));
  addCustomXmlPart(zip, reportXml(fresh.tables, { ...meta, hashes: partHashes(fresh) }));
  const written = new Set(zip.entries.filter((e) => e.data !== before.get(e.name)).map((e) => e.name));
  if (nextXml !== xml) written.add(DOCUMENT);
  // What we write must open: every part we changed is checked again before the package is made (the parts
  // we did not touch were checked when read, and are written back as they were).
  for (const e of zip.entries)
    if (e.data && /\.(xml|rels)$/i.test(e.name) && written.has(e.name)) {
      const fault = xmlFault(new TextDecoder().decode(e.data));
      if (fault)
        throw new DocxError(
          `更新「${label}」得到的「${e.name}」不是完整的 XML（${fault}），没有写出任何文件`,
        );
    }
  const bytes = writeZip(zip);
  return { bytes, changed, unchanged: [...unchanged], missing, orphans };
}
