import fc from "fast-check";
import { IdLog } from "./idlog";

/** The reference: a Map from id to its first row. */
function reference(ids: string[]) {
  const first = new Map<string, number>();
  const out: { row: number; first: number }[] = [];
  ids.forEach((id, i) => {
    const f = first.get(id);
    if (f === undefined) first.set(id, i + 2);
    else out.push({ row: i + 2, first: f });
  });
  return out;
}

describe("IdLog", () => {
  test("finds exactly the duplicates a Map finds, with the first row", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ minLength: 1, maxLength: 3 }).filter((s) => s.trim() === s && s !== ""),
          { maxLength: 2000 },
        ),
        (ids) => {
          const log = new IdLog();
          ids.forEach((id, i) => log.add(id, i + 2));
          expect(log.duplicates()).toEqual(reference(ids));
          expect(log.size).toBe(ids.length);
        },
      ),
      { numRuns: 200 },
    );
  });

  test("surrounding spaces are ignored, ids of spaces are not logged", () => {
    const log = new IdLog();
    ["A1", " A1\u3000", "   ", "B2", "A1 "].forEach((id, i) => log.add(id, i + 2));
    expect(log.duplicates()).toEqual([
      { row: 3, first: 2 },
      { row: 6, first: 2 },
    ]);
    expect(log.size).toBe(4);
  });

  test("across chunks, with a crowded bucket of one repeated id", () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => (i % 3 === 0 ? "同一编号" : `N${i % 150_000}`));
    const log = new IdLog();
    ids.forEach((id, i) => log.add(id, i + 2));
    const found = log.duplicates();
    expect(found).toEqual(reference(ids));
    expect(found.length).toBeGreaterThan(66_000);
  });
});
