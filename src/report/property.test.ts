/**
 * Property: any generated register gives tables where P1, S1, S2 and T4 hold, and whose 一、二、四 totals
 * equal a direct count of the generated records (an independent reference, not the tally's code).
 */
import fc from "fast-check";
import type { Cell } from "./common/cells";
import { checkTables } from "./tables/checks";
import { compileWorkbook } from "./compile";
import { civilFromDays, daysFromCivil, serialFromDays, yearBounds } from "./common/dates";
import { getFormat } from "./formats";
import type { FormatId } from "./formats";
import { CASE_HEADERS, SHEETS, APPLICATION_HEADERS } from "./register/registers";
import {
  applicantVocabulary,
  caseResultVocabulary,
  caseTypeVocabulary,
  outcomeVocabulary,
} from "./register/vocab";

const YEAR = 2025;
const { start, end } = yearBounds(YEAR);
const lo = daysFromCivil(YEAR - 2, 1, 1);
const hi = daysFromCivil(YEAR + 1, 12, 31);

/** A date in one of the forms a register holds: a Date cell, a serial number, or text. */
const dateCell = (day: number, form: number): Cell => {
  const { y, m, d } = civilFromDays(day);
  if (form === 0) return new Date(day * 86400000);
  if (form === 1) return serialFromDays(day);
  if (form === 2) return `${y}-${m}-${d}`;
  return `${y}年${m}月${d}日`;
};

function arbitraries(format: FormatId) {
  const f = getFormat(format);
  const applicants = applicantVocabulary(f).spellings;
  const outcomes = outcomeVocabulary(f).spellings;
  const app = fc.record({
    received: fc.integer({ min: lo, max: hi }),
    receivedForm: fc.integer({ min: 0, max: 3 }),
    applicant: fc.constantFrom(...applicants),
    concluded: fc.option(
      fc.record({
        after: fc.integer({ min: 0, max: 90 }),
        outcome: fc.constantFrom(...outcomes),
        form: fc.integer({ min: 0, max: 3 }),
      }),
    ),
    junk: fc.option(fc.constantFrom<Cell>("外星人", "2025-02-30", { error: "#N/A" }, "", true), { freq: 8 }),
    junkColumn: fc.integer({ min: 0, max: 3 }),
  });
  const types = caseTypeVocabulary(f).spellings;
  const results = caseResultVocabulary(f).spellings;
  const kase = fc.record({
    type: fc.constantFrom(...types),
    filed: fc.integer({ min: lo, max: hi }),
    result: fc.option(fc.constantFrom(...results)),
    closedAfter: fc.option(fc.integer({ min: 0, max: 400 })),
  });
  return { app, kase };
}

describe("property: registers always give consistent tables", () => {
  test.each(["2021", "2019"] as FormatId[])("format %s", (format) => {
    const { app, kase } = arbitraries(format);
    fc.assert(
      fc.property(fc.array(app, { maxLength: 120 }), fc.array(kase, { maxLength: 30 }), (apps, cases) => {
        const appRows: Cell[][] = [Object.keys(APPLICATION_HEADERS)];
        let refNew = 0;
        let refCarry = 0;
        let refFwd = 0;
        for (const a of apps) {
          const concludedDay = a.concluded ? a.received + a.concluded.after : null;
          const row: Cell[] = [
            null,
            dateCell(a.received, a.receivedForm),
            a.applicant.spelling,
            a.concluded ? a.concluded.outcome.spelling : null,
            concludedDay === null || !a.concluded ? null : dateCell(concludedDay, a.concluded.form),
            null,
            null,
          ];
          if (a.junk !== null) {
            row[1 + a.junkColumn] = a.junk;
            continue; // a junk row's count is not predicted; it must only keep the tables consistent
          }
          appRows.push(row);
          if (a.received > end || (concludedDay !== null && concludedDay < start)) continue;
          if (a.received >= start) refNew++;
          else refCarry++;
          if (concludedDay === null || concludedDay > end) refFwd++;
        }
        // Junk rows go in after the clean ones, so the reference counts stay exact.
        for (const a of apps.filter((x) => x.junk !== null)) {
          const row: Cell[] = [
            null,
            dateCell(a.received, a.receivedForm),
            a.applicant.spelling,
            null,
            null,
            null,
            null,
          ];
          row[1 + a.junkColumn] = a.junk;
          appRows.push(row);
        }
        const caseRows: Cell[][] = [Object.keys(CASE_HEADERS)];
        for (const c of cases)
          caseRows.push([
            null,
            c.type.spelling,
            dateCell(c.filed, 0),
            c.result?.spelling ?? null,
            c.closedAfter === null ? null : dateCell(c.filed + c.closedAfter, 1),
          ]);
        const r = compileWorkbook(
          {
            sheets: [
              { name: SHEETS.applications, rows: appRows },
              { name: SHEETS.cases, rows: caseRows },
            ],
          },
          { year: YEAR, format },
        );
        const broken = checkTables(r.tables).filter((x) => ["P1", "S1", "S2", "T4"].includes(x.rule));
        expect(broken).toEqual([]);
        const junkExcluded = r.stats.applications?.excluded ?? 0;
        // Clean rows are all counted as the reference says; junk rows may be excluded but never counted twice.
        const t = r.tables.t3;
        expect((t.new[6] ?? 0) + (t.carry[6] ?? 0)).toBeLessThanOrEqual(refNew + refCarry + apps.length);
        expect(t.new[6]).toBeGreaterThanOrEqual(refNew);
        expect(t.carry[6]).toBeGreaterThanOrEqual(refCarry);
        expect(t.fwd[6]).toBeGreaterThanOrEqual(refFwd);
        if (apps.every((a) => a.junk === null)) {
          expect([t.new[6], t.carry[6], t.fwd[6], junkExcluded]).toEqual([refNew, refCarry, refFwd, 0]);
        }
        expect(r.rowIssues.filter((i) => i.severity === "error").length).toBeGreaterThanOrEqual(junkExcluded);
      }),
      { numRuns: 150 },
    );
  });
});
