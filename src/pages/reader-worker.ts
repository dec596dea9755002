/**
 * File mode's reader, off the page's thread: a picked workbook's bytes in, its sheets' cells out (or the
 * Chinese message of why it cannot be read), so that the pane never freezes on a large file. Built as its own
 * bundle (reader-worker.js) beside the pages; src/actions/readInWorker.ts starts it.
 */
import { readWorkbook } from "../workbook/read";
import { inflatedAhead, isMedia, useNativeInflate } from "../zip/read";
import type { WorkerAnswer, WorkerQuestion } from "../actions/readInWorker";

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<WorkerQuestion>) => void) | null;
  postMessage(answer: WorkerAnswer): void;
};

scope.onmessage = async (e) => {
  const { bytes, name } = e.data;
  try {
    // A workbook's parts inflated ahead by the browser's own DecompressionStream (native; fflate otherwise).
    const zip = bytes[0] === 0x50 && bytes[1] === 0x4b;
    useNativeInflate(
      zip ? await inflatedAhead(bytes, name, { kind: "xlsx", need: (n) => !isMedia(n) }) : null,
    );
    const wb = await readWorkbook(bytes, name);
    // Plain objects for the structured clone (rows, merges and hidden are read here, once).
    const sheets = wb.sheets.map((s) => ({
      name: s.name,
      rows: s.rows,
      firstRow: s.firstRow,
      ...(s.merges?.length ? { merges: s.merges } : {}),
      ...(s.hidden ? { hidden: s.hidden } : {}),
    }));
    scope.postMessage({ ok: true, sheets });
  } catch (err) {
    scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  } finally {
    useNativeInflate(null);
  }
};
