import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import { easterSunday, GREGORIAN_YEARS } from './easter-sunday';

/** 0 = Sunday … 6 = Saturday */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

/**
 * An independent computus to check against: Gauss's Easter formula with Lichtenberg's corrections (1997), which
 * shares no intermediate quantity with the Meeus/Jones/Butcher algorithm under test.
 */
function lichtenberg(x: number): string {
  const k = Math.floor(x / 100);
  const m = 15 + Math.floor((3 * k + 3) / 4) - Math.floor((8 * k + 13) / 25);
  const s = 2 - Math.floor((3 * k + 3) / 4);
  const a = x % 19;
  const d = (19 * a + m) % 30;
  const r = Math.floor((d + Math.floor(a / 11)) / 29);
  const og = 21 + d - r;
  const sz = 7 - ((x + Math.floor(x / 4) + s) % 7);
  const oe = 7 - ((((og - sz) % 7) + 7) % 7);
  const march = og + oe;
  const [month, day] = march > 31 ? [4, march - 31] : [3, march];
  return `${x}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const gregorianYear = fc.integer({ min: GREGORIAN_YEARS.first, max: GREGORIAN_YEARS.last });

describe('easterSunday', () => {
  it('finds the Gregorian Easter of known years', () => {
    const known: Record<number, string> = {
      // the Easter Sundays the shipped data listed literally for 2020–2027
      2020: '04-12',
      2021: '04-04',
      2022: '04-17',
      2023: '04-09',
      2024: '03-31',
      2025: '04-20',
      2026: '04-05',
      2027: '03-28',
      2030: '04-21',
      2031: '04-13',
      2035: '03-25',
      // the extremes of the Gregorian range: 22 March and 25 April
      1818: '03-22',
      2285: '03-22',
      1943: '04-25',
      2038: '04-25',
    };
    for (const [year, monthDay] of Object.entries(known))
      expect(easterSunday(Number(year))).toBe(`${year}-${monthDay}`);
  });

  it('is always a Sunday between 22 March and 25 April', () => {
    fc.assert(
      fc.property(gregorianYear, (year) => {
        const date = easterSunday(year);
        expect(weekday(date)).toBe(0);
        const monthDay = date.slice(5);
        expect(monthDay >= '03-22' && monthDay <= '04-25').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with an independent formula (Gauss–Lichtenberg) for every year 1583–9999', () => {
    for (let year = GREGORIAN_YEARS.first; year <= GREGORIAN_YEARS.last; year++) {
      if (easterSunday(year) !== lichtenberg(year)) expect(easterSunday(year)).toBe(lichtenberg(year));
    }
  });

  it('refuses a year outside the Gregorian range with a ValidationError, never a TypeError', () => {
    for (const bad of [1582, 10_000, 2024.5, Number.NaN, '2026', null]) {
      let caught: unknown;
      try {
        easterSunday(bad as number);
      } catch (error) {
        caught = error;
      }
      expect(FrontlineError.is(caught, 'VALIDATION')).toBe(true);
    }
  });
});
