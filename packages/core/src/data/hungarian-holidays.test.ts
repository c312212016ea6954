import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import {
  easterSunday,
  HUNGARIAN_CALENDAR_RANGE,
  HUNGARIAN_CALENDAR_YEARS,
  HUNGARIAN_PUBLIC_HOLIDAY_RULES,
  type HungarianPublicHolidayKey,
  hungarianHolidays,
  hungarianWorkingSaturdays,
} from './hungarian-holidays';

const DAY = 86_400_000;
const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const toDate = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

function expectedPublicHolidays(year: number): [string, HungarianPublicHolidayKey][] {
  const easter = toDay(easterSunday(year));
  const out: [string, HungarianPublicHolidayKey][] = [];
  for (const [key, def] of Object.entries(HUNGARIAN_PUBLIC_HOLIDAY_RULES) as [
    HungarianPublicHolidayKey,
    (typeof HUNGARIAN_PUBLIC_HOLIDAY_RULES)[HungarianPublicHolidayKey],
  ][]) {
    if ('since' in def && year < def.since) continue;
    const rule = def.rule;
    const date =
      'daysFromEaster' in rule
        ? toDate(easter + rule.daysFromEaster)
        : `${year}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`;
    out.push([date, key]);
  }
  return out.sort((a, b) => a[0].localeCompare(b[0]));
}

describe('easterSunday', () => {
  it('finds the Gregorian Easter of known years', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    // the extremes of the Gregorian range: 22 March and 25 April
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(1943)).toBe('1943-04-25');
    expect(easterSunday(2038)).toBe('2038-04-25');
  });

  it('always lands on a Sunday between 22 March and 25 April', () => {
    for (let year = 1583; year <= 3000; year++) {
      const date = easterSunday(year);
      expect(weekday(date)).toBe(0);
      const monthDay = date.slice(5);
      expect(monthDay >= '03-22' && monthDay <= '04-25').toBe(true);
    }
  });

  it('refuses a year outside the Gregorian range with a ValidationError', () => {
    for (const bad of [1582, 10_000, 2024.5, Number.NaN]) {
      expect(() => easterSunday(bad)).toThrow(FrontlineError);
    }
  });
});

describe('HUNGARIAN_CALENDAR_YEARS', () => {
  it('covers every year of its range exactly once, in order', () => {
    const years = HUNGARIAN_CALENDAR_YEARS.map((y) => y.year);
    const expected: number[] = [];
    for (let y = HUNGARIAN_CALENDAR_RANGE.firstYear; y <= HUNGARIAN_CALENDAR_RANGE.lastYear; y++)
      expected.push(y);
    expect(years).toEqual(expected);
  });

  it.each(HUNGARIAN_CALENDAR_YEARS.map((y) => [y.year, y] as const))(
    '%i: stored holidays match the Labour Code rules and the computed Easter',
    (year, entry) => {
      expect(entry.easterSunday).toBe(easterSunday(year));
      expect(entry.publicHolidays.map(([d, k]) => [d, k])).toEqual(expectedPublicHolidays(year));
      const dates = entry.publicHolidays.map(([d]) => d);
      for (const fixed of ['01-01', '03-15', '05-01', '08-20', '10-23', '11-01', '12-25', '12-26']) {
        expect(dates).toContain(`${year}-${fixed}`);
      }
      // December 24 is not a public holiday under the Labour Code in the shipped years
      expect(dates).not.toContain(`${year}-12-24`);
    },
  );

  it.each(HUNGARIAN_CALENDAR_YEARS.map((y) => [y.year, y] as const))(
    '%i: every swap pairs a weekday bridge next to a day off with a Saturday of the same year',
    (year, entry) => {
      const holidays = new Set(entry.publicHolidays.map(([d]) => d));
      const restDays = new Set(entry.swaps.map((s) => s.restDay));
      const dayOff = (date: string) =>
        holidays.has(date) || restDays.has(date) || weekday(date) === 0 || weekday(date) === 6;
      for (const { restDay, workingDay } of entry.swaps) {
        expect(restDay.startsWith(`${year}-`)).toBe(true);
        expect(workingDay.startsWith(`${year}-`)).toBe(true);
        expect(weekday(workingDay)).toBe(6);
        expect([1, 2, 3, 4, 5]).toContain(weekday(restDay));
        expect(holidays.has(restDay)).toBe(false);
        expect(holidays.has(workingDay)).toBe(false);
        // a bridge touches a holiday or another rest day on at least one side
        const before = toDate(toDay(restDay) - 1);
        const after = toDate(toDay(restDay) + 1);
        expect(
          holidays.has(before) || holidays.has(after) || restDays.has(before) || restDays.has(after),
        ).toBe(true);
        // and joins the holiday to a weekend: its run of consecutive days off holds both
        let first = toDay(restDay);
        let last = first;
        while (dayOff(toDate(first - 1))) first--;
        while (dayOff(toDate(last + 1))) last++;
        const run: string[] = [];
        for (let d = first; d <= last; d++) run.push(toDate(d));
        expect(run.some((d) => weekday(d) === 0 || weekday(d) === 6)).toBe(true);
        expect(run.some((d) => holidays.has(d))).toBe(true);
      }
      // every decree pays each rest day with exactly one Saturday
      expect(new Set(entry.swaps.map((s) => s.workingDay)).size).toBe(entry.swaps.length);
      expect(restDays.size).toBe(entry.swaps.length);
    },
  );

  it('names the decree of every year that has swaps, and explains every year without', () => {
    for (const entry of HUNGARIAN_CALENDAR_YEARS) {
      if (entry.swaps.length > 0) {
        expect(entry.swapSource.status).toBe('decree');
        if (entry.swapSource.status === 'decree') {
          expect(entry.swapSource.decree).toMatch(
            new RegExp(`rendelet a ${entry.year}\\. évi munkaszüneti napok körüli munkarendről$`),
          );
        }
      } else {
        expect(entry.swapSource.status).not.toBe('decree');
      }
    }
  });
});

describe('hungarianHolidays', () => {
  it('lists public holidays and decreed rest days of a year in date order', () => {
    const days = hungarianHolidays(2024);
    expect(days.map((d) => d.date)).toEqual([
      '2024-01-01',
      '2024-03-15',
      '2024-03-29',
      '2024-03-31',
      '2024-04-01',
      '2024-05-01',
      '2024-05-19',
      '2024-05-20',
      '2024-08-19',
      '2024-08-20',
      '2024-10-23',
      '2024-11-01',
      '2024-12-24',
      '2024-12-25',
      '2024-12-26',
      '2024-12-27',
    ]);
    expect(days.find((d) => d.date === '2024-08-19')).toEqual({
      date: '2024-08-19',
      name: { hu: 'Áthelyezett pihenőnap', en: 'Rest day (swapped)' },
      kind: 'rest-day',
      workedOn: '2024-08-03',
    });
    expect(days.find((d) => d.date === '2024-04-01')).toMatchObject({
      kind: 'public-holiday',
      key: 'easterMonday',
      name: { hu: 'Húsvéthétfő', en: 'Easter Monday' },
    });
  });

  it('spot-checks known dates', () => {
    const on = (year: number, date: string) => hungarianHolidays(year).find((d) => d.date === date);
    expect(on(2026, '2026-05-25')?.key).toBe('whitMonday');
    expect(on(2026, '2026-04-03')?.key).toBe('goodFriday');
    expect(on(2025, '2025-04-21')?.key).toBe('easterMonday');
    expect(on(2027, '2027-03-29')?.key).toBe('easterMonday');
    expect(on(2025, '2025-12-24')).toMatchObject({ kind: 'rest-day', workedOn: '2025-12-13' });
    expect(on(2026, '2026-12-24')).toMatchObject({ kind: 'rest-day', workedOn: '2026-12-12' });
    expect(on(2025, '2025-05-02')).toMatchObject({ kind: 'rest-day', workedOn: '2025-05-17' });
    expect(on(2023, '2023-12-24')).toBeUndefined();
  });

  it('refuses a year without data with a ValidationError', () => {
    for (const bad of [2019, 2028, 2024.5]) {
      let caught: unknown;
      try {
        hungarianHolidays(bad);
      } catch (error) {
        caught = error;
      }
      expect(FrontlineError.is(caught, 'VALIDATION')).toBe(true);
    }
  });
});

describe('hungarianWorkingSaturdays', () => {
  it('lists the Saturdays worked for rest days, with the day each replaces', () => {
    expect(hungarianWorkingSaturdays(2024)).toEqual([
      {
        date: '2024-08-03',
        name: { hu: 'Áthelyezett munkanap', en: 'Working day (swapped)' },
        replaces: '2024-08-19',
      },
      {
        date: '2024-12-07',
        name: { hu: 'Áthelyezett munkanap', en: 'Working day (swapped)' },
        replaces: '2024-12-24',
      },
      {
        date: '2024-12-14',
        name: { hu: 'Áthelyezett munkanap', en: 'Working day (swapped)' },
        replaces: '2024-12-27',
      },
    ]);
    expect(hungarianWorkingSaturdays(2026).map((d) => d.date)).toEqual([
      '2026-01-10',
      '2026-08-08',
      '2026-12-12',
    ]);
    expect(hungarianWorkingSaturdays(2023)).toEqual([]);
    expect(() => hungarianWorkingSaturdays(2030)).toThrow(FrontlineError);
  });
});
