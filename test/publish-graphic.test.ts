/**
 * The 图解 as files (src/cli/publishGraphic.ts writeGraphic, src/publish/graphicPng.ts, graphicFonts.ts,
 * fontSubset.ts): 图解.svg and 图解.png, the PNG 1080 px wide and portrait; its text drawn in the glyphs of a
 * Chinese font found on this machine, not boxes (「豆腐块」); the font subset resvg is handed draws exactly what the
 * whole font draws; without a Chinese font the PNG is refused with what to install, and the SVG still written.
 * The tests that draw Chinese need a Chinese font (fonts-noto-cjk; test/tools.ts).
 */
import { Resvg } from "@resvg/resvg-js";
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  writeFileSync,
} from "fs";
import os from "os";
import path from "path";
import { inflateSync } from "zlib";
import { writeGraphic } from "../src/cli/publishGraphic";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { subsetFont } from "../src/publish/fontSubset";
import { fontFaces } from "../src/publish/fontTables";
import type { ByteReader } from "../src/publish/fontTables";
import { graphicSvg } from "../src/publish/graphic";
import { findCjkFont } from "../src/publish/graphicFonts";
import { graphicPng } from "../src/publish/graphicPng";
import { needs } from "./tools";

const chinese = needs("cjkFont");
/** A Latin font with no Chinese glyph, shipped with pdfjs-dist (a dependency), so it is on every machine. */
const LATIN = path.join(
  path.dirname(require.resolve("pdfjs-dist/package.json")),
  "standard_fonts",
  "LiberationSans-Regular.ttf",
);
/** No font anywhere: no --font, no OGI_FONT, no known place, no folder. */
const NOWHERE = { knownFonts: [], fontDirs: [], env: {} };

let dir: string;
beforeAll(() => void (dir = mkdtempSync(path.join(os.tmpdir(), "ogi-graphic-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Image {
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Uint8Array;
}

/** A PNG read back: the IHDR, and the pixels of an 8-bit RGBA image through its row filters. */
function readPng(png: Uint8Array): Image {
  const b = Buffer.from(png);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString("latin1", 12, 16)).toBe("IHDR");
  const width = b.readUInt32BE(16);
  const height = b.readUInt32BE(20);
  expect([b[24], b[25]]).toEqual([8, 6]);
  const data: Buffer[] = [];
  for (let o = 8; o < b.length;) {
    const length = b.readUInt32BE(o);
    if (b.toString("latin1", o + 4, o + 8) === "IDAT") data.push(b.subarray(o + 8, o + 8 + length));
    o += 12 + length;
  }
  // Copied into this realm's Uint8Array: Jest's sandbox indexes a Buffer from Node's realm slowly.
  const raw = new Uint8Array(inflateSync(Buffer.concat(data)));
  const stride = width * 4;
  const pixels = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= 4 ? pixels[row + x - 4] : 0;
      const up = y ? pixels[row - stride + x] : 0;
      const c = x >= 4 && y ? pixels[row - stride + x - 4] : 0;
      let predict = 0;
      if (filter === 1) predict = a;
      else if (filter === 2) predict = up;
      else if (filter === 3) predict = (a + up) >> 1;
      else if (filter === 4) {
        const p = a + up - c;
        const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - up), Math.abs(p - c)];
        predict = pa <= pb && pa <= pc ? a : pb <= pc ? up : c;
      }
      pixels[row + x] = (raw[row + y + 1 + x] + predict) & 255;
    }
  }
  return { width, height, pixels };
}

/** Dark pixels (luma under half) in a box. */
function ink(img: Image, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let y = y0; y < y1; y++)
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * 4;
      if (0.299 * img.pixels[i] + 0.587 * img.pixels[i + 1] + 0.114 * img.pixels[i + 2] < 128) n++;
    }
  return n;
}
const differing = (a: Uint8Array, b: Uint8Array) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);

/** One line of six characters, 100 px each, black on white, from x = 20. */
const line = (s: string, family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="180" viewBox="0 0 640 180">` +
  `<rect width="640" height="180" fill="#ffffff"/>` +
  `<text x="20" y="130" font-size="100" fill="#000000" font-family="'${family}'">${s}</text></svg>`;

const reader =
  (fd: number): ByteReader =>
  (offset, length) => {
    const buf = Buffer.alloc(length);
    return new Uint8Array(buf.buffer, 0, readSync(fd, buf, 0, length, offset));
  };

const demo = () => compileWorkbook(sampleWorkbook()).tables;

chinese.test(
  "writeGraphic writes 图解.svg and 图解.png: the PNG 1080 px wide, portrait, as tall as the SVG",
  async () => {
    const out = path.join(dir, "网页版");
    const files = await writeGraphic(demo(), out);
    expect(files.svg).toBe(path.join(out, "图解.svg"));
    expect(files.png).toBe(path.join(out, "图解.png"));
    expect(files.problem).toBeUndefined();
    const svg = readFileSync(files.svg, "utf8");
    // The font the PNG is drawn with is named first in the SVG.
    expect(svg).toContain(`font-family="'${files.font?.family}'`);
    expect(svg).toBe(graphicSvg(demo(), { fontFamily: files.font?.family }));
    const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
    const png = readPng(readFileSync(files.png as string));
    expect(png.width).toBe(1080);
    expect(png.height).toBe(height);
    expect(png.height).toBeGreaterThan(png.width);
  },
);

chinese.test(
  "the PNG's text is glyphs, not tofu: each character inked, different characters drawn differently",
  () => {
    const font = findCjkFont() as NonNullable<ReturnType<typeof findCjkFont>>;
    const [a, b] = ["政府信息公开", "年度报告图解"];
    const cjk = [a, b].map((s) => readPng(graphicPng(line(s, font.family), { found: font, width: 640 })));
    // The same lines with a font that has no Chinese glyph: what a PNG with tofu looks like.
    const tofu = [a, b].map((s) => {
      const r = new Resvg(line(s, "Liberation Sans"), {
        font: { fontFiles: [LATIN], loadSystemFonts: false, defaultFontFamily: "Liberation Sans" },
        background: "#ffffff",
      });
      return readPng(r.render().asPng());
    });
    // Every character of the Chinese render has ink in its own 100 px cell.
    for (const img of cjk)
      for (let k = 0; k < 6; k++) expect(ink(img, 20 + 100 * k, 20, 120 + 100 * k, 170)).toBeGreaterThan(400);
    // Two different lines are two different pictures with the Chinese font …
    expect(differing(cjk[0].pixels, cjk[1].pixels)).toBeGreaterThan(4000);
    // … and one and the same picture without it: every Chinese character falls to the same .notdef (box or nothing).
    expect(differing(tofu[0].pixels, tofu[1].pixels)).toBe(0);
    expect(differing(cjk[0].pixels, tofu[0].pixels)).toBeGreaterThan(4000);
  },
);

chinese.test("a character the font lacks is refused, not drawn as a box", () => {
  expect(() => graphicPng(line("政府\ue000", "x"))).toThrow(/缺少「\ue000」的字形.*--font/);
});

chinese.test(
  "the font subset resvg is handed draws exactly what the whole font draws, in a fraction of the bytes",
  () => {
    const font = findCjkFont() as NonNullable<ReturnType<typeof findCjkFont>>;
    const svg = graphicSvg(demo(), { fontFamily: font.family });
    const whole = new Resvg(svg, {
      font: {
        fontFiles: font.files,
        loadSystemFonts: false,
        defaultFontFamily: font.family,
        sansSerifFamily: font.family,
      },
      fitTo: { mode: "width", value: 1080 },
      background: "#ffffff",
    }).render();
    const subset = readPng(graphicPng(svg, { found: font }));
    expect(subset.width).toBe(whole.width);
    expect(differing(subset.pixels, whole.pixels)).toBe(0);
    const fd = openSync(font.file, "r");
    try {
      const bytes = subsetFont(
        reader(fd),
        font.faces[0].face,
        [..."政府信息公开123"].map((c) => c.codePointAt(0) ?? 0),
      );
      expect(bytes).not.toBeNull();
      const faces = fontFaces((o, n) => (bytes as Uint8Array).slice(o, o + n));
      expect(faces.map((f) => f.families[0])).toEqual([font.family]);
      expect(
        [..."政府1"].every(
          (c) => faces[0].glyph(c.codePointAt(0) ?? 0) === font.faces[0].face.glyph(c.codePointAt(0) ?? 0),
        ),
      ).toBe(true);
      expect(faces[0].has("报".codePointAt(0) ?? 0)).toBe(false);
    } finally {
      closeSync(fd);
    }
  },
  60000,
);

test("a TrueType (glyf) font's subset draws exactly what the whole font draws, composite glyphs included", () => {
  const text = "Aé%0129 Ωfiñ";
  const fd = openSync(LATIN, "r");
  let bytes: Uint8Array | null;
  try {
    const [face] = fontFaces(reader(fd));
    expect(face.families[0]).toBe("Liberation Sans");
    bytes = subsetFont(
      reader(fd),
      face,
      [...text, " "].map((c) => c.codePointAt(0) ?? 0),
    );
  } finally {
    closeSync(fd);
  }
  expect(bytes).not.toBeNull();
  const file = path.join(dir, "latin-subset.ttf");
  writeFileSync(file, bytes as Uint8Array);
  const svg = line(text, "Liberation Sans").replace('font-size="100"', 'font-size="48"');
  const draw = (f: string) =>
    new Resvg(svg, {
      font: { fontFiles: [f], loadSystemFonts: false, defaultFontFamily: "Liberation Sans" },
    }).render().pixels;
  const whole = draw(LATIN);
  expect(ink({ width: 640, height: 180, pixels: whole }, 0, 0, 640, 180)).toBeGreaterThan(1000);
  expect(differing(draw(file), whole)).toBe(0);
});

test("without a Chinese font the PNG is refused, naming what to install, and the SVG is still written", async () => {
  expect(() => graphicPng(line("政府", "x"), NOWHERE)).toThrow(
    /找不到中文字体.*fonts-noto-cjk.*--font.*OGI_FONT/,
  );
  const out = path.join(dir, "无字体");
  const files = await writeGraphic(demo(), out, { fontSearch: NOWHERE });
  expect(existsSync(files.svg)).toBe(true);
  expect(files.png).toBeNull();
  expect(existsSync(path.join(out, "图解.png"))).toBe(false);
  expect(files.problem).toMatch(/apt-get install fonts-noto-cjk/);
  // The SVG names the families a browser can use.
  expect(readFileSync(files.svg, "utf8")).toContain("'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC'");
});

test("a font named by --font or OGI_FONT must exist, be a font and have Chinese glyphs — never a silent fallback", async () => {
  const notFont = path.join(dir, "不是字体.ttf");
  writeFileSync(notFont, "这不是字体");
  const cases: [string, RegExp][] = [
    [path.join(dir, "没有这个字体.ttf"), /--font 指定的字体文件「.*没有这个字体\.ttf」不存在/],
    [notFont, /不是字体文件/],
    [LATIN, /「Liberation Sans」.*没有中文字形/],
  ];
  for (const [font, message] of cases) {
    const files = await writeGraphic(demo(), path.join(dir, "指定字体"), { font, fontSearch: NOWHERE });
    expect(files.png).toBeNull();
    expect(files.problem).toMatch(message);
  }
  expect(() => findCjkFont({ env: { OGI_FONT: LATIN } })).toThrow(
    /环境变量 OGI_FONT 指定的字体「Liberation Sans」/,
  );
});

chinese.test(
  "findCjkFont: --font, then OGI_FONT, then the known places, then a scan of the font folders",
  () => {
    const found = findCjkFont({ env: {} }) as NonNullable<ReturnType<typeof findCjkFont>>;
    expect(found.how).toMatch(/系统字体|扫描字体目录/);
    expect(findCjkFont({ font: found.file })?.how).toBe("--font");
    expect(findCjkFont({ env: { OGI_FONT: found.file } })?.how).toBe("环境变量 OGI_FONT");
    const scanned = findCjkFont({
      knownFonts: [],
      fontDirs: [path.dirname(path.dirname(found.file))],
      env: {},
    });
    expect(scanned?.how).toBe("扫描字体目录");
    expect(scanned?.has("政".codePointAt(0) ?? 0)).toBe(true);
  },
);
