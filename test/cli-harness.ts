/** The command line run in-process for the tests, and a temporary folder per test file for its files. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { main } from "../src/cli/main";

/** Runs `ogi-report <args>` in this process: its exit code, stdout and stderr. */
export async function call(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

/**
 * A folder made before the file's tests and removed after them; `put` writes a file into it (making the
 * folders on its path) and returns the file's path.
 */
export function tempFolder(prefix: string): {
  readonly dir: string;
  put: (rel: string, content: string | Uint8Array) => string;
} {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    put(rel, content) {
      const p = path.join(dir, rel);
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, content);
      return p;
    },
  };
}
