/**
 * The real word processor for tests: Debian's LibreOffice (soffice --headless) and poppler's pdftotext.
 * Tests that use them run under `needs("soffice", "pdftotext", …)` of ./tools (skipped with a notice where the
 * programs are missing, failed instead when OGI_REQUIRE_TOOLS=1).
 */
import { execFile, execFileSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { promisify } from "util";

/** What sofficeAll converts to. */
export type OfficeTarget = "pdf" | "docx" | "xlsx" | "xls" | "doc" | "rtf";

const FILTERS: Partial<Record<OfficeTarget, string>> = {
  docx: "docx:MS Word 2007 XML",
  xlsx: "xlsx:Calc MS Excel 2007 XML",
  xls: "xls:MS Excel 97",
  doc: "doc:MS Word 97",
  rtf: "rtf:Rich Text Format",
};

/** soffice's arguments for one run over `files`, with its own profile. */
function sofficeArgs(files: string[], to: OfficeTarget, outDir: string, profile: string, filter?: string) {
  const pages = files.length > 0 && files.every((f) => /\.html?$/i.test(f));
  return [
    `-env:UserInstallation=file://${profile}`,
    "--headless",
    ...(pages ? ["--infilter=HTML (StarWriter)"] : []),
    "--convert-to",
    filter ?? FILTERS[to] ?? to,
    "--outdir",
    outDir,
    ...files,
  ];
}

const results = (files: string[], to: OfficeTarget, outDir: string) =>
  files.map((file) => path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${to}`)));

/**
 * Converts files with LibreOffice in one run; returns the paths of the results. Each call has its own profile.
 * Web pages are opened in Writer (not Writer/Web), as a report a department saved from a portal would be.
 */
export function sofficeAll(
  files: string[],
  to: OfficeTarget,
  outDir: string,
  /** The export filter with its options, where the default one will not do (a PDF with a password). */
  filter?: string,
): string[] {
  const profile = mkdtempSync(path.join(os.tmpdir(), "ogi-lo-"));
  try {
    execFileSync("soffice", sofficeArgs(files, to, outDir, profile, filter), {
      stdio: "pipe",
      timeout: 60000 * Math.max(2, files.length),
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return results(files, to, outDir);
}

/**
 * Converts the same files to several formats at once: soffice takes one --convert-to a run (a second one on the
 * command line replaces the first for every file), so one run per format, the runs side by side, each with its
 * own profile. Returns the paths of the results by format, each in its own folder under `outDir`.
 */
export async function sofficeEach<T extends OfficeTarget>(
  files: string[],
  targets: T[],
  outDir: string,
): Promise<Record<T, string[]>> {
  const run = async (to: T): Promise<[T, string[]]> => {
    const dir = path.join(outDir, to);
    const profile = mkdtempSync(path.join(os.tmpdir(), "ogi-lo-"));
    try {
      await promisify(execFile)("soffice", sofficeArgs(files, to, dir, profile), {
        timeout: 60000 * Math.max(2, files.length),
      });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    return [to, results(files, to, dir)];
  };
  return Object.fromEntries(await Promise.all(targets.map(run))) as Record<T, string[]>;
}

/** Converts one file with LibreOffice; returns the path of the result. */
export const soffice = (file: string, to: "pdf" | "docx", outDir: string): string =>
  sofficeAll([file], to, outDir)[0];

/** The text of a PDF, with all whitespace removed (so text wrapped across lines still matches). */
export function pdfText(pdf: string): string {
  return execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
}

/** The PDF's lines as laid out on the page, each split into its whitespace-separated words. */
export function pdfLines(pdf: string): string[][] {
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.trim().split(/\s+/).filter(Boolean));
}

/** Whether some line starts with the label and then has exactly these numbers. */
export function hasRow(lines: string[][], label: string, numbers: (number | null)[]): boolean {
  return lines.some((l) => l[0] === label && l.slice(1).join(" ") === numbers.join(" "));
}

export const squeeze = (s: string) => s.replace(/\s+/g, "");
