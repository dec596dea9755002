/**
 * The .docx package through the checked zip layer (src/zip): names, sizes, CRCs and caps checked before
 * anything is used; pictures and other media kept as stored, never inflated. XML with a DOCTYPE (entity
 * expansion, external entities) is refused. Entry order is kept on writing.
 */
import { isMedia, PackageError, readPackage } from "../zip/read";
import type { ZipEntry, ZipFile } from "../zip/read";
import { writeZip } from "../zip/write";
import { SaxesParser } from "saxes";

export type { ZipEntry, ZipFile };
export { writeZip };

/** A .docx that cannot be used, with a Chinese message saying why. */
export class DocxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DocxError";
  }
}

/** Reads a .docx: every part but the media inflated and checked. Throws DocxError. */
export function readZip(bytes: Uint8Array, label: string): ZipFile {
  try {
    return readPackage(bytes, label, { kind: "docx", need: (name) => !isMedia(name) });
  } catch (e) {
    if (e instanceof PackageError) throw new DocxError(e.message);
    throw e;
  }
}

const decoder = new TextDecoder("utf-8", { fatal: false });
const encoder = new TextEncoder();

/** The text of an XML entry, refused if it declares a DOCTYPE or entities. */
export function xmlText(zip: ZipFile, name: string, label: string): string | undefined {
  const entry = zip.entries.find((e) => e.name === name);
  if (!entry?.data) return undefined;
  const text = decoder.decode(entry.data);
  if (/<!DOCTYPE|<!ENTITY/i.test(text))
    throw new DocxError(
      `「${label}」中的「${name}」包含 DOCTYPE 或实体声明（可能是恶意构造的文件），已拒绝处理`,
    );
  return text;
}

export function setText(zip: ZipFile, name: string, text: string): void {
  const data = encoder.encode(text);
  const entry = zip.entries.find((e) => e.name === name);
  if (entry) {
    entry.data = data;
    delete entry.raw;
  } else zip.entries.push({ name, data });
}

/** Where an XML text is not well-formed ("第3行第10列：unclosed tag: w:sdt"), or null. */
export function xmlFault(xml: string): string | null {
  const parser = new SaxesParser();
  let fault: string | null = null;
  parser.on("error", (e) => {
    fault ??= e.message.replace(/^(?:[^:]*:)?(\d+):(\d+): /, "第$1行第$2列：");
    throw e;
  });
  try {
    parser.write(xml).close();
  } catch (e) {
    fault ??= (e as Error).message;
  }
  return fault;
}

/** Checks every XML part of a package: no DOCTYPE or entity declaration, and well-formed (the part named). */
export function checkAllXml(
  zip: ZipFile,
  label: string,
  skip: (name: string) => boolean = () => false,
): void {
  for (const e of zip.entries)
    if (e.data && /\.(xml|rels)$/i.test(e.name) && !skip(e.name)) {
      const fault = xmlFault(xmlText(zip, e.name, label) as string);
      if (fault)
        throw new DocxError(
          `「${label}」中的「${e.name}」不是完整的 XML（${fault}），文件已损坏；请在 Word 或 WPS 中打开后另存一份再试`,
        );
    }
}
