/**
 * checkTable2Text (X4) beside the corpus (test/aspects.test.ts runs table2-sentences.json): the finding's shape —
 * rule, severity, where, the quoted sentence and both numbers, as X3's —, a sentence's scope carried across its
 * 「；」 clauses, and the formats X4 is not in (2019, the legacy format: nothing, no crash).
 */
import { getFormat } from "../formats";
import type { TableSet } from "../tables/tables";
import { checkTable2Text } from "./text2";

const F2021 = getFormat("2021");

const tables = (agency = "某市发展和改革委员会"): TableSet => ({
  format: "2021",
  year: 2025,
  agency,
  t2: { rules: [0, 0, 0], normative: [3, 1, 20], licensing: 12, penalty: 5, coercion: 0, feesWanYuan: 1.25 },
  t3: {},
  t4: [],
});

describe("X4's findings", () => {
  test("as X3's: the sentence quoted, what it says, and 表二's cell with its label and number", () => {
    const [f] = checkTable2Text(
      ["根据条例要求，2025年本局制发行政规范性文件4件。其他工作有序开展。"],
      tables(),
      F2021,
    );
    expect(f).toEqual({
      rule: "X4",
      severity: "warning",
      table: "t2",
      row: "normative",
      column: "issued",
      where: "t2.normative.issued",
      place: "表二「行政规范性文件」「本年制发件数」",
      message:
        "正文「根据条例要求，2025年本局制发行政规范性文件4件。」中本年制发行政规范性文件为4件，而表二「行政规范性文件」的「本年制发件数」为3",
    });
  });

  test("a fee in 元 is shown in 万元 beside it; decisions name their row", () => {
    const f = checkTable2Text(["全年作出行政许可决定10件，收取行政事业性收费5000元。"], tables(), F2021);
    expect(f.map((x) => x.message)).toEqual([
      "正文「全年作出行政许可决定10件，收取行政事业性收费5000元。」中行政许可处理决定为10件，而表二「行政许可」的「本年处理决定数量」为12",
      "正文「全年作出行政许可决定10件，收取行政事业性收费5000元。」中行政事业性收费金额为5000元（合0.5万元），而表二「行政事业性收费」的「本年收费金额（单位：万元）」为1.25",
    ]);
  });

  test("none in words where 表二 has some", () => {
    const f = checkTable2Text(
      ["本年度未收取行政事业性收费，未制定规章。"],
      { ...tables(), t2: { ...tables().t2, rules: [2, 0, 2] } },
      F2021,
    );
    expect(f.map((x) => x.where)).toEqual(["t2.rules.issued", "t2.feesWanYuan.amount"]);
    expect(f[1].message).toContain("中行政事业性收费金额为0（「未收取行政事业性收费」），而表二");
  });

  test("a long sentence is quoted to 80 characters", () => {
    const long = `${"按照上级部署扎实推进政务公开工作".repeat(6)}，制发行政规范性文件9件。`;
    const [f] = checkTable2Text([long], tables(), F2021);
    expect(f.message).toContain(`正文「${long.slice(0, 80)}…」中本年制发行政规范性文件为9件`);
  });
});

describe("a sentence's scope holds across its 「；」 clauses, not past its 「。」", () => {
  test("a government's 「市政府办公室…；制发…」: the office's, not compared; the next sentence is", () => {
    const text = "市政府办公室严格落实合法性审核；制发行政规范性文件9件。全年制发行政规范性文件9件。";
    expect(checkTable2Text([text], tables("某市人民政府"), F2021).map((f) => f.message)).toEqual([
      expect.stringContaining("正文「全年制发行政规范性文件9件。」"),
    ]);
  });

  test("another year's 「2024年…；…」: not compared", () => {
    expect(checkTable2Text(["2024年工作回顾；制发行政规范性文件9件。"], tables(), F2021)).toEqual([]);
  });

  test("「其中」 holds to its clause's end: the next clause after 「；」 stands on its own", () => {
    const f = checkTable2Text(
      ["制发行政规范性文件3件，其中涉企2件；现行有效行政规范性文件21件。"],
      tables(),
      F2021,
    );
    expect(f.map((x) => x.where)).toEqual(["t2.normative.inForce"]);
  });
});

describe("formats without X4", () => {
  test("2019 (its 表二 has other columns): nothing, no crash", () => {
    const f2019 = getFormat("2019");
    const t: TableSet = {
      format: "2019",
      year: 2020,
      agency: "某局",
      t2: { rules: [1, 1, 5], normative: [1, 1, 5], licensing: [1, 0, 9], penalty: [1, 0, 9], fees: [1, 0] },
      t3: {},
      t4: [],
    };
    expect(checkTable2Text(["制发行政规范性文件4件，作出行政许可决定3件。"], t, f2019)).toEqual([]);
  });

  test("the legacy format (no 表二) and a 表二 not read (null): nothing", () => {
    const legacy = getFormat("2008");
    expect(
      checkTable2Text(["制发行政规范性文件4件。"], { ...tables(), format: "2008", t2: {} }, legacy),
    ).toEqual([]);
    expect(checkTable2Text(["制发行政规范性文件4件。"], { ...tables(), t2: null }, F2021)).toEqual([]);
  });

  test("a blank cell (null) is not compared", () => {
    const t = { ...tables(), t2: { ...tables().t2, normative: [null, 1, 20] } };
    expect(checkTable2Text(["制发行政规范性文件4件。"], t, F2021)).toEqual([]);
  });
});
