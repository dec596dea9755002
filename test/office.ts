/**
 * The real word processor for tests: Debian's LibreOffice (soffice --headless) and poppler's pdftotext.
 * Tests that need them fail when they are missing (.ci/run installs them); they never skip.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";

export function requireTool(tool: string): void {
  try {
    execFileSync("which", [tool], { stdio: "pipe" });
  } catch {
    throw new Error(`需要 ${tool}：请运行 .ci/run（它会安装 libreoffice-writer-nogui 和 poppler-utils）`);
  }
}

/** Converts a file with LibreOffice; returns the path of the result. Each call has its own profile. */
export function soffice(file: string, to: "pdf" | "docx", outDir: string): string {
  requireTool("soffice");
  const profile = mkdtempSync(path.join(os.tmpdir(), "ogi-lo-"));
  try {
    execFileSync(
      "soffice",
      [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", to, "--outdir", outDir, file],
      { stdio: "pipe", timeout: 120000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return path.join(outDir, path.basename(file).replace(/\.[^.]+$/, `.${to}`));
}

/** The text of a PDF, with all whitespace removed (so text wrapped across lines still matches). */
export function pdfText(pdf: string): string {
  requireTool("pdftotext");
  return execFileSync("pdftotext", [pdf, "-"], { encoding: "utf8" }).replace(/\s+/g, "");
}

/** The PDF's lines as laid out on the page, each split into its whitespace-separated words. */
export function pdfLines(pdf: string): string[][] {
  requireTool("pdftotext");
  return execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" })
    .split("\n")
    .map((l) => l.trim().split(/\s+/).filter(Boolean));
}

/** Whether some line starts with the label and then has exactly these numbers. */
export function hasRow(lines: string[][], label: string, numbers: (number | null)[]): boolean {
  return lines.some((l) => l[0] === label && l.slice(1).join(" ") === numbers.join(" "));
}

export const squeeze = (s: string) => s.replace(/\s+/g, "");

export function pdfPages(pdf: string): number {
  const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

export { readFileSync };
