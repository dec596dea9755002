/** The browser tests' site: the production build served locally and Chromium launched, per test file (jest only). */
import { mkdtempSync, rmSync } from "fs";
import os from "os";
import path from "path";
import { chromium } from "playwright-core";
import type { Browser } from "playwright-core";
import { buildSite, CHROMIUM, serve } from "./serve";
import type { ToolGate } from "./tools";

/**
 * The production build served locally and Chromium launched, for a test file's browser tests: made before them
 * under `gate` (skipped with them where Chromium is missing) and closed after them.
 */
export function browserSite(
  gate: ToolGate,
  prefix: string,
): { readonly dir: string; readonly url: string; readonly browser: Browser } {
  let dir = "";
  let site: { url: string; close: () => Promise<void> } | undefined;
  let browser: Browser | undefined;
  gate.beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
    await buildSite(path.join(dir, "site"));
    site = await serve(path.join(dir, "site"));
    browser = await chromium.launch(CHROMIUM);
  }, 300000);
  gate.afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir;
    },
    get url() {
      return site?.url ?? "";
    },
    get browser() {
      if (!browser) throw new Error("the browser is not started");
      return browser;
    },
  };
}
