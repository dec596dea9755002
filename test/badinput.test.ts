/**
 * The command line given bad input, as a careless or hostile user would: the same verdict for the same
 * register in every command, numbers that cannot be counts, last year's data of the wrong shape, file-system
 * failures in Chinese with no temporary file left behind, files too large to read, text past every limit (a
 * paragraph of a million characters and more, a cell past Excel's 32 767), data stored in a report that is not of
 * the shape we write. Inputs are never changed.
 */
import { createHash } from "crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "fs";
import os from "os";
import path from "path";
import { main } from "../src/cli/main";
import { readZip, writeZip } from "../src/docx/zip";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { workbookBuffer } from "../src/workbook/write";
import { readPackage } from "../src/zip/read";
import { withDocumentXml } from "./docx";
import { documentXml } from "./docx";
import { huaian } from "./fixtures";
import { withStoredTables } from "./stored";
import { reportHtml } from "./reports";

let dir: string;
let good: string;
let bad: string;

async function call(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
const at = (name: string) => path.join(dir, name);
const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const json = (name: string, data: unknown) => {
  writeFileSync(at(name), JSON.stringify(data));
  return at(name);
};
/** No temporary file of ours anywhere under the folder. */
const leftovers = (folder = dir): string[] =>
  readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tmp"));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ogi-bad-"));
  good = at("台账.xlsx");
  writeFileSync(good, await workbookBuffer(sampleWorkbook()));
  // #N/A in a 申请人类型 cell and an impossible 收到日期: errors compile reports.
  const wb = sampleWorkbook();
  const apps = wb.sheets[0].rows;
  apps[3][2] = { error: "#N/A" };
  apps[4][1] = "2025-02-30";
  bad = at("有错的台账.xlsx");
  writeFileSync(bad, await workbookBuffer(wb));
  const report = await call(["report", good, "-o", at("报告.docx")]);
  if (report.code !== 0) throw new Error(report.err);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the same register, the same verdict", () => {
  test("compile, report, update and rollup all exit 1 on a register with error rows; the outputs still say what was left out", async () => {
    const before = sha(bad);
    const compile = await call(["compile", bad]);
    expect(compile.code).toBe(1);
    const report = await call(["report", bad, "-o", at("有错.docx")]);
    expect(report.code).toBe(1);
    expect(existsSync(at("有错.docx"))).toBe(true);
    expect(report.out).toMatch(/注意：登记表有2处错误，2行未计入上面的数字/);
    const update = await call(["update", at("报告.docx"), bad, "-o", at("更新.docx")]);
    expect(update.code).toBe(1);
    expect(update.out).toMatch(/登记表有2处错误/);
    const rollup = await call(["rollup", good, bad]);
    expect(rollup.code).toBe(1);
    expect(rollup.out).toMatch(/的台账有2处错误（2行未计入）/);
    expect(sha(bad)).toBe(before);
    // And the good register passes everywhere.
    expect((await call(["compile", good])).code).toBe(0);
    expect((await call(["rollup", good])).code).toBe(0);
  });
});

describe("tables that cannot be right", () => {
  test("a count of 1e308, a fraction or a negative number is F1; an amount must be finite and not negative", async () => {
    for (const [value, where] of [
      [1e308, "t3.new.natural"],
      [2.5, "t3.new.natural"],
      [-1, "t3.new.natural"],
    ] as const) {
      const t = huaian();
      (t.t3.new as number[])[0] = value;
      const r = await call(["check", json("t.json", t), "--json"]);
      expect(r.code).toBe(1);
      const f1 = (JSON.parse(r.out).checks as { rule: string; where: string }[]).filter(
        (c) => c.rule === "F1",
      );
      expect(f1.map((c) => c.where)).toContain(where);
    }
    const t = huaian();
    (t.t2 as Record<string, unknown>).feesWanYuan = -3;
    expect((await call(["check", json("fee.json", t)])).code).toBe(1);
  });

  test("an empty object and last year's data of the wrong shape are refused with the reason", async () => {
    const empty = await call(["check", json("empty.json", {})]);
    expect([empty.code, empty.err]).toEqual([1, expect.stringContaining("不是统计表 JSON")]);
    expect(empty.err).not.toContain("undefined");
    const nested = { ...huaian(), previous: { fwd: [1, 2, 3, 4, 5, 6, 21] } };
    const r = await call(["check", json("nested.json", nested)]);
    expect([r.code, r.err]).toEqual([
      1,
      expect.stringMatching(/previous不能用作上年数据：缺少表三（t3），无法核对上年结转（X1）/),
    ]);
    const noFwd = json("noFwd.json", { ...huaian(), t3: { new: [0, 0, 0, 0, 0, 0, 0] } });
    const p = await call(["compile", good, "--previous", noFwd]);
    expect([p.code, p.err]).toEqual([
      1,
      expect.stringMatching(/不能用作上年数据：表三缺少「四、结转下年度继续办理」一行/),
    ]);
  });
});

describe("tables JSON not shaped as tables", () => {
  test("a row that is no list, 表三 a list, 表四 an object, a name that is a number: refused naming the field in check, compile, report and rollup — never a TypeError", async () => {
    const cases: [string, (t: Record<string, unknown>) => void, RegExp][] = [
      ["row", (t) => ((t.t3 as Record<string, unknown>).new = 5), /t3\.new 应为一组数字/],
      ["t3list", (t) => (t.t3 = [[1, 2, 3]]), /t3 应为一个对象/],
      ["t4object", (t) => (t.t4 = { review: 1 }), /t4 应为15个数字/],
      ["agency", (t) => (t.agency = 12), /agency 应为机关名称/],
      ["year", (t) => (t.year = "2024年"), /year 应为年份/],
    ];
    for (const [name, spoil, why] of cases) {
      const t = huaian() as unknown as Record<string, unknown>;
      spoil(t);
      const file = json(`${name}.json`, t);
      for (const args of [
        ["check", file],
        ["compile", file],
        ["report", file, "-o", at(`${name}.docx`)],
        ["rollup", file],
      ]) {
        const r = await call(args);
        expect({ name, args: args[0], code: r.code, err: r.err }).toEqual({
          name,
          args: args[0],
          code: 1,
          err: expect.stringMatching(why),
        });
        expect(r.err).not.toMatch(/TypeError|undefined|is not a function|Cannot read/);
      }
      expect(existsSync(at(`${name}.docx`))).toBe(false);
    }
  });

  test("a short 表四 and a short row are blanks where they say nothing: F3 and F2 in check, no 「undefined」 in the report's sentences", async () => {
    const t = huaian() as unknown as Record<string, unknown>;
    t.t4 = [1, 0, 0, 0, 1];
    (t.t3 as Record<string, unknown[]>).carry = [0, 0, 0];
    const file = json("short.json", t);
    const check = await call(["check", file, "--json"]);
    const rules = (JSON.parse(check.out).checks as { rule: string; where: string }[]).map(
      (c) => `${c.rule}:${c.where}`,
    );
    expect(rules).toEqual(expect.arrayContaining(["F3:t4", "F3:t3.carry"]));
    const report = await call(["report", file, "-o", at("short.docx")]);
    expect(report.out + report.err).not.toContain("undefined");
    expect(existsSync(at("short.docx"))).toBe(true);
    expect(documentXml(new Uint8Array(readFileSync(at("short.docx"))))).not.toMatch(/undefined|NaN/);
  });
});

describe("files", () => {
  test("a missing folder, a folder as output, a path through a file, a name too long: Chinese sentences, nothing left behind", async () => {
    const cases: [string, RegExp][] = [
      [at("没有这个目录/报告.docx"), /目录「[^」]*没有这个目录」不存在，请先创建它/],
      [dir, /是一个目录，请在它后面加上文件名/],
      [path.join(good, "报告.docx"), /路径「[^」]+」中有一段不是目录/],
      [at("长".repeat(300) + ".docx"), /过长，请换一个短些的名称/],
    ];
    for (const [out, message] of cases) {
      const r = await call(["report", good, "-o", out]);
      expect({ out, code: r.code, err: r.err }).toEqual({
        out,
        code: 1,
        err: expect.stringMatching(message),
      });
      expect(r.err).not.toMatch(/ENOENT|EISDIR|ENOTDIR|ENAMETOOLONG|\.tmp/);
    }
    expect(leftovers()).toEqual([]);
  });

  test("an input larger than its kind allows is refused before it is read", async () => {
    const big = at("大.json");
    writeFileSync(big, "");
    truncateSync(big, 300 * 1024 * 1024); // sparse: no disk used, nothing read
    const r = await call(["check", big]);
    expect([r.code, r.err]).toEqual([
      1,
      expect.stringMatching(/「大\.json」有 300 MB，超过统计表 JSON的上限 20 MB/),
    ]);
    const bigBook = at("大.xlsx");
    writeFileSync(bigBook, "");
    truncateSync(bigBook, 150 * 1024 * 1024);
    expect((await call(["compile", bigBook])).err).toMatch(
      /超过台账工作簿（\.xlsx、\.xls、\.et）的上限 100 MB/,
    );
  });

  test("update on a damaged report writes nothing", async () => {
    const damaged = at("坏报告.docx");
    const bytes = readFileSync(at("报告.docx"));
    writeFileSync(damaged, bytes.subarray(0, bytes.length - 300));
    mkdirSync(at("out"), { recursive: true });
    const r = await call(["update", damaged, good, "-o", at("out/新.docx")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/已损坏/);
    expect(readdirSync(at("out"))).toEqual([]);
  });
});

/** A package's XML parts edited by name. */
function withParts(bytes: Uint8Array, edit: (name: string, xml: string) => string): Uint8Array {
  const zip = readZip(bytes, "x");
  for (const e of zip.entries)
    if (e.data && /\.(xml|rels)$/.test(e.name)) {
      const xml = new TextDecoder().decode(e.data);
      const next = edit(e.name, xml);
      if (next !== xml) e.data = new TextEncoder().encode(next);
    }
  return writeZip(zip);
}
/** One more paragraph at the end of a report's body. */
const withParagraph = (bytes: Uint8Array, text: string) =>
  withDocumentXml(bytes, (x) => x.replace("</w:body>", `<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body>`));
const NO_TYPE_ERROR = /Cannot read|TypeError|is not a function|is not iterable|undefined/;

describe("text past every limit", () => {
  test("a report holding one paragraph of two million characters is refused before it is read: update writes nothing; check, review, extract and rollup say why", async () => {
    const report = readFileSync(at("报告.docx"));
    const file = at("大段.docx");
    writeFileSync(file, withParagraph(report, "x".repeat(2_000_000)));
    const before = sha(file);
    const why =
      /「大段\.docx」中有一段文字有 2000000 个字（以「xxxxxxxxxxxx」开头），超过每段 1000000 字的上限，不像一份报告，已拒绝处理/;
    const update = await call(["update", file, good, "-o", at("大段-新.docx")]);
    expect([update.code, update.err]).toEqual([1, expect.stringMatching(why)]);
    expect(existsSync(at("大段-新.docx"))).toBe(false);
    const check = await call(["check", file]);
    expect([check.code, check.err]).toEqual([1, expect.stringMatching(why)]);
    const extract = await call(["extract", file, "--xlsx", at("大段.xlsx")]);
    expect([extract.code, extract.err]).toEqual([1, expect.stringMatching(why)]);
    expect(existsSync(at("大段.xlsx"))).toBe(false);
    const rollup = await call(["rollup", file, good]);
    expect([rollup.code, rollup.err]).toEqual([1, expect.stringMatching(why)]);
    const review = await call(["review", file]);
    expect(review.out).toMatch(/无法读取/);
    expect(review.out).toMatch(why);
    expect(sha(file)).toBe(before);
    expect(leftovers()).toEqual([]);
  });

  test("a paragraph past 10 000 characters is read up to them, saying so: in a report, in its update, in a web page", async () => {
    const long = "字".repeat(20000);
    const said =
      "正文中以「字字字字字字字字字字字字」开头的一段有 20000 个字，超过每段 10000 字的上限，只读取了前 10000 字";
    const file = at("长段.docx");
    writeFileSync(file, withParagraph(readFileSync(at("报告.docx")), long));
    const check = await call(["check", file]);
    expect([check.code, check.out]).toEqual([0, expect.stringContaining(`注意：${said}`)]);
    const update = await call(["update", file, good, "-o", at("长段-新.docx")]);
    expect([update.code, update.out]).toEqual([
      0,
      expect.stringContaining(`请核对（本工具不改动这些文字）：${said}`),
    ]);
    // Nothing of the person's text is cut in the document itself.
    expect(readFileSync(at("长段-新.docx")).length).toBeGreaterThan(0);
    const { documentXml } = await import("./docx");
    expect(documentXml(readFileSync(at("长段-新.docx")))).toContain(long);
    const page = at("长段.html");
    const tables = compileWorkbook(sampleWorkbook()).tables;
    writeFileSync(
      page,
      reportHtml(tables).replace("<p>一、总体情况</p>", `<p>${long}</p><p>一、总体情况</p>`),
    );
    const pageCheck = await call(["check", page]);
    expect(pageCheck.out).toContain(`注意：${said}`);
  });

  test("a workbook whose shared strings hold a million characters in a cell is refused naming the sheet and the cell; nothing written", async () => {
    const zip = readPackage(readFileSync(good), "x", { kind: "xlsx" });
    const sst = new TextDecoder().decode(zip.entries.find((e) => e.name === "xl/sharedStrings.xml")?.data);
    const index = sst.split("<si>").length - 1; // the string added after the workbook's own
    const file = at("大单元格.xlsx");
    writeFileSync(
      file,
      withParts(readFileSync(good), (name, xml) =>
        name === "xl/sharedStrings.xml"
          ? xml.replace("</sst>", `<si><t>${"长".repeat(1_000_000)}</t></si></sst>`)
          : name === "xl/worksheets/sheet1.xml"
            ? xml.replace(/<c r="C2"[^>]*>.*?<\/c>/, `<c r="C2" t="s"><v>${index}</v></c>`)
            : xml,
      ),
    );
    const before = sha(file);
    const sheet = sampleWorkbook().sheets[0].name;
    const why = new RegExp(
      `无法读取「大单元格\\.xlsx」：文件中工作表「${sheet}」的单元格 C2 有 1000000 个字符，超过 Excel 单元格的上限 32767 个`,
    );
    const compile = await call(["compile", file]);
    expect([compile.code, compile.err]).toEqual([1, expect.stringMatching(why)]);
    const report = await call(["report", file, "-o", at("大单元格.docx")]);
    expect([report.code, report.err]).toEqual([1, expect.stringMatching(why)]);
    expect(existsSync(at("大单元格.docx"))).toBe(false);
    const rollup = await call(["rollup", file, good]);
    expect([rollup.code, rollup.err]).toEqual([1, expect.stringMatching(why)]);
    expect(sha(file)).toBe(before);
    expect(leftovers()).toEqual([]);
  });
});

describe("data stored in a report, of the wrong shape", () => {
  /** The report with its stored tables edited (`edit` changes them in place or returns what replaces them). */
  const withStored = (edit: (t: Record<string, unknown>) => unknown): Uint8Array =>
    withStoredTables(readFileSync(at("报告.docx")), edit);
  const shapes: [string, (t: Record<string, unknown>) => unknown][] = [
    ["no 表三", (t) => void delete t.t3],
    ["表四 an object", (t) => void (t.t4 = { review: 5 })],
    ["an unknown format", (t) => void (t.format = "1999")],
    ["an array", () => [1, 2, 3]],
    ["a 表三 row not an array", (t) => void ((t.t3 as Record<string, unknown>).new = 67)],
  ];

  test("check, extract, review, rollup and --previous read the printed tables instead, saying so — never a TypeError", async () => {
    const expected = compileWorkbook(sampleWorkbook()).tables;
    for (const [what, edit] of shapes) {
      const file = at("坏数据.docx");
      writeFileSync(file, withStored(edit));
      const check = await call(["check", file]);
      expect({ what, code: check.code, out: check.out }).toEqual({
        what,
        code: 0,
        out: expect.stringContaining("注意：报告中保存的数据已损坏、无法读取，已按表格文字读取"),
      });
      const extract = await call(["extract", file, "--xlsx", at("坏数据.xlsx")]);
      expect({ what, code: extract.code }).toEqual({ what, code: 0 });
      const rollup = await call(["rollup", file, "--json"]);
      expect({ what, code: rollup.code, t3: (JSON.parse(rollup.out) as { t3: unknown }).t3 }).toEqual({
        what,
        code: 0,
        t3: expected.t3,
      });
      const review = await call(["review", file]);
      expect({ what, code: review.code }).toEqual({ what, code: 0 });
      const previous = await call(["compile", good, "--previous", file]);
      expect({ what, code: previous.code }).toEqual({ what, code: 0 });
      for (const r of [check, extract, rollup, review, previous])
        expect({ what, said: r.out + r.err }).not.toEqual({
          what,
          said: expect.stringMatching(NO_TYPE_ERROR),
        });
    }
  });
});
