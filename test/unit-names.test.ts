/**
 * Unit names as offices write them (test/corpus/unit-names.json): every file name through unitNameFromFile and
 * every name through the list's matcher, against the name and the list entry the variant means — "ask" with
 * both candidates where two fit, "none" where none is it. The short forms' table pair by pair, both ways; which
 * documents say they are a report (a letter sending one does not). The review of a folder of such files end to
 * end is in test/cli-review.test.ts.
 */
import corpus from "./corpus/unit-names.json";
import { ABBREVIATIONS, matchUnit, saysReport, unitKey, unitNameFromFile } from "../src/report/units";

interface Variant {
  text: string;
  name?: string;
  from?: "title";
  meaning: string;
  between?: string[];
  list?: string[];
  seen: string;
}

const variants = corpus.variants as Variant[];

/** What a match says, as the corpus writes it. */
const said = (m: ReturnType<typeof matchUnit>) =>
  !m ? { meaning: "none" } : "name" in m ? { meaning: m.name } : { meaning: "ask", between: m.between };

test("the corpus holds every kind of case: file names, titles, asks and names on no list", () => {
  expect(variants.every((v) => v.seen && v.meaning)).toBe(true);
  expect(variants.filter((v) => v.meaning === "ask").every((v) => (v.between ?? []).length >= 2)).toBe(true);
  expect(variants.filter((v) => v.from !== "title").every((v) => typeof v.name === "string")).toBe(true);
  const kinds = new Set(
    variants.map((v) => (v.meaning === "ask" || v.meaning === "none" ? v.meaning : "named")),
  );
  expect([...kinds].sort()).toEqual(["ask", "named", "none"]);
});

test.each(variants.filter((v) => v.from !== "title").map((v) => [v.text, v] as const))(
  "the unit a file's name gives: %s",
  (_, v) => {
    expect(unitNameFromFile(v.text)).toBe(v.name);
    expect(unitNameFromFile(`某文件夹/子文件夹/${v.text}`)).toBe(v.name);
  },
);

test.each(variants.map((v) => [v.text, v] as const))("the list's name it is: %s", (_, v) => {
  const name = v.from === "title" ? v.text : (v.name as string);
  const want = v.meaning === "ask" ? { meaning: "ask", between: v.between } : { meaning: v.meaning };
  expect(said(matchUnit(name, v.list ?? corpus.list))).toEqual(want);
});

test("every short form is its long form and the long form the short, inside a longer name too", () => {
  for (const [short, long] of ABBREVIATIONS) {
    // A unit named with a place before it, the list written the other way.
    const list = [`某县河口${long}`, "某县财政局"];
    expect({ short, long, m: matchUnit(`河口${short}`, list) }).toEqual({
      short,
      long,
      m: { name: list[0] },
    });
    const back = [`某县河口${short}`, "某县财政局"];
    expect({ short, long, m: matchUnit(`某县河口${long}`, back) }).toEqual({
      short,
      long,
      m: { name: back[0] },
    });
  }
});

test("a unit's key: the county before a body set aside, 委员会 and 办公室 written short; 城市 is no place", () => {
  expect(unitKey("某市某县发展和改革委员会")).toBe("发展和改革委");
  expect(unitKey("某县 人民政府办公室")).toBe("人民政府办");
  expect(unitKey("（某县）司法局")).toBe("司法局");
  expect(unitKey("某县城市管理局")).toBe("城市管理局");
  expect(unitKey("城市管理局")).toBe("城市管理局");
  expect(unitKey("社区卫生服务中心")).toBe("社区卫生服务中心");
  // Two places that differ are two units, though their bodies are named alike.
  expect(matchUnit("某市司法局", ["某县司法局"])).toBeNull();
  expect(matchUnit("某市某县司法局", ["某县司法局"])).toEqual({ name: "某县司法局" });
});

test("a report says it is one by its title or its sections; a letter sending it, or a note about it, does not", () => {
  const letter = [
    "关于报送某县司法局2025年政府信息公开工作年度报告的函",
    "某县人民政府办公室：",
    "现将我局2025年政府信息公开工作年度报告报送你办，请审阅。",
    "附件：某县司法局2025年政府信息公开工作年度报告",
    "某县司法局",
    "2026年1月15日",
  ];
  const note = [
    "关于我局2025年度政府信息公开工作年度报告有关情况的说明",
    "因系统升级，我局年度报告推迟报送，特此说明。",
  ];
  const prose = ["本文件夹为各单位报送的年报，共十二份。"];
  for (const doc of [letter, note, prose, []])
    expect({ doc, says: saysReport(doc) }).toEqual({ doc, says: false });
  const titles = [
    ["某县司法局2025年政府信息公开工作年度报告"],
    ["某县司法局", "2025年政府信息公开工作年度报告"],
    ["某县司法局关于2025年度政府信息公开工作的年度报告"],
    ["舒兰市市场监督管理局2016年政务信息公开年度报告"],
    ["某县司法局2025年政府信息公开工作年度报告_某县人民政府门户网站"],
  ];
  for (const doc of titles) expect({ doc, says: saysReport(doc) }).toEqual({ doc, says: true });
  // No title (a page cut at its head), but the report's sections.
  const sections = [
    "一、总体情况",
    "2025年，我局……",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
  ];
  expect(saysReport(sections)).toBe(true);
  // One heading alone is any document's.
  expect(saysReport(["一、总体情况", "今年工作平稳。"])).toBe(false);
});
