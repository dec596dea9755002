/**
 * Word 97–2003 (.doc) and WPS 文字 (.wps) reports read as the .docx reader reads the same document: .doc files
 * written here byte by byte for what LibreOffice never writes (8-bit pieces, pieces out of order with property
 * changes of their own, fields, merges by every sprm, nested tables, a row's properties in the Data stream); our
 * own reports and portals' pages saved as .doc by LibreOffice, compared with the .docx of the same document and
 * read back to every number; the same file named .wps; and damaged or refused files, each a Chinese sentence
 * naming the file — nothing hangs, no other exception escapes.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { CompoundError } from "../cfb/read";
import { compoundFile } from "../../test/cfb";
import {
  bytesOf,
  defTable,
  numberedDocx,
  patchStream,
  prl,
  put,
  sofficeDoc,
  SPRM,
  u16,
  u32,
  withoutControls,
  wordFile,
  wordLayout,
} from "../../test/doc";
import type { WordParts } from "../../test/doc";
import { NOW } from "../../test/docx";
import { huaianTables } from "../../test/fixtures";
import { reportPage } from "../../test/corpus";
import { longerSample } from "../../test/helpers";
import { sofficeAll } from "../../test/office";
import { reportHtml, VARIANTS } from "../../test/reports";
import { needs } from "../../test/tools";
import { createReport } from "../docx";
import { reportText } from "../load/report";
import type { CompileResult } from "../report/compile";
import { compileWorkbook } from "../report/compile";
import type { ReportDocumentText } from "../report/read/cells";
import { numericTables, readReport } from "../report/read/tables";
import { sampleWorkbook } from "../report/sample";
import type { TableSet } from "../report/tables/tables";
import { docText, ENCRYPTED, isWordBinary, WORD_95 } from ".";
import { readCompound } from "../cfb/read";

const read = (parts: WordParts, name = "报告.doc") => docText(wordFile(parts), name);
const numbers = (t: TableSet) => ({ t2: t.t2, t3: t.t3, t4: t.t4 });
const DAMAGED = "，请用原来的程序打开后重新保存再试";

/** A table paragraph's sprms: a cell's paragraph, or a row's end with its cells' boundaries and flags. */
const cell = () => SPRM.inTable;
const rowEnd = (...def: number[][]) => [...SPRM.inTable, ...SPRM.ttp, ...def.flat()];

/** Paragraph properties by the paragraphs' texts: "⏎" marks a row end (its def given by `rows`, in order). */
function tableProps(rows: number[][], body: (text: string) => boolean) {
  let row = 0;
  return (_: number, text: string) => (text === "⏎" ? rowEnd(rows[row++]) : body(text) ? [] : cell());
}

describe("a .doc written byte by byte", () => {
  test("line breaks, tabs, fields (nested, or without a result), pictures, marks and hyphens read as a .docx's", () => {
    const doc = read({
      text: [
        "标题\r",
        'A\x0bB\tC\x13 HYPERLINK "http://x/" \x14链接\x15D\r',
        "第\x13 PAGE \x15页\r",
        "\x13 IF \x13 PAGE \x141\x15 = 1 \x14是\x15否\r",
        "图\x01\x08片\x02注\x05释\r",
        "非\x1e断\x1f字\u00a0空\r",
        "\r\r  两边的空格  \r",
        "前\f后\r",
      ].join(""),
    });
    expect(doc).toEqual({
      paragraphs: [
        "标题",
        "A\nB\tC链接D",
        "第页",
        "是否",
        "图片注释",
        "非-断字\u00a0空",
        "两边的空格",
        "前",
        "后",
      ],
      tables: [],
    });
  });

  test("8-bit pieces (Windows-1252 as the specification maps it) and UTF-16 ones, stored last first; the main document only", () => {
    const first = "Report \u201c2025\u201d \u2013 p.1\u2026 \u2122\r";
    const doc = read({
      text: `${first}中文段落\r`,
      pieces: [{ length: first.length, compressed: true }, { length: 5 }],
      reversed: true,
      after: "脚注的文字\r",
    });
    expect(doc.paragraphs).toEqual(["Report \u201c2025\u201d \u2013 p.1\u2026 \u2122", "中文段落"]);
  });

  test("a fast-saved document: a piece's Prm puts its paragraphs in a table (a Prc) or deletes its text (a Prm0)", () => {
    // Pieces: the title (8-bit); two cells whose in-table flag is the piece's (Prc 0); the row's end; deleted; kept.
    const text = ["Title\r", "甲\x07乙\x07", "\x07", "删掉的\r", "留下\r"];
    const DELETED = (0x41 << 1) | (1 << 8);
    const doc = read({
      text: text.join(""),
      pieces: text.map((t, i) => ({ length: t.length, compressed: i === 0, prm: [0, 1, 0, DELETED, 0][i] })),
      reversed: true,
      prcs: [SPRM.inTable],
      paragraph: (i) => (i === 3 ? rowEnd(defTable([0, 1000, 2000])) : []),
    });
    expect(doc).toEqual({ paragraphs: ["Title", "留下"], tables: [[["甲", "乙"]]] });
  });

  test("cells and rows by their properties, never by counting marks: empty cells, a row of them", () => {
    const def = defTable([0, 1000, 2000, 3000]);
    const doc = read({
      text: "前\r\x07\x07\x07\x07" + "1\x072\x07\x07\x07" + "后\r",
      paragraph: (i) => (i === 0 || i === 9 ? [] : i === 4 || i === 8 ? rowEnd(def) : cell()),
    });
    expect(doc).toEqual({
      paragraphs: ["前", "后"],
      tables: [
        [
          ["", "", ""],
          ["1", "2", ""],
        ],
      ],
    });
  });

  test("merges by TC80 flags, sprmTVertMerge and sprmTMerge; a row starting right of the edge; edges a twip apart", () => {
    const rows = [
      defTable([0, 1000, 2000, 3000], [{ h: 1 }, { h: 2 }]),
      defTable([0, 1000, 2000, 3000], [{ v: 3 }]),
      defTable([0, 1000, 2001, 3002], [{ v: 1 }]),
      defTable([1000, 2000, 3000]),
      [...defTable([0, 1000, 2000, 3000]), ...SPRM.merge(1, 3)],
      [...defTable([0, 1000, 2000, 3000]), ...SPRM.vertMerge(0, 3)],
      [...defTable([0, 1000, 2000, 3000]), ...SPRM.vertMerge(0, 1)],
      defTable([0, 3000]),
    ];
    const cells = [
      ["横并", "", "c"],
      ["纵", "x", "y"],
      ["", "q", "w"],
      ["后", "移"],
      ["总", "b", ""],
      ["再", "1", "2"],
      ["", "3", "4"],
      ["全宽"],
    ];
    const doc = read({
      text: "表\r" + cells.map((r) => r.map((c) => `${c}\x07`).join("") + "⏎\x07").join(""),
      paragraph: tableProps(rows, (t) => t === "表"),
    });
    expect(doc.tables).toEqual([
      [
        ["横并", null, "c"],
        ["纵", "x", "y"],
        [null, "q", "w"],
        ["", "后", "移"],
        ["总", "b", null],
        ["再", "1", "2"],
        [null, "3", "4"],
        ["全宽", null, null],
      ],
    ]);
    expect(doc.paragraphs).toEqual(["表"]);
  });

  test("sprmTInsert and sprmTDelete change a row's cells", () => {
    const rows = [
      [...defTable([0, 1000]), ...SPRM.insert(1, 1, 2000)],
      [...defTable([0, 1000, 3000]), ...SPRM.remove(0, 1)],
      defTable([0, 1000, 2000, 3000]),
    ];
    const doc = read({
      text: "a\x07b\x07⏎\x07" + "d\x07⏎\x07" + "x\x07y\x07z\x07⏎\x07",
      paragraph: tableProps(rows, () => false),
    });
    expect(doc.tables).toEqual([
      [
        ["a", "b", null],
        ["d", null],
        ["x", "y", "z"],
      ],
    ]);
  });

  test("nested tables: the outer cell holds their text, and they come after the table they are in", () => {
    const inner = (end = false) => [
      ...SPRM.inTable,
      ...SPRM.itap(2),
      ...SPRM.innerCell,
      ...(end ? [...SPRM.innerTtp, ...defTable([0, 500, 1000])] : []),
    ];
    const paras: [string, number[]][] = [
      ["外\r", [...SPRM.inTable, ...SPRM.itap(1)]],
      ["内1\r", inner()],
      ["内2\r", inner()],
      ["\r", inner(true)],
      ["内3\r", inner()],
      ["\r", inner()],
      ["\r", inner(true)],
      ["\x07", [...SPRM.inTable, ...SPRM.itap(1)]],
      ["右\x07", [...SPRM.inTable, ...SPRM.itap(1)]],
      ["\x07", [...rowEnd(defTable([0, 1000, 2000])), ...SPRM.itap(1)]],
      ["后\r", []],
    ];
    const doc = read({ text: paras.map(([t]) => t).join(""), paragraph: (i) => paras[i][1] });
    expect(doc).toEqual({
      paragraphs: ["后"],
      tables: [
        [["外\n内1\n内2\n内3", "右"]],
        [
          ["内1", "内2"],
          ["内3", ""],
        ],
      ],
    });
  });

  test("a row of 30 cells whose properties are in the Data stream (sprmPHugePapx and sprmPHugePapx2)", () => {
    const centers = Array.from({ length: 31 }, (_, i) => i * 300);
    const grpprl = rowEnd(defTable(centers, [{ h: 1 }, { h: 2 }]));
    const data = Uint8Array.from([...Array(10).fill(7), ...u16(grpprl.length), ...grpprl]);
    const row = Array.from({ length: 30 }, (_, i) => `${i}\x07`).join("");
    for (const huge of [0x6645, 0x6646]) {
      const doc = read({
        text: row + "\x07" + row + "\x07",
        data,
        paragraph: (i) => (i === 30 || i === 61 ? [...prl(huge, ...u32(10))] : cell()),
      });
      const expected = ["0", null, ...Array.from({ length: 28 }, (_, i) => String(i + 2))];
      expect(doc.tables).toEqual([[expected, expected]]);
    }
  });

  test("text deleted with revision marks on, and a symbol font's character, are left out as a .docx's are", () => {
    const text = "保留删除的文字新加\uf0fc的\r";
    const doc = read({
      text,
      chars: [
        { from: 2, to: 7, sprms: SPRM.deleted },
        { from: 9, to: 10, sprms: SPRM.symbol },
      ],
    });
    expect(doc.paragraphs).toEqual(["保留新加的"]);
  });

  test("list numbers, as the .docx reader gives them: own or the style's (through its base), levels, restarts, bullets", () => {
    const paras: [string, number, number[]][] = [
      ["标题", 0, []],
      ["总体情况", 1, []],
      ["子一", 2, []],
      ["正文", 0, []],
      ["子二", 0, [...SPRM.ilfo(1), ...SPRM.ilvl(1)]],
      ["主动公开", 1, []],
      ["表内\x07", 1, SPRM.inTable],
      ["\x07", 0, rowEnd(defTable([0, 1000]))],
      ["表后", 1, []],
      ["重来", 0, SPRM.ilfo(2)],
      ["接着", 1, []],
      ["圆", 0, SPRM.ilfo(3)],
      ["圆2", 0, SPRM.ilfo(3)],
      ["点", 0, SPRM.ilfo(4)],
      ["取消", 1, SPRM.ilfo(0)],
    ];
    const doc = read({
      text: paras.map(([t]) => (t.endsWith("\x07") ? t : `${t}\r`)).join(""),
      paragraph: (i) => paras[i][2],
      style: (i) => paras[i][1],
      styles: { 0: { sprms: [] }, 1: { sprms: SPRM.ilfo(1) }, 2: { base: 1, sprms: SPRM.ilvl(1) } },
      lists: [
        [
          { nfc: 37, text: "\x00、" },
          { nfc: 37, text: "（\x01）" },
        ],
        [{ nfc: 18, start: 3, text: "\x00" }],
        [{ nfc: 23, text: "\u2022" }],
      ],
      overrides: [{ list: 0 }, { list: 0, restart: [{ level: 0, start: 1 }] }, { list: 1 }, { list: 2 }],
    });
    expect(doc).toEqual({
      paragraphs: [
        "标题",
        "一、总体情况",
        "（一）子一",
        "正文",
        "（二）子二",
        "二、主动公开",
        "四、表后",
        "一、重来",
        "二、接着",
        "③圆",
        "④圆2",
        "点",
        "取消",
      ],
      tables: [[["表内"]]],
    });
  });

  test("isWordBinary tells a Word document from another compound file", () => {
    expect(isWordBinary(readCompound(wordFile({ text: "字\r" }), "a"))).toBe(true);
    expect(isWordBinary(readCompound(compoundFile({ Workbook: new Uint8Array(100) }), "b"))).toBe(false);
  });
});

/** The file of `parts` with bytes of one of its streams changed. */
function damage(
  parts: WordParts,
  stream: string,
  offset: number | ((l: ReturnType<typeof wordLayout>) => number),
  bytes: number[],
) {
  const l = wordLayout(parts);
  const data = l.streams[stream].slice();
  data.set(bytes, typeof offset === "number" ? offset : offset(l));
  return compoundFile({ ...l.streams, [stream]: data });
}

const refusal = (bytes: Uint8Array, name: string): string => {
  try {
    docText(bytes, name);
  } catch (e) {
    expect(e).toBeInstanceOf(CompoundError);
    return (e as Error).message;
  }
  throw new Error("not refused");
};

describe("damaged and refused files: a sentence naming the file", () => {
  const table: WordParts = {
    text: "标题\r甲\x07乙\x07\x07尾\r",
    paragraph: (i) => (i === 0 || i === 4 ? [] : i === 3 ? rowEnd(defTable([0, 1000, 2000])) : cell()),
  };

  test("encrypted or obfuscated, Word 6.0/95 and Word 2.0, and no Word document", () => {
    expect(refusal(wordFile({ ...table, flags: 0x0100 }), "加密.doc")).toBe(`「加密.doc」${ENCRYPTED}`);
    expect(refusal(wordFile({ ...table, flags: 0x8000 }), "加密.wps")).toBe(`「加密.wps」${ENCRYPTED}`);
    expect(refusal(wordFile({ ...table, nFib: 104 }), "旧.doc")).toBe(`「旧.doc」${WORD_95}`);
    expect(refusal(damage(table, "WordDocument", 0, u16(0xa5db)), "更旧.doc")).toBe(`「更旧.doc」${WORD_95}`);
    expect(refusal(compoundFile({ EncryptedPackage: new Uint8Array(100) }), "加密.docx")).toBe(
      `「加密.docx」${ENCRYPTED}`,
    );
    expect(refusal(compoundFile({ Workbook: new Uint8Array(100) }), "表.doc")).toBe(
      "「表.doc」不是 Word 文档（Office 97-2003 文件中没有文档内容）",
    );
  });

  test.each<[string, Uint8Array, string]>([
    [
      "fcClx past the table stream",
      damage(table, "WordDocument", 0x1a2, u32(100000)),
      "片段表的位置超出了 1Table 流",
    ],
    [
      "a piece past the stream",
      damage(table, "1Table", (l) => l.pcdFc[0], u32(1000000)),
      "正文的第 1 个片段超出了 WordDocument 流",
    ],
    [
      "a PAPX FKP page out of range",
      damage(table, "1Table", (l) => l.papxPn[0], u32(0x3fffff)),
      "段落格式页（第 4194303 页）超出了 WordDocument 流",
    ],
    [
      "the main text longer than the pieces",
      damage(table, "WordDocument", 0x4c, u32(5000)),
      "正文比片段表长",
    ],
    [
      "a Prm naming no Prc",
      wordFile({ ...table, pieces: [{ length: table.text.length, prm: 1 | (3 << 1) }] }),
      "正文的第 1 个片段的格式编号超出范围",
    ],
    [
      "a huge PAPX past the Data stream",
      wordFile({ ...table, data: new Uint8Array(8), paragraph: (i) => (i === 3 ? SPRM.hugePapx(100) : []) }),
      "段落格式在 Data 流中的位置超出了 Data 流",
    ],
    [
      "a huge PAPX without a Data stream",
      wordFile({ ...table, paragraph: (i) => (i === 3 ? SPRM.hugePapx(0) : []) }),
      "段落格式指向的 Data 流不存在",
    ],
    [
      "no table stream",
      compoundFile({ WordDocument: wordLayout(table).streams.WordDocument }),
      "没有 1Table 流",
    ],
    [
      "a FIB cut short",
      compoundFile({ WordDocument: new Uint8Array([0xec, 0xa5, 0xc1, 0]) }),
      "文档信息块（FIB）不完整",
    ],
  ])("%s", (_, bytes, why) => {
    expect(refusal(bytes, "坏.doc")).toBe(`「坏.doc」已损坏（${why}）${DAMAGED}`);
  });

  test("a thousand damaged files: each read or refused with a sentence, none hangs, no other exception", () => {
    const grpprl = rowEnd(defTable([0, 1000, 2000], [{ v: 3 }]));
    const parts: WordParts = {
      text: "标题\r\x13 HYPERLINK \x14链接\x15\r" + "甲\x07乙\x07\x07" + "后\r",
      // The row's properties in the Data stream, after four bytes.
      data: Uint8Array.from([1, 2, 3, 4, ...u16(grpprl.length), ...grpprl]),
      paragraph: (i) => (i === 4 ? SPRM.hugePapx(4) : i === 2 || i === 3 ? cell() : []),
      chars: [{ from: 3, to: 5, sprms: SPRM.deleted }],
    };
    const l = wordLayout(parts);
    let seed = 20260120;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const started = Date.now();
    let refused = 0;
    for (let k = 0; k < 1000; k++) {
      const streams = Object.fromEntries(Object.entries(l.streams).map(([n, b]) => [n, b.slice()]));
      const name = ["WordDocument", "1Table", "Data"][random(3)];
      const s = streams[name];
      // The FIB's and the tables' numbers mostly, anywhere sometimes; a byte, or a whole number.
      for (let f = 0; f <= random(3); f++) {
        const at = random(4)
          ? random(Math.min(s.length, name === "WordDocument" ? 0x400 : s.length))
          : random(s.length);
        s[at] = random(4) ? random(256) : 0xff;
      }
      try {
        const doc = docText(compoundFile(streams), "乱.doc");
        expect(Array.isArray(doc.paragraphs) && Array.isArray(doc.tables)).toBe(true);
      } catch (e) {
        if (!(e instanceof CompoundError)) throw e;
        expect(e.message.startsWith("「乱.doc」")).toBe(true);
        refused++;
      }
    }
    expect(refused).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(30000);
  });
});

const lo = needs("soffice");

/** Our reports as the tests make them: the 2021 and 2019 formats, and a register four times longer. */
const REPORTS: [string, () => CompileResult][] = [
  ["the sample register, 2021 format", () => compileWorkbook(sampleWorkbook())],
  ["the sample register, 2019 format", () => compileWorkbook(sampleWorkbook(), { format: "2019" })],
  ["a register four times longer", () => compileWorkbook(longerSample(4))],
];

describe("our reports saved as .doc by LibreOffice", () => {
  let dir = "";
  const made: { docx: Uint8Array; doc: Uint8Array; tables: TableSet }[] = [];
  const lists: { docx: Uint8Array; doc: Uint8Array } = { docx: new Uint8Array(), doc: new Uint8Array() };
  lo.beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ogi-doc-"));
    const files: string[] = [];
    for (const [i, [, make]] of REPORTS.entries()) {
      const result = make();
      const docx = await createReport(result, "台账.xlsx", NOW);
      files.push(put(dir, `报告${i}.docx`, withoutControls(docx)));
      made.push({ docx, doc: new Uint8Array(), tables: result.tables });
    }
    const numbered = await numberedDocx();
    files.push(put(dir, "列表.docx", numbered));
    const docs = sofficeDoc(files, dir).map(bytesOf);
    docs.slice(0, REPORTS.length).forEach((doc, i) => (made[i].doc = doc));
    lists.docx = numbered;
    lists.doc = docs[REPORTS.length];
  }, 180000);
  lo.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  lo.test(
    "the same paragraphs and grids as the .docx reader gives, and every number of 表二/表三/表四",
    () => {
      REPORTS.forEach(([name], i) => {
        const { docx, doc, tables } = made[i];
        const text = docText(doc, "报告.doc");
        expect({ name, ...text }).toEqual({ name, ...reportText(docx, "报告.docx").text });
        const r = readReport(text);
        expect({ name, problems: r.problems }).toEqual({ name, problems: [] });
        expect({ name, ...numbers(numericTables(r.tables)) }).toEqual({ name, ...numbers(tables) });
        expect([r.tables.agency, r.tables.year]).toEqual([tables.agency, tables.year]);
      });
    },
  );

  lo.test("headings numbered by Word's lists read with their numbers, as the .docx's", () => {
    const text = docText(lists.doc, "列表.doc");
    expect(text).toEqual(reportText(lists.docx, "列表.docx").text);
    expect(text.paragraphs).toEqual([
      "某县2025年政府信息公开工作年度报告",
      "一、总体情况",
      "（一）工作机构",
      "本局认真落实。",
      "（二）制度建设",
      "二、主动公开政府信息情况",
      "（一）工作机构",
      "本局认真落实。",
      "（二）制度建设",
      "四、表后的标题",
      "③圆圈",
      "④又一个",
      "要点",
    ]);
  });

  lo.test(
    "the same file named .wps (WPS 文字 writes this container) reads the same; its refusals name it",
    () => {
      const { doc } = made[0];
      expect(docText(doc, "报告.wps")).toEqual(docText(doc, "报告.doc"));
      const word = readCompound(doc, "t").read("WordDocument") as Uint8Array;
      const flags = new DataView(word.buffer).getUint16(0x0a, true);
      const locked = patchStream(doc, "WordDocument", 0x0a, u16(flags | 0x0100));
      expect(refusal(locked, "报告.wps")).toBe(`「报告.wps」${ENCRYPTED}`);
    },
  );

  lo.test(
    "LibreOffice's file damaged: encrypted, Word 95, fcClx past 1Table, a piece past the stream, an FKP out of range",
    () => {
      const { doc } = made[0];
      const file = readCompound(doc, "t");
      const word = file.read("WordDocument") as Uint8Array;
      const fib = new DataView(word.buffer);
      const flags = fib.getUint16(0x0a, true);
      const tableName = flags & 0x0200 ? "1Table" : "0Table";
      const table = file.read(tableName) as Uint8Array;
      const tv = new DataView(table.buffer);
      const [fcClx, lcbClx] = [fib.getUint32(0x1a2, true), fib.getUint32(0x1a6, true)];
      // The Clx: Prcs (0x01, cb, grpprl) skipped, then the Pcdt (0x02, lcb, PlcPcd).
      let at = fcClx;
      while (table[at] === 0x01) at += 3 + tv.getInt16(at + 1, true);
      const n = (tv.getUint32(at + 1, true) - 4) / 12;
      const firstFc = at + 5 + (n + 1) * 4 + 2;
      const [fcPapx, lcbPapx] = [fib.getUint32(0x102, true), fib.getUint32(0x106, true)];
      const firstPn = fcPapx + ((lcbPapx - 4) / 8 + 1) * 4;
      const beyond = Math.floor(word.length / 512) + 1;
      const cases: [Uint8Array, string][] = [
        [patchStream(doc, "WordDocument", 0x0a, u16(flags | 0x0100)), ENCRYPTED],
        [patchStream(doc, "WordDocument", 0x02, u16(0x0068)), WORD_95],
        [
          patchStream(doc, "WordDocument", 0x1a2, u32(table.length - lcbClx + 1)),
          `已损坏（片段表的位置超出了 ${tableName} 流）${DAMAGED}`,
        ],
        [
          patchStream(doc, tableName, firstFc, u32(word.length)),
          `已损坏（正文的第 1 个片段超出了 WordDocument 流）${DAMAGED}`,
        ],
        [
          patchStream(doc, tableName, firstPn, u32(beyond)),
          `已损坏（段落格式页（第 ${beyond} 页）超出了 WordDocument 流）${DAMAGED}`,
        ],
      ];
      for (const [bytes, said] of cases) expect(refusal(bytes, "报告.doc")).toBe(`「报告.doc」${said}`);
    },
  );
});

const sample = (): TableSet => ({ ...compileWorkbook(sampleWorkbook()).tables, agency: "某市某局" });
const published = (): TableSet => ({ ...huaianTables(), agency: "淮安市某局", year: 2025 });

/** Portals' pages: every way of laying out and typing the tables (test/reports.ts), and the corpus' report page. */
const PAGES: { name: string; html: string; t: TableSet }[] = [
  ...Object.entries(VARIANTS).flatMap(([variant, v]) =>
    [sample, published].map((t, j) => ({
      name: `${variant} (${j ? "published" : "sample"})`,
      html: reportHtml(t(), v),
      t: t(),
    })),
  ),
  { name: "the corpus' report page", html: reportPage(sample()), t: sample() },
  {
    name: "the corpus' page, the title on two lines",
    html: reportPage(published(), { title: ["淮安市某局", "2025年政府信息公开工作年度报告"] }),
    t: published(),
  },
];

describe("portals' pages opened in LibreOffice and saved as .doc (and as .docx, to compare)", () => {
  let dir = "";
  const made: { doc: Uint8Array; docx: Uint8Array }[] = [];
  lo.beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "ogi-doc-pages-"));
    const files = PAGES.map((p, i) => {
      const file = path.join(dir, `页${i}.html`);
      writeFileSync(file, p.html);
      return file;
    });
    const docs = sofficeDoc(files, dir);
    const docxs = sofficeAll(files, "docx", dir);
    PAGES.forEach((_, i) => made.push({ doc: bytesOf(docs[i]), docx: bytesOf(docxs[i]) }));
  }, 300000);
  lo.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  lo.test(
    "every number read back exactly, merged and flat, in every spelling; the text as the .docx's",
    () => {
      PAGES.forEach((p, i) => {
        const text: ReportDocumentText = docText(made[i].doc, "页.doc");
        expect({ page: p.name, ...text }).toEqual({
          page: p.name,
          ...reportText(made[i].docx, "页.docx").text,
        });
        const r = readReport(text);
        expect({ page: p.name, problems: r.problems }).toEqual({ page: p.name, problems: [] });
        expect({ page: p.name, ...numbers(numericTables(r.tables)) }).toEqual({
          page: p.name,
          ...numbers(p.t),
        });
        expect([r.tables.agency, r.tables.year]).toEqual([p.t.agency, p.t.year]);
      });
    },
  );
});
