/**
 * The web page as HTML (./html), its bytes (./encode) and a .docx's blocks (src/docx/readRich): a whole page
 * whose <article> is the fragment; nothing of Word, no script, nothing fetched, only the inline styles the page
 * allows; every table captioned with its name, th with scope, and the template's merges — worked out here from
 * the format's rows, not from the grids the page is written from. GBK: the bytes a GB18030 decoder reads back,
 * a character GBK lacks as `&#x…;`.
 */
import { mergesOf, pageTables, templateMerges } from "../../test/publish";
import { gbk } from "../../test/reports";
import { richDocumentXml } from "../docx/readRich";
import { compileWorkbook } from "../report/compile";
import { getFormat, tableCaption } from "../report/formats";
import type { FormatId } from "../report/formats";
import { sampleWorkbook } from "../report/sample";
import { encodeGbk, encodePage, pageEncoding } from "./encode";
import { articleHtml, isPageStyle, pageHtml } from "./html";
import { pageOfResult } from "./report";

const sample = (format: FormatId) => compileWorkbook(sampleWorkbook(), { format });

describe("the page", () => {
  const result = sample("2021");
  const page = pageOfResult(result);
  const html = pageHtml(page);

  test("a whole page — doctype, lang, charset, title — whose body is the fragment: one <article>", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')).toBe(
      true,
    );
    expect(html).toContain("<title>云溪区住房和城乡建设局2025年政府信息公开工作年度报告</title>");
    const body = /<body>\n([\s\S]*)\n<\/body>/.exec(html)?.[1] ?? "";
    const fragment = articleHtml(page);
    expect(body.replace(/^<!--[^]*?-->\n/, "")).toBe(fragment);
    expect(fragment.match(/<article\b/g)).toHaveLength(1);
    expect(fragment.endsWith("</article>")).toBe(true);
    // The title, the six headings and the sub-headings, as the model has them.
    expect(fragment).toContain(
      '<h1 style="text-align:center">云溪区住房和城乡建设局<br>2025年政府信息公开工作年度报告</h1>',
    );
    for (const s of getFormat("2021").sections) expect(fragment).toContain(`<h2>${s.heading}</h2>`);
    expect(fragment).toContain("<h3>（一）主动公开</h3>");
  });

  test("nothing of Word, no script, nothing fetched, only the inline styles the page allows", () => {
    for (const bad of [
      /<o:p/i,
      /mso-/i,
      /<span/i,
      /<font/i,
      /class=/i,
      /<script/i,
      /<style/i,
      /<link/i,
      /<img/i,
      /<iframe/i,
      /href=/i,
      /src=/i,
      /url\(/i,
      /https?:/i,
    ])
      expect({ bad: String(bad), found: bad.test(html) }).toEqual({ bad: String(bad), found: false });
    const styles = [...html.matchAll(/style="([^"]*)"/g)].map((m) => m[1]);
    expect(styles.length).toBeGreaterThan(0);
    expect(styles.filter((s) => !isPageStyle(s))).toEqual([]);
  });

  for (const id of ["2021", "2019"] as const)
    test(`${id}: every table captioned with its name, th with scope, the template's merges`, () => {
      const format = getFormat(id);
      const tables = pageTables(pageHtml(pageOfResult(sample(id))));
      expect(tables.map((t) => t.caption)).toEqual(
        [format.t2, format.t3, format.t4].map((d) => (d ? tableCaption(d) : "")).filter(Boolean),
      );
      const merges = templateMerges(format);
      const [t2, t3, t4] = tables;
      expect(mergesOf(t2)).toEqual(merges.t2);
      expect(mergesOf(t3)).toEqual(merges.t3);
      expect(mergesOf(t4)).toEqual(merges.t4);
      // Header rows in <thead> (表三 and 表四's three; 表二's block headers stand among its rows).
      expect(tables.map((t) => t.head)).toEqual([0, 3, 3]);
      for (const t of tables)
        for (const [r, row] of t.rows.entries())
          for (const cell of row) {
            if (cell.tag === "td") {
              // Data cells hold numbers only (or nothing).
              expect(cell.text).toMatch(/^(\d+(\.\d+)?)?$/);
              continue;
            }
            // Header rows and 表二's block headers are column headers; the labels beside numbers row headers.
            const beside = row.some((c) => c.tag === "td") || (t === t3 && r >= t3.head);
            expect({ text: cell.text, scope: cell.attrs.scope }).toEqual({
              text: cell.text,
              scope: beside ? "row" : "col",
            });
          }
    });
});

describe("the bytes", () => {
  test("UTF-8 by default; the encodings --encoding names", () => {
    expect(new TextDecoder().decode(encodePage("表三 <td>", "utf-8"))).toBe("表三 <td>");
    expect(["utf-8", "UTF8", "gbk", "GB18030", "gb2312", "big5"].map(pageEncoding)).toEqual([
      "utf-8",
      "utf-8",
      "gbk",
      "gbk",
      "gbk",
      null,
    ]);
  });

  test("GBK: the bytes of GB18030's two-byte codes, read back by its decoder; ASCII one byte", () => {
    const text = '<p style="text-align:right">政府信息公开「表三」—— 1,234 件；￥50·①Ⅱ</p>';
    const bytes = encodeGbk(text);
    expect(bytes).toEqual(gbk(text));
    expect(new TextDecoder("gb18030").decode(bytes)).toBe(text);
  });

  test("a character GBK has no code for is written as &#x…; (never ? nor a four-byte sequence)", () => {
    // 𠮷 (U+20BB7) and 龦 (U+9FA6) are four-byte codes in GB18030; an emoji too.
    const bytes = encodeGbk("𠮷野家，龦字😀。");
    expect(new TextDecoder("gb18030").decode(bytes)).toBe("&#x20BB7;野家，&#x9FA6;字&#x1F600;。");
    expect([...bytes].every((b, i, all) => b < 0x80 || (b >= 0x81 && b <= 0xfe) || all[i - 1] >= 0x81)).toBe(
      true,
    );
  });
});

describe("a .docx's blocks", () => {
  const numbering =
    '<w:numbering><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>' +
    '<w:abstractNum w:abstractNumId="2"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>' +
    '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>';
  const p = (runs: string, numId?: number) =>
    `<w:p>${numId ? `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="${numId}"/></w:numPr></w:pPr>` : ""}${runs}</w:p>`;
  const r = (text: string, rPr = "") =>
    `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;

  test("bold runs (w:b, not switched off), numbers as people see them, bullets, tables in their place", () => {
    const xml =
      "<w:document><w:body>" +
      p(
        r("　　本局") +
          r("坚持", "<w:b/>") +
          r("公开为常态", '<w:b w:val="true"/>') +
          r("，", '<w:b w:val="0"/>') +
          r("不公开为例外。  "),
      ) +
      p(r("第一项"), 1) +
      p(r("第二项", "<w:bCs/>"), 1) +
      p(r("要点", "<w:b/>"), 2) +
      `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr>${p(r("联系方式"))}</w:tc></w:tr>` +
      `<w:tr><w:tc>${p(r("电话"))}</w:tc><w:tc>${p(r("0517-1"))}</w:tc></w:tr></w:tbl>` +
      p("") +
      p(r("末段")) +
      "</w:body></w:document>";
    const { blocks, text } = richDocumentXml(xml, numbering);
    expect(text.paragraphs).toEqual([
      "本局坚持公开为常态，不公开为例外。",
      "1.第一项",
      "2.第二项",
      "要点",
      "末段",
    ]);
    expect(blocks).toEqual([
      {
        kind: "paragraph",
        at: 0,
        label: "",
        bullet: false,
        runs: [{ text: "本局" }, { text: "坚持公开为常态", bold: true }, { text: "，不公开为例外。" }],
      },
      { kind: "paragraph", at: 1, label: "1.", bullet: false, runs: [{ text: "第一项" }] },
      { kind: "paragraph", at: 2, label: "2.", bullet: false, runs: [{ text: "第二项" }] },
      { kind: "paragraph", at: 3, label: "", bullet: true, runs: [{ text: "要点", bold: true }] },
      {
        kind: "table",
        tables: [0],
        rows: [
          [{ text: "联系方式", colSpan: 2, rowSpan: 1 }],
          [
            { text: "电话", colSpan: 1, rowSpan: 1 },
            { text: "0517-1", colSpan: 1, rowSpan: 1 },
          ],
        ],
      },
      { kind: "paragraph", at: 4, label: "", bullet: false, runs: [{ text: "末段" }] },
    ]);
  });

  test("vertical merges (w:vMerge) as row spans", () => {
    const tc = (text: string, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${p(r(text))}</w:tc>`;
    const xml =
      "<w:document><w:body><w:tbl>" +
      `<w:tr>${tc("结果", '<w:vMerge w:val="restart"/>')}${tc("1")}</w:tr>` +
      `<w:tr>${tc("", "<w:vMerge/>")}${tc("2")}</w:tr>` +
      `<w:tr>${tc("其他")}${tc("3")}</w:tr>` +
      "</w:tbl></w:body></w:document>";
    const [table] = richDocumentXml(xml).blocks;
    expect(table).toEqual({
      kind: "table",
      tables: [0],
      rows: [
        [
          { text: "结果", colSpan: 1, rowSpan: 2 },
          { text: "1", colSpan: 1, rowSpan: 1 },
        ],
        [{ text: "2", colSpan: 1, rowSpan: 1 }],
        [
          { text: "其他", colSpan: 1, rowSpan: 1 },
          { text: "3", colSpan: 1, rowSpan: 1 },
        ],
      ],
    });
  });
});
