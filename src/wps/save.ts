// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the add-in root (FileSystem, Env) is declared in et-jsapi-declare's index.d.ts, global declarations only.
/// <reference path="../../node_modules/et-jsapi-declare/index.d.ts" />
/**
 * Files the WPS panes make (a report, a roll-up, an updated copy), saved with the add-in's FileSystem into the
 * user's 下载 folder (else the desktop) under a name not yet taken, the path then told to the user: WPS's
 * embedded browser is not documented to handle a web page's downloads. Where this WPS gives the add-in no
 * FileSystem, the browser's download is tried. Typed with et-jsapi-declare; tested on a fake.
 */
import { binaryString, browserDownload } from "../actions/files";

/** What of WPS's add-in root saving uses (absent in a WPS that does not give it to add-ins). */
export type FileHost = Partial<Pick<WPS.AddonRoot, "FileSystem" | "Env">>;

/** A file in a folder, with the folder's own separator (\ on Windows, / on 麒麟/统信). */
export function pathIn(dir: string, name: string): string {
  const trimmed = dir.replace(/[\\/]+$/, "");
  return `${trimmed}${trimmed.includes("\\") ? "\\" : "/"}${name}`;
}

/** `name`, or 名（2）.docx, 名（3）.docx… — the first not in the folder. */
function freePath(fs: WPS.FileSystem, dir: string, name: string): string {
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let i = 1; ; i++) {
    const path = pathIn(dir, i === 1 ? name : `${stem}（${i}）${ext}`);
    if (!fs.Exists(path)) return path;
  }
}

/** Saves a file the pane made; the path it was saved to, or nothing when the browser's download was used. */
export async function saveFile(host: FileHost, blob: Blob, name: string): Promise<string | void> {
  const fs = host.FileSystem;
  const env = host.Env;
  if (typeof fs?.writeAsBinaryString !== "function" || typeof fs.Exists !== "function" || !env)
    return browserDownload(blob, name);
  const dir = (typeof env.GetDownloadPath === "function" && env.GetDownloadPath()) || env.GetDesktopPath();
  const path = freePath(fs, dir, name);
  if (!fs.writeAsBinaryString(path, binaryString(new Uint8Array(await blob.arrayBuffer()))))
    throw new Error(`WPS 无法把文件保存到「${path}」，请检查该文件夹是否可写。`);
  return path;
}
