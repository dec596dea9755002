/**
 * The 图解 in the Word report from the command line (src/cli/reportGraphic.ts, src/docx/pictures.ts):
 * `report --graphic` puts it after the signature, on a page of its own, in its `ogi:graphic` control — the PNG
 * drawn from the tables, its alt text the 图解's description; `update` leaves it alone while the numbers are the
 * same and redraws it in its control when they change, moving the new picture in and the old one out, every
 * other byte of what people wrote kept; where no Chinese font draws it, the report is still written and says so;
 * LibreOffice opens the report with the picture. Drawing needs a Chinese font (fonts-noto-cjk; test/tools.ts).
 */
import { execFileSync } from "child_process";
import path from "path";
import { call, tempFolder } from "./cli-harness";
import { pdfText, sofficeEach } from "./office";
import { needs } from "./tools";
import { entryBytes } from "./docx";
import { findSdts } from "../src/docx/ooxml";
import { readStoredReport } from "../src/docx/customxml";
import { readZip, writeZip, xmlText } from "../src/docx/zip";
import type { ZipFile } from "../src/docx/zip";
import { compileWorkbook } from "../src/report/compile";
import { SHEETS } from "../src/report/register/registers";
import { sampleWorkbook } from "../src/report/sample";
import type { WorkbookData } from "../src/report/common/cells";
import { graphicSvg } from "../src/publish/graphic";
import { workbookBuffer } from "../src/workbook/write";
import { readFileSync } from "fs";

const chinese = needs("cjkFont");
const office = needs("cjkFont", "soffice", "pdftotext");
const files = tempFolder("ogi-word-graphic-");
/** A Latin font with no Chinese glyph (pdfjs-dist's): a --font that cannot draw the 图解. */
const LATIN = path.join(
  path.dirname(require.resolve("pdfjs-dist/package.json")),
  "standard_fonts",
  "LiberationSans-Regular.ttf",
);

const open = (file: string) => readZip(new Uint8Array(readFileSync(file)), path.basename(file));
const docXml = (zip: ZipFile) => xmlText(zip, "word/document.xml", "d") as string;
const rels = (zip: ZipFile) => xmlText(zip, "word/_rels/document.xml.rels", "d") as string;
type Sdt = ReturnType<typeof findSdts>[number];
const graphicOf = (xml: string): Sdt | undefined => findSdts(xml).find((s) => s.tag === "ogi:graphic");
const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const attrs = (xml: string, name: string) =>
  [...xml.matchAll(new RegExp(`<wp:docPr\\b[^>]*\\s${name}="([^"]*)"`, "g"))].map((m) => unescape(m[1]));
/** The relationship target of each r:embed in a fragment. */
const targets = (zip: ZipFile, fragment: string) =>
  [...fragment.matchAll(/r:embed="([^"]+)"/g)].map(
    (m) => new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels(zip))?.[1] ?? `（无 ${m[1]}）`,
  );
const pngSize = (bytes: Uint8Array) => {
  const b = Buffer.from(bytes);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
};
/** A media file of a .docx on disk. */
const media = (file: string, name: string) => entryBytes(open(file), name);
/** The document with the content of every `ogi:` control taken out: what people wrote, and where. */
const theirs = (xml: string) => {
  let out = "";
  let at = 0;
  for (const s of findSdts(xml).filter((x) => x.tag.startsWith("ogi:"))) {
    if (s.content.start < at) continue; // inside one already taken out
    out += xml.slice(at, s.content.start);
    at = s.content.end;
  }
  return out + xml.slice(at);
};

const wbFile = async (name: string, wb: WorkbookData) => files.put(name, await workbookBuffer(wb));
const fewer = () => {
  const wb = sampleWorkbook();
  wb.sheets.find((s) => s.name === SHEETS.applications)?.rows.splice(1, 70);
  return wb;
};
/** What people add around the 图解: a paragraph before it, and one after. */
const BEFORE = "<w:p><w:r><w:t>附件：本局2025年政府信息公开工作年度报告图解（请勿删除）</w:t></w:r></w:p>";
const AFTER = "<w:p><w:r><w:t>（以上图解由办公室审核）</w:t></w:r></w:p>";
const withTheirText = (file: string, out: string, extra = "") => {
  const zip = open(file);
  const xml = docXml(zip);
  const g = graphicOf(xml) as Sdt;
  const e = zip.entries.find((x) => x.name === "word/document.xml");
  if (!e) throw new Error("document.xml");
  e.data = new TextEncoder().encode(
    xml.slice(0, g.start) + BEFORE + xml.slice(g.start, g.end) + AFTER + extra + xml.slice(g.end),
  );
  return files.put(out, writeZip(zip));
};

describe("report --graphic and update", () => {
  chinese.test(
    "report --graphic: the 图解 after the signature, on its own page, drawn from the tables",
    async () => {
      const sample = await wbFile("台账.xlsx", sampleWorkbook());
      const withIt = path.join(files.dir, "带图解.docx");
      const without = path.join(files.dir, "不带图解.docx");
      const r = await call(["report", sample, "-o", withIt, "--graphic"]);
      expect(r.err).toBe("");
      expect(r.out).toMatch(/已在落款之后插入「图解」（字体：.+）/);
      expect((await call(["report", sample, "-o", without])).out).not.toContain("「图解」");
      const zip = open(withIt);
      const xml = docXml(zip);
      const sdts = findSdts(xml).filter((s) => s.tag.startsWith("ogi:"));
      // The last part, right after the signature; nothing of the report's own changed by it.
      expect(sdts.map((s) => s.tag).slice(-2)).toEqual(["ogi:signature", "ogi:graphic"]);
      const g = graphicOf(xml) as Sdt;
      const content = xml.slice(g.content.start, g.content.end);
      expect(content).toContain("<w:pageBreakBefore/>");
      expect(xml.slice(0, g.start)).toBe(docXml(open(without)).slice(0, g.start));
      // Its picture: the PNG of the 图解, 1080 px wide; the alt text the SVG's title and description.
      const [target] = targets(zip, content);
      const png = media(withIt, `word/${target}`) as Uint8Array;
      const svg = graphicSvg(compileWorkbook(sampleWorkbook()).tables);
      const svgHeight = Number(/<svg\b[^>]*\sheight="(\d+)"/.exec(svg)?.[1]);
      expect(pngSize(png)).toEqual({ width: 1080, height: svgHeight });
      expect(attrs(content, "descr")).toEqual(
        [/<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1]].map((s) => unescape(s ?? "")),
      );
      expect(attrs(content, "title")[0]).toMatch(/^云溪区.+2025年政府信息公开工作年度报告图解$/);
      // Shown whole on the page (156 × 225 mm of text block), its proportions kept.
      const [cx, cy] = (/<wp:extent cx="(\d+)" cy="(\d+)"/.exec(content) ?? []).slice(1).map(Number);
      const mmOf = (emu: number) => emu / 36000;
      expect(mmOf(cx)).toBeLessThanOrEqual(156);
      expect(mmOf(cy)).toBeLessThanOrEqual(225);
      expect(Math.abs(cx / cy - 1080 / svgHeight)).toBeLessThan(0.01);
      // The data the report carries records the 图解 with the rest.
      expect(Object.keys(readStoredReport(zip, "d")?.meta.hashes ?? {})).toContain("graphic");
    },
  );

  chinese.test(
    "update: the same numbers leave it alone; new ones redraw it in its control, people's text kept",
    async () => {
      const made = path.join(files.dir, "带图解.docx");
      const theirsFile = withTheirText(made, "他们的.docx");
      const same = path.join(files.dir, "同数.docx");
      const u0 = await call(["update", theirsFile, path.join(files.dir, "台账.xlsx"), "-o", same]);
      expect(u0.out).toContain("没有需要更新的内容");
      expect(docXml(open(same))).toBe(docXml(open(theirsFile)));

      const next = await wbFile("本月.xlsx", fewer());
      const out = path.join(files.dir, "更新.docx");
      const u = await call(["update", theirsFile, next, "-o", out]);
      expect(u.out).toMatch(/已更新「图解」：\n\s+已按最新数据重新绘制/);
      expect(u.out).not.toContain("保留「ogi:graphic」");
      const before = open(theirsFile);
      const after = open(out);
      const [oldXml, newXml] = [docXml(before), docXml(after)];
      // What people wrote, and where, byte for byte.
      expect(theirs(newXml)).toBe(theirs(oldXml));
      expect(newXml).toContain(
        BEFORE + newXml.slice((graphicOf(newXml) as Sdt).start, (graphicOf(newXml) as Sdt).end) + AFTER,
      );
      // The new picture, of the new numbers; the old one gone from the package.
      const g = graphicOf(newXml) as Sdt;
      const content = newXml.slice(g.content.start, g.content.end);
      const fresh = compileWorkbook(fewer()).tables;
      expect(attrs(content, "descr")[0]).toContain(
        `本年新收政府信息公开申请数量${(fresh.t3.new as number[])[6]}`,
      );
      const [oldTarget] = targets(before, oldXml.slice((graphicOf(oldXml) as Sdt).content.start));
      const [newTarget] = targets(after, content);
      expect(newTarget).not.toBe(oldTarget);
      expect(pngSize(media(out, `word/${newTarget}`) as Uint8Array).width).toBe(1080);
      expect(after.entries.map((e) => e.name)).not.toContain(`word/${oldTarget}`);
      expect(rels(after)).not.toContain(`Target="${oldTarget}"`);
      expect(xmlText(after, "[Content_Types].xml", "d")).toMatch(/Extension="png"/);
      const ids = attrs(newXml, "id");
      expect(new Set(ids).size).toBe(ids.length);
    },
  );

  chinese.test(
    "update: a copy of the old picture people pasted outside the control keeps its file",
    async () => {
      const made = path.join(files.dir, "带图解.docx");
      const zip = open(made);
      const g = graphicOf(docXml(zip)) as Sdt;
      const drawing =
        /<w:drawing>[\s\S]*?<\/w:drawing>/.exec(docXml(zip).slice(g.content.start, g.content.end))?.[0] ?? "";
      const copy = `<w:p><w:r>${drawing.replace(/(<wp:docPr\b[^>]*?\sid=")\d+"/, '$1901"')}</w:r></w:p>`;
      const file = withTheirText(made, "贴了一份.docx", copy);
      const out = path.join(files.dir, "贴了一份-更新.docx");
      await call(["update", file, path.join(files.dir, "本月.xlsx"), "-o", out]);
      const after = open(out);
      const xml = docXml(after);
      const [oldTarget] = targets(open(file), copy);
      expect(xml).toContain(copy);
      expect(after.entries.map((e) => e.name)).toContain(`word/${oldTarget}`);
      expect(targets(after, copy)).toEqual([oldTarget]);
      const ids = attrs(xml, "id");
      expect(new Set(ids).size).toBe(ids.length);
    },
  );
});

describe("where no Chinese font draws the 图解", () => {
  test("report --graphic still writes the report, without the picture, and says why", async () => {
    const sample = await wbFile("台账2.xlsx", sampleWorkbook());
    const out = path.join(files.dir, "无字体.docx");
    const r = await call(["report", sample, "-o", out, "--graphic", "--font", LATIN]);
    expect(r.out).toMatch(/未插入「图解」：--font 指定的字体.+没有中文字形/);
    expect(graphicOf(docXml(open(out)))).toBeUndefined();
  });

  chinese.test("update keeps the old picture, says so once, and updates the rest", async () => {
    const made = path.join(files.dir, "带图解.docx");
    const out = path.join(files.dir, "无字体-更新.docx");
    const r = await call(["update", made, path.join(files.dir, "本月.xlsx"), "-o", out, "--font", LATIN]);
    expect(r.out).toMatch(/未更新「图解」，报告中保留原图：--font 指定的字体/);
    expect(r.out).not.toContain("保留「ogi:graphic」");
    expect(r.out).toContain("已更新「表三");
    const [a, b] = [docXml(open(made)), docXml(open(out))];
    const slice = (x: string) => x.slice((graphicOf(x) as Sdt).start, (graphicOf(x) as Sdt).end);
    expect(slice(b)).toBe(slice(a));
  });
});

describe("LibreOffice opens the report with its 图解", () => {
  office.test("the picture on the last page, the text before it as written", async () => {
    const file = path.join(files.dir, "他们的.docx");
    const dir = path.join(files.dir, "lo");
    const { pdf, docx } = await sofficeEach([file], ["pdf", "docx"], dir);
    const text = pdfText(pdf[0]);
    expect(text).toContain("附件：本局2025年政府信息公开工作年度报告图解（请勿删除）");
    expect(text).toContain("（以上图解由办公室审核）");
    // The PDF's last page holds one picture of the 图解's proportions.
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf[0]], { encoding: "utf8" }))?.[1]);
    const images = execFileSync("pdfimages", ["-list", "-f", String(pages), "-l", String(pages), pdf[0]], {
      encoding: "utf8",
    })
      .split("\n")
      .slice(2)
      .map((l) => l.trim().split(/\s+/))
      // The picture (its transparency, if any, is a second row of type smask).
      .filter((c) => c[2] === "image")
      .map((c) => c.map(Number));
    expect(images).toHaveLength(1);
    const svg = graphicSvg(compileWorkbook(sampleWorkbook()).tables);
    const ratio = 1080 / Number(/<svg\b[^>]*\sheight="(\d+)"/.exec(svg)?.[1]);
    expect(Math.abs(images[0][3] / images[0][4] - ratio)).toBeLessThan(0.01);
    // Saved again by LibreOffice as .docx: the picture is still in the package.
    const again = readZip(new Uint8Array(readFileSync(docx[0])), "lo");
    expect(again.entries.some((e) => /^word\/media\/.+\.png$/i.test(e.name))).toBe(true);
  });
});
