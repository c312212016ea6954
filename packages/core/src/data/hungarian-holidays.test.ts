import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import { easterSunday } from './easter-sunday';
import {
  HUNGARIAN_CALENDAR_RANGE,
  HUNGARIAN_PUBLIC_HOLIDAY_RULES,
  HUNGARIAN_SWAP_DECREES,
  HUNGARIAN_SWAP_YEARS,
  hungarianCalendarCoverage,
  hungarianHolidays,
  hungarianPublicHolidays,
  hungarianWorkingSaturdays,
} from './hungarian-holidays';

const DAY = 86_400_000;
const toDay = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;
const toDate = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** 0 = Sunday … 6 = Saturday */
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const FIXED = ['01-01', '03-15', '05-01', '08-20', '10-23', '11-01', '12-25', '12-26'];

/** The movable holidays the shipped data listed literally for 2020–2027: Good Friday … Whit Monday. */
const LISTED_MOVABLE: Record<number, string[]> = {
  2020: ['04-10', '04-12', '04-13', '05-31', '06-01'],
  2021: ['04-02', '04-04', '04-05', '05-23', '05-24'],
  2022: ['04-15', '04-17', '04-18', '06-05', '06-06'],
  2023: ['04-07', '04-09', '04-10', '05-28', '05-29'],
  2024: ['03-29', '03-31', '04-01', '05-19', '05-20'],
  2025: ['04-18', '04-20', '04-21', '06-08', '06-09'],
  2026: ['04-03', '04-05', '04-06', '05-24', '05-25'],
  2027: ['03-26', '03-28', '03-29', '05-16', '05-17'],
};

const year = fc.integer({ min: HUNGARIAN_CALENDAR_RANGE.firstYear, max: HUNGARIAN_CALENDAR_RANGE.lastYear });

describe('hungarianPublicHolidays', () => {
  it('computes the dates the data used to list for 2020–2027', () => {
    for (const [y, movable] of Object.entries(LISTED_MOVABLE)) {
      const expected = [...FIXED, ...movable].map((md) => `${y}-${md}`).sort();
      expect(hungarianPublicHolidays(Number(y)).map((d) => d.date)).toEqual(expected);
    }
  });

  it('has the statutory count every year: 12 until 2016, 13 with Good Friday from 2017', () => {
    fc.assert(
      fc.property(year, (y) => {
        const days = hungarianPublicHolidays(y);
        const inForce = Object.values(HUNGARIAN_PUBLIC_HOLIDAY_RULES).filter(
          (r) => !('since' in r) || y >= r.since,
        );
        expect(days).toHaveLength(inForce.length);
        expect(days).toHaveLength(y >= 2017 ? 13 : 12);
        expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
        expect(new Set(days.map((d) => d.key)).size).toBe(days.length);
        expect(days.map((d) => d.date)).toEqual(days.map((d) => d.date).sort());
      }),
      { numRuns: 500 },
    );
  });

  it('follows Mt. 102. § (1): the fixed days, and the movable ones on their weekday around Easter', () => {
    fc.assert(
      fc.property(year, (y) => {
        const days = hungarianPublicHolidays(y);
        const dates = days.map((d) => d.date);
        const on = (key: string) => days.find((d) => d.key === key)?.date ?? '';
        for (const md of FIXED) expect(dates).toContain(`${String(y).padStart(4, '0')}-${md}`);
        expect(on('easterSunday')).toBe(easterSunday(y));
        expect(weekday(on('easterMonday'))).toBe(1);
        expect(weekday(on('whitSunday'))).toBe(0);
        expect(weekday(on('whitMonday'))).toBe(1);
        expect(toDay(on('whitSunday')) - toDay(on('easterSunday'))).toBe(49);
        if (y >= 2017) expect(toDay(on('easterSunday')) - toDay(on('goodFriday'))).toBe(2);
        else expect(on('goodFriday')).toBe('');
        // December 24 is not a public holiday under the Labour Code
        expect(dates.some((d) => d.endsWith('-12-24'))).toBe(false);
        for (const d of dates) expect(d.startsWith(`${String(y).padStart(4, '0')}-`)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe('HUNGARIAN_SWAP_DECREES', () => {
  it('covers consecutive years, which HUNGARIAN_SWAP_YEARS names', () => {
    const years = HUNGARIAN_SWAP_DECREES.map((y) => y.year);
    expect(years[0]).toBe(HUNGARIAN_SWAP_YEARS.firstYear);
    expect(years.at(-1)).toBe(HUNGARIAN_SWAP_YEARS.lastYear);
    expect(years).toEqual(years.map((_, i) => HUNGARIAN_SWAP_YEARS.firstYear + i));
    expect(HUNGARIAN_SWAP_YEARS.firstYear).toBeGreaterThanOrEqual(HUNGARIAN_CALENDAR_RANGE.firstYear);
  });

  it.each(HUNGARIAN_SWAP_DECREES.map((y) => [y.year, y] as const))(
    '%i: every swap pairs a weekday bridge next to a day off with a Saturday of the same year',
    (year, entry) => {
      const holidays = new Set(hungarianPublicHolidays(year).map((d) => d.date));
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
    for (const entry of HUNGARIAN_SWAP_DECREES) {
      if (entry.swaps.length > 0) {
        expect(entry.source.status).toBe('decree');
        if (entry.source.status === 'decree') {
          expect(entry.source.decree).toMatch(
            new RegExp(`rendelet a ${entry.year}\\. évi munkaszüneti napok körüli munkarendről$`),
          );
        }
      } else {
        expect(entry.source.status).not.toBe('decree');
      }
    }
  });
});

describe('hungarianCalendarCoverage', () => {
  it('says which years have their swaps covered, and how to supply the rest', () => {
    expect(hungarianCalendarCoverage(2026)).toMatchObject({ swaps: 'decree', publicHolidays: 'rules' });
    expect(hungarianCalendarCoverage(2026).note).toMatch(/^10\/2025\. \(IV\. 30\.\) NGM rendelet/);
    expect(hungarianCalendarCoverage(2023).swaps).toBe('none-needed');
    for (const y of [2027, 2031, 9999]) {
      const coverage = hungarianCalendarCoverage(y);
      expect(coverage.swaps).toBe('not-covered');
      expect(coverage.note).toMatch(new RegExp(`No decree for ${y}.*\`holidays\`.*\`extraWorkingDays\``));
    }
    expect(hungarianCalendarCoverage(2019).note).toMatch(/Decrees before 2020 are not in the data/);
    expect(
      FrontlineError.is(
        caught(() => hungarianCalendarCoverage(2012)),
        'VALIDATION',
      ),
    ).toBe(true);
  });

  it('never throws for a year from 2013 on, and agrees with the swaps it reports', () => {
    fc.assert(
      fc.property(year, (y) => {
        const coverage = hungarianCalendarCoverage(y);
        const restDays = hungarianHolidays(y).filter((d) => d.kind === 'rest-day');
        if (coverage.swaps === 'not-covered') expect(restDays).toEqual([]);
        expect(hungarianWorkingSaturdays(y)).toHaveLength(restDays.length);
      }),
      { numRuns: 300 },
    );
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

  it('gives a year without a decree its public holidays alone, and refuses years before 2013 naming the option', () => {
    expect(hungarianHolidays(2031).map((d) => d.kind)).toEqual(Array(13).fill('public-holiday'));
    expect(hungarianHolidays(2013)).toHaveLength(12);
    for (const bad of [2012, 1900, 2024.5, 10_000, Number.NaN]) {
      const error = caught(() => hungarianHolidays(bad));
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
    }
    expect((caught(() => hungarianHolidays(2012)) as Error).message).toMatch(
      /starts in 2013.*without `publicHolidays`.*`holidays`/,
    );
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
    expect(hungarianWorkingSaturdays(2030)).toEqual([]);
    expect(() => hungarianWorkingSaturdays(2012)).toThrow(FrontlineError);
  });
});
