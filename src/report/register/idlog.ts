/**
 * Finding duplicate 编号 in long registers in one pass. Each id is hashed twice (two 32-bit FNV-1a variants,
 * over its text without surrounding spaces) into typed arrays, sequentially, which costs little more than
 * reading it and gives the garbage collector nothing to trace. At the end, ids are bucketed by hash and two
 * ids are duplicates when both hashes agree: for a million distinct ids the chance of a false warning is
 * about 3 in 100 million. A Map or Set of a million strings costs several times as much (npm run bench).
 */
const CHUNK = 1 << 16;
const BUCKETS = 1 << 16;

interface Duplicate {
  /** Row of the duplicate. */
  row: number;
  /** Row where the id first appeared. */
  first: number;
}

const isSpace = (c: number) => c <= 32 || c === 0x3000 || c === 0xa0 || c === 0xfeff;

export class IdLog {
  private h1: Int32Array[] = [];
  private h2: Int32Array[] = [];
  private rows: Int32Array[] = [];
  private c1 = new Int32Array(0);
  private c2 = new Int32Array(0);
  private cr = new Int32Array(0);
  private n = 0;

  /** Logs an id (surrounding spaces ignored; an id of spaces only is not logged). */
  add(id: string, row: number): void {
    let s = 0;
    let e = id.length;
    while (s < e && isSpace(id.charCodeAt(s))) s++;
    while (e > s && isSpace(id.charCodeAt(e - 1))) e--;
    if (s === e) return;
    let a = 0x811c9dc5;
    let b = 0x9747b28c;
    for (let i = s; i < e; i++) {
      const c = id.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    const o = this.n & (CHUNK - 1);
    if (o === 0) {
      this.h1.push((this.c1 = new Int32Array(CHUNK)));
      this.h2.push((this.c2 = new Int32Array(CHUNK)));
      this.rows.push((this.cr = new Int32Array(CHUNK)));
    }
    this.c1[o] = a;
    this.c2[o] = b ^ (b >>> 15);
    this.cr[o] = row;
    this.n++;
  }

  get size(): number {
    return this.n;
  }

  /** Every id seen before, with the row of its first appearance, in the order the ids were logged. */
  duplicates(): Duplicate[] {
    const n = this.n;
    const mask = BUCKETS - 1;
    const count = new Int32Array(BUCKETS + 1);
    this.h1.forEach((chunk, c) => {
      const len = Math.min(CHUNK, n - c * CHUNK);
      for (let o = 0; o < len; o++) count[(chunk[o] & mask) + 1]++;
    });
    for (let b = 0; b < BUCKETS; b++) count[b + 1] += count[b];
    // Scatter into bucket order, carrying both hashes along so the scan below reads sequentially.
    const order = new Int32Array(n);
    const s1 = new Int32Array(n);
    const s2 = new Int32Array(n);
    const pos = count.slice(0, BUCKETS);
    this.h1.forEach((chunk, c) => {
      const other = this.h2[c];
      const len = Math.min(CHUNK, n - c * CHUNK);
      for (let o = 0; o < len; o++) {
        const at = pos[chunk[o] & mask]++;
        order[at] = c * CHUNK + o;
        s1[at] = chunk[o];
        s2[at] = other[o];
      }
    });
    const found: [number, number][] = [];
    for (let b = 0; b < BUCKETS; b++) {
      const s = count[b];
      const e = count[b + 1];
      if (e - s < 2) continue;
      if (e - s > 512) {
        // A crowded bucket (one id repeated many times): a map keeps it linear.
        const firstOf = new Map<string, number>();
        for (let x = s; x < e; x++) {
          const key = `${s1[x]},${s2[x]}`;
          const f = firstOf.get(key);
          if (f === undefined) firstOf.set(key, order[x]);
          else found.push([order[x], f]);
        }
        continue;
      }
      for (let x = s + 1; x < e; x++) {
        for (let y = s; y < x; y++) {
          if (s1[y] === s1[x] && s2[y] === s2[x]) {
            found.push([order[x], order[y]]);
            break;
          }
        }
      }
    }
    found.sort((p, q) => p[0] - q[0]);
    const row = (i: number) => this.rows[i >>> 16][i & (CHUNK - 1)];
    return found.map(([i, f]) => ({ row: row(i), first: row(f) }));
  }
}
