/**
 * An RTF report (.rtf, or saved by Word or WPS as RTF under the name .doc) as the report reader sees it: the
 * body's paragraphs outside tables and every table as a grid (./rtfTables), in the .docx reader's conventions.
 *
 * One pass over the bytes, whatever their size: groups nested deeper than MAX_GROUP_DEPTH, or more text than
 * MAX_RTF_CHARS, are refused with a sentence. Destinations that are no part of the body's text (font and colour
 * tables, styles, pictures, objects, headers and footers, footnotes, lists' definitions, bookmarks, every
 * {\*\…} this reader does not know) are skipped; the font table is read for its fonts' charsets. Text is
 * decoded as Word decodes it: \'hh bytes (a run of them together, as GBK writes a character in two) and raw
 * bytes in the font's charset (\fcharset134 GBK, 136 Big5, …) or the document's \ansicpg; \uN (negative N
 * counted from 65536; surrogate pairs as two) with its \ucN fallback characters skipped. A field reads as its
 * result (\fldrslt), a list paragraph with its number (\listtext, as the .docx reader prefixes it; a bullet
 * without). Text marked deleted (\deleted, a tracked change) is left out, as the .docx reader leaves w:delText.
 */
import type { ReportDocumentText } from "../report/read/cells";
import * as words from "./rtfWords";
import { DBCS, decodeBytes, hexValue, isDigit, isLetter, RtfCharsets, withoutControls } from "./rtfWords";
import type { Encoding } from "./rtfWords";
import { RtfTables } from "./rtfTables";

/** Groups nested deeper than this are no document's. */
export const MAX_GROUP_DEPTH = 2000;
/** The most characters of text (paragraphs and cells) read: a report has some tens of thousands. */
export const MAX_RTF_CHARS = 10_000_000;

/** Whether bytes are RTF: `{\rtf` after an optional UTF-8 BOM and whitespace. */
export function isRtf(bytes: Uint8Array): boolean {
  return rtfStart(bytes) >= 0;
}

function rtfStart(bytes: Uint8Array): number {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && i < 4096 && (bytes[i] === 0x20 || (bytes[i] >= 0x09 && bytes[i] <= 0x0d))) i++;
  const head = String.fromCharCode(...bytes.subarray(i, i + 5));
  return head === "{\\rtf" ? i : -1;
}

/** What a group carries and restores when it ends. */
interface State {
  /** Fallback characters after \uN. */
  uc: number;
  font: number;
  /** The associated font (\af) and whether \dbch text follows: Word's double-byte text may be in it. */
  af: number;
  dbch: boolean;
  dest: "text" | "fonttbl" | "list";
  /** The group ends a list number (\listtext) when it closes. */
  listOwner: boolean;
  /** The group is a field's result (\fldrslt): where its text began in the paragraph. */
  result: { at: number; breaks: number } | null;
  /** Text dropped: the ANSI half of \upr. */
  drop: boolean;
  deleted: boolean;
  intbl: boolean;
  itap: number;
}

/** ASCII text (the bytes below 0x80 are the same in Windows-1252), read in runs of at most RUN bytes. */
const ascii = new TextDecoder("windows-1252");
const RUN = 65536;

class RtfReader {
  private i: number;
  private readonly stack: State[] = [];
  private st: State = {
    ...{ uc: 1, font: 0, af: 0, dbch: false, dest: "text", listOwner: false, result: null },
    ...{ drop: false, deleted: false, intbl: false, itap: 0 },
  };
  private readonly charsets = new RtfCharsets();
  /** The font the font table is defining, and the default font (\deff). */
  private defining = 0;
  private deff = 0;
  /** \'hh and raw bytes not yet decoded; whether the last one is a double-byte character's first. */
  private pending: number[] = [];
  private leadOpen = false;
  /** The current text's encoding, worked out again after a flush (fonts change only after one). */
  private enc: Encoding | null = null;
  /** Fallback characters still to skip after a \uN. */
  private toSkip = 0;
  /** After \*: the next control word names a destination, skipped unless known. */
  private star = false;
  private para = "";
  /** A list number (\listtext) being read; whether it is in a symbol font (a bullet). */
  private list = "";
  private listSymbol = false;
  private chars = 0;
  /** Paragraphs and cells ended so far; whether the last character of text was a carriage return (\u13). */
  private breaks = 0;
  private lastCR = false;
  private unbalanced = false;
  private readonly paragraphs: string[] = [];
  private readonly tables: RtfTables;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly name: string,
  ) {
    this.i = rtfStart(bytes);
    if (this.i < 0) throw new Error(`「${name}」不是 RTF 文件（没有以 {\\rtf 开头）`);
    this.tables = new RtfTables(
      (n) => this.count(n),
      () => {
        throw new Error(`「${name}」中的表格过大，无法读取`);
      },
    );
  }

  read(): ReportDocumentText {
    const b = this.bytes;
    const n = b.length;
    while (this.i < n) {
      const c = b[this.i];
      if (c === 0x7b) {
        this.i++;
        this.openGroup();
      } else if (c === 0x7d) {
        this.i++;
        if (!this.closeGroup()) {
          // The document's group is closed: anything but whitespace after it is a brace too many before.
          for (let k = this.i; k < n && !this.unbalanced; k++) if (b[k] > 0x20) this.unbalanced = true;
          break;
        }
      } else if (c === 0x5c) this.control();
      else if (c === 0x0d || c === 0x0a) this.i++;
      else this.text();
    }
    if (this.stack.length) this.unbalanced = true;
    this.flush();
    if (this.para.trim()) this.paragraphEnd();
    const tables = this.tables.tables();
    if (this.unbalanced && !this.paragraphs.length && !tables.length)
      throw new Error(`「${this.name}」的 RTF 结构不完整（大括号不配对），读不出文字`);
    return { paragraphs: this.paragraphs, tables };
  }

  private count(n: number): void {
    this.chars += n;
    if (this.chars > MAX_RTF_CHARS)
      throw new Error(`「${this.name}」中的文字超过 ${MAX_RTF_CHARS / 10000} 万字，不是一份年报，无法读取`);
  }

  private openGroup(): void {
    this.flush();
    this.toSkip = 0;
    this.star = false;
    if (this.stack.length >= MAX_GROUP_DEPTH) this.tooDeep();
    this.stack.push(this.st);
    this.st = { ...this.st, listOwner: false, result: null };
  }

  /** Ends a group; false when it was the document's. */
  private closeGroup(): boolean {
    this.flush();
    this.toSkip = 0;
    this.star = false;
    if (this.st.listOwner) {
      const label = this.list.replace(/\s+/g, "");
      const symbol = this.listSymbol;
      [this.list, this.listSymbol] = ["", false];
      // A number (一、 1. (一)) reads before its paragraph; a bullet (·, ●, a symbol font's) does not.
      if (!symbol && /[\p{L}\p{N}]/u.test(label)) this.emit(label, true);
    }
    const result = this.st.result;
    // LibreOffice (7.4) writes a form field (a .docx's content control) as three fields around its text, each
    // result the whole text and a carriage return (\u13), which no word processor writes in a field's result:
    // those results are dropped, the text between them is the field's.
    if (result && this.lastCR && result.breaks === this.breaks) this.para = this.para.slice(0, result.at);
    this.st = this.stack.pop() as State;
    return this.stack.length > 0;
  }

  private tooDeep(): never {
    throw new Error(`「${this.name}」的 RTF 分组嵌套超过 ${MAX_GROUP_DEPTH} 层，无法读取`);
  }

  /** Skips the rest of the current group (a destination not read) and ends it. */
  private skipGroup(): void {
    const b = this.bytes;
    const n = b.length;
    let depth = 0;
    while (this.i < n) {
      const c = b[this.i++];
      if (c === 0x7b) {
        if (this.stack.length + ++depth > MAX_GROUP_DEPTH) this.tooDeep();
      } else if (c === 0x7d) {
        if (depth-- === 0) {
          this.closeGroup();
          return;
        }
      } else if (c === 0x5c && this.i < n) {
        if (isLetter(b[this.i])) {
          const { word, param } = this.word();
          if (word === "bin" && param !== null && param > 0) this.i += param;
        } else this.i++;
      }
    }
  }

  /** A control word's name and parameter, after its backslash; its one delimiting space is consumed. */
  private word(): { word: string; param: number | null } {
    const b = this.bytes;
    const n = b.length;
    let word = "";
    for (; this.i < n && isLetter(b[this.i]); this.i++)
      if (word.length < 32) word += String.fromCharCode(b[this.i]);
    let param: number | null = null;
    const negative = b[this.i] === 0x2d && isDigit(b[this.i + 1]);
    if (negative) this.i++;
    if (isDigit(b[this.i])) {
      param = 0;
      for (let digits = 0; this.i < n && isDigit(b[this.i]); this.i++, digits++)
        if (digits < 10) param = param * 10 + (b[this.i] - 0x30);
      param = Math.min(param, 2 ** 31 - 1) * (negative ? -1 : 1);
    }
    if (b[this.i] === 0x20) this.i++;
    return { word, param };
  }

  private control(): void {
    const b = this.bytes;
    const c = b[++this.i];
    if (c === undefined) return;
    if (isLetter(c)) {
      const { word, param } = this.word();
      const star = this.star;
      this.star = false;
      if ((star && !words.READ_STARRED.has(word)) || words.SKIPPED.has(word)) return this.skipGroup();
      return this.controlWord(word, param);
    }
    this.i++;
    this.star = c === 0x2a;
    if (c === 0x27) {
      const hi = hexValue(b[this.i]);
      const lo = hexValue(b[this.i + 1]);
      if (hi >= 0 && lo >= 0) {
        this.i += 2;
        this.byte(hi * 16 + lo);
      }
    } else if (c === 0x0d || c === 0x0a) this.paragraphEnd();
    else if (words.ESCAPES[c] !== undefined) this.emitRaw(words.ESCAPES[c]);
  }

  private controlWord(word: string, param: number | null): void {
    if (!words.ACTED_ON.has(word)) return;
    const st = this.st;
    const p = param ?? 1;
    const symbol = words.SYMBOLS.get(word);
    if (symbol !== undefined) return this.emitRaw(symbol);
    if (words.TABLE_WORDS.has(word)) return void this.tables.control(word, param, this.level());
    if (word === "par" || word === "sect" || word === "page") return this.paragraphEnd();
    if (word === "u") return this.unicode(param ?? 0);
    if (word === "cell" || word === "nestcell") return this.cellEnd(word === "nestcell");
    if (word === "row" || word === "nestrow") return this.rowEnd(word === "nestrow");
    // What changes how bytes decode (a font, a code page, \plain), or where text goes, ends the run collected.
    if (words.DECODING.has(word)) this.flush();
    const fonttbl = st.dest === "fonttbl";
    if (word === "uc") st.uc = Math.min(Math.max(p, 0), 16);
    else if (word === "bin") this.i += Math.max(0, param ?? 0);
    else if (word === "fonttbl") st.dest = "fonttbl";
    else if (word === "listtext" || word === "pntext") [st.dest, st.listOwner] = ["list", true];
    else if (word === "fldrslt") st.result = { at: this.para.length, breaks: this.breaks };
    else if (word === "upr" || word === "ud") st.drop = word === "upr";
    else if (word === "deleted") st.deleted = p !== 0;
    else if (word === "ansicpg" || word === "mac") this.charsets.codePage(word === "mac" ? "mac" : p);
    else if (word === "deff") [this.deff, st.font] = [p, p];
    else if (word === "f") [st.font, this.defining] = [p, fonttbl ? p : this.defining];
    else if ((word === "fcharset" || word === "cpg") && fonttbl)
      this.charsets.define(this.defining, word === "cpg" ? "cpg" : "charset", p);
    else if (word === "af") st.af = p;
    else if (word === "dbch" || word === "loch" || word === "hich") st.dbch = word === "dbch";
    else if (word === "plain") [st.font, st.deleted, st.dbch] = [this.deff, false, false];
    else if (word === "pard") [st.intbl, st.itap] = [false, 0];
    else if (word === "intbl") st.intbl = p !== 0;
    else if (word === "itap") st.itap = Math.max(0, Math.min(p, 1000));
  }

  private cellEnd(nested: boolean): void {
    this.flush();
    this.tables.cell(this.cellLevel(nested), this.take());
  }

  private rowEnd(nested: boolean): void {
    this.flush();
    this.take();
    this.tables.row(this.cellLevel(nested));
  }

  /** The nesting level of the current paragraph: 0 in the body, 1 in a table, 2 in a table nested in one… */
  private level(): number {
    return this.st.intbl ? Math.max(1, this.st.itap) : this.st.itap;
  }

  /** The level a \cell (\row) ends at: 1, or the paragraph's if deeper; \nestcell (\nestrow) at 2 at least. */
  private cellLevel(nested: boolean): number {
    return Math.max(nested ? 2 : 1, this.level());
  }

  /** The current paragraph's text, taken. */
  private take(): string {
    const t = this.para;
    this.para = "";
    this.breaks++;
    // (A \uN's fallback never runs past its paragraph, whatever a writer's \uc says.)
    [this.lastCR, this.toSkip] = [false, 0];
    return t;
  }

  private paragraphEnd(): void {
    this.flush();
    const level = this.level();
    const text = this.take();
    if (level > 0) return this.tables.paragraph(level, text);
    this.tables.closeDeeper(0);
    const t = text.trim();
    if (t) this.paragraphs.push(t);
  }

  private unicode(n: number): void {
    this.flush();
    const code = n < 0 ? n + 65536 : n;
    if (code === 13 && !this.st.drop && !this.st.deleted) this.lastCR = true;
    else if ((code >= 0x20 || code === 9 || code === 10) && code <= 0x10ffff)
      this.emitRaw(code > 0xffff ? String.fromCodePoint(code) : String.fromCharCode(code));
    this.toSkip = this.st.uc;
  }

  /** A byte of text in the code page (\'hh, or raw): collected, and decoded with its run. */
  private byte(v: number): void {
    if (this.toSkip > 0) {
      this.toSkip--;
      return;
    }
    this.pending.push(v);
    this.enc ??= this.charsets.encodingOf(this.st.font, this.st.af, this.st.dbch);
    this.leadOpen = !this.leadOpen && v >= 0x81 && v <= 0xfe && DBCS.has(this.enc.encoding);
    if (this.pending.length >= 65536 && !this.leadOpen) this.flush();
  }

  /** Plain text: ASCII taken in runs; a byte of 0x80 and above is one of the code page's. */
  private text(): void {
    const b = this.bytes;
    const n = b.length;
    const c = b[this.i];
    this.star = false;
    // A double-byte character's second byte may be ASCII; a fallback character is skipped.
    if (c >= 0x80 || this.toSkip > 0 || (this.leadOpen && c >= 0x40)) {
      this.i++;
      if (c >= 0x20 || c === 0x09) this.byte(c);
      return;
    }
    // (A run at most RUN long: the text's limit is met before a huge run is all decoded.)
    const start = this.i;
    for (const end = Math.min(n, start + RUN); this.i < end; this.i++) {
      const x = b[this.i];
      if (x === 0x5c || x === 0x7b || x === 0x7d || x === 0x0d || x === 0x0a || x >= 0x80) break;
    }
    this.emitRaw(withoutControls(ascii.decode(b.subarray(start, this.i))));
  }

  /** Decodes the collected bytes. */
  private flush(): void {
    const known = this.enc;
    this.enc = null;
    if (!this.pending.length) return;
    const bytes = Uint8Array.from(this.pending);
    this.pending = [];
    this.leadOpen = false;
    if (this.st.dest === "list" && this.charsets.isSymbol(this.st.font)) this.listSymbol = true;
    const s = decodeBytes(bytes, known ?? this.charsets.encodingOf(this.st.font, this.st.af, this.st.dbch));
    this.emit(withoutControls(s));
  }

  /** Text other than the code page's bytes: the collected ones decoded first. */
  private emitRaw(s: string): void {
    this.flush();
    this.emit(s);
  }

  private emit(s: string, label = false): void {
    const st = this.st;
    if (!s || st.drop || st.deleted || st.dest === "fonttbl") return;
    if (st.dest === "list" && !label) {
      if (this.list.length < 100) this.list += s;
      return;
    }
    this.count(s.length);
    this.para += s;
    this.lastCR = false;
  }
}

/** The paragraphs and tables of an RTF file; throws a sentence naming the file when it cannot be read. */
export function rtfText(bytes: Uint8Array, name: string): ReportDocumentText {
  return new RtfReader(bytes, name).read();
}
