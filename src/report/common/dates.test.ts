import { cellDays, cellNumber } from "./cells";
import {
  civilFromDays,
  daysFromCivil,
  daysFromSerial,
  daysFromText,
  formatDays,
  serialFromDays,
} from "./dates";

describe("calendar dates", () => {
  test("day numbers round-trip over four centuries", () => {
    for (let day = daysFromCivil(1900, 1, 1); day < daysFromCivil(2300, 1, 1); day += 17) {
      const { y, m, d } = civilFromDays(day);
      expect(daysFromCivil(y, m, d)).toBe(day);
    }
    expect(daysFromCivil(1970, 1, 1)).toBe(0);
    expect(formatDays(daysFromCivil(2024, 2, 29))).toBe("2024-02-29");
  });

  test("Excel serials, including the 1900 leap-year bug and time fractions", () => {
    expect(formatDays(daysFromSerial(45658))).toBe("2025-01-01");
    expect(formatDays(daysFromSerial(45658.99))).toBe("2025-01-01");
    expect(formatDays(daysFromSerial(61))).toBe("1900-03-01");
    expect(formatDays(daysFromSerial(59))).toBe("1900-02-28");
    expect(formatDays(daysFromSerial(1))).toBe("1900-01-01");
    expect(daysFromSerial(60)).toBeNaN();
    expect(daysFromSerial(0)).toBeNaN();
    expect(daysFromSerial(-5)).toBeNaN();
    expect(serialFromDays(daysFromSerial(46022))).toBe(46022);
  });

  test.each([
    ["2025-03-01", "2025-03-01"],
    ["2025/3/1", "2025-03-01"],
    ["2025.3.1", "2025-03-01"],
    ["2025年3月1日", "2025-03-01"],
    ["2025年3月1", "2025-03-01"],
    ["２０２５年３月１日", "2025-03-01"],
    [" 2025 年 12 月 31 日 ", "2025-12-31"],
    ["20251231", "2025-12-31"],
    ["2025-03-01 14:30", "2025-03-01"],
    ["2025-03-01T14:30:00", "2025-03-01"],
    ["45658", "2025-01-01"],
  ])("text date %s", (text, iso) => {
    expect(formatDays(cellDays(text))).toBe(iso);
  });

  test.each(["2025-02-29", "2025-13-01", "2025-00-10", "2025/4/31", "三月一日", "2025", "明天", ""])(
    "not a date: %s",
    (text) => {
      expect(daysFromText(text)).toBeNaN();
    },
  );

  test("Date cells are read by their UTC fields", () => {
    expect(formatDays(cellDays(new Date(Date.UTC(2025, 11, 31))))).toBe("2025-12-31");
    expect(formatDays(cellDays(new Date(Date.UTC(2025, 11, 31, 23, 59))))).toBe("2025-12-31");
    expect(cellDays(new Date("invalid"))).toBeNaN();
    expect(cellDays(true)).toBeNaN();
    expect(cellDays({ error: "#N/A" })).toBeNaN();
  });

  test("numbers from text", () => {
    expect(cellNumber("１,２００")).toBe(1200);
    expect(cellNumber(" 12.5 ")).toBe(12.5);
    expect(cellNumber("十二")).toBeNaN();
    expect(cellNumber(Infinity)).toBeNaN();
  });
});
