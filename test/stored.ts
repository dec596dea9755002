/**
 * A report of ours with the tables JSON it stores (its custom XML part) edited, as a broken or hand-edited file
 * would hold it — for the bad-input tests and the bench's bad-input process alike (no test-runner globals here).
 */
import { readZip, writeZip } from "../src/docx/zip";

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The report with its stored tables edited: `edit` changes them in place, or returns what replaces them. */
export function withStoredTables(
  report: Uint8Array,
  edit: (t: Record<string, unknown>) => unknown,
): Uint8Array {
  const zip = readZip(report, "r");
  for (const e of zip.entries)
    if (/^customXml\/item\d+\.xml$/.test(e.name) && e.data) {
      const xml = new TextDecoder().decode(e.data);
      const m = /<ogi:tables>([\s\S]*?)<\/ogi:tables>/.exec(xml);
      if (!m) continue;
      const t = JSON.parse(unescape(m[1])) as Record<string, unknown>;
      const next = edit(t);
      const text = JSON.stringify(next === undefined ? t : next);
      e.data = new TextEncoder().encode(xml.replace(m[0], `<ogi:tables>${escape(text)}</ogi:tables>`));
    }
  return writeZip(zip);
}
