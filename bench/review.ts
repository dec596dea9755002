/**
 * Reviewing 100 units as a 政府办 does, in one folder: a third our reports (.docx, each from its own register), a
 * third web pages of published reports (GBK, as portals save them), a third PDF (reports of ours exported by
 * LibreOffice, as departments send their published version), each unit with its own 总体情况 and 五; the whole
 * `review` command (walking the folder, reading, checking, 雷同 across the batch, the review workbook and the
 * letters), timed end to end. And readPdfMs: one report PDF read
 * by its tables and checked. The PDFs need LibreOffice (Debian package libreoffice-writer-nogui) and a Chinese
 * font (fonts-noto-cjk); without them the mix is half .docx, half web pages, and the figures say so.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../src/cli/main";
import { usePdfJsNode } from "../src/cli/pdfjs";
import { createReport } from "../src/docx";
import { openReportFile } from "../src/load/report";
import { compileWorkbook } from "../src/report/compile";
import { numericTables } from "../src/report/read/tables";
import { checkReadReport } from "../src/report/read/text";
import { rng, sampleWorkbook } from "../src/report/sample";
import { SHEETS } from "../src/report/register/registers";
import type { WorkbookData } from "../src/report/common/cells";
import { sentence } from "./similarity";
import { NARRATIVE_KEYS } from "../src/report/text/info";
import { sofficeAll } from "../test/office";
import { toolPath } from "../test/programs";
import { gbk, reportHtml } from "../test/reports";
import { bestAsync } from "./timing";

/** A unit's own 报告信息 texts: a few sentences each for 总体情况's five aspects and for 五. */
function ownTexts(r: () => number): Record<string, string> {
  const keys = NARRATIVE_KEYS.filter(
    (k) => k.startsWith("总体情况-") || k === "存在的主要问题" || k === "改进措施",
  );
  return Object.fromEntries(keys.map((k) => [k, [sentence(r), sentence(r), sentence(r)].join("")]));
}

/** The sample register with its 报告信息 texts replaced by the unit's own. */
function withOwnTexts(book: WorkbookData, own: Record<string, string>): WorkbookData {
  const sheets = book.sheets.map((sh) =>
    sh.name !== SHEETS.info
      ? sh
      : { ...sh, rows: sh.rows.map((row) => (String(row[0]) in own ? [row[0], own[String(row[0])]] : row)) },
  );
  return { ...book, sheets };
}

export async function reviewFigures(out: Record<string, number | string>): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-bench-review-"));
  const pdf = !!(toolPath("soffice") && toolPath("cjkFont"));
  try {
    const units = path.join(dir, "各单位");
    const drafts = path.join(dir, "待转换");
    mkdirSync(units);
    mkdirSync(drafts);
    const kinds = pdf ? ["docx", "htm", "pdf"] : ["docx", "htm"];
    const toConvert: string[] = [];
    for (let i = 0; i < 100; i++) {
      const agency = `第${i + 1}局`;
      const kind = kinds[i % kinds.length];
      // Each unit writes its own 总体情况 and 五 (as real units do; the sample's texts would make 100 copies).
      const own = ownTexts(rng(900 + i));
      const result = compileWorkbook(withOwnTexts(sampleWorkbook({ seed: 300 + i }), own), { agency });
      if (kind === "htm") {
        const page = reportHtml({ ...result.tables, agency }, { paragraphs: Object.values(own) }, "gbk");
        writeFileSync(path.join(units, `${agency}.htm`), gbk(page));
        continue;
      }
      const docx = await createReport(result, "台账.xlsx");
      const file = path.join(kind === "pdf" ? drafts : units, `${agency}.docx`);
      writeFileSync(file, docx);
      if (kind === "pdf") toConvert.push(file);
    }
    const pdfs = pdf ? sofficeAll(toConvert, "pdf", units) : [];
    if (pdfs.length) await readPdfFigure(out, pdfs[0]);

    const t0 = process.hrtime.bigint();
    let text = "";
    await main(
      ["review", units, "-o", path.join(dir, "审核结果.xlsx"), "--letters", path.join(dir, "意见"), "--json"],
      { out: (s) => (text += s), err: () => undefined },
    );
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const data = JSON.parse(text) as { units: { status: string }[] };
    const read = data.units.filter((u) => u.status !== "无法读取");
    if (read.length !== 100) throw new Error(`the review read ${read.length} units, not 100`);
    out.reviewMs100 = Math.round(ms);
    out.reviewPdfUnits = pdfs.length;
    console.log(
      `审核 100 个单位（${100 - pdfs.length - Math.floor(100 / kinds.length)} 份 Word 报告、` +
        `${Math.floor(100 / kinds.length)} 个 GBK 网页、${pdfs.length} 份 PDF，含审核工作簿和意见函）：${out.reviewMs100} ms` +
        (pdf ? "" : "（没有 LibreOffice 或中文字体，未含 PDF）"),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One report PDF (LibreOffice's export of our report, 表三 over a page break) read by its tables and checked. */
async function readPdfFigure(out: Record<string, number | string>, file: string): Promise<void> {
  usePdfJsNode();
  const bytes = new Uint8Array(readFileSync(file));
  const name = path.basename(file);
  const ms = await bestAsync(5, async () => {
    const r = await openReportFile(bytes, name);
    if (r.problems.length || r.found.t3?.rows !== 25) throw new Error(`${name}: ${r.problems.join("；")}`);
    return checkReadReport(r, numericTables(r.tables));
  });
  out.readPdfMs = Math.round(ms);
  console.log(`按表格文字读取一份 PDF 报告并校验（含 X3）：${out.readPdfMs} ms`);
}
