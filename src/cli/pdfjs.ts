/**
 * pdf.js for the command line: Node's require of its ES module (Node ≥ 20.19), its worker run in this thread
 * (pdf.js uses `globalThis.pdfjsWorker` when it is set), its CMaps and standard fonts read from the package's
 * folders. Jest cannot require an ES module; its test environment (test/pdf-environment.js) loads the same
 * files with Node's own require and hands them over as `__ogiPdfJs`.
 */
import path from "path";
import { usePdfJs } from "../load/pdf";
import type { PdfJsModule, PdfJsSetup } from "../load/pdf";

interface Loaded {
  lib: PdfJsModule;
  worker: unknown;
}

function load(): Loaded {
  const preloaded = (globalThis as { __ogiPdfJs?: Loaded }).__ogiPdfJs;
  if (preloaded) return preloaded;
  /* eslint-disable @typescript-eslint/no-require-imports */
  return {
    lib: require("pdfjs-dist/legacy/build/pdf.mjs") as PdfJsModule,
    worker: require("pdfjs-dist/legacy/build/pdf.worker.mjs"),
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

export function usePdfJsNode(): void {
  usePdfJs(async (): Promise<PdfJsSetup> => {
    const { lib, worker } = load();
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    const root = path.dirname(require.resolve("pdfjs-dist/package.json"));
    return {
      lib,
      cMapUrl: path.join(root, "cmaps") + path.sep,
      standardFontDataUrl: path.join(root, "standard_fonts") + path.sep,
    };
  });
}
