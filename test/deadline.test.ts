/**
 * @jest-environment ./test/pdf-environment.js
 *
 * R1 from every form a report reaches us in, read as the review reads a unit (src/load/review.ts readUnit) and
 * judged (src/report/audit/deadline.ts): a portal's page with its <meta> date; our own .docx, whose 落款 is the
 * 成文日期 typed in 报告信息 (and that date edited by hand to a late one, or never typed); and, where LibreOffice
 * is here, every text form of test/corpus/dates.json written into a portal's page where it stands in real ones
 * — under the title, in a metadata line or table, as the 落款, inside the text — read as the page and as the
 * .docx and PDF LibreOffice makes of it. A PDF whose text gives no date falls back to its creation date, weak: a
 * warning when late, never an error. What each must give is the variant's meaning, not what the code says.
 */
import { readFileSync, writeFileSync } from "fs";
import path from "path";
import { usePdfJsNode } from "../src/cli/pdfjs";
import { createReport } from "../src/docx";
import { readUnit } from "../src/load/review";
import { isGovernment, judgeDeadline } from "../src/report/audit/deadline";
import { compileWorkbook } from "../src/report/compile";
import { cellText } from "../src/report/common/cells";
import { sampleWorkbook } from "../src/report/sample";
import type { TableSet } from "../src/report/tables/tables";
import { corpus } from "./corpus";
import type { CorpusVariant } from "./corpus";
import { NOW, tempDir, withDocumentXml } from "./docx";
import { huaianTables } from "./fixtures";
import { sofficeAll } from "./office";
import { esc, reportHtml } from "./reports";
import { needs } from "./tools";

beforeAll(() => usePdfJsNode());

const office = needs("soffice", "cjkFont");
const tmp = tempDir("ogi-deadline-");
const utf8 = (s: string) => new TextEncoder().encode(s);
const UNIT = "某县财政局";
const tables = (agency = UNIT): TableSet => ({ ...huaianTables(), agency, year: 2025 });

/** A portal's page of the report with lines put where they stand: the head, above or under the title, the end. */
function page(
  t: TableSet,
  o: { head?: string; above?: string; under?: string[]; body?: string; end?: string[] } = {},
): string {
  let html = reportHtml(t);
  const p = (s: string) => (s.startsWith("<table") ? s : `<p>${esc(s)}</p>`);
  if (o.head) html = html.replace("<title>", `${o.head}<title>`);
  if (o.above) html = html.replace("<h1>", `${p(o.above)}\n<h1>`);
  if (o.under) html = html.replace("</h1>", `</h1>\n${o.under.map(p).join("\n")}`);
  if (o.body) html = html.replace("<p>一、总体情况</p>", `<p>一、总体情况</p>\n${p(o.body)}`);
  if (o.end) html = html.replace("<script>", `${o.end.map(p).join("\n")}\n<script>`);
  return html;
}

const judged = async (bytes: Uint8Array, name: string) => {
  const u = await readUnit(bytes, name, { year: 2025 });
  return {
    published: u.published ?? null,
    judgement: judgeDeadline(u.published, { year: 2025, government: !!u.government }),
  };
};

describe("a portal's page with its <meta> date", () => {
  test("a department's, published 2026-02-03: 逾期, an error naming the page's date", async () => {
    const html = page(tables(), {
      head: '<meta name="PubDate" content="2026-02-03 09:30">',
      end: [UNIT, "2026年1月20日"],
    });
    const { published, judgement } = await judged(utf8(html), `${UNIT}.html`);
    expect(published).toEqual({ date: "2026-02-03", source: "网页的发布日期（meta）" });
    expect([judgement.state, judgement.finding?.severity]).toEqual(["逾期", "error"]);
    expect(judgement.finding?.message).toContain("网页的发布日期（meta）为2026年2月3日");
  });

  test("the government's own, published the same day: 按时 (its deadline is 3月31日)", async () => {
    const html = page(tables("某县人民政府"), { head: '<meta name="PubDate" content="2026-02-03 09:30">' });
    const { judgement } = await judged(utf8(html), "某县人民政府.html");
    expect(judgement).toEqual({ state: "按时", deadline: "2026-03-31" });
  });
});

describe("our own .docx", () => {
  const result = compileWorkbook(sampleWorkbook());
  const year = result.tables.year;

  test("its 落款 is the 成文日期 typed in 报告信息 (1月20日 of the next year): 按时", async () => {
    const docx = await createReport(result, "台账.xlsx", NOW);
    const { published, judgement } = await judged(docx, "报告.docx");
    expect(published).toEqual({ date: `${year + 1}-01-20`, source: "落款日期" });
    expect(judgement).toEqual({ state: "按时", deadline: `${year + 1}-01-31` });
  });

  test("the 落款 edited by hand to 2月5日: 逾期 by 5 days, an error", async () => {
    const docx = withDocumentXml(await createReport(result, "台账.xlsx", NOW), (xml) =>
      xml.replace(`${year + 1}年1月20日`, `${year + 1}年2月5日`),
    );
    const { published, judgement } = await judged(docx, "报告.docx");
    expect(published).toEqual({ date: `${year + 1}-02-05`, source: "落款日期" });
    expect([judgement.state, judgement.finding?.severity]).toEqual(["逾期", "error"]);
    expect(judgement.finding?.message).toContain("逾期5天");
  });

  test("no 成文日期 typed: our prompt stands in the 落款, and it is no date — 无法判断, no finding", async () => {
    const wb = sampleWorkbook();
    const info = wb.sheets.find((s) => s.rows.some((r) => cellText(r[0]) === "成文日期"));
    if (!info) throw new Error("no 报告信息");
    info.rows = info.rows.filter((r) => cellText(r[0]) !== "成文日期");
    const docx = await createReport(compileWorkbook(wb), "台账.xlsx", NOW);
    const { published, judgement } = await judged(docx, "报告.docx");
    expect(published).toBeNull();
    expect(judgement).toEqual({ state: "无法判断", deadline: `${year + 1}-01-31` });
  });
});

/** The corpus's text forms, each in a page where it stands (the unit's name under the title where it was seen so). */
const TEXT = corpus<string>("dates").filter((v) =>
  ["under-title", "metadata", "cells", "signature", "body"].includes(v.where as string),
);
function variantPage(v: CorpusVariant<string>): string {
  switch (v.where) {
    case "under-title":
      return page(tables(), { under: v.unitLine ? [UNIT, v.text] : [v.text] });
    case "metadata":
      return page(tables(), v.at === "above" ? { above: v.text } : { under: [v.text] });
    case "cells": {
      const cells = ["索引号", "000000001/2026-00001", ...v.text.split("|")];
      return page(tables(), {
        above: `<table><tr>${cells.map((c) => `<td>${esc(c)}</td>`).join("")}</tr></table>`,
      });
    }
    case "signature":
      return page(tables(), { end: [UNIT, v.text] });
    default:
      return page(tables(), { body: v.text });
  }
}
const want = (v: CorpusVariant<string>) =>
  v.meaning === "none" ? null : { date: v.meaning, source: v.source };

test("every text form as a portal's page: the date it means and where it was read", async () => {
  const got = [];
  for (const v of TEXT)
    got.push({ text: v.text, published: (await judged(utf8(variantPage(v)), "报告.html")).published });
  expect(got).toEqual(TEXT.map((v) => ({ text: v.text, published: want(v) })));
});

const files = { html: [] as string[], docx: [] as string[], pdf: [] as string[] };
/** A portal's metadata table is the page's: once a document, it is a table, whose dates are not read as dates. */
const asDocument = TEXT.filter((v) => v.where !== "cells");

office.beforeAll(() => {
  files.html = asDocument.map((v, i) => {
    const file = path.join(tmp.path, `日期${i + 1}.html`);
    writeFileSync(file, variantPage(v));
    return file;
  });
  files.docx = sofficeAll(files.html, "docx", tmp.path);
  files.pdf = sofficeAll(files.html, "pdf", tmp.path);
}, 600000);

const bytesOf = (file: string) => new Uint8Array(readFileSync(file));

office.test(
  "every text form in the .docx LibreOffice saves: the date it means and where it was read",
  async () => {
    const got = [];
    for (const [i, v] of asDocument.entries())
      got.push({ text: v.text, published: (await judged(bytesOf(files.docx[i]), "报告.docx")).published });
    expect(got).toEqual(asDocument.map((v) => ({ text: v.text, published: want(v) })));
  },
  600000,
);

office.test(
  "every text form in the PDF LibreOffice exports: the date it means; where the text gives none, the file's, weak",
  async () => {
    const got = [];
    for (const [i, v] of asDocument.entries()) {
      const p = (await judged(bytesOf(files.pdf[i]), "报告.pdf")).published;
      got.push({ text: v.text, published: p?.weak ? "weak" : p });
    }
    expect(got).toEqual(asDocument.map((v) => ({ text: v.text, published: want(v) ?? "weak" })));
  },
  600000,
);

office.test(
  "a PDF whose text gives no date, created 2026-02-05: a warning that names the file's date, never an error",
  async () => {
    const none = asDocument.findIndex((v) => v.meaning === "none" && v.where === "body");
    const raw = Buffer.from(readFileSync(files.pdf[none])).toString("latin1");
    const stamp = /\/CreationDate\s*\((D:[^)]*)\)/.exec(raw)?.[1];
    if (!stamp || stamp.length < 17)
      throw new Error(`LibreOffice wrote no CreationDate we can replace: ${stamp}`);
    // The same length, so the file's cross-reference offsets still hold: 02:00 UTC, 10:00 in China, on 2026-02-05.
    const patched = raw.replace(`(${stamp})`, `(${"D:20260205020000Z".padEnd(stamp.length, "'")})`);
    const { published, judgement } = await judged(new Uint8Array(Buffer.from(patched, "latin1")), "报告.pdf");
    expect(published).toEqual({ date: "2026-02-05", source: "PDF 文件的创建日期（仅供参考）", weak: true });
    expect([judgement.state, judgement.finding?.severity]).toEqual(["逾期", "warning"]);
    expect(judgement.finding?.message).toContain("不一定是发布日期");
    expect(isGovernment(UNIT)).toBe(false);
  },
  120000,
);
