/**
 * The files of the bad-input process (badinput.ts), made in a folder: a report with three 1 GB "pictures"
 * declared in its directory, a workbook whose sheet says 100 KB and holds 1 GB, a PDF whose page inflates to
 * 1 GB, a report whose document.xml holds one 50 MB string, a workbook whose shared strings hold one 50 MB string
 * shown in a cell, a report with a paragraph of 900 000 digits (below the refusal, read up to the reading limit),
 * a report whose stored data is of the wrong shape (表三 missing, 表四 an object), and Office 97-2003 files
 * damaged as compound files are (a chain that loops after 13 000 sectors, a sector out of range, a file cut in
 * half, a directory that loops, a stream said to be 2 GB) or encrypted (a .doc's flag, an .xls's FILEPASS), and
 * an OFD one of whose pages' parts is missing.
 */
import { Deflate } from "fflate";
import { writeFileSync } from "fs";
import path from "path";
import { createReport } from "../src/docx";
import { readZip } from "../src/docx/zip";
import { compileWorkbook } from "../src/report/compile";
import { sampleWorkbook } from "../src/report/sample";
import { workbookBuffer } from "../src/workbook/write";
import type { ZipEntry } from "../src/zip/read";
import { writeZip } from "../src/zip/write";
import { compoundLayout, withDirField, withFatEntry } from "../test/cfb";
import { missingPageOfd } from "../test/ofd";
import { bombPdf } from "../test/pdfs";
import { withStoredTables } from "../test/stored";

const FIFTY_MB = 50 * 1024 * 1024;

/** A package's entries with one XML part's text edited. */
function edited(entries: ZipEntry[], name: string, edit: (xml: string) => string): ZipEntry[] {
  return entries.map((e) =>
    e.name === name && e.data
      ? { name, data: new TextEncoder().encode(edit(new TextDecoder().decode(e.data))) }
      : e,
  );
}

export async function prepareBadInput(dir: string): Promise<void> {
  // 1 GB of zeros as one deflate stream, made in 1 MB steps.
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (d) => parts.push(d));
  const zeros = new Uint8Array(1 << 20);
  for (let i = 0; i < 1024; i++) deflate.push(zeros, i === 1023);
  const gb = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (gb.set(p, at), at + p.length), 0);
  const raw = (size: number) => ({ method: 8, crc: 0, size, compressed: gb });
  const report = readZip(await createReport(compileWorkbook(sampleWorkbook())), "r");
  const media = ["a", "b", "c"].map((n) => ({ name: `word/media/${n}.png`, raw: raw(2 ** 30) }));
  writeFileSync(path.join(dir, "media-bomb.docx"), writeZip({ entries: [...report.entries, ...media] }));
  const bookEntries = readZip(await workbookBuffer(sampleWorkbook()), "b").entries;
  const book = bookEntries.filter((e) => e.name !== "xl/worksheets/sheet1.xml");
  const sheet = { name: "xl/worksheets/sheet1.xml", raw: raw(100_000) };
  writeFileSync(path.join(dir, "sheet-bomb.xlsx"), writeZip({ entries: [...book, sheet] }));
  writeFileSync(path.join(dir, "page-bomb.pdf"), bombPdf(1024));

  // One 50 MB string: a paragraph of a report, a shared string shown in C2 of the register.
  const paragraph = (text: string) => (xml: string) =>
    xml.replace("</w:body>", `<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body>`);
  const huge = "1".repeat(FIFTY_MB);
  const doc = "word/document.xml";
  writeFileSync(
    path.join(dir, "huge-string.docx"),
    writeZip({ entries: edited(report.entries, doc, paragraph(huge)) }),
  );
  const strings = "xl/sharedStrings.xml";
  const sst = new TextDecoder().decode(bookEntries.find((e) => e.name === strings)?.data);
  const index = sst.split("<si>").length - 1; // the string added after the workbook's own
  const withString = edited(bookEntries, strings, (xml) =>
    xml.replace("</sst>", `<si><t>${huge}</t></si></sst>`),
  );
  const shown = edited(withString, "xl/worksheets/sheet1.xml", (xml) =>
    xml.replace(/<c r="C2"[^>]*>.*?<\/c>/, `<c r="C2" t="s"><v>${index}</v></c>`),
  );
  writeFileSync(path.join(dir, "huge-string.xlsx"), writeZip({ entries: shown }));
  writeFileSync(
    path.join(dir, "long-paragraph.docx"),
    writeZip({ entries: edited(report.entries, doc, paragraph("1".repeat(900_000))) }),
  );

  // Stored data of the wrong shape.
  const wrong = withStoredTables(writeZip(report), (t) => {
    delete t.t3;
    t.t4 = { review: 5 };
  });
  writeFileSync(path.join(dir, "wrong-shape.docx"), wrong);

  prepareBadCompound(dir);
}

/** A Word FIB's first bytes: wIdent, nFib of Word 97, and the flags (0x0100: encrypted). */
function fib(flags: number): Uint8Array {
  const b = new Uint8Array(4096);
  const dv = new DataView(b.buffer);
  dv.setUint16(0, 0xa5ec, true);
  dv.setUint16(2, 0xc1, true);
  dv.setUint16(0x0a, flags, true);
  return b;
}

/** BIFF8 records: a workbook's BOF, then FILEPASS (the workbook has an open password). */
function encryptedBiff(): Uint8Array {
  const b = new Uint8Array(4096);
  const dv = new DataView(b.buffer);
  dv.setUint16(0, 0x0809, true);
  dv.setUint16(2, 16, true);
  dv.setUint16(4, 0x0600, true);
  dv.setUint16(6, 0x0005, true);
  dv.setUint16(20, 0x002f, true);
  dv.setUint16(22, 6, true);
  dv.setUint16(24, 1, true);
  return b;
}

function prepareBadCompound(dir: string): void {
  // A Word document of about 6.7 MB: its WordDocument stream's chain walked to its end before a fault shows.
  const stream = new Uint8Array(13000 * 512);
  stream.set(fib(0));
  const l = compoundLayout({ WordDocument: stream, "1Table": new Uint8Array(8192) });
  const last = l.starts.WordDocument + 12999;
  const files: Record<string, Uint8Array> = {
    "cfb-cycle.doc": withFatEntry(l, last, l.starts.WordDocument),
    "cfb-range.doc": withFatEntry(l, last, 9_000_000),
    "cfb-cut.doc": l.bytes.subarray(0, l.bytes.length >> 1),
    "cfb-dirloop.doc": withDirField(l, 2, 0x48, 1),
    "cfb-long.xls": withDirField(compoundLayout({ Workbook: new Uint8Array(8192) }), 1, 0x78, 0x7fffffff),
    "encrypted.doc": compoundLayout({ WordDocument: fib(0x0100), "1Table": new Uint8Array(4096) }).bytes,
    "encrypted.xls": compoundLayout({ Workbook: encryptedBiff() }).bytes,
    "missing-page.ofd": missingPageOfd(compileWorkbook(sampleWorkbook()).tables),
  };
  for (const [name, bytes] of Object.entries(files)) writeFileSync(path.join(dir, name), bytes);
}
