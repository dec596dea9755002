/**
 * Our .xls reader (./xls): Workbook streams written record by record here, with the values each record holds
 * stated by hand; damaged and refused files, each with its sentence; and, with LibreOffice, random workbooks and
 * the project's registers, ledgers and 统计表 saved both as .xls and as .xlsx in the same LibreOffice, the .xls
 * read by ./xls equal cell by cell to the .xlsx read by ./xlsx.
 *
 * Where LibreOffice writes the two files differently, and what the test accepts there (nothing else):
 * - A formula whose result is text, where LibreOffice did not give the cell a text type: one whose cached text it
 *   kept from the .xlsx without calculating, or one it calculated in a cell formatted as a number or date. Its
 *   .xls export writes a formula's result by the cell's number-format type (sc/source/filter/excel/xetable.cxx,
 *   XclExpFormulaCell::WriteContents), so the .xls holds the number 0 (a date of serial 0 where the style shows
 *   dates) and no STRING record, while the .xlsx holds the text. Accepted only at the cells where the generator put
 *   such formulas (test/xls.ts `textFormulas`), and only as 0; formulas LibreOffice does write with a STRING record
 *   (`stringFormulas`, several over a CONTINUE) must read equal, and are counted.
 * - A number: the .xls holds the double itself; LibreOffice writes it to .xlsx with 15 significant digits
 *   (0.1 + 0.2 is 0.30000000000000004 in the .xls, 0.3 in the .xlsx). Accepted where the two agree to 1e-14 of
 *   their size.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { oleFile } from "../../test/badfiles";
import { compoundFile } from "../../test/cfb";
import { huaianTables } from "../../test/fixtures";
import { smallLedger, workbook } from "../../test/helpers";
import { sofficeEach } from "../../test/office";
import { needs } from "../../test/tools";
import * as hand from "../../test/xls";
import type { Generated } from "../../test/xls";
import {
  bof,
  biffStream,
  cells,
  globals,
  record,
  records,
  result,
  sstRecords,
  stringRecords,
} from "../../test/xls";
import { readCompound } from "../cfb/read";
import type { Cell, SheetData, WorkbookData } from "../report/common/cells";
import { compileWorkbook } from "../report/compile";
import { sampleWorkbook } from "../report/sample";
import { readWorkbook, WorkbookReadError } from "./read";
import { statisticsWorkbookBuffer } from "./statistics";
import { workbookBuffer } from "./write";
import { readXls } from "./xls";

const d = (y: number, m: number, day: number, h = 0) => new Date(Date.UTC(y, m - 1, day, h));
const xls = (stream: Uint8Array, name = "Workbook") => compoundFile({ [name]: stream });
const cellsOf = (wb: WorkbookData) => wb.sheets.map((s) => s.rows);

/** A long text by its length, ends and a checksum: a failure prints a line, not 30 000 characters. */
function brief(v: Cell): Cell {
  if (typeof v !== "string" || v.length <= 60) return v;
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum = (sum * 31 + v.charCodeAt(i)) >>> 0;
  return `${v.length} 个字符 ${v.slice(0, 12)}…${v.slice(-12)} #${sum}`;
}

/** XFs: 0 General, 1 built-in 14, 2 built-in 31 (yyyy年m月d日), 3 built-in 57, 4 a custom date, 5 "0.00", 6 built-in 22. */
const STYLES = [
  globals.format(164, 'yyyy"年"m"月"d"日"'),
  globals.format(165, "0.00"),
  ...[0, 14, 31, 57, 164, 165, 22].map(globals.xf),
];

describe("Workbook streams written record by record", () => {
  test("every kind of cell record gives the value written into it", async () => {
    const rk = (n: number) => ((n << 2) | 2) >>> 0; // an RK integer
    const sheet = [
      cells.labelSst(0, 0, 0, 0),
      cells.labelSst(0, 1, 0, 1),
      ...stringRecords(0x0204, [0, 0, 2, 0, 0, 0], "办理结果"),
      ...stringRecords(0x0204, [0, 0, 3, 0, 0, 0], "Café"),
      ...stringRecords(0x00d6, [0, 0, 4, 0, 0, 0], "富文本"),
      cells.number(1, 0, 1, 45717),
      cells.rk(1, 1, 0, rk(42)),
      cells.rk(1, 2, 0, ((1234 << 2) | 3) >>> 0), // × 100: 12.34
      cells.rk(1, 3, 0, 0x400c0000), // the high bits of 3.5
      cells.rk(1, 4, 0, 0x40490000 | 1), // 50 × 1/100
      cells.rk(1, 5, 0, rk(-7)),
      cells.number(1, 6, 0, 0.1 + 0.2),
      cells.mulrk(2, 0, [
        [2, rk(45717)],
        [3, rk(45718)],
        [4, rk(45719)],
        [5, rk(45720)],
      ]),
      cells.number(2, 4, 6, 45717.5),
      cells.number(2, 5, 1, 45717),
      ...[
        [1, false],
        [0, false],
        [0x07, true],
        [0x2a, true],
        [0x00, true],
        [0x0f, true],
        [0x17, true],
        [0x1d, true],
        [0x24, true],
      ].map(([v, e], i) => cells.boolErr(3, i, 0, v as number, e as boolean)),
      cells.formula(4, 0, 0, result.number(7)),
      cells.formula(4, 1, 0, result.text()),
      record(0x04bc, [1, 0, 1, 0, 1, 1, 0, 0, 0, 0]), // a shared formula between FORMULA and its STRING
      ...stringRecords(0x0207, [], "是"),
      cells.formula(4, 2, 0, result.bool(false)),
      cells.formula(4, 3, 0, result.error(0x17)),
      cells.formula(4, 4, 0, result.empty()),
      cells.formula(4, 5, 1, result.number(45717)),
      cells.formula(4, 6, 0, result.text()), // a text result whose STRING never comes
      cells.blank(5, 1, 0),
      cells.mulBlank(5, 3, [0, 0, 0, 15, 15]),
      cells.blank(5, 9, 15), // blanks of the default format (XF 15) are no cells
      cells.mulBlank(6, 0, [15, 15]),
      bof(0x20), // a chart embedded in the sheet: its records are not the sheet's
      cells.number(9, 9, 0, 99),
      record(0x000a, []),
      cells.labelSst(7, 2, 0, 2),
      cells.mulBlank(8, 0, [15, 15, 15]),
      cells.merges([[0, 0, 0, 2]]),
    ];
    const stream = biffStream({
      globals: [...STYLES, ...sstRecords([{ text: "收到日期" }, { text: "申请人类型" }, { text: "x" }])],
      sheets: [{ name: "依申请公开登记", records: sheet }],
    });
    const wb = await readWorkbook(xls(stream), "手写.xls");
    const [s] = wb.sheets;
    expect(s.rows).toEqual([
      ["收到日期", "申请人类型", "办理结果", "Café", "富文本"],
      [d(2025, 3, 1), 42, 12.34, 3.5, 0.5, -7, 0.30000000000000004],
      [d(2025, 3, 1), d(2025, 3, 2), d(2025, 3, 3), 45720, d(2025, 3, 1, 12), d(2025, 3, 1)],
      [
        true,
        false,
        ...["#DIV/0!", "#N/A", "#NULL!", "#VALUE!", "#REF!", "#NAME?", "#NUM!"].map((error) => ({ error })),
      ],
      [7, "是", false, { error: "#REF!" }, "", d(2025, 3, 1), { error: "公式无计算结果" }],
      [null, null, null, null, null, null],
      [],
      [null, null, "x"],
    ]);
    expect(s.merges).toEqual([{ top: 0, bottom: 0, left: 0, right: 2 }]);
    expect(s.firstRow).toBe(1);
    // One Date per serial, shared by every cell of that date.
    expect(s.rows[1][0]).toBe(s.rows[2][0]);
    expect(s.rows[2][5]).toBe(s.rows[1][0]);
  });

  test("the 1904 date system (DATEMODE) moves every date 1462 days", async () => {
    const stream = biffStream({
      globals: [globals.dateMode(true), ...STYLES],
      sheets: [{ name: "表", records: [cells.number(0, 0, 1, 45717), cells.rk(0, 1, 0, (45717 << 2) | 2)] }],
    });
    expect(cellsOf(await readWorkbook(xls(stream), "1904.xls"))).toEqual([[[d(2029, 3, 2), 45717]]]);
  });

  test("shared strings split over CONTINUE records: widths that change there, rich-text runs and phonetic data passed over", async () => {
    const long = Array.from({ length: 9000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join("");
    const cjk = "政府信息公开".repeat(1000);
    const items = [
      { text: "短" },
      { text: "abc", runs: 3 },
      { text: long },
      { text: `${long.slice(0, 5000)}混合` },
      { text: cjk, phonetic: 30 },
      { text: "Ünïcödé", runs: 2, phonetic: 12 },
      { text: "" },
      { text: "末" },
    ];
    for (const options of [{}, { switchWidth: true }, { max: 13 }, { max: 13, switchWidth: true }]) {
      const sst = sstRecords(items, options);
      expect(sst.length).toBeGreaterThan(2);
      const stream = biffStream({
        globals: sst,
        sheets: [{ name: "表", records: items.map((_, i) => cells.labelSst(i, 0, 0, i)) }],
      });
      const rows = (await readWorkbook(xls(stream), "sst.xls")).sheets[0].rows;
      expect(rows.map((r) => brief(r[0]))).toEqual(items.map((i) => brief(i.text)));
    }
  });

  test("a LABEL and a formula's STRING over CONTINUE records; a LABEL's one-byte text in the CODEPAGE's code page", async () => {
    const text = "长".repeat(6000) + "abc".repeat(3000);
    const label = (row: number, s: string, options = {}) =>
      stringRecords(0x0204, [row, 0, 0, 0, 0, 0], s, { max: 1000, ...options });
    const sheet = [
      ...label(0, text),
      ...label(1, "长" + "abc".repeat(800), { switchWidth: true }),
      cells.formula(2, 0, 0, result.text()),
      ...stringRecords(0x0207, [], text, { max: 700, switchWidth: true }),
      ...stringRecords(0x0204, [3, 0, 0, 0, 0, 0], "", { raw: [0xd7, 0xd4, 0xc8, 0xbb, 0xc8, 0xcb] }),
      ...stringRecords(0x0204, [4, 0, 0, 0, 0, 0], "", { raw: [0x43, 0x61, 0x66, 0xe9] }),
    ];
    const read = async (codepage: number) =>
      (
        await readWorkbook(
          xls(
            biffStream({ globals: [globals.codepage(codepage)], sheets: [{ name: "表", records: sheet }] }),
          ),
          "cp.xls",
        )
      ).sheets[0].rows.map((r) => brief(r[0]));
    // GBK 自然人 as one-byte characters: read in code page 936, and as U+0000–U+00FF where the file says UTF-16;
    // Café's é (0xE9) ends no GBK character: U+0000–U+00FF in either.
    expect(await read(936)).toEqual([text, "长" + "abc".repeat(800), text, "自然人", "Café"].map(brief));
    expect((await read(1200)).slice(3)).toEqual(["\u00d7\u00d4\u00c8\u00bb\u00c8\u00cb", "Café"]);
  });

  test("hidden and very hidden sheets marked; chart, macro and dialog sheets left out", async () => {
    const one = [cells.number(0, 0, 0, 1)];
    const stream = biffStream({
      sheets: [
        { name: "登记", records: one },
        { name: "隐藏", records: one, state: 1 },
        { name: "深藏", records: one, state: 2 },
        { name: "图表", records: one, type: 2, bofType: 0x20 },
        { name: "宏", records: one, type: 1, bofType: 0x40 },
        { name: "对话框", records: [record(0x0081, [0x11, 0x04]), ...one] },
        { name: "最后", records: [record(0x0081, [0xc1, 0x04]), ...one] },
      ],
    });
    const wb = await readWorkbook(xls(stream), "sheets.xls");
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["登记", undefined],
      ["隐藏", "hidden"],
      ["深藏", "veryHidden"],
      ["最后", undefined],
    ]);
    expect(wb.sheets.map((s) => s.rows)).toEqual([[[1]], [[1]], [[1]], [[1]]]);
  });

  test("lazy: a damaged sheet stops only the reading of that sheet; read at once, the file is refused", async () => {
    const broken = [cells.number(0, 0, 0, 1), cells.number(0, 300, 0, 2)];
    const stream = biffStream({
      sheets: [
        { name: "好", records: [cells.number(0, 0, 0, 1)] },
        { name: "坏", records: broken },
      ],
    });
    const lazy = await readWorkbook(xls(stream), "半好.xls", { lazy: true });
    expect(lazy.sheets[0].rows).toEqual([[1]]);
    expect(() => lazy.sheets[1].rows).toThrow(
      "无法读取「半好.xls」：文件已损坏或不是有效的 .xls 工作簿（工作表「坏」：第 1 行的单元格超出了 .xls 的 256 列），请用 Excel 或 WPS 打开后重新保存再试",
    );
    await expect(readWorkbook(xls(stream), "半好.xls")).rejects.toThrow(
      /工作表「坏」：第 1 行的单元格超出了 \.xls 的 256 列/,
    );
  });

  test("any compound file is read as .xls, whatever its name; a stream named otherwise that holds BIFF8 globals too", async () => {
    const stream = biffStream({ sheets: [{ name: "表", records: [cells.number(0, 0, 0, 5)] }] });
    for (const name of ["台账.xls", "台账.et", "改了名.xlsx", "台账.csv", "台账"])
      expect(cellsOf(await readWorkbook(xls(stream), name))).toEqual([[[5]]]);
    expect(cellsOf(await readWorkbook(xls(stream, "WORKBOOK"), "a.xls"))).toEqual([[[5]]]);
    expect(cellsOf(await readWorkbook(xls(stream, "别的名字"), "a.et"))).toEqual([[[5]]]);
  });
});

describe("files refused, each with its sentence", () => {
  const good = () =>
    biffStream({
      globals: sstRecords([{ text: "一".repeat(6000) }]),
      sheets: [{ name: "表", records: [cells.labelSst(0, 0, 0, 0)] }],
    });
  const refused = async (bytes: Uint8Array, name = "坏.xls") => {
    const e = await readWorkbook(bytes, name).then(
      () => new Error("accepted"),
      (err: Error) => err,
    );
    expect(e).toBeInstanceOf(WorkbookReadError);
    return e.message;
  };
  const damaged = (why: string, what = ".xls 工作簿") =>
    `无法读取「坏.xls」：文件已损坏或不是有效的 ${what}（${why}），请用 Excel 或 WPS 打开后重新保存再试`;

  test("a password (FILEPASS)", async () => {
    const stream = biffStream({ globals: [globals.filePass()], sheets: [{ name: "表" }] });
    expect(await refused(xls(stream))).toBe(
      "无法读取「坏.xls」：文件设有打开密码（已加密），本工具无法读取；请在 Excel 或 WPS 中打开，取消密码后另存一份再试",
    );
    expect(await refused(oleFile(true), "坏.xlsx")).toMatch(
      /^无法读取「坏\.xlsx」：文件设有打开密码（已加密）/,
    );
  });

  test("Excel 5.0/95 and older: a BIFF5 BOF, in a Workbook or a Book stream, and the BOFs of BIFF2–4", async () => {
    const old =
      "无法读取「坏.xls」：文件是 Excel 5.0/95（或更早）格式的工作簿，本工具不能读取；请在 Excel 或 WPS 中另存为 .xlsx 后再试";
    const biff5 = biffStream({ first: bof(5, 0x0500), sheets: [{ name: "表" }] });
    expect(await refused(xls(biff5))).toBe(old);
    expect(await refused(xls(biff5, "Book"))).toBe(old);
    for (const type of [0x0009, 0x0209, 0x0409])
      expect(await refused(xls(biffStream({ first: record(type, [0, 0, 0x10, 0]), sheets: [] })))).toBe(old);
    // Excel 2.x–4.0 saved the stream bare, without a compound file around it (as xlrd's biff4 sample is).
    for (const type of [0x0009, 0x0209, 0x0409])
      expect(await refused(biffStream({ first: record(type, [0, 0, 0x10, 0, 0, 0]), sheets: [] }))).toBe(old);
    expect(await refused(biff5)).toBe(old);
  });

  test("a record whose length runs past the stream's end, a stream cut inside a record's header", async () => {
    const stream = good();
    const at = records(stream).find((r) => r.type === 0x00fc)!.start - 4;
    const long = stream.slice();
    long.set([0xff, 0xff], at + 2);
    expect(await refused(xls(long))).toBe(damaged(`第 ${at} 字节处的记录长 65535 字节，超出了数据流的末尾`));
    const eof = records(stream).filter((r) => r.type === 0x000a)[0].start - 4;
    expect(await refused(xls(stream.slice(0, eof + 2)))).toBe(
      damaged("记录被截断：数据在一条记录的中间结束"),
    );
  });

  test("a shared strings table that claims 10⁹ strings, one whose CONTINUE records end early", async () => {
    const absurd = biffStream({ globals: sstRecords([{ text: "a" }], { declared: 1e9 }), sheets: [] });
    expect(await refused(xls(absurd))).toBe(
      damaged("共享字符串表（SST）声称有 1000000000 个字符串，超出了它的数据所能容纳的"),
    );
    // The long string's CONTINUE record taken out: its characters end early.
    const stream = good();
    const cont = records(stream).filter((r) => r.type === 0x003c);
    expect(cont.length).toBe(1);
    const cut = hand.splice(stream, cont[0].start - 4, cont[0].length + 4, new Uint8Array(0));
    expect(await refused(xls(cut))).toBe(damaged("记录的续接（CONTINUE）提前结束，数据不完整"));
  });

  test("a sheet's place (BOUNDSHEET) past the stream's end, or where no sheet begins", async () => {
    const past = biffStream({ sheets: [{ name: "表", shift: 100000 }] });
    const offset = records(past).find((r) => r.type === 0x0085)!.start;
    const at = new DataView(past.buffer).getUint32(offset, true);
    expect(await refused(xls(past))).toBe(damaged(`工作表「表」的位置（第 ${at} 字节）超出了数据流的末尾`));
    const wrong = biffStream({ sheets: [{ name: "表", shift: 4 }] });
    expect(await refused(xls(wrong))).toMatch(/工作表「表」的位置（第 \d+ 字节）上不是工作表的开始记录/);
  });

  test("a cell past Excel's 32 767 characters, in the shared strings or in a LABEL", async () => {
    const tooLong = (row: number) =>
      `无法读取「坏.xls」：文件中工作表「表」的单元格 A${row} 有 40000 个字符，超过 Excel 单元格的上限 32767 个（Excel 和 WPS 都存不下这样的单元格），不像台账；请检查这个单元格，删去多余的文字后重新保存再试`;
    const viaSst = biffStream({
      globals: sstRecords([{ text: "a" }, { text: "b".repeat(40000) }]),
      sheets: [{ name: "表", records: [cells.labelSst(0, 0, 0, 0), cells.labelSst(1, 0, 0, 1)] }],
    });
    expect(await refused(xls(viaSst))).toBe(tooLong(2));
    const viaLabel = biffStream({
      sheets: [{ name: "表", records: stringRecords(0x0204, [2, 0, 0, 0, 0, 0], "c".repeat(40000)) }],
    });
    expect(await refused(xls(viaLabel))).toBe(tooLong(3));
  });

  test("compound files that hold no workbook: encrypted .xlsx, a Word document, another program's, a damaged container", async () => {
    expect(
      await refused(
        compoundFile({ EncryptionInfo: new Uint8Array(200), EncryptedPackage: new Uint8Array(5000) }),
      ),
    ).toMatch(/设有打开密码（已加密）/);
    expect(await refused(compoundFile({ WordDocument: new Uint8Array(5000) }))).toBe(
      "无法读取「坏.xls」：文件是 Word 文档，不是 Excel 工作簿",
    );
    expect(await refused(oleFile(false))).toBe(
      "无法读取「坏.xls」：文件是 Office 97-2003 格式的文件，但不是旧版 Excel（.xls）工作簿（其中没有工作簿的数据）；请确认选的是台账工作簿",
    );
    const cut = xls(good()).slice(0, 700);
    expect(await refused(cut)).toMatch(
      /^无法读取「坏\.xls」：文件已损坏（.+）：它是旧版 Excel（\.xls）或其他 Office 97-2003 格式的文件，请用 Excel 或 WPS 打开后“另存为” \.xlsx 再试$/,
    );
    expect(await refused(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatch(
      /旧版 Excel（\.xls）.*另存为/,
    );
  });

  test("an .et is named as such", async () => {
    const stream = good();
    const e = await readWorkbook(xls(stream.slice(0, stream.length - 3)), "坏.et").catch((err: Error) => err);
    expect((e as Error).message).toMatch(
      /^无法读取「坏\.et」：文件已损坏或不是有效的 WPS 表格（\.et）文件（/,
    );
  });
});

// ——— With LibreOffice: the same workbooks as .xls and as .xlsx ———

/** A sheet as compared: its name, state, first row, merges (sorted) and cells (dates by their time). */
function shape(s: SheetData) {
  return {
    name: s.name,
    hidden: s.hidden,
    firstRow: s.firstRow,
    merges: [...(s.merges ?? [])].map((m) => `${m.top},${m.left}:${m.bottom},${m.right}`).sort(),
  };
}

const sameNumber = (a: number, b: number) => a === b || Math.abs(a - b) <= Math.abs(b) * 1e-14;
const isSerialZero = (v: Cell) =>
  v === 0 || (v instanceof Date && [Date.UTC(1899, 11, 30), Date.UTC(1904, 0, 1)].includes(v.getTime()));

/**
 * The differences between the .xls's cells and the .xlsx's, past those the file comment accepts; `strings` counts
 * the text results read from STRING records.
 */
function differences(
  xlsCells: Cell[][],
  xlsxCells: Cell[][],
  g: Generated | null,
  sheet: number,
  count: { strings: number },
) {
  const out: string[] = [];
  if (xlsCells.length !== xlsxCells.length) out.push(`rows: ${xlsCells.length} vs ${xlsxCells.length}`);
  xlsxCells.forEach((row, r) => {
    const mine = xlsCells[r] ?? [];
    // An empty cell is empty whether a reader gives it as null (a formatted blank: LibreOffice writes the bordered
    // empty cells of our registers into .xlsx) or not at all (its .xls leaves them out): trailing ones not counted.
    const width = (cells: Cell[]) => cells.length - [...cells].reverse().findIndex((v) => v != null);
    const [w1, w2] = [width(mine) > mine.length ? 0 : width(mine), width(row) > row.length ? 0 : width(row)];
    if (w1 !== w2) out.push(`row ${r + 1}: ${w1} cells vs ${w2}`);
    row.forEach((want, c) => {
      const got = mine[c];
      if (got == null && want == null) return;
      const key = hand.at(sheet, r, c);
      if (g?.stringFormulas.has(key) && typeof want === "string" && want) count.strings++;
      if (got instanceof Date && want instanceof Date && got.getTime() === want.getTime()) return;
      if (typeof got === "number" && typeof want === "number" && sameNumber(got, want)) return;
      if (g?.textFormulas.has(key) && typeof want === "string" && isSerialZero(got)) return;
      if (JSON.stringify(got) === JSON.stringify(want)) return;
      out.push(
        `${String.fromCharCode(65 + c)}${r + 1}: ${JSON.stringify(brief(got))} vs ${JSON.stringify(brief(want))}`,
      );
    });
  });
  return out;
}

const lo = needs("sofficeCalc");
const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);
let dir = "";
let generated: Generated[] = [];
let converted: { xls: string[]; xlsx: string[] } = { xls: [], xlsx: [] };

/**
 * A register of 34 000 applications: past half of .xls's 65 536 rows, a date column's usual format is LibreOffice's
 * column default in .xls, and each empty cell of it a blank of the default format (none in its .xlsx).
 */
function bigRegister(): WorkbookData {
  const apps = Array.from({ length: 34000 }, (_, i) => {
    const received = new Date(Date.UTC(2025, i % 12, 1 + (i % 28)));
    const answered = i % 9 !== 0;
    return {
      id: `Y${i + 1}`,
      received,
      type: i % 3 ? "自然人" : "商业企业",
      outcome: answered ? "予以公开" : null,
      concluded: answered ? new Date(received.getTime() + 10 * 86400000) : null,
    };
  });
  return workbook(apps);
}

/** The registers, ledgers and 统计表 saved by LibreOffice, each with the workbook it was made from where there is one. */
const REGISTERS: { name: string; bytes: () => Promise<Uint8Array>; source: () => WorkbookData | null }[] = [
  { name: "示例台账", bytes: () => workbookBuffer(sampleWorkbook()), source: sampleWorkbook },
  { name: "统计表", bytes: () => statisticsWorkbookBuffer(huaianTables()), source: () => null },
  { name: "自己的台账", bytes: () => workbookBuffer(smallLedger()), source: smallLedger },
  { name: "台账加统计表", bytes: registerAndTyped, source: () => null },
  { name: "大台账", bytes: () => workbookBuffer(bigRegister()), source: bigRegister },
];

/** The sample register with its 表二 sheets taken out and a 统计表 sheet typed in their place (as cli-typed does). */
async function registerAndTyped(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await workbookBuffer(sampleWorkbook())) as unknown as ArrayBuffer);
  for (const name of ["主动公开", "文件登记"])
    wb.removeWorksheet(wb.worksheets.find((w) => w.name === name)!.id);
  const stats = new ExcelJS.Workbook();
  await stats.xlsx.load(
    Buffer.from(await statisticsWorkbookBuffer({ ...huaianTables(), year: 2025 })) as unknown as ArrayBuffer,
  );
  const ws = wb.addWorksheet("统计表");
  stats
    .getWorksheet("统计表")
    ?.eachRow((row, r) => row.eachCell((c, col) => (ws.getCell(r, col).value = c.value)));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

lo.beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ogi-xls-"));
  const files: string[] = [];
  generated = SEEDS.map(hand.randomWorkbook);
  for (const [i, g] of generated.entries()) {
    files.push(path.join(dir, `random-${SEEDS[i]}.xlsx`));
    writeFileSync(files[i], new Uint8Array(await g.workbook.xlsx.writeBuffer()));
  }
  for (const { name, bytes } of REGISTERS) {
    files.push(path.join(dir, `${name}.xlsx`));
    writeFileSync(files[files.length - 1], await bytes());
  }
  converted = await sofficeEach(files, ["xls", "xlsx"], dir);
}, 600000);

lo.afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytesOf = (file: string) => new Uint8Array(readFileSync(file));
/** The Workbook stream of an .xls, by the container's reader. */
const workbookStream = (bytes: Uint8Array) => readCompound(bytes, "x").read("Workbook") as Uint8Array;

lo.test(
  "60 random workbooks saved by LibreOffice: every sheet of the .xls reads as the .xlsx does",
  async () => {
    const count = { strings: 0 };
    const seen = {
      sheets: 0,
      hidden: 0,
      date1904: 0,
      merges: 0,
      types: new Map<number, number>(),
      /** The records a CONTINUE followed. */
      continued: new Set<number>(),
    };
    for (const [i, g] of generated.entries()) {
      const what = `seed ${SEEDS[i]}`;
      const bytes = bytesOf(converted.xls[i]);
      const ours = await readWorkbook(bytes, `${what}.xls`);
      const theirs = await readWorkbook(bytesOf(converted.xlsx[i]), `${what}.xlsx`);
      expect({ what, sheets: ours.sheets.map(shape) }).toEqual({ what, sheets: theirs.sheets.map(shape) });
      theirs.sheets.forEach((t, k) =>
        expect({
          what,
          sheet: t.name,
          differences: differences(ours.sheets[k].rows, t.rows, g, k, count),
        }).toEqual({ what, sheet: t.name, differences: [] }),
      );
      // What the files hold, counted from their records (not by the reader).
      const rs = records(workbookStream(bytes));
      rs.forEach((r, k) => {
        seen.types.set(r.type, (seen.types.get(r.type) ?? 0) + 1);
        if (rs[k + 1]?.type === 0x003c) seen.continued.add(r.type);
      });
      seen.sheets += ours.sheets.length;
      seen.hidden += ours.sheets.filter((s) => s.hidden).length;
      seen.merges += ours.sheets.filter((s) => s.merges?.length).length;
      if (g.workbook.properties.date1904) seen.date1904++;
    }
    // The records the reader reads were there: RK, MULRK, NUMBER, LABELSST, FORMULA, STRING, BLANK, MULBLANK,
    // MERGECELLS, DATEMODE, and CONTINUE after an SST and after a STRING. (No BOOLERR: LibreOffice writes booleans
    // and error values as formulas, =TRUE() and =NA(); the hand-written records above have it.)
    for (const type of [0x027e, 0x00bd, 0x0203, 0x00fd, 0x0006, 0x0207, 0x0201, 0x00be, 0x00e5, 0x0022])
      expect({ type: type.toString(16), present: seen.types.has(type) }).toEqual({
        type: type.toString(16),
        present: true,
      });
    expect([...seen.continued].filter((t) => t === 0x00fc || t === 0x0207).sort()).toEqual([0x00fc, 0x0207]);
    expect(count.strings).toBeGreaterThan(50);
    expect(seen.hidden).toBeGreaterThan(3);
    expect(seen.date1904).toBeGreaterThan(3);
    expect(seen.merges).toBeGreaterThan(10);
  },
  300000,
);

lo.test(
  "the sample register, a 统计表, an agency's own ledger, a register with a typed 统计表 and one of 34 000 rows, saved as .xls: the same cells, tables and row problems as .xlsx",
  async () => {
    for (const [k, { name, source }] of REGISTERS.entries()) {
      const i = SEEDS.length + k;
      const ours = await readWorkbook(bytesOf(converted.xls[i]), `${name}.xls`);
      const theirs = await readWorkbook(bytesOf(converted.xlsx[i]), `${name}.xlsx`);
      expect({ name, sheets: ours.sheets.map(shape) }).toEqual({ name, sheets: theirs.sheets.map(shape) });
      theirs.sheets.forEach((t, s) => {
        const found = differences(ours.sheets[s].rows, t.rows, null, s, { strings: 0 });
        expect({ name, sheet: t.name, differences: found }).toEqual({ name, sheet: t.name, differences: [] });
      });
      const fromXls = compileWorkbook(ours);
      const fromXlsx = compileWorkbook(theirs);
      expect({ name, tables: fromXls.tables, rowIssues: fromXls.rowIssues, checks: fromXls.checks }).toEqual({
        name,
        tables: fromXlsx.tables,
        rowIssues: fromXlsx.rowIssues,
        checks: fromXlsx.checks,
      });
      // And the tables of the workbooks they were made from.
      const made = source();
      if (made)
        expect({ name, tables: fromXls.tables }).toEqual({ name, tables: compileWorkbook(made).tables });
      if (name === "大台账") {
        // The formatted blanks the .xls holds (BLANK and MULBLANK: the bordered cells of the register as written
        // to print, and a thousand rows past the data too): no cells, no rows past the data.
        const stream = workbookStream(bytesOf(converted.xls[i]));
        const blanks = records(stream).filter((r) => r.type === 0x0201 || r.type === 0x00be);
        expect(blanks.length).toBeGreaterThanOrEqual(1000);
        expect(ours.sheets[0].rows.length).toBe(34001);
      }
      if (name === "统计表") {
        const published = huaianTables();
        expect([fromXls.tables.t2, fromXls.tables.t3, fromXls.tables.t4]).toEqual([
          published.t2,
          published.t3,
          published.t4,
        ]);
      }
    }
  },
);

lo.test(".et: the same bytes under an .et name read the same", async () => {
  for (const file of converted.xls) {
    const bytes = bytesOf(file);
    const asXls = await readWorkbook(bytes, "台账.xls");
    const asEt = await readWorkbook(bytes, "台账.et");
    expect(asEt.sheets.map((s) => [shape(s), s.rows])).toEqual(asXls.sheets.map((s) => [shape(s), s.rows]));
  }
});

lo.test(
  "LibreOffice's .xls of the sample register, changed: a FILEPASS, a BIFF5 BOF, a sheet's place past the end",
  async () => {
    const i = SEEDS.length;
    const stream = workbookStream(bytesOf(converted.xls[i]));
    const withPassword = hand.splice(stream, 20, 0, globals.filePass());
    await expect(readWorkbook(xls(withPassword), "坏.xls")).rejects.toThrow(/设有打开密码（已加密）/);
    const biff5 = stream.slice();
    biff5.set([0x00, 0x05], 4);
    await expect(readWorkbook(xls(biff5), "坏.xls")).rejects.toThrow(/Excel 5\.0\/95（或更早）格式的工作簿/);
    const past = stream.slice();
    const sheet = records(stream).find((r) => r.type === 0x0085)!;
    new DataView(past.buffer).setUint32(sheet.start, stream.length + 10, true);
    await expect(readWorkbook(xls(past), "坏.xls")).rejects.toThrow(/超出了数据流的末尾/);
    expect(readXls(xls(stream), "好.xls").sheets.length).toBeGreaterThan(3);
  },
);
