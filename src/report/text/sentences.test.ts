import fc from "fast-check";
import { huaian as huaianTables, seedLines } from "../../../test/fixtures";
import { getFormat, numberRows } from "../formats";
import type { FormatId } from "../formats";
import { buildSentences, percent } from "./sentences";
import { emptyTable2 } from "../tables/tables";
import type { TableSet } from "../tables/tables";
import { punctuationFaults } from "../common/normalize";

const huaian = huaianTables();
const seed = seedLines();

describe("sentences of the 2021 format", () => {
  test("the published 淮安 sentences, from its tables", () => {
    const s = buildSentences({ ...huaian, feeYuan: 3940 }, { selfName: "全市" });
    expect(s["s3.requests"]).toBe(
      "2024年，全市共受理政府信息公开申请3119件，答复3050件（含上年度结转申请34件，另有103件顺延到下年度答复）。",
    );
    expect(huaian.narrative.startsWith(s["s3.requests"].slice(0, -1))).toBe(true);
    const cases = s["s4.cases"];
    const published = /政府信息公开行政复议.*?尚未审结\d+件；政府信息公开行政诉讼.*?尚未审结\d+件/.exec(
      huaian.narrative,
    )?.[0];
    expect(published).toBeDefined();
    expect(cases).toBe(`2024年，全市共发生${published}。`);
    const fee = buildSentences({ ...huaian, feeYuan: 3940 }, { selfName: "市政府" })["s6.fees"];
    expect(fee).toBe(huaian.section6);
    expect(s["s3.outcomes"]).toBe(
      "在答复的3050件申请中，予以公开1362件，部分公开454件，不予公开178件，无法提供781件，不予处理88件，其他处理187件；予以公开及部分公开1816件，占59.54%。",
    );
  });

  test("percentages round half up on exact arithmetic", () => {
    expect(percent(1, 8)).toBe("12.50");
    expect(percent(1, 3)).toBe("33.33");
    expect(percent(2, 3)).toBe("66.67");
    expect(percent(1, 32)).toBe("3.13");
    expect(percent(10538, 34427)).toBe("30.61");
    expect(percent(5, 0)).toBe("0.00");
    expect(percent(7, 7)).toBe("100.00");
  });

  test("zeros are said in words, without empty brackets", () => {
    const t = zeroTables("2021", 2025);
    const s = buildSentences({ ...t, feeYuan: 0 });
    expect(s["s3.requests"]).toBe("2025年，本机关未收到政府信息公开申请。");
    expect(s["s3.outcomes"]).toBeUndefined();
    expect(s["s4.cases"]).toBe("2025年，本机关未发生政府信息公开行政复议、行政诉讼案件。");
    expect(s["s6.fees"]).toBe(
      "2025年，本机关严格落实《政府信息公开信息处理费管理办法》，全年未收取政府信息公开信息处理费。",
    );
    t.t3.new = [1, 0, 0, 0, 0, 0, 1];
    t.t3.grant = [1, 0, 0, 0, 0, 0, 1];
    t.t3.total = [1, 0, 0, 0, 0, 0, 1];
    t.t4 = [0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0];
    const s2 = buildSentences(t);
    expect(s2["s3.requests"]).toBe("2025年，本机关共受理政府信息公开申请1件，答复1件。");
    expect(s2["s4.cases"]).toBe(
      "2025年，本机关未发生政府信息公开行政复议；发生政府信息公开行政诉讼1件，其中结果维持1件，结果纠正0件，其他结果0件，尚未审结0件。",
    );
    t.t4 = [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(buildSentences(t)["s4.cases"]).toBe(
      "2025年，本机关共发生政府信息公开行政复议1件，其中结果维持0件，结果纠正1件，其他结果0件，尚未审结0件；未发生政府信息公开行政诉讼。",
    );
  });
});

function zeroTables(format: FormatId, year: number): TableSet {
  const f = getFormat(format);
  const t3: TableSet["t3"] = {};
  for (const r of numberRows(f)) t3[r.key] = [0, 0, 0, 0, 0, 0, 0];
  return { format, year, agency: "", t2: emptyTable2(f), t3, t4: new Array(15).fill(0), feeYuan: 0 };
}

describe("sentences of the legacy format, like the seed's", () => {
  test("a year with nothing to report says so in the seed's own words", () => {
    const s = buildSentences(zeroTables("2008", 2017), { selfName: "本局" });
    for (const id of ["s4.requests", "s4.denials", "s5.fees", "s6.cases"]) expect(seed).toContain(s[id]);
  });

  test('the 主动公开 sentence with the seed\'s numbers, without its "，；" fault', () => {
    const t = zeroTables("2008", 2017);
    t.t2 = { ...t.t2, keyAreas: 3, annualReport: 1 };
    const s = buildSentences(t, { selfName: "本局" })["s3.channels"];
    const original = seed.find((l) => l.includes("其中：规范性文件")) ?? "";
    expect(original).toContain("，；");
    // The seed printed a total of 3 beside categories adding up to 4; we print the sum.
    expect(s).toBe(original.replace("，；", "；").replace("政府信息3条", "政府信息4条"));
    expect(punctuationFaults(s)).toEqual([]);
    expect(punctuationFaults(original)).toEqual(["连续标点「，；」"]);
  });

  test("a year with applications, denials, fees and cases", () => {
    const t = zeroTables("2008", 2017);
    t.t3.new = [5, 0, 0, 0, 0, 0, 5];
    t.t3.d4 = [2, 0, 0, 0, 0, 0, 2];
    t.t3.grant = [3, 0, 0, 0, 0, 0, 3];
    t.t3.total = [5, 0, 0, 0, 0, 0, 5];
    t.t4[4] = 1;
    t.t4[0] = 1;
    t.feeYuan = 35.5;
    const s = buildSentences(t, { selfName: "本局" });
    expect(s["s4.requests"]).toBe("2017年，本局共受理政府信息公开申请5件，答复5件。");
    expect(s["s4.denials"]).toBe("2017年，本局对依申请公开的2件申请作出不予公开答复。");
    expect(s["s5.fees"]).toBe("2017年，本局收取政府信息公开信息处理费35.5元。");
    expect(s["s6.cases"]).toBe(
      "2017年，本局收到有关政府信息公开事务的行政复议申请1件，没有发生因政府信息公开提起行政诉讼。",
    );
  });
});

describe("punctuation, for any tables", () => {
  const count = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 100000 }));
  test.each(["2021", "2019", "2008"] as FormatId[])("no punctuation faults in any %s sentence", (format) => {
    const f = getFormat(format);
    const rows = numberRows(f);
    fc.assert(
      fc.property(
        fc.array(fc.array(count, { minLength: 7, maxLength: 7 }), {
          minLength: rows.length,
          maxLength: rows.length,
        }),
        fc.array(count, { minLength: 15, maxLength: 15 }),
        fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
        fc.dictionary(fc.constantFrom("news", "finance", "keyAreas", "otherInfo"), count),
        fc.dictionary(fc.constantFrom("政府网站", "政务新媒体"), count),
        (t3rows, t4, fee, categories, channels) => {
          const t = zeroTables(format, 2025);
          rows.forEach((r, i) => (t.t3[r.key] = t3rows[i]));
          t.t4 = t4;
          t.feeYuan = fee;
          const s = buildSentences(t, { categories, channels, selfName: "本局" });
          for (const text of Object.values(s)) expect(punctuationFaults(text)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});
