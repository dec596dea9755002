/**
 * 信息处理费 cells and columns: every value of test/corpus/ledger-values.json read as the amount its words say
 * (or as no amount), and a column's kind from its values — amounts, a yes/no flag, or neither — at the stated
 * shares. Expected values are the corpus's meanings, written from the words.
 */
import corpus from "../../../test/corpus/ledger-values.json";
import type { Cell } from "../common/cells";
import { AMOUNT_SHARE, amountOf, FeeSample, isFlag, mayBeFee, saysNone } from "./fee";
import { normalizeText } from "../common/normalize";

interface Variant {
  text: string | number;
  meaning: number | "not an amount";
  seen: string;
}
const variants = corpus.variants as Variant[];
/** A corpus text as a cell: an error value's text is the error, as the readers give it. */
const cell = (t: string | number): Cell => (t === "#N/A" ? { error: "#N/A" } : t);

describe("an amount cell reads as what its words say", () => {
  test.each(variants.map((v) => [String(v.text), v] as const))("%s", (_, v) => {
    const got = amountOf(cell(v.text));
    expect(got ?? "not an amount").toBe(v.meaning);
  });

  test("every variant cites where it was seen, and the family has both kinds", () => {
    for (const v of variants) expect(v.seen).toMatch(/\S/);
    expect(variants.filter((v) => v.meaning === "not an amount").length).toBeGreaterThan(10);
    expect(variants.filter((v) => v.meaning !== "not an amount").length).toBeGreaterThan(30);
  });

  test("a value says nothing was charged where its words do: 否 and × (flags), and the amounts of 0", () => {
    for (const v of ["否", "×", "N", "免费", "无", "—", "/", 0, "0.00"]) expect(saysNone(v)).toBe(true);
    for (const v of ["是", "√", "收费", "50元", 50, "见票据"]) expect(saysNone(v)).toBe(false);
    for (const v of ["是", "否", "√", "×", "有", "Y", "n", "已缴费"]) expect(isFlag(v)).toBe(true);
    for (const v of ["50", "免费", "无", "见票据", 1]) expect(isFlag(v)).toBe(false);
  });
});

describe("a fee column's kind, from its values", () => {
  const kind = (header: string, values: Cell[]) => {
    const s = new FeeSample();
    for (const v of values) s.add(v);
    return s.kind(normalizeText(header));
  };

  test("amounts at the stated share; below it, neither", () => {
    // 4 of 5 amounts is exactly AMOUNT_SHARE (0.8): amounts; 3 of 5 is not.
    expect(AMOUNT_SHARE).toBe(0.8);
    expect(kind("信息处理费", [50, 50, 50, 50, "见票据"])).toBe("amount");
    expect(kind("信息处理费", [50, 50, 50, "见票据", "待定"])).toBe("none");
  });

  test("a yes/no flag whatever the header says; words of nothing alone are amounts of 0", () => {
    expect(kind("信息处理费（元）", ["是", "否", "否"])).toBe("flag");
    expect(kind("是否收费", [0, 0, 100])).toBe("amount");
    expect(kind("收费情况", ["免费", "无", "—"])).toBe("amount");
    expect(kind("收费", ["有", "无", "无"])).toBe("flag");
  });

  test("an empty column is what its header says", () => {
    expect(kind("是否收费", [])).toBe("flag");
    expect(kind("收费金额", [])).toBe("amount");
  });

  test("headers that are never the amount, even with 费 in them", () => {
    for (const h of ["收费情况说明", "收费标准（元）", "收费依据", "收费日期", "备注（收费）", "承办科室"])
      expect(mayBeFee(normalizeText(h))).toBe(false);
    for (const h of ["信息处理费（元）", "是否收费", "收费金额", "费用", "缴费金额", "收取信息处理费（元）"])
      expect(mayBeFee(normalizeText(h))).toBe(true);
  });
});
