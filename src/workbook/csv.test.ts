/**
 * CSV and text exports as ledgers come: encodings (UTF-8 with and without BOM, GBK as Excel on Chinese Windows
 * saves, UTF-16 as Excel's “Unicode 文本”), separators, quoted fields, timestamps; and what is no ledger,
 * refused with a sentence. Expected tables are counted here from the rows written, not by the code under test.
 */
import { compileWorkbook } from "../report/compile";
import { sizeProblem } from "../load/limits";
import { readWorkbook, WorkbookReadError } from "./read";

/**
 * GBK bytes for a string, made from the platform's GBK decoder run backwards over every two-byte code (the
 * test needs GBK files; Node has no GBK encoder).
 */
const gbkTable = (() => {
  const decoder = new TextDecoder("gbk");
  const map = new Map<string, number[]>();
  for (let a = 0x81; a <= 0xfe; a++)
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([a, b]));
      if (ch.length === 1 && ch !== "\ufffd" && !map.has(ch)) map.set(ch, [a, b]);
    }
  return map;
})();
function gbk(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}
const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    out[2 + i * 2] = text.charCodeAt(i) & 0xff;
    out[3 + i * 2] = text.charCodeAt(i) >> 8;
  }
  return out;
};

const HEADER = ["编号", "收到日期", "申请人类型", "办理结果", "办结日期", "备注"];
/** Rows of a ledger and what 表三 must count from them (applicant column → rows received / granted in 2025). */
const ROWS = [
  ["1", "2025-03-01 10:23:45", "自然人", "予以公开", "2025-03-10 09:00:00", "含,逗号"],
  [
    "2",
    "2025/4/2",
    "商业企业",
    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    "2025/4/20",
    '说"明"',
  ],
  ["3", "2025年5月3日", "自然人", "予以公开", "2025年5月9日", "两行\n备注"],
  ["4", "2025.6.4", "法律服务机构", "", "", ""],
];

function csv(sep: string, rows: string[][]): string {
  const quote = (f: string) => (/[",;\t\n\r]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
  return rows.map((r) => r.map(quote).join(sep)).join("\r\n") + "\r\n";
}

describe("CSV ledgers", () => {
  const cases: [string, Uint8Array][] = [
    ["UTF-8 with BOM, comma", new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(csv(",", [HEADER, ...ROWS]))])],
    ["UTF-8 without BOM, semicolon", utf8(csv(";", [HEADER, ...ROWS]))],
    ["GBK, comma (Excel on Chinese Windows)", gbk(csv(",", [HEADER, ...ROWS]))],
    ["GBK, tab", gbk(csv("\t", [HEADER, ...ROWS]))],
    ["UTF-16 with BOM, tab (Excel's Unicode text)", utf16le(csv("\t", [HEADER, ...ROWS]))],
  ];
  test.each(cases)("%s: every field as written, the tables counted", async (_, bytes) => {
    const wb = await readWorkbook(bytes, "导出/依申请公开登记.csv");
    expect(wb.sheets.map((s) => s.name)).toEqual(["依申请公开登记"]);
    const expected = [HEADER, ...ROWS].map((r) => r.map((f) => (f === "" ? null : f)));
    // Trailing empty fields are cells too (nulls): compare the written fields.
    expect(wb.sheets[0].rows.map((r) => r.slice(0, HEADER.length))).toEqual(expected);
    const t3 = compileWorkbook(wb, { year: 2025 }).tables.t3;
    expect(t3.new).toEqual([2, 1, 0, 0, 1, 0, 4]);
    expect(t3.grant).toEqual([2, 0, 0, 0, 0, 0, 2]);
    expect(t3.partial).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(t3.fwd).toEqual([0, 0, 0, 0, 1, 0, 1]);
  });

  test("a .txt export with tabs is read the same way", async () => {
    const wb = await readWorkbook(utf8(csv("\t", [HEADER, ...ROWS])), "依申请公开登记.txt");
    expect(wb.sheets[0].rows[2][3]).toBe("（二）部分公开（区分处理的，只计这一情形，不计其他情形）");
  });

  test("an .xlsx saved under a .csv name is read as the workbook it is", async () => {
    const { workbookBuffer } = await import("./write");
    const bytes = await workbookBuffer({ sheets: [{ name: "依申请公开登记", rows: [HEADER, ...ROWS] }] });
    const wb = await readWorkbook(bytes, "台账.csv");
    expect(wb.sheets[0].name).toBe("依申请公开登记");
  });

  const refusals: [string, Uint8Array, RegExp][] = [
    [
      "a binary file named .csv",
      Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
      /不是文本格式的 CSV/,
    ],
    [
      "a quote never closed",
      utf8(`${HEADER.join(",")}\n1,2025-01-02,自然人\n2,"2025-01-03,自然人\n3,x\n`),
      /第 3 行的引号没有闭合/,
    ],
    [
      "one line of 10 MB",
      utf8("编号," + "长".repeat((10 * 1024 * 1024) / 3)),
      /第 1 行第 2 列有 \d+ 个字符，超过 Excel 单元格的上限 32767/,
    ],
    [
      "more columns than Excel has",
      utf8(",".repeat(20000)),
      /第 1 行有 20001 列，超过 Excel 的上限 16384 列/,
    ],
  ];
  test.each(refusals)("%s is refused in Chinese, naming the row", async (_, bytes, message) => {
    const err = await readWorkbook(bytes, "台账.csv").then(
      () => new Error("accepted"),
      (e: Error) => e,
    );
    expect(err).toBeInstanceOf(WorkbookReadError);
    expect(err.message).toMatch(/^无法读取「台账\.csv」：/);
    expect(err.message).toMatch(message);
  });

  test("a 200 MB file is refused by its size before a byte is read, as an .xlsx is", () => {
    expect(sizeProblem("台账.csv", 200 * 1048576)).toMatch(
      /有 200 MB，超过台账（\.csv、\.txt）的上限 100 MB/,
    );
    expect(sizeProblem("台账.csv", 5 * 1048576)).toBeNull();
  });

  test("a GBK export in the system's own words is read as a ledger by its content", async () => {
    const rows = [
      ["受理编号", "提交时间", "申请人姓名", "申请人身份", "处理结果", "回复日期"],
      ["A1", "2025-02-01 09:00:00", "张三", "公民", "同意公开", "2025-02-10 10:00:00"],
      [
        "A2",
        "2025-03-01 09:00:00",
        "某某科技有限公司",
        "企业",
        "不予公开（涉及商业秘密）",
        "2025-03-12 10:00:00",
      ],
      ["A3", "2025-04-01 09:00:00", "李四", "个人", "办理中", ""],
      ["A4", "2025-05-01 09:00:00", "某律所", "律师", "已答复", "2025-05-09 10:00:00"],
    ];
    const wb = await readWorkbook(gbk(csv(",", rows)), "系统导出20250101.csv");
    const r = compileWorkbook(wb, { year: 2025 });
    expect(r.ledger.registers.map((x) => x.sheet)).toEqual(["系统导出20250101"]);
    expect(r.tables.t3.new).toEqual([2, 1, 0, 0, 0, 0, 3]);
    expect(r.tables.t3.grant).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(r.tables.t3.d4).toEqual([0, 1, 0, 0, 0, 0, 1]);
    expect(r.tables.t3.fwd).toEqual([1, 0, 0, 0, 0, 0, 1]);
    expect(r.ledger.pending.map((p) => [p.field, p.value, p.rows])).toEqual([["办理结果", "已答复", 1]]);
  });
});
