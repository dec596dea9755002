/**
 * Every variant of the corpus (test/corpus/*.json) read in a whole report, as the reader's document: section
 * headings, titles, the 统计期限 and table labels as offices write them. What each must give is written from the
 * variant's meaning in the corpus: the section it is, the agency and year a title names, whether the period is
 * stated, the template row a label is — never from what the code does. A present section is never missing; a
 * printed row is never lost or called missing; a variant of the template's words is a 提示 at most.
 * (test/variants-forms.test.ts runs the same families through the .docx, web page and PDF forms.)
 */
import { compileWorkbook } from "../src/report/compile";
import { getFormat } from "../src/report/formats";
import type { FormatId } from "../src/report/formats";
import { numericTables, readReport } from "../src/report/read/tables";
import { checkReadReport } from "../src/report/read/text";
import { sampleWorkbook } from "../src/report/sample";
import type { Finding } from "../src/report/tables/findings";
import type { TableSet } from "../src/report/tables/tables";
import { corpus, reportDocument, SECTION_IDS, TEMPLATE_HEADINGS } from "./corpus";
import type { ReportParts, SectionId } from "./corpus";
import { huaianTables } from "./fixtures";

const TABLES: Record<FormatId, TableSet> = {
  "2021": huaianTables(),
  "2019": compileWorkbook(sampleWorkbook({ format: getFormat("2019"), year: 2020 }), { format: "2019" })
    .tables,
  "2008": huaianTables(),
};

function check(
  t: TableSet,
  parts: ReportParts,
): { read: ReturnType<typeof readReport>; findings: Finding[] } {
  const read = readReport(reportDocument(t, parts));
  return { read, findings: checkReadReport(read, numericTables(read.tables)) };
}

const rulesOf = (f: Finding[], rule: string) =>
  f.filter((x) => x.rule === rule).map((x) => `${x.severity}:${x.where}`);

/**
 * Whether a heading is the template's words as written (number as 一、 一. 一． 第一部分, spaces, line breaks,
 * widths): then no 提示. Written here from the template, apart from the reader.
 */
function templateWords(text: string, id: SectionId): boolean {
  const words = (s: string) =>
    s
      .normalize("NFKC")
      .replace(/\s+/g, "")
      .replace(/^\|/, "")
      .replace(/^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+[、.,:：]?)/, "");
  const number = (s: string) =>
    /^(?:第)?([一二三四五六七八九十]+)/.exec(s.normalize("NFKC").replace(/[\s|]+/g, ""))?.[1];
  const template = TEMPLATE_HEADINGS[id];
  return number(text) === number(template) && words(text).startsWith(words(template));
}

describe("section headings (test/corpus/headings.json)", () => {
  const variants = corpus<SectionId | "none">("headings");

  test.each(variants.filter((v) => v.meaning !== "none").map((v) => [v.meaning, v.text, v] as const))(
    "%s %j: the section is there — no C1 error; a 提示 only where its words or number differ",
    (id, text, v) => {
      const section = id as SectionId;
      // A heading glued after the lead's last sentence stands at the lead's end, the section's own heading gone.
      const atLeadEnd =
        v.glued && !text.normalize("NFKC").trimStart().startsWith(TEMPLATE_HEADINGS[section][0]);
      const parts: ReportParts = atLeadEnd
        ? { lead: text, without: [section] }
        : { headings: { [section]: text } };
      const { findings } = check(TABLES["2021"], parts);
      const c1 = rulesOf(findings, "C1");
      expect(c1.filter((x) => x.startsWith("error"))).toEqual([]);
      expect(c1).toEqual(templateWords(text, section) || atLeadEnd ? [] : [`warning:text.${section}`]);
      // The section's text is found after its heading: 五 is not empty (C2), 六 names the fee (C3).
      expect(rulesOf(findings, "C2").concat(rulesOf(findings, "C3"))).toEqual([]);
    },
  );

  test.each(variants.filter((v) => v.meaning === "none").map((v) => [v.text] as const))(
    "%j written inside 一、总体情况 is no section: nothing changes",
    (text) => {
      const { findings } = check(TABLES["2021"], { inside: { s1: [text] } });
      expect(findings.filter((f) => f.rule.startsWith("C"))).toEqual([]);
    },
  );

  test("a section whose heading is not there at all is C1's error, naming it; the others stay found", () => {
    for (const id of SECTION_IDS) {
      const { findings } = check(TABLES["2021"], { without: [id] });
      expect(rulesOf(findings, "C1")).toEqual([`error:text.${id}`]);
    }
  });
});

describe("titles (test/corpus/titles.json)", () => {
  type TitleMeaning = { agency: string | null; year: number | null } | "none";
  const variants = corpus<TitleMeaning>("titles");
  const t = TABLES["2021"];

  test.each(variants.map((v) => [v.text, v] as const))("%j", (text, v) => {
    const { read, findings } = check(t, { title: text.split("\n") });
    const c4 = findings.filter((f) => f.rule === "C4");
    if (v.meaning === "none") {
      // Not a report's title: none is taken from it, and the report is said to have none.
      expect(read.tables.agency).toBe("");
      expect(c4.map((f) => f.message)).toEqual([expect.stringContaining("没有找到标题")]);
      return;
    }
    expect(read.tables.agency).toBe(v.meaning.agency ?? "");
    // No year in the title: the year the lead's 统计期限 states (the report's, here t.year).
    expect(read.tables.year).toBe(v.meaning.year ?? t.year);
    expect(c4.map((f) => f.severity)).toEqual(v.form === "template" ? [] : ["warning"]);
  });
});

describe("the 统计期限 (test/corpus/periods.json)", () => {
  const variants = corpus<"stated" | "incomplete" | "missing">("periods");
  const t = TABLES["2021"];
  /** The report of a year: its title's (the tables' own numbers are the same). */
  const titled = (year: number) => [`${t.agency}${year}年政府信息公开工作年度报告`];
  test.each(variants.map((v) => [v.meaning, v.text, v] as const))("%s: %j", (meaning, text, v) => {
    // In a report of the year the period is of (the year it was seen in).
    const { findings } = check(t, { lead: text, title: titled((v.year as number | undefined) ?? t.year) });
    const c5 = findings.filter((f) => f.rule === "C5");
    expect(c5.map((f) => f.severity)).toEqual(meaning === "stated" ? [] : ["warning"]);
    if (meaning === "incomplete") expect(c5[0].message).toMatch(/不完整/);
  });

  test.each(variants.filter((v) => v.meaning === "stated").map((v) => [v.text, v] as const))(
    "stated, but in the next year's report: the wrong year (R8) — %j",
    (text, v) => {
      const { findings } = check(t, { lead: text, title: titled((v.year as number) + 1) });
      const c5 = findings.filter((f) => f.rule === "C5");
      expect(c5.map((f) => f.severity)).toEqual(["warning"]);
      expect(c5[0].message).toContain(`而标题的年度为${(v.year as number) + 1}年`);
    },
  );
});

describe("table labels (test/corpus/table-labels.json)", () => {
  const variants = corpus<string>("table-labels");
  const labelOf = (id: FormatId, table: string, key: string) =>
    table === "t3"
      ? getFormat(id).t3.rows.find((r) => r.key === key)?.label
      : getFormat(id)
          .t2?.blocks.flatMap((b) => b.rows)
          .find((r) => r.key === key)?.label;

  test.each(
    variants.filter((v) => v.meaning !== "none").map((v) => [v.table, v.meaning, v.text, v] as const),
  )("%s %s %j: read as that row, every number; L1 only where words differ", (table, key, text, v) => {
    const id = v.format as FormatId;
    const t = TABLES[id];
    const label = labelOf(id, table as string, key) as string;
    expect(label).toBeDefined();
    const { read, findings } = check(t, { labels: new Map([[label, text]]) });
    // Every row of both tables as in the source (this one included).
    expect(read.tables.t3).toEqual(t.t3);
    expect(read.tables.t2).toEqual(t.t2);
    expect(findings.filter((f) => f.rule === "F3")).toEqual([]);
    const l1 = findings.filter((f) => f.rule === "L1");
    expect(l1.map((f) => `${f.severity}:${f.where}`)).toEqual(
      v.reads === "nearest" ? [`warning:${table}.${key}`] : [],
    );
  });

  test("a row the office added to 表二 (其他主动公开文件) is not read as any template row; L1 says so, as a 提示", () => {
    const t = TABLES["2021"];
    const doc = reportDocument(t);
    const t2 = doc.tables[0];
    doc.tables[0] = [...t2, ["其他主动公开文件", "3", null, null]];
    const read = readReport(doc);
    expect(read.tables.t2).toEqual(t.t2);
    const l1 = checkReadReport(read, numericTables(read.tables)).filter((f) => f.rule === "L1");
    expect(l1.map((f) => f.severity)).toEqual(["warning"]);
    expect(l1[0].message).toContain("其他主动公开文件");
  });
});
