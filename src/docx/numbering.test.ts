/**
 * Headings numbered by Word's list button (一、 and （一） not typed but in numbering.xml), read with their
 * numbers: a report whose six headings are such a list has all six sections — made with the docx package as
 * Word writes lists (w:numPr on the paragraph), through a paragraph style's numbering, and saved again by
 * LibreOffice. The expected numbers are the template's own headings.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from "docx";
import { tempDir } from "../../test/docx";
import { sofficeAll } from "../../test/office";
import { needs } from "../../test/tools";
import { getFormat } from "../report/formats";
import { completenessFindings } from "../report/read/complete";
import { reportText } from "../load/report";
import { formatNumber, ListNumbers } from "./numbering";

const format = getFormat("2021");
const SECTIONS = format.sections.map((s) => s.heading);
const SUBS = format.sections[0].subheadings.map((s) => s.heading);
/** A heading's words without the number the list gives it. */
const words = (h: string) => h.replace(/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/, "");

/** A report whose headings and sub-headings are numbered by a two-level list, as Word numbers them. */
async function numberedReport(): Promise<Uint8Array> {
  const heading = (text: string, level: number) =>
    new Paragraph({ text, numbering: { reference: "headings", level } });
  const children: Paragraph[] = [
    new Paragraph({
      text: "某县住房和城乡建设局2025年政府信息公开工作年度报告",
      alignment: AlignmentType.CENTER,
    }),
    new Paragraph("本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。"),
  ];
  SECTIONS.forEach((h, i) => {
    children.push(heading(words(h), 0));
    if (i === 0)
      for (const sub of SUBS) children.push(heading(words(sub), 1), new Paragraph("本局认真落实。"));
    children.push(
      new Paragraph(
        i === 4
          ? "部分栏目更新不够及时，下一步将加强审核。"
          : i === 5
            ? "本年度未收取信息处理费。"
            : "见下文。",
      ),
    );
  });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "headings",
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: "%1、", alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.CHINESE_COUNTING, text: "（%2）", alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

test("Word's number formats as the template prints them", () => {
  expect([1, 2, 9, 10, 11, 19, 20, 21, 99].map((n) => formatNumber(n, "chineseCounting"))).toEqual([
    "一",
    "二",
    "九",
    "十",
    "十一",
    "十九",
    "二十",
    "二十一",
    "九十九",
  ]);
  expect(formatNumber(3, "ideographTraditional")).toBe("丙");
  expect(formatNumber(2, "decimalEnclosedCircle")).toBe("②");
  expect(formatNumber(4, "upperRoman")).toBe("IV");
  expect(formatNumber(12, "decimalFullWidth")).toBe("１２");
});

test("six headings numbered by a list: read as 一、总体情况 … 六、其他需要报告的事项, sub-headings （一）…（五）, no C1", async () => {
  const { text } = reportText(await numberedReport(), "报告.docx");
  const expected = SECTIONS.flatMap((h, i) => (i === 0 ? [h, ...SUBS] : [h]));
  expect(text.paragraphs.filter((p) => expected.includes(p))).toEqual(expected);
  expect(completenessFindings(format, text.paragraphs)).toEqual([]);
});

test("a list reached through the paragraphs' style, restarted by a w:startOverride", () => {
  const numbering = `<w:numbering>
    <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum>
    <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
    <w:num w:numId="4"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
  </w:numbering>`;
  const styles = `<w:styles><w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style></w:styles>`;
  const lists = new ListNumbers(numbering, styles);
  expect(
    ['<w:pStyle w:val="H1"/>', '<w:pStyle w:val="H1b"/>', '<w:pStyle w:val="H1"/>'].map((p) =>
      lists.label(p),
    ),
  ).toEqual(["一、", "二、", "三、"]);
  // A paragraph of the other num, which restarts the list: 一 again, then on from there.
  expect(lists.label('<w:numPr><w:ilvl w:val="0"/><w:numId w:val="4"/></w:numPr>')).toBe("一、");
  expect(lists.label('<w:pStyle w:val="H1"/>')).toBe("二、");
  // numId 0 takes the numbering off.
  expect(lists.label('<w:pStyle w:val="H1"/><w:numPr><w:numId w:val="0"/></w:numPr>')).toBe("");
});

const office = needs("soffice");
const dir = tempDir("ogi-numbering-");
office.test(
  "the same report saved again by LibreOffice (its own numbering.xml): the same headings, no C1",
  async () => {
    const file = path.join(dir.path, "列表编号.docx");
    writeFileSync(file, await numberedReport());
    const out = path.join(dir.path, "out");
    const [saved] = sofficeAll([file], "docx", out);
    const { text } = reportText(new Uint8Array(readFileSync(saved)), "报告.docx");
    expect(text.paragraphs.filter((p) => SECTIONS.includes(p))).toEqual(SECTIONS);
    expect(completenessFindings(format, text.paragraphs)).toEqual([]);
  },
  120000,
);
