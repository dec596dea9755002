/**
 * How large an input file may be, by kind, checked before a byte is read (a larger file is refused with a
 * sentence, never read into memory). Real files are far smaller: a 100 000-row register is about 5 MB.
 */
export const INPUT_LIMITS = {
  workbook: { bytes: 100 * 1024 * 1024, what: "台账工作簿（.xlsx）" },
  report: { bytes: 100 * 1024 * 1024, what: "报告（.docx、网页、PDF）" },
  tables: { bytes: 20 * 1024 * 1024, what: "统计表 JSON" },
} as const;

export type InputKind = keyof typeof INPUT_LIMITS;

/** File extensions of reports: Word, web pages as portals publish and browsers save them, and PDF. */
export const REPORT_EXTENSIONS = ["docx", "html", "htm", "mhtml", "mht", "pdf"];

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
