/**
 * The system programs the tests and the benchmark use, where to find them, and the Debian package of each.
 * No test-runner globals here, so the benchmark can use it too; test/tools.ts gates tests on them.
 */
import { execFileSync } from "child_process";
import { existsSync } from "fs";

export type Tool = "chromium" | "soffice" | "sofficeCalc" | "pdftotext" | "cjkFont";

interface ToolInfo {
  /** What the program is, in a message. */
  what: string;
  /** The Debian package that brings it. */
  pkg: string;
  probe: () => string | null;
}

function which(...names: string[]): string | null {
  for (const name of names) {
    try {
      const found = execFileSync("which", [name], { stdio: "pipe", encoding: "utf8" }).trim();
      if (found) return found;
    } catch {
      // not on PATH
    }
  }
  return null;
}

function cjkFont(): string | null {
  try {
    const out = execFileSync("fc-list", [":lang=zh", "family"], { stdio: "pipe", encoding: "utf8" });
    return out.trim() ? "fc-list :lang=zh" : null;
  } catch {
    return null;
  }
}

export const TOOLS: Record<Tool, ToolInfo> = {
  chromium: { what: "Chromium", pkg: "chromium", probe: () => which("chromium", "chromium-browser") },
  soffice: { what: "LibreOffice", pkg: "libreoffice-writer-nogui", probe: () => which("soffice") },
  sofficeCalc: {
    what: "LibreOffice Calc",
    pkg: "libreoffice-calc-nogui",
    probe: () =>
      which("soffice") && existsSync("/usr/lib/libreoffice/program/libsclo.so") ? "soffice (Calc)" : null,
  },
  pdftotext: { what: "pdftotext", pkg: "poppler-utils", probe: () => which("pdftotext") },
  cjkFont: { what: "中文字体", pkg: "fonts-noto-cjk", probe: cjkFont },
};

const found = new Map<Tool, string | null>();

/** Where the program is, or null; asked once per test file. */
export function toolPath(tool: Tool): string | null {
  if (!found.has(tool)) found.set(tool, TOOLS[tool].probe());
  return found.get(tool) ?? null;
}
