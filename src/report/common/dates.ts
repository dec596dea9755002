/**
 * Calendar dates as whole day numbers (days since 1970-01-01), never shifted by a time zone. Excel date cells
 * arrive as serial numbers (Office.js) or as Date objects whose UTC fields hold the calendar date (ExcelJS);
 * text dates are read in the common Chinese forms.
 */

/** Days from 1970-01-01 to the given calendar date (proleptic Gregorian). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

interface CivilDate {
  y: number;
  m: number;
  d: number;
}

export function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

function isValidCivil(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const dim = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= dim[m - 1];
}

/** Excel serial 25569 is 1970-01-01 (1900 date system). */
export const EXCEL_EPOCH_OFFSET = 25569;
export const MAX_SERIAL = 2958465; // 9999-12-31
/** From serial 61 (1900-03-01) on, a serial is a day number plus the epoch offset: the tally's fast path. */
export const FIRST_PLAIN_SERIAL = 61;

/** An Excel serial date (possibly with a time fraction) as a day number; NaN when out of range. */
export function daysFromSerial(serial: number): number {
  if (!(serial >= 1 && serial <= MAX_SERIAL)) return NaN;
  const whole = Math.floor(serial);
  if (whole === 60) return NaN; // 1900-02-29, which does not exist
  return whole < 60 ? whole - EXCEL_EPOCH_OFFSET + 1 : whole - EXCEL_EPOCH_OFFSET;
}

export function serialFromDays(days: number): number {
  return days + EXCEL_EPOCH_OFFSET;
}

/** A Date read by its UTC fields, as ExcelJS creates them from date cells. */
export function daysFromUtcDate(date: Date): number {
  const t = date.getTime();
  return Number.isFinite(t) ? Math.floor(t / 86400000) : NaN;
}

const TEXT_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** A text date such as 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日 or 20250301; NaN when not a date. */
export function daysFromText(text: string): number {
  const s = text.normalize("NFKC").trim();
  const m = TEXT_DATE.exec(s) ?? COMPACT_DATE.exec(s);
  if (!m) return NaN;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return isValidCivil(y, mo, d) ? daysFromCivil(y, mo, d) : NaN;
}

/** First and last day of a calendar year. */
export function yearBounds(year: number): { start: number; end: number } {
  return { start: daysFromCivil(year, 1, 1), end: daysFromCivil(year, 12, 31) };
}

/** "2025-03-01". */
export function formatDays(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2025年3月1日". */
export function formatDaysChinese(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return `${y}年${m}月${d}日`;
}
