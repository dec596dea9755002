/**
 * 总体情况's aspects (R12, R13), its counts (R15, R17) and 表二 in the text (X4), run over the corpus families
 * (test/corpus/aspects.json, table2-sentences.json) and real reports. What each must give is written from the
 * variant's meaning — the aspects its words name, the cells a sentence states, whether an agency is a 人民政府 —
 * never from what the code does. Whole reports are read as the reader reads them (test/corpus.ts), so the rules run
 * on the paragraphs the reader gives.
 */
import { readFileSync } from "fs";
import path from "path";
import { getFormat } from "../src/report/formats";
import {
  ASPECTS,
  GOVERNMENT_TOPICS,
  aspectFindings,
  isGovernmentReport,
  missing,
} from "../src/report/read/aspects";
import { CHANNELS, PLATFORM_COUNTS, notGiven } from "../src/report/read/asks";
import { readReport } from "../src/report/read/tables";
import { checkTable2Text } from "../src/report/read/text2";
import { squeeze } from "../src/report/read/title";
import { defaultRuleSet } from "../src/report/rules/ruleset";
import type { RuleSet } from "../src/report/rules/ruleset";
import type { Finding } from "../src/report/tables/findings";
import type { Table2, TableSet } from "../src/report/tables/tables";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { buildDocument } from "../src/report/text/document";
import { buildSentences } from "../src/report/text/sentences";
import { reportDocument, documentParagraphs } from "./corpus";
import { huaian, huaianTables, seedLines } from "./fixtures";

const FORMAT = getFormat("2021");
const family = <T>(name: string): T =>
  JSON.parse(readFileSync(path.join(__dirname, "corpus", `${name}.json`), "utf8")) as T;

interface Variant<M> {
  text: string;
  meaning: M;
  seen: string;
}
interface CountVariant extends Variant<string[]> {
  rule: "R15" | "R17";
}
interface ReportVariant extends Variant<{ missing: string[] }> {
  agency: string;
  government: boolean;
  paragraphs: string[];
  heading?: string;
  missingGovernment?: string[];
  counts?: { R15?: string[]; R17?: string[] };
  t2?: Table2;
}
const aspects = family<{
  variants: Variant<string[]>[];
  government: Variant<string[]>[];
  counts: CountVariant[];
  agencies: Variant<boolean>[];
  reports: ReportVariant[];
}>("aspects");

/** The rule set with the 2025 asks turned on. */
function withAsks(): RuleSet {
  const set = defaultRuleSet();
  for (const id of ["R14", "R15", "R17"] as const) set.rules[id] = { ...set.rules[id]!, on: true };
  return set;
}

/** A whole report with these paragraphs in 一 (its heading as given), as the reader reads it. */
function reportParagraphs(agency: string, s1: string[], heading?: string): string[] {
  const t = { ...huaianTables(), agency, year: 2025 };
  const doc = reportDocument(t, {
    title: [`${agency}2025年政府信息公开工作年度报告`],
    // 一 holds only the variant's paragraphs (the template report's own sentence names all five aspects).
    body: { s1: "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，持续推进政务公开工作。" },
    inside: { s1 },
    ...(heading ? { headings: { s1: heading } } : {}),
  });
  return readReport(doc).paragraphs;
}

/** The 「…」 names a finding lists before its colon. */
const named = (f: Finding | undefined) =>
  f
    ? [...f.message.split("：")[0].matchAll(/「([^」]+)」/g)].map((m) => m[1]).filter((n) => !/、/.test(n))
    : [];
const of = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe("the five aspects as offices write them (aspects.json variants)", () => {
  test.each(aspects.variants.map((v) => [v.text, v.meaning] as const))("%j names %j", (text, meaning) => {
    const found = ASPECTS.filter((a) => !missing([a], squeeze(text)).length).map((a) => a.id);
    expect(found.sort()).toEqual([...meaning].sort());
  });

  test.each(aspects.variants.map((v) => [v.text, v.meaning] as const))(
    "%j alone in 一 of a whole report: R12 names exactly the aspects it does not",
    (text, meaning) => {
      const findings = aspectFindings(FORMAT, reportParagraphs("某市发展和改革委员会", [text]), {});
      const expected = ASPECTS.filter((a) => !meaning.includes(a.id)).map((a) => a.name);
      const r12 = of(findings, "R12");
      expect(r12.map((f) => `${f.severity}:${f.where}`)).toEqual(expected.length ? ["warning:text.s1"] : []);
      expect(named(r12[0]).filter((n) => n !== "一、总体情况")).toEqual(expected);
    },
  );
});

describe("a 人民政府's three asks (aspects.json government)", () => {
  test.each(aspects.government.map((v) => [v.text, v.meaning] as const))("%j names %j", (text, meaning) => {
    const found = GOVERNMENT_TOPICS.filter((a) => !missing([a], squeeze(text)).length).map((a) => a.id);
    expect(found.sort()).toEqual([...meaning].sort());
  });

  test.each(aspects.government.map((v) => [v.text, v.meaning] as const))(
    "%j in a 人民政府's 一: R13 names exactly the asks it does not; in a department's, no R13",
    (text, meaning) => {
      const expected = GOVERNMENT_TOPICS.filter((a) => !meaning.includes(a.id)).map((a) => a.name);
      const gov = of(aspectFindings(FORMAT, reportParagraphs("某市人民政府", [text]), {}), "R13");
      expect(gov.length).toBe(expected.length ? 1 : 0);
      expect(named(gov[0]).filter((n) => n !== "一、总体情况")).toEqual(expected);
      const dept = aspectFindings(FORMAT, reportParagraphs("某市发展和改革委员会", [text]), {});
      expect(of(dept, "R13")).toEqual([]);
    },
  );
});

describe("counts by channel and of platforms (aspects.json counts, R15/R17)", () => {
  test.each(aspects.counts.map((v) => [v.rule, v.text, v.meaning] as const))(
    "%s %j gives %j",
    (rule, text, meaning) => {
      const items = rule === "R15" ? CHANNELS : PLATFORM_COUNTS;
      const expected = items.filter((i) => !meaning.includes(i.name)).map((i) => i.name);
      expect(notGiven(items, [squeeze(text)]).map((i) => i.name)).toEqual(expected);
      // Off by default; on, one finding naming exactly those.
      const paragraphs = reportParagraphs("某市发展和改革委员会", [text]);
      expect(of(aspectFindings(FORMAT, paragraphs, {}), rule)).toEqual([]);
      const on = of(aspectFindings(FORMAT, paragraphs, { set: withAsks() }), rule);
      expect(on.map((f) => `${f.severity}:${f.where}`)).toEqual(expected.length ? ["info:text.s1"] : []);
      expect(named(on[0]).filter((n) => n !== "一、总体情况")).toEqual(expected);
    },
  );
});

describe("whose report is a 人民政府's (aspects.json agencies; 条例 第五十条 「各级人民政府」)", () => {
  test.each(aspects.agencies.map((v) => [v.text, v.meaning] as const))("%j → %s", (agency, government) => {
    expect(isGovernmentReport(agency)).toBe(government);
  });
});

describe("real reports' 一 (aspects.json reports)", () => {
  test.each(aspects.reports.map((r) => [r.seen.split(" (")[1] ?? r.seen, r] as const))("%s", (_, r) => {
    const paragraphs = reportParagraphs(r.agency, r.paragraphs, r.heading);
    expect(isGovernmentReport(r.agency)).toBe(r.government);
    const findings = aspectFindings(FORMAT, paragraphs, { set: withAsks() });
    const r12 = of(findings, "R12");
    expect(r12.length).toBe(r.meaning.missing.length ? 1 : 0);
    expect(named(r12[0]).filter((n) => !/^一、/.test(n))).toEqual(r.meaning.missing);
    if (r.missingGovernment) {
      const r13 = of(findings, "R13");
      expect(r13.length).toBe(r.missingGovernment.length ? 1 : 0);
      expect(named(r13[0]).filter((n) => !/^一、/.test(n))).toEqual(r.missingGovernment);
    }
    for (const rule of ["R15", "R17"] as const) {
      const expected = r.counts?.[rule];
      if (!expected) continue;
      expect(named(of(findings, rule)[0]).filter((n) => !/^一、/.test(n))).toEqual(expected);
    }
    // Real 一s are short: none passes 1000 characters.
    expect(of(findings, "R14")).toEqual([]);
    if (r.t2) {
      const t: TableSet = { ...huaianTables(), agency: r.agency, year: 2025, t2: { ...emptyT2(), ...r.t2 } };
      expect(checkTable2Text(paragraphs, t, FORMAT)).toEqual([]);
    }
  });
});

function emptyT2(): Table2 {
  return { rules: [0, 0, 0], normative: [0, 0, 0], licensing: 0, penalty: 0, coercion: 0, feesWanYuan: 0 };
}

interface Claim {
  row: string;
  column?: "issued" | "repealed" | "inForce";
  value: number;
}
interface SentenceVariant extends Variant<Claim[]> {
  agency: string;
  year: number;
  tolerance?: number;
}
const sentences = family<{ variants: SentenceVariant[] }>("table2-sentences").variants;
const COLUMNS = ["issued", "repealed", "inForce"];
/** Every cell a value no sentence states, then the claimed cells as given. */
function table2(claims: Claim[], value: (c: Claim) => number): Table2 {
  const t2: Table2 = {
    rules: [9999, 9999, 9999],
    normative: [9999, 9999, 9999],
    licensing: 9999,
    penalty: 9999,
    coercion: 9999,
    feesWanYuan: 9999,
  };
  for (const c of claims)
    if (c.column) (t2[c.row] as number[])[COLUMNS.indexOf(c.column)] = value(c);
    else t2[c.row] = value(c);
  return t2;
}
const cellOf = (c: Claim) => `t2.${c.row}.${c.column ?? (c.row === "feesWanYuan" ? "amount" : "decisions")}`;

describe("表二 in the text (table2-sentences.json, X4)", () => {
  const tables = (v: SentenceVariant, t2: Table2): TableSet => ({
    ...huaianTables(),
    agency: v.agency,
    year: v.year,
    t2,
  });

  test.each(sentences.map((v) => [v.text, v.agency, v] as const))(
    "%j (%s): agrees with a 表二 of the cells it states; every other cell is never read",
    (text, _, v) => {
      expect(
        checkTable2Text(
          [text],
          tables(
            v,
            table2(v.meaning, (c) => c.value),
          ),
          FORMAT,
        ),
      ).toEqual([]);
      // Within the printed precision the table's number agrees too.
      if (v.tolerance)
        expect(
          checkTable2Text(
            [text],
            tables(
              v,
              table2(v.meaning, (c) => c.value + (v.tolerance as number) - 1),
            ),
            FORMAT,
          ),
        ).toEqual([]);
    },
  );

  test.each(sentences.map((v) => [v.text, v.agency, v] as const))(
    "%j (%s): each cell it states, changed in 表二, is one X4 naming the sentence and both numbers",
    (text, _, v) => {
      const changed = (c: Claim) => (c.value === 0 ? 1 : c.value * 2 + 1);
      const findings = checkTable2Text([text], tables(v, table2(v.meaning, changed)), FORMAT);
      expect(findings.map((f) => `${f.severity}:${f.where}`).sort()).toEqual(
        v.meaning.map((c) => `warning:${cellOf(c)}`).sort(),
      );
      for (const [i, f] of findings.entries()) {
        expect(f.message).toContain(`正文「${text.slice(0, 80)}`);
        const claim = v.meaning.find((c) => cellOf(c) === f.where) as Claim;
        expect(f.message).toMatch(new RegExp(`为${changed(claim)}$`));
        expect(i).toBeLessThan(v.meaning.length);
      }
    },
  );
});

describe("real material", () => {
  test("淮安市人民政府2024 (test/fixtures/huaian-2024.json): its sentences and 表二 agree — no X4", () => {
    const h = huaian();
    const paragraphs = [h.narrative, h.section6];
    expect(checkTable2Text(paragraphs, huaianTables(), FORMAT)).toEqual([]);
    // Read as a whole report too (its sentences in 一 and 六, its 表二 printed in 二).
    const doc = readReport(
      reportDocument(huaianTables(), { inside: { s1: [h.narrative], s6: [h.section6] } }),
    );
    expect(checkTable2Text(doc.paragraphs, huaianTables(), FORMAT)).toEqual([]);
    expect(isGovernmentReport(h.agency)).toBe(true);
  });

  test("淮安's 表二 against 「44.7万件」 and 「9.6亿元」 (printed precision): agree; 「45.7万件」 does not", () => {
    const t = huaianTables();
    expect(checkTable2Text(["全年办理行政许可44.7万件。", "收取行政事业性收费9.6亿元。"], t, FORMAT)).toEqual(
      [],
    );
    expect(checkTable2Text(["全年办理行政许可45.7万件。"], t, FORMAT).map((f) => f.where)).toEqual([
      "t2.licensing.decisions",
    ]);
  });

  test("the seed 2017 report (legacy format): none of these rules is the legacy format's — nothing, no crash", () => {
    const legacy = getFormat("2008");
    expect(aspectFindings(legacy, seedLines(), { set: withAsks() })).toEqual([]);
    expect(checkTable2Text(seedLines(), { ...huaianTables(), format: "2008", t2: {} }, legacy)).toEqual([]);
  });

  test.each([
    ["某市发展和改革委员会", "某市发展和改革委员会", true],
    ["某市发展和改革委员会", undefined, true],
    ["淮安市人民政府", "淮安市人民政府", true],
    ["淮安市人民政府", undefined, false],
  ] as const)(
    "our own sentences (src/report/text/sentences.ts) of %s, naming it %s: never fire; compared where the body is the table's",
    (agency, selfName, compared) => {
      const t = { ...huaianTables(), agency };
      const text = Object.values(buildSentences(t, selfName ? { selfName } : {}));
      expect(text.join("")).toContain("行政事业性收费");
      expect(checkTable2Text(text, t, FORMAT)).toEqual([]);
      // Against another 表二: the report's own body (its name, or 本机关 in a department's) is compared; a
      // government's 本机关 is the government proper, not the region its 表二 counts.
      const other = { ...t, t2: { ...(t.t2 as Table2), normative: [99, 99, 99] } };
      expect(checkTable2Text(text, other, FORMAT).map((f) => f.where)).toEqual(
        compared ? ["t2.normative.issued", "t2.normative.repealed", "t2.normative.inForce"] : [],
      );
    },
  );

  test("our own generated report: its five sub-headings keep R12; its 【请填写】 prompt for 监督保障, which names 考核 and 评议, is no report of them (R13 names all three for a government)", () => {
    const result = compileWorkbook(sampleWorkbook({ format: FORMAT, year: 2025, unfilled: true }), {
      format: "2021",
    });
    const doc = buildDocument({ tables: result.tables, info: result.info, sentences: result.sentences });
    const paragraphs = documentParagraphs(doc);
    expect(paragraphs.join("")).toContain("社会评议");
    expect(aspectFindings(FORMAT, paragraphs, { government: false })).toEqual([]);
    const gov = aspectFindings(FORMAT, paragraphs, { government: true });
    expect(gov.map((f) => f.rule)).toEqual(["R13"]);
    expect(named(gov[0]).filter((n) => !/^一、/.test(n))).toEqual(["工作考核", "社会评议", "责任追究"]);
    expect(checkTable2Text(paragraphs, result.tables, FORMAT)).toEqual([]);
  });
});
