/**
 * Reviewing 100 units as a 政府办 does: half of them our reports (.docx, each from its own register), half web
 * pages of published reports (GBK, as portals save them), in one folder; the whole `review` command (walking the
 * folder, reading, checking, the review workbook and the letters), timed end to end. PDF units are not read yet
 * (#23), so none are in the mix.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../src/cli/main";
import { createReport } from "../src/docx";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { gbk, reportHtml } from "../test/reports";

export async function reviewFigures(out: Record<string, number | string>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-bench-review-"));
  try {
    const units = path.join(dir, "各单位");
    mkdirSync(units);
    for (let i = 0; i < 50; i++) {
      const result = compileWorkbook(sampleWorkbook({ seed: 300 + i }), { agency: `第${i + 1}局` });
      writeFileSync(path.join(units, `第${i + 1}局.docx`), await createReport(result, "台账.xlsx"));
      const page = { ...result.tables, agency: `第${i + 51}局` };
      writeFileSync(path.join(units, `第${i + 51}局.htm`), gbk(reportHtml(page, {}, "gbk")));
    }
    const t0 = process.hrtime.bigint();
    let text = "";
    await main(
      ["review", units, "-o", path.join(dir, "审核结果.xlsx"), "--letters", path.join(dir, "意见"), "--json"],
      { out: (s) => (text += s), err: () => undefined },
    );
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const data = JSON.parse(text) as { units: unknown[] };
    if (data.units.length !== 100) throw new Error(`the review read ${data.units.length} units, not 100`);
    out.reviewMs100 = Math.round(ms);
    console.log(
      `审核 100 个单位（50 份 Word 报告、50 个 GBK 网页，含审核工作簿和意见函）：${out.reviewMs100} ms`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
