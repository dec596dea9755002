/**
 * @jest-environment ./test/pdf-environment.js
 *
 * The command line on reports we did not make: check (where each table was found, the tables, the findings,
 * X3; one JSON shape for every input kind, a PDF's included), extract --xlsx, and a roll-up of departments' web
 * pages named from their titles; and explain, the rows behind a number (main() in-process).
 */
import path from "path";
import { call, tempFolder } from "./cli-harness";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import type { TableSet } from "../src/report/tables/tables";
import { huaian, huaianTables } from "./fixtures";
import { gbk, reportHtml } from "./reports";
import { createReport } from "../src/docx";
import { statisticsWorkbookBuffer } from "../src/workbook/statistics";
import { workbookBuffer } from "../src/workbook/write";
import { NOW } from "./docx";
import { sofficeAll } from "./office";
import { needs } from "./tools";

const folder = tempFolder("ogi-cli-reports-");
const file = folder.put;

const published = huaianTables;

test("check on a published page: where each table was found, the tables, no findings; --json the contract", async () => {
  const h = huaian();
  const page = file(
    "淮安.html",
    gbk(reportHtml(published(), { paragraphs: [h.narrative, h.section6] }, "gbk")),
  );
  const r = await call(["check", page]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toContain("「淮安.html」：按表格文字读取；机关：淮安市人民政府；年度：2024；2021年格式");
  expect(r.out).toContain("表三：文档中第2个表格，读到25行");
  expect(r.out).toMatch(/一、本年新收政府信息公开申请数量\s+3001\s+53\s+0\s+0\s+61\s+4\s+3119/);
  expect(r.out).toContain("校验结果：全部通过。");
  const j = await call(["check", page, "--json"]);
  const data = JSON.parse(j.out) as TableSet & { checks: unknown[]; found: object; source: string };
  expect(data.t3.new).toEqual(published().t3.new);
  expect([data.checks, data.source, data.agency]).toEqual([[], "labels", "淮安市人民政府"]);
});

test("check on a page whose text contradicts its table: X3 quotes the sentence", async () => {
  const h = huaian();
  const text = h.narrative.replace("受理政府信息公开申请3119件", "受理政府信息公开申请3120件");
  const page = file("改过.html", reportHtml(published(), { paragraphs: [text] }));
  const r = await call(["check", page]);
  expect(r.out).toMatch(
    /X3.*正文「2024年，全市共受理政府信息公开申请3120件.*」中新收申请为3120，而表三「一、本年新收政府信息公开申请数量」总计为3119/,
  );
});

test("a page without 表四: named, exit 1; extract writes a workbook that rolls up with another department's page", async () => {
  const broken = file("缺表.html", reportHtml(published()).replace(/<p>四、[\s\S]*<\/table>/, ""));
  const r = await call(["check", broken]);
  expect(r.code).toBe(1);
  expect(r.out).toContain("未能读取：未找到表四");
  const a = file(
    "甲局.html",
    reportHtml({ ...compileWorkbook(sampleWorkbook()).tables, agency: "某市甲局" }),
  );
  const x = path.join(folder.dir, "甲局.xlsx");
  const e = await call(["extract", a, "--xlsx", x]);
  expect(e.code).toBe(0);
  expect(e.out).toContain(`已写入：${x}`);
  const b = file(
    "乙局.html",
    reportHtml({ ...compileWorkbook(sampleWorkbook()).tables, agency: "某市乙局" }),
  );
  const roll = await call(["rollup", x, b, "--json", "--agency", "某市"]);
  const result = JSON.parse(roll.out) as TableSet & { units: { name: string }[] };
  expect(result.units.map((u) => u.name)).toEqual(["某市甲局", "某市乙局"]);
  expect(result.t3.new[6]).toBe(2 * (compileWorkbook(sampleWorkbook()).tables.t3.new[6] as number));
});

test("explain lists the rows behind a number (表三 and 表四); --json gives them as data; a bad name exits 2", async () => {
  const { workbookBuffer } = await import("../src/workbook/write");
  const xlsx = file("台账.xlsx", await workbookBuffer(sampleWorkbook()));
  const result = compileWorkbook(sampleWorkbook(), { explain: true });
  const r = await call(["explain", xlsx, "d6", "自然人"]);
  expect(r.code).toBe(0);
  const n = result.tables.t3.d6[0] as number;
  expect(n).toBeGreaterThan(1);
  expect(r.out.split("\n")[0]).toBe(`表三「6.属于四类过程性信息」「自然人」 = ${n}（2025年）`);
  expect(r.out.match(/^ {2}依申请公开登记 第\d+行/gm)).toHaveLength(n);
  const j = await call(["explain", xlsx, "行政复议", "结果维持", "--json"]);
  const data = JSON.parse(j.out) as { value: number; rows: { row: number }[] };
  expect(data.rows.map((x) => x.row)).toEqual(
    result.explainer?.rowsOf({ table: "t4", row: "review", column: 0 }),
  );
  expect(data.rows).toHaveLength(data.value);
  const bad = await call(["explain", xlsx, "五、其他"]);
  expect(bad.code).toBe(2);
  expect(bad.err).toContain("找不到「五、其他」");
});

test("rollup --explain: a number of the total by unit, down to the rows of units given as registers", async () => {
  const { workbookBuffer } = await import("../src/workbook/write");
  const a = file("甲局台账.xlsx", await workbookBuffer(sampleWorkbook()));
  const page = file(
    "乙局.html",
    reportHtml({ ...compileWorkbook(sampleWorkbook()).tables, agency: "某市乙局" }),
  );
  const one = compileWorkbook(sampleWorkbook(), { explain: true });
  const n = one.tables.t3.d6[0] as number;
  const r = await call(["rollup", a, page, "--explain", "d6 自然人", "--json"]);
  const data = JSON.parse(r.out) as {
    t3: Record<string, number[]>;
    explained: { units: { name: string; value: number; explanation?: { rows: { row: number }[] } }[] };
  };
  expect(data.t3.d6[0]).toBe(2 * n);
  const units = data.explained.units;
  expect(units.map((u) => u.value)).toEqual([n, n]);
  expect(units.reduce((s, u) => s + u.value, 0)).toBe(data.t3.d6[0]);
  expect(units[0].explanation?.rows.map((x) => x.row)).toEqual(
    one.explainer?.rowsOf({ table: "t3", row: "d6", column: 0 }),
  );
  expect(units[1].explanation).toBeUndefined();
  const text = await call(["rollup", a, page, "--explain", "d6 自然人"]);
  expect(text.out).toContain(
    `合计表三「6.属于四类过程性信息」「自然人」：${units[0].name} ${n}，某市乙局 ${n}`,
  );
  expect(text.out.match(/^ {2}依申请公开登记 第\d+行/gm)).toHaveLength(n);
});

test("a report or ledger in an old format that is damaged is refused as damaged, naming the file", async () => {
  // Only an OLE compound file's signature, no header after it: what a .doc, .wps, .xls or .et cut short holds.
  for (const name of ["报告.doc", "报告.wps", "台账.xls", "台账.et"]) {
    const at = file(name, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    for (const command of ["check", "compile"]) {
      const r = await call([command, at]);
      expect({ name, command, code: r.code, err: r.err }).toEqual({
        name,
        command,
        code: 1,
        err: expect.stringMatching(new RegExp(`「${name.replace(".", "\\.")}」(：文件)?已损坏`)),
      });
    }
  }
  // A zip that is no OFD package, under the OFD name.
  const ofd = file("报告.ofd", "PK\u0003\u0004 not a package");
  const r = await call(["check", ofd]);
  expect([r.code, r.err]).toEqual([1, expect.stringContaining("「报告.ofd」")]);
});

/** What `check --json` gives every input: the tables read, the checks and how they were read. */
const SHAPE = ["format", "year", "agency", "t2", "t3", "t4", "feeYuan", "checks", "source"];
/** What each kind adds: a report where its tables were found and what was not read; a ledger its rows' issues. */
const REPORT_KEYS = [...SHAPE, "found", "problems", "notices"];
const LEDGER_KEYS = [...SHAPE, "rowIssues", "stats"];

/** An office's own ledger, its own words: three people's applications of 2025, all granted (同意公开). */
const OWN_LEDGER = [
  ["序号", "申请人", "申请人性质", "申请时间", "答复时间", "答复结果"],
  ["1", "张三", "公民", "2025-01-05", "2025-01-20", "同意公开"],
  ["2", "李四", "公民", "2025-03-05", "2025-03-20", "同意公开"],
  ["3", "王五", "公民", "2025-05-05", "2025-05-20", "同意公开"],
];

test("check --json has one shape for every input: a report, a 统计表 workbook, a register, an own ledger, tables JSON", async () => {
  const t = { ...published(), agency: "某县甲局", year: 2025 };
  const register = compileWorkbook(sampleWorkbook()).tables;
  const cases: { file: string; source: string; keys: string[]; agency: string; t3: unknown }[] = [
    {
      file: file("甲局.html", reportHtml(t)),
      source: "labels",
      keys: REPORT_KEYS,
      agency: "某县甲局",
      t3: t.t3,
    },
    {
      file: file("乙局.docx", await createReport(compileWorkbook(sampleWorkbook()), "台账.xlsx", NOW)),
      source: "stored",
      keys: REPORT_KEYS,
      agency: register.agency,
      t3: register.t3,
    },
    {
      file: file("统计表.xlsx", await statisticsWorkbookBuffer(t)),
      source: "typed",
      keys: LEDGER_KEYS,
      agency: "某县甲局",
      t3: t.t3,
    },
    {
      file: file("台账.xlsx", await workbookBuffer(sampleWorkbook())),
      source: "register",
      keys: LEDGER_KEYS,
      agency: register.agency,
      t3: register.t3,
    },
    {
      file: file("甲局.json", JSON.stringify(t)),
      source: "tables",
      keys: SHAPE,
      agency: "某县甲局",
      t3: t.t3,
    },
  ];
  for (const c of cases) {
    const r = await call(["check", c.file, "--json"]);
    const data = JSON.parse(r.out);
    expect({ file: c.file, keys: Object.keys(data).sort() }).toEqual({
      file: c.file,
      keys: [...c.keys].sort(),
    });
    expect({ file: c.file, source: data.source, agency: data.agency, t3: data.t3 }).toEqual({
      file: c.file,
      source: c.source,
      agency: c.agency,
      t3: c.t3,
    });
    // The text says the same in its first line: which file, how it was read, the agency, the year, the format.
    const text = await call(["check", c.file]);
    const name = path.basename(c.file);
    expect(text.out.split("\n")[0]).toMatch(
      new RegExp(`^「${name.replace(".", "\\.")}」：[^；]+；机关：${c.agency}；年度：\\d{4}；2021年格式$`),
    );
    expect(text.out).toMatch(/表三/);
    expect(text.out).toMatch(/校验结果：/);
  }
  // An office's own ledger as CSV: three natural persons' applications, all granted.
  const own = file("依申请台账.csv", OWN_LEDGER.map((row) => row.join(",")).join("\n"));
  const data = JSON.parse((await call(["check", own, "--json", "--year", "2025"])).out);
  expect(Object.keys(data).sort()).toEqual([...LEDGER_KEYS].sort());
  expect([data.source, data.year, data.t3.new[0], data.t3.new[6], data.t3.grant[0]]).toEqual([
    "register",
    2025,
    3,
    3,
    3,
  ]);
});

needs("soffice", "cjkFont").test(
  "check --json of a PDF report has the same shape, its numbers those of the page it was printed from",
  async () => {
    const t = { ...published(), agency: "某县丙局", year: 2025 };
    const page = file("pdf/丙局.html", reportHtml(t));
    const [pdf] = sofficeAll([page], "pdf", path.dirname(page));
    const data = JSON.parse((await call(["check", pdf, "--json"])).out);
    expect(Object.keys(data).sort()).toEqual([...REPORT_KEYS].sort());
    expect([data.source, data.agency, data.problems, data.t3, data.t4]).toEqual([
      "labels",
      "某县丙局",
      [],
      t.t3,
      t.t4,
    ]);
  },
  120000,
);
