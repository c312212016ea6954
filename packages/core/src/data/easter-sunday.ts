/**
 * Easter Sunday by the Gregorian computus.
 *
 * Hand-written rather than a dependency: date-fns has no Easter function, core may not add packages for one
 * ten-line formula, and the anonymous Gregorian algorithm is public-domain arithmetic (Meeus, Astronomical
 * Algorithms, ch. 8; Jones 1876; Butcher 1876). `easter-sunday.test.ts` checks it against known dates and, for every
 * year it accepts, against an independent formula (Gauss with Lichtenberg's corrections).
 * @module
 */
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import type { CalendarDate } from '../kernel/instant';

/**
 * The years the Gregorian computus answers for: from the first full Gregorian year to the last four-digit one.
 * @category Calendar
 */
export const GREGORIAN_YEARS = { first: 1583, last: 9999 } as const;

const GregorianYear = z
  .number()
  .int()
  .min(GREGORIAN_YEARS.first, `The Gregorian computus starts in ${GREGORIAN_YEARS.first}`)
  .max(GREGORIAN_YEARS.last, `Years end at ${GREGORIAN_YEARS.last}`);

/** Month (3 or 4) and day of Easter Sunday in a year already checked to be Gregorian. @internal */
export function easterMonthDay(y: number): { month: number; day: number } {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return { month: Math.floor((h + l - 7 * m + 114) / 31), day: ((h + l - 7 * m + 114) % 31) + 1 };
}

/**
 * The date of Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm of Meeus/Jones/Butcher),
 * for years 1583–9999. Always a Sunday between 22 March and 25 April.
 * @example
 * easterSunday(2026) // '2026-04-05'
 * @category Calendar
 */
export function easterSunday(year: number): CalendarDate {
  const y =
    Number.isInteger(year) && year >= GREGORIAN_YEARS.first && year <= GREGORIAN_YEARS.last
      ? year
      : parseInput(GregorianYear, year, 'year');
  const { month, day } = easterMonthDay(y);
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
