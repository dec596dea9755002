/**
 * Reports made the way people make them, for the reader's tests: a portal's web page with the three tables
 * (rowspan/colspan as the template merges them, or flat as pasted from Excel), its labels spelled as people
 * type them, numbers with separators or units, blanks as dashes; in UTF-8, GBK or as an MHTML archive.
 */
import { getFormat } from "../src/report/formats";
import type { GridMatrix, TableGrid } from "../src/report/tables/layout";
import { gridMatrix, table2Grid, table3Grid, table4Grid } from "../src/report/tables/layout";
import { buildSentences } from "../src/report/text/sentences";
import type { TableSet } from "../src/report/tables/tables";
import type { Grid } from "../src/report/read/cells";

export interface Variant {
  /** How people type a label. */
  label?: (text: string) => string;
  /** How a number is written (key "t3.new.0", "t4.3", "t2.rules.0"). */
  number?: (n: number) => string;
  /** 表三 gets a 小计 column after 其他, or an empty last column. */
  column?: "subtotal" | "empty";
  /** No merges: covered cells written empty, as a table pasted from Excel. */
  flat?: boolean;
  /** 表三's 一、二、四 labels typed into two cells (「一、本年新收」|「政府信息公开申请数量」). */
  split?: boolean;
  /** The text under the title (default: our own sentences). */
  paragraphs?: string[];
}

export const SPELLINGS: Record<string, (s: string) => string> = {
  "full-width digits and half-width brackets": (s) =>
    s
      .replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))
      .replace(/\./g, "．")
      .replace(/（/g, "(")
      .replace(/）/g, ")"),
  "spaces and line breaks inside labels": (s) =>
    s.length > 4 ? `${s.slice(0, 2)} ${s.slice(2, 4)}<br>${s.slice(4)}` : s,
  "straight quotes, 1、 numbering, 规范性文件, remarks dropped": (s) =>
    s
      .replace(/[“”]/g, '"')
      .replace(/^(\d)\./, "$1、")
      .replace(/^行政规范性文件$/, "规范性文件")
      .replace(/^（二）部分公开.*/, "（二）部分公开"),
};

/** A grid as a document gives it: each cell's text at its top-left position, null where a merge covers. */
export function asDocument(grid: TableGrid): Grid {
  const { values, merges } = gridMatrix(grid);
  const out: Grid = values.map((row) => row.map((v) => String(v)));
  for (const [r, c, h, w] of merges)
    for (let i = r; i < r + h; i++) for (let j = c; j < c + w; j++) if (i !== r || j !== c) out[i][j] = null;
  return out;
}

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** Inserts a column at `k`: header text `head` in the first header row that has a label at k-1. */
function insertColumn(
  m: GridMatrix,
  k: number,
  cell: (row: (string | number)[], r: number) => string | number,
) {
  m.values = m.values.map((row, r) => [...row.slice(0, k), cell(row, r), ...row.slice(k)]);
  m.merges = m.merges.map(([r, c, h, w]) =>
    c >= k ? [r, c + 1, h, w] : c + w > k ? [r, c, h, w + 1] : [r, c, h, w],
  );
}

export function tableHtml(grid: TableGrid, v: Variant, part: "t2" | "t3" | "t4"): string {
  const m = gridMatrix(grid);
  const numeric = new Set<string>();
  m.values.forEach((row, r) => row.forEach((x, c) => typeof x === "number" && numeric.add(`${r},${c}`)));
  if (part === "t3" && v.column === "subtotal") {
    // After 其他 (the eighth number column): the organisations' subtotal.
    const k = 3 + 6;
    insertColumn(m, k, (row, r) =>
      r === 1
        ? "小计"
        : typeof row[4] === "number"
          ? (row.slice(4, 9) as number[]).reduce((a, b) => a + b, 0)
          : "",
    );
    for (const key of [...numeric]) {
      const [r, c] = key.split(",").map(Number);
      if (c >= k) {
        numeric.delete(key);
        numeric.add(`${r},${c + 1}`);
      }
    }
  }
  if (part === "t3" && v.split)
    m.merges = m.merges.map(([r, c, h, w]) => {
      const text = m.values[r][c];
      if (w !== 3 || h !== 1 || typeof text !== "string" || !/^[一二四]、/.test(text)) return [r, c, h, w];
      m.values[r][c] = text.slice(0, 6);
      m.values[r][c + 1] = text.slice(6);
      return [r, c + 1, 1, 2];
    });
  if (part === "t3" && v.column === "empty") insertColumn(m, m.values[0].length, () => "");
  const covered = new Set<string>();
  const spans = new Map<string, [number, number]>();
  for (const [r, c, h, w] of m.merges) {
    spans.set(`${r},${c}`, [h, w]);
    for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) if (i || j) covered.add(`${r + i},${c + j}`);
  }
  const rows = m.values.map((row, r) => {
    const cells = row.flatMap((x, c) => {
      if (covered.has(`${r},${c}`) && !v.flat) return [];
      const text = covered.has(`${r},${c}`)
        ? ""
        : typeof x === "number"
          ? (v.number ?? String)(x)
          : (v.label ?? ((s: string) => s))(esc(x));
      const span = spans.get(`${r},${c}`);
      const attrs = span && !v.flat ? ` rowspan="${span[0]}" colspan="${span[1]}"` : "";
      return [`<td${attrs}>${text}</td>`];
    });
    return `<tr>${cells.join("")}</tr>`;
  });
  return `<table border="1" cellspacing="0">\n${rows.join("\n")}\n</table>`;
}

/** A portal's page of the report: title, text, 表二/三/四 with captions. */
const thousands = (n: number) => n.toLocaleString("en-US");

/** The ways people lay out and type the tables, each a page the readers must read exactly. */
export const VARIANTS: Record<string, Variant> = {
  ...Object.fromEntries(
    Object.entries(SPELLINGS).map(([name, label]) => [name, { label, number: thousands }]),
  ),
  "flat, as pasted from Excel, numbers with 件": { flat: true, number: (n) => `${n}件` },
  "a 小计 column after 其他": { column: "subtotal" },
  "labels split across two cells": { split: true },
  "an extra empty column": { column: "empty" },
};

export function reportHtml(t: TableSet, v: Variant = {}, charset = "utf-8"): string {
  const format = getFormat(t.format);
  const sentences = v.paragraphs ?? Object.values(buildSentences(t, { selfName: "本局" }));
  const title = `${t.agency}${t.year}年政府信息公开工作年度报告`;
  const t2 = table2Grid(t, format);
  return [
    `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}">`,
    `<title>${title}_某市人民政府门户网站</title><style>td{border:1px solid #000}</style></head><body>`,
    `<div class="nav"><a href="#">首页</a> &gt; 政府信息公开年报</div>`,
    `<h1>${title}</h1>`,
    // A whole report as portals publish it: the lead with its 统计期限, the six sections with their text.
    `<p>本报告中所列数据的统计期限自${t.year}年1月1日起至${t.year}年12月31日止。</p>`,
    `<p>一、总体情况</p>`,
    // What a correct report's 一 covers: the five aspects (R12) and a 人民政府's 考核、评议、追究 (R13).
    `<p>本局从主动公开、依申请公开、政府信息管理、政府信息公开平台建设和监督保障五个方面推进政务公开工作，将政务公开纳入工作考核，开展社会评议，落实责任追究。</p>`,
    ...sentences.map((s) => `<p>${esc(s)}</p>`),
    `<p>二、主动公开政府信息情况</p>`,
    ...(t2 ? [tableHtml(t2, v, "t2")] : []),
    `<p>三、收到和处理政府信息公开申请情况</p>`,
    tableHtml(table3Grid(t, format), v, "t3"),
    `<p>四、政府信息公开行政复议、行政诉讼情况</p>`,
    tableHtml(table4Grid(t, format), v, "t4"),
    `<p>五、存在的主要问题及改进情况</p>`,
    `<p>部分栏目更新不够及时。下一步将加强审核，按时更新。</p>`,
    `<p>六、其他需要报告的事项</p>`,
    `<p>本年度未收取信息处理费。</p>`,
    `<script>var x = "<td>1</td>";</script></body></html>`,
  ].join("\n");
}

let gbkMap: Map<string, number[]> | null = null;

/** Text as GBK bytes (a reverse map of the platform's GB18030 decoder over the two-byte range). */
export function gbk(text: string): Uint8Array {
  if (!gbkMap) {
    gbkMap = new Map();
    const dec = new TextDecoder("gb18030");
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && !gbkMap.has(ch)) gbkMap.set(ch, [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkMap.get(ch);
      if (!bytes) throw new Error(`no GBK code for ${ch}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

/** A page saved as MHTML by a browser: the HTML part quoted-printable, in the given charset's bytes. */
export function mhtml(bytes: Uint8Array, charset: string): Uint8Array {
  let qp = "";
  let line = 0;
  for (const b of bytes) {
    const piece =
      b >= 33 && b <= 126 && b !== 61
        ? String.fromCharCode(b)
        : `=${b.toString(16).toUpperCase().padStart(2, "0")}`;
    if (line + piece.length > 75) {
      qp += "=\r\n";
      line = 0;
    }
    qp += piece;
    line += piece.length;
  }
  const text = [
    "From: <Saved by Blink>",
    "Snapshot-Content-Location: https://www.example.gov.cn/zwgk/ndbg/2024.html",
    "Subject: report",
    "MIME-Version: 1.0",
    'Content-Type: multipart/related; type="text/html"; boundary="----MultipartBoundary--abc123----"',
    "",
    "",
    "------MultipartBoundary--abc123----",
    `Content-Type: text/html; charset=${charset}`,
    "Content-ID: <frame-1@mhtml.blink>",
    "Content-Transfer-Encoding: quoted-printable",
    "Content-Location: https://www.example.gov.cn/zwgk/ndbg/2024.html",
    "",
    qp,
    "",
    "------MultipartBoundary--abc123----",
    "Content-Type: text/css",
    "Content-Transfer-Encoding: quoted-printable",
    "Content-Location: https://www.example.gov.cn/style.css",
    "",
    "td { border: 1px solid #000; }",
    "------MultipartBoundary--abc123------",
    "",
  ].join("\r\n");
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/**
 * Last year's tables of a unit whose report carries over into `now` as it should: its 结转下年度 is this year's
 * 上年结转 (X1), its 现行有效 less this year's 制发 plus 废止 is this year's (X2); named `agency`.
 */
export function lastYearOf(now: TableSet, agency = now.agency): TableSet {
  const inForce = (v: unknown) => {
    const [issued, repealed, count] = v as number[];
    return [0, 0, count - issued + repealed];
  };
  return {
    ...now,
    agency,
    year: now.year - 1,
    t2: { ...now.t2, rules: inForce(now.t2?.rules), normative: inForce(now.t2?.normative) },
    t3: { ...now.t3, fwd: now.t3.carry },
  };
}
