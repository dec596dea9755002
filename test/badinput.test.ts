/**
 * The command line given bad input, as a careless or hostile user would: the same verdict for the same
 * register in every command, numbers that cannot be counts, last year's data of the wrong shape, file-system
 * failures in Chinese with no temporary file left behind, files too large to read. Inputs are never changed.
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
import { sampleWorkbook } from "../src/report/sample";
import { workbookBuffer } from "../src/workbook/write";
import { huaian } from "./fixtures";

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
    expect((await call(["compile", bigBook])).err).toMatch(/超过台账工作簿（\.xlsx）的上限 100 MB/);
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
