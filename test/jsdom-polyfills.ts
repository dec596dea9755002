/**
 * What jsdom lacks and the code under test uses: TextEncoder/TextDecoder (Node's), and ResizeObserver (a
 * no-op: Fluent's TabList measures itself with it; layout is not under test in jsdom), Blob.arrayBuffer. Import first.
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
