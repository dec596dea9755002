/**
 * The reading limit of a report's text, the same for a .docx, a web page and a PDF: each line of a paragraph or a
 * cell is read up to 10 000 characters; what was cut is said once per kind, naming how the longest begins.
 */
import { boundedText, MAX_LINE_CHARS } from "./paragraphs";

test("lines up to the limit are kept whole; a longer one is cut there, and the notice says which and how long", () => {
  const ok = "甲".repeat(MAX_LINE_CHARS);
  const long = "乙".repeat(MAX_LINE_CHARS + 1);
  const r = boundedText({ paragraphs: [ok, long], tables: [] });
  expect(r.text.paragraphs).toEqual([ok, "乙".repeat(10000)]);
  expect(r.notices).toEqual([
    "正文中以「乙乙乙乙乙乙乙乙乙乙乙乙」开头的一段有 10001 个字，超过每段 10000 字的上限，只读取了前 10000 字",
  ]);
});

test("a paragraph broken into lines (Shift+Enter) is measured line by line: 3 lines of 6 000 are not cut", () => {
  const lines = ["一".repeat(6000), "二".repeat(6000), "三".repeat(6000)].join("\n");
  const r = boundedText({ paragraphs: [lines], tables: [] });
  expect([r.text.paragraphs[0] === lines, r.notices]).toEqual([true, []]);
});

test("several cut paragraphs make one notice naming the longest; cells have their own", () => {
  const r = boundedText({
    paragraphs: ["a".repeat(12000), "b".repeat(30000), "短"],
    tables: [[["c".repeat(20000), null, "1"]]],
  });
  expect(r.text.paragraphs.map((p) => p.length)).toEqual([10000, 10000, 1]);
  expect(r.text.tables[0][0].map((c) => c?.length ?? null)).toEqual([10000, null, 1]);
  expect(r.notices).toEqual([
    "正文中有 2 段超过每段 10000 字的上限（最长的是以「bbbbbbbbbbbb」开头的一段，有 30000 个字），每段只读取了前 10000 字",
    "表格中以「cccccccccccc」开头的一段有 20000 个字，超过每段 10000 字的上限，只读取了前 10000 字",
  ]);
});

test("a character past U+FFFF at the cut is never split in half", () => {
  const s = "a".repeat(MAX_LINE_CHARS - 1) + "𠀀".repeat(10); // the pair starts at index 9 999
  const cut = boundedText({ paragraphs: [s], tables: [] }).text.paragraphs[0];
  expect(cut).toBe("a".repeat(9999));
});
