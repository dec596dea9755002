/**
 * The command line end to end: the real entry point in a child process for demo and compile, and main()
 * in-process for every other path, on the demo workbook, a corrupt file and a file that is not a workbook.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../src/cli/main";
import { HUAIAN_FILE } from "./fixtures";

const root = path.resolve(__dirname, "..");
const huaianFile = HUAIAN_FILE;
let dir: string;

function run(args: string[]) {
  const r = spawnSync(
    process.execPath,
    ["-r", path.join(root, "test/ts-register.js"), path.join(root, "src/cli/main.ts"), ...args],
    {
      encoding: "utf8",
      cwd: dir,
    },
  );
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function call(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ogi-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("ogi-report", () => {
  test("demo writes the sample workbook and the tables, and compiles them (real process)", () => {
    const r = run(["demo", "out"]);
    expect(r.err).toContain("示例台账.xlsx");
    expect(r.code).toBe(0);
    expect(r.out).toContain("表三 收到和处理政府信息公开申请情况");
    expect(r.out).toContain("校验结果：全部通过。");
    const tables = JSON.parse(readFileSync(path.join(dir, "out/统计表.json"), "utf8"));
    expect(tables.format).toBe("2021");
    expect(tables.checks).toEqual([]);
    expect(statSync(path.join(dir, "out/示例台账.xlsx")).size).toBeGreaterThan(5000);
    expect(r.err).toContain("年度报告.docx");
    expect(readFileSync(path.join(dir, "out/年度报告.docx")).subarray(0, 2).toString()).toBe("PK");
  });

  test("compile prints the tables (real process), and --json the product.md §2 shape", async () => {
    const xlsx = path.join(dir, "out/示例台账.xlsx");
    const r = run(["compile", xlsx]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/一、本年新收政府信息公开申请数量\s+\d+/);
    const j = await call(["compile", xlsx, "--json"]);
    expect(j.code).toBe(0);
    const data = JSON.parse(j.out);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(["format", "year", "agency", "t2", "t3", "t4", "checks", "rowIssues"]),
    );
    expect(data.t3.new).toHaveLength(7);
    expect(data.t4).toHaveLength(15);
    expect(data.t2.rules).toHaveLength(3);
    const j2019 = await call(["compile", xlsx, "--json", "--format", "2019", "--year=2025"]);
    expect(JSON.parse(j2019.out).t3.o).toHaveLength(7);
  });

  test("check reads a tables JSON: the published table passes, a broken one fails with exit 1", async () => {
    const ok = await call(["check", huaianFile, "--json"]);
    expect(ok.code).toBe(0);
    // The tables as read (the file's own), no finding, read as a tables JSON: check's one shape (cli-reports).
    const published = JSON.parse(readFileSync(huaianFile, "utf8"));
    const read = JSON.parse(ok.out);
    expect([read.t3, read.checks, read.source]).toEqual([published.t3, [], "tables"]);
    const broken = JSON.parse(readFileSync(huaianFile, "utf8"));
    broken.t3.total[0] = 2933;
    broken.previous = { format: "2021", year: 2023, t3: { fwd: [30, 0, 0, 0, 4, 0, 34] } };
    const file = path.join(dir, "broken.json");
    writeFileSync(file, JSON.stringify(broken));
    const bad = await call(["check", file, "--json"]);
    expect(bad.code).toBe(1);
    expect(
      JSON.parse(bad.out).checks.map((c: { rule: string; where: string }) => `${c.rule}:${c.where}`),
    ).toEqual([
      "P1:t3.*.natural",
      "S1:t3.total.natural",
      "S2:t3.total.total",
      "X1:t3.carry.natural",
      "X1:t3.carry.legal",
    ]);
    const text = await call(["check", file]);
    expect(text.out).toContain("[错误] P1 表三「自然人」列：第一项加第二项之和");
    expect(text.out).not.toMatch(/t3\./);
  });

  test("a corrupt file and a file that is not a workbook: clear message, exit 1, input untouched", async () => {
    const good = path.join(dir, "out/示例台账.xlsx");
    const corrupt = path.join(dir, "损坏.xlsx");
    const bytes = readFileSync(good);
    writeFileSync(corrupt, bytes.subarray(0, bytes.length >> 1));
    const text = path.join(dir, "名单.xlsx");
    writeFileSync(text, "编号,收到日期\n1,2025-01-01\n");
    for (const [file, message] of [
      [corrupt, /错误：无法读取「损坏\.xlsx」：文件已损坏或不是有效的 \.xlsx 工作簿/],
      [text, /错误：无法读取「名单\.xlsx」：文件不是 \.xlsx 格式/],
    ] as const) {
      const before = { hash: sha(file), mtime: statSync(file).mtimeMs };
      const r = file === corrupt ? run(["compile", file]) : await call(["compile", file]);
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.out).toBe("");
      expect({ hash: sha(file), mtime: statSync(file).mtimeMs }).toEqual(before);
    }
    const missing = await call(["compile", path.join(dir, "没有.xlsx")]);
    expect([missing.code, missing.err]).toEqual([1, expect.stringContaining("找不到文件")]);
    // check reads an .xlsx as a workbook (never as JSON); a file that is no workbook says so.
    const notWorkbook = await call(["check", text]);
    expect([notWorkbook.code, notWorkbook.err]).toEqual([1, expect.stringMatching(/文件不是 \.xlsx 格式/)]);
    expect(notWorkbook.err).not.toContain("JSON");
    const badJson = path.join(dir, "坏.json");
    writeFileSync(badJson, "{ t3: ");
    const notJson = await call(["check", badJson]);
    expect([notJson.code, notJson.err]).toEqual([1, expect.stringContaining("不是有效的 JSON")]);
  });

  test("a workbook with bad rows compiles, lists them, and exits 1", async () => {
    const src = path.join(dir, "out/示例台账.xlsx");
    const copy = path.join(dir, "有错.xlsx");
    copyFileSync(src, copy);
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const ws = wb.getWorksheet("依申请公开登记");
    if (!ws) throw new Error("demo has 依申请公开登记");
    ws.getCell("C5").value = "外星人";
    await wb.xlsx.writeFile(copy);
    const r = await call(["compile", copy]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("登记表问题：1个错误");
    expect(r.out).toContain("依申请公开登记 第5行「申请人类型」：第5行「申请人类型」的值「外星人」无法识别");
    expect(r.out).toContain("因错误未计入1行");
  });

  test("usage errors exit 2 with the usage text", async () => {
    for (const args of [
      ["compile"],
      ["compile", "a.xlsx", "--year", "二〇二五"],
      ["compile", "a.xlsx", "--format", "2020"],
      ["frobnicate"],
      ["compile", "a.xlsx", "--bogus"],
      ["check", "--year"],
    ]) {
      const r = await call(args);
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).toContain("用法：");
    }
    const help = await call(["help"]);
    expect([help.code, help.out]).toEqual([0, expect.stringContaining("ogi-report compile")]);
  });

  test("report writes the Word report; update prints the change list and never touches its inputs", async () => {
    const xlsx = path.join(dir, "out/示例台账.xlsx");
    const docx = path.join(dir, "报告.docx");
    const made = await call(["report", xlsx, "-o", docx]);
    expect(made.code).toBe(0);
    expect(made.out).toContain("已生成报告");
    // Change one application received this year from 自然人 to 商业企业.
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet("依申请公开登记");
    if (!ws) throw new Error("demo has 依申请公开登记");
    let changedRow = 0;
    ws.eachRow((row, n) => {
      if (
        !changedRow &&
        String(row.getCell(1).value).startsWith("2025") &&
        row.getCell(3).value === "自然人" &&
        row.getCell(4).value
      ) {
        row.getCell(3).value = "商业企业";
        changedRow = n;
      }
    });
    const changed = path.join(dir, "改过的台账.xlsx");
    await wb.xlsx.writeFile(changed);
    const before = { docx: sha(docx), xlsx: sha(changed) };
    const out = path.join(dir, "报告-更新.docx");
    const u = run(["update", docx, changed, "-o", out]);
    expect(u.code).toBe(0);
    expect(u.out).toContain("已更新「表三 收到和处理政府信息公开申请情况」：");
    expect(u.out).toMatch(/表三「一、本年新收政府信息公开申请数量」「自然人」：(\d+) → (\d+)/);
    expect(u.out).toContain(`已写入：${out}`);
    expect({ docx: sha(docx), xlsx: sha(changed) }).toEqual(before);
    const again = await call(["update", out, changed, "-o", path.join(dir, "报告-再更新.docx")]);
    expect(again.out).toContain("没有需要更新的内容");
    // Refuses to write over an input; a bad report writes nothing.
    const same = await call(["update", docx, changed, "-o", docx]);
    expect([same.code, same.err]).toEqual([2, expect.stringContaining("不会覆盖原文件")]);
    expect(sha(docx)).toBe(before.docx);
    const bad = path.join(dir, "坏.docx");
    writeFileSync(bad, "这不是一个 Word 文档");
    const target = path.join(dir, "不应出现.docx");
    const r = await call(["update", bad, changed, "-o", target]);
    expect([r.code, r.err]).toEqual([1, expect.stringContaining("「坏.docx」不是 .docx 格式的 Word 文档")]);
    expect(() => statSync(target)).toThrow();
  });
});

test("the terminal tables print every 表三 label in full, as domain.md has it", async () => {
  const { getFormat } = await import("../src/report/formats");
  const { renderTable3 } = await import("../src/cli/render");
  const { compileWorkbook } = await import("../src/report/compile");
  const { sampleWorkbook } = await import("../src/report/sample");
  const text = renderTable3(compileWorkbook(sampleWorkbook()).tables);
  for (const row of getFormat("2021").t3.rows) expect(text).toContain(row.label);
  expect(text).not.toContain("…");
});
