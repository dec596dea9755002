/**
 * The custom XML part a report carries (customXml/itemN.xml): format, year, agency, the tables, the source
 * workbook's name, when it was made, and a hash per part, so any copy of the report can tell which parts are
 * stale. Found again by its namespace, whatever N Word gave it.
 */
import { decodeXml } from "../report/common/xmlEntities";
import type { TableSet } from "../report/tables/tables";
import { hashText } from "../report/text/document";
import { storedTables } from "./stored";
import { setText, xmlText } from "./zip";
import type { ZipFile } from "./zip";

import { OGI_NS } from "./namespace";

export { OGI_NS };

export interface ReportMeta {
  source?: string;
  /** ISO time the data was taken. */
  generated: string;
  hashes: Record<string, string>;
}

interface StoredReport {
  tables: TableSet;
  meta: ReportMeta;
}

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function reportXml(tables: TableSet, meta: ReportMeta): string {
  const parts = Object.entries(meta.hashes)
    .map(([id, hash]) => `<ogi:part id="${esc(id)}" hash="${hash}"/>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<ogi:report xmlns:ogi="${OGI_NS}" format="${tables.format}" year="${tables.year}" agency="${esc(tables.agency)}"` +
    ` source="${esc(meta.source ?? "")}" generated="${esc(meta.generated)}">` +
    `<ogi:tables>${esc(JSON.stringify(tables))}</ogi:tables><ogi:parts>${parts}</ogi:parts></ogi:report>`
  );
}

/** The data a report carries, or null when it is missing, unreadable or not of the shape we write (./stored). */
export function parseReportXml(xml: string): StoredReport | null {
  if (!xml.includes(OGI_NS)) return null;
  // The tables and the root tag found with indexOf: a part cut short or edited by hand is never scanned twice.
  const open = xml.indexOf("<ogi:tables>");
  const close = open < 0 ? -1 : xml.indexOf("</ogi:tables>", open);
  if (close < 0) return null;
  let tables: TableSet | null;
  try {
    tables = storedTables(JSON.parse(decodeXml(xml.slice(open + "<ogi:tables>".length, close))));
  } catch {
    return null;
  }
  if (!tables) return null;
  const root = xml.indexOf("<ogi:report");
  const rootTag = root < 0 ? "" : xml.slice(root, xml.indexOf(">", root) + 1 || xml.length);
  const attr = (name: string) => decodeXml(new RegExp(`\\s${name}="([^"]*)"`).exec(rootTag)?.[1] ?? "");
  const hashes: Record<string, string> = {};
  for (const m of xml.matchAll(/<ogi:part id="([^"]*)" hash="([^"]*)"\/>/g)) hashes[decodeXml(m[1])] = m[2];
  return { tables, meta: { source: attr("source") || undefined, generated: attr("generated"), hashes } };
}

/** The name of the package entry holding our part, if any. */
function findCustomXmlPart(zip: ZipFile, label: string): string | undefined {
  return zip.entries
    .filter((e) => /^customXml\/item\d+\.xml$/.test(e.name))
    .find((e) => (xmlText(zip, e.name, label) ?? "").includes(OGI_NS))?.name;
}

export function readStoredReport(zip: ZipFile, label: string): StoredReport | null {
  const name = findCustomXmlPart(zip, label);
  return name ? parseReportXml(xmlText(zip, name, label) ?? "") : null;
}

const guid = (seed: string) => {
  const h = hashText(seed) + hashText(seed + "#");
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}}`.toUpperCase();
};

/** Adds our custom XML part with its properties and relationships, or replaces its content. */
export function addCustomXmlPart(zip: ZipFile, xml: string): void {
  const existing = findCustomXmlPart(zip, "报告");
  if (existing) {
    setText(zip, existing, xml);
    return;
  }
  let n = 1;
  while (zip.entries.some((e) => e.name === `customXml/item${n}.xml`)) n++;
  const item = `customXml/item${n}.xml`;
  const props = `customXml/itemProps${n}.xml`;
  setText(zip, item, xml);
  setText(
    zip,
    props,
    `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<ds:datastoreItem ds:itemID="${guid(OGI_NS + n)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="${OGI_NS}"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  setText(
    zip,
    `customXml/_rels/item${n}.xml.rels`,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps${n}.xml"/></Relationships>`,
  );
  const relsName = "word/_rels/document.xml.rels";
  const rels = xmlText(zip, relsName, "报告") ?? "";
  const ids = [...rels.matchAll(/Id="rId(\d+)"/g)].map((m) => Number(m[1]));
  const rid = `rId${Math.max(0, ...ids) + 1}`;
  setText(
    zip,
    relsName,
    rels.replace(
      "</Relationships>",
      `<Relationship Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml" Target="../customXml/item${n}.xml"/></Relationships>`,
    ),
  );
  const ct = xmlText(zip, "[Content_Types].xml", "报告") ?? "";
  let types = ct.replace(
    "</Types>",
    `<Override PartName="/${props}" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/></Types>`,
  );
  if (!/<Default Extension="xml"/i.test(types))
    types = types.replace("</Types>", `<Default Extension="xml" ContentType="application/xml"/></Types>`);
  setText(zip, "[Content_Types].xml", types);
}
