/**
 * Reading an agency's own ledger of 100 000 rows (a title row, its own headers, free-text outcomes and applicant
 * types): finding the register by content and reading every value for its meaning, against the tally of the
 * same number of rows in our layout.
 */
import type { Cell } from "../src/report/common/cells";
import { getFormat } from "../src/report/formats";
import { rng } from "../src/report/sample";
import { understandLedger } from "../src/report/register/understand";
import { best } from "./timing";

const OUTCOMES = [
  "同意公开",
  "予以公开（已提供）",
  "部分公开（区分处理）",
  "不予公开（涉及商业秘密）",
  "告知信息不存在",
  "非本机关职责范围",
  "需另行制作",
  "申请人撤回申请",
  "办理中",
];
const APPLICANTS = ["个人", "公民", "某某科技有限公司", "律师事务所", "高校", "社会组织"];

export function mapFigures(out: Record<string, number | string>, tallyMs: number): void {
  const r = rng(11);
  const rows: Cell[][] = [
    ["某局2025年政府信息公开申请台账"],
    ["序号", "申请人", "申请人类别", "申请时间", "答复时间", "答复结果"],
  ];
  for (let i = 0; i < 100_000; i++) {
    const outcome = OUTCOMES[Math.floor(r() * OUTCOMES.length)];
    rows.push([
      i + 1,
      `申请人${i}`,
      APPLICANTS[Math.floor(r() * APPLICANTS.length)],
      45700,
      outcome === "办理中" ? null : 45710,
      outcome,
    ]);
  }
  const workbook = { sheets: [{ name: "2025年台账", rows }] };
  const format = getFormat("2021");
  const m = best(5, () => understandLedger(format, workbook));
  if (m.value.registers.length !== 1 || m.value.pending.length)
    throw new Error("the ledger was not understood");
  out.mapMs100k = Math.round(m.ms * 100) / 100;
  out.mapOverTally = Math.round((m.ms / tallyMs) * 100) / 100;
  console.log(
    `识别 10 万行自己的台账（标题行、各自的表头和写法）：${out.mapMs100k} ms，为统计的 ${out.mapOverTally} 倍`,
  );
  // The same ledger with a second column for 收到日期 (收件日期) that differs: settled by the values of both,
  // every row read for whether the choice would move it (one row in fifty a year apart, waiting).
  const two: Cell[][] = [
    rows[0],
    ["序号", "申请人", "申请人类别", "申请时间", "收件日期", "答复时间", "答复结果"],
    ...rows.slice(2).map((row, i) => [...row.slice(0, 4), i % 50 === 0 ? 45300 : 45702, ...row.slice(4)]),
  ];
  const t = best(5, () => understandLedger(format, { sheets: [{ name: "2025年台账", rows: two }] }));
  if (t.value.registers[0]?.held !== 2000) throw new Error("the two date columns were not asked about");
  out.mapTwoColumnsMs100k = Math.round(t.ms * 100) / 100;
  console.log(`其中收到日期有两列、取值不同（问一次，2000 行暂不计入）：${out.mapTwoColumnsMs100k} ms`);
}
