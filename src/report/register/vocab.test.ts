import { FORMATS, getFormat, outcomeRows } from "../formats";
import {
  applicantVocabulary,
  caseResultVocabulary,
  caseTypeVocabulary,
  DOCUMENT_TYPE_VOCAB,
  INFO_CATEGORY_VOCAB,
  outcomeVocabulary,
} from "./vocab";
import type { Vocabulary } from "./vocab";

/** Full-width forms of ASCII characters, as a Chinese IME types them. */
const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
/** Half-width forms of full-width brackets and punctuation. */
const toHalfWidth = (s: string) => s.normalize("NFKC");
const spaced = (s: string) => ` ${[...s].join(" ")}\u3000`;

function allVocabularies(): Vocabulary[] {
  const list: Vocabulary[] = [DOCUMENT_TYPE_VOCAB, INFO_CATEGORY_VOCAB];
  for (const f of Object.values(FORMATS))
    list.push(applicantVocabulary(f), outcomeVocabulary(f), caseTypeVocabulary(f), caseResultVocabulary(f));
  return list;
}

describe("vocabularies", () => {
  test("every spelling of every vocabulary maps to its key, in any width and spacing", () => {
    let checked = 0;
    for (const v of allVocabularies())
      for (const s of v.spellings) {
        for (const variant of [
          s.spelling,
          toFullWidth(s.spelling),
          toHalfWidth(s.spelling),
          spaced(s.spelling),
        ]) {
          const hit = v.lookup(variant);
          expect({ field: v.field, variant, key: hit?.key }).toEqual({ field: v.field, variant, key: s.key });
          expect(hit?.warning).toBe(s.warning);
          checked++;
        }
      }
    expect(checked).toBeGreaterThan(800);
  });

  test("applicant types: the six columns and the common aliases", () => {
    const v = applicantVocabulary(getFormat("2021"));
    expect(v.keys()).toEqual(["natural", "business", "research", "social", "legal", "other"]);
    const cases: [string, string][] = [
      ["公民", "natural"],
      ["个人", "natural"],
      ["企业", "business"],
      ["公司", "business"],
      ["律师事务所", "legal"],
      ["法人或其他组织-商业企业", "business"],
      ["法人或其他组织—科研机构", "research"],
      ["其它", "other"],
    ];
    for (const [text, key] of cases) expect(v.lookup(text)?.key).toBe(key);
    expect(v.lookup("外星人")).toBeNull();
    expect(v.lookup("法人或其他组织")).toBeNull();
  });

  test("outcomes: key, printed label, bare label and group-qualified forms for all 21 outcomes of 2021", () => {
    const f = getFormat("2021");
    const v = outcomeVocabulary(f);
    for (const row of outcomeRows(f)) {
      expect(v.lookup(row.key)?.key).toBe(row.key);
      expect(v.lookup(row.label)?.key).toBe(row.key);
    }
    expect(v.lookup("不予公开-属于国家秘密")?.key).toBe("d1");
    expect(v.lookup("不予公开—1.属于国家秘密")?.key).toBe("d1");
    expect(v.lookup("（三）不予公开1.属于国家秘密")?.key).toBe("d1");
    expect(v.lookup("无法提供：本机关不掌握相关政府信息")?.key).toBe("u1");
    expect(v.lookup("不予处理-重复申请")?.key).toBe("n2");
    expect(v.lookup("其他处理-其他")?.key).toBe("o3");
    expect(v.lookup("部分公开")?.key).toBe("partial");
    expect(v.lookup("(二)部分公开(区分处理的,只计这一情形,不计其他情形)")?.key).toBe("partial");
    expect(v.lookup('3.危及"三安全一稳定"')?.key).toBe("d3");
    expect(v.lookup("D1")?.key).toBe("d1");
  });

  test("2019 and older outcome names map with a warning", () => {
    const v = outcomeVocabulary(getFormat("2021"));
    expect(v.lookup("其他处理")).toEqual({ key: "o3", warning: expect.stringContaining("2019年格式") });
    for (const old of ["信息不存在", "非本机关掌握", "政府信息不存在"])
      expect(v.lookup(old)).toEqual({ key: "u1", warning: expect.stringContaining("旧条例") });
    const v2019 = outcomeVocabulary(getFormat("2019"));
    expect(v2019.lookup("其他处理")).toEqual({ key: "o" });
    expect(v2019.lookup("o2")).toEqual({ key: "o" });
    expect(v2019.lookup("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请")).toEqual({
      key: "o",
    });
    expect(v2019.lookup("3.其他")).toEqual({ key: "o" });
    expect(v2019.lookup("逾期不补正")).toEqual({ key: "o" });
  });

  test("case types and results", () => {
    const f = getFormat("2021");
    const t = caseTypeVocabulary(f);
    expect(t.lookup("行政诉讼（未经复议直接起诉）")?.key).toBe("direct");
    expect(t.lookup("行政诉讼(复议后起诉)")?.key).toBe("after");
    expect(t.lookup("复议")?.key).toBe("review");
    expect(t.lookup("行政诉讼")).toBeNull();
    const r = caseResultVocabulary(f);
    expect(["维持", "纠正", "其他", "未审结"].map((x) => r.lookup(x)?.key)).toEqual([
      "upheld",
      "corrected",
      "other",
      "pending",
    ]);
  });

  test("lookups are cached per raw string and stay correct", () => {
    const v = applicantVocabulary(getFormat("2021"));
    for (let i = 0; i < 3; i++) {
      expect(v.lookup("自然人")?.key).toBe("natural");
      expect(v.lookup("nobody")).toBeNull();
    }
  });
});
