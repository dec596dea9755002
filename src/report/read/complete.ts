/**
 * The completeness rules a reviewer applies to a published report, beside its arithmetic (KIROGOVCOMPARE, the
 * open checker of published reports, flags the first two): C1 the six sections present, in order, with the
 * template's headings; C2 「五、存在的主要问题及改进情况」 neither empty nor just 无; C3 「六、其他需要报告的事项」
 * saying whether 信息处理费 was charged (the 2021 guidance asks for it); C4 the title in the template's form,
 * 「XX2025年政府信息公开工作年度报告」 (with the review's year, when a review gives one); C5 the lead paragraph
 * stating the 统计期限. Which rules a format has is in its definition; each finding names the section.
 * A document with neither a title nor any section heading is a table excerpt, not a report: no finding.
 */
import type { FormatDef } from "../formats";
import { Findings } from "../tables/findings";
import type { Finding } from "../tables/findings";

/** Text as compared: widths unified, spaces and line breaks gone. */
const squeeze = (s: string) => s.normalize("NFKC").replace(/\s+/g, "");

const TITLE_FORM = /^(.+?)(\d{4})年政府信息公开工作年度报告$/;
const ANY_TITLE = /政府信息公开.*报告/;
/** What 「五」 holds when nothing was reported: blank, 无, 暂无, or our own 【请填写】 prompt. */
const NOTHING = /^(无|暂无|没有|无。|暂无。)?$/;

interface Located {
  id: string;
  heading: string;
  at: number;
}

/** The completeness findings of a report's paragraphs (in order, tables left out). */
export function completenessFindings(
  format: FormatDef,
  paragraphs: string[],
  options: { year?: number } = {},
): Finding[] {
  const out = new Findings(new Set(format.rules));
  const squeezed = paragraphs.map(squeeze);
  // The title: a paragraph in the template's form, else any that names the report (a web page's <title>, with the
  // portal's name after it, comes before the page's own heading).
  const head = squeezed.slice(0, 40);
  const exact = head.findIndex((p) => TITLE_FORM.test(p));
  const titleAt = exact >= 0 ? exact : head.findIndex((p) => ANY_TITLE.test(p));
  const found: Located[] = [];
  const missing: { id: string; heading: string }[] = [];
  for (const s of format.sections) {
    const want = squeeze(s.heading);
    const at = squeezed.findIndex((p, i) => i > titleAt && p.startsWith(want));
    if (at >= 0) found.push({ id: s.id, heading: s.heading, at });
    else missing.push({ id: s.id, heading: s.heading });
  }
  if (titleAt < 0 && !found.length) return [];

  for (const m of missing)
    out.add(
      "C1",
      "text",
      m.id,
      undefined,
      `缺少第${m.heading.slice(0, 1)}部分「${m.heading}」：年报应按模板写全六个部分`,
    );
  for (let i = 1; i < found.length; i++)
    if (found[i].at < found[i - 1].at)
      out.add(
        "C1",
        "text",
        found[i].id,
        undefined,
        `正文「${found[i].heading}」出现在「${found[i - 1].heading}」之前，应按模板的顺序排列`,
      );

  /** A section's text: its paragraphs up to the next heading found. */
  const sectionText = (id: string): string | null => {
    const me = found.find((f) => f.id === id);
    if (!me) return null;
    const next = Math.min(...found.filter((f) => f.at > me.at).map((f) => f.at), paragraphs.length);
    return squeezed
      .slice(me.at + 1, next)
      .join("")
      .concat(squeezed[me.at].slice(squeeze(me.heading).length));
  };
  const s5 = format.sections.find((s) => s.id === "s5");
  const five = s5 ? sectionText("s5") : null;
  if (s5 && five !== null) {
    const bare = five.replace(/[。，、；：.,;:！!]/g, "");
    if (NOTHING.test(bare) || /^【请填写/.test(five))
      out.add(
        "C2",
        "text",
        "s5",
        undefined,
        `正文「${s5.heading}」中没有内容或只写了“无”：应写明本年存在的主要问题和改进情况`,
      );
  }
  const s6 = format.sections.find((s) => s.id === "s6");
  const six = s6 ? sectionText("s6") : null;
  if (s6 && six !== null && !/信息处理费|收取.{0,6}费|收费/.test(six))
    out.add(
      "C3",
      "text",
      "s6",
      undefined,
      `正文「${s6.heading}」中没有说明是否收取信息处理费：应写明本年收取信息处理费的情况（没有收取也应写明）`,
    );

  if (titleAt < 0)
    out.add("C4", "text", "title", undefined, "没有找到标题：应为「XX2025年政府信息公开工作年度报告」的形式");
  else {
    const title = paragraphs[titleAt].trim();
    // The agency's name may stand on the line above, as 公文 titles are often broken.
    const above = titleAt > 0 ? squeezed[titleAt - 1] : "";
    const joined =
      /^\d{4}年政府信息公开工作年度报告$/.test(squeezed[titleAt]) && above && above.length <= 40
        ? above + squeezed[titleAt]
        : squeezed[titleAt];
    const m = TITLE_FORM.exec(joined);
    if (!m)
      out.add(
        "C4",
        "text",
        "title",
        undefined,
        `正文「${title}」中标题的写法与模板不同：应为「机关名称+年份+年政府信息公开工作年度报告」，如「XX2025年政府信息公开工作年度报告」`,
      );
    else if (options.year && Number(m[2]) !== options.year)
      out.add(
        "C4",
        "text",
        "title",
        undefined,
        `正文「${title}」中标题的年度为${m[2]}年，与审核的${options.year}年不同`,
      );
  }

  const firstHeading = found.length ? Math.min(...found.map((f) => f.at)) : paragraphs.length;
  const lead = squeezed.slice(titleAt + 1, firstHeading).join("");
  if (!/统计期限|统计时限/.test(lead) && !(/1月1日/.test(lead) && /12月31日/.test(lead)))
    out.add(
      "C5",
      "text",
      "lead",
      undefined,
      "导语中没有写明统计期限：应写明如“本报告中所列数据的统计期限自2025年1月1日起至2025年12月31日止”",
    );
  return out.list;
}
