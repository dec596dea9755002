/**
 * A paragraph no report has is found from document.xml's bytes: the characters of its text runs, across runs,
 * counted per paragraph (not per byte), whatever else the part holds.
 */
import { hugeParagraph } from "./bounds";

const doc = (body: string) => new TextEncoder().encode(`<w:document><w:body>${body}</w:body></w:document>`);
const p = (...runs: string[]) =>
  `<w:p><w:pPr/>${runs.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join("")}</w:p>`;

test("characters are counted across the runs of one paragraph, and start again at the next", () => {
  // 3 runs of 4 characters = 12 in one paragraph; 2 paragraphs of 6 each.
  expect(hugeParagraph(doc(p("甲乙丙丁", "甲乙丙丁", "甲乙丙丁")), 11)).toEqual({
    chars: 12,
    begins: "甲乙丙丁",
  });
  expect(hugeParagraph(doc(p("甲乙丙丁", "甲乙丙丁", "甲乙丙丁")), 12)).toBeNull();
  expect(hugeParagraph(doc(p("甲乙丙", "丁戊己") + p("甲乙丙", "丁戊己")), 6)).toBeNull();
});

test("only run text counts: attributes, properties, field codes and other elements do not", () => {
  const body = `<w:p w:rsidR="00AB12CD"><w:pPr><w:pStyle w:val="${"x".repeat(50)}"/></w:pPr><w:r><w:instrText>${"y".repeat(50)}</w:instrText></w:r><w:r><w:t>五个字啊啊</w:t><w:tab/><w:t/></w:r></w:p>`;
  expect(hugeParagraph(doc(body), 5)).toBeNull();
  expect(hugeParagraph(doc(body), 4)).toEqual({ chars: 5, begins: "五个字啊啊" });
});

test("a paragraph left open at the end of the part is still measured", () => {
  const open = new TextEncoder().encode(`<w:body><w:p><w:r><w:t>${"字".repeat(30)}`);
  expect(hugeParagraph(open, 20)?.chars).toBe(30);
});
