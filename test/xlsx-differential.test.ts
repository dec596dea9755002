/**
 * Our .xlsx reader against ExcelJS's, on hundreds of workbooks generated at random (every kind of cell, merged
 * ranges, dates in many formats, empty rows and columns, several and hidden sheets, the 1904 date system,
 * shared and inline strings) written by ExcelJS, and the same workbooks saved again by LibreOffice Calc: every
 * cell we read equals what ExcelJS reads, with the differences below, each where ExcelJS is wrong.
 *
 * Where ExcelJS is wrong, and what we do instead:
 * - A merged range: the file holds the value in the top-left cell only (`<mergeCell ref="A1:C1"/>`, and the
 *   other cells `<c r="B1" s="1"/>` or absent); ExcelJS hands the top-left value back for every cell of the
 *   range, Office.js (`range.values`) gives it once. We give it once, as the file and Office.js do, and say the
 *   range in `merges`.
 * - A cell styled with a built-in CJK date format (numFmtId 27–36, 50–58, e.g. 31, `yyyy"年"m"月"d"日"` in
 *   zh-CN Excel): ExcelJS has no format code for these ids and gives the serial number; we give the date.
 *   (ExcelJS never writes these ids, so only the hand-made case below shows it.)
 * - A formula whose cached value is 0, false or empty text (`<c r="E6"><f>1+1</f><v>0</v></c>`): ExcelJS drops
 *   the falsy value and reads a formula without a result; we give the value the file holds. So where ExcelJS
 *   reads “no result”, ours is that too or one of 0, false, "".
 * - The 1904 date system written as the schema's boolean allows, `<workbookPr date1904="true"/>` (LibreOffice
 *   writes it so): ExcelJS takes only "1" and reads every date 1462 days early; we read it as 1904.
 */
import ExcelJS from "exceljs";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import type { Cell } from "../src/report/common/cells";
import { rng } from "../src/report/sample";
import { readWorkbook } from "../src/workbook/read";
import { readPackage } from "../src/zip/read";
import { writeZip } from "../src/zip/write";
import { sofficeAll } from "./office";
import { needs } from "./tools";

type ExcelValue = ExcelJS.CellValue | undefined;

/** What ExcelJS reads for a cell, as the engine's cell (the reading the project used before its own reader). */
function fromExcelJS(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if ("error" in value) return { error: String(value.error) };
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) return { error: "公式无计算结果" };
    return fromExcelJS(result as ExcelValue);
  }
  if ("hyperlink" in value) return fromExcelJS((value as ExcelJS.CellHyperlinkValue).text as ExcelValue);
  if ("text" in value) return String((value as { text: unknown }).text);
  return String(value);
}

interface Sheet {
  name: string;
  hidden?: string;
  rows: Cell[][];
  merges: string[];
}

async function readWithExcelJS(bytes: Uint8Array): Promise<Sheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const out: Sheet[] = [];
  wb.eachSheet((ws) => {
    const rows: Cell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: Cell[] = [];
      for (let c = 1; c <= row.cellCount; c++) cells.push(fromExcelJS(row.getCell(c).value));
      rows.push(cells);
    }
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    out.push({ name: ws.name, hidden: ws.state === "visible" ? undefined : ws.state, rows, merges });
  });
  return out;
}

const letters = (c: number): string =>
  (c < 26 ? "" : letters(Math.floor(c / 26) - 1)) + String.fromCharCode(65 + (c % 26));
const ref = (m: { top: number; left: number; bottom: number; right: number }) =>
  `${letters(m.left)}${m.top + 1}:${letters(m.right)}${m.bottom + 1}`;

async function readWithOurs(bytes: Uint8Array): Promise<Sheet[]> {
  const wb = await readWorkbook(bytes, "random.xlsx");
  return wb.sheets.map((s) => ({
    name: s.name,
    hidden: s.hidden,
    rows: s.rows,
    merges: (s.merges ?? []).map(ref),
  }));
}

/** Cells as comparable values: dates by their time, trailing empty cells and rows dropped. */
function normal(rows: Cell[][], blank: (r: number, c: number) => boolean = () => false): unknown[][] {
  const out = rows.map((row, r) =>
    row.map((v, c) => (blank(r, c) ? null : v instanceof Date ? `date:${v.getTime()}` : (v ?? null))),
  );
  for (const row of out) while (row.length && row[row.length - 1] === null) row.pop();
  while (out.length && out[out.length - 1].length === 0) out.pop();
  return out;
}

/** Whether (r, c) is a merged range's cell other than its top-left one. */
function inMergeTail(merges: string[]): (r: number, c: number) => boolean {
  const ranges = merges.map((m) => {
    const [a, b] = m.split(":").map((x) => {
      const mm = /^([A-Z]+)(\d+)$/.exec(x) as RegExpExecArray;
      const col = [...mm[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      return [Number(mm[2]) - 1, col];
    });
    return { top: a[0], left: a[1], bottom: b[0], right: b[1] };
  });
  return (r, c) =>
    ranges.some(
      (m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left),
    );
}

const DATE_FORMATS = [
  "yyyy-mm-dd",
  'yyyy"年"m"月"d"日"',
  "[$-804]yyyy/m/d",
  "yyyy/m/d h:mm",
  "m/d/yy",
  "mm-dd-yy",
  "d-mmm-yy",
  "h:mm:ss",
];
const TEXTS = [
  "自然人",
  "予以公开",
  "  前后空格  ",
  "a&b<c>\"d'",
  "第一行\n第二行",
  "０１２全角",
  "x",
  "混合 text 123",
  "=不是公式",
];

/** A workbook of 1–3 sheets with every kind of cell, drawn from the seed. */
function randomWorkbook(seed: number): ExcelJS.Workbook {
  const r = rng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const wb = new ExcelJS.Workbook();
  if (r() < 0.2) wb.properties.date1904 = true;
  const sheets = 1 + Math.floor(r() * 3);
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`表${s + 1}${pick(["", "（月）", " 台账"])}`);
    if (s > 0 && r() < 0.3) ws.state = pick(["hidden", "veryHidden"] as const);
    const rows = Math.floor(r() * 25);
    const cols = 1 + Math.floor(r() * 8);
    for (let i = 1; i <= rows; i++) {
      if (r() < 0.1) continue; // an empty row
      for (let j = 1; j <= cols; j++) {
        const cell = ws.getCell(i, j);
        const kind = Math.floor(r() * 14);
        const day = Date.UTC(2020 + Math.floor(r() * 6), Math.floor(r() * 12), 1 + Math.floor(r() * 28));
        switch (kind) {
          case 0:
            break; // empty
          case 1:
          case 2:
            cell.value = pick(TEXTS);
            break;
          case 3:
            cell.value = Math.floor(r() * 2000) - 500;
            break;
          case 4:
            cell.value = Math.round(r() * 1e6) / 1000;
            break;
          case 5:
            cell.value = r() < 0.5;
            break;
          case 6:
            cell.value = new Date(day + (r() < 0.3 ? Math.floor(r() * 86400) * 1000 : 0));
            cell.numFmt = pick(DATE_FORMATS);
            break;
          case 7:
            cell.value = {
              error: pick(["#N/A", "#DIV/0!", "#VALUE!", "#REF!"]) as ExcelJS.CellErrorValue["error"],
            };
            break;
          case 8:
            cell.value = { formula: "1+1", result: Math.floor(r() * 100) };
            break;
          case 9:
            cell.value = { formula: 'IF(TRUE,"是","否")', result: pick(TEXTS) };
            break;
          case 10:
            cell.value = {
              formula: "TODAY()",
              result: r() < 0.5 ? new Date(day) : undefined,
            } as ExcelJS.CellFormulaValue;
            if (r() < 0.5) cell.numFmt = pick(DATE_FORMATS);
            break;
          case 11:
            cell.value = { richText: [{ text: pick(TEXTS) }, { text: "加粗", font: { bold: true } }] };
            break;
          case 12:
            cell.value = { text: pick(TEXTS), hyperlink: "https://example.invalid/x" };
            break;
          default:
            cell.value = { formula: "NA()", result: { error: "#N/A" } };
        }
      }
    }
    if (rows > 3 && cols > 2 && r() < 0.6) {
      ws.mergeCells(1, 1, 1, cols); // a title row
      if (r() < 0.5) ws.mergeCells(2, 1, 3, 1); // a two-row header cell
    }
  }
  return wb;
}

async function compare(bytes: Uint8Array, what: string) {
  const theirs = await readWithExcelJS(bytes);
  const book = new TextDecoder().decode(
    readPackage(bytes, "x", { kind: "xlsx" }).entries.find((e) => e.name === "xl/workbook.xml")?.data,
  );
  if (/date1904="true"/.test(book))
    for (const sheet of theirs)
      for (const row of sheet.rows)
        row.forEach((v, c) => {
          if (v instanceof Date) row[c] = new Date(v.getTime() + 1462 * 86400000);
        });
  const ours = await readWithOurs(bytes);
  expect({ what, sheets: ours.map((s) => [s.name, s.hidden]) }).toEqual({
    what,
    sheets: theirs.map((s) => [s.name, s.hidden]),
  });
  theirs.forEach((t, i) => {
    const o = ours[i];
    expect({ what, sheet: t.name, merges: [...o.merges].sort() }).toEqual({
      what,
      sheet: t.name,
      merges: [...t.merges].sort(),
    });
    const tail = inMergeTail(t.merges);
    // Outside merged ranges' tails, every cell equal; inside them ours are empty (see the file comment).
    const expected = normal(t.rows, tail);
    const got = normal(o.rows);
    const dropped = (v: unknown) => JSON.stringify(v) === JSON.stringify({ error: "公式无计算结果" });
    expected.forEach((row, r) =>
      row.forEach((v, c) => {
        if (dropped(v) && [0, false, ""].includes(got[r]?.[c] as never)) row[c] = got[r][c];
      }),
    );
    expect({ what, sheet: t.name, rows: got }).toEqual({ what, sheet: t.name, rows: expected });
  });
}

const SEEDS = Array.from({ length: 240 }, (_, i) => i + 1);

describe("our .xlsx reader reads what ExcelJS reads", () => {
  test("240 random workbooks written by ExcelJS, shared strings", async () => {
    for (const seed of SEEDS) {
      const wb = randomWorkbook(seed);
      await compare(new Uint8Array(await wb.xlsx.writeBuffer()), `seed ${seed}`);
    }
  }, 120000);

  test("the same kinds of cell written as inline strings (<is> in place of the shared strings table)", async () => {
    for (const seed of SEEDS.slice(0, 60)) {
      const zip = readPackage(new Uint8Array(await randomWorkbook(seed).xlsx.writeBuffer()), "x", {
        kind: "xlsx",
      });
      const text = (name: string) => new TextDecoder().decode(zip.entries.find((e) => e.name === name)?.data);
      // An <si> holds what an <is> holds: each shared-string cell becomes an inline-string cell.
      const items = [...text("xl/sharedStrings.xml").matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]);
      const entries = zip.entries.map((e) =>
        /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)
          ? {
              name: e.name,
              data: new TextEncoder().encode(
                text(e.name).replace(
                  /<c ([^>]*?)t="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
                  (_, a: string, b: string, n: string) =>
                    `<c ${a}t="inlineStr"${b}><is>${items[Number(n)]}</is></c>`,
                ),
              ),
            }
          : e,
      );
      const bytes = writeZip({ entries });
      expect(
        new TextDecoder().decode(
          readPackage(bytes, "x", { kind: "xlsx" }).entries.find((e) => e.name === "xl/worksheets/sheet1.xml")
            ?.data,
        ),
      ).not.toMatch(/t="s"/);
      await compare(bytes, `inline seed ${seed}`);
    }
  }, 60000);

  test("where ExcelJS is wrong: a built-in CJK date format (numFmtId 31) is a date", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("依申请公开登记").getCell("A1").value = new Date(Date.UTC(2025, 2, 1));
    const zip = readPackage(new Uint8Array(await wb.xlsx.writeBuffer()), "x", { kind: "xlsx" });
    // Point the date cell's style (ExcelJS writes built-in 14) at the built-in id 31, as Excel in zh-CN writes
    // 2025年3月1日.
    const entries = zip.entries.map((e) =>
      e.name === "xl/styles.xml" && e.data
        ? {
            name: e.name,
            data: new TextEncoder().encode(
              new TextDecoder().decode(e.data).replace('<xf numFmtId="14"', '<xf numFmtId="31"'),
            ),
          }
        : e,
    );
    const bytes = writeZip({ entries });
    const styles = new TextDecoder().decode(
      readPackage(bytes, "x", { kind: "xlsx" }).entries.find((e) => e.name === "xl/styles.xml")?.data,
    );
    expect(styles).toContain('numFmtId="31"');
    const theirs = await readWithExcelJS(bytes);
    const ours = await readWithOurs(bytes);
    expect(typeof theirs[0].rows[0][0]).toBe("number");
    expect(ours[0].rows[0][0]).toEqual(new Date(Date.UTC(2025, 2, 1)));
  });

  const lo = needs("sofficeCalc");
  lo.test(
    "the same workbooks saved again by LibreOffice Calc",
    async () => {
      const dir = mkdtempSync(path.join(os.tmpdir(), "ogi-diff-"));
      try {
        const files: string[] = [];
        for (const seed of SEEDS.slice(0, 80)) {
          const file = path.join(dir, `in-${seed}.xlsx`);
          writeFileSync(file, new Uint8Array(await randomWorkbook(seed).xlsx.writeBuffer()));
          files.push(file);
        }
        const out = path.join(dir, "lo");
        const saved = sofficeAll(files, "xlsx", out);
        for (const [i, file] of saved.entries())
          await compare(new Uint8Array(readFileSync(file)), `LibreOffice seed ${SEEDS[i]}`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    600000,
  );
});
