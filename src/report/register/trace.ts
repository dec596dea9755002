/**
 * Where the tally placed each counted row, kept only when a number is to be explained: pairs (count slot,
 * Excel row number) in row order, in a typed array that doubles when full — no boxed numbers, no array growth
 * per row, so tracing 100 000 rows costs the tally little.
 */
export class TraceLog {
  private data = new Int32Array(4096);
  private size = 0;

  /** A row counted in two slots (received, then outcome or carried forward). */
  add(first: number, second: number, row: number): void {
    if (this.size + 4 > this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    const d = this.data;
    const at = this.size;
    d[at] = first;
    d[at + 1] = row;
    d[at + 2] = second;
    d[at + 3] = row;
    this.size = at + 4;
  }

  /** The pairs so far. */
  pairs(): Int32Array {
    return this.data.subarray(0, this.size);
  }
}
