/**
 * The tables typed by hand (#22): a 统计表 sheet in the layout 写入统计表 and `extract --xlsx` write, or a
 * tables JSON, is an input of compile, check, report, update, explain and rollup; a register and typed tables
 * mix (表三 from the register, 表二 typed). Expected numbers are the published 淮安 tables (a fixture) and the
 * sample register's own compile, never what the code under test says of the typed sheet.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import path from "path";
import { call, tempFolder } from "./cli-harness";
import { compileWorkbook } from "../src/report/compile";
import { getFormat } from "../src/report/formats";
import { readReport } from "../src/report/read/tables";
import { sampleWorkbook } from "../src/report/sample";
import { emptyTable2, emptyTable3, emptyTable4 } from "../src/report/tables/tables";
import { reportText } from "../src/load/report";
import { statisticsWorkbookBuffer } from "../src/workbook/statistics";
import { workbookBuffer } from "../src/workbook/write";
import { huaianTables } from "./fixtures";

const folder = tempFolder("ogi-typed-");
const file = folder.put;

/** A report's tables as printed (read by their labels, not from the data it stores). */
const printed = (docx: string) => readReport(reportText(new Uint8Array(readFileSync(docx)), "r.docx").text);

/** The k-th number cell (0-based) of the 统计表 row whose label ends with `rowLabel`, found by the test itself. */
function cellAt(ws: ExcelJS.Worksheet, rowLabel: string, k: number): ExcelJS.Cell {
  let found: ExcelJS.Cell | null = null;
  ws.eachRow((row) => {
    const cells: ExcelJS.Cell[] = [];
    row.eachCell((c) => void cells.push(c));
    if (!found && cells.some((c) => String(c.value ?? "").endsWith(rowLabel)))
      found = cells.filter((c) => typeof c.value === "number")[k] ?? null;
  });
  if (!found) throw new Error(`no row ${rowLabel}`);
  return found;
}

test("a typed 统计表 workbook compiles to the numbers typed; report, check and explain work from it", async () => {
  const published = huaianTables();
  const xlsx = file("统计表.xlsx", await statisticsWorkbookBuffer(published));
  const compiled = await call(["compile", xlsx, "--json"]);
  const data = JSON.parse(compiled.out);
  expect([data.year, data.agency, data.format]).toEqual([published.year, published.agency, published.format]);
  expect(data.t3).toEqual(published.t3);
  expect(data.t4).toEqual(published.t4);
  expect(data.t2).toEqual(published.t2);
  expect(data.checks).toEqual([]);
  expect(compiled.code).toBe(0);

  const checked = await call(["check", xlsx]);
  expect(checked.code).toBe(0);
  expect(checked.out).not.toContain("JSON");

  const docx = path.join(folder.dir, "报告.docx");
  const made = await call(["report", xlsx, "-o", docx]);
  expect(made.code).toBe(0);
  const back = printed(docx);
  expect(back.problems).toEqual([]);
  expect(back.tables.t3).toEqual(published.t3);
  expect(back.tables.t4).toEqual(published.t4);
  // The standard sentences come from the typed numbers.
  const newTotal = published.t3.new[6];
  expect(back.paragraphs.join("")).toContain(`${newTotal}件`);

  const explained = await call(["explain", xlsx, "new", "总计", "--json"]);
  const e = JSON.parse(explained.out);
  expect([e.value, e.rows.length]).toEqual([newTotal, 0]);
  expect(e.note).toContain("直接填写");
});

test("a typed number that breaks the arithmetic fails check with its cell; a blank is F2, text F1", async () => {
  const published = huaianTables();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await statisticsWorkbookBuffer(published)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("统计表");
  if (!ws) throw new Error("no sheet");
  // 自然人 is 表三's first number column, 商业企业 its second, 科研机构 its third.
  const newNatural = cellAt(ws, "本年新收政府信息公开申请数量", 0);
  expect(newNatural.value).toBe(published.t3.new[0]);
  newNatural.value = (published.t3.new[0] as number) + 5;
  cellAt(ws, "结转下年度继续办理", 1).value = null;
  cellAt(ws, "上年结转政府信息公开申请数量", 2).value = "约十件";
  const xlsx = file("改过.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
  const r = await call(["check", xlsx, "--json"]);
  expect(r.code).toBe(1);
  const rules = JSON.parse(r.out).checks.map((c: { rule: string; where: string }) => `${c.rule}:${c.where}`);
  // 自然人 of 本年新收 no longer adds up down the column (P1) nor across its row (S2).
  expect(rules).toEqual(["F1:t3.carry.research", "F2:t3.fwd", "P1:t3.*.natural", "S2:t3.new.total"]);
});

test("report and update from a tables JSON; rollup of a typed workbook and a JSON adds them up", async () => {
  const published = huaianTables();
  const json = file("tables.json", JSON.stringify(published));
  const docx = path.join(folder.dir, "从JSON.docx");
  expect((await call(["report", json, "-o", docx])).code).toBe(0);
  const back = printed(docx);
  expect(back.tables.t3).toEqual(published.t3);
  const changed = {
    ...published,
    t3: { ...published.t3, new: published.t3.new.map((v) => (v as number) + 1) },
  };
  const json2 = file("tables2.json", JSON.stringify(changed));
  const updated = path.join(folder.dir, "更新.docx");
  const u = await call(["update", docx, json2, "-o", updated]);
  expect(u.out).toContain("已更新");
  expect(printed(updated).tables.t3.new).toEqual(changed.t3.new);

  const xlsx = file("乙.xlsx", await statisticsWorkbookBuffer({ ...published, agency: "乙局" }));
  const rolled = await call(["rollup", xlsx, json, "--json"]);
  const total = JSON.parse(rolled.out);
  expect(total.t3.new).toEqual(published.t3.new.map((v) => 2 * (v as number)));
});

test("表三 and 表四 from a register, 表二 typed into the 统计表 sheet", async () => {
  const sample = sampleWorkbook();
  const registerOnly = compileWorkbook(sample);
  const published = huaianTables();
  // The sample without its 主动公开情况 sheet, and a 统计表 sheet whose 表二 is the published one.
  const typed = await statisticsWorkbookBuffer({ ...published, year: registerOnly.tables.year });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await workbookBuffer(sample)) as unknown as ArrayBuffer);
  // The sample keeps 表二 in 主动公开 (and 文件登记, counted into it): both taken out.
  for (const name of ["主动公开", "文件登记"]) {
    const sheet = wb.worksheets.find((w) => w.name === name);
    if (!sheet) throw new Error(`the sample has no ${name}`);
    wb.removeWorksheet(sheet.id);
  }
  const stats = new ExcelJS.Workbook();
  await stats.xlsx.load(Buffer.from(typed) as unknown as ArrayBuffer);
  const ws = wb.addWorksheet("统计表");
  stats
    .getWorksheet("统计表")
    ?.eachRow((row, r) => row.eachCell((c, col) => (ws.getCell(r, col).value = c.value)));
  const xlsx = file("混合.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
  const data = JSON.parse((await call(["compile", xlsx, "--json"])).out);
  expect(data.t3).toEqual(registerOnly.tables.t3);
  expect(data.t4).toEqual(registerOnly.tables.t4);
  expect(data.t2).toEqual(published.t2);
});

test("an empty 统计表 (to be typed in) compiles: every blank is named (F2), nothing is invented", async () => {
  const format = getFormat("2021");
  const empty = {
    format: "2021" as const,
    year: 2025,
    agency: "某局",
    t2: emptyTable2(format),
    t3: emptyTable3(format),
    t4: emptyTable4(),
  };
  // The layout with no numbers at all: every number cell left blank.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await statisticsWorkbookBuffer(empty)) as unknown as ArrayBuffer);
  wb.getWorksheet("统计表")?.eachRow((row) =>
    row.eachCell((c) => {
      if (typeof c.value === "number") c.value = null;
    }),
  );
  const xlsx = file("空.xlsx", new Uint8Array(await wb.xlsx.writeBuffer()));
  const r = await call(["compile", xlsx, "--json"]);
  const data = JSON.parse(r.out);
  const f2 = data.checks
    .filter((c: { rule: string }) => c.rule === "F2")
    .map((c: { where: string }) => c.where);
  // One F2 per row of 表三 that holds numbers (its labels from the format), one for 表四, one for 表二 left
  // blank whole — its cells named in it (one cause, one finding), not listed beside it.
  const t3Rows = format.t3.rows.filter((r) => !format.t3.rows.some((x) => x.group === r.key));
  expect(f2).toEqual(expect.arrayContaining([...t3Rows.map((r) => `t3.${r.key}`), "t4", "t2"]));
  expect(f2.filter((w: string) => w.startsWith("t2."))).toEqual([]);
  const t2 = data.checks.find((c: { where: string }) => c.where === "t2");
  const cells = format.t2?.blocks.flatMap((b) =>
    b.rows.flatMap((row) => b.columns.map((c) => `t2.${row.key}.${c.key}`)),
  );
  expect(t2.folded.map((f: { where: string }) => f.where)).toEqual(cells);
  expect(data.checks.filter((c: { rule: string }) => c.rule !== "F2")).toEqual([]);
  expect(data.t3.new).toEqual(new Array(7).fill(null));
  expect(data.rowIssues.filter((i: { kind: string }) => i.kind === "missingSheet")).toHaveLength(0);
});
