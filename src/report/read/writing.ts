/**
 * The writing rules of 审核要点 on a report's paragraphs (spec review-rules.md R7, R10, R11, R26; issue #30 items
 * 5, 6 and 8), beside the completeness rules C1–C5 (./complete, which read the same layout):
 * - R7 the lead's basis current, the 条例 and the format named rightly (./lead);
 * - R10 no template remnants or empty fields anywhere (./remnants);
 * - R11 the lead's count or list of the parts agrees with the sections (./lead);
 * - R26 「五、存在的主要问题及改进情况」 has both halves: the problems (问题, 不足, 短板, 薄弱, 差距, 不够及时…) and
 *   what will be done (改进, 整改, 下一步, 措施, 将, 计划, 持续…) — not where C2 already says 五 is empty
 *   (test/corpus/problems.json).
 * Which rules a format has is in its definition; a rule the office turned off (its 审核要点) is not run. A document
 * with neither a title nor any section heading is a table excerpt, not a report: no finding.
 */
import type { FormatDef, RuleId } from "../formats";
import { ruleOn } from "../rules/ruleset";
import type { RuleSet } from "../rules/ruleset";
import { Findings } from "../tables/findings";
import type { Finding } from "../tables/findings";
import { nothingReported, reportLayout } from "./complete";
import type { ReportLayout } from "./complete";
import { basisFindings, leadListFindings } from "./lead";
import { remnantFindings } from "./remnants";

/** The problems named: the words reports use for a shortcoming. */
const PROBLEMS =
  /问题|不足|短板|薄弱|差距|欠缺|缺乏|缺少|有待|仍需|尚需|还需|亟需|亟待|滞后|单一|瓶颈|弱项|困难|不(?:够|足|高|强|多|深|细|新|及时|到位|全面|规范|完善|充分|平衡|精准|明显|主动|严格|广泛|灵活|熟练|专业|丰富|系统|统一|准确|一致|健全)|(?:较|偏)(?:少|低|弱|慢|窄|差)/;
/** What will be done: the words of a measure or a plan. */
const MEASURES =
  /改进|整改|下一步|下步|措施|将|计划|持续|继续|今后|进一步|加强|强化|提升|提高|完善|推进|推动|着力|力争|确保|针对|加大|优化|健全|落实|做好/;

/** A measure word inside a problem's words (有待提高, 仍需加强, 还有提升空间): the problem, not a measure. */
const NEEDED =
  /(?:有待|仍需|仍须|还需要?|尚需|尚待|亟需|亟待|需要|需)(?:进一步|继续|持续|不断)?(?:提高|提升|加强|强化|完善|改进|优化|规范|健全|加大|推进|落实|做好)|(?:提升|改进|提高)(?:的)?空间/g;

const clip = (s: string) => (s.length > 50 ? `${s.slice(0, 50)}…` : s);

/** R26: 五 names the problems and the measures (C2's empty 五 aside). */
function bothHalves(format: FormatDef, layout: ReportLayout, paragraphs: string[], out: Findings): void {
  const s5 = format.sections.find((s) => s.id === "s5");
  const five = s5 ? layout.sectionText("s5") : null;
  const heading = layout.found.find((f) => f.id === "s5");
  // Quoted as printed: its first paragraph after the heading (or its text, where the heading is inside one).
  const printed = paragraphs.find((_, i) => i !== heading?.at && layout.partOf(i) === "s5")?.trim();
  if (!s5 || five === null || nothingReported(five)) return;
  const [problems, measures] = [PROBLEMS.test(five), MEASURES.test(five.replace(NEEDED, ""))];
  if (problems && measures) return;
  const missing = [problems ? "" : "存在的问题", measures ? "" : "改进措施"].filter(Boolean).join("和");
  out.add(
    "R26",
    "text",
    "s5",
    undefined,
    `正文「${s5.heading}」「${clip(printed ?? five)}」中没有写明${missing}：应写明本年存在的主要问题，并逐条提出改进措施`,
  );
}

/**
 * R7, R10, R11 and R26 on a report's paragraphs (in order, tables left out), as the format has them and the
 * office's rule set runs them (`set`; the national defaults when none). `year` is the review's year, when one is
 * given (reserved: these rules read the report's own words).
 */
export function writingFindings(
  format: FormatDef,
  paragraphs: string[],
  options: { year?: number; set?: RuleSet },
): Finding[] {
  const on = (id: RuleId) => format.rules.includes(id) && ruleOn(options.set, id);
  const out = new Findings(new Set(format.rules.filter((r) => ruleOn(options.set, r))), format);
  if (!(["R7", "R10", "R11", "R26"] as RuleId[]).some(on)) return [];
  const layout = reportLayout(format, paragraphs);
  if (layout.titleAt < 0 && !layout.found.length) return [];
  if (on("R7")) basisFindings(layout, paragraphs, out);
  if (on("R11")) leadListFindings(format, layout, paragraphs, out);
  if (on("R26")) bothHalves(format, layout, paragraphs, out);
  if (on("R10")) remnantFindings(layout, paragraphs, out);
  return out.list;
}
