/**
 * What jsdom lacks and the code under test uses: TextEncoder/TextDecoder (Node's), and ResizeObserver (a
 * no-op: Fluent's TabList measures itself with it; layout is not under test in jsdom). Import first.
 */
import { TextDecoder, TextEncoder } from "util";

Object.assign(globalThis, { TextDecoder, TextEncoder });
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
