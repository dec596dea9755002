/**
 * Word 97–2003 documents for the tests of src/doc: our reports and portals' pages saved as .doc by LibreOffice
 * (with the .docx they are compared with), and .doc files written here byte by byte ([MS-DOC]: a FIB, the text in
 * pieces — 8-bit or UTF-16, stored in any order, with property changes of their own as a fast save leaves them —
 * the paragraphs' and characters' properties in FKP pages, a Data stream) for what LibreOffice never writes,
 * and damaged ones, broken where `layout` says their parts are.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from "docx";
import { readCompound } from "../src/cfb/read";
import { readZip, writeZip } from "../src/docx/zip";
import { compoundFile } from "./cfb";
import { withDocumentXml } from "./docx";
import { sofficeAll } from "./office";

/**
 * A report of ours without its content controls, as Word leaves it when it saves a .docx as .doc (the format has
 * none). LibreOffice 7.4 writes a block-level control into a .doc as a FORMTEXT field whose result holds the
 * paragraphs, with the text repeated — garbled for LibreOffice itself when it opens the file again.
 */
export const withoutControls = (docx: Uint8Array): Uint8Array =>
  withDocumentXml(docx, (xml) =>
    xml.replace(
      /<w:sdtPr>[\s\S]*?<\/w:sdtPr>|<w:sdtEndPr>[\s\S]*?<\/w:sdtEndPr>|<w:sdtEndPr\/>|<\/?w:sdt>|<\/?w:sdtContent>/g,
      "",
    ),
  );

/**
 * A report whose headings are numbered by Word's list button (a two-level 「一、」「（一）」 list, one in a table
 * too, a list of circled numbers starting at ③, a bullet), as the docx package writes lists. Its w:startOverride
 * elements are taken out: LibreOffice writes a num that restarts its list as a list of its own in a .doc (which
 * Word counts apart), though it counts it on itself.
 */
export async function numberedDocx(): Promise<Uint8Array> {
  const item = (text: string, level: number, reference = "headings") =>
    new Paragraph({ text, numbering: { reference, level } });
  const children: (Paragraph | Table)[] = [new Paragraph("某县2025年政府信息公开工作年度报告")];
  for (const h of ["总体情况", "主动公开政府信息情况"])
    children.push(item(h, 0), item("工作机构", 1), new Paragraph("本局认真落实。"), item("制度建设", 1));
  children.push(
    new Table({
      rows: [
        new TableRow({
          children: [
            new TableCell({ children: [item("表中的标题", 0)] }),
            new TableCell({ children: [new Paragraph("1")] }),
          ],
        }),
      ],
    }),
    item("表后的标题", 0),
    item("圆圈", 0, "circles"),
    item("又一个", 0, "circles"),
    item("要点", 0, "bullets"),
  );
  const level = (
    level: number,
    format: (typeof LevelFormat)[keyof typeof LevelFormat],
    text: string,
    start = 1,
  ) => ({
    level,
    format,
    text,
    start,
    alignment: AlignmentType.LEFT,
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "headings",
          levels: [
            level(0, LevelFormat.CHINESE_COUNTING, "%1、"),
            level(1, LevelFormat.CHINESE_COUNTING, "（%2）"),
          ],
        },
        { reference: "circles", levels: [level(0, LevelFormat.DECIMAL_ENCLOSED_CIRCLE, "%1", 3)] },
        { reference: "bullets", levels: [level(0, LevelFormat.BULLET, "\u2022")] },
      ],
    },
    sections: [{ children }],
  });
  const zip = readZip(new Uint8Array(await Packer.toBuffer(doc)), "列表.docx");
  for (const e of zip.entries)
    if (e.name === "word/numbering.xml" && e.data)
      e.data = new TextEncoder().encode(
        new TextDecoder().decode(e.data).replace(/<w:lvlOverride\b[\s\S]*?<\/w:lvlOverride>/g, ""),
      );
  return writeZip(zip);
}

/** Files (a .docx or web pages) saved as .doc by LibreOffice in one run; the paths of the results. */
export const sofficeDoc = (files: string[], outDir: string): string[] => sofficeAll(files, "doc", outDir);

/** The bytes of a file. */
export const bytesOf = (file: string): Uint8Array => new Uint8Array(readFileSync(file));

/** A stream of a compound file changed in place (bytes at `offset`), its sectors found by their content. */
export function patchStream(file: Uint8Array, stream: string, offset: number, bytes: number[]): Uint8Array {
  const compound = readCompound(file, "t");
  const data = compound.read(stream);
  if (!data) throw new Error(`no ${stream}`);
  const unit = data.length >= 4096 ? 512 : 64;
  const start = Math.floor(offset / unit) * unit;
  const chunk = data.subarray(start, Math.min(start + unit, data.length));
  const found = indexesOf(file, chunk);
  if (found.length !== 1) throw new Error(`${stream} at ${offset}: its sector is not unique in the file`);
  const out = file.slice();
  out.set(bytes, found[0] + offset - start);
  return out;
}

function indexesOf(hay: Uint8Array, needle: Uint8Array): number[] {
  const out: number[] = [];
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    out.push(i);
  }
  return out;
}

/** Little-endian bytes of an unsigned 16- or 32-bit number. */
export const u16 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff];
export const u32 = (n: number): number[] => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

/** A Prl: the sprm and its operand bytes. */
export const prl = (sprm: number, ...operand: number[]): number[] => [...u16(sprm), ...operand];

/** Sprms the tests write. */
export const SPRM = {
  inTable: prl(0x2416, 1),
  ttp: prl(0x2417, 1),
  itap: (n: number) => prl(0x6649, ...u32(n)),
  innerCell: prl(0x244b, 1),
  innerTtp: prl(0x244c, 1),
  hugePapx: (offset: number) => prl(0x6645, ...u32(offset)),
  deleted: prl(0x0800, 1),
  symbol: prl(0x6a09, ...u16(0xf0fc), ...u16(0)),
  vertMerge: (itc: number, flags: number) => prl(0xd62b, 2, itc, flags),
  insert: (itc: number, count: number, width: number) => prl(0x7621, itc, count, ...u16(width)),
  remove: (first: number, lim: number) => prl(0x5622, first, lim),
  merge: (first: number, lim: number) => prl(0x5624, first, lim),
  ilfo: (n: number) => prl(0x460b, ...u16(n)),
  ilvl: (n: number) => prl(0x260a, n),
};

/** A cell's TC80 flags: horizontal merge (1 first, 2 merged) and vertical (1 continues, 3 starts). */
export interface TcFlags {
  h?: number;
  v?: number;
}

/** sprmTDefTable: cells at the boundaries `centers` (twips), with their merge flags. */
export function defTable(centers: number[], flags: TcFlags[] = []): number[] {
  const n = centers.length - 1;
  const body = [n, ...centers.flatMap(u16)];
  for (let i = 0; i < n; i++) {
    const f = flags[i] ?? {};
    body.push(
      ...u16((f.h ?? 0) | ((f.v ?? 0) << 5)),
      ...u16(centers[i + 1] - centers[i]),
      ...Array(16).fill(0),
    );
  }
  return prl(0xd608, ...u16(body.length + 1), ...body);
}

export interface WordParts {
  /** The main document's text, marks included: "\r" a paragraph's end, "\x07" a cell's or a row's, "\f" a page's. */
  text: string;
  /** Each paragraph mark's sprms, by its index among the marks (in CP order) and the paragraph's text. */
  paragraph?: (i: number, text: string) => number[];
  /** Character sprms over CP ranges [from, to). */
  chars?: { from: number; to: number; sprms: number[] }[];
  /** The pieces, in CP order: their lengths add up to the text's; 8-bit or UTF-16; their Prm. */
  pieces?: { length: number; compressed?: boolean; prm?: number }[];
  /** The pieces stored in the WordDocument stream last first (as a fast save leaves them). */
  reversed?: boolean;
  /** The Clx's property changes (Prc), which a piece's Prm 1 | (index << 1) names. */
  prcs?: number[][];
  /** Text after the main document (a footnote's): in the piece table, outside ccpText. */
  after?: string;
  data?: Uint8Array;
  nFib?: number;
  /** FIB flags beyond fWhichTblStm (set here: the table stream is 1Table). */
  flags?: number;
  /** Each paragraph's style (istd), by its index among the marks. */
  style?: (i: number) => number;
  /** Paragraph styles by istd: the style each is based on, and its sprms. */
  styles?: Record<number, { base?: number; sprms: number[] }>;
  /** Lists, each its levels: start, number format (MSONFC), text with the levels' placeholders \x00…\x08. */
  lists?: { start?: number; nfc?: number; text: string }[][];
  /** List overrides (what sprmPIlfo names, from 1): the list, and the levels it restarts. */
  overrides?: { list: number; restart?: { level: number; start: number }[] }[];
}

export interface WordLayout {
  streams: Record<string, Uint8Array>;
  /** Offsets in 1Table: the Clx, each Pcd's fc, each PAPX page number of PlcBtePapx. */
  clx: number;
  pcdFc: number[];
  papxPn: number[];
}

/** Windows-1252 (as [MS-DOC] maps 0x82–0x9F) for an 8-bit piece. */
const CP1252 = new Map<number, number>(
  [
    [0x82, 0x201a],
    [0x83, 0x0192],
    [0x84, 0x201e],
    [0x85, 0x2026],
    [0x86, 0x2020],
    [0x87, 0x2021],
    [0x88, 0x02c6],
    [0x89, 0x2030],
    [0x8a, 0x0160],
    [0x8b, 0x2039],
    [0x8c, 0x0152],
    [0x91, 0x2018],
    [0x92, 0x2019],
    [0x93, 0x201c],
    [0x94, 0x201d],
    [0x95, 0x2022],
    [0x96, 0x2013],
    [0x97, 0x2014],
    [0x98, 0x02dc],
    [0x99, 0x2122],
    [0x9a, 0x0161],
    [0x9b, 0x203a],
    [0x9c, 0x0153],
    [0x9f, 0x0178],
  ].map(([b, u]) => [u, b]),
);

function byte1252(code: number): number {
  const b = CP1252.get(code) ?? code;
  if (b > 0xff) throw new Error(`U+${code.toString(16)} has no Windows-1252 byte`);
  return b;
}

const TEXT_AT = 0x400;
const PAGE = 512;

/** The streams of a .doc holding `parts`, and where its parts are. */
export function wordLayout(parts: WordParts): WordLayout {
  const all = parts.text + (parts.after ?? "");
  const pieces = (parts.pieces ?? [{ length: parts.text.length }]).slice();
  const given = pieces.reduce((n, p) => n + p.length, 0);
  if (given !== parts.text.length) throw new Error("the pieces do not add up to the text");
  if (parts.after) pieces.push({ length: parts.after.length });

  // The pieces' bytes, stored in order or last first; each piece's fc.
  const word: number[] = Array(TEXT_AT).fill(0);
  const starts: number[] = [];
  let cp = 0;
  const cps = pieces.map((p) => {
    const from = cp;
    cp += p.length;
    return from;
  });
  const order = pieces.map((_, i) => i);
  if (parts.reversed) order.reverse();
  for (const i of order) {
    const p = pieces[i];
    starts[i] = word.length;
    for (const ch of all.slice(cps[i], cps[i] + p.length)) {
      const code = ch.charCodeAt(0);
      if (p.compressed) word.push(byte1252(code));
      else word.push(...u16(code));
    }
    if (word.length % 2) word.push(0);
  }
  const pieceOf = (at: number) => {
    let i = 0;
    while (i + 1 < cps.length && cps[i + 1] <= at) i++;
    return i;
  };
  const widthAt = (at: number) => (pieces[pieceOf(at)].compressed ? 1 : 2);
  const fcOf = (at: number) => starts[pieceOf(at)] + (at - cps[pieceOf(at)]) * widthAt(at);

  // Paragraph marks (main text only), their FCs and properties (istd 0, then the sprms).
  const marks: { fc: number; end: number; grpprl: number[] }[] = [];
  let para = 0;
  let from = 0;
  for (let i = 0; i < parts.text.length; i++) {
    if (!"\r\x07\f".includes(parts.text[i])) continue;
    const sprms = parts.paragraph?.(para, parts.text.slice(from, i)) ?? [];
    marks.push({
      fc: fcOf(i),
      end: fcOf(i) + widthAt(i),
      grpprl: [...u16(parts.style?.(para) ?? 0), ...sprms],
    });
    para++;
    from = i + 1;
  }
  marks.sort((a, b) => a.fc - b.fc);
  const papxRuns: Run[] = [];
  let fc = TEXT_AT;
  for (const m of marks) {
    papxRuns.push({ start: fc, end: m.end, grpprl: m.grpprl });
    fc = m.end;
  }
  const chpxRuns: Run[] = [];
  const charRuns = (parts.chars ?? []).flatMap((r) =>
    Array.from({ length: r.to - r.from }, (_, k) => ({
      start: fcOf(r.from + k),
      end: fcOf(r.from + k) + widthAt(r.from + k),
      grpprl: r.sprms,
    })),
  );
  charRuns.sort((a, b) => a.start - b.start);
  fc = TEXT_AT;
  for (const r of charRuns) {
    if (r.start > fc) chpxRuns.push({ start: fc, end: r.start, grpprl: null });
    chpxRuns.push(r);
    fc = r.end;
  }
  if (fc < word.length) chpxRuns.push({ start: fc, end: word.length, grpprl: null });

  while (word.length % PAGE) word.push(0);
  const papxPages = fkpPages(papxRuns, "papx");
  const chpxPages = fkpPages(chpxRuns, "chpx");
  const firstPn = word.length / PAGE;
  for (const p of [...papxPages, ...chpxPages]) word.push(...p.bytes);

  // 1Table: the Clx, PlcBtePapx, PlcBteChpx.
  const table: number[] = [];
  for (const g of parts.prcs ?? []) table.push(0x01, ...u16(g.length), ...g);
  const plcPcd = [
    ...[...cps, all.length].flatMap(u32),
    ...pieces.flatMap((p, i) => [
      0,
      0,
      ...u32(p.compressed ? (starts[i] * 2) | 0x40000000 : starts[i]),
      ...u16(p.prm ?? 0),
    ]),
  ];
  const clx = 0;
  const pcdAt = table.length + 5 + (pieces.length + 1) * 4;
  table.push(0x02, ...u32(plcPcd.length), ...plcPcd);
  const plcBte = (pages: FkpPage[], pn: number) => [
    ...pages.map((p) => p.first).flatMap(u32),
    ...u32(pages[pages.length - 1].last),
    ...pages.map((_, i) => u32(pn + i)).flat(),
  ];
  const papxAt = table.length;
  const papxPlc = plcBte(papxPages, firstPn);
  table.push(...papxPlc);
  const chpxAt = table.length;
  const chpxPlc = plcBte(chpxPages, firstPn + papxPages.length);
  table.push(...chpxPlc);
  const stshAt = table.length;
  if (parts.styles) table.push(...styleSheet(parts.styles));
  const lstAt = table.length;
  const [plfLst, lvls] = parts.lists ? listTable(parts.lists) : [[], []];
  table.push(...plfLst, ...lvls);
  const lfoAt = table.length;
  if (parts.overrides) table.push(...overrideTable(parts.overrides));

  // The FIB: FibBase, 14 words, 22 longs (ccpText the fourth), 93 fc/lcb pairs.
  const fib = new DataView(new Uint8Array(word).buffer);
  fib.setUint16(0, 0xa5ec, true);
  fib.setUint16(2, parts.nFib ?? 0xc1, true);
  fib.setUint16(0x0a, 0x0200 | (parts.flags ?? 0), true);
  fib.setUint16(0x20, 14, true);
  fib.setUint16(0x3e, 22, true);
  fib.setInt32(0x4c, parts.text.length, true);
  fib.setUint16(0x98, 93, true);
  const pair = (i: number, at: number, length: number) => {
    fib.setUint32(0x9a + i * 8, at, true);
    fib.setUint32(0x9a + i * 8 + 4, length, true);
  };
  pair(12, chpxAt, chpxPlc.length);
  pair(13, papxAt, papxPlc.length);
  // The Clx: its Prcs and its Pcdt.
  pair(33, clx, papxAt - clx);
  pair(1, stshAt, lstAt - stshAt);
  pair(73, lstAt, plfLst.length);
  pair(74, lfoAt, table.length - lfoAt);
  const streams: Record<string, Uint8Array> = {
    WordDocument: new Uint8Array(fib.buffer),
    "1Table": Uint8Array.from(table),
  };
  if (parts.data) streams.Data = parts.data;
  return {
    streams,
    clx,
    pcdFc: pieces.map((_, i) => pcdAt + i * 8 + 2),
    papxPn: papxPages.map((_, i) => papxAt + (papxPages.length + 1) * 4 + i * 4),
  };
}

/** A .doc holding `parts`. */
export const wordFile = (parts: WordParts): Uint8Array => compoundFile(wordLayout(parts).streams);

/** The style sheet (STSH): its Stshi (18 bytes), then each style's STD (StdfBase, name, UpxPapx, UpxChpx). */
function styleSheet(styles: Record<number, { base?: number; sprms: number[] }>): number[] {
  const cstd = Math.max(...Object.keys(styles).map(Number)) + 1;
  const out = [
    ...u16(18),
    ...u16(cstd),
    ...u16(10),
    ...u16(1),
    ...u16(cstd),
    ...u16(cstd),
    0,
    0,
    ...u16(0),
    ...u16(0),
    ...u16(0),
  ];
  for (let istd = 0; istd < cstd; istd++) {
    const style = styles[istd];
    if (!style) {
      out.push(...u16(0));
      continue;
    }
    const name = `样式${istd}`;
    const papx = [...u16(istd), ...style.sprms];
    const std = [
      ...u16(0x0ffe),
      ...u16(1 | ((style.base ?? 0x0fff) << 4)),
      ...u16(2 | (istd << 4)),
      ...u16(0),
      ...u16(0),
      ...u16(name.length),
      ...[...name].flatMap((c) => u16(c.charCodeAt(0))),
      ...u16(0),
      ...u16(papx.length),
      ...papx,
      ...(papx.length % 2 ? [0] : []),
      ...u16(0),
    ];
    out.push(...u16(std.length), ...std);
  }
  return out;
}

/** PlfLst (cLst, an LSTF each) and the LVLs after it: one for a list of one level, else nine. */
function listTable(lists: { start?: number; nfc?: number; text: string }[][]): [number[], number[]] {
  const plf = [...u16(lists.length)];
  const lvls: number[] = [];
  lists.forEach((levels, i) => {
    const simple = levels.length === 1;
    plf.push(...u32(100 + i), ...u32(0), ...Array(9).fill(u16(0x0fff)).flat(), simple ? 1 : 0, 0);
    for (let l = 0; l < (simple ? 1 : 9); l++) {
      const level = levels[l] ?? { text: "" };
      const places = [...level.text].flatMap((c, k) => (c.charCodeAt(0) < 9 ? [k + 1] : [])).slice(0, 9);
      lvls.push(...u32(level.start ?? 1), level.nfc ?? 0, 0, ...places, ...Array(9 - places.length).fill(0));
      lvls.push(0, ...u32(0), ...u32(0), 0, 0, 0, 0);
      lvls.push(...u16(level.text.length), ...[...level.text].flatMap((c) => u16(c.charCodeAt(0))));
    }
  });
  return [plf, lvls];
}

/** PlfLfo: lfoMac, an LFO each (its list's lsid, its count of LFOLVLs), then each one's LFOData. */
function overrideTable(
  overrides: { list: number; restart?: { level: number; start: number }[] }[],
): number[] {
  const out = [...u32(overrides.length)];
  for (const o of overrides)
    out.push(...u32(100 + o.list), ...u32(0), ...u32(0), o.restart?.length ?? 0, 0, 0, 0);
  for (const o of overrides) {
    out.push(...u32(0xffffffff));
    for (const r of o.restart ?? []) out.push(...u32(r.start), ...u32(r.level | 0x10));
  }
  return out;
}

interface Run {
  start: number;
  end: number;
  /** Its properties; null for the defaults. */
  grpprl: number[] | null;
}

interface FkpPage {
  first: number;
  last: number;
  bytes: number[];
}

/** Runs packed into 512-byte FKP pages: rgfc, then a BxPap (13 bytes) or an offset byte per run, then the grpprls. */
function fkpPages(runs: Run[], kind: "papx" | "chpx"): FkpPage[] {
  const entry = kind === "papx" ? 13 : 1;
  // A grpprl as stored: PapxInFkp (cb, or 0 and cb′, then istd and sprms) or Chpx (cb, then sprms).
  const stored = (g: number[]) =>
    kind === "chpx" ? [g.length, ...g] : g.length % 2 ? [(g.length + 1) / 2, ...g] : [0, g.length / 2, ...g];
  const pages: FkpPage[] = [];
  let i = 0;
  while (i < runs.length) {
    const page = Array(PAGE).fill(0);
    const mine: Run[] = [];
    let free = PAGE - 1;
    const offsets: number[] = [];
    while (i < runs.length) {
      const r = runs[i];
      const bytes = r.grpprl ? stored(r.grpprl) : [];
      let at = free - bytes.length;
      at -= at % 2;
      const head = (mine.length + 2) * 4 + (mine.length + 1) * entry;
      if (head > (bytes.length ? at : free)) break;
      if (bytes.length) {
        page.splice(at, bytes.length, ...bytes);
        free = at;
      }
      offsets.push(bytes.length ? at / 2 : 0);
      mine.push(r);
      i++;
    }
    if (!mine.length) throw new Error("a run's properties do not fit in a page");
    const crun = mine.length;
    mine.forEach((r, k) => page.splice(k * 4, 4, ...u32(r.start)));
    page.splice(crun * 4, 4, ...u32(mine[crun - 1].end));
    offsets.forEach((o, k) => (page[(crun + 1) * 4 + k * entry] = o));
    page[PAGE - 1] = crun;
    pages.push({ first: mine[0].start, last: mine[crun - 1].end, bytes: page });
  }
  return pages;
}

/** Writes a file under `dir`; returns its path. */
export function put(dir: string, name: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}
