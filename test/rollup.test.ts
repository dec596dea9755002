/**
 * Roll-up of units and continuity from last year: known unit tables summed cell by cell, a broken unit named,
 * mixed inputs (xlsx, json, docx) giving the same total, 2019-style units, last year's report as --previous,
 * and the comparison sentences.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../src/cli/main";
import { createReport } from "../src/docx";
import { compileWorkbook, toTablesJson } from "../src/report/compile";
import type { CompileResult } from "../src/report/compile";
import { getFormat, numberRows } from "../src/report/formats";
import { rollup } from "../src/report/rollup";
import { sampleWorkbook } from "../src/report/sample";
import { buildSentences, comparison } from "../src/report/text/sentences";
import type { Num, TableSet } from "../src/report/tables/tables";
import { tablesFromFile } from "../src/load/tables";
import { workbookBuffer } from "../src/workbook/write";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ogi-rollup-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const UNITS = [
  { seed: 11, agency: "甲局" },
  { seed: 22, agency: "乙局" },
  { seed: 33, agency: "丙街道办事处" },
];
const sum = (rows: Num[][]) => rows[0].map((_, i) => rows.reduce((s, r) => s + (r[i] ?? 0), 0));

async function call(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("roll-up", () => {
  const results: CompileResult[] = UNITS.map((u) => compileWorkbook(sampleWorkbook(u)));
  const files: Record<string, string[]> = { xlsx: [], json: [], docx: [] };
  beforeAll(async () => {
    for (const [i, u] of UNITS.entries()) {
      const base = path.join(dir, u.agency);
      writeFileSync(`${base}.xlsx`, await workbookBuffer(sampleWorkbook(u)));
      writeFileSync(`${base}.json`, JSON.stringify(toTablesJson(results[i])));
      writeFileSync(`${base}.docx`, await createReport(results[i]));
      files.xlsx.push(`${base}.xlsx`);
      files.json.push(`${base}.json`);
      files.docx.push(`${base}.docx`);
    }
  });

  test("three unit registers with known tables: the total is their cell-wise sum, and checks pass", async () => {
    const units = await Promise.all(
      files.xlsx.map(async (f) => ({
        name: path.basename(f),
        tables: (await tablesFromFile(new Uint8Array(readFileSync(f)), f)).tables,
      })),
    );
    const r = rollup(units, { agency: "云溪区人民政府" });
    for (const row of numberRows(getFormat("2021")))
      expect({ row: row.key, v: r.total.t3[row.key] }).toEqual({
        row: row.key,
        v: sum(results.map((x) => x.tables.t3[row.key])),
      });
    expect(r.total.t4).toEqual(sum(results.map((x) => x.tables.t4)));
    expect(r.total.t2?.normative).toEqual(sum(results.map((x) => x.tables.t2?.normative as Num[])));
    expect(r.total.t2?.licensing).toBe(results.reduce((s, x) => s + (x.tables.t2?.licensing as number), 0));
    expect(r.total.feeYuan).toBe(results.reduce((s, x) => s + (x.tables.feeYuan ?? 0), 0));
    expect(r.checks).toEqual([]);
    expect(r.included).toEqual(units.map((u) => u.name));
    expect(r.unitsWithErrors).toEqual([]);
  });

  test("mixed inputs (xlsx, json, docx) give the same total", async () => {
    const run = async (list: string[]) => JSON.parse((await call(["rollup", ...list, "--json"])).out).t3;
    const all = await run(files.xlsx);
    expect(await run([files.xlsx[0], files.json[1], files.docx[2]])).toEqual(all);
    expect(await run(files.docx)).toEqual(all);
    expect(await run(files.json)).toEqual(all);
  });

  test("a unit whose own table is broken is named with its findings; the command exits 1", async () => {
    const broken = JSON.parse(JSON.stringify(toTablesJson(results[1]))) as TableSet;
    (broken.t3.total as number[])[0] += 5;
    const file = path.join(dir, "乙局-有误.json");
    writeFileSync(file, JSON.stringify(broken));
    const r = await call(["rollup", files.xlsx[0], file, files.xlsx[2], "--json"]);
    expect(r.code).toBe(1);
    const data = JSON.parse(r.out) as {
      units: { name: string; checks: { rule: string; where: string }[] }[];
    };
    expect(data.units[1].name).toBe("乙局");
    expect(data.units[1].checks.map((c) => `${c.rule}:${c.where}`)).toEqual([
      "P1:t3.*.natural",
      "S1:t3.total.natural",
      "S2:t3.total.total",
    ]);
    expect(data.units[0].checks).toEqual([]);
    const text = await call(["rollup", files.xlsx[0], file]);
    expect(text.out).toContain("乙局：3个错误");
    expect(text.out).toContain("注意：乙局的表格本身有错误，汇总数已包含它们的数字。");
  });

  test("a 2019-style unit goes into 3.其他 with a warning, never mixed silently", () => {
    const r2019 = compileWorkbook(sampleWorkbook(UNITS[0]), { format: "2019" }).tables;
    const r = rollup([
      { name: "旧格式单位", tables: r2019 },
      { name: "乙局", tables: results[1].tables },
    ]);
    expect(r.total.format).toBe("2021");
    expect(r.total.t3.o3).toEqual(sum([r2019.t3.o, results[1].tables.t3.o3]));
    expect(r.total.t3.o1).toEqual(results[1].tables.t3.o1);
    expect(r.warnings.join("\n")).toMatch(
      /「旧格式单位」的表三是2019年格式，「（六）其他处理」一行已计入「3.其他」/,
    );
    expect(r.warnings.join("\n")).toMatch(/「旧格式单位」的表二是2019年格式.*未计入表二/);
    expect(r.checks).toEqual([]);
  });

  test("writes the consolidated Word report and 汇总.xlsx with one block per unit and the total", async () => {
    const docx = path.join(dir, "汇总报告.docx");
    const xlsx = path.join(dir, "汇总.xlsx");
    const r = await call(["rollup", ...files.xlsx, "--agency", "云溪区人民政府", "-o", docx, "--xlsx", xlsx]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已写入：${docx}、${xlsx}`);
    const stored = await tablesFromFile(new Uint8Array(readFileSync(docx)), docx);
    expect(stored.tables.agency).toBe("云溪区人民政府");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.getWorksheet("汇总");
    const names = new Set<string>();
    ws?.eachRow((row, n) => n > 1 && names.add(String(row.getCell(1).value)));
    expect([...names]).toEqual([...UNITS.map((u) => u.agency), "合计"]);
  });
});

describe("last year", () => {
  test("last year's report .docx as --previous: X1 holds for a continuous pair and fails, per column, for a broken one", async () => {
    const wb = path.join(dir, "本单位.xlsx");
    writeFileSync(wb, await workbookBuffer(sampleWorkbook()));
    const last = compileWorkbook(sampleWorkbook(), { year: 2024 });
    const lastDocx = path.join(dir, "2024年报告.docx");
    writeFileSync(lastDocx, await createReport(last));
    const ok = JSON.parse((await call(["compile", wb, "--previous", lastDocx, "--json"])).out) as {
      checks: { rule: string }[];
      sentences: Record<string, string>;
    };
    expect(ok.checks.filter((c) => c.rule === "X1")).toEqual([]);
    expect(ok.sentences["s3.requests"]).toMatch(
      /共受理政府信息公开申请\d+件，较上年(增长|下降)\d+\.\d%，答复/,
    );
    const broken = {
      ...last,
      tables: { ...last.tables, t3: { ...last.tables.t3, fwd: [...(last.tables.t3.fwd as number[])] } },
    };
    (broken.tables.t3.fwd as number[])[0] += 2;
    (broken.tables.t3.fwd as number[])[6] += 2;
    const brokenDocx = path.join(dir, "2024年报告-有误.docx");
    writeFileSync(brokenDocx, await createReport(broken));
    const bad = JSON.parse((await call(["compile", wb, "--previous", brokenDocx, "--json"])).out) as {
      checks: { rule: string; where: string }[];
    };
    expect(bad.checks.filter((c) => c.rule === "X1").map((c) => c.where)).toEqual([
      "t3.carry.natural",
      "t3.carry.total",
    ]);
    // Last year's workbook works too (compiled for the year before).
    const fromWorkbook = JSON.parse(
      (await call(["compile", wb, "--year", "2025", "--previous", wb, "--json"])).out,
    ) as { checks: { rule: string }[] };
    expect(fromWorkbook.checks.filter((c) => c.rule === "X1")).toEqual([]);
  });

  test("the comparison, worded as published reports word it", () => {
    expect(comparison(3119, 2772)).toBe("较上年增长12.5%");
    expect(comparison(90, 100)).toBe("较上年下降10.0%");
    expect(comparison(96, 96)).toBe("与上年持平");
    expect(comparison(5, 0)).toBe("上年为0件");
    expect(comparison(0, 0)).toBe("与上年持平");
    expect(comparison(100001, 100000)).toBe("与上年基本持平");
    expect(comparison(1, 8)).toBe("较上年下降87.5%");
    expect(comparison(2, 3)).toBe("较上年下降33.3%");
    expect(comparison(7, undefined)).toBe("");
    const t = compileWorkbook(sampleWorkbook()).tables;
    const prev = { ...t, t3: { ...t.t3, new: [0, 0, 0, 0, 0, 0, 0] } };
    expect(buildSentences(t, { previous: prev })["s3.requests"]).toContain(
      `申请${t.t3.new[6]}件，上年为0件，答复`,
    );
  });
});
