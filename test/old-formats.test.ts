/**
 * The formats offices still send, end to end through the command line: reports as Word 97-2003 (.doc, saved by
 * LibreOffice's 「MS Word 97」 filter, from our own report and from hand-laid-out published tables), the same
 * file under WPS 文字's .wps name, RTF, a web page and an RTF saved under .doc (as Word and WPS do), OFD; ledgers
 * as Excel 97-2003 (.xls) and WPS 表格 (.et), and a typed 统计表 workbook as .xls. `check` and `compile` read
 * each as its source says; `review` reads a folder of them all, every unit counted, the total the sum of the
 * units' own tables (worked out here from what each unit was made of, never from the code under test).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import path from "path";
import { createReport } from "../src/docx";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import type { TableSet } from "../src/report/tables/tables";
import { statisticsWorkbookBuffer } from "../src/workbook/statistics";
import { workbookBuffer } from "../src/workbook/write";
import { call, tempFolder } from "./cli-harness";
import { NOW } from "./docx";
import { huaianTables } from "./fixtures";
import { sofficeAll } from "./office";
import { reportOfd } from "./ofd";
import { lastYearOf, reportHtml } from "./reports";
import { needs } from "./tools";

const folder = tempFolder("ogi-old-formats-");
const put = folder.put;

/** The published tables as another unit's, of 2025. */
const unit = (agency: string): TableSet => ({ ...huaianTables(), agency, year: 2025 });

const office = needs("soffice");

/** What `check --json` read of a report's tables, to compare with what it was made of. */
const readTables = (out: string) => {
  const j = JSON.parse(out);
  return { agency: j.agency, year: j.year, t2: j.t2, t3: j.t3, t4: j.t4 };
};
const madeOf = (t: TableSet) => ({ agency: t.agency, year: t.year, t2: t.t2, t3: t.t3, t4: t.t4 });

/** Units and the tables each was made from, by file name in the review's folder. */
const units = new Map<string, TableSet>();
let dir = "";

office.beforeAll(async () => {
  dir = path.join(folder.dir, "units");
  const src = path.join(folder.dir, "src");
  mkdirSync(dir, { recursive: true });
  mkdirSync(src, { recursive: true });
  // Hand-laid-out reports (the published tables), opened by LibreOffice as web pages and saved as .doc and RTF.
  const pages = ["甲局", "乙局", "丙局"].map((a) => put(`src/${a}.html`, reportHtml(unit(a))));
  // 甲局's last year, as .doc too: what it carried over one more than 甲局 says it took in (X1 breaks there).
  const last = lastYearOf(unit("甲局"));
  last.t3 = {
    ...last.t3,
    fwd: (unit("甲局").t3.carry as number[]).map((v, i) => (i === 0 || i === 6 ? v + 1 : v)),
  };
  const lastPage = put("src/甲局2024.html", reportHtml(last));
  const [jia, yi, lastDoc] = sofficeAll([...pages.slice(0, 2), lastPage], "doc", src);
  copyFileSync(lastDoc, path.join(folder.dir, "甲局2024.doc"));
  const [bing] = sofficeAll([pages[2]], "rtf", src);
  copyFileSync(jia, path.join(dir, "甲局.doc"));
  copyFileSync(yi, path.join(dir, "乙局.wps"));
  copyFileSync(bing, path.join(dir, "丙局.rtf"));
  // Our own report, saved as .doc by a word processor (its stored data is gone: read by its printed tables).
  const ours = compileWorkbook(sampleWorkbook({ agency: "丁局" }));
  const [ding] = sofficeAll([put("src/丁局.docx", await createReport(ours, "台账.xlsx", NOW))], "doc", src);
  copyFileSync(ding, path.join(dir, "丁局.doc"));
  writeFileSync(path.join(dir, "戊局.ofd"), reportOfd(unit("戊局")));
  // A web page and an RTF saved under .doc, as Word's 「另存为」 does.
  writeFileSync(path.join(dir, "己局.doc"), reportHtml(unit("己局")));
  const [geng] = sofficeAll([put("src/庚局.html", reportHtml(unit("庚局")))], "rtf", src);
  copyFileSync(geng, path.join(dir, "庚局.doc"));
  // A ledger as .xls; a typed 统计表 workbook saved as .xls and sent under WPS 表格's .et name.
  const ledger = put("src/辛局台账.xlsx", await workbookBuffer(sampleWorkbook({ agency: "辛局" })));
  const typed = put("src/壬局统计表.xlsx", await statisticsWorkbookBuffer(unit("壬局")));
  const [xin, ren] = sofficeAll([ledger, typed], "xls", src);
  copyFileSync(xin, path.join(dir, "辛局台账.xls"));
  copyFileSync(ren, path.join(dir, "壬局统计表.et"));
  for (const a of ["甲局", "乙局", "丙局", "戊局", "己局", "庚局"]) units.set(a, unit(a));
  units.set("丁局", ours.tables);
  units.set("辛局", compileWorkbook(sampleWorkbook({ agency: "辛局" })).tables);
  units.set("壬局", unit("壬局"));
}, 240_000);

const REPORTS: [string, string][] = [
  ["甲局.doc", "甲局"],
  ["乙局.wps", "乙局"],
  ["丙局.rtf", "丙局"],
  ["丁局.doc", "丁局"],
  ["戊局.ofd", "戊局"],
  ["己局.doc", "己局"],
  ["庚局.doc", "庚局"],
];

office.test("check reads every report form to the tables it was made of", async () => {
  for (const [file, agency] of REPORTS) {
    const r = await call(["check", path.join(dir, file), "--json"]);
    const t = units.get(agency) as TableSet;
    expect({ file, tables: readTables(r.out) }).toEqual({ file, tables: madeOf(t) });
  }
});

office.test(
  "--previous reads last year's report from a .doc: 甲局's carry-over checked against it (X1)",
  async () => {
    const r = await call([
      "check",
      path.join(dir, "甲局.doc"),
      "--previous",
      path.join(folder.dir, "甲局2024.doc"),
      "--json",
    ]);
    const x1 = JSON.parse(r.out).checks.filter((c: { rule: string }) => c.rule === "X1");
    expect(x1.map((c: { where: string }) => c.where)).toEqual(["t3.carry.natural", "t3.carry.total"]);
  },
);

office.test("compile reads the .xls ledger and the .et 统计表 as their .xlsx", async () => {
  const pairs: [string, string][] = [
    ["辛局台账.xls", "src/辛局台账.xlsx"],
    ["壬局统计表.et", "src/壬局统计表.xlsx"],
  ];
  for (const [old, xlsx] of pairs) {
    const a = await call(["compile", path.join(dir, old), "--json"]);
    const b = await call(["compile", path.join(folder.dir, xlsx), "--json"]);
    expect(a.code).toBe(b.code);
    const tables = (out: string) => {
      const j = JSON.parse(out);
      return { t2: j.t2, t3: j.t3, t4: j.t4, agency: j.agency, feeYuan: j.feeYuan };
    };
    expect(tables(a.out)).toEqual(tables(b.out));
  }
  const xin = JSON.parse((await call(["compile", path.join(dir, "辛局台账.xls"), "--json"])).out);
  expect(xin.t3).toEqual(units.get("辛局")?.t3);
  const ren = JSON.parse((await call(["compile", path.join(dir, "壬局统计表.et"), "--json"])).out);
  expect(ren.t3).toEqual(units.get("壬局")?.t3);
});

office.test("explain, map, report and rollup take the .xls ledger as they take its .xlsx", async () => {
  const xls = path.join(dir, "辛局台账.xls");
  const xlsx = path.join(folder.dir, "src/辛局台账.xlsx");
  for (const args of [
    ["explain", "d1", "自然人", "--json"],
    ["map", "--json"],
  ]) {
    const [a, b] = [
      await call([args[0], xls, ...args.slice(1)]),
      await call([args[0], xlsx, ...args.slice(1)]),
    ];
    // The same answer but for the file's name where it is given back.
    expect([args[0], a.code, a.out.replaceAll("辛局台账.xls", "F")]).toEqual([
      args[0],
      b.code,
      b.out.replaceAll("辛局台账.xlsx", "F"),
    ]);
  }
  const docx = path.join(folder.dir, "辛局.docx");
  expect((await call(["report", xls, "-o", docx])).code).toBe(0);
  const back = JSON.parse((await call(["check", docx, "--json"])).out);
  expect(back.t3).toEqual(units.get("辛局")?.t3);
  const r = await call(["rollup", xls, path.join(dir, "甲局.doc"), path.join(dir, "戊局.ofd"), "--json"]);
  const total = JSON.parse(r.out).t3.new[6];
  expect(total).toBe(["辛局", "甲局", "戊局"].reduce((n, a) => n + (units.get(a)?.t3.new[6] as number), 0));
});

office.test("review reads a folder of them all: no unit 无法读取, the total the units' sum", async () => {
  const r = await call(["review", dir, "--year", "2025", "--json"]);
  const data = JSON.parse(r.out);
  const status = Object.fromEntries(
    data.units.map((u: { unit: string; status: string; reason?: string }) => [u.unit, [u.status, u.reason]]),
  );
  for (const a of units.keys())
    expect([a, status[a]?.[0]]).toEqual([a, expect.stringMatching(/^(通过|有提示)$/)]);
  expect(data.skipped).toEqual([]);
  expect(data.rollup.units.sort()).toEqual([...units.keys()].sort());
  const all = [...units.values()];
  const sum = (key: string, i: number) => all.reduce((s, t) => s + ((t.t3[key]?.[i] as number) ?? 0), 0);
  expect(data.rollup.t3.new).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => sum("new", i)));
  expect(data.rollup.t3.carry).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => sum("carry", i)));
  // The bytes in the folder were what the units sent: nothing written beside them.
  expect(readFileSync(path.join(dir, "己局.doc"), "utf8")).toContain("<table");
});
