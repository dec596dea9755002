/**
 * The command line's 图解: 图解.svg and 图解.png written into a folder (for `publish`). The SVG is always written;
 * the PNG needs a Chinese font on this machine (src/publish/graphicFonts.ts says where it looks) — without one,
 * or when the font named by --font or OGI_FONT is unusable, the PNG is not written and `problem` says why and
 * what to install. Files are written as every output of the command line is (files.ts: atomically, never over
 * an input).
 */
import { promises as fs } from "fs";
import path from "path";
import type { TableSet } from "../report/tables/tables";
import { graphicSvg } from "../publish/graphic";
import { findCjkFont, NO_CJK_FONT } from "../publish/graphicFonts";
import type { CjkFont, FontSearch } from "../publish/graphicFonts";
import { graphicPng } from "../publish/graphicPng";
import { drawn, partOfGraphic } from "../publish/graphicPart";
import type { DocPart } from "../report/text/document";
import { fileProblem, writeOutput } from "./files";
export { GRAPHIC_PNG, GRAPHIC_SVG } from "../publish/files";
import { GRAPHIC_PNG, GRAPHIC_SVG } from "../publish/files";

export interface GraphicWriteOptions {
  /** Last year's tables (for 「较上年…」). */
  previous?: TableSet;
  /** A font file named on the command line (--font). */
  font?: string;
  /** Where to look for fonts instead of this machine's places (tests). */
  fontSearch?: Omit<FontSearch, "font">;
  /** The command's input files, never overwritten. */
  inputs?: string[];
}

export interface GraphicFiles {
  /** The path of 图解.svg. */
  svg: string;
  /** The path of 图解.png, or null when it could not be drawn (then `problem` says why). */
  png: string | null;
  /** The font the PNG was drawn with: its file, family and how it was found. */
  font: CjkFont | null;
  /** Why there is no PNG, in Chinese, with what to install or pass. */
  problem?: string;
}

/** The 图解 drawn: its SVG, and its PNG where a Chinese font was found (else `problem` says why). */
export interface DrawnGraphic {
  svg: string;
  png: Uint8Array | null;
  font: CjkFont | null;
  problem?: string;
}

/** Draws the 图解 of the tables: the SVG always, the PNG with a Chinese font of this machine. */
export function drawGraphic(tables: TableSet, options: GraphicWriteOptions = {}): DrawnGraphic {
  let font: CjkFont | null = null;
  let problem: string | undefined;
  try {
    font = findCjkFont({ ...options.fontSearch, font: options.font });
  } catch (e) {
    problem = (e as Error).message;
  }
  const svg = graphicSvg(tables, { previous: options.previous, fontFamily: font?.family });
  if (!font) return { svg, png: null, font, problem: problem ?? NO_CJK_FONT };
  try {
    return { svg, png: graphicPng(svg, { found: font }), font };
  } catch (e) {
    return { svg, png: null, font, problem: (e as Error).message };
  }
}

/**
 * The 图解 as a part of the Word report (`report --graphic`, `update` of a report that holds one), drawn; or
 * null and why, when no PNG could be drawn.
 */
export function graphicReportPart(
  tables: TableSet,
  options: GraphicWriteOptions = {},
): { part: DocPart | null; drawing: DrawnGraphic } {
  const drawing = drawGraphic(tables, options);
  return { part: drawing.png ? drawn(partOfGraphic(drawing.svg), drawing.png) : null, drawing };
}

/** Writes 图解.svg and 图解.png into `dir` (made when missing); returns their paths. */
export async function writeGraphic(
  tables: TableSet,
  dir: string,
  options: GraphicWriteOptions = {},
): Promise<GraphicFiles> {
  const { svg, png, font, problem } = drawGraphic(tables, options);
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (e) {
    throw fileProblem(e, dir, false);
  }
  const inputs = options.inputs ?? [];
  const svgFile = path.join(dir, GRAPHIC_SVG);
  await writeOutput(svgFile, new TextEncoder().encode(svg), inputs);
  if (!png) return { svg: svgFile, png: null, font, problem };
  const pngFile = path.join(dir, GRAPHIC_PNG);
  await writeOutput(pngFile, png, inputs);
  return { svg: svgFile, png: pngFile, font };
}
