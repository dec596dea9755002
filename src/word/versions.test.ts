/**
 * The Word pane's actions on the Word versions agencies have (fake hosts with Microsoft's requirement-set
 * tables: test/office-profiles.ts): the report's custom XML part through
 * WordApi 1.4 where present and through the common API otherwise, so that Word 2021 reads and updates a report.
 * This rests on Microsoft's documentation of both APIs; no real Word runs here.
 */
import { retypeApplicant } from "../../test/helpers";
import { createReport } from "../docx";
import { parseReportXml } from "../docx/customxml";
import { wordHoldings } from "../../test/docx";
import { inspectReport, updateParts } from "../actions/word";
import { compileWorkbook } from "../report/compile";
import { documentParts } from "../report/text/document";
import { sampleWorkbook } from "../report/sample";
import { SHEETS } from "../report/register/registers";
import { atLeast, OFFICE_PROFILES } from "../../test/office-profiles";
import { wordActions } from "./actions";

interface Fake {
  Word: unknown;
  Office: unknown;
  state: { customXml: { xml: string }[]; ops: { op: string }[]; controls: { tag: string; text: string }[] };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeWord } = require("../../test/fake-word.js") as {
  createFakeWord: (initial: object, profile: { wordApi: string }) => Fake;
};

async function reportHoldings() {
  const held = wordHoldings(await createReport(compileWorkbook(sampleWorkbook()), "台账.xlsx"));
  return { xml: held.customXml[0], controls: held.controls };
}

describe("the Word pane on each Word version", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    delete (globalThis as { Word?: unknown }).Word;
  });

  for (const { name, wordApi } of OFFICE_PROFILES)
    test(`${name} (WordApi ${wordApi}): states read from the stored data, a stale part updated, the new data stored`, async () => {
      const held = await reportHoldings();
      const fake = createFakeWord({ controls: held.controls, customXml: [held.xml] }, { wordApi });
      Object.assign(globalThis, { Office: fake.Office, Word: fake.Word });
      const actions = wordActions();
      // The register changes: one application of the year becomes a company's.
      const wb = sampleWorkbook();
      retypeApplicant(wb, "商业企业");
      const linked = await inspectReport(actions, compileWorkbook(wb), "台账.xlsx");
      const stale = linked.states.filter((s) => s.state === "stale").map((s) => s.part);
      expect(stale).toContain("table3");
      const parts = documentParts(linked.doc).filter((p) => stale.includes(p.id));
      const { updated, changes } = await updateParts(actions, linked, parts);
      expect(updated).toBe(parts.length);
      expect(changes.find((c) => c.alias.startsWith("表三"))?.lines[0]).toMatch(/「自然人」：\d+ → \d+/);
      expect(fake.state.customXml).toHaveLength(1);
      expect(parseReportXml(fake.state.customXml[0].xml)?.tables).toEqual(linked.result.tables);
      const common = fake.state.ops.some((o) => o.op === "getByNamespaceAsync" || o.op === "addAsync");
      expect({ name, common }).toEqual({ name, common: !atLeast(wordApi, "1.4") });
      // And the next look finds every part current.
      const again = await inspectReport(actions, linked.result, "台账.xlsx");
      expect(again.states.filter((s) => s.state === "stale")).toEqual([]);
    });
});

describe("updating some parts", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
    delete (globalThis as { Word?: unknown }).Word;
  });

  test("the parts not updated stay stale; a 图解 the host cannot draw stays as it was and is said", async () => {
    const made = await createReport(compileWorkbook(sampleWorkbook()), "台账.xlsx");
    const held = wordHoldings(made);
    // The document holds a 图解 too (inserted earlier): its control, and its hash as of last month.
    const fake = createFakeWord(
      { controls: [...held.controls, { tag: "ogi:graphic", text: "" }], customXml: [held.customXml[0]] },
      { wordApi: "1.8" },
    );
    Object.assign(globalThis, { Office: fake.Office, Word: fake.Word });
    const cannotDraw = "浏览器未能把图解绘制成 PNG 图片";
    const actions = {
      ...wordActions(),
      drawPng: async () => {
        throw new Error(cannotDraw);
      },
    };
    const wb = sampleWorkbook();
    wb.sheets.find((s) => s.name === SHEETS.applications)?.rows.splice(1, 70);
    const linked = await inspectReport(actions, compileWorkbook(wb), "台账.xlsx");
    const stale = linked.states.filter((s) => s.state === "stale").map((s) => s.part);
    expect(stale).toEqual(expect.arrayContaining(["table3", "s3.outcomes", "graphic"]));
    // One part: only it becomes current.
    const table3 = documentParts(linked.doc).filter((p) => p.id === "table3");
    await updateParts(actions, linked, table3);
    const after = await inspectReport(actions, linked.result, "台账.xlsx");
    const staleAfter = after.states.filter((s) => s.state === "stale").map((s) => s.part);
    expect(staleAfter).toEqual(stale.filter((p) => p !== "table3"));
    // All the rest: the 图解 cannot be drawn here — it is said, left as it was, and still stale.
    const rest = documentParts(after.doc).filter((p) => staleAfter.includes(p.id));
    const { updated, changes } = await updateParts(actions, after, rest);
    expect(updated).toBe(rest.length - 1);
    expect(changes.find((c) => c.alias === "图解")?.lines).toEqual([
      `未更新「图解」，报告中保留原图：${cannotDraw}`,
    ]);
    expect(fake.state.controls.find((c) => c.tag === "ogi:graphic")?.text).toBe("");
    const last = await inspectReport(actions, linked.result, "台账.xlsx");
    expect(last.states.filter((s) => s.state === "stale").map((s) => s.part)).toEqual(["graphic"]);
  });
});
