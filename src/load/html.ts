/**
 * A saved web page (.html/.htm, or .mhtml/.mht as browsers save a page whole) as the report reader sees it:
 * its paragraphs and its tables as grids (rowspan/colspan placed the way browsers place them). The charset is
 * the one the file declares (BOM, <meta charset>, <meta http-equiv>, the MIME part's header); a page that
 * declares none is read as UTF-8 when it is valid UTF-8, else as GB18030 (which covers GBK and GB2312), as
 * many government portals serve. Parsing with htmlparser2 (tolerant of the HTML portals publish). A page's
 * publication date in its head — `<meta name="PubDate">` as government portals' CMSs (TRS, Hanweb) write it,
 * `publishdate`, gov.cn's `firstpublishedtime` — is carried as the text's `published` (read/published.ts orders
 * it before the text's own dates: it is when the page was published, which R1 asks).
 */
import { decodeText } from "../workbook/csv";
import { Parser } from "htmlparser2";
import { foldDocumentText } from "../report/read/cells";
import type { Grid, ReportDocumentText } from "../report/read/cells";
import { META_DATE_NAMES, metaPublished } from "../report/read/published";

/** The charset a page declares in its first bytes, if any. */
function declaredCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

/** Text of HTML bytes: the declared charset, else UTF-8 if valid, else GB18030 (../workbook/csv's rule). */
export const decodeHtml = (bytes: Uint8Array, charset: string | null = declaredCharset(bytes)): string =>
  decodeText(bytes, charset);

function quotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, "");
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === "=" ? /^[0-9A-Fa-f]{2}/.exec(text.slice(i + 1, i + 3)) : null;
    if (hex) {
      out.push(parseInt(hex[0], 16));
      i += 2;
    } else out.push(text.charCodeAt(i) & 0xff);
  }
  return Uint8Array.from(out);
}

function base64(body: string): Uint8Array {
  const bin = atob(body.replace(/\s+/g, ""));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** The HTML of an MHTML file: its first text/html part, decoded by its transfer encoding and charset. */
function mhtmlHtml(bytes: Uint8Array): string | null {
  const text = new TextDecoder("latin1").decode(bytes);
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(text.slice(0, 8192))?.[1];
  if (!boundary) return null;
  for (const part of text.split(`--${boundary}`)) {
    const split = /\r?\n\r?\n/.exec(part);
    if (!split) continue;
    const headers = part.slice(0, split.index);
    if (!/content-type:\s*text\/html/i.test(headers)) continue;
    const body = part.slice(split.index + split[0].length);
    const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1].toLowerCase();
    const raw =
      encoding === "quoted-printable"
        ? quotedPrintable(body)
        : encoding === "base64"
          ? base64(body)
          : Uint8Array.from(body, (c) => c.charCodeAt(0) & 0xff);
    const charset = /charset="?([\w-]+)/i.exec(headers)?.[1] ?? declaredCharset(raw);
    return decodeHtml(raw, charset ? charset.toLowerCase() : null);
  }
  return null;
}

/** Whether bytes are an MHTML archive (a MIME message with a multipart body). */
export const isMhtml = (bytes: Uint8Array) =>
  /^(?:[\w-]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?content-type:\s*multipart\//i.test(
    new TextDecoder("latin1").decode(bytes.subarray(0, 4096)),
  );

interface RawCell {
  text: string;
  rowSpan: number;
  colSpan: number;
}

/** Places cells with their spans into a grid, as browsers do. */
function place(rows: RawCell[][]): Grid {
  const grid: Grid = [];
  rows.forEach((cells, r) => {
    grid[r] = grid[r] ?? [];
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      for (let i = 0; i < cell.rowSpan; i++)
        for (let j = 0; j < cell.colSpan; j++) {
          grid[r + i] = grid[r + i] ?? [];
          grid[r + i][c + j] = i === 0 && j === 0 ? cell.text : null;
        }
      c += cell.colSpan;
    }
  });
  return grid.slice(0, rows.length).map((row) => Array.from(row, (x) => (x === undefined ? "" : x)));
}

const BLOCK = new Set(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "title", "section", "article"]);
const span = (v: string | undefined) => Math.max(1, Math.min(1000, Number.parseInt(v ?? "1", 10) || 1));

/** Paragraphs and tables of an HTML text. */
export function htmlText(html: string): ReportDocumentText {
  const paragraphs: string[] = [];
  const tables: Grid[] = [];
  const stack: { rows: RawCell[][]; cell: RawCell | null }[] = [];
  const metas = new Map<string, string>();
  let para = "";
  let skip = 0;
  const flush = () => {
    const t = para.replace(/\s+/g, " ").trim();
    if (t) paragraphs.push(t);
    para = "";
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const meta = name === "meta" && attrs.name ? attrs.name.trim().toLowerCase() : "";
        if (META_DATE_NAMES.includes(meta) && !metas.has(meta)) metas.set(meta, attrs.content ?? "");
        if (name === "script" || name === "style") skip++;
        else if (BLOCK.has(name) || name === "br") flush();
        else if (name === "table") stack.push({ rows: [], cell: null });
        else if (name === "tr") stack[stack.length - 1]?.rows.push([]);
        else if ((name === "td" || name === "th") && stack.length) {
          flush();
          const t = stack[stack.length - 1];
          if (!t.rows.length) t.rows.push([]);
          t.cell = { text: "", rowSpan: span(attrs.rowspan), colSpan: span(attrs.colspan) };
          t.rows[t.rows.length - 1].push(t.cell);
        }
        if ((name === "p" || name === "br" || name === "div") && stack.length) {
          const cell = stack[stack.length - 1].cell;
          if (cell && cell.text) cell.text += "\n";
        }
      },
      ontext(text) {
        if (skip) return;
        para += text;
        const cell = stack[stack.length - 1]?.cell;
        if (cell) cell.text += text;
      },
      onclosetag(name) {
        if (name === "script" || name === "style") skip = Math.max(0, skip - 1);
        else if (BLOCK.has(name)) flush();
        else if (name === "td" || name === "th") {
          flush();
          const t = stack[stack.length - 1];
          if (t?.cell) t.cell.text = t.cell.text.trim();
          if (t) t.cell = null;
        } else if (name === "table") {
          const t = stack.pop();
          if (t) tables.push(place(t.rows.filter((r) => r.length)));
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  flush();
  const published = META_DATE_NAMES.map((n) => metaPublished(metas.get(n) ?? "")).find((d) => d !== null);
  return {
    paragraphs: paragraphs.filter((p) => !/^[\s|]*$/.test(p)),
    tables,
    ...(published ? { published } : {}),
  };
}

/** A web page file (.html/.htm/.mhtml/.mht) as text for the reader. */
export function pageText(bytes: Uint8Array): ReportDocumentText {
  const html = isMhtml(bytes) ? mhtmlHtml(bytes) : decodeHtml(bytes);
  if (html === null) throw new Error("MHTML 文件中没有网页（text/html）部分");
  return foldDocumentText(htmlText(html));
}
