/**
 * @jest-environment jsdom
 */
/**
 * 识别台账 with Testing Library: each kind of question under the sentence that is true of it — a value's rows
 * wait, the 信息处理费's column leaves every row counted, a deciding column holds back only the rows its choice
 * would move (or none) — and a register's columns as read: asked, or the same as another.
 */
import "../../test/jsdom-polyfills";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { d } from "../../test/helpers";
import type { Cell } from "../report/common/cells";
import { compileWorkbook } from "../report/compile";
import type { WorkbookData } from "../report/common/cells";
import type { PaneActions } from "../actions/types";
import { LedgerPanel } from "./LedgerPanel";
import { Pane } from "./Pane";

const HEADER = [
  "申请人类型",
  "申请日期",
  "收件日期",
  "答复日期",
  "答复结果",
  "应收金额（元）",
  "实收金额（元）",
];
const ledger = (rows: Cell[][], header = HEADER) =>
  compileWorkbook({ sheets: [{ name: "台账", rows: [["某局台账"], header, ...rows] }] }, { year: 2025 });

/** The group of questions under a sentence, by the sentence's start. */
const groupOf = (start: string) =>
  screen.getAllByRole("group").find((g) => g.getAttribute("aria-label")?.startsWith(start)) as HTMLElement;

test("three kinds of question, each under what it keeps out; an answer chosen is saved as a 对应关系 row", async () => {
  const r = ledger([
    ["个人", d(2025, 3, 1), d(2025, 3, 1), d(2025, 3, 9), "已答复", 0, 0], // a value asked about
    ["个人", d(2024, 12, 28), d(2025, 1, 3), d(2025, 1, 9), "同意公开", 100, 50], // 2024 or 2025: waits
    ["企业", d(2025, 4, 1), d(2025, 4, 1), d(2025, 4, 9), "同意公开", 0, 0],
  ]);
  const saved: string[][][] = [];
  render(<LedgerPanel result={r} busy={false} onSave={(rows) => saved.push(rows)} />);
  const found = screen.getByRole("list", { name: "识别出的登记表" });
  expect(found.textContent).toContain("收到日期：「申请日期」或「收件日期」（待确认）");
  expect(screen.getByText("需要确认的写法（5）")).toBeTruthy();

  const values = groupOf("这些写法");
  expect(values.getAttribute("aria-label")).toBe("这些写法不足以判断计入哪一项，写有它们的行暂不计入统计。");
  expect(within(values).getByLabelText("办理结果「已答复」（1行）")).toBeTruthy();

  const fee = groupOf("哪一列是信息处理费");
  expect(fee.getAttribute("aria-label")).toBe(
    "哪一列是信息处理费：不影响各行计入统计；确认之前，信息处理费不统计（报告中不写金额）。",
  );
  expect(fee.getAttribute("aria-label")).not.toContain("暂不计入");
  expect(within(fee).getByLabelText("列「应收金额（元）」（3行）")).toBeTruthy();
  expect(within(fee).getByLabelText("列「实收金额（元）」（3行）")).toBeTruthy();

  const received = groupOf("哪一列是收到日期");
  // By hand: only the second row's two dates fall in different years.
  expect(received.getAttribute("aria-label")).toBe(
    "哪一列是收到日期：按不同的列统计结果不同的1行暂不计入统计，其余各行已计入。",
  );
  const own = within(received).getByLabelText("列「收件日期」（3行）") as HTMLSelectElement;
  expect([...own.options].map((o) => o.value)).toEqual(["", "收到日期", "忽略"]);

  await act(async () => {
    fireEvent.change(own, { target: { value: "收到日期" } });
  });
  await act(async () => {
    fireEvent.click(screen.getByRole("button", { name: "保存对应关系" }));
  });
  expect(saved).toEqual([[["列", "收件日期", "收到日期"]]]);
});

test("two date columns in the same year on every row: the question says every row is counted", () => {
  const r = ledger(
    [
      ["个人", d(2025, 3, 1), d(2025, 3, 2), d(2025, 3, 9), "同意公开"],
      ["个人", d(2025, 5, 1), d(2025, 5, 1), d(2025, 5, 9), "同意公开"],
    ],
    HEADER.slice(0, 5),
  );
  render(<LedgerPanel result={r} busy={false} onSave={() => undefined} />);
  expect(screen.getAllByRole("group").map((g) => g.getAttribute("aria-label"))).toEqual([
    "哪一列是收到日期：每一行按哪一列统计结果都一样，各行都已计入；确认后不再提示。",
  ]);
  expect(screen.queryByText(/暂不计入/)).toBeNull();
});

test("columns holding the same values are one column, shown beside it; no question", () => {
  const r = ledger(
    [
      ["个人", d(2025, 3, 1), d(2025, 3, 1), d(2025, 3, 9), "同意公开"],
      ["个人", d(2025, 5, 1), "2025-05-01", d(2025, 5, 9), "同意公开"],
    ],
    HEADER.slice(0, 5),
  );
  render(<LedgerPanel result={r} busy={false} onSave={() => undefined} />);
  expect(screen.getByRole("list", { name: "识别出的登记表" }).textContent).toContain(
    "收到日期：「申请日期」（与「收件日期」各行相同）",
  );
  expect(screen.queryByText(/需要确认的写法/)).toBeNull();
});

test("the pane after 检查登记表: rows waiting for a column question counted once, a question that holds none no error", async () => {
  const book = (rows: Cell[][], header = HEADER.slice(0, 5)): WorkbookData => ({
    sheets: [{ name: "台账", rows: [["某局台账"], header, ...rows] }],
  });
  const check = async (wb: WorkbookData) => {
    const actions = {
      mode: "excel",
      load: async () => wb,
      loadSettings: async () => ({ year: 2025 }),
      saveSettings: async () => undefined,
      canDownload: false,
    } as unknown as PaneActions;
    const view = render(<Pane actions={actions} />);
    await act(async () => undefined);
    await act(async () => {
      fireEvent.click(screen.getByRole("button", { name: "检查登记表" }));
    });
    return view;
  };
  // By hand: rows 2 and 3 (2024 or 2025) wait for the date question, row 1 for its value (已答复): 3 rows.
  const waiting = await check(
    book([
      ["个人", d(2025, 3, 1), d(2025, 3, 1), d(2025, 3, 9), "已答复"],
      ["个人", d(2024, 12, 28), d(2025, 1, 3), d(2025, 1, 9), "同意公开"],
      ["企业", d(2024, 12, 30), d(2025, 1, 4), d(2025, 1, 9), "同意公开"],
      ["个人", d(2025, 4, 1), d(2025, 4, 1), d(2025, 4, 9), "同意公开"],
    ]),
  );
  await screen.findByText("台账已识别。还有3种写法需要确认（3行暂不计入），请在下方“识别台账”中选择。");
  waiting.unmount();
  // Same years: nothing waits and nothing is an error; the question is still offered.
  await check(
    book([
      ["个人", d(2025, 3, 1), d(2025, 3, 2), d(2025, 3, 9), "同意公开"],
      ["个人", d(2025, 4, 1), d(2025, 4, 1), d(2025, 4, 9), "同意公开"],
    ]),
  );
  await screen.findByText("登记表检查完毕，没有发现错误。还有2种写法需要确认，请在下方“识别台账”中选择。");
});
