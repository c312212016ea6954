import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hungarianHolidays,
  hungarianPublicHolidays,
  hungarianWorkingSaturdays,
} from '../data/hungarian-holidays';
import { FrontlineError } from '../errors/frontline-error';
import {
  addBusinessDays,
  addBusinessHours,
  createBusinessCalendar,
  isWorkingDay,
  workingIntervals,
} from './business-calendar';
import { businessCalendarCoverage } from './business-calendar-coverage';
import { hungarianBusinessCalendar, hungarianCalendarDefinition } from './business-calendar-hungary';

const ZONE = 'Europe/Budapest';
const HOUR = 3_600_000;
const split = ['08:00-12:00', '12:30-16:30'];
const hours = { monday: split, tuesday: split, wednesday: split, thursday: split, friday: split };
const office = hungarianBusinessCalendar({ hours });

function local(text: string): Date {
  const [y, mo, d, h, mi] = text.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, ZONE).getTime());
}
const fmt = (date: Date) => format(new TZDate(date.getTime(), ZONE), "yyyy-MM-dd'T'HH:mm");

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('business calendar: years beyond the decree data', () => {
  it('closes on Good Friday and Easter Monday of 2030 and 2035, computed from the rules', () => {
    // Easter Sunday 2030 is 21 April: Thursday 18 April 16:00 + 1 h → Tuesday 23 April 08:30
    expect(fmt(addBusinessHours(office, local('2030-04-18T16:00'), 1))).toBe('2030-04-23T08:30');
    expect(addBusinessDays(office, '2030-04-18', 1)).toBe('2030-04-23');
    // Easter Sunday 2035 is 25 March, the night the clocks go forward
    expect(fmt(addBusinessHours(office, local('2035-03-22T16:00'), 1))).toBe('2035-03-27T08:30');
    expect(addBusinessDays(office, '2035-03-27', -1)).toBe('2035-03-22');
    expect(isWorkingDay(office, '2035-03-23')).toBe(false);
    expect(isWorkingDay(office, '2035-03-26')).toBe(false);
  });

  it('works on the public holidays alone in a year without a decree, and says so', () => {
    // 24 December 2027 is a Friday: no decree is known, so it is a working day
    expect(isWorkingDay(office, '2027-12-24')).toBe(true);
    expect(businessCalendarCoverage(office, 2027)).toMatchObject({
      year: 2027,
      range: 'full',
      publicHolidays: 'rules',
      swaps: 'not-covered',
      source: 'hu',
    });
    expect(businessCalendarCoverage(office, 2031).note).toMatch(/`holidays`.*`extraWorkingDays`/);
    expect(businessCalendarCoverage(office, 2026)).toMatchObject({ swaps: 'decree', range: 'full' });
    expect(businessCalendarCoverage(office, 2023).swaps).toBe('none-needed');
    expect(businessCalendarCoverage(office, 2012)).toMatchObject({ range: 'none', swaps: 'not-covered' });
    const noSwaps = hungarianBusinessCalendar({ hours, applySwaps: false });
    expect(businessCalendarCoverage(noSwaps, 2026).swaps).toBe('ignored');
    const listed = createBusinessCalendar({ zone: ZONE, hours, holidays: ['2031-04-14'] });
    expect(businessCalendarCoverage(listed, 2031)).toMatchObject({ publicHolidays: 'listed', source: null });
  });

  it('lets the host supply a future decree and open on a computed holiday', () => {
    const own = hungarianBusinessCalendar({
      hours,
      holidays: ['2027-12-24'],
      extraWorkingDays: [
        { date: '2027-12-11', hours: 'friday' },
        { date: '2031-04-14', hours: ['10:00-12:00'] },
      ],
    });
    expect(isWorkingDay(own, '2027-12-24')).toBe(false);
    expect(workingIntervals(own, '2027-12-11').map((i) => fmt(i.start))).toEqual([
      '2027-12-11T08:00',
      '2027-12-11T12:30',
    ]);
    expect(workingIntervals(own, '2031-04-14').map((i) => fmt(i.start))).toEqual(['2031-04-14T10:00']);
  });

  it('answers from 2013 on, and refuses past the known decrees only when told to, naming the option', () => {
    expect(office.range).toEqual({ from: '2013-01-01', to: '9999-12-31' });
    expect(fmt(addBusinessHours(office, local('2027-12-31T15:00'), 8))).toBe('2028-01-03T15:00');
    const error = caught(() => isWorkingDay(office, '2012-12-31'));
    expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
    expect((error as Error).message).toMatch(/outside the business calendar's range 2013-01-01 – 9999-12-31/);
    expect((error as Error).message).toMatch(/without `publicHolidays`.*`holidays`/);
    const back = caught(() => addBusinessHours(office, local('2013-01-02T09:00'), -8));
    expect((back as Error).message).toMatch(/`publicHolidays`/);

    const strict = hungarianBusinessCalendar({ hours, limitToData: true });
    expect(strict.range).toEqual({ from: '2020-01-01', to: '2026-12-31' });
    expect((caught(() => addBusinessHours(strict, local('2026-12-31T16:00'), 8)) as Error).message).toMatch(
      /uncoveredYears.*'statutory-only'.*limitToData: false/,
    );
    const covered = createBusinessCalendar({
      ...hungarianCalendarDefinition({ hours }),
      coverage: { from: '2020-01-01', to: '2030-12-31' },
    });
    expect((caught(() => isWorkingDay(covered, '2031-01-02')) as Error).message).toMatch(/widen `coverage`/);
  });

  it('refuses a definition whose coverage starts before its holiday source, or an unknown source', () => {
    const early = caught(() =>
      createBusinessCalendar({
        ...hungarianCalendarDefinition({ hours }),
        coverage: { from: '2010-01-01', to: '2030-12-31' },
      }),
    );
    expect(FrontlineError.is(early, 'VALIDATION')).toBe(true);
    expect((early as Error).message).toMatch(/coverage\.from: coverage starts before 2013/);
    const unknown = caught(() =>
      createBusinessCalendar({ zone: ZONE, hours, publicHolidays: { source: 'de' as 'hu' } }),
    );
    expect((unknown as Error).message).toMatch(/publicHolidays\.source: Expected a holiday source id: 'hu'/);
  });
});

const year = fc.integer({ min: 2013, max: 2400 });
const instant = fc.integer({ min: Date.UTC(2013, 0, 2), max: Date.UTC(2399, 11, 1) }).map((t) => new Date(t));

describe('business calendar over the computed years: properties', () => {
  it('closes on every public holiday and opens on every other weekday of a year', () => {
    fc.assert(
      fc.property(year, (y) => {
        const off = new Set(hungarianHolidays(y).map((d) => d.date));
        const saturdays = new Set(hungarianWorkingSaturdays(y).map((d) => d.date));
        for (const { date } of hungarianPublicHolidays(y)) expect(isWorkingDay(office, date)).toBe(false);
        for (let t = Date.UTC(y, 0, 1); t < Date.UTC(y + 1, 0, 1); t += 86_400_000) {
          const date = new Date(t).toISOString().slice(0, 10);
          const weekend = new Date(t).getUTCDay() % 6 === 0;
          expect(isWorkingDay(office, date)).toBe(!off.has(date) && (!weekend || saturdays.has(date)));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('computes the same as a calendar that lists the days explicitly', () => {
    fc.assert(
      fc.property(year, fc.integer({ min: 0, max: 200 * HOUR }), (y, ms) => {
        const listed = createBusinessCalendar({
          zone: ZONE,
          hours,
          holidays: hungarianHolidays(y).map((d) => d.date),
          extraWorkingDays: hungarianWorkingSaturdays(y).map((d) => ({
            date: d.date,
            hours: (['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const)[
              new Date(`${d.replaces}T00:00:00Z`).getUTCDay()
            ] as 'monday',
          })),
          coverage: { from: `${y}-01-01`, to: `${y + 1}-12-31` },
        });
        const start = local(`${y}-03-01T09:00`);
        expect(addBusinessHours(office, start, ms / HOUR)).toEqual(
          addBusinessHours(listed, start, ms / HOUR),
        );
      }),
      { numRuns: 60 },
    );
  });

  it('is monotone: a later start or more time never ends earlier, in hours and in days', () => {
    fc.assert(
      fc.property(instant, instant, fc.integer({ min: 0, max: 400 }), (a, b, n) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addBusinessHours(office, early, n).getTime()).toBeLessThanOrEqual(
          addBusinessHours(office, late, n).getTime(),
        );
        expect(addBusinessHours(office, early, n).getTime()).toBeLessThanOrEqual(
          addBusinessHours(office, early, n + 1).getTime(),
        );
        expect(addBusinessDays(office, early, n).getTime()).toBeLessThanOrEqual(
          addBusinessDays(office, late, n).getTime(),
        );
      }),
      { numRuns: 300 },
    );
  });
});
