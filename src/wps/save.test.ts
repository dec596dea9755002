/**
 * Files the WPS panes make are saved into the user's 下载 folder through the add-in's FileSystem (on a fake WPS):
 * the exact bytes, a name not yet taken, the folder's own separator, the desktop when WPS gives no 下载 folder,
 * and a refused write said in Chinese.
 */
import { pathIn, saveFile } from "./save";
import type { FileHost } from "./save";

interface Fake {
  Application: FileHost & { Env: WPS.Env };
  state: { files: Map<string, string> };
  bytesOf: (binary: string) => Uint8Array;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createFakeEt } = require("../../test/fake-wps.js") as {
  createFakeEt: (initial?: object, profile?: object) => Fake;
};

const bytes = Uint8Array.from({ length: 70000 }, (_, i) => (i * 7) % 256);

test("saves the exact bytes into 下载, then 名（2）, 名（3）… rather than over a file already there", async () => {
  const f = createFakeEt();
  const name = "某局2025年政府信息公开工作年度报告.docx";
  const first = await saveFile(f.Application, new Blob([bytes]), name);
  expect(first).toBe(`C:\\Users\\zw\\Downloads\\${name}`);
  expect(Buffer.from(f.bytesOf(f.state.files.get(first as string) ?? "")).equals(Buffer.from(bytes))).toBe(
    true,
  );
  expect(await saveFile(f.Application, new Blob([bytes]), name)).toBe(
    "C:\\Users\\zw\\Downloads\\某局2025年政府信息公开工作年度报告（2）.docx",
  );
  expect(await saveFile(f.Application, new Blob(["x"]), name)).toMatch(/（3）\.docx$/);
  expect(f.state.files.size).toBe(3);
});

test("on 麒麟/统信 the path uses /; without a 下载 folder the desktop is used", async () => {
  const linux = createFakeEt(undefined, { downloadPath: "/home/zw/下载/" });
  expect(await saveFile(linux.Application, new Blob(["x"]), "汇总.docx")).toBe("/home/zw/下载/汇总.docx");
  const noDownloads = createFakeEt(undefined, { downloadPath: "" });
  expect(await saveFile(noDownloads.Application, new Blob(["x"]), "a.docx")).toBe(
    "C:\\Users\\zw\\Desktop\\a.docx",
  );
  expect(pathIn("C:\\Temp\\\\", "b.docx")).toBe("C:\\Temp\\b.docx");
});

test("a folder that refuses the file is said in Chinese", async () => {
  const full = createFakeEt(undefined, { writes: 0 });
  await expect(saveFile(full.Application, new Blob(["x"]), "a.docx")).rejects.toThrow(
    "WPS 无法把文件保存到「C:\\Users\\zw\\Downloads\\a.docx」，请检查该文件夹是否可写。",
  );
});
