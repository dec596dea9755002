/**
 * @jest-environment jsdom
 */
/**
 * The Excel pane on each Office version (Testing Library over the fake Excel with that version's ExcelApi
 * set): what works, and what the pane says where the host cannot.
 */
import "../../test/jsdom-polyfills";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { atLeast, OFFICE_PROFILES } from "../../test/office-profiles";
import { excelActions } from "../excel/actions";
import { EXCEL_DROPDOWN_SET, EXCEL_PANE_SET, excelSupport, SUPPORT_MESSAGES } from "../excel/support";
import { Pane } from "./Pane";

interface FakeExcel {
  Excel: unknown;
  Office: { context: { requirements: { isSetSupported(n: string, v?: string): boolean } } };
  state: { apiNotFound: string[]; sheets: { name: string }[] };
}
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
});

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
