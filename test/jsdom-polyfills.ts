/**
 * What jsdom lacks and the code under test uses: TextEncoder/TextDecoder (Node's), and ResizeObserver (a
 * no-op: Fluent's TabList measures itself with it; layout is not under test in jsdom), Blob.arrayBuffer, and a
 * canvas that gives no context (jsdom's says "not implemented" on the console), as a browser does for a context it
 * cannot make: ECharts then measures text as it does in Node. Import first.
 */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
// jsdom's Blob has no arrayBuffer() (browsers have had it since 2019); read through its FileReader.
if (typeof Blob !== "undefined" && !Blob.prototype.arrayBuffer)
  Blob.prototype.arrayBuffer = function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };
// No 2D context: what a browser returns when it cannot make one (ECharts falls back to its own text widths).
if (typeof HTMLCanvasElement !== "undefined")
  HTMLCanvasElement.prototype.getContext = function () {
    return null;
  } as typeof HTMLCanvasElement.prototype.getContext;
