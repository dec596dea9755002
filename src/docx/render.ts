/**
 * The report as a .docx, with the `docx` package: A4 and the GB/T 9704 layout of domain.md §4, the tables with
 * the template's merges, every generated part in a block content control tagged `ogi:<part>`, and a custom
 * XML part with the data it was made from. All formatting is direct (no styles, numbering or relationships
 * inside parts), so a part's XML can be moved into another document as it is.
 */
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  Document,
  FileChild,
  Footer,
  HighlightColor,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  StringValueElement,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from "docx";
import type { DocBlock, DocPart, PictureBlock, ReportDocument } from "../report/text/document";
import { partHashes, TAG_PREFIX } from "../report/text/document";
import { reportTitle } from "../report/formats";
import { expandGrid } from "../report/tables/layout";
import type { GridCell, TableGrid } from "../report/tables/layout";
import { addCustomXmlPart, reportXml } from "./customxml";
import { FONTS, LAYOUT, mm, tableFontSize } from "./styles";
import type { FontRole } from "./styles";
import type { ReportMeta } from "./customxml";
import { readZip, writeZip } from "./zip";

function run(text: string, role: FontRole, extra: { size?: number; highlight?: boolean } = {}): TextRun {
  const f = FONTS[role];
  return new TextRun({
    text,
    font: { eastAsia: f.eastAsia, ascii: f.ascii, hAnsi: f.ascii },
    size: extra.size ?? f.size,
    ...(extra.highlight ? { highlight: HighlightColor.YELLOW } : {}),
  });
}

const bodySpacing = { line: LAYOUT.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const firstLine = { firstLine: 640 }; // two characters of 16 pt

function paragraphs(block: DocBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case "title":
      return block.lines.map(
        (line) =>
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { line: mm(12), lineRule: LineRuleType.EXACT },
            children: [run(line, "title")],
          }),
      );
    case "subtitle":
      return [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: bodySpacing,
          children: [run(block.text, "body")],
        }),
      ];
    case "heading":
      return [
        new Paragraph({
          spacing: bodySpacing,
          indent: firstLine,
          keepNext: true,
          keepLines: true,
          children: [run(block.text, block.level === 1 ? "h1" : "h2")],
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({ spacing: bodySpacing, indent: firstLine, children: [run(block.text, "body")] }),
      ];
    case "placeholder":
      return [
        new Paragraph({
          spacing: bodySpacing,
          indent: firstLine,
          children: [run(block.text, "body", { highlight: true })],
        }),
      ];
    case "signature":
      return block.lines.map(
        (line) =>
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: bodySpacing,
            indent: { right: 640 },
            children: [run(line, "body")],
          }),
      );
    case "table":
      // A hairline paragraph first: LibreOffice turns a control's first paragraph into an input field with
      // default character size, which must not be a table cell.
      return [
        new Paragraph({
          spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
          run: { size: 2 },
        }),
        table(block.grid),
      ];
    case "picture":
      return [picture(block)];
  }
}

/** A picture's box: the text block of the page (156 × 225 mm), less the line a paragraph needs. */
const PICTURE_BOX_MM = { width: 156, height: 215 };
const pxOfMm = (v: number) => (v / 25.4) * 96;

/**
 * A picture on a page of its own, centred, as large as the text block lets it be, its alt text the picture's
 * title and description (what a screen reader says in Word). Its line spacing is automatic: an exact one
 * would cut it.
 */
function picture(block: PictureBlock): Paragraph {
  if (!block.image) throw new Error(`「${block.alt}」的图片尚未绘制，未能写入报告`);
  const { png, width, height } = block.image;
  const scale = Math.min(pxOfMm(PICTURE_BOX_MM.width) / width, pxOfMm(PICTURE_BOX_MM.height) / height);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: true,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    children: [
      new ImageRun({
        type: "png",
        data: png,
        transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
        altText: { name: block.alt, title: block.alt, description: block.text },
      }),
    ],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const borders = { top: border, bottom: border, left: border, right: border };

/**
 * Rows of docx cells: vertical merges are written out (restart, then continue cells with a small empty
 * paragraph), so no word processor folds a default-size paragraph into a merged cell.
 */
function table(grid: TableGrid): Table {
  const size = tableFontSize(grid.part);
  const total = grid.widths.reduce((s, w) => s + w, 0);
  const widths = grid.widths.map((w) => Math.floor((w / total) * LAYOUT.textWidth));
  const para = (text: string, align: GridCell["align"]) =>
    new Paragraph({
      alignment: align === "left" ? AlignmentType.LEFT : AlignmentType.CENTER,
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      run: { size },
      children: text ? [run(text, "table", { size })] : [],
    });
  const cell = (c: GridCell, merge?: "restart" | "continue") =>
    new TableCell({
      children: [para(merge === "continue" ? "" : c.text, c.align)],
      ...(c.colSpan && c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
      ...(merge
        ? { verticalMerge: merge === "restart" ? VerticalMergeType.RESTART : VerticalMergeType.CONTINUE }
        : {}),
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 20, bottom: 20, left: 40, right: 40 },
      borders,
    });
  const rows = expandGrid(grid).map(
    (r, ri) =>
      new TableRow({
        children: r.map((p) => cell(p.cell, p.merge)),
        tableHeader: ri < grid.headerRows,
        cantSplit: true,
      }),
  );
  return new Table({
    width: { size: LAYOUT.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows,
  });
}

/** A block content control: `<w:sdt>` with alias and tag around paragraphs and tables. */
class ContentControl extends FileChild {
  constructor(tag: string, alias: string, children: (Paragraph | Table)[]) {
    super("w:sdt");
    this.root.push(
      new BuilderElement({
        name: "w:sdtPr",
        children: [new StringValueElement("w:alias", alias), new StringValueElement("w:tag", tag)],
      }),
    );
    this.root.push(new BuilderElement({ name: "w:sdtContent", children }));
  }
}

function partChildren(part: DocPart): (Paragraph | Table)[] {
  return part.blocks.flatMap(paragraphs);
}

function body(doc: ReportDocument): FileChild[] {
  return doc.items.flatMap((item) =>
    item.kind === "part"
      ? [new ContentControl(TAG_PREFIX + item.part.id, item.part.alias, partChildren(item.part))]
      : paragraphs(item),
  );
}

function pageNumberFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        indent: alignment === AlignmentType.RIGHT ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ["— ", PageNumber.CURRENT, " —"],
            font: {
              eastAsia: FONTS.pageNumber.eastAsia,
              ascii: FONTS.pageNumber.ascii,
              hAnsi: FONTS.pageNumber.ascii,
            },
            size: FONTS.pageNumber.size,
          }),
        ],
      }),
    ],
  });
}

/** The .docx of a document body (no custom XML part). */
async function renderBody(children: FileChild[], title: string): Promise<Uint8Array> {
  const document = new Document({
    creator: "政府信息公开年报助手",
    title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: FONTS.body.eastAsia, ascii: FONTS.body.ascii, hAnsi: FONTS.body.ascii },
            size: FONTS.body.size,
          },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: LAYOUT.page,
            margin: { ...LAYOUT.margin, footer: LAYOUT.footer, header: mm(15) },
          },
        },
        footers: {
          default: pageNumberFooter(AlignmentType.RIGHT),
          even: pageNumberFooter(AlignmentType.LEFT),
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** The whole report as a .docx, with its custom XML part. */
export async function renderReport(
  doc: ReportDocument,
  meta: Omit<ReportMeta, "hashes">,
): Promise<Uint8Array> {
  const bytes = await renderBody(body(doc), reportTitle(doc.format, doc.tables.agency, doc.tables.year));
  const zip = readZip(bytes, "生成的报告");
  addCustomXmlPart(zip, reportXml(doc.tables, { ...meta, hashes: partHashes(doc) }));
  return writeZip(zip);
}

/** A document of blocks alone (an audit letter, a circular), in the report's 公文 layout and styles. */
export async function renderBlocks(title: string, blocks: DocBlock[]): Promise<Uint8Array> {
  return renderBody(blocks.flatMap(paragraphs), title);
}

/**
 * One part alone as a small .docx, for Word's insertFileFromBase64: in its content control (to insert at the
 * cursor), or bare (to replace the content of the control that is already there).
 */
export async function renderPart(part: DocPart, inControl = true): Promise<Uint8Array> {
  const children = partChildren(part);
  return renderBody(
    inControl ? [new ContentControl(TAG_PREFIX + part.id, part.alias, children)] : children,
    part.alias,
  );
}
