/** A static file server on 127.0.0.1 for the browser tests and benchmarks. */
import { createReadStream, existsSync, statSync } from "fs";
import http from "http";
import os from "os";
import type { AddressInfo } from "net";
import path from "path";
import webpack from "webpack";
import { toolPath } from "./programs";

/** The production build of the panes into `outDir`, as webpack.config.js makes it. */
export async function buildSite(outDir: string): Promise<void> {
  const stats = await productionBuild({ outDir }, "site");
  if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
}

/**
 * The production build as `npm run build` makes it (webpack.config.js with `env`), run in this process. The test
 * files that build the same entries share webpack's cache on disk (`cacheName`: one per set of entries — the
 * add-in's, WPS's), so the add-in is compiled and minified once per machine and the later builds reuse what did not
 * change: webpack itself tells what did (every file a module was made from, the config, the lock file). The
 * add-in's address and share (OGI_ADDIN_URL, OGI_CATALOG_SHARE) touch only the files written after the modules
 * (manifest, catalog), which every build writes anew.
 */
export async function productionBuild(env: object, cacheName: string): Promise<webpack.Stats> {
  const root = path.resolve(__dirname, "..");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFn = require(path.join(root, "webpack.config.js")) as (
    env: object,
    o: object,
  ) => Promise<webpack.Configuration>;
  const config = await configFn(env, { mode: "production" });
  const cache: webpack.FileCacheOptions = {
    type: "filesystem",
    name: cacheName,
    cacheDirectory: path.join(os.tmpdir(), "ogi-webpack-cache"),
    buildDependencies: {
      config: [path.join(root, "webpack.config.js"), path.join(root, "package-lock.json")],
    },
  };
  return new Promise<webpack.Stats>((resolve, reject) =>
    webpack({ ...config, context: root, cache }, (err, s) =>
      err || !s ? reject(err ?? new Error("no stats")) : resolve(s),
    ),
  );
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "text/xml; charset=utf-8",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
};

export async function serve(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** Chromium as this machine has it (Debian's package), headless; launch it under `needs("chromium")`. */
export const CHROMIUM = {
  executablePath: toolPath("chromium") ?? "chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

/**
 * office.js for pages under test: an Office that is ready at once, the fake Excel with the requirement sets of
 * `window.__OGI_EXCEL_PROFILE__` (default: all), and a CustomFunctions stub unless the profile has no custom
 * functions (Excel 2016/2019 give the page none).
 */
export const FAKE_OFFICE_JS = `
var profile = window.__OGI_EXCEL_PROFILE__ || { excelApi: "1.20", customFunctions: true };
if (profile.customFunctions) window.CustomFunctions = { associate: () => {}, Error: class extends Error {}, ErrorCode: { invalidValue: "#VALUE!" } };
window.__fake = window.createFakeExcel(window.__OGI_WORKBOOK__ || { sheets: [] }, profile);
window.Excel = window.__fake.Excel;
window.Office = Object.assign({}, window.__fake.Office, { onReady: (cb) => Promise.resolve().then(() => cb && cb({ host: "Excel" })) });
window.Office.context.platform = "OfficeOnline";
`;

/** office.js for the Word page under test: an Office that is ready at once and the fake Word (with its common API). */
export const FAKE_WORD_OFFICE_JS = `
window.__fake = window.createFakeWord(window.__OGI_DOCUMENT__ || {}, window.__OGI_WORD_PROFILE__ || {});
window.Word = window.__fake.Word;
window.Office = Object.assign({}, window.__fake.Office, { onReady: (cb) => Promise.resolve().then(() => cb && cb({ host: "Word" })), PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline" } });
window.Office.context.platform = "OfficeOnline";
`;
