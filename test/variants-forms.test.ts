/**
 * @jest-environment ./test/pdf-environment.js
 *
 * The corpus (test/corpus/*.json) end to end, in the forms reports reach us: every title, 统计期限 sentence,
 * section heading and table label of the corpus written into whole reports — one title and one period each, a
 * heading for every section and a label for every row, taken in turn from the variants — as a portal's web page
 * (in UTF-8, and in GBK as many county portals serve it), and that page opened by LibreOffice and saved as .docx
 * and exported to PDF. Each report is read as a file and
 * checked; what it must give is the sum of what each variant means (test/variants.test.ts reads the same
 * variants one at a time): its agency and year, every number of its tables, and exactly the findings its
 * variants call for — a 提示 for a heading, title or label in other words, C5 for a period not stated or of
 * another year than the title's, nothing else. The tables are 淮安's published ones (all checks pass) and, for
 * the 2019 labels, a 2019-format sample.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { usePdfJsNode } from "../src/cli/pdfjs";
import { openReportFile } from "../src/load/report";
import { compileWorkbook } from "../src/report/compile";
import { getFormat } from "../src/report/formats";
import type { FormatId } from "../src/report/formats";
import { numericTables } from "../src/report/read/tables";
import { checkReadReport } from "../src/report/read/text";
import { sampleWorkbook } from "../src/report/sample";
import type { TableSet } from "../src/report/tables/tables";
import { corpus, reportPage, SECTION_IDS, TEMPLATE_HEADINGS } from "./corpus";
import type { CorpusVariant, ReportParts, SectionId } from "./corpus";
import { tempDir } from "./docx";
import { huaianTables } from "./fixtures";
import { sofficeAll } from "./office";
import { gbk } from "./reports";
import { needs } from "./tools";

beforeAll(() => usePdfJsNode());

const office = needs("soffice", "cjkFont");
const tmp = tempDir("ogi-variants-");

type TitleMeaning = { agency: string | null; year: number | null } | "none";

interface Made {
  name: string;
  tables: TableSet;
  parts: ReportParts;
  agency: string;
  year: number;
  /** The findings its variants call for, as rule:severity:where, sorted. */
  expected: string[];
}

/** The same words as the template's heading (its number written 一、 一. 第一部分, spaces, line breaks). */
function templateWords(text: string, id: SectionId): boolean {
  const bare = (s: string) => s.normalize("NFKC").replace(/[\s|]+/g, "");
  const words = (s: string) =>
    bare(s).replace(/^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.,:：]?)/, "");
  const number = (s: string) => /^(?:第)?([一二三四五六七八九十]+)/.exec(bare(s))?.[1];
  const template = TEMPLATE_HEADINGS[id];
  return number(text) === number(template) && words(text).startsWith(words(template));
}

const at = <T>(list: T[], i: number): T => list[i % list.length];

function labelOf(id: FormatId, table: string, key: string): string {
  const f = getFormat(id);
  const rows = table === "t3" ? f.t3.rows : (f.t2?.blocks.flatMap((b) => b.rows) ?? []);
  return rows.find((r) => r.key === key)?.label as string;
}

/** The label variants of a format, by the row they are. */
function labelsByRow(id: FormatId): CorpusVariant<string>[][] {
  const rows = new Map<string, CorpusVariant<string>[]>();
  for (const v of corpus<string>("table-labels"))
    if (v.format === id && v.meaning !== "none") {
      const k = `${v.table as string}.${v.meaning}`;
      rows.set(k, [...(rows.get(k) ?? []), v]);
    }
  return [...rows.values()];
}

/** Tables with every blank cell written 0 (the sample leaves 表二's 2019 columns it does not count blank: F2). */
function filled(t: TableSet): TableSet {
  const zero = (v: unknown) => (Array.isArray(v) ? v.map((x) => (x === null ? 0 : (x as number))) : (v ?? 0));
  return {
    ...t,
    t2: t.t2 && (Object.fromEntries(Object.entries(t.t2).map(([k, v]) => [k, zero(v)])) as TableSet["t2"]),
  };
}

function reports(): Made[] {
  const huaian = huaianTables();
  const nineteen = filled(
    compileWorkbook(sampleWorkbook({ format: getFormat("2019"), year: 2020 }), { format: "2019" }).tables,
  );
  const titles = corpus<TitleMeaning>("titles");
  const periods = corpus<string>("periods");
  const headings = corpus<string>("headings").filter((v) => v.meaning !== "none");
  // A heading glued after the lead's last sentence takes the lead's place: read in test/variants.test.ts.
  const leadEnd = (v: CorpusVariant<string>) =>
    !!v.glued && !/^[\s|]*[一二三四五六七八九十第]/.test(v.text.normalize("NFKC"));
  const bySection = Object.fromEntries(
    SECTION_IDS.map((id) => [id, headings.filter((v) => v.meaning === id && !leadEnd(v))]),
  ) as Record<SectionId, CorpusVariant<string>[]>;
  const made: Made[] = [];
  let nextPeriod = 0;
  const make = (tables: TableSet, id: FormatId, count: number, prefix: string, withText: boolean) => {
    const labels = labelsByRow(id);
    for (let i = 0; i < count; i++) {
      const expected: string[] = [];
      const parts: ReportParts = { labels: new Map(), headings: {} };
      let agency = tables.agency;
      let year = tables.year;
      if (withText) {
        const title = at(titles, i);
        parts.title = title.text.split("\n");
        if (title.meaning === "none") {
          agency = "";
          expected.push("C4:warning:text.title");
        } else {
          agency = title.meaning.agency ?? "";
          year = title.meaning.year ?? tables.year;
          if (title.form !== "template") expected.push("C4:warning:text.title");
        }
        // A title without its year (or no title) takes it from the 统计期限: the template's sentence then, of the
        // tables' year.
        const period =
          title.meaning === "none" || title.meaning.year === null ? null : at(periods, nextPeriod++);
        if (period) {
          parts.lead = period.text;
          // Not stated, or stated for another year than the title's (R8): C5.
          if (period.meaning !== "stated" || period.year !== year) expected.push("C5:warning:text.lead");
          // What else its words call for (a lead whose own list of parts disagrees with itself: R11).
          for (const rule of (period.also as string[] | undefined) ?? [])
            expected.push(`${rule}:warning:text.lead`);
        }
        for (const s of SECTION_IDS) {
          const h = at(bySection[s], i);
          (parts.headings as Record<string, string>)[s] = h.text;
          if (!templateWords(h.text, s)) expected.push(`C1:warning:text.${s}`);
        }
      }
      for (const row of labels) {
        const v = at(row, i);
        const table = v.table as string;
        parts.labels?.set(labelOf(id, table, v.meaning), v.text);
        if (v.reads === "nearest") expected.push(`L1:warning:${table}.${v.meaning}`);
      }
      made.push({ name: `${prefix}${i + 1}`, tables, parts, agency, year, expected: expected.sort() });
    }
  };
  // Enough reports for every title and every period (those with titles that give a year).
  const yearless = titles.filter((t) => t.meaning === "none" || t.meaning.year === null).length;
  make(huaian, "2021", Math.max(titles.length, periods.length + yearless), "报告", true);
  make(nineteen, "2019", Math.max(...labelsByRow("2019").map((r) => r.length)), "2019年格式", false);
  return made;
}

const numbers = (t: TableSet) => ({ t2: t.t2, t3: t.t3, t4: t.t4 });

async function readAs(file: string, m: Made) {
  const read = await openReportFile(new Uint8Array(readFileSync(file)), path.basename(file));
  const findings = checkReadReport(read, numericTables(read.tables));
  return {
    name: m.name,
    problems: read.problems,
    agency: read.tables.agency,
    year: read.tables.year,
    numbers: numbers(numericTables(read.tables)),
    findings: findings.map((f) => `${f.rule}:${f.severity}:${f.where}`).sort(),
  };
}

const want = (m: Made) => ({
  name: m.name,
  problems: [],
  agency: m.agency,
  year: m.year,
  numbers: numbers(m.tables),
  findings: m.expected,
});

const equal = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const made = reports();
const files = { html: [] as string[], gbk: [] as string[], docx: [] as string[], pdf: [] as string[] };

office.beforeAll(() => {
  files.html = made.map((m) => {
    const file = path.join(tmp.path, `${m.name}.html`);
    writeFileSync(file, reportPage(m.tables, m.parts));
    return file;
  });
  // The same pages as a portal serving GBK has them (many county portals still do).
  files.gbk = made.map((m) => {
    const file = path.join(tmp.path, `${m.name}（GBK）.html`);
    writeFileSync(file, gbk(reportPage(m.tables, m.parts, "gbk")));
    return file;
  });
  files.docx = sofficeAll(files.html, "docx", tmp.path);
  files.pdf = sofficeAll(files.html, "pdf", tmp.path);
}, 600000);

test("the reports hold every variant of the four families (but headings glued after the lead's last sentence)", () => {
  const used = new Set(
    made.flatMap((m) => [
      (m.parts.title ?? []).join("\n"),
      m.parts.lead ?? "",
      ...Object.values(m.parts.headings ?? {}),
      ...(m.parts.labels?.values() ?? []),
    ]),
  );
  const missed = ["titles", "periods", "headings", "table-labels"].flatMap((family) =>
    corpus(family)
      .filter((v) => family === "titles" || v.meaning !== "none")
      .filter(
        (v) =>
          !(
            family === "headings" &&
            v.glued &&
            !/^[\s|]*[一二三四五六七八九十第]/.test(v.text.normalize("NFKC"))
          ),
      )
      .filter((v) => !used.has(v.text))
      .map((v) => `${family}: ${v.text}`),
  );
  expect(missed).toEqual([]);
});

const FORMS = {
  html: "the web page",
  gbk: "the web page in GBK",
  docx: "the .docx LibreOffice saves",
  pdf: "the PDF LibreOffice exports",
};
for (const form of ["html", "gbk", "docx", "pdf"] as const)
  office.test(
    `as ${FORMS[form]}: each report's agency, year, every number, and exactly the findings its variants call for`,
    async () => {
      const got: Awaited<ReturnType<typeof readAs>>[] = [];
      for (const [i, m] of made.entries()) got.push(await readAs(files[form][i], m));
      // Only the reports read otherwise than their variants call for, each whole.
      expect(got.filter((g, i) => !equal(g, want(made[i])))).toEqual(
        made.filter((m, i) => !equal(got[i], want(m))).map(want),
      );
    },
    600000,
  );
