/**
 * `ogi-report map` and `--map` end to end on files: an agency's own ledger as CSV (GBK, a title line, its own
 * words), what was understood and what must be answered, then the answers in a 对应关系 file taken by compile.
 * Expected numbers are counted here from the rows written.
 */
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../src/cli/main";
import { workbookBuffer } from "../src/workbook/write";

let dir: string;
async function call(args: string[]) {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "ogi-map-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LEDGER = [
  ["某局2025年依申请公开工作台账", "", "", "", "", ""],
  ["序号", "申请人", "申请人性质", "申请时间", "答复时间", "答复结果"],
  ["1", "张三", "公民", "2025-01-05", "2025-01-20", "同意公开"],
  ["2", "某某有限公司", "法人或其他组织", "2025-02-05", "2025-02-20", "不予公开（涉及商业秘密）"],
  ["3", "李四", "个人", "2025-03-05", "2025-03-20", "已答复"],
  ["4", "王五", "个人", "2025-04-05", "2025-04-20", "已答复"],
  ["5", "某律所", "律师", "2025-05-05", "", "办理中"],
];

test("map names the ledger's register and columns, and each question once with its rows and choices", async () => {
  const file = path.join(dir, "台账导出.csv");
  writeFileSync(file, LEDGER.map((r) => r.join(",")).join("\n"));
  const r = await call(["map", file, "--json", "--year", "2025"]);
  expect(r.code).toBe(1);
  const json = JSON.parse(r.out);
  expect(json.registers).toEqual([
    {
      sheet: "台账导出",
      as: "依申请公开登记",
      headerRow: 2,
      columns: {
        编号: "序号",
        申请人类型: "申请人性质",
        收到日期: "申请时间",
        办结日期: "答复时间",
        办理结果: "答复结果",
      },
      rows: 5,
    },
  ]);
  expect(
    json.pending.map((p: { field: string; value: string; rows: number }) => [p.field, p.value, p.rows]),
  ).toEqual([
    ["申请人类型", "法人或其他组织", 1],
    ["办理结果", "已答复", 2],
  ]);
  expect(json.pending[0].choices).toEqual([
    "法人或其他组织-商业企业",
    "法人或其他组织-科研机构",
    "法人或其他组织-社会公益组织",
    "法人或其他组织-法律服务机构",
    "法人或其他组织-其他",
  ]);
  expect(json.ignored).toEqual([]);
  const text = await call(["map", file, "--year", "2025"]);
  expect(text.out).toContain("工作表「台账导出」：识别为「依申请公开登记」，表头在第2行，5行登记");
  expect(text.out).toContain("办理结果「已答复」（2行）");
});

test("compile --map takes the answers; an answer the register does not accept is refused naming its row", async () => {
  const file = path.join(dir, "台账导出.csv");
  const answers = path.join(dir, "对应关系.xlsx");
  writeFileSync(
    answers,
    await workbookBuffer({
      sheets: [
        {
          name: "对应关系",
          rows: [
            ["项目", "台账中的写法", "对应为"],
            ["申请人类型", "法人或其他组织", "商业企业"],
            ["办理结果", "已答复", "予以公开"],
          ],
        },
      ],
    }),
  );
  const r = await call(["compile", file, "--map", answers, "--year", "2025", "--json"]);
  const t3 = JSON.parse(r.out).t3;
  // 公民, 个人, 个人 natural (3), the company business (1), the 律所 legal (1, still open).
  expect(t3.new).toEqual([3, 1, 0, 0, 1, 0, 5]);
  expect(t3.grant).toEqual([3, 0, 0, 0, 0, 0, 3]);
  expect(t3.d4).toEqual([0, 1, 0, 0, 0, 0, 1]);
  expect(t3.fwd).toEqual([0, 0, 0, 0, 1, 0, 1]);
  const bad = path.join(dir, "坏的对应关系.csv");
  writeFileSync(bad, "项目,台账中的写法,对应为\n办理结果,已答复,答复了\n");
  const refused = await call(["compile", file, "--map", bad, "--year", "2025"]);
  expect(refused.code).toBe(1);
  expect(refused.err).toMatch(/「坏的对应关系\.csv」第2行：「答复了」不是登记表接受的办理结果/);
});

/** A ledger with a yes/no 是否收费 and two columns of amounts; fees counted here by hand: 100 + 50 = 150. */
const FEES = [
  ["某局2025年依申请公开台账", "", "", "", "", "", "", ""],
  ["序号", "申请人类型", "申请时间", "答复时间", "答复结果", "是否收费", "应收金额（元）", "实收金额（元）"],
  ["1", "个人", "2025-01-05", "2025-01-20", "同意公开", "是", "100", "100"],
  ["2", "企业", "2025-02-05", "2025-02-20", "同意公开", "否", "0", "0"],
  ["3", "个人", "2025-03-05", "2025-03-20", "同意公开", "是", "50", "50"],
  ["4", "个人", "2025-04-05", "2025-04-20", "同意公开", "否", "—", "—"],
];

test("map: a yes/no column is 是否收费, two columns of amounts a question naming both; answered, the fee follows", async () => {
  const file = path.join(dir, "收费台账.csv");
  writeFileSync(file, FEES.map((r) => r.join(",")).join("\n"));
  const r = await call(["map", file, "--json", "--year", "2025"]);
  const json = JSON.parse(r.out);
  expect(json.registers[0].columns.是否收费).toBe("是否收费");
  expect(json.registers[0].columns["信息处理费（元）"]).toBeUndefined();
  expect(json.pending.map((p: { field: string; value: string }) => [p.field, p.value])).toEqual([
    ["列", "应收金额（元）"],
    ["列", "实收金额（元）"],
  ]);
  const text = await call(["map", file, "--year", "2025"]);
  expect(text.out).toContain("列「应收金额（元）」（4行）可对应为：信息处理费（元）、忽略");
  // Which column is the fee holds no row back, and the map says so above the question.
  expect(text.out).toContain(
    "  哪一列是信息处理费：不影响各行计入统计；确认之前，信息处理费不统计（报告中不写金额）。",
  );
  expect(text.out).not.toContain("暂不");
  // Compiled before the answer: every row counted, no error, the fee unknown (null) and said why.
  const before = JSON.parse((await call(["compile", file, "--year", "2025", "--json"])).out);
  expect(before.t3.new).toEqual([3, 1, 0, 0, 0, 0, 4]);
  expect(before.feeYuan).toBeNull();
  expect(before.rowIssues.filter((i: { severity: string }) => i.severity === "error")).toEqual([]);
  expect(before.rowIssues.map((i: { message: string }) => i.message).join("\n")).toContain(
    "「应收金额（元）」和「实收金额（元）」两列的值都是金额",
  );
  const answers = path.join(dir, "收费对应关系.csv");
  writeFileSync(answers, "项目,台账中的写法,对应为\n列,实收金额（元）,信息处理费（元）\n");
  const after = JSON.parse((await call(["compile", file, "--map", answers, "--year", "2025", "--json"])).out);
  expect(after.feeYuan).toBe(150);
  expect(after.sentences["s6.fees"]).toContain("150元");
});

/**
 * Two columns for 收到日期 (申请日期, 收件日期) and two for 办理结果 (答复结果, 处理结果); by hand: row 2 was
 * signed for in 2025 after a letter dated 2024 (its year hangs on the column), row 4's two outcomes differ
 * (同意公开 / 部分公开); rows 1 and 3 are placed alike whichever column — 个人, new, 同意公开 — and 处理结果
 * agrees with 答复结果 on every other row.
 */
const TWO = [
  ["某局2025年依申请公开台账", "", "", "", "", "", ""],
  ["序号", "申请人类型", "申请日期", "收件日期", "答复日期", "答复结果", "处理结果"],
  ["1", "个人", "2025-01-05", "2025-01-07", "2025-01-20", "同意公开", "同意公开"],
  ["2", "企业", "2024-12-28", "2025-01-03", "2025-01-20", "同意公开", "同意公开"],
  ["3", "个人", "2025-03-05", "2025-03-05", "2025-03-20", "同意公开", "予以公开"],
  ["4", "个人", "2025-04-05", "2025-04-05", "2025-04-20", "同意公开", "部分公开"],
];

test("map and compile: two columns for one field are a question naming both; the rows the choice would move wait, said once", async () => {
  const file = path.join(dir, "两列台账.csv");
  writeFileSync(file, TWO.map((r) => r.join(",")).join("\n"));
  const map = await call(["map", file, "--json", "--year", "2025"]);
  expect(map.code).toBe(1);
  const json = JSON.parse(map.out);
  expect(json.registers[0].columns.收到日期).toBeUndefined();
  expect(json.registers[0].ask).toEqual({
    收到日期: { columns: ["申请日期", "收件日期"], held: 1 },
    办理结果: { columns: ["答复结果", "处理结果"], held: 1 },
  });
  expect(json.pending.map((p: { value: string; choices: string[] }) => [p.value, p.choices])).toEqual([
    ["申请日期", ["收到日期", "忽略"]],
    ["收件日期", ["收到日期", "忽略"]],
    ["答复结果", ["办理结果", "忽略"]],
    ["处理结果", ["办理结果", "忽略"]],
  ]);
  const text = (await call(["map", file, "--year", "2025"])).out;
  expect(text).toContain("  收到日期 ← 「申请日期」或「收件日期」（待确认）");
  expect(text).toContain("需要确认的写法（4项）：");
  expect(text).not.toContain("这些行暂不统计");
  expect(text).toContain("  哪一列是收到日期：按不同的列统计结果不同的1行暂不计入统计，其余各行已计入。");
  expect(text).toContain("  哪一列是办理结果：按不同的列统计结果不同的1行暂不计入统计，其余各行已计入。");
  expect(text).toContain("  列「收件日期」（4行）可对应为：收到日期、忽略");

  // Compiled before the answers: rows 1 and 3 (个人, 同意公开, new); one line per question, first.
  const before = await call(["compile", file, "--year", "2025", "--json"]);
  expect(before.code).toBe(1);
  const b = JSON.parse(before.out);
  expect(b.t3.new).toEqual([2, 0, 0, 0, 0, 0, 2]);
  expect(b.t3.grant).toEqual([2, 0, 0, 0, 0, 0, 2]);
  expect(b.stats.applications).toEqual({ rows: 2, counted: 2, excluded: 0, carried: 0 });
  expect(
    b.rowIssues
      .slice(0, 2)
      .map((i: { kind: string; row: number; column: string }) => [i.kind, i.row, i.column]),
  ).toEqual([
    ["pending", 0, "收到日期"],
    ["pending", 0, "办理结果"],
  ]);
  expect(b.rowIssues.filter((i: { row: number }) => i.row > 0)).toEqual([]);
  const compiled = (await call(["compile", file, "--year", "2025"])).out;
  const lines = compiled.split("\n");
  const head = lines.findIndex((l) => l.startsWith("登记表问题"));
  expect(lines[head]).toMatch(/^登记表问题：2个错误/);
  expect(lines[head + 1]).toBe(
    "  [错误] 两列台账「收到日期」：「申请日期」和「收件日期」两列都可能是收到日期，其中1行按两列统计的结果不同（如第4行：「2024-12-28」「2025-01-03」，不在同一年），这些行暂不计入；请在「对应关系」中指明：列 | 申请日期 | 收到日期（另一列对应为 忽略）",
  );
  expect(lines[head + 2]).toContain(
    "「答复结果」和「处理结果」两列都可能是办理结果，其中1行按两列统计的结果不同（如第6行：「同意公开」「部分公开」）",
  );

  // Answered: 收件日期 is the day received (row 2 new in 2025), 处理结果 the outcome (row 4 部分公开).
  const answers = path.join(dir, "两列对应关系.csv");
  writeFileSync(answers, "项目,台账中的写法,对应为\n列,收件日期,收到日期\n列,答复结果,忽略\n");
  const after = await call(["compile", file, "--map", answers, "--year", "2025", "--json"]);
  expect(after.code).toBe(0);
  const a = JSON.parse(after.out);
  expect(a.t3.new).toEqual([3, 1, 0, 0, 0, 0, 4]);
  expect(a.t3.grant).toEqual([2, 1, 0, 0, 0, 0, 3]);
  expect(a.t3.partial).toEqual([1, 0, 0, 0, 0, 0, 1]);
  const mapped = JSON.parse((await call(["map", file, "--map", answers, "--json", "--year", "2025"])).out);
  expect(mapped.pending).toEqual([]);
  expect(mapped.registers[0].columns).toMatchObject({ 收到日期: "收件日期", 办理结果: "处理结果" });
});
