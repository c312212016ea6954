import type { CalendarDate } from '@frontline/core';

/** A calendar date split into its numbers. */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/**
 * True when `year` is a Gregorian leap year (divisible by 4, centuries only when divisible by 400).
 * @example isLeapYear(2024) // true
 * @example isLeapYear(2100) // false
 * @category Calendar
 */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/**
 * The number of days in `month` (1–12) of `year`.
 * @example daysInMonth(2024, 2) // 29
 * @category Calendar
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Splits a `YYYY-MM-DD` date into numbers (the date is assumed valid). */
export function partsOf(date: CalendarDate | string): DateParts {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** Formats numbers as a `YYYY-MM-DD` date. */
export function formatDate({ year, month, day }: DateParts): CalendarDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as CalendarDate;
}

/** Two digits, zero-padded. */
export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// Days since 1970-01-01 of a proleptic Gregorian date, and back (H. Hinnant's civil-date algorithms): plain
// integer arithmetic, so no Date, no time zone and no two-digit-year quirk of Date.UTC can creep in.
function dayNumberOf({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function partsOfDayNumber(n: number): DateParts {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * `date` plus `days` calendar days (negative to go back).
 * @example addDaysToDate('2024-02-28', 1) // '2024-02-29'
 * @category Calendar
 */
export function addDaysToDate(date: CalendarDate | string, days: number): CalendarDate {
  return formatDate(partsOfDayNumber(dayNumberOf(partsOf(date)) + days));
}

/**
 * The number of calendar days from `from` to `to` (negative when `to` is earlier).
 * @example daysFromTo('2024-02-28', '2024-03-01') // 2
 * @category Calendar
 */
export function daysFromTo(from: CalendarDate | string, to: CalendarDate | string): number {
  return dayNumberOf(partsOf(to)) - dayNumberOf(partsOf(from));
}
