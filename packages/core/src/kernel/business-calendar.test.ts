import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMilliseconds,
  addBusinessMinutes,
  type BusinessCalendar,
  businessTimeBetween,
  createBusinessCalendar,
  isWorkingDay,
  isWorkingTime,
  nextWorkingTime,
  workingIntervals,
} from './business-calendar';
import { type BusinessCalendarDefinitionInput, WEEKDAYS, type Weekday } from './business-calendar-definition';
import { hungarianBusinessCalendar, hungarianCalendarDefinition } from './business-calendar-hungary';

const ZONE = 'Europe/Budapest';
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** An instant from a Budapest wall-clock time `YYYY-MM-DDTHH:mm`. */
function local(text: string, zone = ZONE): Date {
  const [y, mo, d, h, mi] = text.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  return new Date(new TZDate(y, mo - 1, d, h, mi, zone).getTime());
}

/** The Budapest wall-clock time of an instant. */
function fmt(date: Date, zone = ZONE): string {
  return format(new TZDate(date.getTime(), zone), "yyyy-MM-dd'T'HH:mm");
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

const split = ['08:00-12:00', '12:30-16:30'];
const office = hungarianBusinessCalendar({
  hours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: split },
});

describe('business calendar: concrete cases', () => {
  it('skips the lunch break of a split shift', () => {
    expect(fmt(addBusinessHours(office, local('2026-03-02T11:00'), 2))).toBe('2026-03-02T13:30');
    expect(isWorkingTime(office, local('2026-03-02T12:15'))).toBe(false);
    expect(fmt(nextWorkingTime(office, local('2026-03-02T12:15')))).toBe('2026-03-02T12:30');
    expect(businessTimeBetween(office, local('2026-03-02T11:00'), local('2026-03-02T13:30'))).toBe(2 * HOUR);
    expect(workingIntervals(office, '2026-03-02').map((i) => [fmt(i.start), fmt(i.end)])).toEqual([
      ['2026-03-02T08:00', '2026-03-02T12:00'],
      ['2026-03-02T12:30', '2026-03-02T16:30'],
    ]);
  });

  it('carries Friday evening work over the weekend to Monday', () => {
    expect(fmt(addBusinessHours(office, local('2026-03-06T18:00'), 1))).toBe('2026-03-09T09:00');
    expect(fmt(addBusinessHours(office, local('2026-03-06T16:00'), 2))).toBe('2026-03-09T09:30');
    expect(fmt(nextWorkingTime(office, local('2026-03-06T18:00')))).toBe('2026-03-09T08:00');
    expect(businessTimeBetween(office, local('2026-03-06T16:00'), local('2026-03-09T09:30'))).toBe(2 * HOUR);
  });

  it('ends exactly at the end of an interval when the time runs out there', () => {
    const end = addBusinessMinutes(office, local('2026-03-06T16:00'), 30);
    expect(fmt(end)).toBe('2026-03-06T16:30');
    expect(isWorkingTime(office, end)).toBe(false);
    expect(fmt(addBusinessMilliseconds(office, local('2026-03-06T16:00'), 30 * MINUTE + 1))).toBe(
      '2026-03-09T08:00',
    );
    expect(fmt(addBusinessHours(office, local('2026-03-06T08:00'), 4))).toBe('2026-03-06T12:00');
  });

  it('starts the clock at the next working moment and adds nothing for zero', () => {
    expect(fmt(addBusinessHours(office, local('2026-03-07T10:00'), 0))).toBe('2026-03-09T08:00');
    expect(fmt(addBusinessHours(office, local('2026-03-09T10:15'), 0))).toBe('2026-03-09T10:15');
    expect(fmt(addBusinessHours(office, local('2026-03-07T10:00'), 1.5))).toBe('2026-03-09T09:30');
  });

  it('skips Good Friday and Easter Monday', () => {
    expect(fmt(addBusinessHours(office, local('2026-04-02T15:00'), 4))).toBe('2026-04-07T10:30');
    expect(isWorkingDay(office, '2026-04-03')).toBe(false);
    expect(isWorkingDay(office, '2026-04-06')).toBe(false);
    expect(addBusinessDays(office, '2026-04-02', 1)).toBe('2026-04-07');
    expect(businessTimeBetween(office, local('2026-04-02T16:30'), local('2026-04-07T08:00'))).toBe(0);
  });

  it('counts a swapped working Saturday, with the hours of the weekday it pays for', () => {
    // 2026-01-10 (Saturday) pays for Friday 2 January
    expect(isWorkingDay(office, '2026-01-02')).toBe(false);
    expect(isWorkingDay(office, '2026-01-10')).toBe(true);
    expect(fmt(addBusinessHours(office, local('2026-01-09T16:00'), 1))).toBe('2026-01-10T08:30');
    expect(addBusinessDays(office, '2026-01-09', 1)).toBe('2026-01-10');
    expect(addBusinessDays(office, '2025-12-31', 1)).toBe('2026-01-05');

    const shortSaturdays = hungarianBusinessCalendar({
      hours: { monday: ['09:00-13:00'], friday: split },
      workingSaturdayHours: 'monday',
    });
    expect(workingIntervals(shortSaturdays, '2026-01-10').map((i) => [fmt(i.start), fmt(i.end)])).toEqual([
      ['2026-01-10T09:00', '2026-01-10T13:00'],
    ]);
    const definition = hungarianCalendarDefinition({ hours: { friday: split } });
    expect(definition.extraWorkingDays).toEqual([]);
    expect(definition.publicHolidays?.workingSaturdayHours).toBe('as-rest-day');
  });

  it('closes on December 24 where the decree made it a rest day', () => {
    expect(isWorkingDay(office, '2026-12-24')).toBe(false);
    expect(isWorkingDay(office, '2025-12-24')).toBe(false);
    expect(isWorkingDay(office, '2025-12-13')).toBe(true);
    expect(fmt(addBusinessHours(office, local('2026-12-23T16:00'), 1))).toBe('2026-12-28T08:30');
    expect(addBusinessDays(office, '2026-12-23', 1)).toBe('2026-12-28');
  });

  it('ignores the swaps when asked, keeping the public holidays', () => {
    const shifts = hungarianBusinessCalendar({
      hours: { friday: split, saturday: split },
      applySwaps: false,
    });
    expect(isWorkingDay(shifts, '2026-01-02')).toBe(true);
    expect(isWorkingDay(shifts, '2026-12-25')).toBe(false);
  });

  it('lets the host open on a public holiday and close on a working Saturday', () => {
    const own = hungarianBusinessCalendar({
      hours: { monday: split },
      holidays: ['2026-01-10'],
      extraWorkingDays: [{ date: '2026-04-06', hours: ['10:00-14:00'] }],
    });
    expect(isWorkingDay(own, '2026-01-10')).toBe(false);
    expect(workingIntervals(own, '2026-04-06').map((i) => fmt(i.start))).toEqual(['2026-04-06T10:00']);
  });

  it('keeps office hours right over the March DST weekend of 2026', () => {
    const friday = local('2026-03-27T16:00');
    expect(friday.toISOString()).toBe('2026-03-27T15:00:00.000Z');
    const monday = addBusinessHours(office, friday, 1);
    expect(fmt(monday)).toBe('2026-03-30T08:30');
    expect(monday.toISOString()).toBe('2026-03-30T06:30:00.000Z');
    expect(businessTimeBetween(office, friday, monday)).toBe(HOUR);
  });

  it('keeps office hours right over the October DST weekend of 2026', () => {
    // Friday 23 October is a public holiday
    const thursday = local('2026-10-22T16:00');
    expect(thursday.toISOString()).toBe('2026-10-22T14:00:00.000Z');
    const monday = addBusinessHours(office, thursday, 1);
    expect(fmt(monday)).toBe('2026-10-26T08:30');
    expect(monday.toISOString()).toBe('2026-10-26T07:30:00.000Z');
  });

  it('gives a working day that spans 02:00–03:00 one hour less in March and one more in October', () => {
    const allDay = createBusinessCalendar({
      zone: ZONE,
      hours: Object.fromEntries(WEEKDAYS.map((d) => [d, ['00:00-24:00']])),
    });
    expect(businessTimeBetween(allDay, local('2026-03-29T00:00'), local('2026-03-30T00:00'))).toBe(23 * HOUR);
    expect(businessTimeBetween(allDay, local('2026-10-25T00:00'), local('2026-10-26T00:00'))).toBe(25 * HOUR);
    expect(fmt(addBusinessHours(allDay, local('2026-03-29T01:30'), 1))).toBe('2026-03-29T03:30');

    const night = createBusinessCalendar({ zone: ZONE, hours: { sunday: ['01:00-04:00'] } });
    const spans = (date: string) =>
      workingIntervals(night, date).reduce((sum, i) => sum + i.end.getTime() - i.start.getTime(), 0);
    expect(spans('2026-03-22')).toBe(3 * HOUR);
    expect(spans('2026-03-29')).toBe(2 * HOUR);
    expect(spans('2026-10-25')).toBe(4 * HOUR);
  });

  it('maps a skipped wall time to the DST change and a repeated one to its first occurrence', () => {
    const calendar = createBusinessCalendar({ zone: ZONE, hours: { sunday: ['02:30-03:30'] } });
    const [spring] = workingIntervals(calendar, '2026-03-29');
    expect(spring?.start.toISOString()).toBe('2026-03-29T01:00:00.000Z'); // 03:00 CEST
    expect(spring?.end.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    const [autumn] = workingIntervals(calendar, '2026-10-25');
    expect(autumn?.start.toISOString()).toBe('2026-10-25T00:30:00.000Z'); // first 02:30, still CEST
    expect(autumn?.end.toISOString()).toBe('2026-10-25T02:30:00.000Z');
  });

  it('runs on across midnight when intervals touch it', () => {
    const nights = createBusinessCalendar({
      zone: ZONE,
      hours: { monday: ['20:00-24:00'], tuesday: ['00:00-04:00'] },
    });
    expect(fmt(addBusinessHours(nights, local('2026-03-02T23:00'), 2))).toBe('2026-03-03T01:00');
    expect(isWorkingTime(nights, local('2026-03-03T00:00'))).toBe(true);
    expect(businessTimeBetween(nights, local('2026-03-02T00:00'), local('2026-03-04T00:00'))).toBe(8 * HOUR);
  });

  it('runs back for negative durations and lands on working time', () => {
    const back = addBusinessHours(office, local('2026-03-09T09:00'), -2);
    expect(fmt(back)).toBe('2026-03-06T15:30');
    expect(isWorkingTime(office, back)).toBe(true);
    expect(fmt(addBusinessHours(office, local('2026-03-09T09:00'), -1))).toBe('2026-03-09T08:00');
    expect(fmt(addBusinessHours(office, local('2026-03-02T13:00'), -1))).toBe('2026-03-02T11:30');
  });

  it('answers a signed difference when the instants are in reverse order', () => {
    expect(businessTimeBetween(office, local('2026-03-09T09:30'), local('2026-03-06T16:00'))).toBe(-2 * HOUR);
    expect(businessTimeBetween(office, local('2026-03-07T10:00'), local('2026-03-07T12:00'))).toBe(0);
    expect(
      Object.is(businessTimeBetween(office, local('2026-03-07T12:00'), local('2026-03-07T10:00')), 0),
    ).toBe(true);
  });

  it('moves whole working days, keeping the wall-clock time of an instant', () => {
    expect(fmt(addBusinessDays(office, local('2026-03-27T10:00'), 1))).toBe('2026-03-30T10:00');
    expect(fmt(addBusinessDays(office, local('2026-03-27T18:45'), 3))).toBe('2026-04-01T18:45');
    expect(addBusinessDays(office, '2026-04-07', -1)).toBe('2026-04-02');
    expect(addBusinessDays(office, '2026-04-06', 0)).toBe('2026-04-07');
    expect(addBusinessDays(office, '2026-04-07', 0)).toBe('2026-04-07');
    expect(addBusinessDays(office, '2026-03-02', 5)).toBe('2026-03-09');
    expect(isWorkingDay(office, local('2026-04-06T10:00'))).toBe(false);
  });

  it('accepts ISO strings with an offset as instants', () => {
    expect(isWorkingTime(office, '2026-03-02T08:30:00+01:00')).toBe(true);
    expect(addBusinessHours(office, '2026-03-02T07:00:00Z', 1).toISOString()).toBe(
      '2026-03-02T08:00:00.000Z',
    );
  });
});

describe('business calendar: invalid input', () => {
  function issuePaths(run: () => unknown): unknown[] {
    const error = caught(run);
    expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
    return ((error as FrontlineError).details.issues as { path: unknown[] }[]).map((i) => i.path);
  }

  it('names overlapping intervals, reversed intervals and bad times', () => {
    expect(
      issuePaths(() =>
        createBusinessCalendar({ zone: ZONE, hours: { monday: ['08:00-12:00', '11:00-13:00'] } }),
      ),
    ).toEqual([['hours', 'monday', 1]]);
    expect(
      issuePaths(() => createBusinessCalendar({ zone: ZONE, hours: { monday: ['12:00-08:00'] } })),
    ).toEqual([['hours', 'monday', 0, 'end']]);
    expect(
      issuePaths(() =>
        createBusinessCalendar({ zone: ZONE, hours: { monday: [{ start: '24:00', end: '24:00' }] } }),
      ),
    ).toEqual([
      ['hours', 'monday', 0, 'start'],
      ['hours', 'monday', 0, 'end'],
    ]);
    expect(issuePaths(() => createBusinessCalendar({ zone: ZONE, hours: { monday: ['8 to 12'] } }))).toEqual([
      ['hours', 'monday', 0],
    ]);
  });

  it('names an unknown zone, an unknown weekday and a calendar without working time', () => {
    expect(
      issuePaths(() => createBusinessCalendar({ zone: 'Europe/Atlantis', hours: { monday: split } })),
    ).toEqual([['zone']]);
    const unknownDay = {
      zone: ZONE,
      hours: { monday: split, funday: split },
    } as unknown as BusinessCalendarDefinitionInput;
    expect(issuePaths(() => createBusinessCalendar(unknownDay))).toEqual([['hours']]);
    expect(issuePaths(() => createBusinessCalendar({ zone: ZONE, hours: {} }))).toEqual([['hours']]);
  });

  it('names a holiday listed twice and a date that is both a holiday and a working day', () => {
    expect(
      issuePaths(() =>
        createBusinessCalendar({
          zone: ZONE,
          hours: { monday: split },
          holidays: ['2026-01-01', '2026-01-01'],
          extraWorkingDays: [{ date: '2026-01-01', hours: 'monday' }],
        }),
      ),
    ).toEqual([
      ['holidays', 1],
      ['extraWorkingDays', 0, 'date'],
    ]);
  });

  it('refuses invalid dates, numbers and calendars with ValidationErrors, never TypeErrors', () => {
    expect(
      FrontlineError.is(
        caught(() => isWorkingTime(office, new Date(Number.NaN))),
        'VALIDATION',
      ),
    ).toBe(true);
    expect(
      FrontlineError.is(
        caught(() => addBusinessHours(office, new Date(), Number.NaN)),
        'VALIDATION',
      ),
    ).toBe(true);
    expect(
      FrontlineError.is(
        caught(() => addBusinessHours(office, new Date(), Infinity)),
        'VALIDATION',
      ),
    ).toBe(true);
    expect(
      FrontlineError.is(
        caught(() => addBusinessDays(office, '2026-02-30', 1)),
        'VALIDATION',
      ),
    ).toBe(true);
    expect(
      FrontlineError.is(
        caught(() => addBusinessDays(office, '2026-03-02', 1.5)),
        'VALIDATION',
      ),
    ).toBe(true);
    const notACalendar = { zone: ZONE } as unknown as BusinessCalendar;
    const error = caught(() => isWorkingTime(notACalendar, new Date()));
    expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
    expect((error as Error).message).toMatch(/createBusinessCalendar/);
  });

  it('stops searching when there is no working time within 400 days', () => {
    const once = createBusinessCalendar({
      zone: ZONE,
      hours: {},
      extraWorkingDays: [{ date: '2026-03-02', hours: ['08:00-09:00'] }],
    });
    expect(fmt(addBusinessMinutes(once, local('2025-06-01T00:00'), 30))).toBe('2026-03-02T08:30');
    const error = caught(() => nextWorkingTime(once, local('2026-03-03T00:00')));
    expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
    expect((error as Error).message).toMatch(/No working time within 400 days/);
    expect(
      FrontlineError.is(
        caught(() => addBusinessHours(once, local('2026-03-02T08:00'), 2)),
        'VALIDATION',
      ),
    ).toBe(true);
    expect(
      FrontlineError.is(
        caught(() => addBusinessHours(once, local('2026-03-02T08:00'), -2)),
        'VALIDATION',
      ),
    ).toBe(true);
    expect(
      FrontlineError.is(
        caught(() => addBusinessDays(once, '2026-03-02', 1)),
        'VALIDATION',
      ),
    ).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

const FROM_2020 = Date.UTC(2020, 0, 2);
const TO_2027 = Date.UTC(2027, 9, 1);
const instantIn = fc.integer({ min: FROM_2020, max: TO_2027 }).map((t) => new Date(t));
/** Far enough from the start of the Hungarian data to run 300 working hours back. */
const laterInstant = fc.integer({ min: Date.UTC(2020, 3, 1), max: TO_2027 }).map((t) => new Date(t));
const duration = fc.integer({ min: 0, max: 300 * HOUR });

const ZONES = [
  'Europe/Budapest',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
  'America/Santiago',
];

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 0–3 non-overlapping intervals a day, from sorted distinct minute marks paired up. */
const dayHours = fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { maxLength: 6 }).map((marks) => {
  const sorted = [...marks].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2)
    out.push(`${clock(sorted[i] ?? 0)}-${clock(sorted[i + 1] ?? 0)}`);
  return out;
});

const randomCalendar = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    hours: fc.record(
      Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours])) as Record<Weekday, typeof dayHours>,
    ),
    holidays: fc.uniqueArray(
      fc.integer({ min: FROM_2020, max: TO_2027 }).map((t) => new Date(t).toISOString().slice(0, 10)),
      { maxLength: 20 },
    ),
  })
  .filter(({ hours }) => WEEKDAYS.some((d) => hours[d].length > 0))
  .map((definition) => createBusinessCalendar(definition));

const calendars = fc.oneof(fc.constant(office), randomCalendar);

/** An interval's end: not working time, but the millisecond before it is. */
const isIntervalEnd = (calendar: BusinessCalendar, t: Date) =>
  !isWorkingTime(calendar, t) && isWorkingTime(calendar, new Date(t.getTime() - 1));

describe('business calendar: properties', () => {
  it('(a) the working time from the start to start + d is d', () => {
    fc.assert(
      fc.property(calendars, instantIn, duration, (calendar, start, d) => {
        const end = addBusinessMilliseconds(calendar, start, d);
        expect(businessTimeBetween(calendar, nextWorkingTime(calendar, start), end)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('(b) results land on working time or exactly on an interval end', () => {
    fc.assert(
      fc.property(calendars, instantIn, duration, (calendar, start, d) => {
        const end = addBusinessMilliseconds(calendar, start, d);
        expect(isWorkingTime(calendar, end) || isIntervalEnd(calendar, end)).toBe(true);
        if (d === 0) expect(isWorkingTime(calendar, end)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('(c) adding more never ends earlier', () => {
    fc.assert(
      fc.property(calendars, instantIn, duration, duration, (calendar, start, x, y) => {
        const [d1, d2] = x <= y ? [x, y] : [y, x];
        const a = addBusinessMilliseconds(calendar, start, d1).getTime();
        const b = addBusinessMilliseconds(calendar, start, d2).getTime();
        expect(a).toBeLessThanOrEqual(b);
      }),
      { numRuns: 300 },
    );
  });

  it('running back d lands on working time d before', () => {
    fc.assert(
      fc.property(calendars, laterInstant, fc.integer({ min: 1, max: 300 * HOUR }), (calendar, start, d) => {
        const back = addBusinessMilliseconds(calendar, start, -d);
        expect(isWorkingTime(calendar, back)).toBe(true);
        expect(businessTimeBetween(calendar, back, start)).toBe(d);
      }),
      { numRuns: 300 },
    );
  });

  it('working time between splits at any point and changes sign when reversed', () => {
    fc.assert(
      fc.property(calendars, instantIn, instantIn, instantIn, (calendar, a, b, c) => {
        const ab = businessTimeBetween(calendar, a, b);
        expect(ab + businessTimeBetween(calendar, b, c)).toBe(businessTimeBetween(calendar, a, c));
        expect(businessTimeBetween(calendar, b, a)).toBe(-ab + 0);
      }),
      { numRuns: 150 },
    );
  });

  it('agrees with intervals built naively with TZDate for every instant (boundaries outside 02:00–03:00)', () => {
    const hours = dayHours.filter((list) =>
      list.every((i) => ![i.slice(0, 5), i.slice(6)].some((t) => t >= '02:00' && t < '03:00')),
    );
    const definitions = fc
      .record({
        zone: fc.constant(ZONE),
        hours: fc.record(
          Object.fromEntries(WEEKDAYS.map((d) => [d, hours])) as Record<Weekday, typeof hours>,
        ),
      })
      .filter((definition) => WEEKDAYS.some((d) => definition.hours[d].length > 0));
    fc.assert(
      fc.property(definitions, instantIn, (definition, t) => {
        const calendar = createBusinessCalendar(definition);
        const day = new TZDate(t.getTime(), ZONE);
        const weekday = WEEKDAYS[(day.getDay() + 6) % 7] as Weekday;
        const expected = definition.hours[weekday].some((interval) => {
          const [sh, sm, eh, em] = interval.split(/[-:]/).map(Number) as [number, number, number, number];
          const start = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), sh, sm, ZONE).getTime();
          const end = new TZDate(day.getFullYear(), day.getMonth(), day.getDate(), eh, em, ZONE).getTime();
          return start <= t.getTime() && t.getTime() < end;
        });
        expect(isWorkingTime(calendar, t)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
