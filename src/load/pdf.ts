/**
 * A PDF report's text layer, read with pdf.js (pdfjs-dist, Mozilla's reader: CID fonts and their ToUnicode
 * maps, the predefined Chinese CMaps of PDFs whose fonts are not embedded, broken cross-reference tables
 * rebuilt), and handed to pdfLayout.ts as positioned text and drawn lines. pdf.js is loaded only when a PDF
 * is read, by the loader the surface gives (usePdfJs: the command line requires it, the panes import it as a
 * separate chunk). Our own checks stand in front of it: the file must start like a PDF, its compressed
 * streams are inflated first with a cap (a stream that would inflate past it is refused before pdf.js
 * decodes anything), and it may have at most MAX_PAGES pages. A scan (no text at all), a password, a broken
 * file: each a Chinese sentence naming the file. The file's creation date (its Info dictionary's CreationDate,
 * by pdf.js's getMetadata, the same on the command line and in the panes) comes with the text as a weak
 * `published`: the last resort for R1 when the report's text gives no date (read/published.ts).
 */
import { Unzlib } from "fflate";
import { hasText, pdfDocumentText } from "./pdfLayout";
import type { PdfItem, PdfPage, PdfRule } from "./pdfLayout";
import { foldDocumentText } from "../report/read/cells";
import type { ReportDocumentText } from "../report/read/cells";
import { pdfCreated } from "../report/read/published";
import type { PublishedDate } from "../report/read/published";

/** What we use of pdf.js's module. */
export interface PdfJsModule {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDoc>; destroy(): Promise<void> };
  OPS: Record<string, number>;
}
interface PdfDoc {
  numPages: number;
  getPage(n: number): Promise<PdfPageProxy>;
  /** The Info dictionary (CreationDate as written: D:20260120103000+08'00') and the XMP metadata. */
  getMetadata?(): Promise<{ info?: Record<string, unknown> }>;
  destroy(): Promise<void>;
}
interface PdfPageProxy {
  /** The page's box, [x1, y1, x2, y2]. */
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup(): void;
}

export interface PdfJsSetup {
  lib: PdfJsModule;
  /** Where pdf.js finds its CMaps (a folder path or URL ending with "/"), for PDFs with fonts not embedded. */
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

let loader: (() => Promise<PdfJsSetup>) | null = null;
let loaded: Promise<PdfJsSetup> | null = null;

/** Sets how pdf.js is loaded on this surface (called once by the command line's entry and by the panes). */
export function usePdfJs(load: (() => Promise<PdfJsSetup>) | null): void {
  loader = load;
  loaded = null;
}

/** Pages a report may have: a longer PDF is not an annual report (and would take long to read). */
export const MAX_PAGES = 200;
/** What a PDF's compressed streams may inflate to in all (a report's fonts and pages are a few MB). */
export const MAX_INFLATED = 200 * 1024 * 1024;

const latin1 = (bytes: Uint8Array) => new TextDecoder("latin1").decode(bytes);

/** Whether bytes are a PDF (its header within the first kilobyte, as readers accept). */
export const isPdf = (bytes: Uint8Array): boolean => latin1(bytes.subarray(0, 1024)).includes("%PDF-");

/**
 * Compressed bytes given to the inflater at a time. Deflate expands at most about 1 032 times, so each piece
 * comes out as at most about 1 MB, counted and dropped: a bomb never holds more than that at once.
 */
const PUSH = 1024;

/**
 * Inflates every zlib stream of the file without keeping what comes out, stopping at the cap: throws where
 * the file's streams would inflate past MAX_INFLATED (a bomb), before pdf.js is given it.
 */
export function checkStreams(bytes: Uint8Array, name: string, cap = MAX_INFLATED): void {
  const text = latin1(bytes);
  let total = 0;
  const re = /stream\r?\n/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (text.slice(Math.max(0, m.index - 3), m.index) === "end") continue;
    const start = m.index + m[0].length;
    // zlib's header: a deflate stream (CM 8) whose first two bytes are a multiple of 31.
    if ((bytes[start] & 0x0f) !== 8 || ((bytes[start] << 8) | bytes[start + 1]) % 31 !== 0) continue;
    const end = text.indexOf("endstream", start);
    const body = bytes.subarray(start, end < 0 ? bytes.length : end);
    const inflater = new Unzlib((chunk) => {
      total += chunk.length;
    });
    try {
      for (let i = 0; i < body.length && total <= cap; i += PUSH)
        inflater.push(body.subarray(i, i + PUSH), i + PUSH >= body.length);
    } catch {
      // A stream that is not valid deflate is pdf.js's to judge (it skips or repairs it).
    }
    if (total > cap)
      throw new Error(`「${name}」中的压缩内容解压后超过 ${cap / 1048576} MB，不像正常的报告，已拒绝读取`);
    re.lastIndex = Math.max(re.lastIndex, end < 0 ? text.length : end);
  }
}

/** An affine matrix [a b c d e f]: x' = a·x + c·y + e, y' = b·x + d·y + f (PDF's, and OFD's CTM). */
export type Matrix = [number, number, number, number, number, number];
/** m, then n. */
export const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
export const apply = (m: Matrix, x: number, y: number): [number, number] => [
  x * m[0] + y * m[2] + m[4],
  x * m[1] + y * m[3] + m[5],
];

/** The straight lines a page draws: stroked segments, and filled rectangles thin enough to be a rule. */
function pageRules(ops: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>): PdfRule[] {
  const rules: PdfRule[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const strokes = new Set(
    ["stroke", "closeStroke", "fillStroke", "eoFillStroke", "closeFillStroke", "closeEOFillStroke"].map(
      (k) => OPS[k],
    ),
  );
  const fills = new Set(
    ["fill", "eoFill", "fillStroke", "eoFillStroke", "closeFillStroke", "closeEOFillStroke"].map(
      (k) => OPS[k],
    ),
  );
  ops.fnArray.forEach((fn, i) => {
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform && args) ctm = multiply(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0]))
        ctm = multiply(Array.from(args[0] as number[]) as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath && args) {
      const op = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | null)?.[0];
      if (!data || (!strokes.has(op) && !fills.has(op))) return;
      for (const sub of subpaths(data)) {
        const pts = sub.map(([x, y]) => apply(ctm, x, y));
        if (strokes.has(op))
          for (let k = 1; k < pts.length; k++)
            rules.push({ x1: pts[k - 1][0], y1: pts[k - 1][1], x2: pts[k][0], y2: pts[k][1] });
        if (fills.has(op) && pts.length >= 3) {
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          // A thin filled rectangle is a rule (Word and browsers draw borders so); a wide one is shading.
          if (Math.min(x2 - x1, y2 - y1) <= 2.5) rules.push({ x1, y1, x2, y2 });
        }
      }
    }
  });
  return rules;
}

/** The points of each subpath of pdf.js's path data (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4). */
function subpaths(d: ArrayLike<number>): [number, number][][] {
  const out: [number, number][][] = [];
  let cur: [number, number][] = [];
  for (let i = 0; i < d.length;) {
    const op = d[i];
    if (op === 0) {
      if (cur.length > 1) out.push(cur);
      cur = [[d[i + 1], d[i + 2]]];
      i += 3;
    } else if (op === 1) {
      cur.push([d[i + 1], d[i + 2]]);
      i += 3;
    } else if (op === 2) {
      // A curve is no rule: the subpath ends at it.
      if (cur.length > 1) out.push(cur);
      cur = [[d[i + 5], d[i + 6]]];
      i += 7;
    } else if (op === 3) {
      if (cur.length > 1) out.push(cur);
      cur = [[d[i + 3], d[i + 4]]];
      i += 5;
    } else if (op === 4) {
      if (cur.length) cur.push(cur[0]);
      if (cur.length > 1) out.push(cur);
      cur = cur.length ? [cur[0]] : [];
      i += 1;
    } else break;
  }
  if (cur.length > 1) out.push(cur);
  return out;
}

interface TextItem {
  str?: string;
  transform?: number[];
  width?: number;
}

/** A character's advance, estimated: full width for CJK and full-width forms, about half for the rest. */
const advance = (ch: string, size: number) => (/[\u2e80-\uffef]/.test(ch) ? size : size * 0.55);

/**
 * pdf.js joins text that lies close on one line into one item, a space for each gap — the numbers of two
 * narrow neighbouring cells among them ("351 13"). Each run between spaces becomes its own piece again, at
 * the place its characters' widths put it (the gaps take what the characters leave of the item's width).
 */
function splitAtSpaces(it: PdfItem): PdfItem[] {
  const runs = it.str.split(/(\s+)/).filter((r) => r !== "");
  if (runs.length < 2) return [it];
  const chars = [...it.str.replace(/\s+/g, "")];
  const text = chars.reduce((n, ch) => n + advance(ch, it.size), 0);
  const spaces = [...it.str].length - chars.length;
  const scale = text > it.w ? it.w / text : 1;
  const gap = text < it.w ? (it.w - text) / spaces : 0;
  const out: PdfItem[] = [];
  let x = it.x;
  for (const run of runs) {
    const n = [...run].length;
    if (/^\s+$/.test(run)) x += gap * n;
    else {
      const w = [...run].reduce((m, ch) => m + advance(ch, it.size), 0) * scale;
      out.push({ ...it, str: run, x, w });
      x += w;
    }
  }
  return out;
}

function pageItems(content: { items: unknown[] }): PdfItem[] {
  const out: PdfItem[] = [];
  for (const raw of content.items) {
    const it = raw as TextItem;
    if (typeof it.str !== "string" || !it.transform) continue;
    const [a, b, , , e, f] = it.transform;
    out.push(...splitAtSpaces({ str: it.str, x: e, y: f, w: it.width ?? 0, size: Math.hypot(a, b) || 1 }));
  }
  return out;
}

/** The Chinese sentence for pdf.js's refusal of a file. */
function refusal(e: unknown, name: string): Error {
  const kind = (e as { name?: string }).name ?? "";
  if (kind === "PasswordException")
    return new Error(`「${name}」设有打开密码，无法读取；请提供没有密码的版本（或 Word、网页版本）`);
  if (kind === "InvalidPDFException" || kind === "FormatError")
    return new Error(`「${name}」不是有效的 PDF 文件（文件已损坏或不完整）`);
  return new Error(`「${name}」无法作为 PDF 读取（${(e as Error).message ?? String(e)}）`);
}

/** The file's creation date, weak; none where pdf.js gives none or it is no date. */
async function created(doc: PdfDoc): Promise<PublishedDate | null> {
  try {
    const raw = (await doc.getMetadata?.())?.info?.CreationDate;
    return typeof raw === "string" ? pdfCreated(raw) : null;
  } catch {
    return null;
  }
}

export const SCANNED = "扫描件，没有可读取的文字；请提供 Word 或网页版本";

/** Said of a PDF whose text has no ruled table: its tables were drawn without borders (or it has none). */
export const UNRULED =
  "中没有带框线的表格（表格没有框线时，无法可靠地分清各栏的数字）；请提供 Word 或网页版本，或带框线的 PDF";

/**
 * A PDF's paragraphs and tables. `onPage(done, total)` reports progress. Throws a Chinese sentence naming the
 * file for a file that is no PDF, a bomb, a password, a broken file, too many pages, or a scan.
 */
export async function pdfText(
  bytes: Uint8Array,
  name: string,
  onPage?: (done: number, total: number) => void,
): Promise<ReportDocumentText> {
  if (!isPdf(bytes)) throw new Error(`「${name}」不是 PDF 文件（没有 PDF 文件头）`);
  checkStreams(bytes, name);
  if (!loader) throw new Error("此处不能读取 PDF（没有 PDF 读取组件）");
  loaded ??= loader();
  const { lib, cMapUrl, standardFontDataUrl } = await loaded;
  // pdf.js takes the buffer over: it gets a copy, the caller keeps its bytes.
  const task = lib.getDocument({
    data: bytes.slice(),
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
    ...(standardFontDataUrl ? { standardFontDataUrl } : {}),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  let doc: PdfDoc;
  try {
    doc = await task.promise;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    throw refusal(e, name);
  }
  try {
    if (doc.numPages > MAX_PAGES)
      throw new Error(`「${name}」有 ${doc.numPages} 页，超过 ${MAX_PAGES} 页，不像一份年度报告，已拒绝读取`);
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      let page: PdfPageProxy;
      try {
        page = await doc.getPage(n);
        const [content, ops] = await Promise.all([page.getTextContent(), page.getOperatorList()]);
        pages.push({ items: pageItems(content), rules: pageRules(ops, lib.OPS), right: page.view[2] });
        page.cleanup();
      } catch (e) {
        throw refusal(e, name);
      }
      onPage?.(n, doc.numPages);
    }
    if (!hasText(pages)) throw new Error(`「${name}」是${SCANNED}`);
    const published = await created(doc);
    return { ...foldDocumentText(pdfDocumentText(pages)), ...(published ? { published } : {}) };
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}
