/**
 * What the Word pane selects for a finding of 检查本文档: the words as the document prints them — the sentence X3
 * quotes, a heading written otherwise than the template's (C1), a misprinted row label (L1) — so that the
 * selection lands where the finding is; else the row's label without its numbering.
 */
import { getFormat } from "../report/formats";
import { checkReadReport } from "../report/read/text";
import { numericTables, readReport } from "../report/read/tables";
import { huaianTables } from "../../test/fixtures";
import { reportDocument } from "../../test/corpus";
import { findingText } from "./word";

test("a heading and a row label as printed are what is searched for; a row of the template by its bare label", () => {
  const t = huaianTables();
  const doc = reportDocument(t, {
    headings: { s5: "五、存在的主要问题及整改措施" },
    labels: new Map([["2.其他法律行政法规禁止公开", "2.其他法律行政止公开"]]),
  });
  const read = readReport(doc);
  const format = getFormat(read.tables.format);
  const found = checkReadReport(read, numericTables(read.tables)).map((f) => [
    f.rule,
    findingText(f, format),
  ]);
  expect(found).toEqual([
    ["L1", "2.其他法律行政止公开"],
    ["C1", "五、存在的主要问题及整改措施"],
  ]);
  // Every text searched for is in the document as printed.
  const text = [...doc.paragraphs, ...doc.tables.flat(2)].join("\n");
  for (const [, find] of found) expect(text).toContain(find);
});
