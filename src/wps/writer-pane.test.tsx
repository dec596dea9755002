/**
 * @jest-environment jsdom
 */
/**
 * The Word pane in WPS 文字 (Testing Library over the fake WPS 文字 Application): a report made last month shows
 * exactly its stale part, is updated in place with the paragraphs people wrote untouched, and then shows every
 * part current; where WPS gives the add-in no FileSystem, or InsertFile fails, the pane says so and the
 * updated copy is downloaded instead.
 */
import { retypeApplicant } from "../../test/helpers";
import "../../test/jsdom-polyfills";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { wpsBlocks } from "../../test/docx";
import { createReport } from "../docx";
import { parseReportXml, readStoredReport } from "../docx/customxml";
import { readZip } from "../docx/zip";
import { compileWorkbook } from "../report/compile";
import { buildDocument, documentParts } from "../report/text/document";
import { sampleWorkbook } from "../report/sample";
import { WordPane } from "../taskpane/WordPane";
import { workbookBuffer } from "../workbook/write";
import { writerActions } from "./actions";
import type { WriterHost } from "./writer";

interface FakeWps {
  Application: WriterHost;
  state: {
    blocks: { text: string; tag?: string; file?: string }[];
    customXml: { xml: string }[];
    files: Map<string, string>;
  };
  bytesOf: (binary: string) => Uint8Array;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeWps } = require("../../test/fake-wps.js") as {
  createFakeWps: (initial: object, profile?: object) => FakeWps;
};

/** A picked file whose bytes jsdom can give back. */
function picked(bytes: Uint8Array, name: string): File {
  const file = new File([bytes as Uint8Array<ArrayBuffer>], name);
  Object.defineProperty(file, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  return file;
}

/** Last month's report (from the sample) and this month's register (one applicant type changed: 表三 moves). */
async function lastMonth() {
  const wb = sampleWorkbook();
  const report = await createReport(compileWorkbook(wb));
  retypeApplicant(wb, "法律服务机构");
  const customXml = readZip(report, "r")
    .entries.filter((e) => /^customXml\/item\d+\.xml$/.test(e.name))
    .map((e) => new TextDecoder().decode(e.data));
  return {
    report,
    blocks: wpsBlocks(report),
    customXml,
    now: compileWorkbook(wb),
    workbook: picked(await workbookBuffer(wb), "本月台账.xlsx"),
  };
}

async function pick(label: string, file: File) {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
  });
}

test("WPS 文字: the stale part updated in place, the rest of the document untouched, then all current", async () => {
  const m = await lastMonth();
  const f = createFakeWps({ blocks: m.blocks, customXml: m.customXml });
  render(<WordPane actions={writerActions(f.Application)} />);
  await pick("选择登记台账", m.workbook);
  const states = () =>
    Array.from(document.querySelectorAll("li[data-part]")).map((li) => [
      li.getAttribute("data-part"),
      li.querySelector("[data-state]")?.getAttribute("data-state"),
    ]);
  // The 图解, which this report never held, is 未插入 — not 缺失, and not for 全部更新.
  expect(states().filter(([, s]) => s !== "current")).toEqual([
    ["table3", "stale"],
    ["graphic", "absent"],
  ]);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "全部更新（1个部分已过期）" }));
  });
  await screen.findByText("已更新1个部分。");
  // Only table3's control got new content; every other block, and every control's place and tag, is as it was.
  const changed = f.state.blocks.filter((b, i) => JSON.stringify(b) !== JSON.stringify(m.blocks[i]));
  expect(changed.map((b) => b.tag)).toEqual(["ogi:table3"]);
  expect(f.state.blocks.map((b) => b.tag ?? b.text)).toEqual(
    m.blocks.map((b) => ("tag" in b ? b.tag : b.text)),
  );
  expect(states().filter(([, s]) => s !== "current")).toEqual([["graphic", "absent"]]);
  expect(screen.getByRole("button", { name: "全部最新" })).toBeTruthy();
  const stored = f.state.customXml.filter((x) => x.xml.includes("ogi"));
  expect(stored).toHaveLength(1);
  expect(parseReportXml(stored[0].xml)?.tables.t3).toEqual(m.now.tables.t3);
});

test("WPS without FileSystem: the pane says so, and downloads the updated copy of the report picked", async () => {
  const m = await lastMonth();
  const f = createFakeWps({ blocks: m.blocks, customXml: m.customXml }, { fileSystem: false });
  const downloads: { blob: Blob; name: string }[] = [];
  const actions = {
    ...writerActions(f.Application),
    download: (blob: Blob, name: string) => void downloads.push({ blob, name }),
  };
  render(<WordPane actions={actions} />);
  expect(screen.getByText(/没有向加载项提供文件接口（FileSystem）/)).toBeTruthy();
  await pick("选择登记台账", m.workbook);
  expect(screen.queryByRole("button", { name: /全部更新/ })).toBeNull();
  await pick("选择要更新的报告", picked(m.report, "2025年报告.docx"));
  await screen.findByText("报告已更新并下载，改动如下。");
  expect(downloads.map((d) => d.name)).toEqual(["2025年报告（已更新）.docx"]);
  const copy = new Uint8Array(await downloads[0].blob.arrayBuffer());
  expect(readStoredReport(readZip(copy, "c"), "c")?.tables.t3).toEqual(m.now.tables.t3);
  expect(f.state.blocks).toEqual(m.blocks);
});

test("WPS whose InsertFile fails: the error in Chinese, and the updated copy offered", async () => {
  const m = await lastMonth();
  const f = createFakeWps({ blocks: m.blocks, customXml: m.customXml }, { insertFile: false });
  render(<WordPane actions={writerActions(f.Application)} />);
  await pick("选择登记台账", m.workbook);
  expect(screen.queryByLabelText("选择要更新的报告")).toBeNull();
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "全部更新（1个部分已过期）" }));
  });
  // The part named as people know it (its caption), not by its id.
  const alias = documentParts(
    buildDocument({ tables: m.now.tables, info: m.now.info, sentences: m.now.sentences }),
  ).find((p) => p.id === "table3")?.alias;
  expect(alias).toMatch(/^表三/);
  await screen.findByText(
    `WPS 未能把「${alias}」插入文档：fake WPS: InsertFile failed 可以在下方选择报告文件，下载更新后的副本。`,
  );
  expect(f.state.customXml.map((x) => x.xml)).toEqual(m.customXml);
  // The copy is saved into 下载 through WPS's FileSystem, and the pane says where.
  await pick("选择要更新的报告", picked(m.report, "2025年报告.docx"));
  const where = "C:\\Users\\zw\\Downloads\\2025年报告（已更新）.docx";
  await screen.findByText(`更新后的副本已保存到：${where}。改动如下。`);
  const copy = readStoredReport(readZip(f.bytesOf(f.state.files.get(where) ?? ""), "c"), "c");
  expect(copy?.tables.t3).toEqual(m.now.tables.t3);
});
