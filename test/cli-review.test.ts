/**
 * @jest-environment ./test/pdf-environment.js
 *
 * `review` on a folder of units made from a real published report's tables (淮安, test/fixtures) in the forms we
 * read — web pages (UTF-8 and GBK), a tables JSON, a register, a report of another year, a scanned PDF, PDFs LibreOffice exported,
 * a damaged .docx, a file that is no report —, one unit with real arithmetic errors, one whose text contradicts
 * its tables, one missing from the list, and last year's folder with a unit named another way; files named as
 * offices name them (test/corpus/unit-names.json) matched to the list, and letters and notes that are no unit. Every status and
 * the totals are worked out here from how each unit was made, never from the code under test.
 */
import { REVIEW_SHEET_NAMES } from "../src/report/reviewSheets";
import { ruleSetRows } from "../src/report/rules/parse";
import { defaultRuleSet, RULES } from "../src/report/rules/ruleset";
import { mkdirSync } from "fs";
import path from "path";
import { call, tempFolder } from "./cli-harness";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import type { TableSet } from "../src/report/tables/tables";
import { readWorkbook } from "../src/workbook/read";
import { workbookBuffer } from "../src/workbook/write";
import { huaianTables } from "./fixtures";
import { gbk, lastYearOf, reportHtml } from "./reports";
import { readdirSync, readFileSync } from "fs";
import { reportText } from "../src/load/report";
import { SCANNED } from "../src/load/pdf";
import { scannedPdf } from "./pdfs";
import { NOW } from "./docx";
import { pdfText, sofficeAll, squeeze } from "./office";
import { needs } from "./tools";
import { createReport, renderBlocks } from "../src/docx";

const folder = tempFolder("ogi-review-");
const put = folder.put;

/** The published tables as another unit's, of 2025. */
const unit = (agency: string, year = 2025): TableSet => ({ ...huaianTables(), agency, year });

test("a folder of units: each status, each finding that must be corrected, the totals, the workbook", async () => {
  const good = unit("甲局");
  put("units/甲局.html", reportHtml(good));
  // 乙局: 表三's 「本年新收」 自然人 typed 10 too many — the column (P1) and the row (S2) no longer add up.
  const wrong = unit("乙局");
  wrong.t3 = { ...wrong.t3, new: wrong.t3.new.map((v, i) => (i === 0 ? (v as number) + 10 : v)) };
  put("units/街道/乙局.htm", gbk(reportHtml(wrong, {}, "gbk")));
  // 丙局: its text says it received 3000 applications; its table says 3119 (X3).
  const said = unit("丙局");
  put("units/丙局.html", reportHtml(said, { paragraphs: ["2025年，本机关共收到政府信息公开申请3000件。"] }));
  put("units/丁局.json", JSON.stringify(unit("丁局")));
  const register = compileWorkbook(sampleWorkbook());
  put("units/台账/住建局台账.xlsx", await workbookBuffer(sampleWorkbook()));
  put("units/己局.html", reportHtml(unit("己局", 2024)));
  put("units/庚局.pdf", scannedPdf());
  put("units/辛局.docx", "PK\u0003\u0004 not really a document");
  put("units/说明.md", "本文件夹为各单位年报");
  put("名单.txt", "单位\n甲局\n乙局\n丙局\n丁局\n戊局\n");
  // Last year: 甲局 named with its city; what it carried over and what was in force follow into this year
  // (X1, X2 hold), except one: its 自然人 结转 is one more than 甲局 carried this year (the real break, X1).
  const last = lastYearOf(good, "某市甲局");
  const carried = good.t3.carry as number[];
  last.t3 = { ...last.t3, fwd: carried.map((v, i) => (i === 0 || i === 6 ? v + 1 : v)) };
  put("last/甲局2024.html", reportHtml(last));

  const out = path.join(folder.dir, "审核结果.xlsx");
  const r = await call([
    "review",
    path.join(folder.dir, "units"),
    "--units",
    path.join(folder.dir, "名单.txt"),
    "--previous",
    path.join(folder.dir, "last"),
    "--year",
    "2025",
    "-o",
    out,
    "--letters",
    path.join(folder.dir, "审核意见"),
    "--agency",
    "某市人民政府办公室",
    "--json",
  ]);
  expect(r.code).toBe(1);
  const data = JSON.parse(r.out);
  const status = Object.fromEntries(
    data.units.map((u: { unit: string; status: string }) => [u.unit, u.status]),
  );
  expect(status).toEqual({
    甲局: "有提示", // X1 against last year, a warning
    乙局: "需修改",
    丙局: "需修改",
    丁局: "通过",
    [register.tables.agency]: register.checks.length ? "有提示" : "通过",
    己局: "年度不符",
    庚局: "无法读取",
    辛局: "无法读取",
  });
  expect(data.missing).toEqual(["戊局"]);
  expect(data.skipped.map((s: { file: string }) => path.basename(s.file))).toEqual(["说明.md"]);
  const find = (name: string) => data.units.find((u: { unit: string }) => u.unit === name);
  expect(find("甲局").previous).toBe("甲局2024.html");
  expect(find("甲局").findings.map((f: { rule: string; where: string }) => `${f.rule}:${f.where}`)).toEqual([
    "X1:t3.carry.natural",
    "X1:t3.carry.total",
  ]);
  expect(find("乙局").findings.map((f: { rule: string; where: string }) => `${f.rule}:${f.where}`)).toEqual(
    expect.arrayContaining(["P1:t3.*.natural", "S2:t3.new.total"]),
  );
  expect(find("丙局").x3).toBe(1);
  expect(find("丙局").findings[0].message).toContain("3000");
  expect(find("庚局").reason).toBe(`「庚局.pdf」是${SCANNED}`);
  expect(data.year).toBe(2025);
  // The total: every unit of 2025 that was read, 乙局 (需修改) included; 己局 (2024) and the unreadable left out.
  const counted = [good, wrong, said, unit("丁局"), register.tables];
  const sum = (key: string, i: number) => counted.reduce((s, t) => s + ((t.t3[key]?.[i] as number) ?? 0), 0);
  expect(data.rollup.t3.new).toEqual([0, 1, 2, 3, 4, 5, 6].map((i) => sum("new", i)));
  expect(data.rollup.units.sort()).toEqual(["丁局", "丙局", "乙局", "甲局", register.tables.agency].sort());
  // The fee: the register's, and each report's as its 六 states it (「本年度未收取信息处理费」: 0); 丁局's tables
  // JSON says none, so the total is unknown and 丁局 named, beside the four units' sum.
  expect(register.tables.feeYuan).toBeGreaterThan(0);
  expect(unit("丁局").feeYuan).toBeUndefined();
  expect(data.rollup.fee).toContain("「丁局」的信息处理费金额不详");
  expect(data.rollup.fee).toContain(`其余4个单位共${register.tables.feeYuan}元`);
  // 汇总分析 in the json: the same units as the total (its 新收 their sum), 甲局's 同比 against its report of
  // 2024 (whose 新收 is this year's: 0), and 淮安's 64 复议 corrected marked in each unit made of its tables.
  expect(data.analysis.units.map((u: { unit: string }) => u.unit).sort()).toEqual(data.rollup.units.sort());
  expect(data.analysis.total.new).toBe(data.rollup.t3.new[6]);
  const analysed = (name: string) => data.analysis.units.find((u: { unit: string }) => u.unit === name);
  expect(analysed("甲局").newChange).toBe(0);
  expect(analysed("丁局").reasons).toContain("行政复议结果纠正 64 件");

  const wb = await readWorkbook(new Uint8Array(readFileSync(out)), "审核结果.xlsx");
  expect(wb.sheets.map((s) => s.name)).toEqual([...REVIEW_SHEET_NAMES]);
  // The 审核要点 it applied (none given: the national defaults), as an office may edit and give them back.
  expect(wb.sheets[4].rows.slice(1).map((row) => row.map((c) => String(c ?? "")))).toEqual(
    ruleSetRows(defaultRuleSet()).map((row) => row.map(String)),
  );
  expect(wb.sheets[2].rows.map((row) => String(row[0] ?? ""))).toContain(data.rollup.fee);
  const overview = wb.sheets[0].rows;
  expect(overview[0]).toEqual([
    "单位",
    "文件",
    "年度",
    "格式",
    "读取方式",
    "状态",
    "错误",
    "提示",
    "其中正文与表格不符",
    "与上年衔接",
    "发布日期",
    "日期来源",
    "是否按时",
    "雷同（最高比例及对象）",
  ]);
  const shown = Object.fromEntries(overview.slice(1).map((row) => [row[0], row[5]]));
  expect(shown).toEqual({ ...status, 戊局: "未报送" });
  const issues = wb.sheets[1].rows.slice(1);
  expect(wb.sheets[1].rows[0]).toEqual(["单位", "规则", "严重程度", "位置", "说明", "原文"]);
  // 原文: X3's sentence as written; a table finding's row as read, its numbers as typed (乙局's 自然人 +10).
  expect(issues.filter((row) => row[0] === "丙局" && row[1] === "X3").map((row) => row[5])).toEqual([
    "2025年，本机关共收到政府信息公开申请3000件。",
  ]);
  const newRow = issues.find(
    (row) => row[0] === "乙局" && row[3] === "表三「一、本年新收政府信息公开申请数量」「总计」",
  );
  expect(newRow?.[5]).toBe(
    `表三「一、本年新收政府信息公开申请数量」：${(wrong.t3.new as number[]).join("、")}`,
  );
  expect(wb.sheets[5].rows.slice(1)).toEqual([["戊局"]]);

  // Letters: one for each unit that must correct its report or sent another year's, none for those that passed.
  const letters = readdirSync(path.join(folder.dir, "审核意见")).sort();
  expect(letters).toEqual(
    ["丙局审核意见.docx", "乙局审核意见.docx", "己局审核意见.docx", "通报.docx"].sort(),
  );
  const text = (file: string) =>
    reportText(
      new Uint8Array(readFileSync(path.join(folder.dir, "审核意见", file))),
      file,
    ).text.paragraphs.join("\n");
  const toB = text("乙局审核意见.docx");
  expect(toB).toContain("关于《乙局2025年政府信息公开工作年度报告》的审核意见");
  for (const f of find("乙局").findings.filter((x: { severity: string }) => x.severity === "error"))
    expect(toB).toContain(f.message);
  expect(toB).toContain("某市人民政府办公室");
  // Grouped by rule, each group naming the rule and its source.
  for (const rule of ["P1", "S2"]) {
    const def = RULES.find((x) => x.id === rule);
    expect(toB).toContain(`${def?.name}（${rule}，依据：${def?.source}）`);
  }
  expect(text("丙局审核意见.docx")).toContain("3000");
  expect(text("己局审核意见.docx")).toMatch(/2024年度.*2025年度/);
  const circular = text("通报.docx");
  const count = (s: string) => Object.values(status).filter((x) => x === s).length;
  expect(circular).toContain(
    `通过${count("通过")}个、有提示${count("有提示")}个、需修改2个、年度不符1个、无法读取2个、未报送1个`,
  );
  expect(circular).toMatch(/未报送（1个）\n戊局。/);
});

test("a unit that sent several files is one unit: counted once when they agree, asked which stands when not", async () => {
  const dir = "twice";
  // 甲局: its web page and its tables JSON, the same numbers.
  put(`${dir}/甲局.html`, reportHtml(unit("甲局")));
  put(`${dir}/表格/甲局.json`, JSON.stringify(unit("甲局")));
  // 乙局: its page, and a JSON whose 表三 「（一）予以公开」 自然人 is one less.
  put(`${dir}/乙局.html`, reportHtml(unit("乙局")));
  const other = unit("乙局");
  const granted = other.t3.grant as number[];
  other.t3 = { ...other.t3, grant: granted.map((v, i) => (i === 0 ? v - 1 : v)) };
  put(`${dir}/乙局.json`, JSON.stringify(other));
  // 丙局: this year's page and last year's JSON; 丁局: its page and a scan of it.
  put(`${dir}/丙局.html`, reportHtml(unit("丙局")));
  put(`${dir}/丙局2024.json`, JSON.stringify(unit("丙局", 2024)));
  put(`${dir}/丁局.html`, reportHtml(unit("丁局")));
  put(`${dir}/丁局.pdf`, scannedPdf());
  const out = path.join(folder.dir, "twice.xlsx");
  const r = await call(["review", path.join(folder.dir, dir), "--year", "2025", "-o", out, "--json"]);
  const data = JSON.parse(r.out);
  const by = (name: string) => data.units.find((u: { unit: string }) => u.unit === name);
  expect(data.units.map((u: { unit: string }) => u.unit).sort()).toEqual(
    ["丁局", "丙局", "乙局", "甲局"].sort(),
  );
  expect(by("甲局").status).toBe("通过");
  expect(
    by("甲局")
      .file.split("、")
      .map((f: string) => path.basename(f))
      .sort(),
  ).toEqual(["甲局.html", "甲局.json"]);
  expect(by("乙局").status).toBe("需修改");
  expect(
    by("乙局")
      .findings.filter((f: { rule: string }) => f.rule === "文件")
      .map((f: { message: string }) => f.message),
  ).toEqual([
    `同一单位报送的文件数字不同：表三「（一）予以公开」「自然人」在「乙局.html」中为${granted[0]}，在「乙局.json」中为${granted[0] - 1}；请确认以哪一份为准（暂未计入汇总）`,
  ]);
  const skipped = Object.fromEntries(
    data.skipped.map((s: { file: string; reason: string }) => [path.basename(s.file), s.reason]),
  );
  expect(skipped).toEqual({
    "丙局2024.json": "同一单位另有2025年度的文件「丙局.html」；此文件为2024年度",
    "丁局.pdf": `同一单位另有可以读取的文件「丁局.html」；此文件：「丁局.pdf」是${SCANNED}`,
  });
  // The total: 甲局 once, 丙局 and 丁局; not 乙局 until it says which file stands.
  expect(data.rollup.units.sort()).toEqual(["丁局", "丙局", "甲局"].sort());
  const t3new = (unit("甲局").t3.new as number[]).map((v) => v * 3);
  expect(data.rollup.t3.new).toEqual(t3new);
  const wb = await readWorkbook(new Uint8Array(readFileSync(out)), "twice.xlsx");
  const total = wb.sheets.find((sh) => sh.name === "汇总")?.rows.map((row) => String(row[0] ?? "")) ?? [];
  expect(total).toContain("未计入的单位：乙局（报送的几份文件数字不同，待确认以哪一份为准）");
});

test("files that cannot be read are still the unit's: 无法读取, saying why and what to ask for — never 未报送", async () => {
  const dir = "formats";
  put(`${dir}/戊局2025年政府信息公开工作年度报告.doc`, "\u00d0\u00cf\u0011\u00e0 an old Word file");
  put(`${dir}/2025年庚局政府信息公开年报.wps`, "an old WPS file");
  put(`${dir}/辛局.ofd`, "PK\u0003\u0004 an OFD file");
  put(`${dir}/壬局.jpg`, "\u00ff\u00d8\u00ff a photo of a page");
  put(`${dir}/各乡镇.zip`, "PK\u0003\u0004 an archive");
  put(`${dir}/甲局.html`, reportHtml(unit("甲局")));
  put("formats-list.txt", "甲局\n戊局\n庚局\n辛局\n壬局\n癸局\n");
  const r = await call([
    "review",
    path.join(folder.dir, dir),
    "--units",
    path.join(folder.dir, "formats-list.txt"),
    "--year",
    "2025",
    "--json",
  ]);
  const data = JSON.parse(r.out);
  const reasons = Object.fromEntries(
    data.units.map((u: { unit: string; status: string; reason?: string }) => [u.unit, [u.status, u.reason]]),
  );
  expect(reasons).toEqual({
    甲局: ["通过", undefined],
    // Neither a Word 97-2003 file (half its signature), nor RTF, a web page or a .docx.
    戊局: [
      "无法读取",
      expect.stringMatching(/^「戊局2025年政府信息公开工作年度报告\.doc」不是能读取的 Word 文档.*可能已损坏/),
    ],
    庚局: ["无法读取", expect.stringMatching(/^「2025年庚局政府信息公开年报\.wps」不是能读取的 Word 文档/)],
    // A zip cut short under the OFD name.
    辛局: ["无法读取", expect.stringMatching(/^「辛局\.ofd」/)],
    壬局: ["无法读取", "「壬局.jpg」是图片，没有可读取的文字；请提供 Word、网页或 PDF 版本"],
  });
  expect(data.missing).toEqual(["癸局"]);
  expect(
    data.skipped.map((s: { file: string; reason: string }) => [path.basename(s.file), s.reason]),
  ).toEqual([["各乡镇.zip", "压缩包：请先解压，再审核解压出的文件夹"]]);
});

test("units named as offices name their files, matched to the list; letters and notes skipped, never units", async () => {
  const dir = "names";
  // Reports whose titles name no unit (「2025年政府信息公开工作年度报告」): the file's name does.
  const nameless = unit("");
  const page = reportHtml(nameless);
  put(`${dir}/司法局（扫描件）.pdf`, scannedPdf());
  put(`${dir}/01-发改局2025年度政府信息公开工作年度报告（终稿）.html`, page);
  put(`${dir}/城关镇 - 副本.html`, page);
  put(`${dir}/县府办(1).json`, JSON.stringify(nameless));
  put(`${dir}/卫生院2025年报.html`, page);
  // A title names the unit before its file does, in its own short form.
  put(`${dir}/d.html`, reportHtml(unit("县住房城乡建设局")));
  // One unit, two files, two spellings: counted once.
  put(`${dir}/交通局.html`, page);
  put(`${dir}/某县交通运输局.json`, JSON.stringify(unit("某县交通运输局")));
  // A report whose tables are missing, and one pasted into a .txt: the unit's, 无法读取 with why.
  const sections = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"];
  put(
    `${dir}/某县财政局2025年政府信息公开工作年度报告.docx`,
    await renderBlocks("某县财政局2025年政府信息公开工作年度报告", [
      { kind: "title", lines: ["某县财政局2025年政府信息公开工作年度报告"] },
      ...sections.map((text) => ({ kind: "paragraph" as const, text })),
    ]),
  );
  put(
    `${dir}/某县统计局2025年政府信息公开工作年度报告.txt`,
    `某县统计局2025年政府信息公开工作年度报告\n${sections.join("\n")}\n`,
  );
  // No unit: a note, the letter that sent a report, a note about one, the list itself.
  put(`${dir}/说明.txt`, "本文件夹为各单位报送的年报，共十二份。\n");
  put(
    `${dir}/报送函.docx`,
    await renderBlocks("关于报送某县司法局2025年政府信息公开工作年度报告的函", [
      { kind: "title", lines: ["关于报送某县司法局2025年政府信息公开工作年度报告的函"] },
      { kind: "paragraph", text: "某县人民政府办公室：" },
      { kind: "paragraph", text: "现将我局2025年政府信息公开工作年度报告报送你办，请审阅。" },
      { kind: "paragraph", text: "附件：某县司法局2025年政府信息公开工作年度报告" },
      { kind: "signature", lines: ["某县司法局", "2026年1月15日"] },
    ]),
  );
  put(
    `${dir}/情况说明.html`,
    "<html><body><p>关于我局2025年度政府信息公开工作年度报告有关情况的说明</p><p>因系统升级，我局年度报告推迟报送，特此说明。</p></body></html>",
  );
  const list = [
    "某县人民政府办公室",
    "某县发展和改革局",
    "某县司法局",
    "某县财政局",
    "某县统计局",
    "某县住房和城乡建设局",
    "某县交通运输局",
    "某县城关镇人民政府",
    "某县城关镇卫生院",
    "某县河口镇卫生院",
    "某县应急管理局",
  ];
  put(`${dir}/单位名单.txt`, list.join("\n"));
  put("names-list.txt", `单位名称\n${list.join("\n")}\n`);
  // Last year: 发改局 under its full name, its 结转 and 现行有效 carried into this year (X1, X2 hold); and both
  // health centres, so 卫生院's last year is asked about too.
  const last = lastYearOf(nameless, "");
  put("names-last/某县发展和改革局2024年报.json", JSON.stringify(last));
  put("names-last/某县城关镇卫生院2024.json", JSON.stringify(last));
  put("names-last/某县河口镇卫生院2024.json", JSON.stringify(last));
  const args = [
    "review",
    path.join(folder.dir, dir),
    "--units",
    path.join(folder.dir, "names-list.txt"),
    "--previous",
    path.join(folder.dir, "names-last"),
    "--year",
    "2025",
  ];
  const data = JSON.parse((await call([...args, "--json"])).out);
  const by = (name: string) => data.units.find((u: { unit: string }) => u.unit === name);
  const status = Object.fromEntries(
    data.units.map((u: { unit: string; status: string }) => [u.unit, u.status]),
  );
  // A page whose title names no unit is itself a finding (C4, a warning): 有提示, as the JSON beside it is not.
  expect(status).toEqual({
    某县司法局: "无法读取",
    某县发展和改革局: "有提示",
    某县城关镇人民政府: "有提示",
    某县人民政府办公室: "通过",
    卫生院: "有提示",
    某县住房和城乡建设局: "通过",
    某县交通运输局: "有提示",
    某县财政局: "无法读取",
    某县统计局: "无法读取",
  });
  expect(by("某县司法局").reason).toBe(`「司法局（扫描件）.pdf」是${SCANNED}`);
  expect(by("某县财政局").reason).toContain("未找到表");
  expect(by("某县统计局").reason).toBe(
    "「某县统计局2025年政府信息公开工作年度报告.txt」是纯文本的年报，不能读取其中的统计表；请提供 Word、网页或 PDF 版本",
  );
  // 卫生院 may be either health centre: both named, neither chosen, neither 未报送 meanwhile.
  expect(by("卫生院").between).toEqual(["某县城关镇卫生院", "某县河口镇卫生院"]);
  const asked = by("卫生院").findings.filter((f: { rule: string }) => f.rule !== "C4");
  expect(asked.map((f: { rule: string; message: string }) => [f.rule, f.message])).toEqual([
    [
      "上年",
      "上年的报告中「某县城关镇卫生院」或「某县河口镇卫生院」都可能是本单位，未核对与上年的衔接（X1、X2）；请确认是哪一个",
    ],
    [
      "单位",
      "文件名「卫生院2025年报.html」可能是名单中的「某县城关镇卫生院」或「某县河口镇卫生院」，请确认是哪一个单位（确认之前，这2个单位都不列为未报送）",
    ],
  ]);
  expect(data.missing).toEqual(["某县应急管理局"]);
  // Last year's 发改局 found under its full name; its X1 and X2 hold (its one finding is C4).
  expect(by("某县发展和改革局").previous).toBe("某县发展和改革局2024年报.json");
  expect(by("某县发展和改革局").findings.map((f: { rule: string }) => f.rule)).toEqual(["C4"]);
  expect(
    by("某县交通运输局")
      .file.split("、")
      .map((f: string) => path.basename(f))
      .sort(),
  ).toEqual(["交通局.html", "某县交通运输局.json"].sort());
  const skipped = Object.fromEntries(
    data.skipped.map((x: { file: string; reason: string }) => [path.basename(x.file), x.reason]),
  );
  const noLedger = "只有文字，没有台账的表头或分列的数据";
  const noReport = "没有年报的标题（「…政府信息公开工作年度报告」）、年报的各部分标题或统计表";
  expect(skipped).toEqual({
    "说明.txt": `不是年报、台账或统计表：「说明.txt」${noLedger}`,
    "单位名单.txt": `不是年报、台账或统计表：「单位名单.txt」${noLedger}`,
    "报送函.docx": `不是年报、台账或统计表：「报送函.docx」${noReport}`,
    "情况说明.html": `不是年报、台账或统计表：「情况说明.html」${noReport}`,
  });
  // The total: the six units read (卫生院 included: its numbers are its own), 交通运输局 once.
  expect(data.rollup.units.length).toBe(6);
  expect(data.rollup.t3.new).toEqual((nameless.t3.new as number[]).map((v) => v * 6));
  // The unit's row says which two, in the text and in the workbook's 总览.
  const out = path.join(folder.dir, "names.xlsx");
  const text = (await call([...args, "-o", out])).out;
  const row = "卫生院（名单中的「某县城关镇卫生院」或「某县河口镇卫生院」？待确认）";
  expect(text).toContain(`  有提示  ${row}（0个错误、3个提示）`); // C4, 上年, 单位
  expect(text).toMatch(/已跳过 {2}.*报送函\.docx：不是年报、台账或统计表/);
  const wb = await readWorkbook(new Uint8Array(readFileSync(out)), "names.xlsx");
  expect(wb.sheets[0].rows.map((r) => r[0])).toContain(row);
});

test("a folder with a link that loops back is walked once; a review of nothing is a usage error", async () => {
  const loop = path.join(folder.dir, "loop");
  put("loop/a/丁局.json", JSON.stringify(unit("丁局")));
  const { symlinkSync } = await import("fs");
  symlinkSync(loop, path.join(loop, "a", "back"));
  const r = await call(["review", loop, "--json"]);
  const data = JSON.parse(r.out);
  expect(data.units.map((u: { unit: string }) => u.unit)).toEqual(["丁局"]);
  const empty = path.join(folder.dir, "empty");
  mkdirSync(empty);
  expect((await call(["review", empty])).code).toBe(2);
});

const office = needs("soffice", "pdftotext", "cjkFont");

office.test(
  "PDF units as LibreOffice exports them (from our .docx, from a GBK web page), a hand-made .docx; the letters read back as printed",
  async () => {
    const dir = path.join(folder.dir, "pdf");
    const ours = compileWorkbook(sampleWorkbook());
    const docx = put("pdf/src/壬局.docx", await createReport(ours, "台账.xlsx", NOW));
    // 癸局: its 表三 「本年新收」 自然人 typed 10 too many, as 乙局's above.
    const wrong = unit("癸局");
    wrong.t3 = { ...wrong.t3, new: wrong.t3.new.map((v, i) => (i === 0 ? (v as number) + 10 : v)) };
    const page = put("pdf/src/癸局.html", gbk(reportHtml(wrong, {}, "gbk")));
    // 子局: a hand-made Word report — a published page saved as .docx by LibreOffice, no data of ours in it.
    const handmade = put("pdf/src/子局.html", reportHtml(unit("子局")));
    mkdirSync(path.join(dir, "units"));
    sofficeAll([docx], "pdf", path.join(dir, "units"));
    sofficeAll([page], "pdf", path.join(dir, "units"));
    sofficeAll([handmade], "docx", path.join(dir, "units"));
    const letters = path.join(dir, "审核意见");
    const r = await call([
      "review",
      path.join(dir, "units"),
      "--year",
      "2025",
      "--letters",
      letters,
      "--json",
    ]);
    const data = JSON.parse(r.out);
    const by = (name: string) => data.units.find((u: { unit: string }) => u.unit === name);
    expect(by(ours.tables.agency).status).toBe(ours.checks.length ? "有提示" : "通过");
    expect(by(ours.tables.agency).format).toBeDefined();
    expect(by("癸局").status).toBe("需修改");
    const rules = by("癸局").findings.map((f: { rule: string; where: string }) => `${f.rule}:${f.where}`);
    expect(rules).toEqual(expect.arrayContaining(["P1:t3.*.natural", "S2:t3.new.total"]));
    expect(by("子局")).toMatchObject({
      status: "通过",
      source: "labels",
      file: expect.stringMatching(/子局\.docx$/),
    });
    // Both PDFs and the hand-made .docx counted in the total, their numbers as made.
    const made = [ours.tables, wrong, unit("子局")];
    expect(data.rollup.t3.new).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((i) => made.reduce((n, t) => n + (t.t3.new[i] as number), 0)),
    );
    // The letter and the circular as LibreOffice prints them.
    const [letter, circular] = sofficeAll(
      [path.join(letters, "癸局审核意见.docx"), path.join(letters, "通报.docx")],
      "pdf",
      dir,
    );
    const printed = pdfText(letter);
    expect(printed).toContain(squeeze("关于《癸局2025年政府信息公开工作年度报告》的审核意见"));
    for (const f of by("癸局").findings.filter((x: { severity: string }) => x.severity === "error"))
      expect(printed).toContain(squeeze(f.message));
    expect(pdfText(circular)).toContain(squeeze(`需修改1个`));
  },
  240000,
);
