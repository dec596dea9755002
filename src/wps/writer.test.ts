/**
 * The WPS 文字 adapter on a fake WPS 文字 Application that counts every call into WPS: the `ogi:` controls
 * listed, the custom XML part read and written, parts put into their controls through temp files and
 * Range.InsertFile (controls, tags and the paragraphs people wrote kept; temp files removed), a part at the
 * cursor, the document as .docx, a text selected; the calls per action the same for a register ten times as
 * long; a WPS without FileSystem or with a failing InsertFile said in Chinese. No WPS runs here.
 */
import { longerSample } from "../../test/helpers";
import { wpsBlocks } from "../../test/docx";
import { createReport, renderPart } from "../docx";
import { OGI_NS } from "../docx/namespace";
import { findSdts, textOf } from "../docx/ooxml";
import { readZip, xmlText } from "../docx/zip";
import { compileWorkbook } from "../report/compile";
import { buildDocument, documentParts, partText } from "../report/text/document";
import { sampleWorkbook } from "../report/sample";
import type { WorkbookData } from "../report/common/cells";
import {
  documentBytesWps,
  insertAtCursorWps,
  listControlsWps,
  readReportXmlWps,
  replacePartsWps,
  selectTextWps,
  writeReportXmlWps,
  writerNotes,
} from "./writer";
import type { WriterHost } from "./writer";

type Block = { text: string; tag?: string; file?: string; inserted?: string };
interface FakeWps {
  Application: WriterHost;
  state: {
    blocks: Block[];
    customXml: { xml: string }[];
    files: Map<string, string>;
    removed: string[];
    calls: number;
    ops: { op: string; path?: string; tag?: string | null; format?: number }[];
    selected: string | null;
    cursor: number;
  };
  bytesOf: (binary: string) => Uint8Array;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeWps } = require("../../test/fake-wps.js") as {
  createFakeWps: (
    initial?: {
      blocks?: object[];
      customXml?: string[];
      file?: Uint8Array;
      saved?: boolean;
      fullName?: string;
      closed?: boolean;
    },
    profile?: { fileSystem?: boolean; insertFile?: boolean; writes?: number; tempPath?: string },
  ) => FakeWps;
};

async function report(wb: WorkbookData = sampleWorkbook()) {
  const result = compileWorkbook(wb);
  const doc = buildDocument({ tables: result.tables, info: result.info, sentences: result.sentences });
  const bytes = await createReport(result);
  const customXml = readZip(bytes, "r")
    .entries.filter((e) => /^customXml\/item\d+\.xml$/.test(e.name))
    .map((e) => new TextDecoder().decode(e.data));
  return { result, doc, bytes, blocks: wpsBlocks(bytes), customXml };
}

const base64Parts = (doc: ReturnType<typeof buildDocument>) =>
  Promise.all(
    documentParts(doc).map(async (p) => ({
      part: p.id,
      base64: Buffer.from(await renderPart(p, false)).toString("base64"),
    })),
  );

/** The text of a .docx the fake was given as a binary string. */
const docxText = (f: FakeWps, binary: string) =>
  textOf(xmlText(readZip(f.bytesOf(binary), "p"), "word/document.xml", "p") as string);

describe("WPS 文字", () => {
  test("lists the ogi: controls with their text, reads and writes the report's custom XML part", async () => {
    const r = await report();
    const f = createFakeWps({
      blocks: [
        ...r.blocks,
        { tag: "someone-else", text: "别的控件" },
        { tag: "ogi:x.cell", text: "甲\r乙\x07" },
      ],
      customXml: ['<other xmlns="urn:other"/>', ...r.customXml],
    });
    const listed = listControlsWps(f.Application);
    expect(listed.map((c) => c.part)).toEqual([...documentParts(r.doc).map((p) => p.id), "x.cell"]);
    // Paragraph marks read as line breaks, table cell marks dropped, as Word's Office.js gives a control's text.
    expect(listed[listed.length - 1].text).toBe("甲\n乙");
    expect(listed.find((c) => c.part === "s1.new")?.text).toBe(
      r.blocks.find((b) => "tag" in b && b.tag === "ogi:s1.new")?.text,
    );
    expect(readReportXmlWps(f.Application, OGI_NS)).toBe(r.customXml.find((x) => x.includes(OGI_NS)));
    writeReportXmlWps(f.Application, OGI_NS, `<r xmlns="${OGI_NS}"/>`);
    expect(f.state.customXml.map((x) => x.xml)).toEqual([
      '<other xmlns="urn:other"/>',
      `<r xmlns="${OGI_NS}"/>`,
    ]);
    expect(readReportXmlWps(createFakeWps().Application, OGI_NS)).toBeNull();
  });

  test("updates every part in place: the controls and the paragraphs people wrote stay, temp files are removed", async () => {
    const r = await report();
    const f = createFakeWps({ blocks: r.blocks });
    const items = await base64Parts(r.doc);
    const missing = replacePartsWps(f.Application, [...items, { part: "s9.none", base64: "AA==" }]);
    expect(missing).toEqual(["s9.none"]);
    expect(f.state.blocks.map((b) => b.tag ?? b.text)).toEqual(
      r.blocks.map((b) => ("tag" in b ? b.tag : b.text)),
    );
    for (const p of documentParts(r.doc)) {
      const block = f.state.blocks.find((b) => b.tag === `ogi:${p.id}`);
      const inserted = block?.file ?? "";
      // The bare part, no second control inside the kept one; its text the part's.
      const inner = xmlText(readZip(f.bytesOf(inserted), "p"), "word/document.xml", "p") as string;
      expect({ part: p.id, controls: findSdts(inner).length }).toEqual({ part: p.id, controls: 0 });
      expect({ part: p.id, text: docxText(f, inserted).replace(/\s+/g, "") }).toEqual({
        part: p.id,
        text: expect.stringContaining(partText(p).replace(/\s+/g, "").slice(0, 20)),
      });
    }
    const writes = f.state.ops.filter((o) => o.op === "writeFile").map((o) => o.path as string);
    expect(writes).toHaveLength(items.length);
    for (const w of writes) expect(w).toMatch(/^C:\\Users\\zw\\AppData\\Local\\Temp\\ogi-[^\\/]+\.docx$/);
    expect(new Set(writes).size).toBe(writes.length);
    expect(f.state.removed.sort()).toEqual([...writes].sort());
    expect([...f.state.files.keys()]).toEqual([]);
  });

  test("on 麒麟/统信 the temp file goes to /tmp with forward slashes", async () => {
    const r = await report();
    const f = createFakeWps({ blocks: r.blocks }, { tempPath: "/tmp/" });
    replacePartsWps(f.Application, (await base64Parts(r.doc)).slice(0, 1));
    expect(f.state.ops.find((o) => o.op === "writeFile")?.path).toMatch(/^\/tmp\/ogi-[^\\/]+\.docx$/);
  });

  test("the calls into WPS per action do not grow with the register", async () => {
    const calls = await Promise.all(
      [1, 10].map(async (times) => {
        const r = await report(longerSample(times));
        const f = createFakeWps({ blocks: r.blocks, customXml: r.customXml });
        const counts: number[] = [];
        const step = (body: () => unknown) => {
          const before = f.state.calls;
          body();
          counts.push(f.state.calls - before);
        };
        const items = await base64Parts(r.doc);
        step(() => listControlsWps(f.Application));
        step(() => readReportXmlWps(f.Application, OGI_NS));
        step(() => replacePartsWps(f.Application, items));
        step(() => writeReportXmlWps(f.Application, OGI_NS, r.customXml[0]));
        return { counts, table3: r.result.tables.t3.new[6] };
      }),
    );
    expect(calls[1].table3).toBe((calls[0].table3 as number) * 10);
    expect(calls[1].counts).toEqual(calls[0].counts);
    expect(calls[0].counts.every((n) => n > 0)).toBe(true);
  });

  test("inserts a part, in its tagged control, at the cursor", async () => {
    const r = await report();
    const f = createFakeWps({ blocks: [{ text: "第一段。" }, { text: "第二段。" }] });
    f.state.cursor = 1;
    const part = documentParts(r.doc).find((p) => p.id === "s4.cases");
    if (!part) throw new Error("s4.cases");
    insertAtCursorWps(f.Application, Buffer.from(await renderPart(part, true)).toString("base64"));
    expect(f.state.blocks.map((b) => b.text.slice(0, 4))).toEqual(["第一段。", "（已插入", "第二段。"]);
    const xml = xmlText(readZip(f.bytesOf(f.state.blocks[1].inserted ?? ""), "p"), "word/document.xml", "p");
    expect(findSdts(xml as string).map((s) => s.tag)).toEqual(["ogi:s4.cases"]);
    expect([...f.state.files.keys()]).toEqual([]);
  });

  test("gives the document as .docx: the saved file, else its content exported; selects a text", async () => {
    const r = await report();
    const saved = createFakeWps({
      blocks: r.blocks,
      file: r.bytes,
      saved: true,
      fullName: "D:\\年报\\报告.docx",
    });
    expect(Buffer.from(documentBytesWps(saved.Application)).equals(Buffer.from(r.bytes))).toBe(true);
    expect(saved.state.ops.map((o) => o.op)).not.toContain("ExportFragment");
    const unsaved = createFakeWps({ blocks: r.blocks, file: r.bytes });
    expect(Buffer.from(documentBytesWps(unsaved.Application)).equals(Buffer.from(r.bytes))).toBe(true);
    expect(unsaved.state.ops.filter((o) => o.op === "ExportFragment")).toEqual([
      { op: "ExportFragment", format: 16 },
    ]);
    expect([...unsaved.state.files.keys()]).toEqual([]);
    expect(selectTextWps(unsaved.Application, "人工撰写的第2段")).toBe(true);
    expect(unsaved.state.selected).toBe("人工撰写的第2段");
    expect(selectTextWps(unsaved.Application, "文档里没有的话")).toBe(false);
  });

  test("a WPS without FileSystem, or whose InsertFile fails, is told in Chinese; nothing is left behind", async () => {
    const r = await report();
    const items = await base64Parts(r.doc);
    const bare = createFakeWps({ blocks: r.blocks }, { fileSystem: false });
    expect(writerNotes(bare.Application)).toEqual([expect.stringContaining("FileSystem")]);
    expect(() => replacePartsWps(bare.Application, items)).toThrow(/不能在文档中直接更新/);
    expect(() => documentBytesWps(bare.Application)).toThrow(/FileSystem）.*不能读取当前文档/);
    expect(listControlsWps(bare.Application)).toHaveLength(items.length);
    expect(writerNotes(createFakeWps().Application)).toEqual([]);
    const failing = createFakeWps({ blocks: r.blocks }, { insertFile: false });
    expect(() => replacePartsWps(failing.Application, items)).toThrow(
      new RegExp(`^WPS 未能把「${items[0].part}」插入文档`),
    );
    expect([...failing.state.files.keys()]).toEqual([]);
    expect(failing.state.blocks).toEqual(r.blocks);
    // A temp folder that takes one file and refuses the next: nothing is inserted, the one file is removed.
    const full = createFakeWps({ blocks: r.blocks }, { writes: 1 });
    expect(() => replacePartsWps(full.Application, items)).toThrow(/^WPS 无法写入临时文件「C:\\Users/);
    expect(full.state.ops.filter((o) => o.op === "InsertFile")).toEqual([]);
    expect(full.state.removed).toHaveLength(1);
    expect([...full.state.files.keys()]).toEqual([]);
    expect(full.state.blocks).toEqual(r.blocks);
    // WPS 文字 with no document open.
    expect(() => listControlsWps(createFakeWps({ closed: true }).Application)).toThrow(
      "WPS 文字中没有打开的文档，请先打开报告。",
    );
  });
});
