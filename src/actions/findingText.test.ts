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

test("the new rules' findings select the report's own words they quote: a remnant, the lead's outdated basis", () => {
  const t = { ...huaianTables(), agency: "某县财政局", year: 2025 };
  const lead =
    "本报告根据《关于政府信息公开工作年度报告有关事项的通知》（国办公开办函〔2019〕60号）编制。本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止。";
  const doc = reportDocument(t, {
    title: ["某县财政局2025年政府信息公开工作年度报告"],
    lead,
    inside: { s1: ["XX局公开信息XX条。"] },
  });
  const read = readReport(doc);
  const format = getFormat(read.tables.format);
  const found = checkReadReport(read, numericTables(read.tables))
    .filter((f) => f.rule === "R10" || f.rule === "R7")
    .map((f) => [f.rule, findingText(f, format)] as const);
  expect(found.map(([rule]) => rule).sort()).toEqual(["R10", "R7"]);
  const text = doc.paragraphs.join("\n");
  for (const [, find] of found) {
    expect(find.length).toBeGreaterThan(3);
    expect(text).toContain(find);
  }
  expect(found.find(([rule]) => rule === "R10")?.[1]).toContain("XX");
});
