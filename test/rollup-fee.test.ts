/**
 * The roll-up's 信息处理费 where a unit's is unknown (a ledger with only 是否收费, a tables file without the amount,
 * a report that does not say it): the total is unknown (null), never the others' sum as if the unknown were 0,
 * and every output names the units whose fee is unknown — the command line's text and --json, the pane's
 * warnings, the Word roll-up report's fee sentence (a 【请填写】 to fill in, with the known units' sum) and
 * 汇总.xlsx (不详, the total naming them). The amounts are chosen here, their sums worked out by hand.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { main } from "../src/cli/main";
import { compileWorkbook, toTablesJson } from "../src/report/compile";
import { feeLine, rollup, rollupCompileResult, rollupRows } from "../src/report/rollup";
import type { RollupUnit } from "../src/report/rollup";
import { sampleWorkbook } from "../src/report/sample";
import type { TableSet } from "../src/report/tables/tables";
import { tempDir, wordHoldings } from "./docx";

const dir = tempDir("ogi-rollup-fee-");
const base = compileWorkbook(sampleWorkbook({ seed: 11, agency: "甲局" })).tables;
const YEAR = base.year;
const unit = (name: string, feeYuan: number | null | undefined): RollupUnit => {
  const tables: TableSet = { ...base, agency: name, feeYuan };
  if (feeYuan === undefined) delete tables.feeYuan;
  return { name, tables };
};

async function call(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe("rollup: a unit's unknown fee", () => {
  test("every fee known: the total is their sum (120 + 0 + 35.5 = 155.5), nothing said", () => {
    const r = rollup([unit("甲局", 120), unit("乙局", 0), unit("丙镇", 35.5)]);
    expect(r.total.feeYuan).toBe(155.5);
    expect(r.feeUnknown).toEqual([]);
    expect(r.warnings.filter((w) => w.includes("信息处理费"))).toEqual([]);
    expect(feeLine(r)).toBe("信息处理费：合计155.5元");
    expect(
      rollupRows(r)
        .filter((row) => row[1] === "信息处理费（元）")
        .map((row) => row.slice(0, 3)),
    ).toEqual([
      ["甲局", "信息处理费（元）", 120],
      ["乙局", "信息处理费（元）", 0],
      ["丙镇", "信息处理费（元）", 35.5],
      ["合计", "信息处理费（元）", 155.5],
    ]);
    expect(rollupCompileResult(r, "云溪区").sentences["s6.fees"]).toContain(
      "收取政府信息公开信息处理费155.5元",
    );
  });

  test("one unknown (null) and one not given (undefined): the total unknown, both named everywhere", () => {
    const r = rollup([unit("甲局", 120), unit("乙局", null), unit("丙镇", undefined)]);
    expect(r.total.feeYuan).toBeNull();
    expect(r.feeUnknown).toEqual(["乙局", "丙镇"]);
    expect(r.warnings).toContain(
      "「乙局」「丙镇」的信息处理费金额不详，合计的信息处理费无法确定（其余1个单位共120元），汇总报告中不写金额",
    );
    expect(feeLine(r)).toBe(
      "信息处理费：「乙局」「丙镇」的信息处理费金额不详，合计的信息处理费无法确定（其余1个单位共120元），汇总报告中不写金额",
    );
    expect(
      rollupRows(r)
        .filter((row) => row[1] === "信息处理费（元）")
        .map((row) => row.slice(0, 3)),
    ).toEqual([
      ["甲局", "信息处理费（元）", 120],
      ["乙局", "信息处理费（元）", "不详"],
      ["丙镇", "信息处理费（元）", "不详"],
      ["合计", "信息处理费（元）", "不详（乙局、丙镇的金额不详）"],
    ]);
    expect(rollupCompileResult(r, "云溪区").sentences["s6.fees"]).toBe(
      `【请填写：${YEAR}年信息处理费合计。「乙局」「丙镇」的信息处理费金额不详，其余1个单位共收取120元】`,
    );
  });

  test("every unit's unknown: no sum of the others to give", () => {
    const r = rollup([unit("甲局", null), unit("乙局", null)]);
    expect(r.total.feeYuan).toBeNull();
    expect(r.warnings).toContain(
      "「甲局」「乙局」的信息处理费金额不详，合计的信息处理费无法确定，汇总报告中不写金额",
    );
    expect(rollupCompileResult(r, "").sentences["s6.fees"]).toBe(
      `【请填写：${YEAR}年信息处理费合计。「甲局」「乙局」的信息处理费金额不详】`,
    );
  });
});

test("the command line: an own ledger with only 是否收费 beside two tables files; text, --json, the Word report and 汇总.xlsx", async () => {
  // 乙局's ledger says whether a fee was charged (是 on one row), never how much: its fee is unknown.
  const ledger = path.join(dir.path, "乙局.csv");
  writeFileSync(
    ledger,
    [
      "乙局2025年依申请公开台账,,,,",
      "申请人类型,申请时间,答复时间,答复结果,是否收费",
      "个人,2025-03-01,2025-03-10,同意公开,是",
      "企业,2025-04-01,2025-04-10,同意公开,否",
    ].join("\n"),
  );
  const json = (name: string, fee: number) => {
    const f = path.join(dir.path, `${name}.json`);
    const r = compileWorkbook(sampleWorkbook({ seed: 11, agency: name }), { year: 2025 });
    writeFileSync(f, JSON.stringify({ ...toTablesJson(r), feeYuan: fee }));
    return f;
  };
  const files = [json("甲局", 200), ledger, json("丙镇", 50)];
  const words =
    "「乙局」的信息处理费金额不详，合计的信息处理费无法确定（其余2个单位共250元），汇总报告中不写金额";

  const data = JSON.parse((await call(["rollup", ...files, "--year", "2025", "--json"])).out);
  expect(data.feeYuan).toBeNull();
  expect(data.feeUnknown).toEqual(["乙局"]);
  expect(data.units.map((u: { name: string; feeYuan: number | null }) => [u.name, u.feeYuan])).toEqual([
    ["甲局", 200],
    ["乙局", null],
    ["丙镇", 50],
  ]);
  expect(data.warnings).toContain(words);

  const docx = path.join(dir.path, "汇总报告.docx");
  const xlsx = path.join(dir.path, "汇总.xlsx");
  const text = await call([
    "rollup",
    ...files,
    "--year",
    "2025",
    "--agency",
    "云溪区人民政府",
    "-o",
    docx,
    "--xlsx",
    xlsx,
  ]);
  expect(text.out).toContain(`提示：${words}`);
  const fees = wordHoldings(new Uint8Array(readFileSync(docx))).controls.find((c) => c.tag === "ogi:s6.fees");
  expect(fees?.text).toBe(
    "【请填写：2025年信息处理费合计。「乙局」的信息处理费金额不详，其余2个单位共收取250元】",
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const rows: unknown[][] = [];
  wb.getWorksheet("汇总")?.eachRow((row) => {
    if (row.getCell(2).value === "信息处理费（元）") rows.push([row.getCell(1).value, row.getCell(3).value]);
  });
  expect(rows).toEqual([
    ["甲局", 200],
    ["乙局", "不详"],
    ["丙镇", 50],
    ["合计", "不详（乙局的金额不详）"],
  ]);
});
