/**
 * The 图解 as SVG (./graphic), for the demo tables and 淮安's published 2024 tables: well-formed XML with <title>
 * and <desc> for a screen reader; every label the template's; every number on it exactly the numbers worked out
 * here from the tables — the cells, the outcome groups summed by hand from their rows, the shares — no more,
 * no fewer (a blank cell shows 「—」 and no 0 appears for it); each number beside its label; every text at
 * least 4.5:1 against the background it sits on (WCAG AA), the charts' colours 3:1; nothing fetched.
 */
import { SaxesParser } from "saxes";
import { huaianTables } from "../../test/fixtures";
import { compileWorkbook } from "../report/compile";
import { getFormat } from "../report/formats";
import type { FormatId } from "../report/formats";
import { sampleWorkbook } from "../report/sample";
import type { Num, TableSet } from "../report/tables/tables";
import { graphicSvg } from "./graphic";

interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
  parent: El | null;
}

function parseXml(xml: string): El {
  const parser = new SaxesParser();
  const root: El = { name: "#root", attrs: {}, children: [], parent: null };
  let at = root;
  parser.on("opentag", (tag) => {
    const el: El = {
      name: tag.name,
      attrs: tag.attributes as Record<string, string>,
      children: [],
      parent: at,
    };
    at.children.push(el);
    at = el;
  });
  parser.on("closetag", () => void (at = at.parent as El));
  parser.on("text", (t) => void at.children.push(t));
  parser.on("cdata", (t) => void at.children.push(t));
  parser.write(xml).close();
  return root.children.find((c): c is El => typeof c !== "string") as El;
}

const elements = (e: El): El[] =>
  e.children.flatMap((c) => (typeof c === "string" ? [] : [c, ...elements(c)]));
const content = (e: El): string => e.children.map((c) => (typeof c === "string" ? c : content(c))).join("");

/** The texts in document order, each with its content. */
function texts(svg: string): { el: El; text: string }[] {
  return elements(parseXml(svg))
    .filter((e) => e.name === "text")
    .map((el) => ({ el, text: content(el) }));
}

/** The contents of the `n` texts after the first text reading exactly `label`. */
function after(all: { text: string }[], label: string, n: number): string[] {
  const i = all.findIndex((t) => t.text === label);
  if (i < 0) throw new Error(`no text 「${label}」`);
  return all.slice(i + 1, i + 1 + n).map((t) => t.text);
}

// ---- WCAG 2.1 relative luminance and contrast, from the definition.
function rgb(colour: string): [number, number, number] {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(colour.trim());
  if (hex) {
    const h = hex[1].length === 3 ? [...hex[1]].map((c) => c + c).join("") : hex[1];
    return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
  }
  const fn = /^rgba?\((\d+),\s*(\d+),\s*(\d+)(?:,\s*1)?\)$/.exec(colour.trim());
  if (fn) return [Number(fn[1]), Number(fn[2]), Number(fn[3])];
  throw new Error(`colour 「${colour}」 not understood`);
}
function luminance(colour: string): number {
  const [r, g, b] = rgb(colour).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** A text's colour: its fill, or the nearest ancestor's. */
function fillOf(e: El | null): string {
  for (let at = e; at; at = at.parent) if (at.attrs.fill) return at.attrs.fill;
  return "#000000";
}
const solid = (fill: string | undefined) => !!fill && fill !== "none" && fill !== "transparent";

/** The background a text sits on: the first <rect> of the nearest group whose first child is a filled rect. */
function backgroundOf(e: El): El {
  for (let at = e.parent; at; at = at.parent) {
    const first = at.children.find((c): c is El => typeof c !== "string");
    if (first?.name === "rect" && solid(first.attrs.fill)) return first;
  }
  throw new Error(`no background for 「${content(e)}」`);
}

/** Where a text is drawn in the page: its x/y and translate(), plus every enclosing nested <svg>'s x/y. */
function position(e: El): [number, number] {
  let x = Number(e.attrs.x ?? 0);
  let y = Number(e.attrs.y ?? 0);
  const t = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(e.attrs.transform ?? "");
  if (t) [x, y] = [x + Number(t[1]), y + Number(t[2])];
  for (let at = e.parent; at; at = at.parent)
    if (at.name === "svg" && at.parent) [x, y] = [x + Number(at.attrs.x ?? 0), y + Number(at.attrs.y ?? 0)];
  return [x, y];
}

// ---- What the 图解 must show, worked out from the tables here.
const cell = (v: Num | undefined) =>
  typeof v !== "number" ? "—" : Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
const add = (vs: (Num | undefined)[]): Num =>
  vs.some((v) => typeof v !== "number") ? null : vs.reduce<number>((s, v) => s + (v as number), 0);
/** part / whole in per cent, two decimals, half up. */
const pct = (part: Num, whole: Num) =>
  typeof part === "number" && typeof whole === "number" && whole > 0
    ? `${(Math.floor((part * 10000) / whole + 0.5 + 1e-9) / 100).toFixed(2)}%`
    : "—";

/** 本年度办理结果's six groups of the 2021 format, by hand: label and rows. */
const OUTCOMES: [string, string[]][] = [
  ["予以公开", ["grant"]],
  ["部分公开", ["partial"]],
  ["不予公开", ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"]],
  ["无法提供", ["u1", "u2", "u3"]],
  ["不予处理", ["n1", "n2", "n3", "n4", "n5"]],
  ["其他处理", ["o1", "o2", "o3"]],
];

function expected(t: TableSet) {
  const t2 = t.t2 ?? {};
  const t3 = (key: string, col = 6) => t.t3[key]?.[col] ?? null;
  const outcomes = OUTCOMES.map(([label, rows]) => {
    const value = add(rows.map((r) => t3(r)));
    return { label, value: cell(value), share: pct(value, t3("total")) };
  });
  const group = (g: number) => [0, 1, 2, 3, 4].map((k) => t.t4[5 * g + k] ?? null);
  const review = group(0);
  const litigation = [0, 1, 2, 3, 4].map((k) => add([group(1)[k], group(2)[k]]));
  const corrected = (r: Num[]) => pct(r[1], add([r[0], r[1], r[2]]));
  const v = (key: string) => t2[key] as Num[];
  const numbers = [
    ...[...v("rules"), ...v("normative")].map(cell),
    ...["licensing", "penalty", "coercion", "feesWanYuan"].map((k) => cell(t2[k] as Num)),
    ...["new", "carry", "total", "total", "fwd"].map((k) => cell(t3(k))),
    ...[0, 1, 2, 3, 4, 5].map((c) => cell(t3("new", c))),
    ...outcomes.flatMap((o) => [o.value, o.share]),
    ...[...review, ...litigation].map(cell),
    cell(group(1)[4]),
    cell(group(2)[4]),
    corrected(review),
    corrected(litigation),
  ];
  return { outcomes, review, litigation, corrected, numbers };
}

/** The numbers (and 「—」) in the texts, in a sorted list. */
const tokens = (all: { text: string }[]) =>
  all.flatMap((t) => t.text.match(/—|\d+(?:\.\d+)?%?/g) ?? []).sort();

const demo = () => compileWorkbook(sampleWorkbook()).tables;
const CASES: [string, () => TableSet][] = [
  ["示例台账", demo],
  ["淮安市人民政府2024年", huaianTables],
];

describe.each(CASES)("the 图解 of %s", (_, tablesOf) => {
  const tables = tablesOf();
  const format = getFormat(tables.format);
  const svg = graphicSvg(tables);
  const root = parseXml(svg);
  const all = texts(svg);
  const title = `${tables.agency}${tables.year}年政府信息公开工作年度报告`;

  test("well-formed SVG 1080 wide, portrait, role img labelled by its <title> and <desc>", () => {
    expect(root.name).toBe("svg");
    expect(root.attrs.width).toBe("1080");
    const height = Number(root.attrs.height);
    expect(height).toBeGreaterThan(1800);
    expect(height).toBeLessThan(3000);
    expect(root.attrs.viewBox).toBe(`0 0 1080 ${height}`);
    expect(root.attrs.role).toBe("img");
    const [titleId, descId] = root.attrs["aria-labelledby"].split(" ");
    const titleEl = elements(root).find((e) => e.attrs.id === titleId) as El;
    const descEl = elements(root).find((e) => e.attrs.id === descId) as El;
    expect(titleEl.name).toBe("title");
    expect(titleEl.parent).toBe(root);
    expect(content(titleEl)).toBe(`${title}图解`);
    expect(descEl.name).toBe("desc");
    // The description says the numbers too.
    const e = expected(tables);
    const desc = content(descEl);
    expect(desc).toContain(`本年新收政府信息公开申请数量${cell(tables.t3.new[6])}`);
    for (const o of e.outcomes) expect(desc).toContain(`${o.label}${o.value}（${o.share}）`);
    expect(desc).toContain(`行政复议总计${cell(tables.t4[4])}`);
  });

  test("the title, and every label in the template's words", () => {
    expect(all.map((t) => t.text)).toEqual(expect.arrayContaining([title, "图解"]));
    const labels = [
      "主动公开政府信息情况",
      "收到和处理政府信息公开申请情况",
      "政府信息公开行政复议、行政诉讼情况",
      ...(format.t2?.blocks ?? []).flatMap((b) => [...b.rows, ...b.columns].map((x) => x.label)),
      "本年新收政府信息公开申请数量",
      "上年结转政府信息公开申请数量",
      "本年度办理结果",
      "总计",
      "结转下年度继续办理",
      "申请人情况",
      "自然人",
      "法人或其他组织",
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
      ...OUTCOMES.map(([label]) => label),
      "行政复议",
      "行政诉讼",
      "结果维持",
      "结果纠正",
      "其他结果",
      "尚未审结",
    ];
    const shown = all.map((t) => t.text);
    for (const label of labels) expect([label, shown.includes(label)]).toEqual([label, true]);
    expect(shown).toEqual(
      expect.arrayContaining(["未经复议直接起诉", "复议后起诉"].map(expect.stringContaining)),
    );
  });

  test("exactly the tables' numbers, each beside its label", () => {
    const e = expected(tables);
    const year = String(tables.year);
    // The year is in the title and in the source line; every other number is the tables'.
    expect(tokens(all)).toEqual([...e.numbers, year, year].sort());
    const t2 = tables.t2 ?? {};
    expect(after(all, "规章", 3)).toEqual((t2.rules as Num[]).map(cell));
    expect(after(all, "行政规范性文件", 3)).toEqual((t2.normative as Num[]).map(cell));
    expect(after(all, "行政许可", 2)).toEqual([cell(t2.licensing as Num), "本年处理决定数量"]);
    expect(after(all, "行政事业性收费", 2)).toEqual([
      cell(t2.feesWanYuan as Num),
      "本年收费金额（单位：万元）",
    ]);
    expect(after(all, "本年新收政府信息公开申请数量", 1)).toEqual([cell(tables.t3.new[6])]);
    for (const o of e.outcomes) expect(after(all, o.label, 2)).toEqual([o.value, o.share]);
    const results = (r: Num[]) => [0, 1, 2, 3].flatMap((k) => [cell(r[k]), format.t4.results[k].label]);
    expect(after(all, "行政复议", 10)).toEqual([cell(e.review[4]), "总计", ...results(e.review)]);
    expect(after(all, "行政诉讼", 3)).toEqual([
      cell(e.litigation[4]),
      "总计",
      `未经复议直接起诉 ${cell(tables.t4[9])}\u3000复议后起诉 ${cell(tables.t4[14])}`,
    ]);
    expect(all.map((t) => t.text)).toEqual(
      expect.arrayContaining([e.review, e.litigation].map((r) => `结果纠正占已审结的${e.corrected(r)}`)),
    );
    // No blank here, so no note on 「—」.
    expect(all.some((t) => t.text.includes("表示表中该项空白"))).toBe(false);
  });

  test("every text ≥ 4.5:1 against the background under it, no smaller than 18 px; chart colours ≥ 3:1", () => {
    const width = Number(root.attrs.width);
    const height = Number(root.attrs.height);
    for (const { el, text } of all) {
      const bg = backgroundOf(el);
      const ratio = contrast(fillOf(el), bg.attrs.fill);
      expect([text, ratio >= 4.5]).toEqual([text, true]);
      // The background rect is where the text is drawn.
      const [x, y] = position(el);
      const [bx, by] = [Number(bg.attrs.x ?? 0), Number(bg.attrs.y ?? 0)];
      const [bw, bh] = [Number(bg.attrs.width ?? width), Number(bg.attrs.height ?? height)];
      expect([text, x >= bx && x <= bx + bw && y >= by && y <= by + bh]).toEqual([text, true]);
      const size = Number(el.attrs["font-size"] ?? /font-size:(\d+)px/.exec(el.attrs.style ?? "")?.[1]);
      expect([text, size >= 18]).toEqual([text, true]);
    }
    // The bars and the ring's slices (the charts' filled shapes) against the white panel.
    const shapes = elements(root).filter(
      (e) =>
        e.name === "path" &&
        e.attrs.d &&
        solid(e.attrs.fill) &&
        e.parent?.name === "svg" &&
        e.parent !== root,
    );
    expect(shapes.length).toBeGreaterThan(0);
    for (const s of shapes)
      expect([s.attrs.fill, contrast(s.attrs.fill, "#ffffff") >= 3]).toEqual([s.attrs.fill, true]);
  });

  test("text as <text> in a Chinese font family; nothing fetched", () => {
    const family = root.attrs["font-family"];
    for (const f of [
      "Microsoft YaHei",
      "Noto Sans CJK SC",
      "WenQuanYi Micro Hei",
      "Source Han Sans SC",
      "PingFang SC",
    ])
      expect(family).toContain(`'${f}'`);
    expect(family.endsWith("sans-serif")).toBe(true);
    expect(graphicSvg(tables, { fontFamily: "Noto Sans CJK SC" })).toContain(
      `font-family="'Noto Sans CJK SC', 'Microsoft YaHei'`,
    );
    // The charts' texts name the same families.
    expect(all.filter((t) => t.el.attrs.style).every((t) => t.el.attrs.style.includes(family))).toBe(true);
    expect(svg).not.toMatch(/<image|href=|url\(|@import|@font-face|<script|<foreignObject/i);
    expect(svg.match(/https?:\/\/[^"]*/g)?.every((u) => u.startsWith("http://www.w3.org/"))).toBe(true);
  });
});

describe("blanks, last year, the other formats", () => {
  test("a blank cell shows 「—」 wherever it counts — never a 0 — and the page says what 「—」 means", () => {
    const tables = huaianTables();
    (tables.t2 as Record<string, Num | Num[]>).licensing = null;
    tables.t3.new[1] = null;
    tables.t3.d3 = tables.t3.d3.map(() => null);
    tables.t4[1] = null;
    const all = texts(graphicSvg(tables));
    const e = expected(tables);
    expect(tokens(all)).toEqual([...e.numbers, "2024", "2024", "—"].sort());
    expect(after(all, "行政许可", 1)).toEqual(["—"]);
    expect(after(all, "不予公开", 2)).toEqual(["—", "—"]);
    expect(after(all, "行政复议", 6)).toEqual(["351", "总计", "72", "结果维持", "—", "结果纠正"]);
    expect(all.map((t) => t.text)).toContain("结果纠正占已审结的—");
    // 商业企业's bar is labelled 「—」 (the one 「—」 in the charts).
    const chartDashes = all.filter(
      (t) => t.el.parent?.name === "svg" && t.el.parent.parent && t.text === "—",
    );
    expect(chartDashes).toHaveLength(1);
    expect(all.map((t) => t.text)).toContain("“—”表示表中该项空白");
  });

  test("with last year's tables, 本年新收 and 上年结转 say the change as reports word it", () => {
    const tables = huaianTables();
    const previous = huaianTables();
    previous.t3.new[6] = 2800; // 3119 against 2800: +11.39…%
    previous.t3.carry[6] = 34;
    const all = texts(graphicSvg(tables, { previous }));
    expect(after(all, "本年新收政府信息公开申请数量", 2)).toEqual(["3119", "较上年增长11.4%"]);
    expect(after(all, "上年结转政府信息公开申请数量", 2)).toEqual(["34", "与上年持平"]);
    expect(texts(graphicSvg(tables)).some((t) => t.text.includes("较上年"))).toBe(false);
  });

  test.each(["2019", "2008"] as FormatId[])("the %s format: its own 表二 labels and numbers", (id) => {
    const year = id === "2019" ? 2020 : 2017;
    const tables = compileWorkbook(sampleWorkbook({ format: getFormat(id), year }), {
      year,
      format: id,
    }).tables;
    const format = getFormat(id);
    const all = texts(graphicSvg(tables));
    const shown = all.map((t) => t.text);
    for (const b of format.t2?.blocks ?? []) {
      for (const c of b.columns) expect(shown).toContain(c.label);
      for (const r of b.rows) {
        const values = tables.t2?.[r.key] as Num[];
        // A label too long for its column wraps inside one <text>, read as one string.
        expect(after(all, r.label, b.columns.length)).toEqual(values.map(cell));
      }
    }
    for (const c of format.legacyCategories ?? [])
      expect(after(all, c.label, 1)).toEqual([cell(tables.t2?.[c.key] as Num)]);
    expect(shown).toContain(
      `${tables.agency}${year}${id === "2008" ? "年度" : "年"}政府信息公开工作年度报告`,
    );
  });
});
