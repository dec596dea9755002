/**
 * @jest-environment ./test/pdf-environment.js
 *
 * The review rules that read a report's text (R7, R10, R11, R12, R13, R26, X4), through every form we read: a
 * report that keeps them all and two that break them, each as a web page (UTF-8 and GBK) and as the .docx and
 * the PDF LibreOffice makes of it; and our own report, made from the sample register, as .docx. The findings
 * expected are written here from each rule's text and what each report was made to say — never from the code.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { usePdfJsNode } from "../src/cli/pdfjs";
import { createReport } from "../src/docx";
import { openReportFile } from "../src/load/report";
import { compileWorkbook } from "../src/report/compile";
import { numericTables } from "../src/report/read/tables";
import { checkReadReport } from "../src/report/read/text";
import { sampleWorkbook } from "../src/report/sample";
import type { TableSet } from "../src/report/tables/tables";
import { reportPage } from "./corpus";
import type { ReportParts } from "./corpus";
import { tempDir } from "./docx";
import { huaianTables } from "./fixtures";
import { sofficeAll } from "./office";
import { gbk } from "./reports";
import { needs } from "./tools";

beforeAll(() => usePdfJsNode());

const office = needs("soffice", "cjkFont");
const tmp = tempDir("ogi-rules-forms-");

const tables = (agency: string): TableSet => ({ ...huaianTables(), agency, year: 2025 });
const PERIOD = "本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。";

interface Made {
  name: string;
  tables: TableSet;
  parts: ReportParts;
  /** rule:severity:where, sorted. */
  expected: string[];
}

const MADE: Made[] = [
  // Keeps every rule: the template's lead, 一 over the five aspects, 五 with problem and measure, no remnant.
  { name: "合格", tables: tables("某县财政局"), parts: {}, expected: [] },
  {
    name: "不合格",
    tables: tables("某县财政局"),
    parts: {
      // The basis of 2019 (R7), a list of five parts in a six-part report (R11).
      lead: `本报告根据《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）编制，全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、存在的主要问题及改进情况、其他需要报告的事项等五部分。${PERIOD}`,
      body: {
        // 一 names none of the five aspects (R12); a placeholder left in it (R10); 规范性文件 制发 99 where 表二 says 8 (X4).
        s1: "本局认真做好各项工作。XX科全年公开信息XX条。本年制发规范性文件99件。",
        // 五 names a problem and no measure (R26).
        s5: "部分栏目更新不够及时。",
        // The 条例 misnamed (R7).
        s6: "本年度严格执行《中华人民共和国信息公开条例》，未收取信息处理费。",
      },
    },
    expected: [
      "R10:error:text.s1",
      "R11:warning:text.lead",
      "R12:warning:text.s1",
      "R26:warning:text.s5",
      "R7:warning:text.lead",
      "R7:warning:text.s6",
      "X4:warning:t2.normative.issued",
    ],
  },
  {
    // A county government's own report: the five aspects, but no 考核、评议、追究 (R13).
    name: "人民政府",
    tables: tables("某县人民政府"),
    parts: {
      body: {
        s1: "县政府从主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障五个方面推进政务公开工作。",
      },
    },
    expected: ["R13:warning:text.s1"],
  },
];

/** What the checks find of the review rules that read the text (and of every other rule: none expected). */
async function found(file: string): Promise<string[]> {
  const r = await openReportFile(new Uint8Array(readFileSync(file)), path.basename(file));
  const numeric = numericTables(r.tables);
  return checkReadReport(r, numeric, undefined, 2025)
    .map((f) => `${f.rule}:${f.severity}:${f.where}`)
    .sort();
}

const files = { html: [] as string[], gbk: [] as string[], docx: [] as string[], pdf: [] as string[] };

office.beforeAll(() => {
  files.html = MADE.map((m) => {
    const file = path.join(tmp.path, `${m.name}.html`);
    writeFileSync(
      file,
      reportPage(m.tables, {
        title: [`${m.tables.agency}2025年政府信息公开工作年度报告`],
        lead: PERIOD,
        ...m.parts,
      }),
    );
    return file;
  });
  files.gbk = MADE.map((m) => {
    const file = path.join(tmp.path, `${m.name}（GBK）.html`);
    writeFileSync(
      file,
      gbk(
        reportPage(
          m.tables,
          { title: [`${m.tables.agency}2025年政府信息公开工作年度报告`], lead: PERIOD, ...m.parts },
          "gbk",
        ),
      ),
    );
    return file;
  });
  files.docx = sofficeAll(files.html, "docx", tmp.path);
  files.pdf = sofficeAll(files.html, "pdf", tmp.path);
}, 600000);

for (const form of ["html", "gbk", "docx", "pdf"] as const)
  office.test(
    `as ${form}: each report's findings, exactly`,
    async () => {
      const got: Record<string, string[]> = {};
      for (const [i, m] of MADE.entries()) got[m.name] = await found(files[form][i]);
      expect(got).toEqual(Object.fromEntries(MADE.map((m) => [m.name, m.expected])));
    },
    600000,
  );

test("our own report, its 报告信息 filled in, as .docx: no finding; left unfilled, R10 on each 【请填写】 prompt", async () => {
  const filled = join("本局.docx", await createReport(compileWorkbook(sampleWorkbook()), "台账.xlsx"));
  expect(await found(filled)).toEqual([]);
  const draft = join(
    "草稿.docx",
    await createReport(compileWorkbook(sampleWorkbook({ unfilled: true })), "台账.xlsx"),
  );
  const rules = await found(draft);
  // Six prompts: the five aspects of 一 (one paragraph each) and 六's.
  expect(rules.filter((r) => r.startsWith("R10:error:"))).toHaveLength(6);
  expect(rules.filter((r) => !r.startsWith("R10:"))).toEqual([]);
});

function join(name: string, bytes: Uint8Array): string {
  const file = path.join(tmp.path, name);
  writeFileSync(file, bytes);
  return file;
}
