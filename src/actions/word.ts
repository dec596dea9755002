/**
 * What the Word pane does that is not UI, over the host-neutral WordActions: compare what the open document
 * holds with the parts the workbook now gives (states), update parts (render each as the .docx writer does,
 * put it into its controls, record the new hashes, say what changed), insert a part at the cursor; and check
 * the open document as any report (its tables read by their labels, its text against them).
 */
import { writtenQuote } from "../report/reviewQuote";
import type { ReportFile } from "../load/report";
import type { Finding } from "../report/tables/checks";
import type { CompileResult } from "../report/compile";
import { inputKind } from "../load/limits";
import { buildDocument, hashText, partText, withPart } from "../report/text/document";
import type { DocPart, ReportDocument } from "../report/text/document";
import { changeLines, partStates } from "../report/text/linking";
import type { PartStatus } from "../report/text/linking";
import { getFormat } from "../report/formats";
import type { FormatDef } from "../report/formats";
import type { TableSet } from "../report/tables/tables";
import { stripNumbering } from "../report/common/normalize";
import { previousTables } from "../report/tables/tablesInput";
import { bytesOf } from "./bytes";
import { binaryString } from "./files";
import type { ChangeLine, WordActions } from "./types";

/** The open report against a compiled workbook. */
export interface LinkedReport {
  result: CompileResult;
  doc: ReportDocument;
  source: string;
  states: PartStatus[];
  storedTables?: TableSet;
  /** The hashes of the parts as the document recorded them when it was last written (none: not ours, or old). */
  storedHashes?: Record<string, string>;
  texts: Record<string, string>;
  /** Last year's tables the workbook was compiled with (the 图解 says 较上年 with them). */
  previous?: TableSet | null;
  /** The 图解's SVG: its part (the last of `doc`) is drawn from it when it is inserted or updated. */
  graphicSvg: string;
}

/** Bytes as base64. */
export const toBase64 = (bytes: Uint8Array): string => btoa(binaryString(bytes));

/** What the document holds now, against the fresh parts. */
export async function inspectReport(
  actions: WordActions,
  result: CompileResult,
  source: string,
  previous?: TableSet | null,
): Promise<LinkedReport> {
  const [{ parseReportXml }, { graphicPart }] = await Promise.all([
    import("../docx/customxml"),
    import("../publish/graphicPart"),
  ]);
  const graphic = graphicPart(result.tables, previous ? { previous } : {});
  const doc = withPart(
    buildDocument({ tables: result.tables, info: result.info, sentences: result.sentences }),
    graphic.part,
  );
  const controls = await actions.listControls();
  const xml = await actions.readReportXml();
  const stored = xml ? parseReportXml(xml) : null;
  const texts = Object.fromEntries(controls.map((c) => [c.part, c.text]));
  const states = partStates(doc, { tags: controls.map((c) => c.part), hashes: stored?.meta.hashes, texts });
  return {
    result,
    doc,
    source,
    states,
    storedTables: stored?.tables,
    storedHashes: stored?.meta.hashes,
    texts,
    previous,
    graphicSvg: graphic.svg,
  };
}

/**
 * Reads what the user picked — a register, an own ledger, a workbook with its tables typed into 统计表, or a
 * tables JSON —, compiles it (with last year's tables, if any) and inspects the report.
 */
export async function linkWorkbook(
  actions: WordActions,
  file: File,
  previous: TableSet | null,
): Promise<LinkedReport> {
  const { compileFile } = await import("../load/tables");
  const kind = inputKind(file.name) === "tables" ? "tables" : "workbook";
  const result = await compileFile(await bytesOf(file, kind), file.name, previous ? { previous } : {});
  return inspectReport(actions, result, file.name, previous);
}

/** Last year's tables from any file the loader reads. */
export async function loadPrevious(file: File): Promise<TableSet> {
  const { tablesFromFile } = await import("../load/tables");
  return previousTables((await tablesFromFile(await bytesOf(file), file.name)).tables, `「${file.name}」`);
}

/** Updates the parts in the document and its recorded data; returns what changed and how many were updated. */
export async function updateParts(
  actions: WordActions,
  linked: LinkedReport,
  parts: DocPart[],
): Promise<{ changes: ChangeLine[]; updated: number }> {
  const [{ renderPart, reportXml }, { graphicNotRedrawn }] = await Promise.all([
    import("../docx"),
    import("../publish/graphicPart"),
  ]);
  const items: { part: string; alias: string; base64: string }[] = [];
  const notDrawn: ChangeLine[] = [];
  for (const p of parts) {
    let part: DocPart;
    try {
      part = await drawnPart(actions, linked, p);
    } catch (e) {
      // A picture this host cannot draw stays as it is; the rest is updated.
      notDrawn.push({
        alias: p.alias,
        lines: [graphicNotRedrawn(e instanceof Error ? e.message : String(e))],
      });
      continue;
    }
    items.push({ part: p.id, alias: p.alias, base64: toBase64(await renderPart(part, false)) });
  }
  const missing = await actions.replaceParts(items);
  const done = parts.filter((p) => items.some((i) => i.part === p.id) && !missing.includes(p.id));
  // Recorded as current: the parts just written; the others keep what the document recorded for them.
  const hashes = { ...linked.storedHashes };
  for (const p of done) hashes[p.id] = hashText(partText(p));
  await actions.writeReportXml(
    reportXml(linked.result.tables, { source: linked.source, generated: new Date().toISOString(), hashes }),
  );
  const changes = [...changeLines(linked.doc, done, linked), ...notDrawn];
  const stale = await staleInDocument(actions, linked);
  if (stale) changes.push(stale);
  return { changes, updated: done.length };
}

/** The sentences people wrote that disagree with the new tables, or why they could not be read; null if none. */
async function staleInDocument(actions: WordActions, linked: LinkedReport): Promise<ChangeLine | null> {
  const { staleSentences, STALE_HEADING, STALE_UNREAD } = await import("../docx");
  let lines: string[];
  try {
    lines = staleSentences(await actions.documentBytes(), "当前文档.docx", linked.result.tables);
  } catch {
    lines = [STALE_UNREAD];
  }
  return lines.length ? { alias: STALE_HEADING, lines } : null;
}

/**
 * Inserts a part, in its tagged control, at the cursor, and records its hash in the document's data: what was
 * just inserted is up to date (the other parts' hashes stay as the document had them).
 */
export async function insertPart(actions: WordActions, linked: LinkedReport, part: DocPart): Promise<void> {
  const [{ renderPart, reportXml }, { parseReportXml }] = await Promise.all([
    import("../docx"),
    import("../docx/customxml"),
  ]);
  await actions.insertAtCursor(toBase64(await renderPart(await drawnPart(actions, linked, part), true)));
  const xml = await actions.readReportXml();
  const stored = xml ? parseReportXml(xml) : null;
  await actions.writeReportXml(
    reportXml(stored?.tables ?? linked.result.tables, {
      source: stored ? stored.meta.source : linked.source,
      generated: stored?.meta.generated ?? new Date().toISOString(),
      hashes: { ...stored?.meta.hashes, [part.id]: hashText(partText(part)) },
    }),
  );
}

/** A part ready to write: the 图解's picture drawn (the host's canvas, or `actions.drawPng`), other parts as they are. */
async function drawnPart(actions: WordActions, linked: LinkedReport, part: DocPart): Promise<DocPart> {
  if (!part.blocks.some((b) => b.kind === "picture" && !b.image)) return part;
  const [{ canvasPng }, { drawn }] = await Promise.all([
    import("./publish"),
    import("../publish/graphicPart"),
  ]);
  const png = await (actions.drawPng ?? canvasPng)(linked.graphicSvg);
  return drawn(part, new Uint8Array(await png.arrayBuffer()));
}

/** A finding of the open document, with the text to select for it. */
export interface DocumentFinding extends Finding {
  find: string;
}

export interface DocumentCheck {
  /** What was read: agency, year, format, where each table was found, what could not be read. */
  read: ReportFile;
  findings: DocumentFinding[];
}

/**
 * The text to look for in the document for a finding: the sentence X3 quotes, a heading or a row label as the
 * document prints it (C1, L1 quote them), else the row's label.
 */
export function findingText(f: Finding, format: FormatDef): string {
  const quoted = /^正文「(.*?)(?:…)?」中|标题写作「(.*?)」|行名(?:为)?「(.*?)」/.exec(f.message);
  const printed = quoted?.[1] ?? quoted?.[2] ?? quoted?.[3];
  if (printed) return printed.slice(0, 60);
  // Another text finding: the report's own words it quotes (a remnant, the lead, a sentence of 五), its cut marks off.
  const written = f.table === "text" ? writtenQuote(f)?.replace(/^…|…$/g, "") : undefined;
  if (written) return written.slice(0, 60);
  const label =
    (f.table === "t3" && format.t3.rows.find((r) => r.key === f.row)?.label) ||
    (f.table === "t2" && format.t2?.blocks.flatMap((b) => b.rows).find((r) => r.key === f.row)?.label) ||
    (f.table === "t4" ? format.t4.review.label : "") ||
    { t2: format.t2?.title ?? "", t3: format.t3.title, t4: format.t4.title, text: "" }[f.table];
  // Without numbering and remarks, which people type in many ways.
  return stripNumbering(label).replace(/（.*$/, "");
}

/**
 * Checks the open document as a report in a national format, whoever made it: its tables, its text (X3, X4), its
 * completeness and what reviewers read for (the 审核要点's national defaults), and R1 from the date it carries.
 */
export async function checkOpenDocument(actions: WordActions): Promise<DocumentCheck> {
  const [
    { readReportFile },
    { numericTables },
    { checkReadReport },
    { ownReportFindings },
    { isGovernment },
  ] = await Promise.all([
    import("../load/report"),
    import("../report/read/tables"),
    import("../report/read/text"),
    import("../report/audit/batch"),
    import("../report/audit/deadline"),
  ]);
  const read = readReportFile(await actions.documentBytes(), "当前文档.docx");
  const format = getFormat(read.tables.format);
  const numeric = numericTables(read.tables);
  // R1 from the date the document carries (its 落款, a date under its title).
  const own = ownReportFindings(
    {
      unit: numeric.agency,
      file: "当前文档.docx",
      tables: numeric,
      source: read.source,
      ...(read.published ? { published: read.published } : {}),
      government: isGovernment(numeric.agency),
    },
    { year: numeric.year },
  );
  const findings = [...checkReadReport(read, numeric), ...own].map((f) => ({
    ...f,
    find: findingText(f, format),
  }));
  return { read, findings };
}
