/**
 * @jest-environment jsdom
 */
/** The pane in WPS 表格 (Testing Library over the fake ET Application): create, check, compile, write, trace. */
import "../../test/jsdom-polyfills";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { compileWorkbook } from "../report/compile";
import { SHEETS } from "../report/register/registers";
import { sampleWorkbook } from "../report/sample";
import { excelValues } from "../../test/helpers";
import { reportFileName } from "../actions/pane";
import { readStoredReport } from "../docx/customxml";
import { readZip } from "../docx/zip";
import { Pane } from "../taskpane/Pane";
import { etActions } from "./actions";

interface FakeEt {
  Application: Et.Application;
  state: { calls: number; selected: { sheet: string; address: string } | null; files: Map<string, string> };
  sheetValues: (name: string) => unknown[][] | null;
  bytesOf: (binary: string) => Uint8Array;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeEt } = require("../../test/fake-wps.js") as {
  createFakeEt: (initial?: { sheets: { name: string; rows: unknown[][] }[] }) => FakeEt;
};

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};

test("WPS 表格: check, compile, write 统计表, and a number's rows selected in the register", async () => {
  const wb = sampleWorkbook();
  const engine = compileWorkbook(wb, { explain: true });
  const f = createFakeEt({ sheets: wb.sheets.map((s) => ({ name: s.name, rows: excelValues(s.rows) })) });
  const actions = etActions(f.Application, () => ({ year: 0, format: "", agency: "" }));
  const { container } = render(<Pane actions={actions} />);
  await click(screen.getByRole("button", { name: "检查登记表" }));
  await screen.findByText("登记表检查完毕，没有发现错误。");
  await click(screen.getByRole("tab", { name: "统计" }));
  await click(screen.getByRole("button", { name: /^(重新)?统计$/ }));
  await screen.findByText("校验全部通过");
  await click(screen.getByRole("button", { name: "写入“统计表”工作表" }));
  await screen.findByText("已写入：统计表、校验结果");
  const stats = f.sheetValues("统计表") as unknown[][];
  expect(stats.find((r) => r.includes("一、本年新收政府信息公开申请数量"))?.slice(3, 10)).toEqual(
    engine.tables.t3.new,
  );
  await click(container.querySelector('td[data-key="t3.d6.natural"] button') as HTMLElement);
  const rows = within(screen.getByRole("list", { name: "计入此数的登记行" })).getAllByRole("button");
  expect(rows).toHaveLength(engine.tables.t3.d6[0] as number);
  await click(rows[0]);
  const first = engine.explainer?.rowsOf({ table: "t3", row: "d6", column: 0 })[0];
  expect(f.state.selected).toEqual({ sheet: SHEETS.applications, address: `A${first}:XFD${first}` });
  // The report is saved into 下载 through WPS's FileSystem, and the pane says where.
  await click(screen.getByRole("tab", { name: "报告" }));
  await click(screen.getByRole("button", { name: "生成 Word 报告" }));
  const where = `C:\\Users\\zw\\Downloads\\${reportFileName(engine.tables)}`;
  await screen.findByText(`报告已保存到：${where}`);
  const saved = readStoredReport(readZip(f.bytesOf(f.state.files.get(where) ?? ""), "r"), "r");
  expect(saved?.tables.t3).toEqual(engine.tables.t3);
});
