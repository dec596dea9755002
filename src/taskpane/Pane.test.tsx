/**
 * @jest-environment jsdom
 */
/** The pane with Testing Library: every action through props, failures as Chinese messages. */
import "../../test/jsdom-polyfills";
import { oleFile } from "../../test/badfiles";
import { smallLedger } from "../../test/helpers";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { compileWorkbook } from "../report/compile";
import { getFormat, numberRows } from "../report/formats";
import { sampleWorkbook } from "../report/sample";
import { fileModeActions } from "../actions/files";
import { reviewFiles } from "../actions/review";
import { review } from "../report/review";
import { rollup } from "../report/rollup";
import type { PaneActions } from "../actions/types";
import type { TableSet } from "../report/tables/tables";
import { Pane } from "./Pane";
import { ReviewOverview } from "./ReviewOverview";
import { ruleSetFromRows } from "../report/rules/parse";
import type { Finding } from "../report/tables/findings";

function actions(over: Partial<PaneActions> = {}): PaneActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    mode: "excel",
    load: async () => sampleWorkbook(),
    createRegisters: async () => {
      calls.push("createRegisters");
      return { created: ["依申请公开登记"] };
    },
    writeStatistics: async (_r, replace) => {
      calls.push(`write:${replace}`);
      return { written: ["统计表", "校验结果"] };
    },
    selectIssue: async (i) => {
      calls.push(`select:${i.sheet}:${i.row}:${i.column}`);
    },
    selectRow: async (sheet, row) => {
      calls.push(`row:${sheet}:${row}`);
    },
    createReport: async () => new Blob(["x"]),
    createWebPage: async (r) => {
      calls.push(`webPage:${r.tables.year}`);
      return new Blob(["<html>"]);
    },
    createGraphic: async (r, previous) => {
      calls.push(`graphic:${r.tables.year}:${previous?.year ?? "-"}`);
      return [
        { name: "图解.png", blob: new Blob(["png"]) },
        { name: "图解.svg", blob: new Blob(["<svg>"]) },
      ];
    },
    loadTables: async (file) => {
      const tables = JSON.parse(await file.text());
      return { name: tables.agency, tables };
    },
    createRollupReport: async () => new Blob(["x"]),
    reviewFiles,
    unitList: async (file) => ({ names: (await file.text()).split("\n").filter(Boolean), dates: new Map() }),
    createReviewPackage: async () => {
      calls.push("reviewPackage");
      return new Blob(["x"]);
    },
    updateReport: async () => ({ blob: new Blob(["x"]), summary: { changed: [], missing: [] } }),
    canDownload: true,
    download: () => void calls.push("download"),
    loadSettings: async () => ({}),
    saveSettings: async (s) => {
      calls.push(`save:${JSON.stringify(s)}`);
    },
    ...over,
  };
}

const click = async (el: HTMLElement) => {
  await act(async () => {
    fireEvent.click(el);
  });
};

describe("the pane", () => {
  test("check lists a register's problems; clicking one selects its cell", async () => {
    const wb = sampleWorkbook();
    wb.sheets[0].rows[5][2] = "外星人";
    const a = actions({ load: async () => wb });
    render(<Pane actions={a} />);
    await click(screen.getByRole("button", { name: "检查登记表" }));
    await screen.findByText("登记表有1个错误，这些行未计入统计。点击问题可定位。");
    const list = screen.getByRole("list", { name: "登记表问题" });
    await click(within(list).getByRole("button", { name: "依申请公开登记 第6行「申请人类型」" }));
    expect(a.calls).toContain("select:依申请公开登记:6:申请人类型");
    expect(screen.getByText(/读取\d+行，计入2025年\d+行，1行因错误未计入/)).toBeTruthy();
  });

  test("a failure is a Chinese message, and nothing else changes", async () => {
    const a = actions({
      load: async () => {
        throw new Error("无法读取「x.xlsx」：文件已损坏");
      },
    });
    render(<Pane actions={a} />);
    await click(screen.getByRole("button", { name: "检查登记表" }));
    await screen.findByText("无法读取「x.xlsx」：文件已损坏");
    expect(screen.queryByRole("list", { name: "登记表问题" })).toBeNull();
    const empty = actions({ load: async () => ({ sheets: [{ name: "Sheet1", rows: [] }] }) });
    render(<Pane actions={empty} />);
    await click(screen.getAllByRole("button", { name: "检查登记表" })[1]);
    await screen.findByText(/工作簿中没有找到登记表.*可在“数据”页创建登记表/);
  });

  test("compile shows 表三 as the engine computes it; writing asks before replacing a sheet it did not create", async () => {
    let asked = false;
    const a = actions({
      writeStatistics: async (_r, replace) => {
        a.calls.push(`write:${replace}`);
        if (!replace && !asked) {
          asked = true;
          return { needsConfirmation: ["统计表"] };
        }
        return { written: ["统计表", "校验结果"] };
      },
    });
    const { container } = render(<Pane actions={a} />);
    await click(screen.getByRole("tab", { name: "统计" }));
    await click(screen.getByRole("button", { name: "统计" }));
    await screen.findByText("校验全部通过");
    const t3 = compileWorkbook(sampleWorkbook()).tables.t3;
    const f = getFormat("2021");
    for (const r of numberRows(f))
      f.t3.columns.forEach((c, i) =>
        expect(container.querySelector(`td[data-key="t3.${r.key}.${c.key}"]`)?.textContent).toBe(
          String(t3[r.key][i]),
        ),
      );
    await click(screen.getByRole("button", { name: "写入“统计表”工作表" }));
    await screen.findByText(/工作表「统计表」不是本加载项创建的/);
    expect(a.calls).toEqual(["write:false"]);
    await click(screen.getByRole("button", { name: "仍然替换" }));
    await screen.findByText("已写入：统计表、校验结果");
    expect(a.calls).toEqual(["write:false", "write:true"]);
  });

  test("clicking a number of 表三 lists the rows behind it; clicking a row selects it; file mode lists them only", async () => {
    const engine = compileWorkbook(sampleWorkbook(), { explain: true });
    const n = engine.tables.t3.d6[0] as number;
    const want = engine.explainer?.rowsOf({ table: "t3", row: "d6", column: 0 }) ?? [];
    expect(want.length).toBe(n);
    const a = actions();
    const { container } = render(<Pane actions={a} />);
    await click(screen.getByRole("tab", { name: "统计" }));
    await click(screen.getByRole("button", { name: "统计" }));
    await screen.findByText("校验全部通过");
    const cell = container.querySelector('td[data-key="t3.d6.natural"] button') as HTMLElement;
    expect(cell.textContent).toBe(String(n));
    await click(cell);
    const list = screen.getByRole("list", { name: "计入此数的登记行" });
    expect(screen.getByText(`表三「6.属于四类过程性信息」「自然人」 = ${n}`)).toBeTruthy();
    const rows = within(list).getAllByRole("button");
    expect(rows.map((b) => Number(/第(\d+)行/.exec(b.textContent ?? "")?.[1]))).toEqual(want);
    await click(rows[0]);
    expect(a.calls).toContain(`row:依申请公开登记:${want[0]}`);
    // A zero says so; in file mode the rows are listed without buttons.
    const f = actions({ mode: "file", selectRow: undefined, fileName: () => "台账.xlsx" });
    const other = render(<Pane actions={f} />);
    await click(within(other.container).getByRole("tab", { name: "统计" }));
    await click(within(other.container).getByRole("button", { name: "统计" }));
    await click(other.container.querySelector('td[data-key="t3.new.natural"] button') as HTMLElement);
    const listed = within(other.container).getByRole("list", { name: "计入此数的登记行" });
    expect(within(listed).queryAllByRole("button")).toEqual([]);
    expect(listed.querySelectorAll("li")).toHaveLength(engine.tables.t3.new[0] as number);
  });

  test("汇总: a number of the total by unit, down to the rows of a unit given as a register", async () => {
    const reg = compileWorkbook(sampleWorkbook(), { explain: true });
    const read = [
      { unit: "甲局", file: "甲局.xlsx", tables: reg.tables, findings: [], explainer: reg.explainer },
      { unit: "乙局", file: "乙局.json", tables: { ...reg.tables, agency: "乙局" }, findings: [] },
    ];
    const a = actions({
      reviewFiles: async () => ({
        result: review(read, { year: reg.tables.year }),
        rolled: rollup(
          read.map((u) => ({
            name: u.unit,
            tables: u.tables,
            ...(u.explainer ? { explainer: u.explainer } : {}),
          })),
        ),
      }),
    });
    const { container } = render(<Pane actions={a} />);
    await click(screen.getByRole("tab", { name: "审核与汇总" }));
    const files = [new File(["x"], "甲局.xlsx"), new File(["x"], "乙局.json")];
    await act(async () => {
      fireEvent.change(screen.getByLabelText("选择各单位的文件"), { target: { files } });
    });
    await screen.findByText(/合计包含 2 个单位/);
    const n = reg.tables.t3.d6[0] as number;
    await click(
      container.querySelector(
        'table[aria-label="合计 表三"] td[data-key="t3.d6.natural"] button',
      ) as HTMLElement,
    );
    expect(screen.getByText(`合计表三「6.属于四类过程性信息」「自然人」：甲局 ${n}，乙局 ${n}`)).toBeTruthy();
    const rows = within(screen.getByRole("region", { name: "数字明细" })).getAllByRole("listitem");
    expect(rows).toHaveLength(n);
  });

  test("汇总分析 under the review: the units marked, each with its reasons in a list; none marked, nothing", () => {
    const reg = compileWorkbook(sampleWorkbook());
    const zeros = new Array<number>(15).fill(0);
    // 甲局's 行政复议: 结果纠正 2 of 2 — marked; 乙局 none. Two units: nothing is compared with the batch.
    const reviewed = (t4: number[]) =>
      review(
        [
          { unit: "甲局", file: "甲局.json", tables: { ...reg.tables, t4 }, findings: [] },
          {
            unit: "乙局",
            file: "乙局.json",
            tables: { ...reg.tables, agency: "乙局", t4: zeros },
            findings: [],
          },
        ],
        { year: reg.tables.year },
      );
    const { unmount } = render(<ReviewOverview result={reviewed([0, 2, 0, 0, 2, ...zeros.slice(5)])} />);
    const heading = screen.getByRole("heading", { name: "汇总分析：需关注的单位（1个）" });
    expect(heading.tagName).toBe("H3");
    const units = screen.getByRole("list", { name: "需关注的单位" });
    expect(within(units).getByText("甲局")).toBeTruthy();
    const why = within(screen.getByRole("list", { name: "甲局需关注的原因" })).getAllByRole("listitem");
    expect(why.map((li) => li.textContent)).toEqual(["行政复议结果纠正 2 件"]);
    expect(screen.queryByRole("list", { name: "乙局需关注的原因" })).toBeNull();
    unmount();
    render(<ReviewOverview result={reviewed(zeros)} />);
    expect(screen.queryByRole("heading", { name: /汇总分析/ })).toBeNull();
    expect(screen.queryByRole("list", { name: "需关注的单位" })).toBeNull();
  });

  test("得分 in the overview only where the 审核要点 give points; a unit's deductions when it is opened", async () => {
    const reg = compileWorkbook(sampleWorkbook());
    const s2: Finding = {
      rule: "S2",
      severity: "error",
      table: "t3",
      where: "t3.new.total",
      place: "表三「一、本年新收政府信息公开申请数量」「总计」",
      message: "表三「一、本年新收政府信息公开申请数量」行：「总计」为3，但6类申请人之和为4",
    };
    const units = [
      { unit: "甲局", file: "甲局.json", tables: reg.tables, findings: [] },
      { unit: "乙局", file: "乙局.json", tables: { ...reg.tables, agency: "乙局" }, findings: [s2, s2] },
    ];
    const points = ruleSetFromRows(
      [
        ["编号", "分值", "扣分方式"],
        ["S2", "3", "每处"],
      ],
      "考核.xlsx",
    );
    const { unmount } = render(
      <ReviewOverview result={review(units, { year: reg.tables.year, set: points })} />,
    );
    const table = screen.getByRole("table", { name: "总览" });
    expect(within(table).getByRole("columnheader", { name: "得分" })).toBeTruthy();
    // 乙局: two S2 at 3 points each — 94, second.
    const row = table.querySelector('tr[data-unit="乙局"]') as HTMLElement;
    expect(row.textContent).toContain("94（第2名）");
    await click(within(row).getByRole("button", { name: "乙局" }));
    expect(screen.getByText(/得分：94（第2名）；扣分：S2.* 扣6分（2处）/)).toBeTruthy();
    unmount();
    render(<ReviewOverview result={review(units, { year: reg.tables.year })} />);
    expect(screen.queryByRole("columnheader", { name: "得分" })).toBeNull();
  });

  test("on a Mac, where task panes cannot download, the report tab says so and points to Word", async () => {
    render(<Pane actions={actions({ canDownload: false })} />);
    await click(screen.getByRole("tab", { name: "统计" }));
    await click(screen.getByRole("button", { name: "统计" }));
    await screen.findByText("校验全部通过");
    await click(screen.getByRole("tab", { name: "报告" }));
    expect(screen.getByText(/Mac 版 Office 的任务窗格不能下载文件/)).toBeTruthy();
    expect((screen.getByRole("button", { name: "生成 Word 报告" }) as HTMLButtonElement).disabled).toBe(true);
    for (const name of ["下载网页版（年度报告.html）", "下载图解（图解.png、图解.svg）"])
      expect((screen.getByRole("button", { name }) as HTMLButtonElement).disabled).toBe(true);
  });

  test("发布: 网页版 and 图解 from the compile, downloaded by name; WPS says where it saved them", async () => {
    const saved: string[] = [];
    const a = actions({
      download: async (_blob, name) => {
        saved.push(name);
        return name === "年度报告.html" ? undefined : `D:\\年报\\${name}`;
      },
    });
    render(<Pane actions={a} />);
    await click(screen.getByRole("tab", { name: "报告" }));
    expect(screen.queryByRole("heading", { name: "发布" })).toBeNull();
    await click(screen.getByRole("tab", { name: "统计" }));
    await click(screen.getByRole("button", { name: "统计" }));
    await screen.findByText("校验全部通过");
    await click(screen.getByRole("tab", { name: "报告" }));
    const section = screen.getByRole("region", { name: "发布" });
    expect(within(section).getByRole("heading", { level: 2, name: "发布" })).toBeTruthy();
    await click(within(section).getByRole("button", { name: "下载网页版（年度报告.html）" }));
    await screen.findByText("网页版已生成并下载。");
    await click(within(section).getByRole("button", { name: "下载图解（图解.png、图解.svg）" }));
    await screen.findByText("图解已保存到：D:\\年报\\图解.png、D:\\年报\\图解.svg");
    expect(saved).toEqual(["年度报告.html", "图解.png", "图解.svg"]);
    expect(a.calls).toEqual(["webPage:2025", "graphic:2025:-"]);
  });

  test("发布: a failure is its Chinese message, and nothing is downloaded", async () => {
    const a = actions({
      createGraphic: async () => {
        throw new Error("浏览器未能把图解绘制成 PNG 图片");
      },
    });
    render(<Pane actions={a} />);
    await click(screen.getByRole("tab", { name: "统计" }));
    await click(screen.getByRole("button", { name: "统计" }));
    await screen.findByText("校验全部通过");
    await click(screen.getByRole("tab", { name: "报告" }));
    await click(screen.getByRole("button", { name: "下载图解（图解.png、图解.svg）" }));
    await screen.findByText("浏览器未能把图解绘制成 PNG 图片");
    expect(a.calls).not.toContain("download");
  });

  test("settings: a bad year cannot be saved; a good one is", async () => {
    const a = actions();
    render(<Pane actions={a} />);
    await click(screen.getByRole("tab", { name: "设置" }));
    const year = screen.getByRole("textbox", { name: /报告年度/ });
    await act(async () => {
      fireEvent.change(year, { target: { value: "25" } });
    });
    expect(screen.getByText("请填写四位年份，如 2025")).toBeTruthy();
    expect((screen.getByRole("button", { name: "保存设置" }) as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      fireEvent.change(year, { target: { value: "2024" } });
    });
    await click(screen.getByRole("button", { name: "保存设置" }));
    await waitFor(() => expect(a.calls).toContain('save:{"year":2024,"format":"","agency":""}'));
  });

  test("审核与汇总: every unit's status and findings, the list's missing unit, the review written, the letters downloaded", async () => {
    const unit = (agency: string, seed: number, year = 2025) => ({
      ...compileWorkbook(sampleWorkbook({ agency, seed }), { year }).tables,
    });
    const broken = unit("乙局", 2);
    (broken.t3.total as number[])[0] += 3;
    const asFile = (content: object | string, name: string) => {
      const text = typeof content === "string" ? content : JSON.stringify(content);
      const f = new File([text], name);
      Object.defineProperty(f, "text", { value: async () => text });
      return f;
    };
    const written: string[] = [];
    const reviewed: string[] = [];
    const a = actions({
      writeRollup: async (r) => {
        written.push(r.units.map((u) => u.name).join("+"));
        return { written: ["汇总"] };
      },
      writeReview: async (r, replace) => {
        if (!replace) return { needsConfirmation: ["总览"] };
        reviewed.push(r.units.map((u) => `${u.unit}:${u.status}`).join("+"));
        return { written: ["总览", "问题清单", "未报送"] };
      },
    });
    render(<Pane actions={a} />);
    await click(screen.getByRole("tab", { name: "审核与汇总" }));
    await act(async () => {
      fireEvent.change(screen.getByLabelText("选择单位名单"), {
        target: { files: [asFile("甲局\n乙局\n丙局\n丁局\n戊局\n己局\n", "名单.txt")] },
      });
    });
    await screen.findByText("单位名单：6 个单位");
    await act(async () => {
      fireEvent.change(screen.getByLabelText("选择各单位的文件"), {
        target: {
          files: [
            asFile(unit("甲局", 1), "a.json"),
            asFile(broken, "b.json"),
            asFile(unit("丙局", 3), "c.json"),
            asFile(unit("戊局", 4, 2024), "e.json"),
            // 己局 sent a .doc that is no document at all: it has sent (无法读取, saying why), not 未报送.
            asFile("旧格式", "己局2025年政府信息公开工作年度报告.doc"),
            asFile("说明", "说明.md"),
          ],
        },
      });
    });
    const table = await screen.findByRole("table", { name: "总览" });
    const status = (name: string) =>
      table.querySelector(`tr[data-unit="${name}"] td[data-status]`)?.textContent;
    expect(["甲局", "乙局", "丙局", "戊局", "己局", "丁局"].map(status)).toEqual([
      "通过",
      "需修改",
      "通过",
      "年度不符",
      "无法读取",
      "未报送",
    ]);
    expect(
      screen.getByText(/审核 5 个单位（2025年）：通过 2，需修改 1，年度不符 1，无法读取 1，未报送 1/),
    ).toBeTruthy();
    expect(
      screen.getByText(
        "说明.md：不是报告（Word、WPS、网页、PDF、OFD）、台账（.xlsx、.xls、.et、.csv）或统计表 JSON",
      ),
    ).toBeTruthy();
    // A unit's findings open below its row.
    const button = within(table).getByRole("button", { name: "乙局" });
    await click(button);
    expect(button.getAttribute("aria-expanded")).toBe("true");
    const findings = within(screen.getByRole("list", { name: "乙局的问题" })).getAllByRole("listitem");
    expect(findings.map((f) => f.textContent).join("\n")).toMatch(/^S1 /m);
    // The review's sheets: asked before replacing a sheet the add-in did not make.
    await click(screen.getByRole("button", { name: "写入审核工作表（总览、问题清单、汇总分析）" }));
    await click(await screen.findByRole("button", { name: "仍然替换" }));
    await screen.findByText("已写入：总览、问题清单、未报送");
    expect(reviewed).toEqual(["甲局:通过+乙局:需修改+丙局:通过+戊局:年度不符+己局:无法读取"]);
    await click(screen.getByRole("button", { name: "下载审核结果和审核意见（.zip）" }));
    await screen.findByText("审核结果（审核工作簿、审核意见、通报）已生成并下载。");
    expect(a.calls).toEqual(expect.arrayContaining(["reviewPackage", "download"]));
    // The total: the year's units, 需修改 included; another year's left out.
    expect(screen.getByText(/合计包含 3 个单位；其中乙局的表格本身有错误/)).toBeTruthy();
    await click(screen.getByRole("button", { name: "写入“汇总”工作表" }));
    await screen.findByText("已写入：汇总");
    expect(written).toEqual(["甲局+乙局+丙局"]);
    await click(screen.getByRole("button", { name: "生成汇总 Word 报告" }));
    await screen.findByText("汇总报告已生成并下载。");
  });

  test("统计 with last year's data: the carry-over is checked against last year's 结转", async () => {
    const last = compileWorkbook(sampleWorkbook(), { year: 2024 }).tables;
    (last.t3.fwd as number[])[0] += 1;
    (last.t3.fwd as number[])[6] += 1;
    const file = new File([JSON.stringify(last)], "2024.json");
    Object.defineProperty(file, "text", { value: async () => JSON.stringify(last) });
    render(<Pane actions={actions()} />);
    await click(screen.getByRole("tab", { name: "统计" }));
    await act(async () => {
      fireEvent.change(screen.getByLabelText("选择上年数据"), { target: { files: [file] } });
    });
    await screen.findByText(/已载入上年数据：云溪区住房和城乡建设局 2024年/);
    await click(screen.getByRole("button", { name: "统计" }));
    const checks = await screen.findByRole("list", { name: "校验结果" });
    expect(checks.textContent).toMatch(
      /X1：表三「自然人」列：本年「上年结转」为\d+，但上年报告「结转下年度继续办理」为\d+/,
    );
  });
});

describe("识别台账 and 直接填写统计表", () => {
  test("an own ledger: registers and columns shown, the question answered by dropdown, saved, recounted", async () => {
    const wb = smallLedger();
    const a = actions({
      load: async () => ({ sheets: wb.sheets.map((sh) => ({ ...sh, rows: [...sh.rows] })) }),
      saveAnswers: async (rows) => {
        a.calls.push(`answers:${JSON.stringify(rows)}`);
        wb.sheets.push({ name: "对应关系", rows: [["项目", "台账中的写法", "对应为"], ...rows] });
      },
      createTypedTables: async () => "created",
    });
    const { container } = render(<Pane actions={a} />);
    // Nothing was looked at yet: both ways to start are offered.
    expect(screen.getByRole("button", { name: "创建登记表" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "直接填写统计表" })).toBeTruthy();
    await click(screen.getByRole("button", { name: "检查登记表" }));
    await screen.findByText(/还有1种写法需要确认（2行暂不计入）/);
    const found = screen.getByRole("list", { name: "识别出的登记表" });
    expect(found.textContent).toContain("「2025年台账」作为依申请公开登记");
    expect(found.textContent).toContain("表头在第2行");
    expect(found.textContent).toContain("申请人类型：「申请人类别」");
    // Something was found: creating registers is no longer offered.
    expect(screen.queryByRole("button", { name: "创建登记表" })).toBeNull();
    const select = screen.getByLabelText("办理结果「已答复」（2行）") as HTMLSelectElement;
    const grant = [...select.options].find((o) => /^（一）予以公开$|^予以公开$/.test(o.value));
    expect(grant).toBeTruthy();
    const save = screen.getByRole("button", { name: "保存对应关系" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    await act(async () => {
      fireEvent.change(select, { target: { value: grant?.value } });
    });
    await click(save);
    await screen.findByText("已写入「对应关系」工作表，并已重新统计。");
    expect(a.calls).toContain(`answers:${JSON.stringify([["办理结果", "已答复", grant?.value]])}`);
    expect(screen.queryByRole("button", { name: "保存对应关系" })).toBeNull();
    await click(screen.getByRole("tab", { name: "统计" }));
    await click(screen.getByRole("button", { name: /^(重新)?统计$/ }));
    const cell = (k: string) => container.querySelector(`td[data-key="t3.${k}"]`)?.textContent;
    // By hand: 予以公开 — rows 1, 2, 5 (个人/公民) and row 3 (企业); 本机关不掌握 — row 4.
    expect([cell("grant.natural"), cell("grant.business"), cell("grant.total"), cell("new.total")]).toEqual([
      "3",
      "1",
      "4",
      "5",
    ]);
  });

  test("直接填写统计表 hands the host the blank tables of the year set; the notice says what to do next", async () => {
    const given: TableSet[] = [];
    const a = actions({
      load: async () => ({ sheets: [{ name: "Sheet1", rows: [] }] }),
      loadSettings: async () => ({ year: 2025, agency: "某局" }),
      createTypedTables: async (t) => {
        given.push(t);
        return "created";
      },
    });
    render(<Pane actions={a} />);
    await act(async () => undefined); // the settings are loaded
    await click(screen.getByRole("button", { name: "直接填写统计表" }));
    await screen.findByText(/已创建「统计表」工作表/);
    expect([given[0].year, given[0].agency, given[0].format]).toEqual([2025, "某局", "2021"]);
    const t3 = Object.values(given[0].t3).flat();
    expect(t3.length).toBe(numberRows(getFormat("2021")).length * 7);
    expect(t3.every((v) => v === null)).toBe(true);
  });
});

describe("file mode with bad files", () => {
  /** File mode's own actions on a picked File; downloads recorded instead of made. */
  function fileMode() {
    const a = fileModeActions();
    const downloads: string[] = [];
    a.download = (_blob, name) => void downloads.push(name);
    return { a, downloads };
  }
  const file = (bytes: BlobPart, name: string, size?: number) => {
    const f = new File([bytes], name);
    if (size !== undefined) Object.defineProperty(f, "size", { value: size });
    // jsdom's File has no arrayBuffer(); the browser's does.
    const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : (bytes as Uint8Array);
    Object.defineProperty(f, "arrayBuffer", { value: async () => data.slice().buffer });
    return f;
  };

  test("the same sentences as the command line, and nothing downloaded", async () => {
    const encrypted = oleFile(true);
    const { a, downloads } = fileMode();
    render(<Pane actions={a} />);
    const picker = screen.getByLabelText("选择登记台账");
    await act(async () => {
      fireEvent.change(picker, { target: { files: [file(encrypted, "加密.xlsx")] } });
    });
    await screen.findByText(/无法读取「加密\.xlsx」：文件设有打开密码（已加密）/);
    await act(async () => {
      fireEvent.change(picker, { target: { files: [file("x", "巨大.xlsx", 150 * 1024 * 1024)] } });
    });
    await screen.findByText(/「巨大\.xlsx」有 150 MB，超过台账工作簿（\.xlsx、\.xls、\.et）的上限 100 MB/);
    await click(screen.getByRole("tab", { name: "统计" }));
    const previous = screen.getByLabelText("选择上年数据");
    await act(async () => {
      fireEvent.change(previous, {
        target: { files: [file(JSON.stringify({ format: "2021", year: 2024, t3: {} }), "上年.json")] },
      });
    });
    await screen.findByText(/「上年\.json」不能用作上年数据：表三缺少「四、结转下年度继续办理」一行/);
    expect(downloads).toEqual([]);
  });
});
