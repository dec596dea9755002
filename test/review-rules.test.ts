/**
 * The review's own rules over a batch, end to end through `review`: R1 (a page's publication date late for a
 * department, the list's date winning over the page's, a 人民政府's report held to 3月31日, no date 无法判断) and R29
 * (one unit's text copied by another, and a unit repeating its last year's text with other numbers), in the 总览's
 * columns, the 问题清单 with its 原文, the letters grouped by rule with their sources, `--json`; then the same batch
 * under an office's 审核要点 (.csv): 雷同 off, its own deadline — each status worked out here from how each unit was
 * made. The narratives are written for this test, each about its own work, so that only the copies share text.
 */
import { readdirSync, readFileSync } from "fs";
import path from "path";
import { call, tempFolder } from "./cli-harness";
import { reportText } from "../src/load/report";
import { RULES } from "../src/report/rules/ruleset";
import type { TableSet } from "../src/report/tables/tables";
import { readWorkbook } from "../src/workbook/read";
import { huaianTables } from "./fixtures";
import { lastYearOf, reportHtml } from "./reports";

const folder = tempFolder("ogi-review-rules-");
const put = folder.put;

const unit = (agency: string, year = 2025): TableSet => ({ ...huaianTables(), agency, year });

const A =
  "本局围绕优化营商环境，在门户网站开设惠企政策专栏，集中发布减税降费、融资支持和用工服务等政策文件，并配套制作图解和问答材料。针对企业反映的办事难点，梳理高频事项清单，逐项明确办理流程、所需材料和承诺时限。全年组织政策宣讲进园区活动，邀请企业代表参与政策制定前的意见征集，对采纳情况逐条反馈。依申请公开方面，严格执行登记、审核、答复流程，答复文书统一使用规范格式，确保依法按时答复。";
const C =
  "今年以来，我局把政务公开与水利工程建设管理结合起来，重点公开防汛抗旱、河湖长制、水资源管理等领域信息。在汛期每日更新雨水情和水库蓄水信息，通过短信平台向沿河村组发送预警提示。对重点水利项目，公开项目批复、招投标结果、资金拨付和工程进度，接受群众监督。同时完善信息发布审查机制，实行拟公开信息三级审核，防止泄露敏感信息。加强公开队伍建设，举办业务培训2期，提升工作人员的政策水平和答复能力。";
const D =
  "在医疗卫生领域，本委持续推动医疗服务价格、药品集中采购、医保报销政策等群众关心的信息公开。各医疗机构在门诊大厅设置信息公示屏，公布科室设置、专家出诊时间和收费标准。围绕分级诊疗和家庭医生签约服务，编写通俗易懂的宣传手册发放到社区。对群众来电来信反映的问题，建立台账跟踪办理，限期反馈结果。全面梳理本委制发的文件，对不再适用的及时宣布失效，并在网站集中公布清理结果。";
const E =
  "本局聚焦教育公平和学校管理，主动公开招生入学政策、学区划分方案、学生资助项目及发放情况。每年春季提前发布义务教育招生工作方案，通过家长会、公众号和学校公告栏多渠道解读。对校园安全、食堂食品安全检查结果定期通报，接受家长监督。完善教育收费公示制度，各学校在醒目位置公示收费项目、标准和依据，设立投诉电话。推进教育督导报告公开，督导发现的问题限期整改并公开整改情况。";
const F =
  "县政府坚持以公开促落实，围绕年度重点任务公开推进措施和完成情况，每季度在政府网站发布重点工作进展。推进基层政务公开标准化规范化，各乡镇便民服务中心设立政务公开专区，提供查阅和咨询服务。将政务公开工作纳入年度工作考核，组织开展社会评议，邀请人大代表、政协委员和群众代表参与评议打分，对工作推进不力的单位进行通报并依规实施责任追究。主要负责同志带头解读重要政策。";

/** A portal's page of the unit's report with its text in 一, and its publication date in a <meta> tag. */
function page(t: TableSet, text: string, published?: string): string {
  const html = reportHtml(t, { paragraphs: [text] });
  return published
    ? html.replace("<title>", `<meta name="PubDate" content="${published} 10:30"><title>`)
    : html;
}

beforeAll(() => {
  put("units/甲局.html", page(unit("甲局"), A));
  // 乙局 copied 甲局's text, a word changed.
  put("units/乙局.html", page(unit("乙局"), A.replace("全年", "本年")));
  put("units/丙局.html", page(unit("丙局"), C));
  put("last/丙局2024.html", page(lastYearOf(unit("丙局")), C.replace("2期", "3期")));
  // 丁局 published on 10 February, after the departments' 31 January.
  put("units/丁局.html", page(unit("丁局"), D, "2026-02-10"));
  // 戊局's page says 10 February too, but the list says it was published on 20 January: the list wins.
  put("units/戊局.html", page(unit("戊局"), E, "2026-02-10"));
  // The county's own report, published on 10 March: a 人民政府's deadline is 31 March.
  put("units/某县人民政府.html", page(unit("某县人民政府"), F, "2026-03-10"));
  put("名单.csv", "单位名称,发布日期\n甲局,\n乙局,\n丙局,\n丁局,\n戊局,2026-01-20\n某县人民政府,\n");
});

type Unit = {
  unit: string;
  status: string;
  published: { date: string; source: string } | null;
  onTime: string | null;
  similar: { share: number; with: string } | null;
  findings: { rule: string; severity: string; message: string; quote?: string }[];
};

async function runReview(extra: string[], out: string) {
  const r = await call([
    "review",
    path.join(folder.dir, "units"),
    "--previous",
    path.join(folder.dir, "last"),
    "--units",
    path.join(folder.dir, "名单.csv"),
    "--year",
    "2025",
    "-o",
    out,
    "--letters",
    path.join(path.dirname(out), `${path.basename(out, ".xlsx")}意见`),
    "--json",
    ...extra,
  ]);
  if (!r.out) throw new Error(r.err);
  const data = JSON.parse(r.out) as { units: Unit[]; rules: { from: string } };
  const by = (name: string) => data.units.find((u) => u.unit === name) as Unit;
  return { r, data, by };
}

test("R1 and R29 across a batch: statuses, the 总览's columns, 问题清单's 原文, letters by rule", async () => {
  const out = path.join(folder.dir, "审核结果.xlsx");
  const { data, by } = await runReview([], out);
  const status = Object.fromEntries(data.units.map((u) => [u.unit, u.status]));
  expect(status).toEqual({
    甲局: "需修改", // 雷同 with 乙局
    乙局: "需修改", // 雷同 with 甲局
    丙局: "需修改", // 雷同 with its last year's report
    丁局: "需修改", // published late
    戊局: "通过",
    某县人民政府: "通过",
  });
  expect(data.rules.from).toBe("全国默认");

  const rules = (u: Unit) => u.findings.map((f) => `${f.rule}:${f.severity}`);
  expect(rules(by("甲局"))).toEqual(["R29:error"]);
  expect(rules(by("乙局"))).toEqual(["R29:error"]);
  expect(rules(by("丙局"))).toEqual(["R29:error"]);
  expect(rules(by("丁局"))).toEqual(["R1:error"]);
  // Copies: named with whom, the share high; the copied passage quoted as 原文.
  expect(by("甲局").similar?.with).toBe("乙局");
  expect(by("乙局").similar?.with).toBe("甲局");
  expect(by("甲局").similar?.share).toBeGreaterThan(0.9);
  expect(by("丙局").similar?.with).toContain("上年报告");
  expect(by("丙局").findings[0].message).toContain("丙局2024.html");
  expect(A).toContain(by("甲局").findings[0].quote?.replace(/…$/, "").slice(0, 20));
  // Units that share only the sentences every page made here has (五's, 六's, the aspects' line): under the threshold.
  for (const name of ["丁局", "戊局", "某县人民政府"]) expect(by(name).similar?.share ?? 0).toBeLessThan(0.5);

  // Dates: where read, whether on time.
  expect(by("丁局").published).toEqual({
    date: "2026-02-10",
    source: expect.stringContaining("网页的发布日期"),
  });
  expect(by("丁局").onTime).toBe("逾期");
  expect(by("丁局").findings[0].message).toMatch(/2026年2月10日.*2026年1月31日/);
  expect(by("戊局").published).toEqual({ date: "2026-01-20", source: "单位名单的发布日期" });
  expect(by("戊局").onTime).toBe("按时");
  expect(by("某县人民政府").onTime).toBe("按时");
  expect(by("甲局").onTime).toBe("无法判断");

  const wb = await readWorkbook(new Uint8Array(readFileSync(out)), "审核结果.xlsx");
  const overview = wb.sheets[0].rows;
  const col = (name: string) => (overview[0] as string[]).indexOf(name);
  const row = (name: string) => overview.find((r) => r[0] === name) as unknown[];
  expect(row("丁局")[col("发布日期")]).toBe("2026-02-10");
  expect(row("丁局")[col("是否按时")]).toBe("逾期");
  expect(row("戊局")[col("日期来源")]).toBe("单位名单的发布日期");
  expect(row("甲局")[col("是否按时")]).toBe("无法判断");
  expect(String(row("甲局")[col("雷同（最高比例及对象）")])).toMatch(/^\d+%（乙局）$/);
  const issues = wb.sheets[1].rows.slice(1);
  expect(issues.find((r) => r[0] === "丁局" && r[1] === "R1")?.[5]).toBe("2026-02-10");
  expect(String(issues.find((r) => r[0] === "乙局" && r[1] === "R29")?.[5] ?? "")).not.toBe("");

  // Letters: grouped by rule, each group naming the rule and its source; none for the units that passed.
  const dir = path.join(folder.dir, "审核结果意见");
  expect(readdirSync(dir).sort()).toEqual(
    ["丁局审核意见.docx", "丙局审核意见.docx", "乙局审核意见.docx", "甲局审核意见.docx", "通报.docx"].sort(),
  );
  const text = (file: string) =>
    reportText(new Uint8Array(readFileSync(path.join(dir, file))), file).text.paragraphs.join("\n");
  const r1 = RULES.find((r) => r.id === "R1");
  expect(text("丁局审核意见.docx")).toContain(`${r1?.name}（R1，依据：${r1?.source}）`);
  const r29 = RULES.find((r) => r.id === "R29");
  expect(text("甲局审核意见.docx")).toContain(`${r29?.name}（R29，依据：${r29?.source}）`);
  expect(text("通报.docx")).toMatch(/未按时发布（1个）\n丁局。/);
});

test("an office's 审核要点 (.csv): 雷同 off, its own later deadline — cited as 本级要求; the set written back", async () => {
  const rules = put("审核要点.csv", "编号,启用,处理,参数,参数值\nR29,否,,,\nR1,,,部门截止日期,2月15日\n");
  const out = path.join(folder.dir, "本级.xlsx");
  const { data, by } = await runReview(["--rules", rules], out);
  expect(Object.fromEntries(data.units.map((u) => [u.unit, u.status]))).toEqual({
    甲局: "通过",
    乙局: "通过",
    丙局: "通过",
    丁局: "通过",
    戊局: "通过",
    某县人民政府: "通过",
  });
  expect(by("丁局").onTime).toBe("按时");
  expect(data.rules.from).toBe("审核要点.csv");
  const wb = await readWorkbook(new Uint8Array(readFileSync(out)), "本级.xlsx");
  const sheet = wb.sheets.find((s) => s.name === "审核要点")?.rows ?? [];
  expect(sheet.find((r) => r[0] === "R29")?.[2]).toBe("否");
  expect(sheet.find((r) => r[0] === "R1")?.[5]).toBe("2月15日");
  // Given back as it is, the workbook's own sheet is the same set.
  const again = await runReview(["--rules", out], path.join(folder.dir, "再审.xlsx"));
  expect(again.data.units.map((u) => u.status)).toEqual(data.units.map((u) => u.status));

  // Handled as 提示, a late date is a warning: 有提示, and the letter cites 本级要求 where the day is the office's.
  const late = put("晚.csv", "编号,启用,处理,参数,参数值\nR1,,提示,部门截止日期,2月5日\nR29,否,,,\n");
  const third = await runReview(["--rules", late], path.join(folder.dir, "三审.xlsx"));
  expect(third.by("丁局").status).toBe("有提示");
  expect(third.by("丁局").findings[0].message).toContain("本级要求");
  // A rule set that cannot be used stops the review before any file is read, naming the row.
  const bad = put("坏.csv", "编号,参数,参数值\nR29,雷同比例,很多\n");
  const refused = await call(["review", path.join(folder.dir, "units"), "--rules", bad]);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain("第2行（R29）的「雷同比例」写作「很多」");
});

test("check on one report: R1 from the date it carries, R29 against the last year's report --previous gives", async () => {
  const late = await call(["check", path.join(folder.dir, "units", "丁局.html"), "--json"]);
  const lateData = JSON.parse(late.out) as { checks: { rule: string; severity: string; message: string }[] };
  expect(late.code).toBe(1);
  expect(lateData.checks.filter((c) => c.rule === "R1").map((c) => c.severity)).toEqual(["error"]);
  const copied = await call([
    "check",
    path.join(folder.dir, "units", "丙局.html"),
    "--previous",
    path.join(folder.dir, "last", "丙局2024.html"),
    "--json",
  ]);
  const copiedData = JSON.parse(copied.out) as { checks: { rule: string; message: string }[] };
  expect(copiedData.checks.map((c) => c.rule)).toEqual(["R29"]);
  expect(copiedData.checks[0].message).toContain("丙局2024.html");
  // Without last year's report there is nothing to compare: 丙局 passes; with 雷同 turned off, too.
  expect((await call(["check", path.join(folder.dir, "units", "丙局.html")])).code).toBe(0);
  const off = put("R29关.csv", "编号,启用\nR29,否\n");
  const quiet = await call([
    "check",
    path.join(folder.dir, "units", "丙局.html"),
    "--previous",
    path.join(folder.dir, "last", "丙局2024.html"),
    "--rules",
    off,
  ]);
  expect(quiet.code).toBe(0);
});
