/**
 * The page's bytes: UTF-8 by default, or GBK for the older CMSs that take nothing else (GB2312/GBK/GB18030 sites).
 * GBK is the two-byte part of GB18030: its codes come from the platform's own GB18030 decoder run once over the
 * two-byte range (lead 0x81–0xFE, trail 0x40–0xFE but 0x7F) and turned round, lazily, the first time a page is
 * encoded — so a page reads back exactly through the same decoder any reader (ours: src/load/html.ts) uses. A
 * character GBK has no code for (an emoji, a rare ideograph outside GBK) is written as an HTML numeric character
 * reference, `&#x…;`, which every browser and CMS shows as the character: never a "?" and never a four-byte
 * GB18030 sequence an old GBK system would misread. ASCII stays one byte.
 */

export type PageEncoding = "utf-8" | "gbk";

/** How the page declares its charset (<meta charset>) for each encoding. */
export const CHARSET: Record<PageEncoding, string> = { "utf-8": "utf-8", gbk: "GBK" };

/** The encoding named by --encoding (utf-8, utf8; gbk, gb18030, gb2312, cp936), or null for another name. */
export function pageEncoding(name: string): PageEncoding | null {
  const n = name.trim().toLowerCase();
  if (n === "utf-8" || n === "utf8") return "utf-8";
  if (/^(gbk|gb18030|gb2312|cp936|x-gbk)$/.test(n)) return "gbk";
  return null;
}

let codes: Map<number, number> | null = null;

/** Each character GBK encodes (by code point) → its two bytes as one number (lead << 8 | trail). */
function gbkCodes(): Map<number, number> {
  if (codes) return codes;
  // Every pair followed by a newline, decoded at once: a pair the decoder has no character for gives U+FFFD
  // (and its trail byte back, when ASCII), so each line holding exactly one other character is that pair's.
  const pairs: number[] = [];
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) if (b !== 0x7f) pairs.push(a, b, 0x0a);
  const lines = new TextDecoder("gb18030").decode(Uint8Array.from(pairs)).split("\n");
  const map = new Map<number, number>();
  let i = 0;
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const line = lines[i++] ?? "";
      const cp = line.codePointAt(0);
      if (
        cp !== undefined &&
        cp !== 0xfffd &&
        line.length === String.fromCodePoint(cp).length &&
        !map.has(cp)
      )
        map.set(cp, (a << 8) | b);
    }
  codes = map;
  return map;
}

/** Text as GBK bytes; characters GBK cannot encode as `&#x…;`. */
export function encodeGbk(text: string): Uint8Array {
  const map = gbkCodes();
  const out = new Uint8Array(text.length * 2 + 16);
  let bytes = out;
  let n = 0;
  const push = (b: number) => {
    if (n === bytes.length) {
      const more = new Uint8Array(bytes.length * 2);
      more.set(bytes);
      bytes = more;
    }
    bytes[n++] = b;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    const code = cp < 0x80 ? -1 : map.get(cp);
    if (code === -1) push(cp);
    else if (code !== undefined) {
      push(code >> 8);
      push(code & 0xff);
    } else for (const c of `&#x${cp.toString(16).toUpperCase()};`) push(c.charCodeAt(0));
  }
  return bytes.slice(0, n);
}

/** The page's bytes in the chosen encoding. */
export function encodePage(html: string, encoding: PageEncoding): Uint8Array {
  return encoding === "gbk" ? encodeGbk(html) : new TextEncoder().encode(html);
}
