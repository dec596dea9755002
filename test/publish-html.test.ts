/**
 * `publish`'s web page, end to end: the page read back through our own report reader (src/load/report.ts, as a
 * saved web page) gives the numbers it was made from and no finding — our report from the demo register, the
 * real 淮安 2024 tables given as a tables JSON, a report .docx written by hand (bold, lists, a table of its own),
 * and in GBK; the people's text as they wrote it; axe-core in Chromium finds nothing against WCAG 2.1 A/AA; the
 * command line writes the file, and refuses what is no report in Chinese with exit code 1 (2 for usage).
 */
import { findCjkFont } from "../src/publish/graphicFonts";
import { GRAPHIC_PNG, GRAPHIC_SVG } from "../src/cli/publishGraphic";
import { existsSync, readFileSync } from "fs";
import path from "path";
import { pathToFileURL } from "url";
import { Document, Packer, Paragraph } from "docx";
import { chromium } from "playwright-core";
import { compileWorkbook } from "../src/report/compile";
import type { CompileResult } from "../src/report/compile";
import { getFormat } from "../src/report/formats";
import { checkReadReport } from "../src/report/read/text";
import { numericTables } from "../src/report/read/tables";
import { sampleWorkbook } from "../src/report/sample";
import type { TableSet } from "../src/report/tables/tables";
import { readReportFile } from "../src/load/report";
import { htmlText } from "../src/load/html";
import { createReport } from "../src/docx";
import { pageHtml } from "../src/publish/html";
import { pageOfResult } from "../src/publish/report";
import { PAGE_FILE, runPublish } from "../src/cli/publish";
import { compileFile } from "../src/load/tables";
import { call, tempFolder } from "./cli-harness";
import { NOW } from "./docx";
import { huaian as huaianReport, huaianTables } from "./fixtures";
import { axeViolations, HAND_TEXT, handDocx, mergesOf, pageTables, templateMerges } from "./publish";
import { CHROMIUM } from "./serve";
import { needs } from "./tools";

const tmp = tempFolder("ogi-publish-html-");
const numbers = (t: TableSet) => ({ t2: t.t2, t3: t.t3, t4: t.t4 });
const huaian: TableSet = { ...huaianTables(), agency: "淮安市人民政府", year: 2024 };

/** A page read back as a saved web page: the tables it holds and every finding `check` would give. */
function readBack(bytes: Uint8Array) {
  const read = readReportFile(bytes, PAGE_FILE);
  const tables = numericTables(read.tables);
  return { read, tables, findings: checkReadReport(read, tables) };
}

/** `publish <input> -o <dir>` in this process; the page it wrote. */
async function publish(input: string, dir: string, ...more: string[]) {
  const run = await call(["publish", input, "-o", path.join(tmp.dir, dir), ...more]);
  const file = path.join(tmp.dir, dir, PAGE_FILE);
  return { ...run, file, bytes: existsSync(file) ? new Uint8Array(readFileSync(file)) : null };
}

/** What 报告信息 gives a report: the sample's own text, with `narratives` of the agency's own. */
function withInfo(result: CompileResult, narratives: Record<string, string> = {}): CompileResult {
  const { info } = compileWorkbook(sampleWorkbook());
  return {
    ...result,
    info: { ...info, agency: result.tables.agency, narratives: { ...info.narratives, ...narratives } },
  };
}

/** 淮安's own words (its published report's, test/fixtures), and what a 人民政府's 一 reports besides. */
const HUAIAN_TEXT = {
  "总体情况-依申请公开": huaianReport().narrative,
  "总体情况-监督保障": "市政府将政务公开纳入绩效考核，开展社会评议，落实责任追究。",
  其他需要报告的事项: huaianReport().section6,
};

/** The text of a .docx's paragraphs as the reader gives them (Word's list numbers in them). */
const docxParagraphs = (bytes: Uint8Array) => readReportFile(bytes, "报告.docx").paragraphs;

describe("the page reads back with the numbers it was made from and no finding", () => {
  test("our report from the demo register, made from the compile and from our .docx", async () => {
    const result = compileWorkbook(sampleWorkbook());
    const page = readBack(new TextEncoder().encode(pageHtml(pageOfResult(result))));
    expect(page.read.problems).toEqual([]);
    expect(numbers(page.tables)).toEqual(numbers(result.tables));
    expect(page.findings).toEqual([]);

    const docx = tmp.put("ours/年度报告.docx", await createReport(result, "示例台账.xlsx", NOW));
    const run = await publish(docx, "ours-page");
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain(`已写入网页版：${run.file}`);
    const fromDocx = readBack(run.bytes as Uint8Array);
    expect(numbers(fromDocx.tables)).toEqual(numbers(result.tables));
    expect(fromDocx.findings).toEqual([]);
    // The document's words, every paragraph as it was, in order (the page adds only its <title> and captions).
    const read = htmlText(new TextDecoder().decode(run.bytes as Uint8Array)).paragraphs;
    const own = docxParagraphs(readFileSync(docx));
    expect(read.filter((p) => own.includes(p))).toEqual(own);
  });

  test("the real 淮安 2024 tables as a tables JSON: the tables exact; only the text still to write is found", async () => {
    const json = tmp.put("淮安/统计表.json", JSON.stringify(huaian));
    const run = await publish(json, "huaian");
    expect(run.code).toBe(0);
    // A tables JSON brings no text of its own: the page says what is still to be written, and the check too.
    expect(run.out).toContain("注意：网页中还有14处待填写的内容");
    expect(run.out).toContain("【请填写：存在的主要问题】");
    const back = readBack(run.bytes as Uint8Array);
    expect(numbers(back.tables)).toEqual(numbers(huaian));
    expect(back.read.tables).toMatchObject({ agency: "淮安市人民政府", year: 2024, format: "2021" });
    // Each finding is of the text still to write: R10 the prompts themselves, C2 a 五 holding only its prompt, C3 a
    // 六 not yet saying whether a fee was charged, R13 a 人民政府's 一 not yet stating 考核、评议、追究.
    expect([...new Set(back.findings.map((f) => f.rule))].sort()).toEqual(["C2", "C3", "R10", "R13"]);

    // With the text 报告信息 gives, nothing at all.
    const filled = withInfo(
      await compileFile(new Uint8Array(readFileSync(json)), "统计表.json"),
      HUAIAN_TEXT,
    );
    const page = readBack(new TextEncoder().encode(pageHtml(pageOfResult(filled))));
    expect(numbers(page.tables)).toEqual(numbers(huaian));
    expect(page.findings).toEqual([]);
  });

  test("a .docx written by hand: bold runs, lists and its own table kept; 表二/三/四 the template's", async () => {
    const docx = tmp.put("hand/报告.docx", await handDocx(huaian));
    const run = await publish(docx, "hand");
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(run.out).toContain("「报告.docx」：按表格文字读取；机关：淮安市人民政府；年度：2024；2021年格式");
    const html = new TextDecoder().decode(run.bytes as Uint8Array);
    const back = readBack(run.bytes as Uint8Array);
    expect(back.read.problems).toEqual([]);
    expect(numbers(back.tables)).toEqual(numbers(huaian));
    expect(back.findings).toEqual([]);

    const [before, bold, after] = HAND_TEXT.bold;
    expect(html).toContain(`<p>${before}<strong>${bold}</strong>${after}</p>`);
    expect(html).toContain(`<ul>\n${HAND_TEXT.bullets.map((b) => `<li>${b}</li>`).join("\n")}\n</ul>`);
    // Word's numbers as people see them, in the paragraph.
    HAND_TEXT.numbered.forEach((n, i) => expect(html).toContain(`<p>${i + 1}.${n}</p>`));
    expect(html).toContain(
      '<h1 style="text-align:center">淮安市人民政府<br>2024年政府信息公开工作年度报告</h1>',
    );
    for (const s of getFormat("2021").sections) expect(html).toContain(`<h2>${s.heading}</h2>`);
    // The caption lines typed above the tables became the tables' captions; the tables have the template's merges.
    const tables = pageTables(html);
    expect(tables.map((t) => t.caption)).toEqual([
      "表二 主动公开政府信息情况",
      "表三 收到和处理政府信息公开申请情况",
      "表四 政府信息公开行政复议、行政诉讼情况",
      "",
    ]);
    expect(html.match(/表三 收到和处理政府信息公开申请情况/g)).toHaveLength(1);
    const merges = templateMerges(getFormat("2021"));
    expect(tables.slice(0, 3).map(mergesOf)).toEqual([merges.t2, merges.t3, merges.t4]);
    // Its own table, as Word has it, its first row the header.
    expect(tables[3].rows.map((r) => r.map((c) => `${c.tag}:${c.text}`))).toEqual([
      ["th:联系部门", "th:办公室"],
      ["td:联系电话", "td:0517-83600000"],
    ]);
    // Every paragraph people wrote, word for word and in order (captions aside).
    const read = htmlText(html).paragraphs;
    const own = docxParagraphs(readFileSync(docx)).filter((p) => !/^表[二三四] /.test(p));
    expect(read.filter((p) => own.includes(p))).toEqual(own);
  });

  test("headings numbered by Word's list button, captions typed other ways: headings, and no words lost", async () => {
    const docx = tmp.put(
      "hand2/报告.docx",
      await handDocx(huaian, {
        ...HAND_TEXT,
        listHeadings: true,
        caption: (name, title) =>
          name === "表二"
            ? `${name} ${title}（单位：件）`
            : name === "表三"
              ? `附${name}`
              : `${name}：${title}`,
      }),
    );
    const run = await publish(docx, "hand2");
    expect(run).toMatchObject({ code: 0, err: "" });
    const html = new TextDecoder().decode(run.bytes as Uint8Array);
    // The numbers Word's list gives the headings, in the headings.
    for (const s of getFormat("2021").sections) expect(html).toContain(`<h2>${s.heading}</h2>`);
    // 「附表三」 and 「表四：…」 became the captions; the line saying 单位 stays, words and all.
    expect(html).not.toContain("<p>附表三</p>");
    expect(html).not.toContain("<p>表四：");
    expect(html).toContain("<p>表二 主动公开政府信息情况（单位：件）</p>");
    expect(pageTables(html).map((t) => t.caption)).toEqual([
      "表二 主动公开政府信息情况",
      "表三 收到和处理政府信息公开申请情况",
      "表四 政府信息公开行政复议、行政诉讼情况",
      "",
    ]);
    const back = readBack(run.bytes as Uint8Array);
    expect(numbers(back.tables)).toEqual(numbers(huaian));
    expect(back.findings).toEqual([]);
  });

  test("in GBK: GBK's bytes, its charset declared, a character GBK lacks as &#x…;, read back the same", async () => {
    const docx = tmp.put(
      "gbk/报告.docx",
      await handDocx(huaian, { ...HAND_TEXT, more: ["联系人：𠮷先生（龦）。"] }),
    );
    const run = await publish(docx, "gbk", "--encoding", "gbk");
    expect(run.code).toBe(0);
    expect(run.out).toContain("GBK 编码");
    const bytes = run.bytes as Uint8Array;
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const text = new TextDecoder("gb18030").decode(bytes);
    expect(text).toContain('<meta charset="GBK">');
    expect(text).toContain("<p>联系人：&#x20BB7;先生（&#x9FA6;）。</p>");
    // The same page as in UTF-8, but for its charset and those references.
    const utf8 = await publish(docx, "gbk-utf8");
    expect(text.replace("GBK", "utf-8").replace("&#x20BB7;", "𠮷").replace("&#x9FA6;", "龦")).toBe(
      new TextDecoder().decode(utf8.bytes as Uint8Array),
    );
    const back = readBack(bytes);
    expect(numbers(back.tables)).toEqual(numbers(huaian));
    expect(back.findings).toEqual([]);
    expect(back.read.paragraphs).toContain("联系人：𠮷先生（龦）。");
  });
});

/** A .docx that is no report: a meeting notice. */
const notice = async () =>
  new Uint8Array(
    await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph("关于召开政务公开工作会议的通知")] }] }),
    ),
  );

describe("the command line", () => {
  test("publish on a .docx and on a tables JSON returns the files it wrote", async () => {
    const json = tmp.put("files/统计表.json", JSON.stringify(huaian));
    const docx = tmp.put("files/报告.docx", await handDocx(huaian));
    for (const input of [json, docx]) {
      const dir = path.join(tmp.dir, "files", path.extname(input).slice(1));
      const { files, failed } = await runPublish(input, { o: dir });
      // The page, and the 图解 beside it: its PNG where the font search finds a Chinese font on this machine
      // (how it searches, and the PNG itself, are test/publish-graphic's).
      const graphic = [GRAPHIC_SVG, ...(findCjkFont() ? [GRAPHIC_PNG] : [])];
      expect({ files, failed }).toEqual({
        files: [PAGE_FILE, ...graphic].map((f) => path.join(dir, f)),
        failed: false,
      });
      expect(readFileSync(files[0], "utf8")).toMatch(/^<!DOCTYPE html>/);
    }
  });

  test("what is no report is refused in Chinese, exit 1, nothing written; usage mistakes exit 2", async () => {
    const cases: [string[], number, RegExp][] = [
      [[path.join(tmp.dir, "没有这个文件.docx")], 1, /找不到文件/],
      [[tmp.put("bad/文字.docx", "这不是 Word 文档")], 1, /不是能读取的 Word 文档.*另存为 \.docx/],
      [
        [tmp.put("bad/网页.html", "<html><body><p>年度报告</p></body></html>")],
        1,
        /不是 Word 文档（\.docx）/,
      ],
      [[tmp.put("bad/报告.pdf", "%PDF-1.4\n%…")], 1, /不是 Word 文档（\.docx）.*另存为 \.docx/],
      [[tmp.put("bad/通知.docx", await notice())], 1, /「通知\.docx」中的表格未能全部读取：.*表三/],
      [[tmp.put("bad/坏.json", "{")], 1, /不是有效的 JSON/],
    ];
    for (const [args, code, message] of cases) {
      const dir = path.join(tmp.dir, "bad-out");
      const run = await call(["publish", ...args, "-o", dir]);
      expect({ code: run.code, err: run.err }).toEqual({ code, err: expect.stringMatching(message) });
      expect(run.err).toMatch(/^错误：/);
      expect(existsSync(path.join(dir, PAGE_FILE))).toBe(false);
    }
    const json = tmp.put("usage/统计表.json", JSON.stringify(huaian));
    const usage: [string[], RegExp][] = [
      [["publish"], /publish 需要一个报告/],
      [["publish", json], /需要用 -o 指定输出目录/],
      [["publish", json, "-o", tmp.dir, "--encoding", "big5"], /--encoding 只能是 utf-8 或 gbk/],
      [["publish", json, "-o", json], /是一个文件；-o 应给出一个目录/],
    ];
    for (const [args, message] of usage) {
      const run = await call(args);
      expect({ code: run.code, err: run.err }).toEqual({ code: 2, err: expect.stringMatching(message) });
    }
  });
});

const web = needs("chromium");

web.test("axe-core in Chromium: no WCAG 2.1 A/AA violation on the pages, UTF-8 and GBK", async () => {
  const pages = [
    { name: "ours", html: pageHtml(pageOfResult(compileWorkbook(sampleWorkbook()))) },
    {
      name: "huaian",
      html: pageHtml(
        pageOfResult(
          withInfo(
            await compileFile(new TextEncoder().encode(JSON.stringify(huaian)), "t.json"),
            HUAIAN_TEXT,
          ),
        ),
      ),
    },
  ].map((p) => tmp.put(`axe/${p.name}.html`, p.html));
  const docx = tmp.put("axe/报告.docx", await handDocx(huaian));
  for (const encoding of ["utf-8", "gbk"]) {
    const dir = `axe-${encoding}`;
    expect((await publish(docx, dir, "--encoding", encoding)).code).toBe(0);
    pages.push(path.join(tmp.dir, dir, PAGE_FILE));
  }
  const browser = await chromium.launch(CHROMIUM);
  try {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    for (const file of pages) {
      await page.goto(pathToFileURL(file).href);
      // The file as the browser decoded it (GBK by its <meta charset>).
      expect(await page.locator("caption").first().textContent()).toBe("表二 主动公开政府信息情况");
      expect({ file, violations: await axeViolations(page) }).toEqual({ file, violations: [] });
    }
    // Nothing but the pages themselves was fetched.
    expect(requested.filter((u) => !u.startsWith("file:"))).toEqual([]);
  } finally {
    await browser.close();
  }
});
