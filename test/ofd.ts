/**
 * OFD packages written here to GB/T 33190-2016, for the OFD reader's tests and the bench: OFD.xml → DocBody →
 * Doc_0/Document.xml (CommonData with the A4 PhysicalBox, PublicRes.xml with the CJK fonts 宋体 and
 * 仿宋_GB2312, DocumentRes.xml with the images, template pages) → Doc_0/Pages/Page_N/Content.xml, text as
 * TextObjects (a TextCode per line with its DeltaX) and tables as PathObjects. reportOfd lays out a whole
 * national-format report over A4 pages as a 电子公文 system prints it: the title, the paragraphs, and 表二/表三/
 * 表四 ruled with the template's merged cells — 表三 is longer than a page, so it always runs over a break. Its
 * options write the same report the ways producers differ: names with or without the `ofd:` prefix, locations
 * relative or from the root, DeltaX with or without `g`, objects placed by a CTM, rules as thin filled
 * rectangles, the title on a template page, a signature with its seal. And the files a reader must refuse.
 */
import { buildSentences } from "../src/report/text/sentences";
import { TEMPLATE_HEADINGS } from "./corpus";
import { getFormat } from "../src/report/formats";
import { gridMatrix, table2Grid, table3Grid, table4Grid } from "../src/report/tables/layout";
import type { TableGrid } from "../src/report/tables/layout";
import type { TableSet } from "../src/report/tables/tables";
import { readPackage } from "../src/zip/read";
import { writeZip } from "../src/zip/write";

/** Text on a page, in mm from the page's top-left: the left end of its baseline; 宋体 (song) or 仿宋_GB2312. */
export type OfdText = Record<"x" | "y" | "size", number> & { text: string; font?: "song" | "fang" };
/** A stroked line (or, with fillRules, a thin filled rectangle), in mm; `box` a closed rectangle outline. */
export type OfdLine = Record<"x1" | "y1" | "x2" | "y2", number> & { box?: boolean };
export interface OfdPage {
  texts: OfdText[];
  lines: OfdLine[];
  /** Pictures drawn on the page (a scan's page image, a seal): x, y, w, h in mm. */
  images?: number[][];
  /** Drawn over the template page. */
  template?: boolean;
  /** More objects, as XML written in the `ofd:` prefix, after the rest. */
  raw?: string;
}

export interface OfdOptions {
  /** Element names with the `ofd:` prefix (default), or in the default namespace. */
  prefix?: boolean;
  /** Locations (DocRoot, BaseLoc, resources) from the package's root, "/Doc_0/…", rather than relative. */
  absolute?: boolean;
  /** DeltaX with the `g n v` repeat (default), as a plain list, or none (advances from the font). */
  deltaX?: "g" | "list" | "none";
  /** Objects placed by a CTM translation, their Boundary moved back by it. */
  ctm?: boolean;
  /** Rules drawn as thin filled rectangles instead of stroked lines. */
  fillRules?: boolean;
  /** DocInfo's CreationDate. */
  created?: string;
  /** A signature (Signatures.xml, its seal and signed value), a stamp annotation and a seal image. */
  sealed?: boolean;
}

const A4 = { w: 210, h: 297, left: 28, right: 184, top: 37, bottom: 262 };
const MM = 25.4 / 72;
const n3 = (v: number) => String(Math.round(v * 1000) / 1000);
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const wide = (ch: string) => /[\u2e80-\uffef]/.test(ch);
/** A character's advance in the fonts written: full width for CJK, half for the rest. */
const adv = (ch: string, size: number) => (wide(ch) ? size : size / 2);
const widthOf = (s: string, size: number) => [...s].reduce((w, ch) => w + adv(ch, size), 0);

/** DeltaX of a run of text: each character's advance, equal ones as `g n v` where asked. */
function deltaX(text: string, size: number, mode: OfdOptions["deltaX"]): string {
  const a = [...text].slice(0, -1).map((ch) => n3(adv(ch, size)));
  if (mode === "list") return a.join(" ");
  const out: string[] = [];
  for (let i = 0; i < a.length;) {
    let j = i;
    while (j < a.length && a[j] === a[i]) j++;
    out.push(j - i > 1 ? `g ${j - i} ${a[i]}` : a[i]);
    i = j;
  }
  return out.join(" ");
}

const NS = `xmlns:ofd="http://www.ofdspec.org/2016"`;
const part = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(">", ` ${NS}>`)}`;
const rect = (w: number, h: number, start = "M") =>
  `${start} 0 0 L ${n3(w)} 0 L ${n3(w)} ${n3(h)} L 0 ${n3(h)} C`;

/**
 * An OFD package of pages (and an optional template page) as GB/T 33190 writes it. Written with the `ofd:`
 * prefix; without it (options.prefix false) every name is in the default namespace.
 */
export function ofdPackage(pages: OfdPage[], options: OfdOptions & { template?: OfdPage } = {}): Uint8Array {
  const loc = (fromDoc: string) => (options.absolute ? `/Doc_0/${fromDoc}` : fromDoc);
  const root = (path: string) => (options.absolute ? `/${path}` : path);
  let id = 10;
  const shift = options.ctm ? [12.5, -7.25] : [0, 0];
  const at = (x: number, y: number, w: number, h: number) =>
    ` Boundary="${n3(x - shift[0])} ${n3(y - shift[1])} ${n3(w)} ${n3(h)}"` +
    (options.ctm ? ` CTM="1 0 0 1 ${shift[0]} ${shift[1]}"` : "");
  const text = (t: OfdText) => {
    const many = [...t.text].length > 1 && options.deltaX !== "none";
    const dx = many ? ` DeltaX="${deltaX(t.text, t.size, options.deltaX ?? "g")}"` : "";
    const box = at(t.x, t.y - t.size, widthOf(t.text, t.size), t.size * 1.25);
    return (
      `<ofd:TextObject ID="${id++}"${box} Font="${t.font === "fang" ? 2 : 1}" Size="${n3(t.size)}">` +
      `<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="${n3(t.size)}"${dx}>${esc(t.text)}</ofd:TextCode></ofd:TextObject>`
    );
  };
  const path = (attrs: string, data: string) =>
    `<ofd:PathObject ID="${id++}"${attrs}><ofd:AbbreviatedData>${data}</ofd:AbbreviatedData></ofd:PathObject>`;
  const line = (l: OfdLine) => {
    const [x, y] = [Math.min(l.x1, l.x2), Math.min(l.y1, l.y2)];
    const [w, h] = [Math.abs(l.x2 - l.x1), Math.abs(l.y2 - l.y1)];
    if (l.box) return path(`${at(x, y, w, h)} LineWidth="0.5"`, rect(w, h, "S"));
    const [fw, fh] = [Math.max(w, 0.25), Math.max(h, 0.25)];
    if (options.fillRules)
      return path(
        `${at(x - (w ? 0 : 0.125), y - (h ? 0 : 0.125), fw, fh)} Stroke="false" Fill="true"`,
        rect(fw, fh),
      );
    const data = `M ${n3(l.x1 - x)} ${n3(l.y1 - y)} L ${n3(l.x2 - x)} ${n3(l.y2 - y)}`;
    return path(`${at(x, y, fw, fh)} LineWidth="0.25"`, data);
  };
  const image = ([x, y, w, h]: number[]) =>
    `<ofd:ImageObject ID="${id++}" Boundary="${x} ${y} ${w} ${h}" CTM="${w} 0 0 ${h} 0 0" ResourceID="3"/>`;
  const box = `<ofd:PhysicalBox>0 0 ${A4.w} ${A4.h}</ofd:PhysicalBox>`;
  // A block of the page's own text, and the rules and pictures beside it.
  const content = (page: OfdPage, template: boolean) =>
    part(
      `<ofd:Page>${template ? "" : `<ofd:Area>${box}</ofd:Area>`}` +
        (page.template ? `<ofd:Template TemplateID="4" ZOrder="Background"/>` : "") +
        `<ofd:Content><ofd:Layer ID="${id++}" Type="Body"><ofd:PageBlock ID="${id++}">${page.texts.map(text).join("")}</ofd:PageBlock>` +
        `${page.lines.map(line).join("")}${(page.images ?? []).map(image).join("")}${page.raw ?? ""}</ofd:Layer></ofd:Content></ofd:Page>`,
    );
  const files: Record<string, string | Uint8Array> = Object.fromEntries(
    pages.map((page, i) => [`Doc_0/Pages/Page_${i}/Content.xml`, content(page, false)]),
  );
  if (options.template) files["Doc_0/Tpls/Tpl_0/Content.xml"] = content(options.template, true);
  const refs = pages.map(
    (_, i) => `<ofd:Page ID="${100 + i}" BaseLoc="${loc(`Pages/Page_${i}/Content.xml`)}"/>`,
  );
  const created = options.created ? `<ofd:CreationDate>${options.created}</ofd:CreationDate>` : "";
  Object.assign(files, {
    "OFD.xml": part(
      `<ofd:OFD Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>6a7c1d3e0f9b4c2a8e5d7f1b3c9a0e2d</ofd:DocID>` +
        `<ofd:Title>政府信息公开工作年度报告</ofd:Title><ofd:Author>办公室</ofd:Author>${created}<ofd:Creator>电子公文系统</ofd:Creator></ofd:DocInfo>` +
        `<ofd:DocRoot>${root("Doc_0/Document.xml")}</ofd:DocRoot>` +
        (options.sealed ? `<ofd:Signatures>${root("Doc_0/Signs/Signatures.xml")}</ofd:Signatures>` : "") +
        `</ofd:DocBody></ofd:OFD>`,
    ),
    "Doc_0/Document.xml": part(
      `<ofd:Document><ofd:CommonData><ofd:MaxUnitID>${id + 100 + pages.length}</ofd:MaxUnitID><ofd:PageArea>${box}</ofd:PageArea>` +
        `<ofd:PublicRes>${loc("PublicRes.xml")}</ofd:PublicRes><ofd:DocumentRes>${loc("DocumentRes.xml")}</ofd:DocumentRes>` +
        (options.template ? `<ofd:TemplatePage ID="4" BaseLoc="${loc("Tpls/Tpl_0/Content.xml")}"/>` : "") +
        `</ofd:CommonData><ofd:Pages>${refs.join("")}</ofd:Pages>` +
        (options.sealed ? `<ofd:Annotations>${loc("Annots/Annotations.xml")}</ofd:Annotations>` : "") +
        `</ofd:Document>`,
    ),
    "Doc_0/PublicRes.xml": part(
      `<ofd:Res BaseLoc="Res"><ofd:Fonts><ofd:Font ID="1" FontName="宋体" FamilyName="宋体"/>` +
        `<ofd:Font ID="2" FontName="仿宋_GB2312" FamilyName="仿宋_GB2312"/></ofd:Fonts></ofd:Res>`,
    ),
    "Doc_0/DocumentRes.xml": part(
      `<ofd:Res BaseLoc="Res"><ofd:MultiMedias><ofd:MultiMedia ID="3" Type="Image">` +
        `<ofd:MediaFile>image_3.png</ofd:MediaFile></ofd:MultiMedia></ofd:MultiMedias></ofd:Res>`,
    ),
    "Doc_0/Res/image_3.png": pictureBytes(4096),
    ...(options.sealed ? sealParts(pages.length - 1) : {}),
  });
  const encoder = new TextEncoder();
  const named = (xml: string) =>
    options.prefix === false ? xml.replace(/(<\/?)ofd:/g, "$1").replace(NS, NS.replace(":ofd", "")) : xml;
  return writeZip({
    entries: Object.entries(files).map(([name, data]) => ({
      name,
      data: typeof data === "string" ? encoder.encode(named(data)) : data,
    })),
  });
}

/** Bytes that stand for a picture (a PNG's signature, then noise): never inflated by the reader. */
const pictureBytes = (n: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i < 8 ? [137, 80, 78, 71, 13, 10, 26, 10][i] : (i * 131) % 251));

/** A signature over the document (its seal and signed value), and a stamp annotation on the last page. */
const sealParts = (last: number): Record<string, string | Uint8Array> => ({
  "Doc_0/Signs/Signatures.xml": part(
    `<ofd:Signatures><ofd:Signature ID="1" Type="Seal" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>`,
  ),
  "Doc_0/Signs/Sign_0/Signature.xml": part(
    `<ofd:Signature><ofd:SignedInfo><ofd:Provider ProviderName="电子印章系统" Version="1.0"/>` +
      `<ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod>` +
      `<ofd:StampAnnot ID="1" PageRef="${100 + last}" Boundary="120 200 42 42"/>` +
      `<ofd:Seal><ofd:BaseLoc>Seal.esl</ofd:BaseLoc></ofd:Seal></ofd:SignedInfo>` +
      `<ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>`,
  ),
  "Doc_0/Annots/Annotations.xml": part(
    `<ofd:Annotations><ofd:Page PageID="${100 + last}"><ofd:FileLoc>Page_${last}/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>`,
  ),
  [`Doc_0/Annots/Page_${last}/Annotation.xml`]: part(
    `<ofd:PageAnnot><ofd:Annot ID="902" Type="Stamp"><ofd:Appearance Boundary="120 200 42 42">` +
      `<ofd:ImageObject ID="900" Boundary="0 0 42 42" CTM="42 0 0 42 0 0" ResourceID="3"/>` +
      `<ofd:TextObject ID="901" Boundary="0 18 42 6" Font="1" Size="4">` +
      `<ofd:TextCode X="2" Y="4" DeltaX="g 5 4">电子印章文字</ofd:TextCode></ofd:TextObject>` +
      `</ofd:Appearance></ofd:Annot></ofd:PageAnnot>`,
  ),
  "Doc_0/Signs/Sign_0/Seal.esl": pictureBytes(2048),
  "Doc_0/Signs/Sign_0/SignedValue.dat": pictureBytes(512),
});

/** Body text: 仿宋_GB2312 三号 (16 pt), 22 lines to a page; the title 小标宋 二号 (22 pt); tables 9 pt. */
const BODY = 16 * MM;
const LINE = 28.8 * MM;
const TITLE = 22 * MM;
const CELL = 9 * MM;
const CELL_LINE = CELL * 1.35;
const PAD = 1.2;

/** A text broken into lines of at most `width` mm (the first `indent` mm narrower). */
function wrap(text: string, size: number, width: number, indent = 0): string[] {
  const lines: string[] = [];
  let [cur, w] = ["", indent];
  for (const ch of text) {
    if (cur && w + adv(ch, size) > width + 0.01) {
      lines.push(cur);
      [cur, w] = ["", 0];
    }
    cur += ch;
    w += adv(ch, size);
  }
  return cur ? [...lines, cur] : lines;
}

/** Lays blocks out on A4 pages from the top down, a new page where the next line or row does not fit. */
class Layout {
  pages: OfdPage[] = [{ texts: [], lines: [] }];
  y = A4.top;
  get page(): OfdPage {
    return this.pages[this.pages.length - 1];
  }
  room(h: number): void {
    if (this.y + h > A4.bottom && this.y > A4.top) {
      this.pages.push({ texts: [], lines: [] });
      this.y = A4.top;
    }
  }
  /** A paragraph: its first line indented two characters; or centred, or to the right. */
  paragraph(
    text: string,
    how: Partial<Pick<OfdText, "size" | "font">> & { align?: "center" | "right" } = {},
  ) {
    const size = how.size ?? BODY;
    const step = Math.max(LINE, size * 1.45);
    const indent = how.align ? 0 : 2 * size;
    wrap(text, size, A4.right - A4.left, indent).forEach((l, i) => {
      this.room(step);
      const w = widthOf(l, size);
      const right = how.align === "right" ? A4.right - 2 * size - w : A4.left + (i ? 0 : indent);
      const x = how.align === "center" ? (A4.left + A4.right - w) / 2 : right;
      this.page.texts.push({
        x,
        y: this.y + (step + size * 0.7) / 2,
        size,
        text: l,
        font: how.font ?? "fang",
      });
      this.y += step;
    });
  }
  /** A ruled table, its rows moved whole to the next page where they do not fit. */
  table(grid: TableGrid) {
    const { values, merges, left } = gridMatrix(grid);
    const [rows, cols] = [values.length, values[0].length];
    const total = grid.widths.reduce((a, b) => a + b, 0);
    const xs = [A4.left];
    for (const w of grid.widths) xs.push(xs[xs.length - 1] + ((A4.right - A4.left) * w) / total);
    // Each position's merged cell: its top-left row and column, and its span.
    const owner = values.map((row, r) => row.map((_, c) => [r, c, 1, 1]));
    for (const m of merges)
      for (let i = m[0]; i < m[0] + m[2]; i++) for (let j = m[1]; j < m[1] + m[3]; j++) owner[i][j] = m;
    const cells = owner.flat().filter(([r, c], k) => k === r * cols + c);
    const linesOf = ([r, c, , w]: number[]) =>
      values[r][c] === "" ? [] : wrap(String(values[r][c]), CELL, xs[c + w] - xs[c] - 2 * PAD);
    const heights = new Array<number>(rows).fill(7);
    for (const cell of cells) {
      const need = linesOf(cell).length * CELL_LINE + 2 * PAD;
      const [r, , h] = cell;
      const have = heights.slice(r, r + h).reduce((a, b) => a + b, 0);
      if (need > have) heights[r + h - 1] += need - have;
    }
    // Each row's page and top; the slices of rows on one page.
    const place: { page: OfdPage; top: number }[] = [];
    const slices: number[][] = [];
    heights.forEach((h, r) => {
      const before = this.page;
      this.room(h);
      if (!r || this.page !== before) slices.push([]);
      slices[slices.length - 1].push(r);
      place.push({ page: this.page, top: this.y });
      this.y += h;
    });
    const same = (r1: number, c1: number, r2: number, c2: number) => owner[r1][c1] === owner[r2][c2];
    for (const slice of slices) {
      const [first, last] = [slice[0], slice[slice.length - 1]];
      const { page } = place[first];
      const yOf = (r: number) => (r > last ? place[last].top + heights[last] : place[r].top);
      page.lines.push({ x1: xs[0], y1: yOf(first), x2: xs[cols], y2: yOf(last + 1), box: true });
      // The borders between cells, each run along one line drawn as one line (as word processors join them).
      const runs = (n: number, has: (i: number) => boolean, draw: (from: number, to: number) => void) => {
        for (let i = 0; i < n; i++) {
          if (!has(i)) continue;
          let j = i;
          while (j + 1 < n && has(j + 1)) j++;
          draw(i, j + 1);
          i = j;
        }
      };
      for (let r = first + 1; r <= last; r++)
        runs(
          cols,
          (c) => !same(r - 1, c, r, c),
          (a, b) => page.lines.push({ x1: xs[a], y1: yOf(r), x2: xs[b], y2: yOf(r) }),
        );
      for (let c = 1; c < cols; c++)
        runs(
          slice.length,
          (i) => !same(slice[i], c - 1, slice[i], c),
          (a, b) => page.lines.push({ x1: xs[c], y1: yOf(slice[a]), x2: xs[c], y2: yOf(slice[b - 1] + 1) }),
        );
    }
    // A cell's text in the part of it on the page where most of it is, centred in that part.
    for (const cell of cells) {
      const [r, c, h, w] = cell;
      const parts = slices
        .map((s) => s.filter((i) => i >= r && i < r + h))
        .filter((s) => s.length)
        .map((s) => ({ s, h: s.reduce((a, i) => a + heights[i], 0) }))
        .sort((a, b) => b.h - a.h);
      const { s, h: height } = parts[0];
      const lines = linesOf(cell);
      const labelLeft = left.some(([lr, lc]) => lr === r && lc === c);
      let y = place[s[0]].top + (height - lines.length * CELL_LINE) / 2;
      for (const l of lines) {
        const x = labelLeft ? xs[c] + PAD : (xs[c] + xs[c + w] - widthOf(l, CELL)) / 2;
        place[s[0]].page.texts.push({ x, y: y + CELL_LINE * 0.78, size: CELL, text: l, font: "song" });
        y += CELL_LINE;
      }
    }
    this.y += LINE / 2;
  }
}

export interface ReportOfdOptions extends OfdOptions {
  /** Paragraphs after 一's text, before 表二 (to move where the pages break). */
  filler?: number;
  /** The title drawn on a template page that the first page uses, not on the page itself. */
  templateTitle?: boolean;
}

/** A whole national-format report as an OFD: title, paragraphs, 表二/表三/表四, 落款, page numbers. */
export function reportOfd(t: TableSet, options: ReportOfdOptions = {}): Uint8Array {
  const format = getFormat(t.format);
  const out = new Layout();
  out.paragraph(t.agency, { size: TITLE, align: "center", font: "song" });
  out.paragraph(`${t.year}年政府信息公开工作年度报告`, { size: TITLE, align: "center", font: "song" });
  out.y += LINE / 2;
  const title = out.page.texts.splice(0);
  const grids: Record<string, TableGrid | null> = {
    t2: table2Grid(t, format),
    t3: table3Grid(t, format),
    t4: table4Grid(t, format),
  };
  for (const block of reportBlocks(t, options.filler ?? 0))
    if (block in grids) {
      const grid = grids[block];
      if (grid) out.table(grid);
    } else if (/^落款/.test(block)) out.paragraph(block.slice(2), { align: "right" });
    else out.paragraph(block);
  const pages = out.pages.map((page, i) => ({
    ...page,
    texts: [...(i || options.templateTitle ? [] : title), ...page.texts, pageNumber(i + 1)],
    ...(i === 0 && options.templateTitle ? { template: true } : {}),
  }));
  if (options.sealed) pages[pages.length - 1].images = [[120, 200, 42, 42]];
  const template = options.templateTitle ? { template: { texts: title, lines: [] } } : {};
  return ofdPackage(pages, { created: "2026-01-20", ...options, ...template });
}

/** "- 3 -" under the text, centred, 宋体 四号. */
const pageNumber = (n: number): OfdText => {
  const text = `- ${n} -`;
  return { x: (A4.left + A4.right - widthOf(text, 14 * MM)) / 2, y: 280, size: 14 * MM, text, font: "song" };
};

/** The report's paragraphs in order (as test/reports.ts's web page has them), its tables by part, its 落款. */
function reportBlocks(t: TableSet, filler: number): string[] {
  const sentences = Object.values(buildSentences(t, { selfName: "本局" }));
  return [
    `本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`,
    TEMPLATE_HEADINGS.s1,
    "本局从主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障五个方面推进政务公开工作，将政务公开纳入工作考核，开展社会评议，落实责任追究。",
    ...sentences,
    ...Array.from(
      { length: filler },
      (_, i) => `第${i + 1}段：本局持续推进政务公开标准化规范化建设，做好政府信息公开工作。`,
    ),
    TEMPLATE_HEADINGS.s2,
    "t2",
    TEMPLATE_HEADINGS.s3,
    "t3",
    TEMPLATE_HEADINGS.s4,
    "t4",
    TEMPLATE_HEADINGS.s5,
    "部分栏目更新不够及时。下一步将加强审核，按时更新。",
    TEMPLATE_HEADINGS.s6,
    "本年度未收取信息处理费。",
    `落款${t.agency}`,
    `落款${t.year + 1}年1月20日`,
  ];
}

/** The package's entries, with `edit` applied (an entry it maps to null is left out). */
export function editOfd(bytes: Uint8Array, edit: (name: string, text: string) => string | null): Uint8Array {
  const zip = readPackage(bytes, "edit.ofd", { kind: "ofd", need: (n) => n.endsWith(".xml") });
  const [decoder, encoder] = [new TextDecoder(), new TextEncoder()];
  const entries = zip.entries.flatMap((e) => {
    if (!e.data) return [e];
    const text = edit(e.name, decoder.decode(e.data));
    return text === null ? [] : [{ name: e.name, data: encoder.encode(text) }];
  });
  return writeZip({ entries });
}

/** A report whose second page's content part is missing. */
export const missingPageOfd = (t: TableSet): Uint8Array =>
  editOfd(reportOfd(t), (name, text) => (name === "Doc_0/Pages/Page_1/Content.xml" ? null : text));

/** A scan: every page only a picture. */
export const imagesOnlyOfd = (pages = 2): Uint8Array =>
  ofdPackage(Array.from({ length: pages }, () => ({ texts: [], lines: [], images: [[0, 0, A4.w, A4.h]] })));

/** A report signed with its seal (signature, stamp annotation, seal picture on the last page). */
export const sealedOfd = (t: TableSet): Uint8Array => reportOfd(t, { sealed: true });

/** One page of text, `count` pages long in its page list (every page the same part). */
export function longOfd(count: number): Uint8Array {
  const one = ofdPackage([{ texts: [{ x: 30, y: 50, size: BODY, text: "第一页" }], lines: [] }]);
  const pages = Array.from(
    { length: count },
    (_, i) => `<ofd:Page ID="${i + 1}" BaseLoc="Pages/Page_0/Content.xml"/>`,
  );
  return editOfd(one, (name, text) =>
    name === "Doc_0/Document.xml"
      ? text.replace(/<ofd:Pages>.*<\/ofd:Pages>/s, `<ofd:Pages>${pages.join("")}</ofd:Pages>`)
      : text,
  );
}
