/**
 * @jest-environment jsdom
 */
/**
 * The Word pane asks before writing tables that break the 勾稽 rules into the report; it checks the open
 * document as any report, each finding selecting its place (over the fake Word).
 */
import "../../test/jsdom-polyfills";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { createReport } from "../docx";
import { findSdts, textOf } from "../docx/ooxml";
import { readZip, writeZip, xmlText } from "../docx/zip";
import { documentText } from "../docx/readText";
import { withDocumentXml } from "../../test/docx";
import { fileModeActions } from "../actions/files";
import { wordActions } from "../word/actions";
import type { Cell } from "../report/common/cells";
import { compileWorkbook, toTablesJson } from "../report/compile";
import { SHEETS } from "../report/register/registers";
import { sampleWorkbook } from "../report/sample";
import { workbookBuffer } from "../workbook/write";
import type { WordActions } from "../actions/types";
import { WordPane } from "./WordPane";

test("error findings are shown, and updating asks first; nothing is written until the user agrees", async () => {
  const zip = readZip(await createReport(compileWorkbook(sampleWorkbook())), "r");
  const xml = xmlText(zip, "word/document.xml", "r") as string;
  const controls = findSdts(xml).map((s) => ({
    part: s.tag.slice(4),
    text: textOf(xml.slice(s.content.start, s.content.end)),
  }));
  const calls: string[] = [];
  const actions: WordActions = {
    listControls: async () => controls,
    readReportXml: async () => null,
    writeReportXml: async () => void calls.push("writeXml"),
    replaceParts: async (parts) => {
      calls.push(...parts.map((p) => `replace:${p.part}`));
      return [];
    },
    insertAtCursor: async () => void calls.push("insert"),
    documentBytes: async () => new Uint8Array(),
    selectText: async () => false,
    updateCopy: fileModeActions().updateReport,
    download: () => void calls.push("download"),
  };
  // This month's register has a carry-over from 报告信息 with no outcomes: P1 fails, and 表三 changes.
  const wb = sampleWorkbook();
  const info = wb.sheets.find((s) => s.name === SHEETS.info);
  info?.rows.push(["上年结转-自然人", 5] as Cell[]);
  wb.sheets.find((s) => s.name === SHEETS.applications)?.rows.splice(1, 70);
  const bytes = await workbookBuffer(wb);
  const file = new File([bytes as Uint8Array<ArrayBuffer>], "本月.xlsx");
  Object.defineProperty(file, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  render(<WordPane actions={actions} />);
  await act(async () => {
    fireEvent.change(screen.getByLabelText("选择登记台账"), { target: { files: [file] } });
  });
  const button = await screen.findByRole("button", { name: /全部更新（\d+个部分已过期）/ });
  expect(screen.getByRole("list", { name: "校验结果" }).textContent).toMatch(/P1：表三/);
  await act(async () => {
    fireEvent.click(button);
  });
  expect(screen.getByText(/数据有\d+个勾稽错误，更新后报告中的表格也会有这些错误/)).toBeTruthy();
  expect(calls).toEqual([]);
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "仍然更新" }));
  });
  await screen.findByText(/已更新\d+个部分/);
  expect(calls).toContain("replace:table3");
  expect(calls[calls.length - 1]).toBe("writeXml");
}, 60000);

test("检查本文档: a report we did not make (no data of ours) is read by its labels; X3 selects its sentence", async () => {
  const result = compileWorkbook(sampleWorkbook());
  const zip = readZip(await createReport(result), "r");
  zip.entries = zip.entries.filter((e) => !e.name.startsWith("customXml/"));
  const grant = result.tables.t3.grant[6] as number;
  const bytes = withDocumentXml(writeZip(zip), (xml) =>
    xml.replace(`予以公开${grant}件`, `予以公开${grant + 2}件`),
  );
  const text = documentText(xmlText(readZip(bytes, "r"), "word/document.xml", "r") as string).paragraphs.join(
    "\n",
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createFakeWord } = require("../../test/fake-word.js") as {
    createFakeWord: (
      i: object,
      p: object,
    ) => { Word: unknown; Office: unknown; state: { selected?: string; ops: { op: string }[] } };
  };
  const f = createFakeWord({ file: bytes, text }, { wordApi: "1.3" });
  Object.assign(globalThis, { Word: f.Word, Office: f.Office });
  try {
    render(<WordPane actions={wordActions()} />);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "检查本文档" }));
    });
    await screen.findByText(/按表格文字读取/);
    const list = await screen.findByRole("list", { name: "本文档的校验结果" });
    const x3 = Array.from(list.querySelectorAll("button")).find((b) => b.textContent?.startsWith("X3"));
    expect(x3?.textContent).toContain(`予以公开为${grant + 2}，而表三「（一）予以公开」总计为${grant}`);
    await act(async () => {
      fireEvent.click(x3 as HTMLElement);
    });
    expect(f.state.selected).toMatch(new RegExp(`^在答复的\\d+件申请中，予以公开${grant + 2}件`));
    expect(f.state.ops.map((o) => o.op)).toEqual(
      expect.arrayContaining(["getFileAsync", "closeFile", "select"]),
    );
  } finally {
    delete (globalThis as { Word?: unknown }).Word;
    delete (globalThis as { Office?: unknown }).Office;
  }
}, 60000);

test("a tables JSON (typed, or from another system) links to the report like a register: its numbers go in", async () => {
  const zip = readZip(await createReport(compileWorkbook(sampleWorkbook())), "r");
  const xml = xmlText(zip, "word/document.xml", "r") as string;
  const controls = findSdts(xml).map((s) => ({
    part: s.tag.slice(4),
    text: textOf(xml.slice(s.content.start, s.content.end)),
  }));
  const replaced: string[] = [];
  const actions: WordActions = {
    listControls: async () => controls,
    readReportXml: async () => null,
    writeReportXml: async () => undefined,
    replaceParts: async (parts) => {
      replaced.push(...parts.map((p) => p.part));
      return [];
    },
    insertAtCursor: async () => undefined,
    documentBytes: async () => new Uint8Array(),
    selectText: async () => false,
    updateCopy: fileModeActions().updateReport,
    download: () => undefined,
  };
  // Another register's tables, as a tables JSON: 表三 differs from the document's.
  const other = compileWorkbook(sampleWorkbook({ seed: 2 }));
  const text = JSON.stringify(toTablesJson(other));
  const file = new File([text], "统计表.json");
  Object.defineProperty(file, "arrayBuffer", { value: async () => new TextEncoder().encode(text).buffer });
  render(<WordPane actions={actions} />);
  await act(async () => {
    fireEvent.change(screen.getByLabelText("选择登记台账"), { target: { files: [file] } });
  });
  const button = await screen.findByRole("button", { name: /全部更新（\d+个部分已过期）/ });
  await act(async () => {
    fireEvent.click(button);
  });
  await screen.findByText(/已更新\d+个部分/);
  expect(replaced).toContain("table3");
}, 60000);

test("updating in place lists each sentence people wrote whose numbers no longer agree, and only those", async () => {
  const before = compileWorkbook(sampleWorkbook());
  // This year's register: the same, less 70 applications.
  const wb = sampleWorkbook();
  wb.sheets.find((s) => s.name === SHEETS.applications)?.rows.splice(1, 70);
  const after = compileWorkbook(wb);
  // 新收 of every kind of applicant added up (the total column is the engine's; this is not).
  const total = (r: typeof before) => (r.tables.t3.new as number[]).slice(0, 6).reduce((a, b) => a + b, 0);
  const carry = (after.tables.t3.carry as number[]).slice(0, 6).reduce((a, b) => a + b, 0);
  expect([total(after), total(after) + carry]).not.toContain(total(before));
  // Last year's sentence, typed by people outside our controls, says the old total.
  const said = `本年度共收到政府信息公开申请${total(before)}件。`;
  const made = await createReport(before);
  const bytes = withDocumentXml(made, (xml) =>
    xml.replace(/<w:sectPr\b/, `<w:p><w:r><w:t>${said}</w:t></w:r></w:p><w:sectPr`),
  );
  const xml = xmlText(readZip(made, "r"), "word/document.xml", "r") as string;
  const controls = findSdts(xml).map((s) => ({
    part: s.tag.slice(4),
    text: textOf(xml.slice(s.content.start, s.content.end)),
  }));
  let file: Uint8Array | null = bytes;
  const actions: WordActions = {
    listControls: async () => controls,
    readReportXml: async () => null,
    writeReportXml: async () => undefined,
    replaceParts: async () => [],
    insertAtCursor: async () => undefined,
    documentBytes: async () => {
      if (!file) throw new Error("no file API");
      return file;
    },
    selectText: async () => false,
    updateCopy: fileModeActions().updateReport,
    download: () => undefined,
  };
  const text = JSON.stringify(toTablesJson(after));
  const json = new File([text], "统计表.json");
  Object.defineProperty(json, "arrayBuffer", { value: async () => new TextEncoder().encode(text).buffer });
  const view = render(<WordPane actions={actions} />);
  await act(async () => {
    fireEvent.change(screen.getByLabelText("选择登记台账"), { target: { files: [json] } });
  });
  await act(async () => {
    fireEvent.click(await screen.findByRole("button", { name: /全部更新（\d+个部分已过期）/ }));
  });
  await screen.findByText(/已更新\d+个部分/);
  const heading = Array.from(screen.getByRole("list", { name: "改动" }).children).find((li) =>
    li.textContent?.startsWith("请核对（本工具不改动这些文字）"),
  );
  const lines = Array.from(heading?.querySelectorAll("li") ?? []).map((li) => li.textContent);
  // The one sentence, quoted, with the new total; the sentences of our parts (rendered from the old tables in
  // this document) are ours to update, and are not listed.
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`正文「${said}」中新收申请为${total(before)}`);
  expect(lines[0]).toContain(`为${total(after)}`);
  view.unmount();

  // A host that cannot give the file: the summary says the text was not checked, and the update still happened.
  file = null;
  render(<WordPane actions={actions} />);
  await act(async () => {
    fireEvent.change(screen.getByLabelText("选择登记台账"), { target: { files: [json] } });
  });
  await act(async () => {
    fireEvent.click(await screen.findByRole("button", { name: /全部更新（\d+个部分已过期）/ }));
  });
  await screen.findByText(/已更新\d+个部分/);
  expect(screen.getByRole("list", { name: "改动" }).textContent).toContain("未能读取文档的正文");
}, 60000);
