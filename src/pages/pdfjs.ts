/**
 * pdf.js in the panes: the build copies pdfjs-dist's legacy build (pdf.min.mjs, its worker), its CMaps and
 * standard fonts into pdfjs/ beside the pages, and a PDF picked loads them from there with the browser's own
 * module import — from the add-in's server, never from elsewhere, and only when a PDF is read. pdf.js parses
 * in its worker, off the pane's thread.
 */
import { usePdfJs } from "../load/pdf";
import type { PdfJsModule } from "../load/pdf";

type Browser = PdfJsModule & { GlobalWorkerOptions: { workerSrc: string } };

export function usePdfJsInBrowser(): void {
  usePdfJs(async () => {
    const base = new URL("pdfjs/", document.baseURI).href;
    const lib = (await import(/* webpackIgnore: true */ `${base}pdf.min.mjs`)) as Browser;
    lib.GlobalWorkerOptions.workerSrc = `${base}pdf.worker.min.mjs`;
    return { lib, cMapUrl: `${base}cmaps/`, standardFontDataUrl: `${base}standard_fonts/` };
  });
}
