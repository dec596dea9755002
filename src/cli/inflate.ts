/**
 * The command line inflates with Node's zlib (native, about three times fflate's speed on a register's sheet)
 * and checks CRC-32 with it (about four times ./crc's); the zip reader's checks stay in front of it: declared
 * sizes and caps first, output stopped one byte past the entry's declared size, size and CRC-32 compared after.
 * Browsers and workers keep fflate. The command line's entry calls useNodeZlib() first (and so do the
 * benchmarks that measure the command line's reading).
 */
import zlib from "zlib";
import { useNativeInflate } from "../zip/read";
import type { NativeZlib } from "../zip/read";

export const NODE_ZLIB: NativeZlib = {
  inflate(compressed, limit) {
    const out = zlib.inflateRawSync(compressed, { maxOutputLength: limit });
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  },
  crc32: (data) => zlib.crc32(data),
};

export function useNodeZlib(): void {
  useNativeInflate(NODE_ZLIB);
}
