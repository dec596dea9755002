/**
 * The files `publish` writes and the panes' 发布 downloads, by name, and the 图解's part in the Word report (no
 * imports: the panes load it up front).
 */
export const PAGE_FILE = "年度报告.html";
export const GRAPHIC_SVG = "图解.svg";
export const GRAPHIC_PNG = "图解.png";
/** The 图解's part in the Word report: its control is tagged `ogi:graphic`. */
export const GRAPHIC_PART = "graphic";
export const GRAPHIC_ALIAS = "图解";
