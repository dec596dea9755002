/**
 * Files nobody here wrote: Word 97-2003 documents from node-word-extractor's tests (written by Word itself: a table
 * of licences, a Chinese line, a table with an empty cell, a French form with a field) and Excel 97-2003 workbooks
 * from xlrd's tests (written by Excel), kept in test/fixtures/third-party with their licences
 * (word-extractor 84d9279, MIT; xlrd 3a19d22, BSD). What each holds is stated as the documents show it; and where
 * LibreOffice is here, each is read equal to what our .docx and .xlsx readers give on LibreOffice's conversion of
 * it (the one difference: a field LibreOffice computes again — test06's FILENAME — where we keep what Word saved).
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { docText } from "../src/doc";
import { reportText } from "../src/load/report";
import type { Cell } from "../src/report/common/cells";
import { readWorkbook } from "../src/workbook/read";
import { sofficeAll } from "./office";
import { needs } from "./tools";

const DIR = path.join(__dirname, "fixtures", "third-party");
const bytes = (name: string) => new Uint8Array(readFileSync(path.join(DIR, name)));
const DOCS = [
  "word-extractor-test03.doc",
  "word-extractor-test06.doc",
  "word-extractor-test11.doc",
  "word-extractor-test12.doc",
];
const BOOKS = ["xlrd-Formate.xls", "xlrd-profiles.xls", "xlrd-ragged.xls"];

test("Word's own .doc files: a Chinese line, a table with an empty cell, a licence table, a field's saved result", () => {
  expect(docText(bytes("word-extractor-test11.doc"), "t.doc").paragraphs).toEqual([
    "这是一个用来测试nodejs解析Word文档.doccccc",
    "This is a test for parsing the Word file in node.",
  ]);
  const t12 = docText(bytes("word-extractor-test12.doc"), "t.doc");
  expect(t12.paragraphs).toEqual(["This is a simple paragraph", "And a second paragraph"]);
  expect(t12.tables).toEqual([
    [
      ["Row 1, cell 1", "Row 1, cell 2", "Row 1, cell 3"],
      ["Row 2, cell 1", "", "Row 2, cell 3"],
    ],
  ]);
  const licences = docText(bytes("word-extractor-test03.doc"), "t.doc").tables[0];
  expect(licences[0]).toEqual(["License", "GPL v3.0", "LGPL v3.0", "BSD", "MIT (X11)", "Apache v2.0"]);
  expect(licences[1][0]).toBe("Can You Release Commercial Works?");
  // A FILENAME field: the name Word saved it under, as Word shows it until the field is updated.
  expect(docText(bytes("word-extractor-test06.doc"), "t.doc").tables[0][0]).toEqual(["Nom", "Document1"]);
});

test("Excel's own .xls files read; one Excel 4.0 saved bare is refused as the old format it is", async () => {
  const profiles = await readWorkbook(bytes("xlrd-profiles.xls"), "profiles.xls");
  expect(profiles.sheets.length).toBe(5);
  const ragged = await readWorkbook(bytes("xlrd-ragged.xls"), "ragged.xls");
  expect(ragged.sheets[0].rows.length).toBeGreaterThan(0);
  await expect(readWorkbook(bytes("xlrd-biff4_no_format_no_window2.xls"), "旧.xls")).rejects.toThrow(
    /^无法读取「旧\.xls」：文件是 Excel 5\.0\/95（或更早）格式的工作簿/,
  );
});

const office = needs("soffice", "sofficeCalc");
let out = "";
office.beforeAll(() => {
  out = mkdtempSync(path.join(os.tmpdir(), "ogi-third-"));
  sofficeAll(
    DOCS.map((d) => path.join(DIR, d)),
    "docx",
    out,
  );
  sofficeAll(
    BOOKS.map((b) => path.join(DIR, b)),
    "xlsx",
    out,
  );
}, 180_000);
office.afterAll(() => rmSync(out, { recursive: true, force: true }));

const squeeze = (s: string | null) => (s ?? "").replace(/\s+/g, " ").trim();

office.test("each .doc reads as our .docx reader reads LibreOffice's .docx of it", () => {
  for (const d of DOCS) {
    const ours = docText(bytes(d), d);
    const docx = d.replace(/\.doc$/, ".docx");
    const theirs = reportText(new Uint8Array(readFileSync(path.join(out, docx))), docx).text;
    const grid = (t: typeof ours) => t.tables.map((g) => g.map((r) => r.map(squeeze)));
    // test06's FILENAME field: LibreOffice puts the file's own name there, Word kept 「Document1」.
    const field = (g: string[][][]) =>
      d.endsWith("test06.doc")
        ? g.map((t) => t.map((r) => r.map((c) => (c === "word-extractor-test06.doc" ? "Document1" : c))))
        : g;
    expect({ d, paragraphs: ours.paragraphs.map(squeeze), tables: grid(ours) }).toEqual({
      d,
      paragraphs: theirs.paragraphs.map(squeeze),
      tables: field(grid(theirs)),
    });
  }
});

office.test("each .xls reads cell by cell as our .xlsx reader reads LibreOffice's .xlsx of it", async () => {
  const shown = (c: Cell) => (c instanceof Date ? c.toISOString() : typeof c === "object" && c ? c.error : c);
  // LibreOffice writes numbers to .xlsx with 15 significant digits (0.2000099999999918 as 0.200009999999992).
  const same = (a: unknown, b: unknown) =>
    typeof a === "number" && typeof b === "number"
      ? Math.abs(a - b) <= 1e-13 * Math.max(1, Math.abs(a))
      : a === b;
  for (const b of BOOKS) {
    const ours = await readWorkbook(bytes(b), b);
    const xlsx = b.replace(/\.xls$/, ".xlsx");
    const theirs = await readWorkbook(new Uint8Array(readFileSync(path.join(out, xlsx))), xlsx);
    expect(ours.sheets.map((s) => s.name)).toEqual(theirs.sheets.map((s) => s.name));
    const differ: string[] = [];
    ours.sheets.forEach((sheet, i) => {
      const other = theirs.sheets[i].rows;
      expect([b, sheet.name, sheet.rows.length]).toEqual([b, sheet.name, other.length]);
      sheet.rows.forEach((row, r) => {
        const width = Math.max(row.length, other[r]?.length ?? 0);
        for (let c = 0; c < width; c++)
          if (!same(shown(row[c] ?? null), shown(other[r]?.[c] ?? null)))
            differ.push(
              `${b} ${sheet.name}!R${r + 1}C${c + 1}: ${String(row[c])} / ${String(other[r]?.[c])}`,
            );
      });
    });
    expect(differ).toEqual([]);
  }
});
