/**
 * The report's look, in one place: the GB/T 9704 page (domain.md §4), font families and sizes by role, and the
 * tables' font size. The writer and the in-place update both take their numbers from here.
 */

/** Millimetres to twips. */
export const mm = (v: number) => Math.round((v * 1440) / 25.4);
const pt = (v: number) => v * 2; // half-points

export const LAYOUT = {
  page: { width: mm(210), height: mm(297) },
  margin: { top: mm(37), left: mm(28), bottom: mm(35), right: mm(26) },
  footer: mm(25),
  /** Fixed body line spacing: 22 lines on a 225 mm text block. */
  line: Math.round(28.95 * 20),
  textWidth: mm(156),
};

export type FontRole = "title" | "h1" | "h2" | "body" | "table" | "pageNumber";

/** Font families by role, Chinese family for East Asian text; Word substitutes a missing font by family. */
export const FONTS: Record<FontRole, { eastAsia: string; ascii: string; size: number }> = {
  title: { eastAsia: "方正小标宋简体", ascii: "方正小标宋简体", size: pt(22) },
  h1: { eastAsia: "黑体", ascii: "黑体", size: pt(16) },
  h2: { eastAsia: "楷体_GB2312", ascii: "楷体_GB2312", size: pt(16) },
  body: { eastAsia: "仿宋_GB2312", ascii: "Times New Roman", size: pt(16) },
  table: { eastAsia: "宋体", ascii: "Times New Roman", size: pt(10.5) },
  pageNumber: { eastAsia: "宋体", ascii: "宋体", size: pt(14) },
};

/** Table text: 五号 (10.5 pt) in 表二, 7.5 pt in the wide 表三 and 表四; half-points. */
export const tableFontSize = (part: string): number => (part === "table2" ? pt(10.5) : pt(7.5));
