/**
 * The 图解 as a part of the Word report: a picture in a content control tagged `ogi:graphic`, after the
 * signature in a report made with `report --graphic`, or wherever someone inserted it from the Word pane. Its
 * text — what tells whether it is stale — is the SVG's description, which holds every number it shows; the PNG is
 * drawn only when the part is written (`drawn`), by the command line's rasteriser or a pane's canvas.
 */
import { decodeXml } from "../report/common/xmlEntities";
import type { DocPart, PictureImage } from "../report/text/document";
import type { TableSet } from "../report/tables/tables";
import { graphicSvg } from "./graphic";
import type { GraphicOptions } from "./graphic";

import { GRAPHIC_ALIAS, GRAPHIC_PART } from "./files";
export { GRAPHIC_ALIAS, GRAPHIC_PART };

const element = (svg: string, name: string): string =>
  decodeXml(new RegExp(`<${name}\\b[^>]*>([\\s\\S]*?)</${name}>`).exec(svg)?.[1] ?? "");

/** What an update says of a 图解 it could not draw: the old picture is kept. */
export const graphicNotRedrawn = (why: string): string =>
  `未更新「${GRAPHIC_ALIAS}」，报告中保留原图：${why}`;

/** The part that holds a 图解's picture, from its SVG (its title and description). */
export function partOfGraphic(svg: string): DocPart {
  return {
    id: GRAPHIC_PART,
    alias: GRAPHIC_ALIAS,
    optional: true,
    blocks: [{ kind: "picture", alt: element(svg, "title"), text: element(svg, "desc") }],
  };
}

/** The 图解 of the tables: its SVG and the part that will hold its picture. */
export function graphicPart(tables: TableSet, options: GraphicOptions = {}): { part: DocPart; svg: string } {
  const svg = graphicSvg(tables, options);
  return { svg, part: partOfGraphic(svg) };
}

/** The size a PNG says it has (its IHDR), or null when the bytes are no PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The part with its picture drawn: the PNG given. */
export function drawn(part: DocPart, png: Uint8Array): DocPart {
  const size = pngSize(png);
  if (!size) throw new Error("图解的图片不是 PNG，未能放入报告");
  const image: PictureImage = { png, ...size };
  return { ...part, blocks: part.blocks.map((b) => (b.kind === "picture" ? { ...b, image } : b)) };
}
