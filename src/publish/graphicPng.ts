/**
 * Node only: the 图解 as a PNG, drawn by resvg from the SVG (graphic.ts) with a Chinese font found on this
 * machine (graphicFonts.ts) — only that font is loaded (no system fonts), so what is drawn is predictable, and
 * every character of the SVG's text is checked against the font first: a character the font lacks would be a
 * box (「豆腐块」), so the PNG is refused with the characters named instead. resvg is handed a subset of the font
 * (fontSubset.ts: the same glyphs for the characters of the SVG, nothing else) written to a temporary folder
 * and removed afterwards — with the whole 20 MB font it takes seconds (it rereads the file for every glyph).
 */
import { decodeXml } from "../report/common/xmlEntities";
import { Resvg } from "@resvg/resvg-js";
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { subsetFont } from "./fontSubset";
import { findCjkFont, NO_CJK_FONT } from "./graphicFonts";
import type { CjkFont, FontSearch } from "./graphicFonts";
import { GRAPHIC_WIDTH } from "./graphicParts";

export interface PngOptions extends Omit<FontSearch, "font"> {
  /** A font file to use (`--font`); otherwise OGI_FONT, then the fonts this machine has. */
  font?: string;
  /** A font already found (writeGraphic finds it once for both files). */
  found?: CjkFont;
  /** Pixel width; the 图解's 1080 unless given. */
  width?: number;
}

/** The characters of the SVG's text (what <text> elements and their <tspan>s hold, entities decoded). */
export function svgCharacters(svg: string): Set<string> {
  const chars = new Set<string>();
  for (const m of svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g))
    for (const ch of decodeXml(m[1].replace(/<[^>]*>/g, ""))) if (!"\t\n\r".includes(ch)) chars.add(ch);
  return chars;
}

/**
 * The PNG of an SVG, drawn with a Chinese font. Throws (a Chinese sentence) when this machine has no Chinese
 * font, when the named font is missing or not Chinese, or when the font lacks a character of the text.
 */
export function graphicPng(svg: string, options: PngOptions = {}): Uint8Array {
  const font = options.found ?? findCjkFont(options);
  if (!font) throw new Error(NO_CJK_FONT);
  const missing = [...svgCharacters(svg)].filter((ch) => !font.has(ch.codePointAt(0) ?? 0));
  if (missing.length)
    throw new Error(
      `字体「${font.family}」（${font.file}）缺少「${missing.slice(0, 10).join("")}」` +
        `${missing.length > 10 ? `等${missing.length}个字` : ""}的字形，图片中会显示成方框；请用 --font 指定另一个中文字体。`,
    );
  const subset = subsetFiles(font, [...svgCharacters(svg)]);
  try {
    return render(svg, font, subset.files, options.width ?? GRAPHIC_WIDTH);
  } finally {
    subset.remove();
  }
}

/** The font's faces cut down to the characters (a face that cannot be cut is used whole). */
function subsetFiles(font: CjkFont, chars: string[]): { files: string[]; remove(): void } {
  const codePoints = [...new Set([...chars, " "].map((ch) => ch.codePointAt(0) ?? 0))];
  let dir: string | null = null;
  const files = font.faces.map(({ file, face }, i) => {
    let bytes: Uint8Array | null = null;
    let fd: number | null = null;
    try {
      fd = openSync(file, "r");
      const handle = fd;
      bytes = subsetFont(
        (offset, length) => {
          const buf = Buffer.alloc(length);
          const n = readSync(handle, buf, 0, length, offset);
          return new Uint8Array(buf.buffer, buf.byteOffset, n);
        },
        face,
        codePoints,
      );
      if (!bytes) return file;
      dir ??= mkdtempSync(path.join(os.tmpdir(), "ogi-font-"));
      const out = path.join(dir, `${i}${face.tables.has("CFF ") ? ".otf" : ".ttf"}`);
      writeFileSync(out, bytes);
      return out;
    } catch {
      return file;
    } finally {
      if (fd !== null) closeSync(fd);
    }
  });
  return { files, remove: () => dir && rmSync(dir, { recursive: true, force: true }) };
}

function render(svg: string, font: CjkFont, files: string[], width: number): Uint8Array {
  const resvg = new Resvg(svg, {
    font: {
      fontFiles: files,
      loadSystemFonts: false,
      defaultFontFamily: font.family,
      sansSerifFamily: font.family,
      serifFamily: font.family,
    },
    fitTo: { mode: "width", value: width },
    background: "#ffffff",
    logLevel: "off",
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.length);
}
