/**
 * The words of ledgers read for their meaning: what the template's wording and the 条例's 告知 cases settle,
 * and what stays a question. Expectations written here by hand.
 */
import { getFormat } from "../formats";
import { applicantMeaning, caseResultMeaning, caseTypeMeaning, outcomeMeaning } from "./words";

const F = getFormat("2021");

test("outcomes the words settle, and the ones they do not", () => {
  const cases: [string, unknown][] = [
    ["同意公开", { key: "grant" }],
    ["部分公开（区分处理）", { key: "partial" }],
    ["部分不予公开", { key: "partial" }],
    ["已提供部分信息", { ask: ["grant", "partial"] }],
    ["不予公开（属于国家秘密）", { key: "d1" }],
    ["告知不属于本机关负责公开", { key: "u1" }],
    ["办理中", { open: true }],
    ["已答复", { ask: expect.arrayContaining(["grant", "d1", "o3"]) }],
    ["不予公开", { ask: ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"] }],
    ["无法提供", { ask: ["u1", "u2", "u3"] }],
    ["不予公开（国家秘密、商业秘密）", { ask: ["d1", "d4"] }],
    ["天气晴", null],
  ];
  for (const [value, meaning] of cases)
    expect({ value, m: outcomeMeaning(F, value) }).toEqual({ value, m: meaning });
  // 2019: the three 其他处理 items are one row.
  expect(outcomeMeaning(getFormat("2019"), "申请人撤回申请")).toEqual({ key: "o" });
});

test("applicant types, case types and results", () => {
  expect(applicantMeaning(F, "公民")).toEqual({ key: "natural" });
  expect(applicantMeaning(F, "某某科技有限公司")).toEqual({ key: "business" });
  expect(applicantMeaning(F, "个人独资企业")).toEqual({ ask: ["natural", "business"] });
  expect(applicantMeaning(F, "法人或其他组织")).toEqual({ ask: F.t3.organisationColumns });
  expect(caseTypeMeaning(F, "行政诉讼")).toEqual({ ask: ["direct", "after"] });
  expect(caseTypeMeaning(F, "经复议后提起行政诉讼")).toEqual({ key: "after" });
  expect(caseResultMeaning(F, "驳回")).toEqual({ ask: ["upheld", "other"] });
  expect(caseResultMeaning(F, "撤销原行政行为")).toEqual({ key: "corrected" });
});
