/** The best of several runs, in milliseconds (the bench's figures are minimums, least disturbed by the machine). */
export function best<T>(runs: number, f: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    value = f();
    ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms, value: value as T };
}

export async function bestAsync(runs: number, f: () => Promise<unknown>): Promise<number> {
  let ms = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await f();
    ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return ms;
}
