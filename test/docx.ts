/** Helpers of the .docx tests: a fixed time, document.xml of a package, editing it, the sample before and after one change. */
import { retypeApplicant } from "./helpers";
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { compileWorkbook } from "../src/report/compile";
import type { CompileResult } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { findSdts, textOf } from "../src/docx/ooxml";
import { readZip, writeZip, xmlText } from "../src/docx/zip";
import type { ZipFile } from "../src/docx/zip";
import { inflateRawSync } from "zlib";

/** An entry's bytes: as read, or — for media, which are kept as stored when a package is read — inflated here. */
export function entryBytes(zip: ZipFile, name: string): Uint8Array | undefined {
  const e = zip.entries.find((x) => x.name === name);
  if (e?.data) return e.data;
  if (!e?.raw) return undefined;
  return e.raw.method === 0 ? e.raw.compressed : new Uint8Array(inflateRawSync(e.raw.compressed));
}

export const NOW = new Date(Date.UTC(2026, 0, 20, 8));
export const documentXml = (bytes: Uint8Array) =>
  xmlText(readZip(bytes, "t"), "word/document.xml", "t") as string;
export const withDocumentXml = (bytes: Uint8Array, edit: (xml: string) => string) => {
  const zip = readZip(bytes, "t");
  const e = zip.entries.find((x) => x.name === "word/document.xml");
  if (!e) throw new Error("no document.xml");
  e.data = new TextEncoder().encode(edit(new TextDecoder().decode(e.data)));
  return writeZip(zip);
};

/** The sample, and the same register with one application's applicant type changed in the report year. */
export function sampleResults(): { before: CompileResult; after: CompileResult } {
  const wb = sampleWorkbook();
  const before = compileWorkbook(wb);
  retypeApplicant(wb, "商业企业");
  return { before, after: compileWorkbook(wb) };
}

/** A temporary folder for the file's tests, removed after them; read `.path` inside a test or hook. */
export function tempDir(prefix = "ogi-docx-"): { path: string } {
  const dir = { path: "" };
  beforeAll(() => {
    dir.path = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir.path, { recursive: true, force: true }));
  return dir;
}

/** What a fake Word holds of a report: its `ogi:` controls (tag, text) and its custom XML parts. */
export function wordHoldings(bytes: Uint8Array): {
  controls: { tag: string; text: string }[];
  customXml: string[];
} {
  const zip = readZip(bytes, "r");
  const xml = xmlText(zip, "word/document.xml", "r") as string;
  const controls = findSdts(xml)
    .filter((s) => s.tag.startsWith("ogi:"))
    .map((s) => ({ tag: s.tag, text: textOf(xml.slice(s.content.start, s.content.end)) }));
  const customXml = zip.entries
    .filter((e) => /^customXml\/item\d+\.xml$/.test(e.name))
    .map((e) => new TextDecoder().decode(e.data));
  return { controls, customXml };
}

/** A fake WPS 文字 document of a report: its `ogi:` controls, each after a paragraph people wrote. */
export function wpsBlocks(bytes: Uint8Array): ({ text: string } | { tag: string; text: string })[] {
  return wordHoldings(bytes).controls.flatMap((c, i) => [{ text: `人工撰写的第${i + 1}段。` }, c]);
}
