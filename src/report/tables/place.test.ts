import { FORMATS, getFormat } from "../formats";
import { checkTables } from "./checks";
import { placedMessage, placeWords } from "./place";
import { huaianTables } from "../../../test/fixtures";

/** What a reader must never meet: a key of the tables JSON, or a dot between keys. */
const KEY = /\b(t[234]|text)\b|[a-z]+\.[a-z*]+/;

describe.each(Object.values(FORMATS).map((f) => [f.id, f] as const))("the %s format", (_, f) => {
  test("every cell of 表三 by its printed row and column", () => {
    for (const row of f.t3.rows)
      for (const col of f.t3.columns) {
        const words = placeWords(`t3.${row.key}.${col.key}`, f);
        expect(words).toBe(`${f.t3.name}「${row.label}」「${col.label}」`);
        expect(words).not.toMatch(KEY);
      }
    for (const col of f.t3.columns)
      expect(placeWords(`t3.*.${col.key}`, f)).toBe(`${f.t3.name}「${col.label}」列`);
    expect(placeWords("t3", f)).toBe(f.t3.name);
  });

  test("表四 by its group and result, 表二 by its row and column", () => {
    for (const g of [f.t4.review, ...f.t4.litigation])
      for (const r of f.t4.results)
        expect(placeWords(`t4.${g.key}.${r.key}`, f)).toBe(
          g === f.t4.review
            ? `${f.t4.name}「${g.label}」「${r.label}」`
            : `${f.t4.name}「${f.t4.litigationLabel}」「${g.label}」「${r.label}」`,
        );
    for (const block of f.t2?.blocks ?? [])
      for (const row of block.rows) {
        const words = placeWords(`t2.${row.key}.${block.columns[0].key}`, f);
        expect(words).toContain(`「${row.label}」`);
        expect(words).not.toMatch(KEY);
      }
  });

  test("the text's parts: 标题, 导语, each section by its number", () => {
    expect(placeWords("text.title", f)).toBe("标题");
    expect(placeWords("text.lead", f)).toBe("导语");
    f.sections.forEach((s, i) =>
      expect(placeWords(`text.${s.id}`, f)).toBe(`第${"一二三四五六七八九十"[i]}部分`),
    );
  });
});

test("words stay words; a key of no cell of the format is given back as it was", () => {
  const f = getFormat("2021");
  for (const w of [
    "全文",
    "单位名",
    "五、存在的主要问题及改进情况",
    "表三「（一）予以公开」",
    "t3.nosuch.natural",
    "t9.x",
  ])
    expect(placeWords(w, f)).toBe(w);
});

test("every finding of a broken published table reads in words", () => {
  const t = huaianTables();
  const f = getFormat(t.format);
  (t.t3.new as number[])[0] += 3;
  t.t4 = t.t4.map((v, i) => (i === 4 ? (v as number) + 1 : v));
  const found = checkTables(t);
  expect(found.length).toBeGreaterThan(2);
  for (const x of found)
    expect([x.where, placeWords(x.where, f)]).toEqual([x.where, expect.not.stringMatching(KEY)]);
});

test("a finding's line: its place first, unless its message opens with it", () => {
  expect(placedMessage({ place: "表三「自然人」列", message: "表三「自然人」列：第一项加第二项之和…" })).toBe(
    "表三「自然人」列：第一项加第二项之和…",
  );
  expect(
    placedMessage({ place: "发布日期", message: "报告中没有写明发布日期，请在「发布日期」列中填写" }),
  ).toBe("发布日期：报告中没有写明发布日期，请在「发布日期」列中填写");
});
