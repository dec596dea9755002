/**
 * OFD reports (GB/T 33190-2016) read back: a whole national-format report written by test/ofd.ts, through
 * ofdText and the engine's readReport — every number of 表二/表三/表四 as the tables it was made from, its
 * paragraphs, 表三 (and 表二) over a page break joined — written the ways producers differ (prefixes,
 * locations, DeltaX, CTM, filled rules, a template page, a seal); and the files a reader must refuse, each a
 * Chinese sentence naming the file.
 */
import { TEMPLATE_HEADINGS } from "../../test/corpus";
import { huaianTables } from "../../test/fixtures";
import { gbk } from "../../test/reports";
import {
  editOfd,
  imagesOnlyOfd,
  longOfd,
  missingPageOfd,
  ofdPackage,
  reportOfd,
  sealedOfd,
} from "../../test/ofd";
import type { ReportOfdOptions } from "../../test/ofd";
import { compileWorkbook } from "../report/compile";
import { numericTables, readReport } from "../report/read/tables";
import { checkReadReport } from "../report/read/text";
import { sampleWorkbook } from "../report/sample";
import type { TableSet } from "../report/tables/tables";
import { readPackage } from "../zip/read";
import { writeZip } from "../zip/write";
import { deltas, isOfd, MAX_OBJECTS, MAX_RULES, ofdCreated, ofdPages, ofdText, subpaths } from "./ofd";
import { MAX_PAGES, SCANNED, UNRULED } from "./pdf";
import { readReportFile } from "./report";

const sample = (): TableSet => ({ ...compileWorkbook(sampleWorkbook()).tables, agency: "某市某局" });
const huaian = (): TableSet => ({ ...huaianTables(), agency: "淮安市某局", year: 2025 });
const numbers = (t: TableSet) => ({ t2: t.t2, t3: t.t3, t4: t.t4 });
const PT = 72 / 25.4;
const HEADINGS = Object.values(TEMPLATE_HEADINGS);

/** The OFD read back as a report: its text, and what the engine reads of it. */
function readBack(t: TableSet, options: ReportOfdOptions = {}) {
  const doc = ofdText(reportOfd(t, options), "报告.ofd");
  return { doc, read: readReport(doc) };
}

describe("a national-format report as OFD", () => {
  for (const [name, tables] of [
    ["a generated register's tables", sample],
    ["淮安's published 2024 tables", huaian],
  ] as const)
    for (const filler of [0, 6, 15])
      test(`${name}, ${filler} paragraphs before 表二: every number, the title, the paragraphs`, () => {
        const t = tables();
        const { doc, read } = readBack(t, { filler });
        expect(read.problems).toEqual([]);
        expect(numbers(read.tables)).toEqual(numbers(t));
        expect([read.tables.agency, read.tables.year, read.tables.format]).toEqual([
          t.agency,
          t.year,
          t.format,
        ]);
        expect(Object.keys(read.found).sort()).toEqual(["t2", "t3", "t4"]);
        expect(read.title).toBe(`${t.agency}${t.year}年政府信息公开工作年度报告`);
        // A table over a page break is two grids in the text, one table read.
        expect(doc.tables.length).toBeGreaterThan(3);
        expect(doc.paragraphs).toEqual(expect.arrayContaining(HEADINGS));
        expect(doc.paragraphs).toContain("部分栏目更新不够及时。下一步将加强审核，按时更新。");
        expect(doc.paragraphs).toContain(
          `本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。`,
        );
        // No page number, no table cell among the paragraphs.
        expect(doc.paragraphs.filter((p) => /^-\s*\d+\s*-$|^行政许可$/.test(p))).toEqual([]);
        expect(checkReadReport(read, numericTables(read.tables))).toEqual([]);
        expect(doc.published).toEqual({
          date: "2026-01-20",
          source: "OFD 文件的创建日期（仅供参考）",
          weak: true,
        });
      });

  test("表三 runs over a page break, 表二 too where the text pushes it down: each joined into one table", () => {
    const t = sample();
    const rows = Object.keys(t.t3).length;
    const three = readBack(t);
    // 表三's header and first rows on one page, the rest on the next: two grids, every row read as one table.
    expect(three.doc.tables.map((g) => g.length)).toEqual([14, 11, 17, 4]);
    expect(three.read.found.t3).toEqual({ table: 2, rows });
    expect(11 - 3 + 17).toBe(rows);
    const two = readBack(t, { filler: 6 });
    expect(two.doc.tables.map((g) => g.length)).toEqual([11, 3, 22, 6, 4]);
    expect(two.read.found).toEqual({
      t2: { table: 1, rows: 6 },
      t3: { table: 3, rows },
      t4: { table: 5, rows: 1 },
    });
    expect(numbers(two.read.tables)).toEqual(numbers(t));
  });
});

describe("the ways producers write OFD", () => {
  const t = sample();
  const plain = readBack(t);
  test.each<[string, ReportOfdOptions]>([
    ["element names without the ofd: prefix (default namespace)", { prefix: false }],
    ["locations from the package's root (/Doc_0/…)", { absolute: true }],
    ["DeltaX as a plain list, without g", { deltaX: "list" }],
    ["no DeltaX (advances from the font size)", { deltaX: "none" }],
    ["every object placed by a CTM translation", { ctm: true }],
    ["rules as thin filled rectangles", { fillRules: true }],
    ["all of these at once", { prefix: false, absolute: true, deltaX: "list", ctm: true, fillRules: true }],
  ])("%s: read as the plain one", (_, options) => {
    const { doc, read } = readBack(t, options);
    expect(read.problems).toEqual([]);
    expect(numbers(read.tables)).toEqual(numbers(t));
    expect(doc.paragraphs).toEqual(plain.doc.paragraphs);
  });

  test("the title on a template page that the first page uses: read with the page's own text", () => {
    const { doc, read } = readBack(t, { templateTitle: true });
    expect(read.title).toBe(`${t.agency}${t.year}年政府信息公开工作年度报告`);
    expect(doc.paragraphs[0]).toBe(read.title);
    expect(numbers(read.tables)).toEqual(numbers(t));
  });

  test("a signed report with its seal: the text beneath read; the stamp's text, signature and seal not", () => {
    const bytes = sealedOfd(t);
    const doc = ofdText(bytes, "签章.ofd");
    expect(numbers(readReport(doc).tables)).toEqual(numbers(t));
    expect(doc.paragraphs.join("")).not.toContain("电子印章文字");
    // Signature, seal, pictures and the annotation never inflated: here they are garbage, and nothing minds.
    const zip = readPackage(bytes, "签章.ofd", { kind: "ofd", need: () => false });
    const garbage = /Signs\/|Res\/|Annots\//;
    const broken = writeZip({
      entries: zip.entries.map((e) =>
        garbage.test(e.name) && e.raw
          ? { name: e.name, raw: { ...e.raw, crc: 1, compressed: Uint8Array.of(0xff, 0xfe, 0xfd) } }
          : e,
      ),
    });
    expect(ofdText(broken, "签章.ofd").paragraphs).toEqual(doc.paragraphs);
  });

  test("positions: mm with y down become points with y up; a CTM translation moves them", () => {
    for (const ctm of [false, true]) {
      const bytes = ofdPackage([{ texts: [{ x: 30, y: 50, size: 5, text: "测试文字" }], lines: [] }], {
        ctm,
      });
      const [item] = ofdPages(bytes, "位置.ofd").pages[0].items;
      expect(item.str).toBe("测试文字");
      expect(item.x).toBeCloseTo(30 * PT, 3);
      expect(item.y).toBeCloseTo((297 - 50) * PT, 3);
      expect(item.size).toBeCloseTo(5 * PT, 3);
      expect(item.w).toBeCloseTo(20 * PT, 3);
    }
  });

  test("a TextCode whose DeltaX leaps across cells is split there; a space splits it too", () => {
    const code = (text: string, dx: string) =>
      `<ofd:TextObject ID="1" Boundary="20 20 150 10" Font="1" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="${dx}">${text}</ofd:TextCode></ofd:TextObject>`;
    const bytes = ofdPackage([
      {
        texts: [],
        lines: [],
        raw: code("1234", "2 g 1 30 2") + code("年报 全文", "g 4 4").replace(/Y="4"/, 'Y="9"'),
      },
    ]);
    const items = ofdPages(bytes, "拆分.ofd").pages[0].items;
    expect(items.map((i) => i.str)).toEqual(["12", "34", "年报", "全文"]);
    expect(items[1].x - items[0].x).toBeCloseTo(32 * PT, 3);
  });

  test("a CompositeObject draws its unit's objects where it stands; units within units are bounded", () => {
    const unit = (id: number, body: string) =>
      `<ofd:CompositeGraphicUnit ID="${id}" Width="50" Height="10"><ofd:Content>${body}</ofd:Content></ofd:CompositeGraphicUnit>`;
    const use = (id: number, at = "0 0 50 10") =>
      `<ofd:CompositeObject ID="9" Boundary="${at}" ResourceID="${id}"/>`;
    const withUnits = (units: string, page: string) =>
      editOfd(ofdPackage([{ texts: [], lines: [], raw: page }]), (name, text) =>
        name === "Doc_0/DocumentRes.xml"
          ? text.replace(
              "</ofd:Res>",
              `<ofd:CompositeGraphicUnits>${units}</ofd:CompositeGraphicUnits></ofd:Res>`,
            )
          : text,
      );
    const text = `<ofd:TextObject ID="2" Boundary="5 0 40 10" Font="1" Size="4"><ofd:TextCode X="0" Y="4" DeltaX="g 3 4">复合对象</ofd:TextCode></ofd:TextObject>`;
    const [item] = ofdPages(withUnits(unit(50, text), use(50, "30 60 50 10")), "复合.ofd").pages[0].items;
    expect(item.str).toBe("复合对象");
    expect([item.x / PT, 297 - item.y / PT]).toEqual([expect.closeTo(35, 3), expect.closeTo(64, 3)]);
    // Each unit drawing the next a hundred times: a million objects, refused at the cap.
    const hundred = (id: number) => use(id).repeat(100);
    const bomb = withUnits(unit(51, hundred(52)) + unit(52, hundred(53)) + unit(53, text), hundred(51));
    expect(() => ofdText(bomb, "炸弹.ofd")).toThrow(
      `「炸弹.ofd」第 1 页的图文对象超过 ${MAX_OBJECTS} 个，不像正常的报告，已拒绝读取`,
    );
  });

  test("rotated text is left out (a page of only that is no scan); a part declared GBK is read as GBK", () => {
    const turned = `<ofd:TextObject ID="1" Boundary="50 50 10 40" CTM="0 1 -1 0 0 0" Font="1" Size="4"><ofd:TextCode X="0" Y="4">竖排文字</ofd:TextCode></ofd:TextObject>`;
    const bytes = ofdPackage([
      { texts: [{ x: 30, y: 30, size: 4, text: "横排文字" }], lines: [], raw: turned },
    ]);
    expect(ofdPages(bytes, "旋转.ofd").pages[0].items.map((i) => i.str)).toEqual(["横排文字"]);
    // Only turned text (a whole page turned, as 数科 writes a landscape table): said so, not called a scan.
    const onlyTurned = ofdPackage([{ texts: [], lines: [], raw: turned }]);
    expect(() => ofdText(onlyTurned, "旋转.ofd")).toThrow(
      "「旋转.ofd」中的文字都是旋转或竖排的（如整页转了方向的表格），本工具不能读取；请提供 Word、网页或 PDF 版本",
    );
    const zip = readPackage(bytes, "旋转.ofd", { kind: "ofd" });
    const gbkPage = writeZip({
      entries: zip.entries.map((e) =>
        e.name.endsWith("Page_0/Content.xml") && e.data
          ? {
              name: e.name,
              data: gbk(new TextDecoder().decode(e.data).replace('encoding="UTF-8"', 'encoding="GBK"')),
            }
          : e,
      ),
    });
    expect(ofdPages(gbkPage, "GBK.ofd").pages[0].items.map((i) => i.str)).toEqual(["横排文字"]);
  });

  test("DeltaX and AbbreviatedData as GB/T 33190 writes them", () => {
    expect(deltas("g 3 4.2 1", 10)).toEqual([4.2, 4.2, 4.2, 1]);
    expect(deltas("1.5 2 g 2 3", 3)).toEqual([1.5, 2, 3]);
    expect(deltas("g 1000000000 1", 5)).toHaveLength(5);
    const runs: number[][][] = [];
    subpaths("M 0 0 L 10 0 L 10 5 C S 20 20 B 1 1 2 2 30 30 L 40 30 M 1 1 L 2 2 3 3 A 1 1 0 0 1 9 9 Z", (p) =>
      runs.push(p.map((q) => [...q])),
    );
    expect(runs).toEqual([
      [
        [0, 0],
        [10, 0],
        [10, 5],
        [0, 0],
      ],
      [
        [30, 30],
        [40, 30],
      ],
      [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
    ]);
  });

  test("DocInfo's CreationDate: a date, a time in another zone, none", () => {
    expect(ofdCreated("2026-01-20")?.date).toBe("2026-01-20");
    expect(ofdCreated("2026-01-19T20:30:00Z")?.date).toBe("2026-01-20");
    expect(ofdCreated("2026-01-19T20:30:00+08:00")?.date).toBe("2026-01-19");
    expect(ofdCreated("昨天")).toBeNull();
    expect(ofdText(reportOfd(sample(), { created: "" }), "无日期.ofd").published).toBeUndefined();
  });
});

describe("files refused, each in a sentence naming the file", () => {
  const t = sample();
  const refuses = (bytes: Uint8Array, name: string, message: string | RegExp) =>
    expect(() => ofdText(bytes, name)).toThrow(message);
  const swap = (part: string, edit: (text: string) => string | null) =>
    editOfd(reportOfd(t), (name, text) => (name === part ? edit(text) : text));

  test("isOfd: an OFD package, not a .docx, a PDF or text", () => {
    expect(isOfd(reportOfd(t))).toBe(true);
    expect(isOfd(writeZip({ entries: [{ name: "word/document.xml", data: new Uint8Array(8) }] }))).toBe(
      false,
    );
    expect(isOfd(new TextEncoder().encode("%PDF-1.7 OFD.xml"))).toBe(false);
  });

  test("a missing page part, Document.xml, OFD.xml or DocBody", () => {
    refuses(
      missingPageOfd(t),
      "缺页.ofd",
      "「缺页.ofd」缺少第 2 页的内容（Doc_0/Pages/Page_1/Content.xml），文件已损坏",
    );
    refuses(
      swap("Doc_0/Document.xml", () => null),
      "缺文档.ofd",
      "「缺文档.ofd」缺少文档内容（Doc_0/Document.xml），文件已损坏",
    );
    refuses(
      swap("OFD.xml", () => null),
      "无入口.ofd",
      "「无入口.ofd」不是 OFD 文件（其中没有 OFD.xml）",
    );
    refuses(
      swap("OFD.xml", (x) => x.replace(/<ofd:DocBody>.*<\/ofd:DocBody>/s, "")),
      "空.ofd",
      "「空.ofd」不是有效的 OFD 文件（OFD.xml 中没有 DocBody 或 DocRoot）",
    );
  });

  test("a page whose XML is broken, a DOCTYPE anywhere read", () => {
    refuses(
      swap("Doc_0/Pages/Page_2/Content.xml", (x) => x.slice(0, 500)),
      "残缺.ofd",
      /^「残缺\.ofd」第 3 页的内容（Doc_0\/Pages\/Page_2\/Content\.xml）无法读取（不是完整的 XML：第\d+行第\d+列：.*），文件已损坏$/,
    );
    const doctype = '<!DOCTYPE x [<!ENTITY a "aaaaaaaa">]>';
    for (const part of ["Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml"])
      refuses(
        swap(part, (x) => x.replace("?>", `?>${doctype}`)),
        "实体.ofd",
        `「实体.ofd」中的「${part}」包含 DOCTYPE 或实体声明（可能是恶意构造的文件），已拒绝处理`,
      );
  });

  test("pages that hold only pictures are a scan; a document longer than MAX_PAGES is refused", () => {
    refuses(imagesOnlyOfd(), "扫描.ofd", `「扫描.ofd」是${SCANNED}`);
    // Pages may share one content part: three pages of it read as three.
    expect(ofdPages(longOfd(3), "三页.ofd").pages.map((p) => p.items.map((i) => i.str))).toEqual([
      ["第一页"],
      ["第一页"],
      ["第一页"],
    ]);
    refuses(
      longOfd(MAX_PAGES + 1),
      "长.ofd",
      `「长.ofd」有 ${MAX_PAGES + 1} 页，超过 ${MAX_PAGES} 页，不像一份年度报告，已拒绝读取`,
    );
  });

  test("too many lines on a page, XML nested too deep: refused, never a hang", () => {
    const lines = Array.from({ length: MAX_RULES + 1 }, (_, i) => `M 0 ${i} L 10 ${i}`).join(" ");
    const many = `<ofd:PathObject ID="1" Boundary="0 0 10 10"><ofd:AbbreviatedData>${lines}</ofd:AbbreviatedData></ofd:PathObject>`;
    refuses(
      ofdPackage([{ texts: [], lines: [], raw: many }]),
      "线条.ofd",
      `「线条.ofd」第 1 页画的线条超过 ${MAX_RULES} 条，不像正常的报告，已拒绝读取`,
    );
    const deep = "<ofd:PageBlock>".repeat(200) + "</ofd:PageBlock>".repeat(200);
    refuses(
      ofdPackage([{ texts: [], lines: [], raw: deep }]),
      "嵌套.ofd",
      "「嵌套.ofd」中的「Doc_0/Pages/Page_0/Content.xml」内容过多或嵌套过深，不像正常的报告，已拒绝读取",
    );
  });

  test("what the zip layer refuses: no zip, an old Office file, an entry declared too large", () => {
    refuses(new TextEncoder().encode("不是压缩包"), "文本.ofd", "「文本.ofd」不是 OFD 版式文件");
    refuses(
      Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0),
      "旧.ofd",
      /^「旧\.ofd」是旧版 Office 格式.*“另存为” OFD 后再试$/,
    );
    const zip = readPackage(reportOfd(t), "大.ofd", { kind: "ofd", need: () => false });
    const huge = writeZip({
      entries: zip.entries.map((e) =>
        e.name === "Doc_0/Pages/Page_0/Content.xml" && e.raw
          ? { ...e, raw: { ...e.raw, size: 65 * 1048576 } }
          : e,
      ),
    });
    refuses(huge, "大.ofd", /^「大\.ofd」中的「Doc_0\/Pages\/Page_0\/Content\.xml」解压后过大/);
  });
});

test("an OFD whose tables are drawn without rules says so first, as a PDF does", () => {
  const texts = [
    "某市某局2025年政府信息公开工作年度报告",
    TEMPLATE_HEADINGS.s3,
    "一、本年新收政府信息公开申请数量 12 3 0 0 0 0 15",
  ].map((text, i) => ({ x: 30, y: 40 + i * 10, size: 4, text }));
  const r = readReportFile(ofdPackage([{ texts, lines: [] }]), "无框线.ofd");
  expect(r.problems[0]).toBe(`「无框线.ofd」${UNRULED}`);
  expect(r.problems.length).toBeGreaterThan(1);
});
