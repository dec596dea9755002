/**
 * @jest-environment jsdom
 */
/**
 * The Excel pane on each Office version (Testing Library over the fake Excel with that version's ExcelApi
 * set): what works, and what the pane says where the host cannot.
 */
import { retypeApplicant } from "../../test/helpers";
import "../../test/jsdom-polyfills";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { atLeast, OFFICE_PROFILES } from "../../test/office-profiles";
import { excelActions } from "../excel/actions";
import { EXCEL_DROPDOWN_SET, EXCEL_PANE_SET, excelSupport, SUPPORT_MESSAGES } from "../excel/support";
import { wordHoldings } from "../../test/docx";
import { createReport } from "../docx";
import { parseReportXml } from "../docx/customxml";
import { compileWorkbook } from "../report/compile";
import { sampleWorkbook } from "../report/sample";
import { workbookBuffer } from "../workbook/write";
import { wordActions } from "../word/actions";
import { Pane } from "./Pane";
import { WordPane } from "./WordPane";

interface FakeExcel {
  Excel: unknown;
  Office: { context: { requirements: { isSetSupported(n: string, v?: string): boolean } } };
  state: { apiNotFound: string[]; sheets: { name: string }[] };
}
interface FakeWord {
  Word: unknown;
  Office: unknown;
  state: { customXml: { xml: string }[]; ops: { op: string; tag?: string }[] };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeWord } = require("../../test/fake-word.js") as {
  createFakeWord: (initial: object, profile: { wordApi: string }) => FakeWord;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeExcel } = require("../../test/fake-excel.js") as {
  createFakeExcel: (initial: object, profile: { excelApi: string }) => FakeExcel;
};

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};

afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
  delete (globalThis as { Excel?: unknown }).Excel;
  delete (globalThis as { Word?: unknown }).Word;
});

/** A File of the sample register with one application of the year typed as a company's. */
async function changedRegister(): Promise<File> {
  const wb = sampleWorkbook();
  retypeApplicant(wb, "商业企业");
  const bytes = await workbookBuffer(wb);
  const file = new File([bytes as Uint8Array<ArrayBuffer>], "本月.xlsx");
  Object.defineProperty(file, "arrayBuffer", {
    value: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
  });
  return file;
}

for (const profile of OFFICE_PROFILES)
  test(`${profile.name}: the pane says what this Excel cannot do, and the rest works`, async () => {
    const f = createFakeExcel({ sheets: [] }, profile);
    Object.assign(globalThis, { Excel: f.Excel, Office: f.Office });
    const actions = excelActions(
      () => ({ year: 2025, format: "", agency: "" }),
      excelSupport(f.Office.context.requirements),
    );
    await act(async () => {
      render(<Pane actions={actions} />);
    });
    if (!atLeast(profile.excelApi, EXCEL_PANE_SET)) {
      // File mode inside Excel: the note, and a file to pick instead of a dead button.
      expect(screen.getByText(SUPPORT_MESSAGES.noSheets)).toBeTruthy();
      expect(screen.getByLabelText("选择登记台账")).toBeTruthy();
      expect(screen.queryByRole("button", { name: "创建登记表" })).toBeNull();
      return;
    }
    expect(screen.queryByText(SUPPORT_MESSAGES.noSheets)).toBeNull();
    await click(screen.getByRole("button", { name: "创建登记表" }));
    const notice = await screen.findByText(/^已创建：依申请公开登记/);
    expect(notice.textContent?.endsWith(SUPPORT_MESSAGES.noDropdowns)).toBe(
      !atLeast(profile.excelApi, EXCEL_DROPDOWN_SET),
    );
    await click(screen.getByRole("button", { name: "检查登记表" }));
    await screen.findByText("登记表检查完毕，没有发现错误。");
    expect(f.state.apiNotFound).toEqual([]);
  });

for (const profile of OFFICE_PROFILES)
  test(`${profile.name}: the Word pane updates a report made last month, and stores the new data`, async () => {
    const held = wordHoldings(await createReport(compileWorkbook(sampleWorkbook()), "台账.xlsx"));
    const f = createFakeWord(held, profile);
    Object.assign(globalThis, { Word: f.Word, Office: f.Office });
    await act(async () => {
      render(<WordPane actions={wordActions()} />);
    });
    const file = await changedRegister();
    await act(async () => {
      fireEvent.change(screen.getByLabelText("选择登记台账"), { target: { files: [file] } });
    });
    await click(await screen.findByRole("button", { name: /全部更新（\d+个部分已过期）/ }));
    await screen.findByText(/已更新\d+个部分/);
    expect(f.state.ops.filter((o) => o.op === "insertFile").map((o) => o.tag)).toContain("ogi:table3");
    expect(f.state.customXml).toHaveLength(1);
    const stored = parseReportXml(f.state.customXml[0].xml);
    expect(stored?.tables.t3.new[1]).toBe((compileWorkbook(sampleWorkbook()).tables.t3.new[1] ?? 0) + 1);
    const common = f.state.ops.some((o) => o.op === "addAsync");
    expect(common).toBe(!atLeast(profile.wordApi, "1.4"));
  }, 60000);
