/** The files `publish` writes and the panes' 发布 downloads, by name (no imports: the panes load it up front). */
export const PAGE_FILE = "年度报告.html";
export const GRAPHIC_SVG = "图解.svg";
export const GRAPHIC_PNG = "图解.png";
