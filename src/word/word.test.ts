/**
 * The Word side: the adapters against a fake Word host (operations and sync counts), each part rendered alone
 * as a .docx and opened in LibreOffice, and the states of a stale report.
 */
import { retypeApplicant } from "../../test/helpers";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { pdfText, sofficeAll, squeeze } from "../../test/office";
import { needs } from "../../test/tools";
import { compileWorkbook } from "../report/compile";
import { buildDocument, documentParts, partText } from "../report/text/document";
import { partStates } from "../report/text/linking";
import { sampleWorkbook } from "../report/sample";
import { createReport, renderPart } from "../docx";
import { OGI_NS, readStoredReport } from "../docx/customxml";
import { findSdts, textOf } from "../docx/ooxml";
import { readZip, xmlText } from "../docx/zip";
import { insertAtCursor, listControls, readReportXml, replaceParts, writeReportXml } from "./adapter";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeWord } = require("../../test/fake-word.js") as {
  createFakeWord: (initial?: { controls?: { tag: string; text: string }[]; customXml?: string[] }) => {
    context: Word.RequestContext;
    state: {
      controls: { tag: string; text: string; replacedWith?: string }[];
      customXml: { xml: string }[];
      ops: { op: string; tag?: string; mode?: string }[];
      syncs: number;
      inserted: string[];
    };
  };
};

const docOf = (wb = sampleWorkbook()) => {
  const r = compileWorkbook(wb);
  return { result: r, doc: buildDocument({ tables: r.tables, info: r.info, sentences: r.sentences }) };
};

/** What a generated report holds: its controls' tags and texts, and its stored custom XML. */
function holdings(file: Uint8Array) {
  const zip = readZip(file, "r");
  const xml = xmlText(zip, "word/document.xml", "r") as string;
  const sdts = findSdts(xml).filter((s) => s.tag.startsWith("ogi:"));
  return {
    controls: sdts.map((s) => ({ tag: s.tag, text: textOf(xml.slice(s.content.start, s.content.end)) })),
    stored: readStoredReport(zip, "r"),
    customXml: zip.entries
      .filter((e) => e.name.startsWith("customXml/item"))
      .map((e) => new TextDecoder().decode(e.data)),
  };
}

describe("Word adapters against a fake host", () => {
  test("list the ogi: controls in one sync; read and write the custom XML part in two each", async () => {
    const { doc, result } = docOf();
    const h = holdings(await createReport(result));
    const f = createFakeWord({
      controls: [...h.controls, { tag: "someone-else", text: "别的控件" }],
      customXml: h.customXml,
    });
    const controls = await listControls(f.context);
    expect(controls.map((c) => c.part)).toEqual(documentParts(doc).map((p) => p.id));
    expect(f.state.syncs).toBe(1);
    const xml = await readReportXml(f.context, OGI_NS);
    expect(xml).toContain(OGI_NS);
    expect(f.state.syncs).toBe(3);
    await writeReportXml(f.context, OGI_NS, `<r xmlns="${OGI_NS}"/>`);
    expect(f.state.syncs).toBe(5);
    expect(f.state.customXml.filter((x) => x.xml.includes(OGI_NS))).toEqual([
      { xml: `<r xmlns="${OGI_NS}"/>` },
    ]);
  });

  test("replacing parts keeps the controls, whatever their number, in two syncs; missing ones are named", async () => {
    const { doc, result } = docOf();
    const h = holdings(await createReport(result));
    const f = createFakeWord({ controls: h.controls });
    const parts = documentParts(doc);
    const items = await Promise.all(
      parts.map(async (p) => ({
        part: p.id,
        base64: Buffer.from(await renderPart(p, false)).toString("base64"),
      })),
    );
    const missing = await replaceParts(f.context, [...items, { part: "s9.none", base64: "AA==" }]);
    expect(missing).toEqual(["s9.none"]);
    expect(f.state.syncs).toBe(2);
    expect(f.state.controls.map((c) => c.tag)).toEqual(h.controls.map((c) => c.tag));
    expect(f.state.ops.map((o) => [o.op, o.tag, o.mode])).toEqual(
      parts.map((p) => ["insertFile", `ogi:${p.id}`, "Replace"]),
    );
    // The inserted file is the bare part: its content, without a second control.
    const t3 = f.state.controls.find((c) => c.tag === "ogi:table3")?.replacedWith as string;
    const inner = xmlText(
      readZip(new Uint8Array(Buffer.from(t3, "base64")), "p"),
      "word/document.xml",
      "p",
    ) as string;
    expect(findSdts(inner)).toEqual([]);
    expect(textOf(inner)).toContain("一、本年新收政府信息公开申请数量");
  });

  test("inserting at the cursor puts the part in its tagged control, in one sync", async () => {
    const { doc } = docOf();
    const f = createFakeWord();
    const part = documentParts(doc).find((p) => p.id === "s4.cases");
    if (!part) throw new Error("s4.cases");
    await insertAtCursor(f.context, Buffer.from(await renderPart(part, true)).toString("base64"));
    expect(f.state.syncs).toBe(1);
    const xml = xmlText(
      readZip(new Uint8Array(Buffer.from(f.state.inserted[0], "base64")), "p"),
      "word/document.xml",
      "p",
    ) as string;
    expect(findSdts(xml).map((s) => [s.tag, s.alias])).toEqual([["ogi:s4.cases", part.alias]]);
  });
});

describe("each part as a standalone .docx", () => {
  needs("soffice", "pdftotext", "cjkFont").test(
    "opens in LibreOffice and holds the right labels and numbers",
    async () => {
      const { doc, result } = docOf();
      const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-parts-"));
      const parts = documentParts(doc);
      const files = await Promise.all(
        parts.map(async (p) => {
          const file = path.join(dir, `${p.id}.docx`);
          writeFileSync(file, await renderPart(p, true));
          return file;
        }),
      );
      sofficeAll(files, "pdf", dir);
      for (const p of parts) {
        const text = pdfText(path.join(dir, `${p.id}.pdf`));
        if (p.id === "table3") {
          expect(text).toContain(squeeze("一、本年新收政府信息公开申请数量"));
          expect(text).toContain(
            squeeze("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"),
          );
          expect(text).toContain(String(result.tables.t3.total[6]));
        } else if (p.id === "table4") {
          expect(text).toContain("未经复议直接起诉");
          expect(text).toContain(String(result.tables.t4[4]));
        } else if (p.id === "table2") {
          expect(text).toContain(squeeze("第二十条第（一）项"));
          expect(text).toContain("1260");
        } else
          expect({ part: p.id, text }).toEqual({
            part: p.id,
            text: expect.stringContaining(squeeze(partText(p)).slice(0, 30)),
          });
      }
      rmSync(dir, { recursive: true, force: true });
    },
    240000,
  );
});

describe("a stale report", () => {
  test("made from last month's workbook: exactly the parts that changed are 已过期; a deleted control is 缺失", async () => {
    const lastMonth = sampleWorkbook();
    // Last month, one application received this year was still typed as 自然人.
    const now = sampleWorkbook();
    retypeApplicant(now, "法律服务机构");
    const old = docOf(lastMonth);
    const bytes = await createReport(old.result);
    const h = holdings(bytes);
    const fresh = docOf(now).doc;
    const states = partStates(fresh, {
      tags: h.controls.map((c) => c.tag.slice(4)),
      hashes: h.stored?.meta.hashes,
    });
    const stale = states.filter((s) => s.state === "stale").map((s) => s.part);
    // Only 表三's columns moved: the totals, and so every sentence, are the same.
    expect(stale).toEqual(["table3"]);
    expect(states.filter((s) => s.state === "current")).toHaveLength(documentParts(fresh).length - 1);
    // Without recorded hashes, the controls' text tells the same.
    const byText = partStates(fresh, {
      tags: h.controls.map((c) => c.tag.slice(4)),
      texts: Object.fromEntries(h.controls.map((c) => [c.tag.slice(4), c.text])),
    });
    expect(byText.filter((s) => s.state === "stale").map((s) => s.part)).toEqual(["table3"]);
    const withoutFees = partStates(fresh, {
      tags: h.controls.map((c) => c.tag.slice(4)).filter((t) => t !== "s6.fees"),
      hashes: h.stored?.meta.hashes,
    });
    expect(withoutFees.find((s) => s.part === "s6.fees")?.state).toBe("missing");
  });
});
