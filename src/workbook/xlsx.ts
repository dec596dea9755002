/**
 * Our .xlsx reader (ExcelJS only writes): the package checked by src/zip first (its caps, names, CRCs and the
 * DOCTYPE check before any XML is read), then workbook.xml → its relationships → the sheets, the shared
 * strings and the styles. A sheet's part stays compressed until somebody reads that sheet's rows: a workbook
 * of twelve monthly sheets and a chart costs only the sheets the engine looks at. Hidden and very hidden
 * sheets are read and marked; chart and dialog sheets are not worksheets and are left out.
 */
import type { Cell, SheetData, WorkbookData } from "../report/common/cells";
import { declaresDoctype, inflateEntryChunks, isMedia, PackageError, readPackage } from "../zip/read";
import type { ZipEntry, ZipFile } from "../zip/read";
import { MAX_CELL_CHARS, stringItem } from "./cellText";
import type { SheetContext } from "./cellValue";
import { CellTooLongError, SheetFormatError, SheetParser } from "./sheet";
import { RowWindows } from "./sheetBytes";
import { ascii, isName, newTag, nextTag, readTag } from "./xmlBytes";
import { decodeXml } from "../report/common/xmlEntities";

/** A file that cannot be read as a workbook, with a Chinese message saying why and what to do. */
export class WorkbookReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookReadError";
  }
}

/** Why a part with a DOCTYPE is refused (it may declare entities that expand without bound). */
const declaresEntities = (part: string) =>
  `中的「${part}」包含 DOCTYPE 或实体声明（可能是恶意构造的文件），已拒绝处理`;

/** The refusal of `label`'s file for `why` (a sentence that follows 「文件」). */
export const refusal = (label: string, why: string) =>
  new WorkbookReadError(`无法读取「${label}」：文件${why}`);

/** A package refused by src/zip, in the words of a workbook. */
function packageRefusal(label: string, e: unknown): unknown {
  if (!(e instanceof PackageError)) return e;
  return refusal(
    label,
    e.corrupt
      ? `已损坏或不是有效的 .xlsx 工作簿（${e.why.replace(/^已损坏/, "").replace(/^（(.*)）$/, "$1")}），请用 Excel 打开后重新保存再试`
      : e.why,
  );
}

const decoder = new TextDecoder();

/**
 * Start and self-closing tags of a small part, with their attributes (names without prefixes). No "<" inside a tag
 * (XML allows none in an attribute value): a tag left open is given up at the next "<", so every attempt scans
 * only up to it, whatever the part holds.
 */
function* elements(xml: string): Generator<{ name: string; attrs: Record<string, string> }> {
  for (const m of xml.matchAll(
    /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=<>/]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*\/?>/g,
  )) {
    const attrs: Record<string, string> = {};
    for (const a of m[2].matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const full = a[1];
      const value = decodeXml(a[2] ?? a[3] ?? "");
      attrs[full] = value;
      const local = full.slice(full.indexOf(":") + 1);
      if (!(local in attrs)) attrs[local] = value;
    }
    yield { name: m[1].slice(m[1].indexOf(":") + 1), attrs };
  }
}

/** A part's path from a relationship target, relative to the part that names it (`base`: its folder). */
function partPath(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base ? base.split("/") : [];
  for (const p of target.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

interface Relationship {
  type: string;
  target: string;
}

function relationships(xml: string | undefined): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  for (const e of elements(xml))
    if (e.name === "Relationship" && e.attrs.Id)
      out.set(e.attrs.Id, { type: e.attrs.Type ?? "", target: e.attrs.Target ?? "" });
  return out;
}

/** Built-in number formats that show dates or times: 14–22 and 45–47, and the CJK ones (27–36, 50–58). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** Excel's longest number format code: one past it was not written by Excel, and is read as no date. */
const MAX_FORMAT_CODE = 255;

/**
 * Whether a number format code shows a date or time: a y, m, d, h or s (or b, e, g of the Buddhist and East
 * Asian eras) outside quoted text, escaped characters and [brackets] such as [$-804] or [Red]; elapsed-time
 * brackets ([h], [mm]) count. "General" is no date.
 */
export function isDateFormat(code: string): boolean {
  if (code.length > MAX_FORMAT_CODE) return false;
  const s = code
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/_.|\*./g, "")
    .replace(/\[(h+|m+|s+)\]/gi, "$1")
    .replace(/\[[^\]]*\]/g, "")
    .replace(/general/gi, "");
  return /[ymdhsbeg]/i.test(s.split(";")[0]);
}

/**
 * Whether number format `id` shows a date: by its code where the file defines one (`custom`, id → code), else by
 * the built-in ids. The .xls reader (./xls) decides its styles by this too.
 */
export function showsDate(id: number, custom: Map<number, string>): boolean {
  const code = custom.get(id);
  return code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id);
}

/** The cell styles (cellXfs) that show dates. */
function dateStyles(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const out: boolean[] = [];
  let inCellXfs = false;
  for (const m of xml.matchAll(/<(\/?)(?:\w+:)?(numFmt|cellXfs|xf)\b([^<>]*)>/g)) {
    const [, closing, name, rest] = m;
    if (name === "cellXfs") inCellXfs = !closing && !rest.trimEnd().endsWith("/");
    else if (closing) continue;
    else if (name === "numFmt") {
      const id = /\bnumFmtId\s*=\s*"(\d+)"/.exec(rest);
      const code = /\bformatCode\s*=\s*"([^"]*)"/.exec(rest);
      if (id && code) custom.set(Number(id[1]), decodeXml(code[1]));
    } else if (inCellXfs) {
      out.push(showsDate(Number(/\bnumFmtId\s*=\s*"(\d+)"/.exec(rest)?.[1] ?? 0), custom));
    }
  }
  return out;
}

const SI = ascii("si");

/**
 * The shared strings table, and the items past Excel's limit of a cell (index → length), which are counted and
 * left undecoded: only a cell that shows one is refused (naming it), a string nobody shows costs nothing more.
 */
function sharedStrings(xml: Uint8Array | undefined): Pick<SheetContext, "strings" | "tooLong"> {
  const out: string[] = [];
  let tooLong: Map<number, number> | undefined;
  if (!xml) return { strings: out };
  const tag = newTag();
  let i = 0;
  for (let lt = nextTag(xml, 0); lt >= 0; lt = nextTag(xml, i)) {
    readTag(xml, lt, tag);
    i = tag.end;
    if (!tag.closing && isName(xml, tag, SI)) {
      if (tag.selfClosing) out.push("");
      else {
        const item = stringItem(xml, i, tag);
        if (item.length > MAX_CELL_CHARS) (tooLong ??= new Map()).set(out.length, item.length);
        out.push(item.value);
        i = item.end;
      }
    }
  }
  return tooLong ? { strings: out, tooLong } : { strings: out };
}

const WORKSHEET = /\/worksheet$/;

/**
 * Reads an .xlsx held in memory; `label` names the file in messages. Sheets are parsed when their rows are first
 * read. Throws WorkbookReadError with a Chinese message for anything unreadable, then or when a sheet is read.
 */
export function readXlsx(bytes: Uint8Array, label: string): WorkbookData {
  let zip: ZipFile;
  try {
    zip = readPackage(bytes, label, {
      kind: "xlsx",
      need: (name) => !isMedia(name),
      lazy: (name) => /^xl\/worksheets\/[^/]+\.xml$/i.test(name),
    });
  } catch (e) {
    throw packageRefusal(label, e);
  }
  const refuse = (why: string) => refusal(label, why);
  const entry = (name: string): ZipEntry | undefined => zip.entries.find((e) => e.name === name);
  const textOf = (name: string) => {
    const d = entry(name)?.data;
    return d ? decoder.decode(d) : undefined;
  };
  const mimetype = textOf("mimetype");
  if (mimetype?.startsWith("application/vnd.oasis.opendocument"))
    throw refuse("是 OpenDocument 格式（.ods/.odt）的文件，请在 WPS 或 LibreOffice 中“另存为” .xlsx 后再试");
  if (entry("word/document.xml")) throw refuse("是 Word 文档，不是 Excel 工作簿");
  const rootRels = relationships(textOf("_rels/.rels"));
  const officeDoc = [...rootRels.values()].find((r) => /\/officeDocument$/.test(r.type));
  const workbookPath = officeDoc ? partPath("", officeDoc.target) : "xl/workbook.xml";
  const workbook = textOf(workbookPath);
  if (workbook === undefined) throw refuse("不是 Excel 工作簿（缺少 xl/workbook.xml）");
  for (const e of zip.entries)
    if (e.data && /\.(xml|rels)$/i.test(e.name) && declaresDoctype(e.data))
      throw refuse(declaresEntities(e.name));
  const base = workbookPath.includes("/") ? workbookPath.slice(0, workbookPath.lastIndexOf("/")) : "";
  const relsPath = `${base ? base + "/" : ""}_rels/${workbookPath.slice(base ? base.length + 1 : 0)}.rels`;
  const rels = relationships(textOf(relsPath));
  const byType = (re: RegExp) => [...rels.values()].find((r) => re.test(r.type));
  const stringsRel = byType(/\/sharedStrings$/);
  const stylesRel = byType(/\/styles$/);
  const ctx: SheetContext = {
    ...sharedStrings(stringsRel ? entry(partPath(base, stringsRel.target))?.data : undefined),
    dateStyles: dateStyles(stylesRel ? textOf(partPath(base, stylesRel.target)) : undefined),
    date1904: false,
    dates: new Map(),
  };
  const sheets: SheetData[] = [];
  for (const e of elements(workbook)) {
    if (e.name === "workbookPr") ctx.date1904 = e.attrs.date1904 === "1" || e.attrs.date1904 === "true";
    if (e.name !== "sheet") continue;
    const name = e.attrs.name ?? "";
    const rel = rels.get(e.attrs["r:id"] ?? e.attrs.id ?? "");
    if (!rel) throw refuse(`已损坏：工作表「${name}」在 xl/workbook.xml 中登记了，却找不到它的数据部件`);
    if (!WORKSHEET.test(rel.type)) continue; // a chart sheet or a dialog sheet
    const part = partPath(base, rel.target);
    const found = entry(part);
    if (!found) throw refuse(`已损坏：工作表「${name}」的数据部件「${part}」缺失，文件不完整`);
    const state = e.attrs.state;
    const hidden = state === "hidden" || state === "veryHidden" ? state : undefined;
    sheets.push(lazySheet(name, found, ctx, label, hidden));
  }
  return { sheets, source: label };
}

/** A sheet whose part is inflated and parsed the first time its rows (or merges) are read. */
function lazySheet(
  name: string,
  part: ZipEntry,
  ctx: SheetContext,
  label: string,
  hidden: "hidden" | "veryHidden" | undefined,
): SheetData {
  let parsed: { rows: Cell[][]; merges: SheetData["merges"] } | null = null;
  const parse = () => {
    if (parsed) return parsed;
    const parser = new SheetParser(ctx);
    // Parsed a window of whole rows at a time as the part is inflated: the part is never whole in memory.
    let started = false;
    const window = (buf: Uint8Array) => {
      if (!started) {
        started = true;
        if (declaresDoctype(buf)) throw refusal(label, declaresEntities(part.name));
      }
      parser.feed(buf);
    };
    const windows = new RowWindows(window);
    try {
      inflateEntryChunks(part, label, (chunk) => windows.push(chunk));
      const rest = windows.rest();
      window(rest);
      parsed = parser.finish(rest);
    } catch (e) {
      if (e instanceof CellTooLongError)
        throw refusal(
          label,
          `中工作表「${name}」的${e.message}（Excel 和 WPS 都存不下这样的单元格），不像台账；请检查这个单元格，删去多余的文字后重新保存再试`,
        );
      if (e instanceof SheetFormatError)
        throw refusal(
          label,
          `已损坏或不是有效的 .xlsx 工作簿：其中的表格数据无法解析（工作表「${name}」：${e.message}），请用 Excel 打开后重新保存再试`,
        );
      throw packageRefusal(label, e);
    }
    return parsed;
  };
  const sheet: SheetData = {
    name,
    get rows() {
      return parse().rows;
    },
    set rows(rows: Cell[][]) {
      parsed = { rows, merges: parsed?.merges ?? [] };
    },
    get merges() {
      return parse().merges;
    },
    firstRow: 1,
  };
  if (hidden) sheet.hidden = hidden;
  return sheet;
}
