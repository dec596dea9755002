/**
 * PDF files written here byte by byte, for what no word processor makes on purpose: a scan (a page that is
 * only an image), a bomb (a stream that inflates past the cap), a broken file. Each is a valid PDF by the
 * specification (objects, cross-reference table with true offsets, trailer) unless the test breaks it.
 */
import zlib from "zlib";

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

const concat = (parts: Uint8Array[]): Uint8Array => new Uint8Array(Buffer.concat(parts));

/** A stream object's bytes: its dictionary (Length added) and data. */
export function stream(dict: string, data: Uint8Array): Uint8Array {
  return concat([latin1(`<< ${dict} /Length ${data.length} >>\nstream\n`), data, latin1("\nendstream")]);
}

/** A PDF of the given objects (object 1 is the catalog), with its cross-reference table. */
export function pdfOf(objects: (string | Uint8Array)[]): Uint8Array {
  const parts: Uint8Array[] = [latin1("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")];
  const offsets: number[] = [];
  let at = parts[0].length;
  objects.forEach((o, i) => {
    const body = typeof o === "string" ? latin1(o) : o;
    const bytes = concat([latin1(`${i + 1} 0 obj\n`), body, latin1("\nendobj\n")]);
    offsets.push(at);
    parts.push(bytes);
    at += bytes.length;
  });
  const xref = [
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`,
    ...offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`),
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`,
  ].join("");
  parts.push(latin1(xref));
  return concat(parts);
}

/** One A4 page with the given content stream and resources. */
function onePage(content: Uint8Array, resources: string, more: (string | Uint8Array)[] = []) {
  return pdfOf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources ${resources} /Contents 4 0 R >>`,
    content,
    ...more,
  ]);
}

/** A scanned page: a grey image over the page, and no text at all. */
export function scannedPdf(): Uint8Array {
  const [w, h] = [60, 80];
  const pixels = Uint8Array.from({ length: w * h }, (_, i) => (i * 7) % 256);
  const image = stream(
    `/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8`,
    pixels,
  );
  return onePage(stream("", latin1("q 595 0 0 842 0 0 cm /Im1 Do Q")), "<< /XObject << /Im1 5 0 R >> >>", [
    image,
  ]);
}

/**
 * A page whose content stream inflates to `mb` megabytes of spaces (a valid, empty content): one megabyte
 * deflated once and flushed to a byte boundary, repeated (each piece refers only to itself), then the final
 * block, in zlib's wrapper with its checksum.
 */
export function bombPdf(mb: number): Uint8Array {
  const block = Buffer.alloc(1024 * 1024, 0x20);
  const piece = zlib.deflateRawSync(block, { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  // Adler-32 of n spaces, as zlib defines it: a = 1 + 32n, b = n + 32·n(n+1)/2, both modulo 65521.
  const n = BigInt(mb * block.length);
  const a = Number((1n + 32n * n) % 65521n);
  const b = Number((n + 16n * n * (n + 1n)) % 65521n);
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE(((b << 16) | a) >>> 0);
  const body = concat([
    Uint8Array.of(0x78, 0x01),
    ...new Array<Uint8Array>(mb).fill(piece),
    Uint8Array.of(0x03, 0x00),
    adler,
  ]);
  return onePage(stream("/Filter /FlateDecode", body), "<< >>");
}

/** A page with one line of Latin text in a standard font (a text layer that is no report). */
export function textPdf(text: string): Uint8Array {
  return onePage(
    stream("", latin1(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`)),
    "<< /Font << /F1 5 0 R >> >>",
    ["<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"],
  );
}

/**
 * Lines of Chinese in a font the PDF does not embed: STSong-Light through the predefined CMap UniGB-UCS2-H
 * (Adobe-GB1), as some Chinese producers write PDFs. Its text can only be read with the CMaps pdf.js ships,
 * so reading it proves they are found (by the command line from the package, by the panes from pdfjs/cmaps).
 */
export function cmapPdf(lines: string[]): Uint8Array {
  const ucs2 = (s: string) =>
    Array.from(s, (c) => (c.codePointAt(0) as number).toString(16).padStart(4, "0").toUpperCase()).join("");
  const text = lines.map((l, i) => `BT /F1 14 Tf 72 ${760 - i * 28} Td <${ucs2(l)}> Tj ET`).join("\n");
  return onePage(stream("", latin1(text)), "<< /Font << /F1 5 0 R >> >>", [
    "<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>",
    "<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >> /FontDescriptor 7 0 R /DW 1000 >>",
    "<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>",
  ]);
}
