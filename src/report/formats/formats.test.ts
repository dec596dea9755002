/**
 * Each format's labels against the spec text itself: domain.md §1–§2 (2021, 2019; test/fixtures) and the seed
 * report (the legacy format's headings), character for character.
 */
import { seedLines as readSeed, templateSpec } from "../../../test/fixtures";
import {
  FORMATS,
  getFormat,
  numberRows,
  outcomeRows,
  reportTitle,
  T3_APPLICANT_COLUMNS,
  T3_TOTAL_COLUMN,
  T3_WIDTH,
  T4_GROUP_WIDTH,
  T4_TOTAL_RESULT,
  T4_WIDTH,
  tableCaption,
} from "./index";

const domain = templateSpec();
const seedLines = readSeed();

/** The markdown table of 表三 rows: key → label (groups keyed by their label). */
function specTable3(): { key: string; label: string }[] {
  const start = domain.indexOf("| key | label |");
  const end = domain.indexOf("The 23 leaf result rows");
  return domain
    .slice(start, end)
    .split("\n")
    .slice(2)
    .filter((l) => l.startsWith("|"))
    .map((l) => {
      const [, key, label] = l.split("|").map((s) => s.trim());
      return { key, label: label.replace(/\s*\((group|curly quotes)\)$/, "") };
    });
}

/** The code block after a heading: 表二's printed layout. */
function codeBlockAfter(marker: string): string[] {
  const at = domain.indexOf(marker);
  const open = domain.indexOf("```", at);
  const close = domain.indexOf("```", open + 3);
  return domain
    .slice(open + 3, close)
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

describe("formats against domain.md", () => {
  test("section headings of 2021 and 2019 match §1's table", () => {
    const rows = [...domain.matchAll(/^\| (s\d) \| (.+?) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toHaveLength(6);
    for (const id of ["2021", "2019"] as const)
      expect(FORMATS[id].sections.map((s) => [s.id, s.heading])).toEqual(rows);
    const subs =
      "（一）主动公开 （二）依申请公开 （三）政府信息管理\n（四）政府信息公开平台建设 （五）监督保障".split(
        /\s+/,
      );
    for (const s of subs) expect(domain).toContain(s);
    expect(FORMATS["2021"].sections[0].subheadings.map((s) => s.heading)).toEqual(subs);
  });

  test("表三 rows of 2021: keys, labels and order exactly as the spec table", () => {
    const spec = specTable3();
    expect(spec).toHaveLength(30);
    const f = getFormat("2021");
    const results = spec.find((r) => r.label.startsWith("三、"));
    expect(f.t3.resultsLabel).toBe(results?.label);
    const ours = f.t3.rows.map((r) =>
      r.kind === "group" ? { key: "—", label: r.label } : { key: r.key, label: r.label },
    );
    expect(ours).toEqual(spec.filter((r) => r !== results));
    // The spec says "23 leaf result rows" but lists 21 (and 表三 has 25 data rows = 一、二、21、总计、四).
    const listed = /\((grant, partial, [^)]+)\) are the handling outcomes/.exec(domain)?.[1] ?? "";
    const expand = listed.split(", ").flatMap((k) => {
      const m = /^([a-z])(\d)–[a-z](\d)$/.exec(k);
      return m
        ? Array.from({ length: Number(m[3]) - Number(m[2]) + 1 }, (_, i) => `${m[1]}${Number(m[2]) + i}`)
        : [k];
    });
    expect(expand).toHaveLength(21);
    expect(outcomeRows(f).map((r) => r.key)).toEqual(expand);
    expect(numberRows(f)).toHaveLength(25);
    expect(f.t3.rows.find((r) => r.key === "d3")?.label).toBe("3.危及\u201c三安全一稳定\u201d");
  });

  test("表三 columns and header texts", () => {
    const m = /Column keys, in order: (.+?)\.\n/s.exec(domain);
    const cols = [...(m?.[1] ?? "").matchAll(/`(\w+)` ([^,]+)/g)].map((x) => ({
      key: x[1],
      label: x[2].trim(),
    }));
    expect(cols).toHaveLength(7);
    for (const f of Object.values(FORMATS)) expect(f.t3.columns).toEqual(cols);
    const f = getFormat("2021");
    for (const text of [f.t3.cornerNote, f.t3.applicantHeader, f.t3.organisationHeader])
      expect(domain).toContain(`"${text}"`.slice(1, -1));
    expect(domain).toContain(`"${f.t3.cornerNote}"`);
  });

  test("2019 表三 has one （六） row keyed o and 19 outcomes", () => {
    const f = getFormat("2019");
    expect(domain).toContain("（六）其他处理 is **one row** (key `o`)");
    expect(f.t3.rows.find((r) => r.key === "o")?.label).toBe("（六）其他处理");
    expect(outcomeRows(f)).toHaveLength(19);
    expect(numberRows(f).map((r) => r.key)).not.toContain("o1");
  });

  test("表二 of 2021: captions, headers and rows as the spec's layout", () => {
    const lines = codeBlockAfter("### 表二 (section 二)");
    const f = getFormat("2021");
    const def = f.t2;
    if (!def) throw new Error("2021 has 表二");
    const expected: string[] = [];
    for (const b of def.blocks) {
      expected.push(b.caption);
      expected.push([def.contentLabel, ...b.columns.map((c) => c.label)].join("|"));
      for (const r of b.rows) expected.push(r.label);
    }
    const got = lines.map((l) =>
      l
        .split("|")
        .map((s) => s.replace(/\(merged.*\)/, "").trim())
        .filter(Boolean)
        .join("|"),
    );
    expect(got).toEqual(expected);
  });

  test("表二 of 2019: captions, headers and rows as the spec's layout", () => {
    const lines = codeBlockAfter("## 2. The 2019 format");
    const def = getFormat("2019").t2;
    if (!def) throw new Error("2019 has 表二");
    const expected: string[] = [];
    for (const b of def.blocks) {
      expected.push(`${b.caption}: ${[def.contentLabel, ...b.columns.map((c) => c.label)].join(" | ")}`);
      expected.push(b.rows.map((r) => r.label).join("; "));
    }
    expect(lines).toEqual(expected);
  });

  test("表四 labels", () => {
    const block = codeBlockAfter("### 表四 (section 四)");
    const f = getFormat("2021");
    expect(block[0]).toMatch(
      new RegExp(`^${f.t4.review.label} \\(5\\)\\s+\\| ${f.t4.litigationLabel} \\(10\\)$`),
    );
    expect(block[1]).toBe(`| ${f.t4.litigation[0].label} (5)              | ${f.t4.litigation[1].label} (5)`);
    expect(block[2].split("|")[0].trim().split(/\s+/)).toEqual(f.t4.results.map((r) => r.label));
  });

  test("the legacy format's headings are the seed report's lines", () => {
    const f = getFormat("2008");
    for (const s of f.sections) {
      expect(seedLines).toContain(s.heading);
      for (const sub of s.subheadings) expect(seedLines).toContain(sub.heading);
    }
    const categories = f.legacyCategories?.filter((c) => !c.sentenceLabel).map((c) => c.label) ?? [];
    const sentence = seedLines.find((l) => l.includes("其中：规范性文件")) ?? "";
    for (const c of categories) expect(sentence).toContain(`${c}`);
    expect(f.title.replace("{agency}", "机关事务管理局").replace("{year}", "2017")).toBe(
      seedLines[0] + seedLines.find((l) => l.startsWith("信息公开工作年度报告")),
    );
  });
});

describe("the numbers and names every module takes from the formats", () => {
  test("the table shape constants hold for every format", () => {
    for (const f of Object.values(FORMATS)) {
      expect(f.t3.columns).toHaveLength(T3_WIDTH);
      expect(f.t3.columns[T3_TOTAL_COLUMN].key).toBe("total");
      expect(f.t3.columns.slice(0, T3_APPLICANT_COLUMNS).map((c) => c.key)).not.toContain("total");
      expect(f.t4.results).toHaveLength(T4_GROUP_WIDTH);
      expect(f.t4.results[T4_TOTAL_RESULT].key).toBe("total");
      expect((1 + f.t4.litigation.length) * T4_GROUP_WIDTH).toBe(T4_WIDTH);
    }
  });

  test("captions and titles: 表三's caption is the template's; the legacy title ends 年度", () => {
    expect(tableCaption(getFormat("2021").t3)).toBe("表三 收到和处理政府信息公开申请情况");
    expect(tableCaption(getFormat("2019").t4)).toBe("表四 政府信息公开行政复议、行政诉讼情况");
    expect(reportTitle(getFormat("2021"), "某局", 2025)).toBe("某局2025年政府信息公开工作年度报告");
    expect(reportTitle(getFormat("2008"), "某局", 2017)).toBe("某局2017年度政府信息公开工作年度报告");
  });
});
