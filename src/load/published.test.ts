/**
 * When a report says it was published, as the loaders carry it (R1): a saved page's <meta> date (each corpus
 * form, test/corpus/dates.json), before the text's own dates, in UTF-8, GBK and MHTML; a PDF's creation date
 * through whatever pdf.js the surface gives (a stand-in module here, as the panes give the browser's), weak and
 * only where the text has no date; a unit read for the review with its paragraphs, last year's, its date and
 * whether it is a 人民政府's own; and the units list's 发布日期 / 报送日期 column in the forms offices type dates.
 */
import { corpus } from "../../test/corpus";
import { huaianTables } from "../../test/fixtures";
import { gbk, mhtml, reportHtml } from "../../test/reports";
import { workbookBuffer } from "../workbook/write";
import type { Cell } from "../report/common/cells";
import { daysFromCivil } from "../report/common/dates";
import { numericTables } from "../report/read/tables";
import type { TableSet } from "../report/tables/tables";
import { htmlText } from "./html";
import { usePdfJs } from "./pdf";
import type { PdfJsModule } from "./pdf";
import { openReportFile, readReportFile } from "./report";
import { readUnit, unitList, unitNames } from "./review";

const utf8 = (s: string) => new TextEncoder().encode(s);
const variants = corpus<string>("dates");
const META = "网页的发布日期（meta）";

/** A portal's page of a report, with what goes into its head, under its title and after its text. */
function page(t: TableSet, o: { head?: string; under?: string; end?: string[] } = {}, charset = "utf-8") {
  let html = reportHtml(t, {}, charset);
  if (o.head) html = html.replace("<title>", `${o.head}<title>`);
  if (o.under) html = html.replace("</h1>", `</h1>\n<p>${o.under}</p>`);
  if (o.end) html = html.replace("<script>", `${o.end.map((p) => `<p>${p}</p>`).join("\n")}\n<script>`);
  return html;
}
const tables = (agency = "某县财政局"): TableSet => ({ ...huaianTables(), agency, year: 2025 });

describe("a saved page's <meta> date", () => {
  test.each(variants.filter((v) => v.where === "meta").map((v) => [v.text, v] as const))("%s", (_, v) => {
    const read = htmlText(`<html><head>${v.text}<title>报告</title></head><body><p>正文。</p></body></html>`);
    expect(read.published ?? null).toEqual(v.meaning === "none" ? null : { date: v.meaning, source: META });
  });

  test("PubDate before publishdate before firstpublishedtime, whatever their order in the head", () => {
    const head = [
      '<meta name="firstpublishedtime" content="2026-01-10-09:00:00">',
      '<meta name="publishdate" content="2026-01-12">',
      '<meta name="PubDate" content="2026-01-14 10:30">',
    ];
    const read = (h: string[]) => htmlText(`<head>${h.join("")}</head><body><p>x</p></body>`).published?.date;
    expect(read(head)).toBe("2026-01-14");
    expect(read(head.slice(0, 2))).toBe("2026-01-12");
    expect(read(head.slice(0, 1))).toBe("2026-01-10");
  });

  test("a whole page: the <meta> date stands before the date under the title and the 落款", () => {
    const html = page(tables(), {
      head: '<meta name="PubDate" content="2026-01-25 09:12">',
      under: "（2026年1月22日）",
      end: ["某县财政局", "2026年1月20日"],
    });
    expect(readReportFile(utf8(html), "报告.html").published).toEqual({ date: "2026-01-25", source: META });
    // Without it, the date under the title; without that, the 落款.
    const text = page(tables(), { under: "（2026年1月22日）", end: ["某县财政局", "2026年1月20日"] });
    expect(readReportFile(utf8(text), "报告.html").published).toEqual({
      date: "2026-01-22",
      source: "标题下的日期",
    });
    const signed = page(tables(), { end: ["某县财政局", "二〇二六年一月二十日"] });
    expect(readReportFile(utf8(signed), "报告.html").published).toEqual({
      date: "2026-01-20",
      source: "落款日期",
    });
    // None at all: no date (the 统计期限's are none).
    expect(readReportFile(utf8(page(tables())), "报告.html").published).toBeUndefined();
  });

  test("the same page in GBK and saved whole as MHTML: the same <meta> date", () => {
    const html = page(tables(), { head: '<meta name="PubDate" content="2026-01-25 09:12">' }, "gbk");
    const want = { date: "2026-01-25", source: META };
    expect(readReportFile(gbk(html), "报告.html").published).toEqual(want);
    expect(readReportFile(mhtml(gbk(html), "gbk"), "报告.mhtml").published).toEqual(want);
  });
});

describe("a PDF's creation date, through whatever pdf.js the surface gives", () => {
  /** A stand-in for pdf.js (the panes hand the browser's build to the same reader): pages of lines, an Info dictionary. */
  function fakePdfJs(lines: string[], info: Record<string, unknown> | Error): PdfJsModule {
    const page = {
      view: [0, 0, 595, 842],
      getTextContent: async () => ({
        items: lines.map((str, i) => ({
          str,
          transform: [12, 0, 0, 12, 72, 780 - i * 30],
          width: str.length * 12,
        })),
      }),
      getOperatorList: async () => ({ fnArray: [], argsArray: [] }),
      cleanup: () => undefined,
    };
    const doc = {
      numPages: 1,
      getPage: async () => page,
      getMetadata: async () => {
        if (info instanceof Error) throw info;
        return { info };
      },
      destroy: async () => undefined,
    };
    return {
      getDocument: () => ({ promise: Promise.resolve(doc), destroy: async () => undefined }),
      OPS: {},
    };
  }
  const pdf = utf8("%PDF-1.7\n% a stand-in: pdf.js is given by the test\n%%EOF\n");
  const read = async (lines: string[], info: Record<string, unknown> | Error) => {
    usePdfJs(async () => ({ lib: fakePdfJs(lines, info) }));
    return (await openReportFile(pdf, "报告.pdf")).published;
  };
  const TITLE = "某县财政局2025年政府信息公开工作年度报告";
  afterAll(() => usePdfJs(null));

  test("no date in the text: the file's CreationDate, weak, as the day in China", async () => {
    expect(await read([TITLE, "一、总体情况"], { CreationDate: "D:20260131200000Z" })).toEqual({
      date: "2026-02-01",
      source: "PDF 文件的创建日期（仅供参考）",
      weak: true,
    });
  });

  test("a 落款 in the text stands before the file's date", async () => {
    const lines = [TITLE, "一、总体情况", "某县财政局", "2026年1月20日"];
    expect(await read(lines, { CreationDate: "D:20260205103000+08'00'" })).toEqual({
      date: "2026-01-20",
      source: "落款日期",
    });
  });

  test("no CreationDate, one that is no date, or metadata pdf.js cannot read: no date", async () => {
    expect(await read([TITLE], {})).toBeUndefined();
    expect(await read([TITLE], { CreationDate: "yesterday" })).toBeUndefined();
    expect(await read([TITLE], new Error("broken Info dictionary"))).toBeUndefined();
  });
});

describe("a unit read for the review", () => {
  test("a department's page: its paragraphs, its date and where it was read, not a government's", async () => {
    const html = page(tables(), { end: ["某县财政局", "2026年1月20日"] });
    const u = await readUnit(utf8(html), "某县财政局.html", { year: 2025 });
    const r = readReportFile(utf8(html), "某县财政局.html");
    expect(u.paragraphs).toEqual(r.paragraphs);
    expect(u.paragraphs).toContain("五、存在的主要问题及改进情况");
    expect([u.published, u.government]).toEqual([{ date: "2026-01-20", source: "落款日期" }, false]);
    expect(u.previousParagraphs).toBeUndefined();
  });

  test("a 人民政府's own report: government; last year's paragraphs come with its matched report", async () => {
    const last = { tables: numericTables({ ...huaianTables(), agency: "某县人民政府", year: 2024 }) };
    const before = ["某县人民政府2024年政府信息公开工作年度报告", "一、总体情况", "去年的正文。"];
    const u = await readUnit(utf8(page(tables("某县人民政府"))), "某县人民政府.html", {
      year: 2025,
      previousOf: () => ({ ...last, file: "某县人民政府2024.html", paragraphs: before }),
    });
    expect([u.government, u.previous, u.previousParagraphs, u.published]).toEqual([
      true,
      "某县人民政府2024.html",
      before,
      undefined,
    ]);
  });

  test("a tables JSON: whether it is a government's, from its agency; no text, no date", async () => {
    const json = utf8(JSON.stringify(numericTables(tables("某县人民政府"))));
    const u = await readUnit(json, "某县人民政府.json", { year: 2025 });
    expect([u.source, u.government, u.paragraphs, u.published]).toEqual([
      "tables",
      true,
      undefined,
      undefined,
    ]);
  });
});

describe("the units list's date column", () => {
  const list = variants.filter((v) => v.where === "list");
  const day = (v: { meaning: string }) => v.meaning;
  const cellOf = (v: { text: string; cell?: unknown }): Cell =>
    v.cell === "number"
      ? Number(v.text)
      : v.cell === "date"
        ? new Date(daysFromCivil(...(v.text.split("-").map(Number) as [number, number, number])) * 86400000)
        : v.text;
  const name = (i: number) => `某县第${i + 1}局`;

  test("an .xlsx with 序号, 单位名称 and 报送日期 (text, a serial number, a date cell): each unit's date", async () => {
    const rows: Cell[][] = [
      ["序号", "单位名称", "报送日期"],
      ...list.map((v, i) => [i + 1, name(i), cellOf(v)]),
    ];
    const bytes = await workbookBuffer({ sheets: [{ name: "名单", rows }] });
    const got = await unitList(bytes, "名单.xlsx");
    expect(got.names).toEqual(list.map((_, i) => name(i)));
    const want = list.flatMap((v, i) =>
      v.meaning === "none" ? [] : [[name(i), { date: day(v), source: "单位名单的报送日期" }] as const],
    );
    expect([...got.dates.entries()]).toEqual(want);
  });

  test("a .csv with a title above the header, 发布日期 and 报送日期: 发布日期 is taken", async () => {
    const csv = [
      "2025年度政府信息公开工作年度报告报送情况",
      "部门,报送日期,发布日期",
      "某县财政局,2026-01-18,2026/1/20",
      "某县教育局,2026年1月25日,",
    ].join("\n");
    const got = await unitList(utf8(csv), "名单.csv");
    expect(got.names).toEqual(["某县财政局", "某县教育局"]);
    expect([...got.dates.entries()]).toEqual([
      ["某县财政局", { date: "2026-01-20", source: "单位名单的发布日期" }],
    ]);
  });

  test("a list without headers or dates, and a .txt one per line: names as before, no dates", async () => {
    const plain = await unitList(utf8("某县财政局,x\n某县教育局,y\n"), "名单.csv");
    expect([plain.names, plain.dates.size]).toEqual([["某县财政局", "某县教育局"], 0]);
    const txt = "单位名称\n某县财政局\n\n某县教育局\n";
    expect(await unitNames(utf8(txt), "名单.txt")).toEqual(["某县财政局", "某县教育局"]);
    expect((await unitList(utf8(txt), "名单.txt")).dates.size).toBe(0);
  });
});
