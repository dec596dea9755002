/**
 * Reading a workbook in file mode: in a Web Worker (reader-worker.js, built beside the pages) where the browser
 * has workers, so that parsing a large ledger never freezes the pane; on the page's own thread where it has
 * none (jsdom in the tests) or the worker cannot start. Either way the same reader and the same messages.
 */
import type { SheetData, WorkbookData } from "../report/common/cells";

export interface WorkerQuestion {
  bytes: Uint8Array;
  name: string;
}

export type WorkerAnswer = { ok: true; sheets: SheetData[] } | { ok: false; message: string };

/** The worker's script, relative to the page (every build puts it beside filemode.html). */
export const READER_WORKER = "reader-worker.js";

async function inThisThread(bytes: Uint8Array, name: string): Promise<WorkbookData> {
  const { readWorkbook } = await import("../workbook/read");
  return readWorkbook(bytes, name);
}

export function readInWorker(bytes: Uint8Array, name: string): Promise<WorkbookData> {
  if (typeof Worker === "undefined") return inThisThread(bytes, name);
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(READER_WORKER);
    } catch {
      resolve(inThisThread(bytes, name));
      return;
    }
    worker.onmessage = (e: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      if (e.data.ok) resolve({ sheets: e.data.sheets, source: name });
      else reject(new Error(e.data.message));
    };
    // The script could not be loaded or died: read here instead (the bytes were copied, not moved).
    worker.onerror = (e) => {
      e.preventDefault();
      worker.terminate();
      resolve(inThisThread(bytes, name));
    };
    worker.postMessage({ bytes, name } satisfies WorkerQuestion);
  });
}
