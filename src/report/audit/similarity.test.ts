/**
 * 雷同 (R29): what is compared, what is not, and what share two reports have — the expected values written from
 * the rule (containment of this report's letters, numbers and punctuation stripped, standard sentences left out)
 * and from how each case was composed, never from the engine's output. The narratives are composed from real
 * reports' sentences (the `search` tool's pages corpus), each block citing its page.
 */
import { compileWorkbook } from "../compile";
import { sampleWorkbook } from "../sample";
import { buildDocument } from "../text/document";
import { corpus, documentParagraphs } from "../../../test/corpus";
import { huaian, seedLines } from "../../../test/fixtures";
import { comparedText, similarities, similarityMessage, standardKind } from "./similarity";
import type { NarrativeUnit, Similar } from "./similarity";

// 滨江 (http://www.hhtz.gov.cn/art/2025/1/15/art_1229230631_4327083.html), 五 from 博乐
// (https://www.xjbl.gov.cn/info/1037/6799.htm).
const A = [
  "甲局2024年政府信息公开工作年度报告",
  "根据《中华人民共和国政府信息公开条例》(以下简称《条例》)规定编制本年度报告。本报告中所列数据统计期限为2024年1月1日至12月31日。",
  "一、总体情况",
  "2024年度,我局坚持以习近平新时代中国特色社会主义思想为指导,深入贯彻党的二十大和二十届三中全会精神,认真贯彻落实《中华人民共和国政府信息公开条例》,切实做好我局政务公开工作。",
  "(一)主动公开",
  "2024年,我局围绕重点工作,进一步梳理和规范公开事项,明确工作任务,全年通过政府门户网站、政务新媒体等多种渠道累计公开信息共44条。",
  "(三)政府信息管理",
  "一是健全信息发布审核机制,明确信息发布的审核流程和责任主体,确保政府信息的准确性、权威性和严肃性。二是对拟公开的政府信息,实行 “先审核、后发布”,未经审核的信息不得发布。三是定期开展政府信息清理工作,对已失效的政府信息及时予以删除或标注失效状态,确保政府信息的时效性和有效性。",
  "(四)政府信息公开平台建设",
  "一是加强网站日常管理工作,确定专人负责日常网站运维和信息更新,确保所有公开信息的权威性和可信度。二是对历年公开信息进行全面梳理归档,方便公众查询检索,同时也为内部管理提供数据支撑。三是加强信息安全管理,定期开展信息系统安全检查,防止信息泄露等风险,全年未发生因信息管理不当引发的安全事故。",
  "五、存在的主要问题及改进情况",
  "政府信息公开工作开展以来,虽然取得了初步成效,但在具体推进过程中,还存在宣传教育培训不足,具体工作人员业务不熟,缺乏信息专业技术人员,对社会宣传力度不够等问题。",
  "下一步,我局将按照上级有关信息公开的各项要求和目标,进一步提高认识,加强培训,提高政府信息公开工作水平。一是规范流程,以制度化、规范化、科学化为着力点,建立长效机制。二是创新途径,及时更新、扩大政府信息公开内容,保证公开信息的完整性和准确性。",
  "六、其他需要报告的事项",
  "本年度无其他需要报告的事项。",
];

// 船山 (https://www.chuanshan.gov.cn/gongkai/show/ec6922d0aa730e0791337d4d3b9bd6a1.html), 五 from 衡阳县
// (http://www.hyx.gov.cn/bcms/DFS/template/2323/ndbg/2016ndbg/files/basic-html/page12.html).
const B = [
  "乙区人民政府办公室2023年政府信息公开工作年度报告",
  "本报告系根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》的要求编制,全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况,以及其他需要报告的事项。有关情况及数据统计期限为2023年1月1日至2023年12月31日。",
  "一、总体情况",
  "(一)主动公开",
  "以政府网站为信息公开平台,围绕中心工作,聚焦民生需求,精简宣传材料和日常动态信息,强化重点领域政府信息主动公开,有序推动征地拆迁、环境保护、公共卫生、安全生产、食品药品等领域政策文件主动公开,开展专业化政策解读,切实保障群众权益,打造法治、阳光透明政府。",
  "(二)依申请公开",
  "按照“一事一申请”原则,明确办理规则,完善办理流程,切实提升受理、审查、办理、答复等环节质效。严格遵循法律规定,准确把握政务公开范围,严谨规范、慎重稳妥推进依申请公开。",
  "(三)政府信息管理",
  "常态化开展信息动态调整,根据立、改、废情况,及时清理失效、废止的政府信息。严格遵循“三审制度”,严把政治关、政策关、文字关、保密关、舆情关,坚决做到“先审后发,内容一致”,全年未发生政府信息管理安全事故。",
  "五、存在的主要问题及改进情况",
  "一是个别部门重视不够。少数部门主要领导对政府信息公开工作重视不够,工作不主动,信息公开联络员没有及时递补,导致工作脱节。二是信息公开存在不主动现象,动态内容保障不到位、专栏及重点领域信息更新滞后、栏目设置不完整。三是部门公开信息的数量、质量和时效性有待进一步提高。",
];

/** Letters as the rule counts them, written here apart from the engine: Han characters and Latin letters, no numerals. */
const letters = (s: string) =>
  [...s.normalize("NFKC")].filter(
    (c) => /[\p{Script=Han}a-zA-Z]/u.test(c) && !"〇零一二三四五六七八九十百千万亿两".includes(c),
  ).length;

const unit = (name: string, paragraphs: string[], extra: Partial<NarrativeUnit> = {}): NarrativeUnit => ({
  unit: name,
  file: `${name}.docx`,
  paragraphs,
  format: "2021",
  ...extra,
});

const result = (units: NarrativeUnit[], threshold = 0.5) => similarities(units, { threshold });

describe("what is compared (test/corpus/boilerplate.json and the other families)", () => {
  const variants = corpus<string | string[]>("boilerplate");

  test.each(variants.map((v) => [JSON.stringify(v.meaning), v.text, v] as const))("%s %s", (_m, text, v) => {
    const kind = standardKind(text);
    if (v.meaning === "none") {
      expect(kind).toBeNull();
      // The unit's own words are compared, once stripped of numbers and punctuation.
      expect(comparedText([text]).replace(/\|/g, "").length).toBe(letters(text));
    } else {
      expect([v.meaning].flat()).toContain(kind);
      expect(comparedText([text])).toBe("");
    }
  });

  test("the 统计期限 sentences of test/corpus/periods.json that state a period are not compared", () => {
    const stated = corpus<string>("periods").filter((v) => v.meaning !== "missing");
    expect(stated.length).toBeGreaterThan(40);
    for (const v of stated) expect([v.text, standardKind(v.text)]).not.toEqual([v.text, null]);
  });

  test("section headings (test/corpus/headings.json) are not compared, also glued to their first sentence", () => {
    const words: Record<string, string> = { s1: "总体情况", s5: "存在的主要问题", s6: "其他需要报告的事项" };
    for (const v of corpus<string>("headings").filter((x) => x.meaning !== "none")) {
      const compared = comparedText(["某局2024年政府信息公开工作年度报告", v.text]);
      if (words[v.meaning]) expect([v.text, compared.startsWith(words[v.meaning])]).toEqual([v.text, false]);
      // A heading alone leaves nothing; one glued to a sentence leaves the sentence.
      if (!/[。，,；;]/.test(v.text)) expect([v.text, compared]).toEqual([v.text, ""]);
    }
  });

  test("table labels as printed (test/corpus/table-labels.json) are not compared", () => {
    for (const v of corpus("table-labels")) expect([v.text, comparedText([v.text])]).toEqual([v.text, ""]);
  });

  test("what this tool writes into a report is not compared; what people wrote in 报告信息 is", () => {
    const r = compileWorkbook(sampleWorkbook());
    const doc = buildDocument({ tables: r.tables, info: r.info, sentences: r.sentences });
    const paragraphs = documentParagraphs(doc);
    // The sample's 报告信息 texts (src/report/sample.ts): 总体情况's five, then 存在的主要问题 and 改进措施, sentence by
    // sentence, stripped (digits, numerals and marks); its 「本年度无其他需要报告的事项」 is everyone's formula.
    expect(comparedText(paragraphs).split("|")).toEqual([
      "围绕住房保障城市更新和建筑市场监管及时公开保障性住房分配老旧小区改造和工程建设项目审批等信息同步做好政策文件的解读",
      "规范依申请公开的受理审查和答复流程统答复文书格式在法定期限内答复每件申请",
      "落实公开前保密审查和合法性审核定期清理本局制发的文件及时更新政府信息公开目录",
      "以区政府门户网站政府信息公开专栏为主要平台同步通过政务新媒体发布信息保持栏目内容准确更新及时",
      "明确分管领导和专人负责政务公开工作组织业务培训将政务公开纳入科室年度考核",
      "是主动公开的深度和广度还需拓展",
      "是政策解读形式较为单",
      "是加强重点领域信息公开",
      "是丰富政策解读形式提升解读质量",
    ]);
  });

  test("the 淮安 report's sentences, which our sentences are worded after, are not compared", () => {
    const h = huaian();
    expect(comparedText([h.narrative, h.section6])).toBe("");
  });
});

describe("shares", () => {
  test("two different reports sharing only the template's sentences and headings: low, no finding", () => {
    const r = result([unit("甲局", A), unit("乙区政府办", B)]);
    for (const name of ["甲局", "乙区政府办"]) {
      expect(r.get(name)?.over).toEqual([]);
      expect(r.get(name)?.best?.share ?? 0).toBeLessThan(0.15);
    }
  });

  test("last year's text with new numbers and two sentences rewritten: the rest is the share", () => {
    const rewritten = [
      "一是健全信息发布审核机制,明确信息发布的审核流程和责任主体,确保政府信息的准确性、权威性和严肃性。",
      "下一步,我局将按照上级有关信息公开的各项要求和目标,进一步提高认识,加强培训,提高政府信息公开工作水平。",
    ];
    // From 新疆某区 (https://www.xjwq.gov.cn/info/1050/64208.htm), as a unit rewriting two sentences would.
    const replacement = [
      "建立信息发布审核机制,明确信息采编、审核、发布的责任主体,确保信息准确性、权威性。",
      "下一步将持续加强政府网站建设,优化网站界面设计,提升用户体验。",
    ];
    const thisYear = A.map((p) =>
      p
        .replace(rewritten[0], replacement[0])
        .replace(rewritten[1], replacement[1])
        .replace(/2024/g, "2025")
        .replace("44条", "57条")
        .replace("二十届三中全会", "二十届四中全会"),
    );
    // This year's narrative: the paragraphs after 一 that are neither headings nor the lead.
    const narrative = thisYear
      .slice(3)
      .filter((p) => /[。]/.test(p))
      .join("");
    // All of it but the two new sentences is last year's (a ten-letter phrase the new ones share with it counts too).
    const naive = (letters(narrative) - letters(replacement.join(""))) / letters(narrative);
    const r = result([
      unit("甲局", thisYear, { previousParagraphs: A, previousFile: "甲局2024年报告.docx" }),
    ]);
    const over = r.get("甲局")?.over ?? [];
    expect(over).toHaveLength(1);
    expect(over[0].with).toBe("上年报告（甲局2024年报告.docx）");
    expect(over[0].part).toBe("全文");
    expect(over[0].share).toBeGreaterThan(naive - 0.01);
    expect(over[0].share).toBeLessThan(naive + 0.03);
    expect(r.get("甲局")?.best).toEqual(over[0]);
  });

  test("one report inside a longer one: the shorter's share is all of it, the longer's its part", () => {
    // 丙局's report: all of 甲局's, with 乙's paragraphs on 主动公开 and 政府信息管理 written into its 一.
    const own = [B[4], B[8]];
    const longer = [...A.slice(0, 10), ...own, ...A.slice(10)];
    const r = result([unit("甲局", A), unit("丙局", longer)], 0);
    const a = r.get("甲局")?.over[0];
    expect(a?.with).toBe("丙局");
    expect(a?.share).toBeGreaterThan(0.97);
    const narrative = letters(
      A.slice(3)
        .filter((p) => /[。]/.test(p))
        .join(""),
    );
    const expected = narrative / (narrative + letters(own.join("")));
    const c = r.get("丙局")?.over.find((s) => s.part === "全文");
    expect(c?.share).toBeGreaterThan(expected - 0.02);
    expect(c?.share).toBeLessThan(expected + 0.02);
    // Its 五 is all 甲局's: at 50% that is the finding, named by its part.
    const at50 = result([unit("甲局", A), unit("丙局", longer)]).get("丙局")?.over;
    expect(at50?.map((s) => [s.with, s.part])).toEqual([
      ["甲局", expected >= 0.5 ? "全文" : "五、存在的主要问题及改进情况"],
    ]);
  });

  test("五 copied from another unit while the rest is its own: the finding names 五", () => {
    const five = A.slice(A.indexOf("五、存在的主要问题及改进情况"), A.indexOf("六、其他需要报告的事项"));
    const b = [...B.slice(0, B.indexOf("五、存在的主要问题及改进情况")), ...five];
    const r = result([unit("甲局", A), unit("乙区政府办", b)]);
    const over = r.get("乙区政府办")?.over ?? [];
    expect(over.map((s) => [s.with, s.part])).toEqual([["甲局", "五、存在的主要问题及改进情况"]]);
    expect(over[0].share).toBeGreaterThan(0.97);
    expect(over[0].passages[0].where).toBe("五、存在的主要问题及改进情况");
  });

  test("a narrative under 200 letters is not compared, even word for word", () => {
    const short = ["丁局2024年政府信息公开工作年度报告", "一、总体情况", B[4]];
    expect(letters(B[4])).toBeLessThan(200);
    const r = result([unit("丁局", short), unit("戊局", short)]);
    expect(r.get("丁局")).toEqual({ best: null, over: [] });
  });

  test("passages: longest first, at most 3, each at most 60 characters, with where they are", () => {
    const r = result([
      unit("甲局", A),
      unit(
        "己局",
        A.map((p) => p.replace(/2024/g, "2023")),
      ),
    ]);
    const s = r.get("甲局")?.over[0] as Similar;
    expect(s.share).toBe(1);
    expect(s.passages).toHaveLength(3);
    for (const p of s.passages) expect([...p.text].length).toBeLessThanOrEqual(60);
    // The longest shared run is A's longest paragraph in letters (quoted cut at 59 characters and 「…」).
    const longest = [...A].sort((x, y) => letters(y) - letters(x))[0];
    expect(s.passages[0].text).toBe(`${[...longest].slice(0, 59).join("")}…`);
    expect(s.passages[0].where).toBe("一、总体情况");
    const lengths = s.passages.map((p) => p.text.length);
    expect([...lengths].sort((x, y) => y - x)).toEqual(lengths);
    // A report whose headings the reader cannot find: its passages are in 「正文」.
    const body = A.filter((p) => /。/.test(p) && !p.startsWith("根据"));
    const plain = result([unit("庚局", body), unit("辛局", body)]).get("庚局")?.over[0];
    expect(plain?.passages.map((p) => p.where)).toEqual(["正文", "正文", "正文"]);
  });
});

describe("the finding's message", () => {
  test("names the other report, the share, the part, the passages and what to do", () => {
    const s: Similar = {
      unit: "乙区政府办",
      with: "甲局",
      part: "五、存在的主要问题及改进情况",
      share: 0.874,
      passages: [
        {
          text: "一是规范流程,以制度化、规范化、科学化为着力点,建立长效机制。",
          where: "五、存在的主要问题及改进情况",
        },
      ],
    };
    const m = similarityMessage(s, 0.5);
    expect(m).toContain("「五、存在的主要问题及改进情况」与「甲局」的报告雷同");
    expect(m).toContain("87%");
    expect(m).toContain("50%");
    expect(m).toContain(
      "「一是规范流程,以制度化、规范化、科学化为着力点,建立长效机制。」（五、存在的主要问题及改进情况）",
    );
    expect(m).toContain("请按本单位本年度的实际工作重写这些段落，使与之相同的文字低于50%");
    const last = similarityMessage({ ...s, with: "上年报告（乙2023.docx）", part: "全文", share: 0.5 }, 0.5);
    expect(last).toContain("正文（统计表以外的文字）与上年报告（乙2023.docx）雷同");
    expect(last).toContain("50%的文字与之相同");
  });
});

describe("real material", () => {
  test("the 2017 seed report and the 淮安 report are not alike; the seed with new numbers is its own last year", () => {
    const seed = seedLines();
    const h = huaian();
    const seed2018 = seed.map((l) => l.replace(/2017/g, "2018").replace(/\d+条/g, "9条"));
    const units = [
      unit("机关事务管理局", seed2018, {
        format: "2008",
        previousParagraphs: seed,
        previousFile: "2017.txt",
      }),
      unit("淮安市人民政府", ["淮安市人民政府2024年政府信息公开工作年度报告", h.narrative, h.section6]),
      unit("甲局", A),
    ];
    const r = result(units);
    const seedResult = r.get("机关事务管理局");
    expect(seedResult?.over.map((s) => s.with)).toEqual(["上年报告（2017.txt）"]);
    // Every letter of the 2018 text is last year's: the share is all of it, and never more.
    expect(seedResult?.over[0].share).toBe(1);
    expect(r.get("淮安市人民政府")).toEqual({ best: null, over: [] });
    expect(r.get("甲局")?.over).toEqual([]);
  });
});

describe("scale", () => {
  /** A unit's own text: sentences of Han characters drawn from a seeded generator (no two units alike). */
  function ownText(seed: number, sentences: number): string[] {
    const chars =
      "政府信息公开工作加强推进规范平台建设监督保障制度落实完善管理服务群众网站发布解读回应关切重点领域财政预算审核流程培训考核";
    let x = seed;
    const next = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % chars.length;
    return Array.from(
      { length: sentences },
      () => `${Array.from({ length: 30 }, () => chars[next()]).join("")}。`,
    );
  }

  // The times are loose (jest's sandbox and a shared machine): they catch a method that grows with the pairs'
  // letters; the bench (bench/similarity.ts, key similarityMs100) measures.
  test("100 units of ~3 000 letters, each with last year, a few copied: fast, and the copies found", () => {
    const units = Array.from({ length: 100 }, (_, i) => {
      const text = i % 20 === 19 ? ownText(i - 1, 100) : ownText(i, 100);
      return unit(`单位${i}`, ["一、总体情况", ...text], { previousParagraphs: ownText(1000 + i, 100) });
    });
    const t0 = Date.now();
    const r = result(units);
    expect(Date.now() - t0).toBeLessThan(8000);
    const found = [...r].filter(([, v]) => v.over.length).map(([k, v]) => [k, v.over[0].with]);
    expect(found).toEqual([
      ["单位18", "单位19"],
      ["单位19", "单位18"],
      ["单位38", "单位39"],
      ["单位39", "单位38"],
      ["单位58", "单位59"],
      ["单位59", "单位58"],
      ["单位78", "单位79"],
      ["单位79", "单位78"],
      ["单位98", "单位99"],
      ["单位99", "单位98"],
    ]);
  });

  test("100 units all of one text (every pair a finding): still within a few seconds", () => {
    const units = Array.from({ length: 100 }, (_, i) =>
      unit(`单位${i}`, ["一、总体情况", ...ownText(7, 100)]),
    );
    const t0 = Date.now();
    const r = result(units);
    expect(Date.now() - t0).toBeLessThan(10000);
    expect(r.get("单位0")?.over).toHaveLength(99);
  });
});
