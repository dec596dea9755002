/**
 * Jest's Node environment with pdf.js loaded: jest's module system cannot require an ES module, so this
 * environment (which Node itself loads) requires pdf.js with Node's require and hands it to the tests as
 * `__ogiPdfJs` (src/cli/pdfjs.ts uses it). Test files that read PDFs name it in their docblock.
 */
const { TestEnvironment } = require("jest-environment-node");

const hadIterator = "Iterator" in globalThis;
const lib = require("pdfjs-dist/legacy/build/pdf.mjs");
const worker = require("pdfjs-dist/legacy/build/pdf.worker.mjs");
// pdf.js's legacy build polyfills the ES2025 global Iterator on this realm (core-js keeps its own reference).
// Node 20 has none, and jsdom, loaded later by another test file in the same jest worker, would then look for
// Iterator in its window's fresh context and fail to start ("Iterator is not defined"): take the name away again.
if (!hadIterator) delete globalThis.Iterator;
// pdf.js looks for its in-thread worker on its own realm's global.
globalThis.pdfjsWorker = worker;

class PdfEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__ogiPdfJs = { lib, worker };
  }
}

module.exports = PdfEnvironment;
