/**
 * aspectFindings' behaviour beside the corpus (test/aspects.test.ts runs the families): which rules run (the
 * format's, as the office's rule set has them), R14's length and its parameter, where the text of 一 ends, a
 * 人民政府's report told from its title or given, and what each message says. Expected values are written from
 * the rules' text (国办公开办函〔2021〕30号 一（一）, 条例 第五十条, 武威 54号), not from the code.
 */
import { getFormat } from "../formats";
import { defaultRuleSet } from "../rules/ruleset";
import type { RuleSet } from "../rules/ruleset";
import {
  aspectFindings,
  chineseLength,
  isGovernmentReport,
  isTownshipGovernment,
  withoutHeading,
} from "./aspects";

const F2021 = getFormat("2021");

const HEADINGS = [
  "二、主动公开政府信息情况",
  "三、收到和处理政府信息公开申请情况",
  "四、政府信息公开行政复议、行政诉讼情况",
  "五、存在的主要问题及改进情况",
  "部分栏目更新不够及时，下一步将加强审核。",
  "六、其他需要报告的事项",
];

/** A report: its title, lead, 一 with these paragraphs, then the other five sections. */
const report = (agency: string, one: string[], six: string[] = []) => [
  `${agency}2025年政府信息公开工作年度报告`,
  "本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。",
  "一、总体情况",
  ...one,
  ...HEADINGS,
  ...six,
];

const FIVE = [
  "（一）主动公开",
  "全年主动公开政府信息120条。",
  "（二）依申请公开",
  "全年未收到政府信息公开申请。",
  "（三）政府信息管理",
  "严格落实发布审核制度。",
  "（四）政府信息公开平台建设",
  "持续优化门户网站栏目。",
  "（五）监督保障",
  "开展业务培训2次。",
];

function set(changes: Record<string, { on?: boolean; params?: Record<string, string> }>): RuleSet {
  const s = defaultRuleSet();
  for (const [id, c] of Object.entries(changes)) {
    const r = s.rules[id as keyof typeof s.rules];
    if (r) s.rules[id as keyof typeof s.rules] = { ...r, ...c, params: { ...r.params, ...c.params } };
  }
  return s;
}

const rules = (f: { rule: string }[]) => f.map((x) => x.rule);

describe("R12: the five aspects", () => {
  test("all five as sub-headings: nothing", () => {
    expect(aspectFindings(F2021, report("某市发展和改革委员会", FIVE), {})).toEqual([]);
  });

  test("two missing: one 提示 naming both, where they belong and how to write them", () => {
    const one = FIVE.slice(0, 6);
    const [f] = aspectFindings(F2021, report("某市发展和改革委员会", one), {});
    expect(f).toMatchObject({ rule: "R12", severity: "warning", where: "text.s1" });
    expect(f.message).toMatch(
      /^正文「一、总体情况」中没有写到「政府信息公开平台建设」「监督保障」方面的情况：/,
    );
    expect(f.message).toContain("五个方面");
  });

  test("an aspect named only in 二 is not in 一: 一 ends at the next section's heading", () => {
    const paragraphs = report("某市发展和改革委员会", FIVE.slice(0, 8));
    paragraphs.splice(paragraphs.indexOf("二、主动公开政府信息情况") + 1, 0, "监督保障方面，开展培训2次。");
    expect(aspectFindings(F2021, paragraphs, {}).map((f) => f.message)).toEqual([
      expect.stringContaining("「监督保障」方面"),
    ]);
  });

  test("the office turned R12 off: nothing", () => {
    expect(
      aspectFindings(F2021, report("某局", ["本局认真贯彻条例。"]), { set: set({ R12: { on: false } }) }),
    ).toEqual([]);
  });

  test("a report without 一 (C1 names that) or a table excerpt: nothing", () => {
    expect(
      aspectFindings(F2021, ["某局2025年政府信息公开工作年度报告", "二、主动公开政府信息情况"], {}),
    ).toEqual([]);
    expect(aspectFindings(F2021, ["规章 | 0 | 0 | 0"], {})).toEqual([]);
  });

  test("the 2019 format has none of these rules: nothing, whatever 一 lacks", () => {
    expect(aspectFindings(getFormat("2019"), report("某市人民政府", ["认真贯彻条例。"]), {})).toEqual([]);
  });
});

describe("R13: a 人民政府's report also reports 工作考核、社会评议和责任追究", () => {
  const one = [...FIVE.slice(0, 9), "纳入年度绩效考核，开展业务培训。"];

  test("from the title: a 人民政府's report names the two it lacks; a department's has no R13", () => {
    const gov = aspectFindings(F2021, report("某县人民政府", one), {});
    expect(rules(gov)).toEqual(["R13"]);
    expect(gov[0].message).toMatch(
      /^本报告是人民政府的年度报告，正文「一、总体情况」中没有写到「社会评议」「责任追究」的情况：/,
    );
    expect(gov[0].message).toContain("没有发生的也应写明");
    expect(aspectFindings(F2021, report("某县财政局", one), {})).toEqual([]);
  });

  test("given in 六 (其他需要报告的事项): reported", () => {
    const six = ["本年度未发生社会评议和责任追究情况。"];
    expect(aspectFindings(F2021, report("某县人民政府", one, six), {})).toEqual([]);
  });

  test("`government` given wins over the title", () => {
    expect(rules(aspectFindings(F2021, report("某县财政局", one), { government: true }))).toEqual(["R13"]);
    expect(aspectFindings(F2021, report("某县人民政府", one), { government: false })).toEqual([]);
  });
});

describe("R14: 总体情况 at most 字数上限 Chinese characters (off unless turned on)", () => {
  // FIVE's texts before （五）: 全年主动公开政府信息条 11, 全年未收到政府信息公开申请 13, 严格落实发布审核制度 10,
  // 持续优化门户网站栏目 10 — 44; 「开展业务培训2次。」 7; the sub-headings none.
  const filler = (n: number) => `${"政".repeat(n)}。`;
  const total = (n: number) => report("某局", [...FIVE.slice(0, 9), `开展业务培训2次。${filler(n - 51)}`]);

  test("1001 characters, sub-headings not counted: an info finding when on; none by default", () => {
    expect(rules(aspectFindings(F2021, total(1001), {}))).toEqual([]);
    const [f] = aspectFindings(F2021, total(1001), { set: set({ R14: { on: true } }) });
    expect(f).toMatchObject({ rule: "R14", severity: "info", where: "text.s1" });
    expect(f.message).toMatch(/^正文「一、总体情况」有1001个汉字（不计小标题、数字和标点），超过1000字：/);
  });

  test("at the cap: nothing; the office's own cap (500) read from its 字数上限", () => {
    expect(aspectFindings(F2021, total(1000), { set: set({ R14: { on: true } }) })).toEqual([]);
    const own = set({ R14: { on: true, params: { 字数上限: "500" } } });
    expect(aspectFindings(F2021, total(1000), { set: own })[0].message).toContain(
      "有1000个汉字（不计小标题、数字和标点），超过500字",
    );
    expect(aspectFindings(F2021, total(500), { set: own })).toEqual([]);
  });

  test("how characters are counted: Chinese only; a sub-heading's words at a paragraph's start are not text", () => {
    expect(chineseLength("2025年，主动公开120条（含解读3篇）。ABC")).toBe(10);
    expect(withoutHeading("（三）政府信息管理情况。严格审核。")).toBe("严格审核。");
    expect(withoutHeading("1.主动公开方面。全年公开120条。")).toBe("全年公开120条。");
    expect(withoutHeading("（一）主动公开")).toBe("");
    expect(withoutHeading("一是加强培训。")).toBe("一是加强培训。");
  });
});

describe("R15 and R17: the counts (off unless turned on)", () => {
  const on = set({ R15: { on: true }, R17: { on: true } });

  test("none given: one info finding each, naming every item", () => {
    const f = aspectFindings(
      F2021,
      report(
        "某局",
        FIVE.map((p) => p.replace(/\d+[条次]/, "多条")),
      ),
      { set: on },
    );
    expect(f.map((x) => `${x.rule}:${x.severity}`)).toEqual(["R15:info", "R17:info"]);
    expect(f[0].message).toContain(
      "「政府网站」「政务新媒体」「政府公报」「公示栏」「政策解读」「回应关切」的数量",
    );
    expect(f[1].message).toContain("「政府信息公开平台」「政务公开专区」「政府公报」的数量");
  });

  test("all given: nothing", () => {
    const counts = [
      "通过政府网站发布信息120条，政务新媒体发布86条，公示栏张贴12次，政府公报刊发4期。",
      "发布政策解读6篇，回应社会关切3次。",
      "设立政府信息公开平台1个，开设政务公开专区2个。",
    ];
    expect(aspectFindings(F2021, report("某局", [...FIVE, ...counts]), { set: on })).toEqual([]);
  });
});

describe("whose report is a 人民政府's", () => {
  test("a 乡/镇's is one (条例 第五十条 各级人民政府); only a 乡/镇's is a township's", () => {
    expect(isGovernmentReport("某镇人民政府")).toBe(true);
    expect(isTownshipGovernment("某镇人民政府")).toBe(true);
    expect(isTownshipGovernment("周湾镇")).toBe(true);
    expect(isTownshipGovernment("某县人民政府")).toBe(false);
    expect(isTownshipGovernment("某县财政局")).toBe(false);
    expect(isGovernmentReport("")).toBe(false);
    expect(isGovernmentReport("某市人民政府（汇总）")).toBe(true);
  });
});
