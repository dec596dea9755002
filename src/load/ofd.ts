/**
 * An OFD report (GB/T 33190-2016, the fixed-layout format of 电子公文 systems) read like a PDF one: its
 * pages become the same positioned text and drawn lines (pdfLayout.ts's PdfPage, in points with y up) and
 * go through the same pdfDocumentText, so its paragraphs and ruled tables are rebuilt exactly as a PDF's.
 * The package goes through src/zip's checked reader first (names, sizes, CRCs, caps), and only the XML parts
 * the pages need are inflated (never images, fonts or signatures); a part with a DOCTYPE is refused before
 * it is parsed. OFD.xml → DocBody → DocRoot (Document.xml) → its pages and template pages; a page's
 * TextObjects (TextCode X/Y and DeltaX, its `g n v` repeat among them) and PathObjects (AbbreviatedData),
 * through Layers, PageBlocks, CompositeObjects and CTMs, millimetres with y down turned into points with y
 * up. Rotated text is left out (a document of only that is said to be so, not called a scan); signatures,
 * seals and annotations are not read (a seal is no text: a sealed report's pages read as they are). DocInfo's CreationDate comes as a weak `published`, as a PDF's creation
 * date does. Every refusal is a Chinese sentence naming the file, and the work is bounded: pages, objects
 * and lines per page, text, XML elements and depth.
 */
import { SaxesParser } from "saxes";
import { foldDocumentText } from "../report/read/cells";
import type { ReportDocumentText } from "../report/read/cells";
import { DATE_SOURCES, pdfCreated } from "../report/read/published";
import type { PublishedDate } from "../report/read/published";
import { declaresDoctype, inflateEntryChunks, isMedia, readPackage } from "../zip/read";
import type { ZipEntry } from "../zip/read";
import { apply, MAX_PAGES, multiply, SCANNED } from "./pdf";
import type { Matrix } from "./pdf";
import { hasText, pdfDocumentText } from "./pdfLayout";
import type { PdfItem, PdfPage, PdfRule } from "./pdfLayout";

/** Objects (text, paths, images, blocks) a page may draw, its template's included. */
export const MAX_OBJECTS = 200_000;
/** Characters of text a document may hold: an annual report has some tens of thousands. */
export const MAX_TEXT = 2_000_000;
/** Axis-aligned lines a page may draw (its tables' cells have a few hundred). */
export const MAX_RULES = 20_000;
/** Elements of one XML part (a page of MAX_OBJECTS objects has some three times as many); their depth. */
const MAX_ELEMENTS = 600_000;
const MAX_DEPTH = 100;
/** Points per millimetre. */
const PT = 72 / 25.4;

/** Whether bytes are a zip that names an OFD.xml (the entry is looked for precisely by ofdText). */
export function isOfd(bytes: Uint8Array): boolean {
  if (bytes.length < 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  const needle = Array.from("ofd.xml", (c) => c.charCodeAt(0));
  // The first entry's local header, and the central directory at the end.
  const has = (from: number, to: number) => {
    outer: for (let i = Math.max(0, from); i + needle.length <= to; i++) {
      for (let j = 0; j < needle.length; j++)
        if ((bytes[i + j] | (j === 3 ? 0 : 0x20)) !== needle[j]) continue outer;
      return true;
    }
    return false;
  };
  const head = Math.min(bytes.length, 65536);
  return has(0, head) || has(Math.max(head - 8, bytes.length - 4 * 1048576), bytes.length);
}

/** An XML element: local name (prefix dropped), attributes by local name, children, its own text. */
type Node = { name: string; attrs: Record<string, string>; kids: Node[]; text: string };
const local = (n: string) => n.slice(n.indexOf(":") + 1);
const kid = (n: Node | undefined, name: string) => n?.kids.find((k) => k.name === name);
const kids = (n: Node | undefined, name: string) => n?.kids.filter((k) => k.name === name) ?? [];
const tokens = (s: string | undefined) =>
  (s ?? "")
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean);
const numbers = (s: string | undefined) => tokens(s).map(Number);
const num = (s: string | undefined, or: number) => {
  const n = s === undefined || s.trim() === "" ? NaN : Number(s);
  return Number.isFinite(n) ? n : or;
};

/** The text of a part: UTF-8, or GB18030 where its declaration says GB2312, GBK or GB18030. */
function decode(bytes: Uint8Array): string {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const encoding = /encoding\s*=\s*["']([\w-]+)["']/i.exec(head)?.[1] ?? "";
  return new TextDecoder(/^(gb2312|gbk|gb18030)$/i.test(encoding) ? "gb18030" : "utf-8").decode(bytes);
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** DeltaX or DeltaY as advances, `g n v` standing for v n times; at most `limit` of them. */
export function deltas(s: string | undefined, limit: number): number[] {
  const t = tokens(s);
  const out: number[] = [];
  for (let i = 0; i < t.length && out.length < limit; i++)
    if (t[i] === "g" || t[i] === "G") {
      const [n, v] = [Number(t[i + 1]), Number(t[i + 2])];
      for (let k = 0; k < n && out.length < limit; k++) out.push(Number.isFinite(v) ? v : 0);
      i += 2;
    } else out.push(Number.isFinite(Number(t[i])) ? Number(t[i]) : 0);
  return out;
}

/** A character's advance, estimated as pdf.ts does: full width for CJK and full-width forms, half for the rest. */
const advance = (ch: string, size: number) => (/[\u2e80-\uffef]/.test(ch) ? size : size * 0.55);

const ARITY: Record<string, number> = { S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0, Z: 0 };

/** The straight runs of an AbbreviatedData path, each handed to `each` as its points (a curve ends one). */
export function subpaths(data: string, each: (pts: [number, number][]) => void): void {
  let cur: [number, number][] = [];
  const end = () => cur.length > 1 && each(cur);
  let cmd = "";
  let args: number[] = [];
  const run = (c: string, a: number[]) => {
    if (c === "S" || c === "M") {
      end();
      cur = [[a[0], a[1]]];
    } else if (c === "L") {
      if (!cur.length) cur = [[0, 0]];
      cur.push([a[0], a[1]]);
    } else if (c === "C" || c === "Z") {
      if (cur.length > 1) cur.push(cur[0]);
      end();
      cur = cur.length ? [cur[0]] : [];
    } else {
      end();
      cur = [[a[a.length - 2], a[a.length - 1]]];
    }
  };
  for (const m of data.matchAll(/[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g)) {
    const tok = m[0];
    if (/^[A-Za-z]$/.test(tok)) {
      cmd = tok.toUpperCase() in ARITY ? tok.toUpperCase() : "";
      args = [];
      if (cmd && ARITY[cmd] === 0) run(cmd, args);
    } else if (cmd && ARITY[cmd]) {
      args.push(Number(tok));
      if (args.length === ARITY[cmd]) {
        run(cmd, args);
        args = [];
        // Numbers that go on without a letter repeat it (a move goes on as lines).
        if (cmd === "S" || cmd === "M") cmd = "L";
      }
    }
  }
  end();
}

/** Characters of a TextCode run together: where the first stands, where the last stands and ends. */
type Piece = Record<"x" | "y" | "last" | "end", number> & { str: string };

/** Thrown inside the XML parser when a part passes the element caps (then refused in a sentence). */
const OVER = new Error("over");

/** OFD.xml's CreationDate ("2026-01-20", or with a time and zone) as a weak published date. */
export function ofdCreated(raw: string | undefined): PublishedDate | null {
  const m =
    /^(\d{4})-?(\d{1,2})-?(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(
      (raw ?? "").trim(),
    );
  if (!m) return null;
  const two = (s: string) => s.padStart(2, "0");
  const zone = !m[7] ? "" : m[7] === "Z" ? "Z" : `${m[7].slice(0, 3)}'${m[7].slice(-2)}'`;
  const time = m[4] ? `${two(m[4])}${m[5]}${m[6] ?? "00"}${zone}` : "";
  const date = pdfCreated(`D:${m[1]}${two(m[2])}${two(m[3])}${time}`);
  return date && { ...date, source: DATE_SOURCES.ofd };
}

/** An OFD's pages as pdfLayout.ts reads a PDF's, and its creation date; refusals as ofdText's. */
export function ofdPages(
  bytes: Uint8Array,
  name: string,
): { pages: PdfPage[]; published: PublishedDate | null; rotated: number } {
  const zip = readPackage(bytes, name, {
    kind: "ofd",
    need: (n) => /\.xml$/i.test(n) && !isMedia(n),
    lazy: () => true,
  });
  const files = new Map<string, ZipEntry>(zip.entries.map((e) => [e.name.toLowerCase(), e]));
  const has = (path: string) => files.has(path.toLowerCase());
  /** A part's path from a location written in `dir`'s part: relative to it, or from the root ("/…"). */
  const locate = (dir: string, loc: string): string => {
    const parts = loc.trim().startsWith("/") || !dir ? [] : dir.split("/");
    for (const p of loc.trim().replace(/\\/g, "/").split("/"))
      if (p === "..") parts.pop();
      else if (p && p !== ".") parts.push(p);
    const path = parts.join("/");
    // Some producers write a location from the package's root without its "/": found there.
    const rooted = loc.trim().replace(/^\/+/, "");
    return has(path) || !has(rooted) ? path : rooted;
  };
  const dirOf = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf("/")));
  const parsed = new Map<string, Node>();
  /**
   * A part's root element; `missing` and `broken` say which part, in the sentence the caller gives. Kept for
   * the next asking (templates, resources), but for a page's own part, dropped once the page is read.
   */
  const xml = (path: string, missing: string, broken: (why: string) => string, keep = true): Node => {
    const known = parsed.get(path.toLowerCase());
    if (known) return known;
    const entry = files.get(path.toLowerCase());
    if (!entry?.raw && !entry?.data) throw new Error(missing);
    const chunks: Uint8Array[] = [];
    inflateEntryChunks(entry, name, (c) => chunks.push(c));
    const data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (data.set(c, at), at + c.length), 0);
    if (declaresDoctype(data))
      throw new Error(
        `「${name}」中的「${entry.name}」包含 DOCTYPE 或实体声明（可能是恶意构造的文件），已拒绝处理`,
      );
    const root: Node = { name: "", attrs: {}, kids: [], text: "" };
    const stack = [root];
    let count = 0;
    const parser = new SaxesParser();
    parser.on("opentag", (tag) => {
      if (++count > MAX_ELEMENTS || stack.length > MAX_DEPTH) throw OVER;
      const attrs: Record<string, string> = {};
      for (const [k, v] of Object.entries(tag.attributes)) attrs[local(k)] = v;
      const node: Node = { name: local(tag.name), attrs, kids: [], text: "" };
      stack[stack.length - 1].kids.push(node);
      stack.push(node);
    });
    parser.on("closetag", () => void stack.pop());
    parser.on("text", (t) => void (stack[stack.length - 1].text += t));
    parser.on("cdata", (t) => void (stack[stack.length - 1].text += t));
    parser.on("error", (e) => {
      throw e;
    });
    try {
      parser.write(decode(data)).close();
    } catch (e) {
      if (e === OVER)
        throw new Error(`「${name}」中的「${entry.name}」内容过多或嵌套过深，不像正常的报告，已拒绝读取`);
      const where = (e as Error).message.replace(/^(?:[^:]*:)?(\d+):(\d+): /, "第$1行第$2列：");
      throw new Error(broken(`不是完整的 XML：${where}`));
    }
    if (!root.kids[0]) throw new Error(broken("没有内容"));
    if (keep) parsed.set(path.toLowerCase(), root.kids[0]);
    return root.kids[0];
  };
  const part = (path: string, what: string) =>
    xml(
      path,
      `「${name}」缺少${what}（${path}），文件已损坏`,
      (why) => `「${name}」的${what}（${path}）${why}，文件已损坏`,
    );

  const ofdPath = zip.entries.find((e) => e.name.toLowerCase() === "ofd.xml")?.name;
  if (!ofdPath) throw new Error(`「${name}」不是 OFD 文件（其中没有 OFD.xml）`);
  const body = kid(part(ofdPath, "文件入口"), "DocBody");
  const rootLoc = kid(body, "DocRoot")?.text.trim();
  if (!body || !rootLoc)
    throw new Error(`「${name}」不是有效的 OFD 文件（OFD.xml 中没有 DocBody 或 DocRoot）`);
  const docPath = locate("", rootLoc);
  const doc = part(docPath, "文档内容");
  const docDir = dirOf(docPath);
  const common = kid(doc, "CommonData");
  const boxOf = (n: Node | undefined) => {
    const [x, y, w, h] = numbers(n?.text);
    return [x, y, w, h].every(Number.isFinite) && w > 0 && h > 0 ? { x, y, w, h } : null;
  };
  const docBox = boxOf(kid(kid(common, "PageArea"), "PhysicalBox")) ?? { x: 0, y: 0, w: 210, h: 297 };
  const templates = new Map(kids(common, "TemplatePage").map((t) => [t.attrs.ID, t.attrs.BaseLoc]));
  const refs = kids(kid(doc, "Pages"), "Page");
  if (refs.length > MAX_PAGES)
    throw new Error(`「${name}」有 ${refs.length} 页，超过 ${MAX_PAGES} 页，不像一份年度报告，已拒绝读取`);
  if (!refs.length) throw new Error(`「${name}」中没有任何页面，文件已损坏`);

  let units: Map<string, Node> | null = null;
  /** A CompositeGraphicUnit of the document's resources, read when a CompositeObject first asks. */
  const unit = (id: string | undefined) => {
    if (!units) {
      units = new Map();
      for (const res of [...kids(common, "PublicRes"), ...kids(common, "DocumentRes")]) {
        const path = locate(docDir, res.text);
        if (!has(path)) continue;
        for (const group of kids(part(path, "资源"), "CompositeGraphicUnits"))
          for (const u of kids(group, "CompositeGraphicUnit")) units.set(u.attrs.ID, u);
      }
    }
    return id === undefined ? undefined : units.get(id);
  };

  let chars = 0;
  /** Text objects left out as rotated, mirrored or vertical: a page of only these is no scan. */
  let rotated = 0;
  const page = (ref: Node, n: number): PdfPage => {
    const loc = ref.attrs.BaseLoc;
    const path = loc ? locate(docDir, loc) : "目录中没有写明其位置";
    const content = xml(
      path,
      `「${name}」缺少第 ${n} 页的内容（${path}），文件已损坏`,
      (why) => `「${name}」第 ${n} 页的内容（${path}）无法读取（${why}），文件已损坏`,
      false,
    );
    const box = boxOf(kid(kid(content, "Area"), "PhysicalBox")) ?? docBox;
    const toPt = ([x, y]: [number, number]): [number, number] => [(x - box.x) * PT, (box.y + box.h - y) * PT];
    const items: PdfItem[] = [];
    const rules: PdfRule[] = [];
    let objects = 0;
    const rule = (r: PdfRule) => {
      const [dx, dy] = [Math.abs(r.x2 - r.x1), Math.abs(r.y2 - r.y1)];
      // Only what pdfLayout takes for a rule: thin one way, longer than its tolerance the other.
      if (!((dy <= 2.5 && dx > 2) || (dx <= 2.5 && dy > 2))) return;
      if (rules.push(r) > MAX_RULES)
        throw new Error(`「${name}」第 ${n} 页画的线条超过 ${MAX_RULES} 条，不像正常的报告，已拒绝读取`);
    };
    const text = (o: Node, m: Matrix) => {
      const [a, b, c, d] = m;
      // Rotated or mirrored text, and text written vertically, is left out.
      if (
        Math.abs(b) + Math.abs(c) > 1e-3 * (Math.abs(a) + Math.abs(d)) ||
        a <= 0 ||
        d <= 0 ||
        num(o.attrs.ReadDirection, 0) !== 0 ||
        num(o.attrs.CharDirection, 0) !== 0
      ) {
        rotated++;
        return;
      }
      const size = num(o.attrs.Size, 0);
      if (!(size > 0)) return;
      const sizePt = size * d * PT;
      let [X, Y] = [0, 0];
      for (const code of kids(o, "TextCode")) {
        [X, Y] = [num(code.attrs.X, X), num(code.attrs.Y, Y)];
        const list = [...code.text];
        if ((chars += list.length) > MAX_TEXT)
          throw new Error(`「${name}」中的文字超过 ${MAX_TEXT / 10000} 万字，不像一份年度报告，已拒绝读取`);
        const dx = deltas(code.attrs.DeltaX, list.length);
        const dy = deltas(code.attrs.DeltaY, list.length);
        let [x, y] = [X, Y];
        let piece: Piece | null = null;
        const pieces: Piece[] = [];
        for (const [i, ch] of list.entries()) {
          const [px, py] = toPt(apply(m, x, y));
          x += dx[i] ?? advance(ch, size);
          y += dy[i] ?? 0;
          // A piece ends at a space, and where the next character stands apart: more than a character's width
          // after it (the next cell of a row), back before it, or on another line.
          const apart =
            piece && (Math.abs(py - piece.y) > 0.5 || px - piece.end > sizePt || px < piece.last - 0.5);
          if (piece && (apart || /\s/.test(ch))) piece = null;
          if (/\s/.test(ch)) continue;
          if (!piece) pieces.push((piece = { str: "", x: px, y: py, last: px, end: px }));
          piece.str += ch;
          piece.last = px;
          piece.end = px + advance(ch, sizePt);
        }
        for (const p of pieces) items.push({ str: p.str, x: p.x, y: p.y, w: p.end - p.x, size: sizePt });
      }
    };
    const drawing = (o: Node, m: Matrix) => {
      const [stroke, fill] = [o.attrs.Stroke !== "false", o.attrs.Fill === "true"];
      const data = kid(o, "AbbreviatedData")?.text;
      if ((!stroke && !fill) || !data) return;
      subpaths(data, (sub) => {
        const pts = sub.map(([x, y]) => toPt(apply(m, x, y)));
        if (stroke)
          for (let k = 1; k < pts.length; k++)
            rule({ x1: pts[k - 1][0], y1: pts[k - 1][1], x2: pts[k][0], y2: pts[k][1] });
        if (fill && pts.length >= 3) {
          const [xs, ys] = [pts.map((p) => p[0]), pts.map((p) => p[1])];
          const [x1, x2, y1, y2] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          // A thin filled rectangle is a rule (as pdf.ts takes it); a wide one is shading.
          if (Math.min(x2 - x1, y2 - y1) <= 2.5) rule({ x1, y1, x2, y2 });
        }
      });
    };
    /** An object's own space in the page's: its CTM, then its Boundary's top-left, then where it stands. */
    const place = (o: Node, m: Matrix): Matrix => {
      const [bx, by] = numbers(o.attrs.Boundary);
      const ctm = numbers(o.attrs.CTM);
      const own = (ctm.length === 6 && ctm.every(Number.isFinite) ? ctm : IDENTITY) as Matrix;
      const at = (v: number | undefined) => (Number.isFinite(v) ? (v as number) : 0);
      return multiply(multiply(own, [1, 0, 0, 1, at(bx), at(by)]), m);
    };
    const walk = (node: Node | undefined, m: Matrix, depth: number) => {
      for (const o of node?.kids ?? []) {
        if (/^(Text|Path|Image|Composite)Object$|^PageBlock$/.test(o.name) && ++objects > MAX_OBJECTS)
          throw new Error(
            `「${name}」第 ${n} 页的图文对象超过 ${MAX_OBJECTS} 个，不像正常的报告，已拒绝读取`,
          );
        if (o.attrs.Visible === "false") continue;
        if (o.name === "Layer" || o.name === "PageBlock") walk(o, m, depth);
        else if (o.name === "TextObject") text(o, place(o, m));
        else if (o.name === "PathObject") drawing(o, place(o, m));
        else if (o.name === "CompositeObject") {
          const inner = place(o, m);
          walk(o, inner, depth + 1);
          const u = depth < 8 ? unit(o.attrs.ResourceID) : undefined;
          if (u) walk(kid(u, "Content"), inner, depth + 1);
        }
      }
    };
    for (const t of kids(content, "Template")) {
      const tloc = templates.get(t.attrs.TemplateID);
      const tpath = tloc ? locate(docDir, tloc) : `模板 ${t.attrs.TemplateID ?? ""} 没有定义`;
      const tpl = xml(
        tpath,
        `「${name}」缺少第 ${n} 页的模板（${tpath}），文件已损坏`,
        (why) => `「${name}」第 ${n} 页的模板（${tpath}）无法读取（${why}），文件已损坏`,
      );
      walk(kid(tpl, "Content"), IDENTITY, 0);
    }
    walk(kid(content, "Content"), IDENTITY, 0);
    return { items, rules, right: box.w * PT };
  };
  const pages = refs.map((ref, i) => page(ref, i + 1));
  return { pages, published: ofdCreated(kid(kid(body, "DocInfo"), "CreationDate")?.text), rotated };
}

/**
 * An OFD's paragraphs and tables. Throws a Chinese sentence naming the file for a file that is no OFD, one the
 * zip layer refuses, a missing or unreadable part (which page), a DOCTYPE, too many pages, objects or text,
 * and a document whose pages hold no text (a scan).
 */
export function ofdText(bytes: Uint8Array, name: string): ReportDocumentText {
  const { pages, published, rotated } = ofdPages(bytes, name);
  if (!hasText(pages))
    throw new Error(
      rotated
        ? `「${name}」中的文字都是旋转或竖排的（如整页转了方向的表格），本工具不能读取；请提供 Word、网页或 PDF 版本`
        : `「${name}」是${SCANNED}`,
    );
  return { ...foldDocumentText(pdfDocumentText(pages)), ...(published ? { published } : {}) };
}
