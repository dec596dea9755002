/**
 * A reviewer never meets an internal key. A folder of reports with every kind of finding — 表三's arithmetic
 * (a column, a row, a 总计), 表四's, a 2019-layout （六）, blanks in 表二, a section missing, a title not the
 * template's, the text contradicting its tables, two files of one unit that differ in 表四 — is reviewed with its
 * workbook and letters, and each report checked on its own: no cell of 问题清单, no letter, no line of `review`'s
 * or `check`'s text names a place as `t3.new.natural`, `text.s5` or `t4`; the places are the template's labels.
 * `--json` still carries the keys, beside the words. The 文件 column names files relative to the folder
 * reviewed, never with a path of this machine.
 */
import path from "path";
import { readdirSync, readFileSync } from "fs";
import { call, tempFolder } from "./cli-harness";
import { huaianTables } from "./fixtures";
import { reportHtml, tableHtml } from "./reports";
import { readWorkbook } from "../src/workbook/read";
import { reportText } from "../src/load/report";
import { getFormat } from "../src/report/formats";
import { table3Grid } from "../src/report/tables/layout";
import type { TableSet } from "../src/report/tables/tables";

const folder = tempFolder("ogi-words-");
const unit = (agency: string): TableSet => ({ ...huaianTables(), agency, year: 2025 });

/** A key of ours where words belong: t2/t3/t4/text alone or with its parts (t3.new.natural, t4.*.total). */
const KEY = /(^|[^A-Za-z0-9])(t[234]|text)(\.[A-Za-z0-9*]+)*($|[^A-Za-z0-9.])/;

function makeFolder(): string {
  const put = folder.put;
  // 乙局: 表三 自然人 新收 +10 (P1 on the column, S2 on the row), 表四 复议 维持 +1 (T4).
  const b = unit("乙局");
  b.t3 = { ...b.t3, new: b.t3.new.map((v, i) => (i === 0 ? (v as number) + 10 : v)) };
  b.t4 = b.t4.map((v, i) => (i === 0 ? (v as number) + 1 : v));
  put("units/乙局.html", reportHtml(b));
  // 丙局: （六） printed as one row (the 2019 layout), and its section 五 left out.
  const c = unit("丙局");
  const one: TableSet = { ...c, format: "2019", t3: { ...c.t3 } };
  one.t3.o = c.t3.o1.map((v, i) => (v ?? 0) + (c.t3.o2[i] ?? 0) + (c.t3.o3[i] ?? 0));
  for (const k of ["o1", "o2", "o3"]) delete one.t3[k];
  put(
    "units/镇街/丙局.html",
    reportHtml(c)
      .replace(
        tableHtml(table3Grid(c, getFormat("2021")), {}, "t3"),
        tableHtml(table3Grid(one, getFormat("2019")), {}, "t3"),
      )
      .replace(/<p>五、存在的主要问题及改进情况<\/p>\n<p>[^<]*<\/p>/, ""),
  );
  // 丁局: the text says 3000 applications (its table 3119 — X3), a title not the template's, 表二 blank.
  const d = unit("丁局");
  put(
    "units/丁局.html",
    reportHtml(
      { ...d, t2: Object.fromEntries(Object.keys(d.t2 ?? {}).map((k) => [k, null])) as TableSet["t2"] },
      { paragraphs: ["2025年，本机关共收到政府信息公开申请3000件。"] },
    ).replace(/<h1>[^<]*<\/h1>/, "<h1>丁局2025年度政府信息公开工作报告</h1>"),
  );
  // 戊局 sent two files whose 表四 differ.
  const e = unit("戊局");
  put("units/戊局.html", reportHtml(e));
  put("units/戊局.json", JSON.stringify({ ...e, t4: e.t4.map((v, i) => (i === 7 ? (v as number) + 2 : v)) }));
  return path.join(folder.dir, "units");
}

const lines = (text: string) => text.split("\n").filter((l) => KEY.test(l));

test("问题清单, the letters, review's and check's text name places in the template's words; --json keeps the keys", async () => {
  const units = makeFolder();
  const out = path.join(folder.dir, "审核结果.xlsx");
  const letters = path.join(folder.dir, "审核意见");
  const text = await call(["review", units, "--year", "2025", "-o", out, "--letters", letters]);
  expect(text.code).toBe(1);
  expect(lines(text.out)).toEqual([]);

  const wb = await readWorkbook(new Uint8Array(readFileSync(out)), "审核结果.xlsx");
  const list = wb.sheets.find((s) => s.name === "问题清单");
  const header = list?.rows[0].map(String) ?? [];
  const rows = (list?.rows.slice(1) ?? []).map((r) => r.map((c) => String(c ?? "")));
  const place = rows.map((r) => r[header.indexOf("位置")]);
  // Every kind asked for is there, in words …
  expect(place).toEqual(
    expect.arrayContaining([
      "表三「自然人」列",
      "表三「一、本年新收政府信息公开申请数量」「总计」",
      "表四「行政复议」「总计」",
      "表二",
      "表三「（六）其他处理」",
      "第五部分",
      "标题",
    ]),
  );
  // … and no cell of the sheet is a key.
  expect(rows.flat().filter((c) => KEY.test(c))).toEqual([]);
  // The 文件 column: relative to the folder reviewed, never this machine's path.
  const overview = wb.sheets.find((s) => s.name === "总览");
  const files = (overview?.rows.slice(1) ?? []).map((r) => String(r[1] ?? ""));
  expect(files).toEqual(expect.arrayContaining(["乙局.html", "镇街/丙局.html", "戊局.html、戊局.json"]));
  expect(files.filter((f) => f.includes(folder.dir) || path.isAbsolute(f))).toEqual([]);

  for (const file of readdirSync(letters)) {
    const words = reportText(
      new Uint8Array(readFileSync(path.join(letters, file))),
      file,
    ).text.paragraphs.join("\n");
    expect([file, lines(words)]).toEqual([file, []]);
    expect(words).not.toContain(folder.dir);
  }
  const bLetter = reportText(new Uint8Array(readFileSync(path.join(letters, "戊局审核意见.docx"))), "x.docx");
  expect(bLetter.text.paragraphs.join("")).toContain("表四「行政诉讼」「未经复议直接起诉」「其他结果」");

  // --json: the key for programs and the words beside it.
  const json = JSON.parse((await call(["review", units, "--year", "2025", "--json"])).out);
  const b = json.units.find((u: { unit: string }) => u.unit === "乙局");
  expect(b.findings.map((f: { where: string; place: string }) => [f.where, f.place])).toEqual(
    expect.arrayContaining([["t3.*.natural", "表三「自然人」列"]]),
  );

  // check, on each report, as text.
  for (const name of ["乙局.html", "镇街/丙局.html", "丁局.html"]) {
    const r = await call(["check", path.join(units, name)]);
    expect(r.out.length).toBeGreaterThan(0);
    expect([name, lines(r.out)]).toEqual([name, []]);
  }
});
