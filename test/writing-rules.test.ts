/**
 * The writing rules of 审核要点 (src/report/read/writing.ts: R7, R10, R11, R26) on whole reports with the corpus's
 * variants in them (test/corpus/basis.json, remnants.json, lead-sections.json, problems.json), each expectation
 * written from the variant's meaning: an outdated basis is one 提示 on the lead naming the current format; a wrong
 * name of the 条例 or the format is one 提示 where it stands; a template remnant is one error on its paragraph
 * quoting it; the lead's count or list disagreeing with the six sections is one 提示 naming both; 五 missing a
 * half is one 提示 naming the half. Every other part of each report is the template's (test/corpus.ts), which no
 * rule fires on; the real reports of test/fixtures and our own generated report fire nothing but our own prompts.
 */
import { compileWorkbook } from "../src/report/compile";
import { getFormat } from "../src/report/formats";
import type { FormatId } from "../src/report/formats";
import { completenessFindings } from "../src/report/read/complete";
import { writingFindings } from "../src/report/read/writing";
import { defaultRuleSet } from "../src/report/rules/ruleset";
import { sampleWorkbook } from "../src/report/sample";
import type { Finding } from "../src/report/tables/findings";
import type { TableSet } from "../src/report/tables/tables";
import { buildDocument } from "../src/report/text/document";
import { corpus, reportDocument, TEMPLATE_HEADINGS, documentParagraphs } from "./corpus";
import type { ReportParts, SectionId } from "./corpus";
import { huaian, huaianTables, seedLines } from "./fixtures";

const TABLES: Record<"2021" | "2019", TableSet> = {
  "2021": huaianTables(),
  "2019": compileWorkbook(sampleWorkbook({ format: getFormat("2019"), year: 2020 }), { format: "2019" })
    .tables,
};

/** A whole report's paragraphs with the parts replaced (the template's everywhere else). */
const paragraphsOf = (parts: ReportParts, id: "2021" | "2019" = "2021") =>
  reportDocument(TABLES[id], parts).paragraphs;

const writing = (paragraphs: string[], id: FormatId = "2021") =>
  writingFindings(getFormat(id), paragraphs, {});
const of = (f: Finding[], rule: string) => f.filter((x) => x.rule === rule);
const where = (f: Finding[]) => f.map((x) => `${x.severity}:${x.where}`);

/** A sentence placed where a variant says: the lead's (in place of its period sentence), or inside a section. */
function placed(text: string[], at: string): ReportParts {
  if (at === "lead") return { lead: text.join("") };
  return { inside: { [at]: text } as Partial<Record<SectionId, string[]>> };
}

test("the template's report itself: no writing finding", () => {
  expect(writing(paragraphsOf({}))).toEqual([]);
  expect(writing(paragraphsOf({}, "2019"), "2019")).toEqual([]);
});

describe("R7 the lead's basis and the names (test/corpus/basis.json)", () => {
  const variants = corpus<"stale" | "misnamed" | "current">("basis");
  test.each(variants.map((v) => [v.meaning, v.text, v] as const))("%s: %j", (meaning, text, v) => {
    const at = (v.where as string | undefined) ?? "lead";
    const id = (v.format as "2019" | undefined) ?? "2021";
    const f = writing(paragraphsOf(placed([text], at), id), id);
    const r7 = of(f, "R7");
    if (meaning === "current") expect(where(r7)).toEqual([]);
    else expect(where(r7)).toEqual([`warning:text.${at}`]);
    if (meaning === "stale")
      expect(r7[0].message).toMatch(/已过时.*国办公开办函〔2021〕30号|国务院令第711号/);
    if (meaning === "misnamed")
      expect(r7[0].message).toMatch(/《中华人民共和国政府信息公开(条例|工作年度报告格式)》/);
    // The sentence is quoted as written (a piece of it at least).
    if (r7.length) {
      const quoted = [...r7[0].message.matchAll(/「…?([^」…]{6,})/g)].map((m) => m[1].slice(0, 6));
      expect(quoted.some((q) => text.replace(/\s+/g, " ").includes(q))).toBe(true);
    }
    // Nothing else of the writing rules fires on a lead or a sentence of these.
    expect(f.filter((x) => x.rule !== "R7")).toEqual([]);
  });

  test("the 2021 format runs R7; the 2019 format has no R7 (its reports cite the 60号 rightly)", () => {
    const stale = "依据《中华人民共和国政府信息公开条例》及国办公开办函〔2019〕60号文件要求，编制本报告。";
    expect(where(of(writing(paragraphsOf({ lead: stale })), "R7"))).toEqual(["warning:text.lead"]);
    expect(of(writing(paragraphsOf({ lead: stale }, "2019"), "2019"), "R7")).toEqual([]);
  });

  test("a stale basis outside the lead is not R7's (the lead states the basis); a wrong name anywhere is", () => {
    const stale = "本局参照国办公开办函〔2019〕60号做好年报工作。";
    expect(of(writing(paragraphsOf({ inside: { s6: [stale] } })), "R7")).toEqual([]);
    const wrong = "本局认真落实《中华人民共和国信息公开条例》。";
    expect(where(of(writing(paragraphsOf({ inside: { s6: [wrong] } })), "R7"))).toEqual(["warning:text.s6"]);
  });
});

describe("R10 template remnants (test/corpus/remnants.json)", () => {
  const variants = corpus<"remnant" | "none">("remnants");
  test.each(variants.map((v) => [v.meaning, v.text, v] as const))("%s: %j", (meaning, text, v) => {
    const at = (v.where as string | undefined) ?? "s1";
    const lines = [...text.split("\n"), ...(v.next ? [v.next as string] : [])];
    const f = writing(paragraphsOf(placed(lines, at)));
    const r10 = of(f, "R10");
    if (meaning === "none") {
      expect(r10).toEqual([]);
      return;
    }
    expect(where(r10)).toEqual([`error:text.${at}`]);
    for (const r of v.remnants as string[]) expect(r10[0].message).toContain(`「${r}」`);
  });

  test("one finding a paragraph, each naming its part; beyond ten paragraphs, one more says how many", () => {
    const f = of(
      writing(paragraphsOf({ inside: { s1: ["XX局公开信息XX条。"], s5: ["20XX年将加强审核。"] } })),
      "R10",
    );
    expect(where(f)).toEqual(["error:text.s1", "error:text.s5"]);
    expect(f[1].message).toContain("「五、存在的主要问题及改进情况」");
    const many = Array.from({ length: 13 }, (_, i) => `第${i + 1}项：公开信息XX条。`);
    const g = of(writing(paragraphsOf({ inside: { s1: many } })), "R10");
    expect(g).toHaveLength(11);
    expect(g[10].message).toContain("另有3段");
  });

  test("a 2019-format report is read for remnants too (its format lists R10)", () => {
    expect(
      where(of(writing(paragraphsOf({ inside: { s1: ["XX局公开信息XX条。"] } }, "2019"), "2019"), "R10")),
    ).toEqual(["error:text.s1"]);
  });
});

describe("R11 the lead's own count or list of the parts (test/corpus/lead-sections.json)", () => {
  const variants = corpus<"agrees" | "disagrees">("lead-sections");
  /** A report whose 五 is split into two numbered parts: 五 problems, 六 measures, 七 the other matters. */
  const seven: ReportParts = {
    headings: { s5: "五、存在的主要问题", s6: "七、其他需要报告的事项" },
    inside: { s5: ["六、改进措施", "下一步将加强审核。"] },
  };
  test.each(variants.map((v) => [v.meaning, v.text, v] as const))("%s: %j", (meaning, text, v) => {
    const parts: ReportParts = { ...(v.parts === 7 ? seven : {}), lead: text };
    const r11 = of(writing(paragraphsOf(parts)), "R11");
    if (meaning === "agrees") {
      expect(r11).toEqual([]);
      return;
    }
    expect(where(r11)).toEqual(["warning:text.lead"]);
    // Both sides named: the count it states beside the report's six, and the sections it leaves out.
    if (v.count !== 6) expect(r11[0].message).toContain("而正文有6个部分");
    else expect(r11[0].message).not.toContain("而正文有");
    for (const id of v.missing as SectionId[])
      expect(r11[0].message).toContain(`「${TEMPLATE_HEADINGS[id]}」`);
    for (const id of ["s1", "s2", "s3", "s4", "s5", "s6"] as SectionId[])
      if (!(v.missing as SectionId[]).includes(id))
        expect(r11[0].message.split("（正文的部分为")[0]).not.toContain(`「${TEMPLATE_HEADINGS[id]}」`);
  });

  test("the 2019 format has no R11", () => {
    const lead = "本报告由总体情况、主动公开政府信息情况等五个部分组成。";
    expect(of(writing(paragraphsOf({ lead }, "2019"), "2019"), "R11")).toEqual([]);
  });
});

describe("R26 五 has both halves (test/corpus/problems.json)", () => {
  const variants = corpus<"both" | "problems only" | "measures only" | "neither" | "empty">("problems");
  /** The report with 五's own text replaced by the variant's lines. */
  function withFive(text: string): string[] {
    const p = paragraphsOf({});
    const at = p.indexOf(TEMPLATE_HEADINGS.s5);
    p.splice(at + 1, 1, ...text.split("\n"));
    return p;
  }
  const MISSING = {
    "problems only": "改进措施",
    "measures only": "存在的问题",
    neither: "存在的问题和改进措施",
  };
  test.each(variants.map((v) => [v.meaning, v.text] as const))("%s: %j", (meaning, text) => {
    const p = withFive(text);
    const r26 = of(writing(p), "R26");
    if (meaning === "both" || meaning === "empty") expect(r26).toEqual([]);
    else {
      expect(where(r26)).toEqual(["warning:text.s5"]);
      expect(r26[0].message).toContain(`没有写明${MISSING[meaning]}：`);
    }
    // An empty 五 is C2's; R26 adds nothing.
    const c2 = completenessFindings(getFormat("2021"), p).filter((x) => x.rule === "C2");
    expect(c2.length).toBe(meaning === "empty" ? 1 : 0);
  });
});

describe("the rule set and the real reports", () => {
  const remnant = paragraphsOf({ inside: { s1: ["XX局公开信息XX条。"] } });

  test("a rule the office turned off is not run; the others are", () => {
    const set = defaultRuleSet();
    expect(of(writingFindings(getFormat("2021"), remnant, { set }), "R10")).toHaveLength(1);
    set.rules.R10 = { ...set.rules.R10!, on: false };
    expect(writingFindings(getFormat("2021"), remnant, { set })).toEqual([]);
    const stale = paragraphsOf({ lead: "依据国办公开办函〔2019〕60号编制本报告。" });
    expect(where(writingFindings(getFormat("2021"), stale, { set }))).toEqual(["warning:text.lead"]);
  });

  test("a table excerpt (no title, no heading) is no report: nothing to say", () => {
    expect(writing(["表三 收到和处理政府信息公开申请情况", "XX局", "（本列数据的勾稽关系为…）"])).toEqual([]);
  });

  test("淮安's published report (its own 一 and 六 in the template's report): nothing fires", () => {
    const h = huaian();
    const p = paragraphsOf({ inside: { s1: [h.narrative], s6: [h.section6] } });
    expect(writing(p)).toEqual([]);
  });

  test("the 2017 seed report, in its own (pre-2019) format: none of these rules is its format's", () => {
    expect(writing(seedLines().filter(Boolean), "2008")).toEqual([]);
  });

  test("our own generated report: its lead and sections fire nothing; only its unfilled 【请填写】 prompts (R10)", () => {
    for (const id of ["2021", "2019"] as const) {
      const result = compileWorkbook(
        sampleWorkbook({ format: getFormat(id), year: id === "2021" ? 2025 : 2020, unfilled: true }),
        {
          format: id,
        },
      );
      const doc = buildDocument({ tables: result.tables, info: result.info, sentences: result.sentences });
      const paragraphs = documentParagraphs(doc);
      const prompts = paragraphs.filter((p) => p.startsWith("【请填写"));
      const f = writing(paragraphs, id);
      expect(f.filter((x) => x.rule !== "R10")).toEqual([]);
      expect(of(f, "R10")).toHaveLength(prompts.length);
      for (const x of of(f, "R10")) expect(x.message).toContain("【请填写：");
    }
    // Its 报告信息 filled in (the sample's own texts): nothing at all.
    const filled = compileWorkbook(sampleWorkbook());
    const doc = buildDocument({ tables: filled.tables, info: filled.info, sentences: filled.sentences });
    const paragraphs = documentParagraphs(doc);
    expect(writing(paragraphs, "2021")).toEqual([]);
  });
});
