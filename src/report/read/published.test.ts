/**
 * The dates a report's text gives (R1), from the corpus (test/corpus/dates.json): every form under the title,
 * in a portal's metadata line or table, as a 落款, and the look-alikes that are none (the 统计期限, a date in a
 * sentence, our own prompt, a list's date) — each written into a whole report as the reader's document, where it
 * stands in real ones, and what it must give written from the variant's meaning. Then which date stands when a
 * report gives several (the order read/published.ts states), the PDF creation dates, and the real reports in
 * test/fixtures.
 */
import { corpus, reportDocument } from "../../../test/corpus";
import type { CorpusVariant } from "../../../test/corpus";
import { huaian, huaianTables, seedLines } from "../../../test/fixtures";
import { dateAlone, pdfCreated, publishedInText } from "./published";
import { findTitle } from "./title";

const variants = corpus<string>("dates");
const TITLE = "某县财政局2025年政府信息公开工作年度报告";
const UNIT = "某县财政局";

/** A whole report (title, lead with its 统计期限, six sections, tables) with the variant where it stands. */
function withVariant(v: CorpusVariant<string>): string[] {
  const doc = reportDocument({ ...huaianTables(), agency: UNIT, year: 2025 }).paragraphs;
  const at = doc.indexOf(TITLE);
  if (at < 0) throw new Error("no title");
  const cells = v.text.split("|");
  switch (v.where) {
    case "under-title":
      doc.splice(at + 1, 0, ...(v.unitLine ? [UNIT] : []), v.text);
      break;
    case "metadata":
      doc.splice(v.at === "above" ? at : at + 1, 0, v.text);
      break;
    case "cells":
      doc.splice(at, 0, "索引号", "000000001/2026-00001", ...cells);
      break;
    case "signature":
      doc.push(UNIT, v.text, "— 6 —");
      break;
    case "body":
      doc.splice(doc.length - 1, 0, v.text);
      break;
    default:
      throw new Error(`not a text variant: ${v.where as string}`);
  }
  return doc;
}

const TEXT = ["under-title", "metadata", "cells", "signature", "body"];
const expected = (v: CorpusVariant<string>) =>
  v.meaning === "none" ? null : { date: v.meaning, source: v.source as string };

test("the corpus: every variant has its meaning and where it was seen; every kind of place has a variant", () => {
  expect(variants.every((v) => v.seen && v.meaning && v.where)).toBe(true);
  expect(
    variants.filter((v) => v.meaning !== "none").every((v) => /^\d{4}-\d{2}-\d{2}$/.test(v.meaning)),
  ).toBe(true);
  const places = new Set(variants.map((v) => v.where));
  expect([...places].sort()).toEqual(
    ["body", "cells", "list", "meta", "metadata", "pdf", "signature", "under-title"].sort(),
  );
  // Each text place has both a date and a look-alike that is none (a body date is never one).
  for (const where of ["under-title", "metadata", "cells", "signature"])
    expect([
      where,
      new Set(variants.filter((v) => v.where === where).map((v) => v.meaning === "none")),
    ]).toEqual([where, new Set([true, false])]);
});

test.each(variants.filter((v) => TEXT.includes(v.where as string)).map((v) => [v.where, v.text, v] as const))(
  "%s %j: the date it means, and where it was read",
  (_, __, v) => {
    const doc = withVariant(v);
    const title = findTitle(doc);
    expect(title?.title).toBe(TITLE);
    expect(publishedInText(doc, title?.at ?? -1)).toEqual(expected(v));
  },
);

test("a report whose text gives no date: none (the 统计期限 and the 统计表's numbers are no date)", () => {
  const doc = reportDocument(huaianTables()).paragraphs;
  expect(publishedInText(doc, findTitle(doc)?.at ?? -1)).toBeNull();
});

test("which date stands: the page's 发布日期, then the date under the title, then the 落款, then 成文日期", () => {
  const base = reportDocument({ ...huaianTables(), agency: UNIT, year: 2025 }).paragraphs;
  const at = base.indexOf(TITLE);
  const parts = {
    signed: "成文日期：2026-01-15 有效性：有效",
    page: "发布日期：2026-01-25 来源：某县财政局",
    under: "（2026年1月22日）",
    signature: "2026年1月18日",
  };
  const doc = (with_: (keyof typeof parts)[]) => {
    const d = [...base];
    if (with_.includes("under")) d.splice(at + 1, 0, parts.under);
    if (with_.includes("page")) d.splice(at + 1, 0, parts.page);
    if (with_.includes("signed")) d.splice(at, 0, parts.signed);
    if (with_.includes("signature")) d.push(UNIT, parts.signature);
    return publishedInText(d, findTitle(d)?.at ?? -1);
  };
  expect(doc(["signed", "page", "under", "signature"])).toEqual({
    date: "2026-01-25",
    source: "网页的发布日期",
  });
  expect(doc(["signed", "under", "signature"])).toEqual({ date: "2026-01-22", source: "标题下的日期" });
  expect(doc(["signed", "signature"])).toEqual({ date: "2026-01-18", source: "落款日期" });
  expect(doc(["signed"])).toEqual({ date: "2026-01-15", source: "网页的成文日期" });
  expect(doc([])).toBeNull();
});

test("a title the reader did not find: the date under the report's title line still reads as the title's", () => {
  const doc = [
    "政府信息公开工作年度报告",
    "武昌经开区管委会（滨江商务区管委会）",
    "2026年1月8日",
    "一、总体情况",
  ];
  expect(publishedInText(doc, -1)).toEqual({ date: "2026-01-08", source: "标题下的日期" });
});

test("the 落款 is the last date standing alone: one earlier in the text (a page's table cell) is not it", () => {
  const doc = [
    TITLE,
    "根据《条例》编制本报告。",
    "一、总体情况",
    "2025年3月5日",
    "正文。",
    UNIT,
    "2026年1月20日",
    "（此件公开发布）",
  ];
  expect(publishedInText(doc, 0)).toEqual({ date: "2026-01-20", source: "落款日期" });
});

test.each(variants.filter((v) => v.where === "pdf").map((v) => [v.text, v] as const))(
  "a PDF's CreationDate %s: the day in China, weak",
  (_, v) => {
    expect(pdfCreated(v.text)).toEqual(v.meaning === "none" ? null : { ...expected(v), weak: true });
  },
);

test("a date alone is a calendar day: 2月30日, 13月 and a year alone are none", () => {
  expect(dateAlone("2026年2月30日")).toBeNull();
  expect(dateAlone("2026-13-01")).toBeNull();
  expect(dateAlone("2026年")).toBeNull();
  expect(dateAlone("2024年2月29日")?.date).toBe("2024-02-29");
  expect(dateAlone("二〇二六年十二月三十一日")?.date).toBe("2026-12-31");
});

describe("the real reports in test/fixtures", () => {
  test("the seed (昌邑区机关事务管理局2017): the date under its title, 2018-01-17, the same as its 落款", () => {
    const lines = seedLines().filter((l) => l);
    const at = findTitle(lines)?.at ?? -1;
    expect(publishedInText(lines, at)).toEqual({ date: "2018-01-17", source: "标题下的日期" });
    // Without the line under the title, its 落款 gives the same date.
    const unsigned = lines.filter((l) => l !== "（2018年1月17日）");
    expect(publishedInText(unsigned, findTitle(unsigned)?.at ?? -1)).toEqual({
      date: "2018-01-17",
      source: "落款日期",
    });
  });

  test("淮安's narrative and 六: sentences with years and amounts, no date read from them", () => {
    const h = huaian();
    const doc = [`${h.agency}${h.year}年政府信息公开工作年度报告`, ...h.narrative.split(/\n+/), h.section6];
    expect(publishedInText(doc, 0)).toBeNull();
  });
});
