/**
 * The RTF reader (./rtf): RTF written by hand the ways Word, WPS and LibreOffice write it — GBK bytes, fonts'
 * charsets, \u with its fallbacks, fields, destinations, tables with merges and rows of different boundaries,
 * nested tables, row definitions before and after the cells — and real files: our own report and a portal's
 * page saved as RTF by LibreOffice, read to the same paragraphs, grids and numbers as the .docx reader reads the
 * same document. Expected values are written out by hand, or are what the other readers give.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { huaianTables } from "../../test/fixtures";
import { withoutControls } from "../../test/doc";
import { NOW } from "../../test/docx";
import { sofficeAll } from "../../test/office";
import { gbk, reportHtml, VARIANTS } from "../../test/reports";
import { needs } from "../../test/tools";
import { createReport } from "../docx";
import { compileWorkbook } from "../report/compile";
import type { Grid, ReportDocumentText } from "../report/read/cells";
import { readReport } from "../report/read/tables";
import { sampleWorkbook } from "../report/sample";
import type { TableSet } from "../report/tables/tables";
import { reportText } from "./report";
import { isRtf, MAX_GROUP_DEPTH, MAX_RTF_CHARS, rtfText } from "./rtf";

/** RTF text as bytes (the strings here are ASCII, or carry raw bytes as Latin-1 characters). */
const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const read = (s: string) => rtfText(bytes(s), "报告.rtf");
/** Chinese text as Word writes it in a GBK document: each byte of its GBK code as \'hh (test/reports' GBK map). */
const hex = (text: string) =>
  [...gbk(text)].map((b) => (b < 0x80 ? String.fromCharCode(b) : `\\'${b.toString(16)}`)).join("");

describe("text", () => {
  test("GBK \\'hh pairs in an \\ansicpg936 document, and raw GBK bytes (an ASCII second byte too)", () => {
    // 中 is D6 D0 and 文 CE C4 in GBK; 丂 is 81 40, its second byte an @.
    const r = read(
      String.raw`{\rtf1\ansi\ansicpg936\deff0{\fonttbl{\f0\fnil\fcharset134 \'cb\'ce\'cc\'e5;}}
\pard\plain\f0 \'d6\'d0\'ce\'c4\par ${hex("年度报告")}\par` + "\x81\x40\xd6\xd0\\par}",
    );
    expect(r.paragraphs).toEqual(["中文", "年度报告", "丂中"]);
  });

  test("a font's charset decides its bytes: \\fcharset134 GBK and 136 Big5 in an \\ansicpg1252 document", () => {
    const r = read(String.raw`{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}
{\f1\fnil\fcharset134 SimSun;}{\f2\fnil\fcharset136 MingLiU;}}
\pard\plain\f0 caf\'e9 \'93x\'94 {\f1 \'d6\'d0\'ce\'c4}{\f2 \'a4\'a4\'a4\'e5}\par
\pard\plain\f0\hich\af0\dbch\af1 \'d6\'d0\loch\f0 \'e9\par}`);
    // Word's double-byte run: its Western font, its associated CJK font (\dbch\af1) for the bytes.
    expect(r.paragraphs).toEqual(["café “x” 中文中文", "中é"]);
  });

  test("\\u with \\uc1, \\uc0, \\uc2 (its fallback bytes skipped), negative N, surrogate pairs", () => {
    const r = read(String.raw`{\rtf1\ansi\ansicpg936\uc1
\pard \u20013?\u25991?\par
\pard\uc0 \u20013\u25991\par
\pard\uc2 \u20013\'d6\'d0\u25991\'ce\'c4\par
\pard\uc1 {\uc2\u20013\'d6\'d0}\u25991?\par
\pard\uc1 \u-3913?\u-10179?\u-8704?\par}`);
    // U+F0B7 is 61623 = -3913 + 65536; 😀 is D83D DE00, 55357 and 56832.
    expect(r.paragraphs).toEqual(["中文", "中文", "中文", "中文", "\uf0b7😀"]);
  });

  test("a field reads as its result; an instruction, bookmarks and the like are no text", () => {
    const r = read(String.raw`{\rtf1\ansi\ansicpg936
\pard ${hex("见")}{\field{\*\fldinst{ HYPERLINK "http://www.gov.cn/" }}{\fldrslt{\ul ${hex("门户网站")}}}}${hex("。")}\par
\pard ${hex("第")}{\field{\fldinst PAGE}{\fldrslt 3}}${hex("页")}{\*\bkmkstart x}{\*\bkmkend x}\par}`);
    expect(r.paragraphs).toEqual(["见门户网站。", "第3页"]);
  });

  test("destinations skipped: fonts, colours, styles, info, headers, footers, footnotes, pictures, lists…", () => {
    const r = read(String.raw`{\rtf1\ansi\ansicpg936{\fonttbl{\f0\fnil\fcharset134 ${hex("宋体")};}}
{\colortbl;\red0\green0\blue0;}{\stylesheet{\s0 Normal;}{\s1 heading 1;}}
{\info{\title ${hex("标题")}}{\author x}}{\*\generator Microsoft Word;}{\*\listtable{\list{\leveltext \'02\'00.;}}}
{\*\themedata 0102}{\*\datastore 0105}{\*\latentstyles\lsdstimax376{\lsdlockedexcept Normal;}}{\*\xmlnstbl{\xmlns1 x}}
{\*\rsidtbl \rsid1}{\header \pard ${hex("页眉")}\par}{\footerr \pard ${hex("页脚")}\par}{\headerl x}{\footerf y}
\pard ${hex("正文")}{\super\chftn}{\footnote \pard ${hex("脚注")}}{\*\unknown ${hex("未知")}}\par
{\*\shppict{\pict\pngblip 89504e47}}{\nonshppict{\pict 00ff}}{\object{\*\objdata 0102}{\result x}}
\pard ${hex("图后")}{\pict\bin6 }}}{{\}${hex("仍在")}\par}`);
    expect(r.paragraphs).toEqual(["正文", "图后仍在"]);
  });

  test("paragraphs: \\par, \\sect, \\page end one; \\line and \\tab inside one; control symbols; empty ones dropped", () => {
    const r = read(String.raw`{\rtf1\ansi\ansicpg936
\pard  ${hex("一")}\line ${hex("二")}\tab ${hex("三")}  \par\par
\pard a\~b\\c\{d\}e\-f\_g\emdash\ldblquote h\rdblquote\sect
\pard   \par
\pard ${hex("下一页")}\page
\pard\plain last}`);
    expect(r.paragraphs).toEqual(["一\n二\t三", "a\u00a0b\\c{d}ef-g—“h”", "下一页", "last"]);
  });

  test("a list number reads before its paragraph (as the .docx reader prefixes it); a bullet does not", () => {
    const r =
      read(String.raw`{\rtf1\ansi\ansicpg936{\fonttbl{\f1\fnil\fcharset134 SimSun;}{\f2\fnil\fcharset2 Symbol;}}
{\listtext\pard\plain\f1 ${hex("一、")}\tab}\pard\plain\ls1 ${hex("总体情况")}\par
{\listtext\pard\plain 1.\tab}\pard\plain\ls2 ${hex("主动公开")}\par
{\listtext\pard\plain\f2 \'b7\tab}\pard\plain\ls3 ${hex("要点")}\par}`);
    expect(r.paragraphs).toEqual(["一、总体情况", "1.主动公开", "要点"]);
  });

  test("deleted text (a tracked change) is left out; \\upr reads its Unicode half once", () => {
    const r = read(String.raw`{\rtf1\ansi\ansicpg936
\pard ${hex("保留")}{\deleted ${hex("删除")}}${hex("文字")}\par
\pard {\upr{${hex("中")}}{\*\ud{\u20013?}}}\par}`);
    expect(r.paragraphs).toEqual(["保留文字", "中"]);
  });
});

describe("tables", () => {
  // A table whose rows have different boundaries (twips): 0 | 1000 | 2000 | 3000, a row ending short, a row
  // starting late (\trleft1000), a boundary a few twips off (3010); a vertical merge (\clvmgf/\clvmrg) and an
  // old-style horizontal one (\clmgf/\clmrg). As a .docx reader gives it: text at a merge's first position,
  // null at those it covers; "" before a row that starts late; a row that ends short shorter.
  const GRID: Grid = [
    ["A", "B", null],
    [null, "C", "D"],
    ["E", "F", null],
    ["L", "M", null],
    ["H", "I"],
    ["", "J", "K"],
  ];
  const DEFS = [
    String.raw`\trowd\trleft0\clvmgf\cellx1000\cellx3000`,
    String.raw`\trowd\trleft0\clvmrg\cellx1000\cellx2000\cellx3000`,
    String.raw`\trowd\trleft0\cellx1000\clmgf\cellx2000\clmrg\cellx3000`,
    String.raw`\trowd\trleft0\cellx1000\cellx3010`,
    String.raw`\trowd\trleft0\cellx1000\cellx2000`,
    String.raw`\trowd\trleft1000\cellx2000\cellx3000`,
  ];
  const CELLS = [
    String.raw`\pard\intbl A\cell\pard\intbl B\cell`,
    String.raw`\pard\intbl\cell\pard\intbl C\cell\pard\intbl D\cell`,
    String.raw`\pard\intbl E\cell\pard\intbl F\cell\pard\intbl\cell`,
    String.raw`\pard\intbl L\cell\pard\intbl M\cell`,
    String.raw`\pard\intbl H\cell\pard\intbl I\cell`,
    String.raw`\pard\intbl J\cell\pard\intbl K\cell`,
  ];
  const doc = (rows: string) =>
    `{\\rtf1\\ansi\\ansicpg936\n\\pard ${hex("前")}\\par\n${rows}\n\\pard ${hex("后")}\\par}`;

  test("LibreOffice's rows (the definition before the cells), Word's (before, and again in the \\row group), and definitions after the cells only", () => {
    const libre = DEFS.map((d, i) => `${d}${CELLS[i]}\\row`).join("\n");
    const word = DEFS.map((d, i) => `${d}\n${CELLS[i]}\n{${d}\\row }`).join("\n");
    const after = DEFS.map((d, i) => `${CELLS[i]}{${d}\\row}`).join("\n");
    for (const rows of [libre, word, after]) {
      const r = read(doc(rows));
      expect(r).toEqual({ paragraphs: ["前", "后"], tables: [GRID] });
    }
  });

  test("a cell's paragraphs joined by line breaks and trimmed; rows one table until a paragraph outside it", () => {
    const row = String.raw`\trowd\cellx1000\cellx2000\pard\intbl  a\par b \par\cell\pard\intbl c\line d\cell\row`;
    const r = read(String.raw`{\rtf1 ${row}${row}\pard\par ${row}\pard x\par}`);
    const t = [
      ["a\nb", "c\nd"],
      ["a\nb", "c\nd"],
    ];
    expect(r).toEqual({ paragraphs: ["x"], tables: [t, t.slice(1)] });
  });

  test("a nested table (\\itap2, \\nestcell, \\nestrow, \\*\\nesttableprops): a table of its own after the outer one", () => {
    const nested = String.raw`\pard\intbl\itap2 ${hex("内一")}\nestcell\pard\intbl\itap2 ${hex("内二")}\nestcell
{\*\nesttableprops\trowd\cellx1000\cellx2000\nestrow}{\nonesttables\par}
\pard\intbl\itap2 ${hex("内三")}\nestcell{\*\nesttableprops\trowd\cellx2000\nestrow}{\nonesttables\par}`;
    const r = read(String.raw`{\rtf1\ansi\ansicpg936
\trowd\cellx2000\cellx4000\pard\intbl ${hex("外一")}\cell
${nested}
\pard\intbl ${hex("后文")}\cell{\trowd\cellx2000\cellx4000\row}
\trowd\clvmgf\cellx2000\cellx4000\pard\intbl ${hex("竖并")}\cell\pard\intbl x\cell\row
\trowd\clvmrg\cellx2000\cellx4000\pard\intbl\cell\pard\intbl y\cell\row
\pard ${hex("结尾")}\par}`);
    // As the .docx reader gives it (and LibreOffice's .docx of the same table): the outer cell's text is
    // every paragraph in it, the nested table's too.
    expect(r.tables).toEqual([
      [
        ["外一", "内一\n内二\n内三\n后文"],
        ["竖并", "x"],
        [null, "y"],
      ],
      [
        ["内一", "内二"],
        ["内三", null],
      ],
    ]);
    expect(r.paragraphs).toEqual(["结尾"]);
  });
});

describe("files that cannot be read, and large ones", () => {
  test("what RTF is: {\\rtf after a byte order mark and white space", () => {
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes(" \r\n{\\rtf1 x\\par}")]);
    expect([
      isRtf(withBom),
      isRtf(bytes("<html>")),
      isRtf(bytes("PK\x03\x04")),
      isRtf(bytes("{\\rt")),
    ]).toEqual([true, false, false, false]);
    expect(rtfText(withBom, "x.rtf").paragraphs).toEqual(["x"]);
    expect(() => rtfText(bytes("<html><body>x</body></html>"), "报告.doc")).toThrow(
      /「报告\.doc」不是 RTF 文件/,
    );
  });

  test("groups nested too deep, a document closed before its text, too much text, a table too large: said, naming the file", () => {
    const deep = (inner: string) => `{\\rtf1 ${inner}${"{".repeat(MAX_GROUP_DEPTH)}x`;
    expect(() => rtfText(bytes(deep("")), "深.rtf")).toThrow(
      `「深.rtf」的 RTF 分组嵌套超过 ${MAX_GROUP_DEPTH} 层`,
    );
    expect(() => rtfText(bytes(deep("{\\*\\skipped ")), "深.rtf")).toThrow(/「深\.rtf」的 RTF 分组嵌套超过/);
    expect(() => rtfText(bytes("{\\rtf1\\ansi}}} text\\par}"), "坏.rtf")).toThrow(
      /「坏\.rtf」的 RTF 结构不完整/,
    );
    expect(() => rtfText(bytes(`{\\rtf1 ${"a".repeat(MAX_RTF_CHARS + 1)}}`), "长.rtf")).toThrow(
      /「长\.rtf」中的文字超过 1000 万字/,
    );
    // A row of 1 500 columns and 1 000 rows of one cell across them all: 1 501 500 grid positions.
    const wide = Array.from({ length: 1500 }, (_, i) => `\\cellx${(i + 1) * 30}`).join("");
    const across = "\\trowd\\cellx45000\\pard\\intbl x\\cell\\row".repeat(1000);
    const big = `{\\rtf1 \\trowd${wide}\\pard\\intbl${"\\cell".repeat(1500)}\\row${across}}`;
    expect(() => rtfText(bytes(big), "大.rtf")).toThrow(/「大\.rtf」中的表格过大/);
    // Not balanced, but with text: read (a file cut short).
    expect(read(`{\\rtf1\\ansicpg936 ${hex("甲")}\\par ${hex("乙")}`).paragraphs).toEqual(["甲", "乙"]);
    expect(read("{\\rtf1}")).toEqual({ paragraphs: [], tables: [] });
  });

  test("a picture of megabytes (hex and \\bin data, braces in it) is passed over", () => {
    const picture = "0123456789abcdef".repeat(500_000);
    const binary = "}{\\".repeat(100_000);
    const r = read(
      `{\\rtf1 before\\par{\\*\\shppict{\\pict\\pngblip ${picture}}}{\\pict\\bin${binary.length} ${binary}}after\\par}`,
    );
    expect(r.paragraphs).toEqual(["before", "after"]);
  });
});

const numbers = (t: TableSet) => ({ t2: t.t2, t3: t.t3, t4: t.t4 });
/** A document's text with runs of white space made one space (the only difference allowed between readers). */
const spaced = (d: ReportDocumentText) => ({
  paragraphs: d.paragraphs.map((p) => p.replace(/\s+/g, " ")),
  tables: d.tables.map((g) => g.map((row) => row.map((c) => (c === null ? c : c.replace(/\s+/g, " "))))),
});
const lo = needs("soffice");
describe("real files: saved as RTF by LibreOffice", () => {
  let dir = "";
  lo.beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ogi-rtf-"));
  });
  lo.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  lo.test(
    "our own report: the paragraphs, grids and every number the .docx reader reads in the same .docx",
    async () => {
      const result = compileWorkbook(sampleWorkbook());
      const docx = await createReport(result, "台账.xlsx", NOW);
      const plain = path.join(dir, "本局.docx");
      const controls = path.join(dir, "带控件.docx");
      writeFileSync(plain, withoutControls(docx));
      writeFileSync(controls, docx);
      const [plainRtf, controlsRtf] = sofficeAll([plain, controls], "rtf", path.join(dir, "rtf"));

      const fromDocx = reportText(readFileSync(plain), "本局.docx").text;
      const fromRtf = rtfText(readFileSync(plainRtf), "本局.rtf");
      expect(fromRtf.tables.length).toBe(3);
      expect(spaced(fromRtf)).toEqual(spaced(fromDocx));
      const docxRead = readReport(fromDocx);
      const rtfRead = readReport(fromRtf);
      expect([rtfRead.problems, Object.keys(rtfRead.found).sort()]).toEqual([[], ["t2", "t3", "t4"]]);
      expect(numbers(rtfRead.tables)).toEqual(numbers(docxRead.tables));
      expect(numbers(rtfRead.tables)).toEqual(numbers(result.tables));
      expect([rtfRead.tables.agency, rtfRead.tables.year]).toEqual([
        docxRead.tables.agency,
        docxRead.tables.year,
      ]);

      // With its content controls, LibreOffice (7.4) writes each as form fields whose results repeat the text
      // with a carriage return, and loses the text's first run into them: the fields are dropped, what is
      // left of each paragraph is its end. The tables hold no controls: every number is read.
      const withFields = rtfText(readFileSync(controlsRtf), "带控件.rtf");
      const original = reportText(docx, "带控件.docx").text;
      expect(numbers(readReport(withFields).tables)).toEqual(numbers(result.tables));
      expect(withFields.paragraphs.length).toBe(original.paragraphs.length);
      withFields.paragraphs.forEach((p, i) => {
        expect([...p].filter((c) => c < " " && c !== "\t" && c !== "\n")).toEqual([]);
        expect(original.paragraphs[i].endsWith(p)).toBe(true);
      });
    },
    300000,
  );

  lo.test(
    "a portal's page in every spelling and layout, opened by LibreOffice and saved as RTF: every number, and the grids of its .docx",
    () => {
      const sample = (): TableSet => ({ ...compileWorkbook(sampleWorkbook()).tables, agency: "某市某局" });
      const cases = Object.entries(VARIANTS).flatMap(([variant, v], i) =>
        [sample(), huaianTables()].map((t, j) => ({
          t,
          variant,
          file: path.join(dir, `p${i}-${j}.html`),
          v,
        })),
      );
      for (const c of cases) writeFileSync(c.file, reportHtml(c.t, c.v));
      const files = cases.map((c) => c.file);
      const rtf = sofficeAll(files, "rtf", path.join(dir, "pages-rtf"));
      const docx = sofficeAll(files, "docx", path.join(dir, "pages-docx"));
      cases.forEach((c, i) => {
        const text = rtfText(readFileSync(rtf[i]), path.basename(rtf[i]));
        const r = readReport(text);
        expect({ variant: c.variant, problems: r.problems }).toEqual({ variant: c.variant, problems: [] });
        expect({ variant: c.variant, ...numbers(r.tables) }).toEqual({ variant: c.variant, ...numbers(c.t) });
        expect([r.tables.agency, r.tables.year]).toEqual([c.t.agency, c.t.year]);
        const fromDocx = reportText(readFileSync(docx[i]), path.basename(docx[i])).text;
        expect({ variant: c.variant, ...spaced(text) }).toEqual({ variant: c.variant, ...spaced(fromDocx) });
      });
    },
    300000,
  );
});
