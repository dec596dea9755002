/**
 * @jest-environment jsdom
 */
/** The Word pane asks before writing tables that break the 勾稽 rules into the report. */
import "../../test/jsdom-polyfills";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { createReport } from "../docx";
import { findSdts, textOf } from "../docx/ooxml";
import { readZip, xmlText } from "../docx/zip";
import type { Cell } from "../report/cells";
import { compileWorkbook } from "../report/compile";
import { SHEETS } from "../report/registers";
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
