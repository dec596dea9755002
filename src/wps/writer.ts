// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- wps-jsapi-declare declares global namespaces (Wps, KSO), not a module; its index.d.ts declares a global Application that clashes with et-jsapi-declare's.
/// <reference path="../../node_modules/wps-jsapi-declare/lib.wps.d.ts" />
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the add-in root (FileSystem, Env) is declared the same in both packages' index.d.ts; et's is the one the program already includes.
/// <reference path="../../node_modules/et-jsapi-declare/index.d.ts" />
/**
 * WPS 文字 over its JS API, typed with wps-jsapi-declare: the same work as the Word adapter — list the `ogi:`
 * content controls, read and write the report's custom XML part (CustomXMLParts.SelectByNamespace), replace a
 * control's content with a part rendered by the .docx writer (written to a temporary file with the add-in's
 * FileSystem, then Range.InsertFile into the control's range: the control and its tag stay), insert a part at
 * the cursor, give the open document as .docx bytes (Range.ExportFragment) and select a text (Find). WPS's API is
 * synchronous; the calls per action depend on the report's parts, never on the register's length.
 * No WPS runs in this project: this rests on the typings and WPS's documentation, and is tested on a fake.
 */
import { TAG_PREFIX } from "../report/text/document";
import { pathIn } from "./save";

/** What of WPS the adapter uses: the 文字 object model and the add-in root's files and temp folder. */
export type WriterHost = Pick<Wps.Application, "ActiveDocument" | "Selection"> &
  Partial<Pick<WPS.AddonRoot, "FileSystem" | "Env">>;

/** The file-system calls the adapter needs, as the typings name them. */
const FILE_CALLS = ["writeAsBinaryString", "ReadFileAsArrayBuffer", "Remove"] as const;
/** wdFormatDocumentDefault (.docx) — the typings declare the enum; WPS has no such object at run time. */
const FORMAT_DOCX = 16 as Wps.WdSaveFormat;
/** Word's Find takes at most 255 characters. */
const FIND_LIMIT = 200;

/**
 * What this WPS cannot do in the document, in Chinese; empty when it can update in place. Without the add-in's
 * FileSystem (or its temp folder) no part can be written for InsertFile.
 */
export function writerNotes(host: WriterHost): string[] {
  const fs = host.FileSystem as Partial<WPS.FileSystem> | undefined;
  const missing = FILE_CALLS.filter((k) => typeof fs?.[k] !== "function");
  if (!missing.length && typeof host.Env?.GetTempPath === "function") return [];
  return [
    "这个版本的 WPS 没有向加载项提供文件接口（FileSystem），不能在文档中直接更新或插入；" +
      "可以在下方选择报告文件，下载更新后的副本。",
  ];
}

/** The add-in's FileSystem and Env, or what cannot be done without them (`unable`), in Chinese. */
function files(host: WriterHost, unable?: string): { fs: WPS.FileSystem; env: WPS.Env } {
  const [note] = writerNotes(host);
  if (note || !host.FileSystem || !host.Env)
    throw new Error(unable ? `这个版本的 WPS 没有向加载项提供文件接口（FileSystem），${unable}` : note);
  return { fs: host.FileSystem, env: host.Env };
}

let serial = 0;
/** A new file name in the system's temp folder. */
const tempPath = (env: WPS.Env, what: string) =>
  pathIn(env.GetTempPath(), `ogi-${Date.now().toString(36)}-${(serial++).toString(36)}-${what}.docx`);

/** Writes base64 .docx bytes to a temp file; the caller removes it. */
function writeTemp(fs: WPS.FileSystem, env: WPS.Env, what: string, base64: string): string {
  const path = tempPath(env, what);
  if (!fs.writeAsBinaryString(path, atob(base64))) throw new Error(`WPS 无法写入临时文件「${path}」。`);
  return path;
}

function removeAll(fs: WPS.FileSystem, paths: string[]): void {
  for (const p of paths) {
    try {
      fs.Remove(p);
    } catch {
      // A temp file left behind is not worth failing the update over.
    }
  }
}

/** Inserts a file into a range, its failure in Chinese naming what was being inserted. */
function insertFile(range: Wps.Range, path: string, what: string): void {
  try {
    range.InsertFile(path);
  } catch (e) {
    throw new Error(`WPS 未能把「${what}」插入文档：${e instanceof Error ? e.message : String(e)}`);
  }
}

/** The open document; without one (WPS 文字 with no document open) a Chinese message. */
function activeDocument(host: WriterHost): Wps.Document {
  const doc = host.ActiveDocument as Wps.Document | null | undefined;
  if (!doc) throw new Error("WPS 文字中没有打开的文档，请先打开报告。");
  return doc;
}

function controls(list: Wps.ContentControls): Wps.ContentControl[] {
  const out: Wps.ContentControl[] = [];
  for (let i = 1, n = list.Count; i <= n; i++) out.push(list.Item(i));
  return out;
}

/** A range's text as Word's Office.js gives a control's: paragraph marks as line breaks, no cell marks. */
const plainText = (text: string) => text.split(String.fromCharCode(7)).join("").replace(/\r/g, "\n");

/** Every `ogi:` control: its part id and its text. */
export function listControlsWps(host: WriterHost): { part: string; text: string }[] {
  const out: { part: string; text: string }[] = [];
  for (const c of controls(activeDocument(host).ContentControls)) {
    const tag = c.Tag ?? "";
    if (tag.startsWith(TAG_PREFIX))
      out.push({ part: tag.slice(TAG_PREFIX.length), text: plainText(c.Range.Text ?? "") });
  }
  return out;
}

function partsIn(host: WriterHost, namespace: string): Kso.CustomXMLPart[] {
  const parts = activeDocument(host).CustomXMLParts.SelectByNamespace(namespace);
  const out: Kso.CustomXMLPart[] = [];
  for (let i = 1, n = parts?.Count ?? 0; i <= n; i++) out.push(parts.Item(i));
  return out;
}

/** The XML of the report's custom XML part (found by namespace), or null. */
export function readReportXmlWps(host: WriterHost, namespace: string): string | null {
  const [first] = partsIn(host, namespace);
  return first ? first.XML : null;
}

/** Replaces the report's custom XML part. */
export function writeReportXmlWps(host: WriterHost, namespace: string, xml: string): void {
  for (const p of partsIn(host, namespace)) p.Delete();
  activeDocument(host).CustomXMLParts.Add(xml);
}

/**
 * Replaces the content of every control of each given part with a bare .docx of that part (base64), keeping
 * the controls: every part's file written to the temp folder first (so a failure to write changes nothing),
 * then inserted into each of its controls' ranges; the files removed afterwards. Returns the parts that had no
 * control.
 */
export function replacePartsWps(
  host: WriterHost,
  parts: { part: string; base64: string; alias?: string }[],
): string[] {
  const { fs, env } = files(host);
  const doc = activeDocument(host);
  const found = parts.map((p) => ({
    ...p,
    controls: controls(doc.SelectContentControlsByTag(TAG_PREFIX + p.part)),
  }));
  const written: string[] = [];
  try {
    const ready = found
      .filter((p) => p.controls.length)
      .map((p) => {
        const path = writeTemp(fs, env, p.part, p.base64);
        written.push(path);
        return { ...p, path };
      });
    for (const { part, alias, path, controls: list } of ready)
      for (const control of list) insertFile(control.Range, path, alias ?? part);
  } finally {
    removeAll(fs, written);
  }
  return found.filter((p) => !p.controls.length).map((p) => p.part);
}

/** Inserts a part (a .docx with the part in its tagged control, base64) at the cursor. */
export function insertAtCursorWps(host: WriterHost, base64: string): void {
  const { fs, env } = files(host);
  const path = writeTemp(fs, env, "insert", base64);
  try {
    insertFile(host.Selection.Range, path, "所选部分");
  } finally {
    removeAll(fs, [path]);
  }
}

/**
 * The open document as .docx bytes: the saved file when it is a .docx with nothing unsaved, else its content
 * exported to a temp file (Range.ExportFragment).
 */
export function documentBytesWps(host: WriterHost): Uint8Array {
  const { fs, env } = files(
    host,
    "不能读取当前文档；请把文档另存为 .docx，在文件模式或命令行（check）中检查。",
  );
  const doc = activeDocument(host);
  if (doc.Saved && /\.docx$/i.test(doc.FullName ?? ""))
    return new Uint8Array(fs.ReadFileAsArrayBuffer(doc.FullName));
  const path = tempPath(env, "check");
  try {
    doc.Content.ExportFragment(path, FORMAT_DOCX);
    return new Uint8Array(fs.ReadFileAsArrayBuffer(path));
  } catch (e) {
    throw new Error(
      `WPS 未能导出当前文档（${e instanceof Error ? e.message : String(e)}）。请把文档保存为 .docx 后再检查。`,
    );
  } finally {
    removeAll(fs, [path]);
  }
}

/** Selects the first place the text occurs in the document; false when it is not found. */
export function selectTextWps(host: WriterHost, text: string): boolean {
  const range = activeDocument(host).Content;
  if (!range.Find.Execute(text.slice(0, FIND_LIMIT), true)) return false;
  range.Select();
  return true;
}
