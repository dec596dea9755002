/**
 * Word's list numbering, as the text people see: a heading numbered by Word or WPS (「一、」「（一）」「1.」 made by
 * the numbering button, not typed) has no number in its runs — the number lives in numbering.xml, reached through
 * the paragraph's w:numPr or its style's. Without it, 「一、总体情况」 reads as 「总体情况」. This works out each
 * numbered paragraph's label in document order (ECMA-376 Part 1 §17.9): counters per abstract list and level, a
 * level's counter restarting when a higher level moves on, w:start and w:startOverride, w:lvlText with its %1…%9,
 * and the number formats Chinese documents use (chineseCounting, chineseCountingThousand, ideographTraditional,
 * decimal, decimalEnclosedCircle, decimalFullWidth, letters, roman); bullets give nothing.
 */

interface Level {
  start: number;
  format: string;
  text: string;
}

const attr = (xml: string, name: string): string | undefined =>
  new RegExp(`<w:${name}\\b[^>]*?\\bw:val="([^"]*)"`).exec(xml)?.[1];

const CN = "〇一二三四五六七八九";
/** 1–99 as 一…九十九, as Word's chineseCounting writes them (十一, 二十, 二十一). */
function chinese(n: number): string {
  if (n < 10) return CN[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ""}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ""}`;
  return String(n);
}
const ROMAN: [number, string][] = [
  [1000, "m"],
  [900, "cm"],
  [500, "d"],
  [400, "cd"],
  [100, "c"],
  [90, "xc"],
  [50, "l"],
  [40, "xl"],
  [10, "x"],
  [9, "ix"],
  [5, "v"],
  [4, "iv"],
  [1, "i"],
];
function roman(n: number): string {
  let out = "";
  for (const [v, s] of ROMAN)
    while (n >= v && out.length < 20) {
      out += s;
      n -= v;
    }
  return out;
}
const letter = (n: number) => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);

/** A counter's value in a level's number format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "chineseLegalSimplified":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "ideographDigital":
      return chinese(n);
    case "ideographTraditional":
      return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10] ?? String(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalZero":
      return String(n).padStart(2, "0");
    case "upperLetter":
      return letter(n).toUpperCase();
    case "lowerLetter":
      return letter(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "bullet":
    case "none":
      return "";
    default:
      return String(n);
  }
}

/** The numbering of a document: each numbered paragraph's label, asked in document order. */
export class ListNumbers {
  private readonly abstracts = new Map<string, Level[]>();
  /** numId → its abstract list and the levels it restarts (w:startOverride). */
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  /** styleId → the numPr its paragraphs take, and the style it is based on. */
  private readonly styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(numberingXml?: string, stylesXml?: string) {
    for (const m of (numberingXml ?? "").matchAll(
      /<w:abstractNum\b[^>]*?w:abstractNumId="(\d+)"[\s\S]*?<\/w:abstractNum>/g,
    )) {
      const levels: Level[] = [];
      for (const l of m[0].matchAll(/<w:lvl\b[^>]*?w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvl>/g))
        levels[Number(l[1])] = {
          start: Number(attr(l[2], "start") ?? 1),
          format: attr(l[2], "numFmt") ?? "decimal",
          text: attr(l[2], "lvlText") ?? "",
        };
      this.abstracts.set(m[1], levels);
    }
    for (const m of (numberingXml ?? "").matchAll(
      /<w:num\b[^>]*?w:numId="(\d+)"[^>]*>([\s\S]*?)<\/w:num>/g,
    )) {
      const starts = new Map<number, number>();
      for (const o of m[2].matchAll(
        /<w:lvlOverride\b[^>]*?w:ilvl="(\d)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g,
      )) {
        const start = attr(o[2], "startOverride");
        if (start !== undefined) starts.set(Number(o[1]), Number(start));
      }
      const abstract = attr(m[2], "abstractNumId");
      if (abstract !== undefined) this.nums.set(m[1], { abstract, starts });
    }
    for (const m of (stylesXml ?? "").matchAll(
      /<w:style\b[^>]*?w:styleId="([^"]*)"[^>]*>([\s\S]*?)<\/w:style>/g,
    )) {
      const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(m[2])?.[1];
      const ilvl = numPr ? attr(numPr, "ilvl") : undefined;
      this.styles.set(m[1], {
        ...(numPr && attr(numPr, "numId") !== undefined ? { numId: attr(numPr, "numId") } : {}),
        ...(ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
        ...(attr(m[2], "basedOn") !== undefined ? { basedOn: attr(m[2], "basedOn") } : {}),
      });
    }
  }

  /** Whether the document numbers anything at all (else nothing need be asked). */
  get any(): boolean {
    return this.nums.size > 0;
  }

  /** The numPr a paragraph takes: its own, else its style's (through the styles it is based on). */
  private numPr(pPr: string): { numId: string; ilvl: number } | null {
    const own = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(pPr)?.[1];
    let numId = own ? attr(own, "numId") : undefined;
    let ilvl = own ? Number(attr(own, "ilvl") ?? 0) : undefined;
    for (let style = attr(pPr, "pStyle"), hops = 0; style && hops < 10; hops++) {
      const s = this.styles.get(style);
      if (!s) break;
      numId ??= s.numId;
      if (s.numId !== undefined || s.ilvl !== undefined) ilvl ??= s.ilvl;
      style = s.basedOn;
    }
    return numId === undefined || numId === "0" ? null : { numId, ilvl: ilvl ?? 0 };
  }

  /** The number format of a paragraph's list level ("bullet", "decimal"…), or null outside any list; counts nothing. */
  formatOf(pPr: string): string | null {
    const at = this.numPr(pPr);
    const num = at && this.nums.get(at.numId);
    return (at && num && this.abstracts.get(num.abstract)?.[at.ilvl]?.format) ?? null;
  }

  /** The label of a paragraph (its w:pPr's XML), counted in; "" for a paragraph not numbered. */
  label(pPr: string): string {
    const at = this.numPr(pPr);
    if (!at) return "";
    const num = this.nums.get(at.numId);
    const levels = num && this.abstracts.get(num.abstract);
    const level = levels?.[at.ilvl];
    if (!num || !levels || !level || level.format === "bullet") return "";
    const startOf = (l: number) => num.starts.get(l) ?? levels[l]?.start ?? 1;
    let counts = this.counters.get(num.abstract);
    // A num that restarts its list starts it again where it is first used.
    if (num.starts.size && !this.started.has(at.numId)) {
      this.started.add(at.numId);
      counts = undefined;
    }
    counts ??= [];
    counts[at.ilvl] = counts[at.ilvl] === undefined ? startOf(at.ilvl) : counts[at.ilvl] + 1;
    counts.length = at.ilvl + 1;
    this.counters.set(num.abstract, counts);
    return level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      return formatNumber(counts[l] ?? startOf(l), levels[l]?.format ?? "decimal");
    });
  }
}
