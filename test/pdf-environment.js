/**
 * Jest's Node environment with pdf.js loaded: jest's module system cannot require an ES module, so this
 * environment (which Node itself loads) requires pdf.js with Node's require and hands it to the tests as
 * `__ogiPdfJs` (src/cli/pdfjs.ts uses it). Test files that read PDFs name it in their docblock.
 */
const { TestEnvironment } = require("jest-environment-node");

const lib = require("pdfjs-dist/legacy/build/pdf.mjs");
const worker = require("pdfjs-dist/legacy/build/pdf.worker.mjs");
// pdf.js looks for its in-thread worker on its own realm's global.
globalThis.pdfjsWorker = worker;

class PdfEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__ogiPdfJs = { lib, worker };
  }
}

module.exports = PdfEnvironment;
