/**
 * What the RTF reader (./rtf) knows of RTF's words: the destinations it skips, the control words it acts on,
 * the characters control words and symbols stand for, and the code pages of a document's text — its \ansicpg,
 * and its fonts' charsets (\fcharset) and code pages (\cpg) read from the font table. Bytes (\'hh, or raw)
 * decode in the current font's charset when it names one (134 GBK, 136 Big5, 128 Shift-JIS, 129 Korean, the
 * Windows ones), else in Word's double-byte font (\dbch with \af) when that is a CJK one, else in the document's
 * code page; a Western font's bytes (\fcharset0) in a Chinese document read as Chinese where they are valid,
 * else as Windows-1252. TextDecoder decodes (the WHATWG encodings, in Node and every browser), Windows-1252 aside.
 */

/** Destinations whose text is no part of the body: skipped whole (\*\… ones are skipped unless in READ_STARRED). */
export const SKIPPED = new Set(
  (
    "colortbl stylesheet info pict object objdata result header headerl headerr headerf footer footerl footerr " +
    "footerf footnote listtable listoverridetable themedata colorschememapping datastore latentstyles xmlnstbl " +
    "rsidtbl generator bkmkstart bkmkend fldinst filetbl revtbl pgdsctbl shp shpinst shprslt nonshppict do xe tc " +
    "tcn txe rxe annotation atnid atnauthor atnref atndate atnicn atrfstart atrfend comment template userprops " +
    "docvar private pn pntxta pntxtb mmathPr ftnsep ftnsepc ftncn aftnsep aftnsepc aftncn blipuid panose falt " +
    "fname keycode background nonesttables listpicture wgrffmtfilter passwordhash protusertbl pgptbl formfield " +
    "datafield leveltext levelnumbers listname sp sn sv hl hlfr hlloc hlsrc mhtmltag htmltag oldcprops " +
    "oldpprops oldsprops oldtprops"
  ).split(" "),
);
/** {\*\…} destinations read: the Unicode half of \upr, and a nested table's row definition. */
export const READ_STARRED = new Set(["ud", "nesttableprops", "listtext", "pntext"]);

/** Characters some control words stand for. */
export const SYMBOLS = new Map(
  Object.entries({
    emdash: "\u2014",
    endash: "\u2013",
    bullet: "\u2022",
    lquote: "\u2018",
    rquote: "\u2019",
    ldblquote: "\u201c",
    rdblquote: "\u201d",
    emspace: "\u2003",
    enspace: "\u2002",
    qmspace: "\u2005",
    zwbo: "\u200b",
    zwnbo: "\u2060",
    line: "\n",
    tab: "\t",
  }),
);
/** Control symbols that stand for a character: \\ \{ \} \~ (no-break space) \_ (no-break hyphen). */
export const ESCAPES: Record<number, string> = {
  0x5c: "\\",
  0x7b: "{",
  0x7d: "}",
  0x7e: "\u00a0",
  0x5f: "-",
};

/** The control words ./rtf acts on. Those after which bytes decode differently, or go elsewhere. */
export const DECODING = new Set(
  "f af dbch loch hich plain deff ansicpg mac deleted listtext pntext fldrslt".split(" "),
);
/** A row definition's words (./rtfTables). */
export const TABLE_WORDS = new Set("trowd trleft cellx clvmgf clvmrg clmgf clmrg".split(" "));
/** Every control word this reader acts on: the rest (formatting) are passed over at once. */
export const ACTED_ON = new Set([
  ...DECODING,
  ...TABLE_WORDS,
  ...SYMBOLS.keys(),
  ..."par sect page u cell nestcell row nestrow uc bin fonttbl upr ud fcharset cpg pard intbl itap".split(
    " ",
  ),
]);
/** Text without control characters other than tab and line feed (LibreOffice writes some in its fields). */
export function withoutControls(s: string): string {
  let out = "";
  let from = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a) [out, from] = [out + s.slice(from, k), k + 1];
  }
  return from ? out + s.slice(from) : s;
}
export const isLetter = (b: number) => (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a);
export const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
export function hexValue(b: number | undefined): number {
  if (b === undefined) return -1;
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  const l = b | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x61 + 10 : -1;
}

/** Windows charsets (\fcharset) and their encodings (WHATWG labels, as TextDecoder takes them). */
const CHARSETS = new Map(
  (
    "77 macintosh,128 shift_jis,129 euc-kr,130 euc-kr,134 gbk,136 big5,161 windows-1253,162 windows-1254," +
    "163 windows-1258,177 windows-1255,178 windows-1256,186 windows-1257,204 windows-1251,222 windows-874," +
    "238 windows-1250"
  )
    .split(",")
    .map((e) => e.split(" "))
    .map(([n, enc]) => [Number(n), enc]),
);
/** Windows code pages (\ansicpg, \cpg) other than 1250–1258. */
const CODE_PAGES = new Map(
  (
    "874 windows-874,932 shift_jis,936 gbk,20936 gbk,54936 gb18030,949 euc-kr,950 big5,866 ibm866," +
    "10000 macintosh,65001 utf-8"
  )
    .split(",")
    .map((e) => e.split(" "))
    .map(([n, enc]) => [Number(n), enc]),
);
/** The double-byte encodings: a byte 0x81–0xFE begins a character of two. */
export const DBCS = new Set(["gbk", "gb18030", "big5", "shift_jis", "euc-kr"]);

function codePage(cp: number): string | null {
  return cp >= 1250 && cp <= 1258 ? `windows-${cp}` : (CODE_PAGES.get(cp) ?? null);
}

const decoders = new Map<string, TextDecoder>();
function decoder(encoding: string, fatal: boolean): TextDecoder {
  const key = `${encoding}${fatal ? "!" : ""}`;
  let d = decoders.get(key);
  if (!d) {
    try {
      d = new TextDecoder(encoding, { fatal });
    } catch {
      d = new TextDecoder("windows-1252", { fatal });
    }
    decoders.set(key, d);
  }
  return d;
}

interface Font {
  charset?: number;
  cpg?: number;
}

/** How a run of bytes decodes: in `encoding`, or (when it is not valid there) in `orElse`. */
export interface Encoding {
  encoding: string;
  orElse?: string;
}

export class RtfCharsets {
  private readonly fonts = new Map<number, Font>();
  private document = "windows-1252";
  private documentSet = false;

  /** \ansicpg (\mac before it: the Macintosh character set). */
  codePage(cp: number | "mac"): void {
    const e = cp === "mac" ? "macintosh" : codePage(cp);
    if (e && !this.documentSet) this.document = e;
    if (e && cp !== "mac") this.documentSet = true;
  }

  /** A font table entry's \fcharset or \cpg. */
  define(font: number, key: "charset" | "cpg", value: number): void {
    this.fonts.set(font, { ...this.fonts.get(font), [key]: value });
  }

  /** A symbol font's (\fcharset2: Symbol, Wingdings): its characters are pictures (a list's bullet). */
  isSymbol(font: number): boolean {
    return this.fonts.get(font)?.charset === 2;
  }

  /** The encoding of text in a font, with Word's associated font (\af) where \dbch is on. */
  encodingOf(font: number, af: number, dbch: boolean): Encoding {
    const f = this.fonts.get(font);
    const own = fontEncoding(f);
    if (own) return { encoding: own };
    const associated = dbch ? fontEncoding(this.fonts.get(af)) : null;
    if (associated && DBCS.has(associated)) return { encoding: associated };
    // A Western font's bytes in a Chinese document: Chinese where they read as such (Word writes a CJK run's
    // bytes in the document's code page whatever its Western font), else the Western code page.
    if (f?.charset === 0 || f?.charset === 2)
      return DBCS.has(this.document)
        ? { encoding: this.document, orElse: "windows-1252" }
        : { encoding: "windows-1252" };
    return { encoding: this.document };
  }
}

function fontEncoding(font: Font | undefined): string | null {
  if (!font) return null;
  const cpg = font.cpg !== undefined ? codePage(font.cpg) : null;
  if (cpg) return cpg;
  if (font.charset === undefined || font.charset <= 2) return null;
  return CHARSETS.get(font.charset) ?? null;
}

/**
 * Windows-1252's 0x80–0x9F (“ ” – — € and the like). Node's TextDecoder decodes windows-1252 as Latin-1 and drops
 * these (Node 20); browsers do not. The other bytes are Latin-1's.
 */
const CP1252 = [
  ...[0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d],
  ...[
    0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  ],
  ...[0x153, 0x9d, 0x17e, 0x178],
];
function windows1252(bytes: Uint8Array): string {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252[b - 0x80] : b);
  return s;
}

/** Bytes decoded in an encoding. */
export function decodeBytes(bytes: Uint8Array, { encoding, orElse }: Encoding): string {
  if (encoding === "windows-1252") return windows1252(bytes);
  try {
    return decoder(encoding, orElse !== undefined).decode(bytes);
  } catch {
    return orElse === "windows-1252"
      ? windows1252(bytes)
      : decoder(orElse ?? "windows-1252", false).decode(bytes);
  }
}
