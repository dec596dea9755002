/**
 * 雷同 (R29) over a batch: 100 units of realistic narrative (2 000–5 000 characters each: the template's lead and
 * headings, this tool's sentences with numbers, stock phrases many reports use, and each unit's own sentences drawn
 * from a pool of 3 000 varied ones), each compared with every other (4 950 pairs) and with its own last year. Last
 * year is the same report with most sentences rewritten; for every tenth unit it is nearly the same report; every
 * twenty-fifth unit copies the one before it. The figure is similarities() alone, best of three; the copies planted
 * are checked to be found and nothing else.
 *
 * Run alone: npm run build:cli && node dist/bench/similarity.js
 */
import { similarities } from "../src/report/audit/similarity";
import type { NarrativeUnit } from "../src/report/audit/similarity";
import { rng } from "../src/report/sample";
import { best } from "./timing";

/** Words of 政务公开 narrative; a sentence is a dozen or more of them, so two sentences share no long run by chance. */
const WORDS = (
  "政务 公开 信息 平台 制度 机制 规范 推进 落实 加强 群众 服务 网站 栏目 审核 发布 解读 回应 关切 考核 " +
  "培训 监督 保障 财政 预算 决算 项目 资金 领域 重点 基层 标准 目录 清单 事项 流程 时限 答复 申请 办理 " +
  "政策 文件 专区 公报 新媒体 微信 专栏 动态 更新 维护 检查 整改 台账 责任 分工 协调 联动 部门 单位 乡镇 " +
  "街道 社区 企业 民生 就业 教育 医疗 养老 住房 交通 环境 安全 应急 执法 许可 处罚 收费 采购 招标 建设 " +
  "规划 统计 数据 开放 共享 互动 留言 访谈 发布会 热线 咨询 投诉 建议 提案 决策 征求 意见 听证 评估 " +
  "反馈 督办 通报 公示 告知 查询 下载 归档 保密 审查 舆情 监测 研判 处置 宣传 报道 窗口 大厅 指南 手册 " +
  "全面 持续 及时 准确 完整 有序 深入 扎实 有效 切实 主动 依法 严格 统一 集中 分类 动态 精准 便民 高效"
).split(" ");

/** Sentences many reports have in the same words (each unit uses two or three). */
const STOCK = [
  "坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院关于政务公开工作的决策部署。",
  "坚持以公开为常态、不公开为例外，切实保障人民群众的知情权、参与权、表达权和监督权。",
  "认真贯彻落实《中华人民共和国政府信息公开条例》，不断提升政府信息公开工作质量。",
  "严格落实“先审后发”制度，全年未发生因信息发布不当引发的安全事故。",
  "全年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。",
  "政府信息公开工作虽取得一定成效，但与上级要求和群众期盼相比仍有差距。",
];

/** A sentence of 政务公开 narrative, its words drawn by `r` (shared with the review's bench, for each unit's own text). */
export function sentence(r: () => number): string {
  const n = 12 + Math.floor(r() * 8);
  const words = Array.from({ length: n }, () => WORDS[Math.floor(r() * WORDS.length)]);
  const comma = 4 + Math.floor(r() * 5);
  return `${words.slice(0, comma).join("")}，${words.slice(comma).join("")}。`;
}

const POOL = (() => {
  const r = rng(2025);
  return Array.from({ length: 3000 }, () => sentence(r));
})();

const SUBHEADINGS = [
  "（一）主动公开",
  "（二）依申请公开",
  "（三）政府信息管理",
  "（四）政府信息公开平台建设",
  "（五）监督保障",
];

/** One unit's report: its own sentences in its 一 and 五, the template's and this tool's around them. */
function report(name: string, year: number, own: string[], r: () => number): string[] {
  const n = (k: number) => String(Math.floor(r() * k) + 1);
  let next = 0;
  const take = (k: number) => own.slice(next, (next += k)).join("");
  const per = Math.floor(own.length / 7);
  return [
    `${name}${year}年政府信息公开工作年度报告`,
    `本报告根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》要求编制。本报告所列数据的统计期限为${year}年1月1日至${year}年12月31日。如对本报告有疑问，请与${name}办公室联系。`,
    "一、总体情况",
    ...SUBHEADINGS.flatMap((h, i) => [
      h,
      (i === 0 ? STOCK[0] : i === 4 ? STOCK[1 + Math.floor(r() * 4)] : "") + take(per),
    ]),
    "二、主动公开政府信息情况",
    `${year}年，本局制发行政规范性文件${n(9)}件，废止${n(5)}件，现行有效${n(60)}件。`,
    "三、收到和处理政府信息公开申请情况",
    `${year}年，本局共受理政府信息公开申请${n(90)}件，答复${n(90)}件。`,
    "四、政府信息公开行政复议、行政诉讼情况",
    `${year}年，本局未发生政府信息公开行政复议、行政诉讼案件。`,
    "五、存在的主要问题及改进情况",
    STOCK[5] + take(per),
    `下一步，${take(own.length)}`,
    "六、其他需要报告的事项",
    "无。",
    name,
    `${year + 1}年1月20日`,
  ];
}

/** The 100 units, their last years, and the copies planted (unit → the reports it copies). */
export function batch(): { units: NarrativeUnit[]; planted: Map<string, string[]> } {
  const r = rng(77);
  const pick = () => POOL[Math.floor(r() * POOL.length)];
  const own: string[][] = [];
  const units: NarrativeUnit[] = [];
  const planted = new Map<string, string[]>();
  for (let i = 0; i < 100; i++) {
    const name = `第${i + 1}局`;
    const mine: string[] = [];
    // 2 000–5 000 characters in all: about 1 500–4 400 of the unit's own.
    const target = 1500 + Math.floor(r() * 2900);
    while (mine.join("").length < target) mine.push(pick());
    const copies = i % 25 === 24;
    own.push(copies ? own[i - 1] : mine);
    // Last year: the same report with most sentences rewritten; every tenth unit's nearly the same.
    const kept = i % 10 === 3 ? 0.9 : 0.25;
    const last = own[i].map((s) => (r() < kept ? s : pick()));
    units.push({
      unit: name,
      file: `${name}.docx`,
      format: "2021",
      paragraphs: report(name, 2025, own[i], r),
      previousParagraphs: report(name, 2024, last, r),
      previousFile: `${name}2024年报告.docx`,
    });
    if (kept > 0.5) planted.set(name, [`上年报告（${name}2024年报告.docx）`]);
    if (copies) {
      planted.set(name, [...(planted.get(name) ?? []), `第${i}局`]);
      planted.set(`第${i}局`, [...(planted.get(`第${i}局`) ?? []), name]);
    }
  }
  return { units, planted };
}

export function similarityFigures(out: Record<string, number | string>): void {
  const { units, planted } = batch();
  const chars = units.map((u) => u.paragraphs.join("").length);
  similarities(units.slice(0, 2), { threshold: 0.5 }); // this tool's own sentences, built once per process
  const run = best(3, () => similarities(units, { threshold: 0.5 }));
  for (const [, v] of run.value)
    for (const s of [...v.over, v.best])
      if (s && !(s.share > 0 && s.share <= 1)) throw new Error(`份额越界：${s.share}`);
  const found = [...run.value].filter(([, v]) => v.over.length);
  const wrong = found.filter(
    ([k, v]) => JSON.stringify(v.over.map((s) => s.with).sort()) !== JSON.stringify(planted.get(k)?.sort()),
  );
  if (wrong.length || found.length !== planted.size)
    throw new Error(
      `雷同比对结果与预设不符：${JSON.stringify(found.map(([k, v]) => [k, v.over.map((s) => s.with)]))}`,
    );
  out.similarityMs100 = Math.round(run.ms);
  console.log(
    `雷同比对 100 个单位（每份 ${Math.min(...chars)}–${Math.max(...chars)} 字，两两 4 950 对，另各与上年报告比对）：` +
      `${out.similarityMs100} ms；预设的 ${planted.size} 个雷同单位全部找出，没有误报`,
  );
}

if (require.main === module) {
  const out: Record<string, number | string> = {};
  similarityFigures(out);
  console.log(JSON.stringify(out));
}
