/**
 * The formats offices still send: one report read from a Word 97-2003 .doc (LibreOffice's 「MS Word 97」 of our
 * report, its content controls taken out as Word does when it saves a .doc) and from an OFD (test/ofd.ts), each
 * read and checked as a .docx is (readDocMs, readOfdMs; first run and best of ten); and the 100 000-row register as
 * an Excel 97-2003 .xls (two sheets of 50 000 rows: the format holds 65 536 a sheet), saved by LibreOffice,
 * read in a fresh process against the same two sheets as .xlsx (xlstimes.ts). LibreOffice writes the .doc and the
 * .xls: where it is missing those figures are left out, saying so.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import type { Cell } from "../src/report/common/cells";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { workbookBuffer } from "../src/workbook/write";
import { sofficeAll } from "../test/office";
import { toolPath } from "../test/programs";
import { best } from "./timing";

export async function oldFormatFigures(out: Record<string, number | string>, rows: Cell[][]): Promise<void> {
  const { createReport } = await import("../src/docx");
  const { readZip, writeZip } = await import("../src/docx/zip");
  const { readReportFile } = await import("../src/load/report");
  const { numericTables } = await import("../src/report/read/tables");
  const { checkReadReport } = await import("../src/report/read/text");
  const { reportOfd } = await import("../test/ofd");
  const result = compileWorkbook(sampleWorkbook());
  const read = (bytes: Uint8Array, name: string) => {
    const r = readReportFile(bytes, name);
    if (r.problems.length || r.found.t3?.rows !== 25) throw new Error(`${name}: ${r.problems.join("；")}`);
    if (r.tables.t3.new[6] !== result.tables.t3.new[6]) throw new Error(`${name}: 表三读错`);
    return checkReadReport(r, numericTables(r.tables));
  };
  const timed = (bytes: Uint8Array, name: string) => {
    const first = best(1, () => read(bytes, name)).ms;
    return { first: Math.round(first), best: Math.round(best(10, () => read(bytes, name)).ms * 10) / 10 };
  };
  const ofd = timed(reportOfd(result.tables), "报告.ofd");
  out.readOfdMs = ofd.best;
  out.readOfdFirstMs = ofd.first;
  if (!toolPath("soffice")) {
    console.log(
      `读取一份 OFD 报告并校验：${ofd.best} ms（首次 ${ofd.first} ms）；没有 LibreOffice（Debian 包 libreoffice-writer-nogui、libreoffice-calc-nogui），未测 .doc 和 .xls`,
    );
    return;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-old-"));
  try {
    const zip = readZip(await createReport(result), "r");
    zip.entries = zip.entries
      .filter((e) => !e.name.startsWith("customXml/"))
      .map((e) =>
        e.name === "word/document.xml" && e.data
          ? {
              name: e.name,
              data: new TextEncoder().encode(
                new TextDecoder()
                  .decode(e.data)
                  .replace(
                    /<w:sdtPr>[\s\S]*?<\/w:sdtPr>|<w:sdtEndPr>[\s\S]*?<\/w:sdtEndPr>|<w:sdtEndPr\/>|<\/?w:sdt>|<\/?w:sdtContent>/g,
                    "",
                  ),
              ),
            }
          : e,
      );
    const docxFile = path.join(dir, "报告.docx");
    writeFileSync(docxFile, writeZip(zip));
    const [docFile] = sofficeAll([docxFile], "doc", dir);
    const doc = timed(new Uint8Array(readFileSync(docFile)), "报告.doc");
    out.readDocMs = doc.best;
    out.readDocFirstMs = doc.first;

    // The register as two sheets of 50 000 rows, as .xlsx (ExcelJS) and as LibreOffice's .xls of it.
    const header = ["编号", "收到日期", "申请人类型", "办理结果", "办结日期", "信息处理费（元）", "备注"];
    const withDates = rows.map((row) =>
      row.map((v, c) =>
        (c === 1 || c === 4) && typeof v === "number" ? new Date((v - 25569) * 86400000) : v,
      ),
    );
    const half = Math.ceil(withDates.length / 2);
    const xlsxFile = path.join(dir, "十万行.xlsx");
    writeFileSync(
      xlsxFile,
      await workbookBuffer({
        sheets: [
          { name: "依申请公开登记", rows: [header, ...withDates.slice(0, half)] },
          { name: "依申请公开登记（续）", rows: [header, ...withDates.slice(half)] },
        ],
      }),
    );
    const [xlsFile] = sofficeAll([xlsxFile], "xls", dir);
    const line = execFileSync(
      process.execPath,
      [path.join(__dirname, "xlstimes.js"), xlsFile, xlsxFile, String(rows.length)],
      { encoding: "utf8" },
    );
    const t = JSON.parse(line.trim().split("\n").pop() as string) as { xls: number; xlsx: number };
    out.readXlsMs100k = Math.round(t.xls);
    out.readXlsxTwoSheetsMs100k = Math.round(t.xlsx);
    out.xlsOverXlsx = Math.round((t.xls / t.xlsx) * 100) / 100;
    console.log(
      `旧格式：读取一份报告并校验，.doc ${doc.best} ms（首次 ${doc.first} ms），OFD ${ofd.best} ms（首次 ${ofd.first} ms）；` +
        `10 万行台账（两个工作表）.xls ${out.readXlsMs100k} ms，同样的行 .xlsx ${out.readXlsxTwoSheetsMs100k} ms（${out.xlsOverXlsx} 倍）`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
