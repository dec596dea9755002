/**
 * @jest-environment jsdom
 */
/**
 * The 图解 in the Word pane, over the fake Word: a report without one lists it as 未插入 (not 缺失, not for
 * 全部更新); 插入 puts the picture at the cursor in its `ogi:graphic` control — the PNG the host drew, its alt
 * text the 图解's description — and records it as up to date; with new numbers it is 已过期 and 全部更新 puts a
 * bare picture into the control that is there, saying it was redrawn.
 */
import "../../test/jsdom-polyfills";
import { Resvg } from "@resvg/resvg-js";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { createReport } from "../docx";
import { parseReportXml } from "../docx/customxml";
import { findSdts, textOf } from "../docx/ooxml";
import { readZip, xmlText } from "../docx/zip";
import { wordActions } from "../word/actions";
import { compileWorkbook } from "../report/compile";
import { sampleWorkbook } from "../report/sample";
import { workbookBuffer } from "../workbook/write";
import { SHEETS } from "../report/register/registers";
import type { WorkbookData } from "../report/common/cells";
import { WordPane } from "./WordPane";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeWord } = require("../../test/fake-word.js") as {
  createFakeWord: (i: object) => {
    Word: unknown;
    Office: unknown;
    state: {
      controls: { tag: string; text: string; replacedWith?: string }[];
      customXml: { xml: string }[];
      inserted: string[];
    };
  };
};

const fromBase64 = (b64: string) => new Uint8Array(Buffer.from(b64, "base64"));
const documentXml = (bytes: Uint8Array) => xmlText(readZip(bytes, "p"), "word/document.xml", "p") as string;
/** The tags of the controls a .docx holds: what Word adds when the file is inserted. */
const tagsOfFile = (b64: string) => findSdts(documentXml(fromBase64(b64))).map((s) => s.tag);
/** The picture's description in a part's XML (its alt text), unescaped. */
const descr = (xml: string) =>
  (/<wp:docPr\b[^>]*\sdescr="([^"]*)"/.exec(xml)?.[1] ?? "").replace(/&amp;/g, "&").replace(/&quot;/g, '"');

async function pick(wb: WorkbookData, name: string) {
  const bytes = await workbookBuffer(wb);
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  Object.defineProperty(file, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  await act(async () => {
    fireEvent.change(screen.getByLabelText("选择登记台账"), { target: { files: [file] } });
  });
}

const graphicItem = () => document.querySelector('li[data-part="graphic"]') as HTMLElement;
const stateOf = (li: HTMLElement | null) => li?.querySelector("[data-state]")?.getAttribute("data-state");

test("图解: 未插入 → inserted at the cursor as our part → 最新 → 已过期 with new numbers → redrawn in its control", async () => {
  const made = await createReport(compileWorkbook(sampleWorkbook()), "台账.xlsx");
  const zip = readZip(made, "r");
  const xml = xmlText(zip, "word/document.xml", "r") as string;
  const f = createFakeWord({
    controls: findSdts(xml).map((s) => ({
      tag: s.tag,
      text: textOf(xml.slice(s.content.start, s.content.end)),
    })),
    customXml: zip.entries
      .filter((e) => /^customXml\/item\d+\.xml$/.test(e.name))
      .map((e) => new TextDecoder().decode(e.data)),
    tagsOfFile,
  });
  Object.assign(globalThis, { Word: f.Word, Office: f.Office });
  // The host's drawing: resvg here (no canvas in jsdom), the picture's size the SVG's.
  const drawnSvgs: string[] = [];
  const pngs: Uint8Array[] = [];
  const actions = {
    ...wordActions(),
    drawPng: async (svg: string) => {
      drawnSvgs.push(svg);
      const png = new Uint8Array(new Resvg(svg).render().asPng());
      pngs.push(png);
      return new Blob([png as Uint8Array<ArrayBuffer>], { type: "image/png" });
    },
  };
  try {
    render(<WordPane actions={actions} />);
    await pick(sampleWorkbook(), "台账.xlsx");
    await screen.findByRole("list", { name: "报告各部分" }, { timeout: 30000 });
    expect(stateOf(graphicItem())).toBe("absent");
    expect(within(graphicItem()).getByText("未插入")).toBeTruthy();
    expect(screen.getByRole("button", { name: "全部最新" })).toBeTruthy();
    const storedBefore = parseReportXml(f.state.customXml[0].xml)?.meta.hashes ?? {};

    await act(async () => {
      fireEvent.click(within(graphicItem()).getByRole("button", { name: "插入" }));
    });
    await screen.findByText("已在光标处插入「图解」。", {}, { timeout: 30000 });
    // What went in: the picture in its control, the PNG the host drew, the description holding the numbers.
    const inserted = fromBase64(f.state.inserted[0]);
    const ixml = documentXml(inserted);
    expect(findSdts(ixml).map((s) => s.tag)).toEqual(["ogi:graphic"]);
    const media = readZip(inserted, "p").entries.filter((e) => e.name.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(drawnSvgs[0]).toContain("<desc");
    const desc = descr(ixml);
    const svgDesc = /<desc[^>]*>([^<]*)<\/desc>/.exec(drawnSvgs[0])?.[1];
    expect(desc).toBe(svgDesc);
    const t3 = compileWorkbook(sampleWorkbook()).tables.t3;
    expect(desc).toContain(`本年新收政府信息公开申请数量${(t3.new as number[])[6]}`);
    // Up to date at once; the other parts' recorded hashes as the document had them.
    expect(stateOf(graphicItem())).toBe("current");
    const storedAfter = parseReportXml(f.state.customXml[0].xml)?.meta.hashes ?? {};
    expect(Object.keys(storedAfter).sort()).toEqual([...Object.keys(storedBefore), "graphic"].sort());
    for (const [id, hash] of Object.entries(storedBefore)) expect(storedAfter[id]).toBe(hash);

    // New numbers: the register less its first 70 rows. The 图解 is stale with the rest, and redrawn in its control.
    const wb = sampleWorkbook();
    wb.sheets.find((s) => s.name === SHEETS.applications)?.rows.splice(1, 70);
    await pick(wb, "本月.xlsx");
    await screen.findByRole("button", { name: /全部更新（\d+个部分已过期）/ }, { timeout: 30000 });
    expect(stateOf(graphicItem())).toBe("stale");
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: /全部更新/ }));
    });
    await screen.findByText(/已更新\d+个部分/, {}, { timeout: 30000 });
    const control = f.state.controls.find((c) => c.tag === "ogi:graphic");
    const bare = documentXml(fromBase64(control?.replacedWith as string));
    expect(findSdts(bare)).toEqual([]);
    const fresh = compileWorkbook(wb).tables.t3;
    expect(descr(bare)).toContain(`本年新收政府信息公开申请数量${(fresh.new as number[])[6]}`);
    expect(descr(bare)).not.toBe(desc);
    const changes = screen.getByRole("list", { name: "改动" });
    expect(changes.textContent).toContain("图解");
    expect(changes.textContent).toContain("已按最新数据重新绘制");
    expect(stateOf(graphicItem())).toBe("current");
  } finally {
    delete (globalThis as { Word?: unknown }).Word;
    delete (globalThis as { Office?: unknown }).Office;
  }
}, 90000);
