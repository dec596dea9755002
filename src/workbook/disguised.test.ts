/**
 * The ".xls" that is not Excel (./disguised), each file read through readWorkbook as the command line reads it:
 * web pages as OA and 依申请公开 systems write them (Excel's own "save as web page" with x: attributes and class
 * formats, GBK with a meta charset, a bare <table>, two header rows with rowspan/colspan), Excel 2003 XML, tab
 * text under an .xls name; a register exported as a web page counted as the same rows saved as .xlsx; and the
 * refusals. Expected values are the data written here.
 */
import { gbk } from "../../test/reports";
import type { Cell, WorkbookData } from "../report/common/cells";
import { compileWorkbook } from "../report/compile";
import { disguisedKind, MAX_GRID_CELLS } from "./disguised";
import { readWorkbook, WorkbookReadError } from "./read";
import { workbookBuffer } from "./write";

const utf8 = (text: string) => new TextEncoder().encode(text);
const day = (m: number, d: number) => new Date(Date.UTC(2025, m - 1, d));

/** Excel's serial number of a 2025 day (what it writes in x:num beside the shown date). */
const serial = (m: number, d: number) => Math.round(day(m, d).getTime() / 86400000) + 25569;

const APPLICANTS: [string, string, [number, number], [number, number], string][] = [
  ["张三", "自然人", [3, 1], [3, 10], "予以公开"],
  ["李四", "自然人", [4, 1], [4, 10], "予以公开"],
  ["某某有限公司", "商业企业", [5, 1], [5, 12], "予以公开"],
  ["王五", "自然人", [6, 1], [6, 10], "本机关不掌握相关政府信息"],
  ["某大学", "科研机构", [7, 1], [7, 10], "予以公开"],
];

const TWO_HEADER_ROWS = `<tr><th rowspan=2>序号</th><th colspan=2>申请人信息</th><th rowspan=2>收到申请日期</th><th colspan=2>答复情况</th></tr>
<tr><th>申请人</th><th>申请人类型</th><th>答复日期</th><th>处理结果</th></tr>`;
const ONE_HEADER_ROW = `<tr><th>序号</th><th>申请人</th><th>申请人类型</th><th>收到申请日期</th><th>答复日期</th><th>处理结果</th></tr>`;

/** A register as a system exports it to a web page: a title row over its header, dates shown as text. */
function registerPage(header = TWO_HEADER_ROWS): string {
  const rows = APPLICANTS.map(
    ([who, type, received, answered, result], i) =>
      `<tr height=19><td x:num>${i + 1}</td><td>${who}</td><td>${type}</td>` +
      `<td class=xl66 x:num="${serial(...received)}">2025/${received[0]}/${received[1]}</td>` +
      `<td class=xl66 x:num="${serial(...answered)}">2025-${String(answered[0]).padStart(2, "0")}-${answered[1]}</td>` +
      `<td>${result}</td></tr>`,
  );
  return `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
<style><!--.xl66 {mso-number-format:"yyyy\\/m\\/d";}--></style></head>
<body><table border=1>
<tr><td colspan=6 align=center>某局2025年政府信息公开申请台账</td></tr>
${header}
${rows.join("\n")}
</table></body></html>`;
}

/** The same register as the cells an .xlsx holds: numbers, dates, and the merged cells left empty. */
function registerCells(twoHeaderRows: boolean): Cell[][] {
  return [
    ["某局2025年政府信息公开申请台账"],
    ...(twoHeaderRows
      ? [
          ["序号", "申请人信息", null, "收到申请日期", "答复情况"],
          [null, "申请人", "申请人类型", null, "答复日期", "处理结果"],
        ]
      : [["序号", "申请人", "申请人类型", "收到申请日期", "答复日期", "处理结果"]]),
    ...APPLICANTS.map(([who, type, received, answered, result], i): Cell[] => [
      i + 1,
      who,
      type,
      day(...received),
      day(...answered),
      result,
    ]),
  ];
}

/** What the register written above counts to in 表三 (natural, business, research, social, legal, other, total). */
function expectCounted(tables: ReturnType<typeof compileWorkbook>["tables"]): void {
  expect(tables.t3.new).toEqual([3, 1, 1, 0, 0, 0, 5]);
  expect(tables.t3.grant).toEqual([2, 1, 1, 0, 0, 0, 4]);
  expect(tables.t3.u1).toEqual([1, 0, 0, 0, 0, 0, 1]);
  expect(tables.t3.total).toEqual([3, 1, 1, 0, 0, 0, 5]);
}

describe("web pages named .xls", () => {
  test("Excel's own web page: x:Name, x:num, class and inline number formats, &nbsp;, <br>, x:str", async () => {
    const page = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<meta name=ProgId content=Excel.Sheet>
<style>
<!--table {mso-displayed-decimal-separator:"\\.";}
.xl65 {mso-number-format:"0\\.00_ ";}
.xl66 {mso-number-format:"yyyy\\/m\\/d";}
.xl67 {mso-number-format:"\\@";}
-->
</style>
<!--[if gte mso 9]><xml>
 <x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>依申请公开登记</x:Name>
 <x:WorksheetOptions><x:Selected/></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook>
</xml><![endif]-->
</head>
<body link=blue vlink=purple>
<table x:str border=0 cellpadding=0 cellspacing=0 width=600 style='border-collapse:collapse'>
 <col width=72>
 <tr height=19>
  <td height=19 width=72>编号</td><td>收到日期</td><td>金额</td><td>份数</td><td>说明</td><td>代码</td>
 </tr>
 <tr height=19>
  <td x:num>1</td>
  <td class=xl66 x:num="45717">2025/3/1</td>
  <td class=xl65 x:num="1234.5">1,234.50</td>
  <td style='mso-number-format:"0"'>12</td>
  <td>第一行<br style='mso-data-placement:same-cell'>第二行 &amp;  多余   空格</td>
  <td class=xl67>007</td>
 </tr>
 <tr height=19>
  <td x:num>2</td><td>&nbsp;</td><td x:num="-0.5">(0.50)</td><td>12</td><td x:bool="TRUE">TRUE</td><td x:err="#N/A">#N/A</td>
 </tr>
 <tr><td></td></tr>
</table>
</body></html>`;
    const data = await readWorkbook(utf8(page), "台账.xls");
    expect(data.source).toBe("台账.xls");
    expect(data.sheets.map((s) => s.name)).toEqual(["依申请公开登记"]);
    const sheet = data.sheets[0];
    expect(sheet.rows).toEqual([
      ["编号", "收到日期", "金额", "份数", "说明", "代码"],
      // The date stays as shown (the engine reads it); "12" without a number format stays text.
      [1, "2025/3/1", 1234.5, 12, "第一行\n第二行 & 多余 空格", "007"],
      [2, null, -0.5, "12", true, { error: "#N/A" }],
    ]);
    expect(sheet.merges).toEqual([]);
    expect(sheet.firstRow).toBe(1);
  });

  test("GBK with a meta charset, GBK without one, and a bare table with no <html>", async () => {
    const table =
      "<table><tr><td>申请人</td><td>办理结果</td></tr><tr><td>张三</td><td>予以公开</td></tr></table>";
    const expected = [
      ["申请人", "办理结果"],
      ["张三", "予以公开"],
    ];
    const pages: [string, Uint8Array][] = [
      [
        "meta charset=gb2312",
        gbk(
          `<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body>${table}</body></html>`,
        ),
      ],
      ["meta charset=GBK", gbk(`<meta charset="GBK">${table}`)],
      ["no charset, GBK bytes", gbk(`<html><body>${table}</body></html>`)],
      ["bare table, UTF-8 BOM", Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8(`\r\n  ${table}`))],
      ["a title line before the table", utf8(`某局台账\n${table}`)],
    ];
    for (const [what, bytes] of pages) {
      expect([what, disguisedKind(bytes)]).toEqual([what, "html"]);
      const data = await readWorkbook(bytes, "台账.xls");
      expect([what, data.sheets.map((s) => s.rows)]).toEqual([what, [expected]]);
    }
  });

  test("two header rows: spans placed as browsers place them, each merge said once, the value top-left", async () => {
    const data = await readWorkbook(utf8(registerPage()), "台账.et");
    const sheet = data.sheets[0];
    expect(sheet.rows.slice(0, 4)).toEqual([
      ["某局2025年政府信息公开申请台账"],
      ["序号", "申请人信息", null, "收到申请日期", "答复情况"],
      [null, "申请人", "申请人类型", null, "答复日期", "处理结果"],
      [1, "张三", "自然人", "2025/3/1", "2025-03-10", "予以公开"],
    ]);
    expect(sheet.rows).toHaveLength(3 + APPLICANTS.length);
    expect(sheet.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 1, left: 3, bottom: 2, right: 3 },
      { top: 1, left: 4, bottom: 1, right: 5 },
    ]);
  });

  test("several tables: named by heading, caption or SheetN, kept unique; rowspans clipped at the table's end", async () => {
    const page = `<h3>依申请公开登记</h3><table><tr><td rowspan=5>a</td><td>b</td></tr><tr><td>c</td></tr></table>
<p>这是一段很长很长的说明文字，远远超过了工作表名称所能容纳的三十一个字符的长度限制。</p>
<table><caption>依申请公开登记</caption><tr><td>x</td></tr></table>
<table><tr><td colspan=0 rowspan=0>y</td><td>z<table><tr><td>内</td><td>表</td></tr></table></td></tr></table>`;
    const data = await readWorkbook(utf8(page), "台账.xls");
    expect(data.sheets.map((s) => [s.name, s.rows, s.merges])).toEqual([
      [
        "依申请公开登记",
        [
          ["a", "b"],
          [null, "c"],
        ],
        [{ top: 0, left: 0, bottom: 1, right: 0 }],
      ],
      ["依申请公开登记 (2)", [["x"]], []],
      ["Sheet3", [["y", "z\n内 表"]], []],
    ]);
  });

  test("a register exported as a web page counts as the same rows saved as .xlsx", async () => {
    const page = await readWorkbook(utf8(registerPage(ONE_HEADER_ROW)), "台账.xls");
    const xlsx = await readWorkbook(
      await workbookBuffer({ sheets: [{ name: "Sheet1", rows: registerCells(false) }] }),
      "台账.xlsx",
    );
    const fromPage = compileWorkbook(page, { year: 2025 });
    const fromXlsx = compileWorkbook(xlsx, { year: 2025 });
    expectCounted(fromXlsx.tables);
    expect(fromPage.tables).toEqual(fromXlsx.tables);
    expect(fromPage.stats).toEqual(fromXlsx.stats);
    expect(fromPage.rowIssues).toEqual(fromXlsx.rowIssues);
  });

  test("with two header rows it counts as the same cells with their merges (as a host that says merges gives)", async () => {
    // workbookBuffer writes no merges, and without them the merged-down 收到申请日期 is not known: the cells
    // with the merges as written are compared instead.
    const page = await readWorkbook(utf8(registerPage()), "台账.xls");
    const merges = [
      { top: 0, left: 0, bottom: 0, right: 5 },
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 1, right: 2 },
      { top: 1, left: 3, bottom: 2, right: 3 },
      { top: 1, left: 4, bottom: 1, right: 5 },
    ];
    const cells: WorkbookData = { sheets: [{ name: "Sheet1", rows: registerCells(true), merges }] };
    const fromPage = compileWorkbook(page, { year: 2025 });
    const fromCells = compileWorkbook(cells, { year: 2025 });
    expectCounted(fromCells.tables);
    expect(fromPage.tables).toEqual(fromCells.tables);
    expect(fromPage.stats).toEqual(fromCells.stats);
  });
});

describe("Excel 2003 XML named .xls", () => {
  const spreadsheet = (body: string, prolog = "") => `<?xml version="1.0" encoding="UTF-8"?>${prolog}
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles><Style ss:ID="d"><NumberFormat ss:Format="Short Date"/></Style></Styles>
${body}
</Workbook>`;

  test("rows and cells by ss:Index, merges, every ss:Type, rich text, a hidden and a very hidden sheet", async () => {
    const xml = spreadsheet(`<Worksheet ss:Name="依申请公开登记">
  <Table ss:ExpandedColumnCount="6" ss:ExpandedRowCount="6">
   <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">某局台账</Data></Cell></Row>
   <Row ss:Index="3">
    <Cell><Data ss:Type="String">编号</Data></Cell>
    <Cell ss:MergeDown="1"><Data ss:Type="String">收到日期</Data></Cell>
    <Cell ss:Index="4"><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>办理</B><Font html:Color="#FF0000">结果</Font></ss:Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">1</Data><Comment><Data>批注不是值</Data></Comment></Cell>
    <Cell ss:Index="4" ss:Formula="=1"><Data ss:Type="Boolean">1</Data></Cell>
    <Cell><Data ss:Type="Error">#N/A</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">2.5</Data></Cell>
    <Cell ss:StyleID="d"><Data ss:Type="DateTime">2025-03-01T00:00:00.000</Data></Cell>
    <Cell><Data ss:Type="DateTime">2025-03-02T13:30:00.000</Data></Cell>
    <Cell><Data ss:Type="String">行一&#10;行二 &amp; &lt;</Data></Cell>
    <Cell ss:Index="6"><Data ss:Type="Boolean">0</Data></Cell>
   </Row>
   <Row ss:Index="8"><Cell ss:StyleID="d"/></Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="对应关系">
  <Table><Row><Cell><Data ss:Type="String">项目</Data></Cell></Row></Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>
 </Worksheet>
 <Worksheet ss:Name="说明" ss:Visible="SheetVeryHidden"><Table/></Worksheet>`);
    const data = await readWorkbook(utf8(xml), "台账.xls");
    expect(disguisedKind(utf8(xml))).toBe("spreadsheetml");
    expect(data.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["依申请公开登记", undefined],
      ["对应关系", "hidden"],
      ["说明", "veryHidden"],
    ]);
    const [main, answers, notes] = data.sheets;
    expect(main.rows).toEqual([
      ["某局台账"],
      [],
      ["编号", "收到日期", null, "办理结果"],
      [1, null, null, true, { error: "#N/A" }],
      [2.5, day(3, 1), new Date(Date.UTC(2025, 2, 2, 13, 30)), "行一\n行二 & <", null, false],
    ]);
    expect(main.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 3 },
      { top: 2, left: 1, bottom: 3, right: 1 },
    ]);
    expect(answers.rows).toEqual([["项目"]]);
    expect(notes.rows).toEqual([]);
  });

  test("a register in Excel 2003 XML counts as the same rows saved as .xlsx", async () => {
    const cell = (v: Cell) =>
      v === null
        ? "<Cell/>"
        : typeof v === "number"
          ? `<Cell><Data ss:Type="Number">${v}</Data></Cell>`
          : v instanceof Date
            ? `<Cell ss:StyleID="d"><Data ss:Type="DateTime">${v.toISOString().replace("Z", "")}</Data></Cell>`
            : `<Cell><Data ss:Type="String">${String(v)}</Data></Cell>`;
    const rows = registerCells(false).map((r) => `<Row>${r.map(cell).join("")}</Row>`);
    const xml = spreadsheet(`<Worksheet ss:Name="Sheet1"><Table>${rows.join("\n")}</Table></Worksheet>`);
    const fromXml = await readWorkbook(utf8(xml), "台账.xls");
    expect(fromXml.sheets[0].rows).toEqual(registerCells(false));
    const xlsx = await readWorkbook(
      await workbookBuffer({ sheets: [{ name: "Sheet1", rows: registerCells(false) }] }),
      "台账.xlsx",
    );
    const tables = compileWorkbook(fromXml, { year: 2025 }).tables;
    expectCounted(tables);
    expect(tables).toEqual(compileWorkbook(xlsx, { year: 2025 }).tables);
  });

  test("a DOCTYPE is refused; so are a broken file and cells past Excel's limits", async () => {
    const doctype = spreadsheet(
      `<Worksheet ss:Name="a"><Table><Row><Cell><Data ss:Type="String">&x;</Data></Cell></Row></Table></Worksheet>`,
      `\n<!DOCTYPE Workbook [<!ENTITY x "xxxxxxxxxx">]>`,
    );
    await expect(readWorkbook(utf8(doctype), "台账.xls")).rejects.toThrow(
      /无法读取「台账\.xls」：文件是 Excel 2003 XML 表格，但包含 DOCTYPE/,
    );
    const broken = spreadsheet(`<Worksheet ss:Name="a"><Table><Row><Cell></Row></Table></Worksheet>`);
    await expect(readWorkbook(utf8(broken), "台账.xls")).rejects.toThrow(/已损坏或不完整（第\d+行第\d+列/);
    const long = spreadsheet(
      `<Worksheet ss:Name="a"><Table><Row><Cell ss:Index="2"><Data ss:Type="String">${"字".repeat(40000)}</Data></Cell></Row></Table></Worksheet>`,
    );
    await expect(readWorkbook(utf8(long), "台账.xls")).rejects.toThrow(
      /工作表「a」的单元格 B1 有 40000 个字符，超过 Excel 单元格的上限 32767 个/,
    );
    const far = spreadsheet(`<Worksheet ss:Name="a"><Table><Row ss:Index="1048577"/></Table></Worksheet>`);
    await expect(readWorkbook(utf8(far), "台账.xls")).rejects.toThrow(/行号超出 Excel 的范围/);
  });
});

describe("tab text named .xls", () => {
  test("read as the CSV reader reads it, GBK or UTF-8", async () => {
    const text = "申请人\t收到日期\t办理结果\r\n张三\t2025-03-01\t予以公开\r\n";
    for (const bytes of [utf8(text), gbk(text)]) {
      const data = await readWorkbook(bytes, "导出/台账.xls");
      expect(data.sheets.map((s) => [s.name, s.rows])).toEqual([
        [
          "台账",
          [
            ["申请人", "收到日期", "办理结果"],
            ["张三", "2025-03-01", "予以公开"],
          ],
        ],
      ]);
    }
  });
});

describe("refusals", () => {
  test("a web page without a table, binary junk, an empty file: each its sentence", async () => {
    await expect(
      readWorkbook(utf8("<html><body><p>导出失败，请重试</p></body></html>"), "台账.xls"),
    ).rejects.toThrow(/无法读取「台账\.xls」：文件是网页格式，但其中没有表格/);
    const junk = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256);
    await expect(readWorkbook(junk, "台账.xls")).rejects.toThrow(WorkbookReadError);
    await expect(readWorkbook(junk, "台账.xls")).rejects.toThrow(
      /无法读取「台账\.xls」：文件不是 \.xlsx 格式/,
    );
    await expect(readWorkbook(new Uint8Array([]), "台账.xls")).rejects.toThrow(/为空/);
    // Text under any other name is still no workbook.
    await expect(readWorkbook(utf8("编号,收到日期\n1,2025-01-01\n"), "x.xlsx")).rejects.toThrow(
      /不是 \.xlsx 格式/,
    );
  });

  test("a cell past Excel's limit, a row past its columns, a grid past the cap: refused, and quickly", async () => {
    const long = `<table><tr><td>a</td><td>${"字".repeat(33000)}</td></tr></table>`;
    await expect(readWorkbook(utf8(long), "台账.xls")).rejects.toThrow(
      /第 1 个表格的单元格 B1 有 33000 个字符，超过 Excel 单元格的上限 32767 个/,
    );
    const wide = `<table><tr>${'<td colspan="1000">x</td>'.repeat(17)}</tr></table>`;
    await expect(readWorkbook(utf8(wide), "台账.xls")).rejects.toThrow(/超过 Excel 的上限 16384 列/);
    // Each row's cell pushed past 16 000 columns spanned from above: the rows cost what they place, so the cap
    // stops the file long before a hang.
    const started = Date.now();
    const spans = `<tr>${'<td colspan="1000" rowspan="1000"></td>'.repeat(16)}<td>x</td></tr>`;
    const deep = `<table>${(spans + "<tr><td>y</td></tr>".repeat(999)).repeat(200)}</table>`;
    await expect(readWorkbook(utf8(deep), "台账.xls")).rejects.toThrow(
      new RegExp(`表格过大（超过 ${MAX_GRID_CELLS} 个单元格）`),
    );
    expect(Date.now() - started).toBeLessThan(10000);
  });
});
