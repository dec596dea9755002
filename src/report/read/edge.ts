/**
 * F4: a table printed past the page's right edge (a PDF exported with a table wider than the paper): the columns
 * off the paper are not what anyone reading the report sees — a 总计 of 3119 shows as 3 —, so they are not
 * checked. One finding names the table and its columns cut; the checks that would only repeat it on those
 * columns (P1, S1, S2, T4, F1, F2, X2 on them, X3 against their totals) are left out.
 */
import type { FormatDef } from "../formats";
import { T3_TOTAL_COLUMN, T4_GROUP_WIDTH, T4_TOTAL_RESULT, TABLE_TITLES } from "../formats";
import { Findings } from "../tables/findings";
import type { Cover, Finding } from "../tables/findings";

export interface CutTable {
  table: "t2" | "t3" | "t4";
  /** Value columns (indices) not all on the page. */
  columns: number[];
}

/** A table's value columns: key and name, in order. */
function columnsOf(
  format: FormatDef,
  table: CutTable["table"],
): { key: string; name: string; group?: string }[] {
  if (table === "t3") return format.t3.columns.map((c) => ({ key: c.key, name: c.label }));
  if (table === "t4") {
    const groups = [format.t4.review, ...format.t4.litigation];
    return groups.flatMap((g, gi) =>
      format.t4.results.map((r) => ({
        key: r.key,
        group: g.key,
        name:
          gi === 0 ? `${g.label}「${r.label}」` : `${format.t4.litigationLabel}「${g.label}」「${r.label}」`,
      })),
    );
  }
  return (format.t2?.blocks[0].columns ?? []).map((c) => ({ key: c.key, name: c.label }));
}

/**
 * The F4 findings, each declaring the findings it stands for (../tables/fold folds them into it): the checks on
 * the columns off the paper, S2 on every row of 表三 (its 总计 adds columns that are cut), T4 on a group of 表四
 * with a column cut, a 表二 block of one number (it spans the cut columns too), X3 against a table whose 总计 is cut.
 */
export function pageEdge(format: FormatDef, cut: CutTable[]): Finding[] {
  const out = new Findings(new Set(format.rules), format);
  for (const c of cut) {
    const all = columnsOf(format, c.table);
    const off = c.columns.map((i) => all[i]).filter(Boolean);
    if (!off.length) continue;
    const totalCut =
      c.table === "t3"
        ? c.columns.includes(T3_TOTAL_COLUMN)
        : c.table === "t4" && c.columns.some((i) => i % T4_GROUP_WIDTH === T4_TOTAL_RESULT);
    const covers: Cover[] = totalCut ? [{ where: c.table, rules: ["X3"] }] : [];
    if (c.table === "t3") covers.push({ where: "t3", rules: ["S2"] });
    for (const x of off) {
      if (x.group)
        covers.push({ where: `t4.${x.group}`, rules: ["T4"] }, { where: `t4.${x.group}.${x.key}` });
      else covers.push({ where: `${c.table}.*.${x.key}` });
    }
    if (c.table === "t2")
      for (const block of format.t2?.blocks ?? [])
        for (const col of block.columns)
          if (!all.some((x) => x.key === col.key)) covers.push({ where: `t2.*.${col.key}` });
    out.add(
      "F4",
      c.table,
      undefined,
      undefined,
      `${TABLE_TITLES[c.table].name}超出页面右边缘：${off.map((x) => `「${x.name}」`).join("")}${c.table === "t3" ? "列" : ""}不全在页面内，打印或阅读时看不到其中完整的数字，这些数字不作核对；请调整表格宽度（或改为横向页面）后重新导出 PDF，或提供 Word、网页版本`,
      undefined,
      covers,
    );
  }
  return out.list;
}
