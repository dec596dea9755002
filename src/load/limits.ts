/**
 * How large an input file may be, by kind, checked before a byte is read (a larger file is refused with a
 * sentence, never read into memory). Real files are far smaller: a 100 000-row register is about 5 MB.
 */
export const INPUT_LIMITS = {
  workbook: { bytes: 100 * 1024 * 1024, what: "台账工作簿（.xlsx、.xls、.et）" },
  report: { bytes: 100 * 1024 * 1024, what: "报告（Word、WPS、网页、PDF、OFD）" },
  tables: { bytes: 20 * 1024 * 1024, what: "统计表 JSON" },
} as const;

export type InputKind = keyof typeof INPUT_LIMITS;

/**
 * File extensions of reports: Word (.docx, and Word 97-2003's .doc, which Word and WPS also use for RTF and web
 * pages), WPS 文字 (.wps), RTF, web pages as portals publish and browsers save them, PDF and OFD.
 */
export const REPORT_EXTENSIONS = ["docx", "doc", "wps", "rtf", "html", "htm", "mhtml", "mht", "pdf", "ofd"];

/** File extensions of workbooks: Excel's .xlsx and .xls (97-2003), WPS 表格's .et, and text exports. */
export const WORKBOOK_EXTENSIONS = ["xlsx", "xls", "et", "csv", "txt"];

/** Files a review reads; anything else in a folder is skipped, with why. */
export const REVIEW_EXTENSIONS = [...REPORT_EXTENSIONS, ...WORKBOOK_EXTENSIONS, "json"];

/** A file picker's `accept` for the extensions given. */
export const acceptOf = (...lists: string[][]): string =>
  lists
    .flat()
    .map((e) => `.${e}`)
    .join(",");
/** More files than a review of every unit of a province would hold. */
export const MAX_REVIEW_FILES = 5000;

const extension = (name: string) => (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? "").toLowerCase();

const SAVE_AS_DOCX = "请另存为 .docx，或提供网页、PDF 版本";
const PICTURE = "图片，没有可读取的文字；请提供 Word、网页或 PDF 版本";
/**
 * Files a unit sends as its report that we do not read, and what to ask for instead. Such a file is still the
 * unit's: the review lists it as 无法读取 with this, not as 未报送.
 */
const UNREAD_FORMATS = new Map<string, string>(
  Object.entries({
    odt: `OpenDocument 格式（.odt），不能读取；${SAVE_AS_DOCX}`,
    ods: "OpenDocument 格式（.ods），不能读取；请另存为 .xlsx",
    jpg: PICTURE,
    jpeg: PICTURE,
    png: PICTURE,
    tif: PICTURE,
    tiff: PICTURE,
  }),
);

/** A file's name without its folder. */
const baseName = (name: string) => name.replace(/^.*[\\/]/, "");

/**
 * The sentence for a unit's file in a format we do not read, naming the file and what to ask for instead
 * (「x.doc」是Word 97-2003 格式…), or null.
 */
export function unreadFormat(name: string): string | null {
  const why = UNREAD_FORMATS.get(extension(name));
  return why ? `「${baseName(name)}」是${why}` : null;
}

/**
 * Why a file read in a review is no unit: it says it is no report (a letter, a note: no report title, sections
 * or tables), or it is prose, not a ledger (no columns).
 */
export function notAUnit(name: string, what: "document" | "text"): string {
  const why =
    what === "text"
      ? "只有文字，没有台账的表头或分列的数据"
      : "没有年报的标题（「…政府信息公开工作年度报告」）、年报的各部分标题或统计表";
  return `不是年报、台账或统计表：「${baseName(name)}」${why}`;
}

/** A report written into a text file: the unit's, but its tables cannot be read from it. */
export const textReport = (name: string): string =>
  `「${baseName(name)}」是纯文本的年报，不能读取其中的统计表；请提供 Word、网页或 PDF 版本`;

/** Why a file found in a review's folder is not read, or null when it is. */
export function reviewSkipReason(name: string, index: number): string | null {
  const base = baseName(name);
  const ext = extension(base);
  if (base.startsWith("~$") || base.startsWith(".")) return "临时文件或隐藏文件";
  if (["zip", "rar", "7z"].includes(ext)) return "压缩包：请先解压，再审核解压出的文件夹";
  // A format we do not read is still the unit's file: it is read as a unit that says so.
  if (!REVIEW_EXTENSIONS.includes(ext) && !UNREAD_FORMATS.has(ext))
    return "不是报告（Word、WPS、网页、PDF、OFD）、台账（.xlsx、.xls、.et、.csv）或统计表 JSON";
  if (index >= MAX_REVIEW_FILES) return `文件超过 ${MAX_REVIEW_FILES} 个，未读取`;
  return null;
}

/** The kind of input a file name says it is (a workbook unless .json or a report). */
export function inputKind(name: string): InputKind {
  const ext = (/\.([a-z]+)$/i.exec(name)?.[1] ?? "").toLowerCase();
  return ext === "json" ? "tables" : REPORT_EXTENSIONS.includes(ext) ? "report" : "workbook";
}

/** The refusal of a file that is too large, or null. */
export function sizeProblem(name: string, size: number, kind: InputKind = inputKind(name)): string | null {
  const limit = INPUT_LIMITS[kind];
  if (size <= limit.bytes) return null;
  const mb = (n: number) => `${Math.round(n / 1048576)} MB`;
  const what = kind === "workbook" && /\.(csv|txt|tsv)$/i.test(name) ? "台账（.csv、.txt）" : limit.what;
  return `「${name}」有 ${mb(size)}，超过${what}的上限 ${mb(limit.bytes)}，不像正常的文件，已拒绝读取`;
}
