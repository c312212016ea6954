/**
 * The engine's fast path (prefix sums per day, a gallop over them, a walk inside one day) against a straightforward
 * reference: walk local dates one by one — the date of an instant found with `TZDate`, each date's intervals taken
 * from `workingIntervals` — and spend the budget interval by interval. Instants cluster where the fast path has
 * edges: the Budapest DST Sundays (last Sunday of March and of October), Hungarian holidays and swapped Saturdays,
 * and the seams between the engine's blocks.
 */
import { TZDate } from '@date-fns/tz';
import { addDays, format } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hungarianHolidays, hungarianWorkingSaturdays } from '../data/hungarian-holidays';
import {
  addBusinessMilliseconds,
  type BusinessCalendar,
  businessTimeBetween,
  isWorkingTime,
  nextWorkingTime,
  workingIntervals,
} from './business-calendar';
import { BLOCK_DAYS } from './business-calendar-engine';
import { hungarianBusinessCalendar } from './business-calendar-hungary';
import type { CalendarDate } from './instant';

const ZONE = 'Europe/Budapest';
const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

const split = ['08:00-12:00', '12:30-16:30'];
const everyDay = (hours: string[]) => ({
  monday: hours,
  tuesday: hours,
  wednesday: hours,
  thursday: hours,
  friday: hours,
  saturday: hours,
  sunday: hours,
});

const calendars: Record<string, BusinessCalendar> = {
  'split shifts, Friday to 14:00': hungarianBusinessCalendar({
    hours: {
      monday: split,
      tuesday: split,
      wednesday: split,
      thursday: split,
      friday: ['08:00-12:00', '12:30-14:00'],
    },
  }),
  // intervals over the hour that is skipped in March and repeated in October
  'night shifts every day': hungarianBusinessCalendar({ hours: everyDay(['00:00-03:30', '21:00-24:00']) }),
  'round the clock': hungarianBusinessCalendar({ hours: everyDay(['00:00-24:00']) }),
  'inside the DST hour on Sundays': hungarianBusinessCalendar({
    hours: { ...everyDay(['09:00-10:00']), sunday: ['01:45-02:15', '02:30-02:45', '02:50-03:10'] },
  }),
};
const calendar = fc.constantFrom(...Object.keys(calendars)).map((name) => ({
  name,
  calendar: calendars[name] as BusinessCalendar,
}));

// --- the reference ----------------------------------------------------------------------------------------------

const localDate = (t: number): CalendarDate => format(new TZDate(t, ZONE), 'yyyy-MM-dd');
const nextDate = (date: CalendarDate, step: number): CalendarDate =>
  format(addDays(new Date(`${date}T12:00:00Z`), step), 'yyyy-MM-dd');
const spans = (c: BusinessCalendar, date: CalendarDate) =>
  workingIntervals(c, date).map((i) => [i.start.getTime(), i.end.getTime()] as const);

/** The earliest instant by which `ms > 0` of working time has passed since `t`, interval by interval. */
function referenceAdd(c: BusinessCalendar, t: number, ms: number): number {
  let remaining = ms;
  for (let date = localDate(t), n = 0; n < 500; date = nextDate(date, 1), n++) {
    for (const [from, to] of spans(c, date)) {
      const s = Math.max(from, t);
      if (to <= s) continue;
      if (remaining <= to - s) return s + remaining;
      remaining -= to - s;
    }
  }
  throw new Error('the reference found no end within 500 days');
}

/** The latest instant from which `ms > 0` of working time reaches `t`. */
function referenceBack(c: BusinessCalendar, t: number, ms: number): number {
  let remaining = ms;
  for (let date = localDate(t), n = 0; n < 500; date = nextDate(date, -1), n++) {
    for (const [from, to] of spans(c, date).reverse()) {
      const e = Math.min(to, t);
      if (e <= from) continue;
      if (remaining <= e - from) return e - remaining;
      remaining -= e - from;
    }
  }
  throw new Error('the reference found no start within 500 days');
}

/** Working time in `[a, b)` for `a <= b`. */
function referenceBetween(c: BusinessCalendar, a: number, b: number): number {
  let sum = 0;
  const last = localDate(b);
  for (let date = localDate(a); date <= last; date = nextDate(date, 1)) {
    for (const [s, e] of spans(c, date)) sum += Math.max(0, Math.min(e, b) - Math.max(s, a));
  }
  return sum;
}

function referenceNext(c: BusinessCalendar, t: number): number {
  for (let date = localDate(t), n = 0; n < 500; date = nextDate(date, 1), n++) {
    for (const [from, to] of spans(c, date)) if (to > t) return Math.max(from, t);
  }
  throw new Error('the reference found no working time within 500 days');
}

// --- instants where the fast path has edges ----------------------------------------------------------------------

const YEARS = { min: 2020, max: 2027 };

/** UTC noon of the last Sunday of `month` (0-based). */
function lastSunday(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 12));
  return last.getTime() - last.getUTCDay() * DAY;
}

/** Up to three days either side of `centre`, to the millisecond or to the minute. */
const around = (centre: fc.Arbitrary<number>) =>
  fc
    .tuple(centre, fc.integer({ min: -3 * DAY, max: 3 * DAY }), fc.boolean())
    .map(([c, offset, wholeMinute]) => {
      const t = c + offset;
      return wholeMinute ? Math.floor(t / MINUTE) * MINUTE : t;
    });

const dstSunday = fc
  .tuple(fc.integer(YEARS), fc.constantFrom(2, 9))
  .map(([year, month]) => lastSunday(year, month));
const specialDay = fc
  .integer(YEARS)
  .chain((year) =>
    fc.constantFrom(
      ...[...hungarianHolidays(year), ...hungarianWorkingSaturdays(year)].map((d) =>
        Date.parse(`${d.date}T12:00:00Z`),
      ),
    ),
  );
const blockSeam = fc
  .integer({
    min: Math.ceil(Date.UTC(2020, 1) / DAY / BLOCK_DAYS),
    max: Math.floor(Date.UTC(2027, 9) / DAY / BLOCK_DAYS),
  })
  .map((index) => index * BLOCK_DAYS * DAY);
const anywhere = fc.integer({ min: Date.UTC(2020, 1, 1), max: Date.UTC(2027, 9, 1) });

const instant = fc.oneof(around(dstSunday), around(specialDay), around(blockSeam), anywhere);
const budget = fc.oneof(
  fc.integer({ min: 1, max: 2400 }).map((m) => m * MINUTE),
  fc.integer({ min: 1, max: 12 * HOUR }),
  fc.integer({ min: 1, max: 300 * HOUR }),
);

describe('business calendar engine: the fast path agrees with an interval-by-interval walk', () => {
  it('adds working time forward', () => {
    fc.assert(
      fc.property(calendar, instant, budget, ({ calendar: c }, t, ms) => {
        expect(addBusinessMilliseconds(c, new Date(t), ms).getTime()).toBe(referenceAdd(c, t, ms));
      }),
      { numRuns: 400 },
    );
  });

  it('runs working time back', () => {
    fc.assert(
      fc.property(calendar, instant, budget, ({ calendar: c }, t, ms) => {
        expect(addBusinessMilliseconds(c, new Date(t), -ms).getTime()).toBe(referenceBack(c, t, ms));
      }),
      { numRuns: 300 },
    );
  });

  it('measures working time between two instants', () => {
    fc.assert(
      fc.property(calendar, instant, fc.integer({ min: 0, max: 40 * DAY }), ({ calendar: c }, a, span) => {
        expect(businessTimeBetween(c, new Date(a), new Date(a + span))).toBe(
          referenceBetween(c, a, a + span),
        );
      }),
      { numRuns: 300 },
    );
  });

  it('tells working time and the next working moment', () => {
    fc.assert(
      fc.property(calendar, instant, ({ calendar: c }, t) => {
        const next = referenceNext(c, t);
        expect(isWorkingTime(c, new Date(t))).toBe(next === t);
        expect(nextWorkingTime(c, new Date(t)).getTime()).toBe(next);
        expect(addBusinessMilliseconds(c, new Date(t), 0).getTime()).toBe(next);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on the DST Sundays of 2026 minute by minute', () => {
    for (const c of Object.values(calendars)) {
      for (const sunday of [lastSunday(2026, 2), lastSunday(2026, 9)]) {
        for (let t = sunday - 14 * HOUR; t < sunday + 14 * HOUR; t += 7 * MINUTE) {
          expect(addBusinessMilliseconds(c, new Date(t), 45 * MINUTE).getTime()).toBe(
            referenceAdd(c, t, 45 * MINUTE),
          );
          expect(businessTimeBetween(c, new Date(t), new Date(t + 3 * HOUR))).toBe(
            referenceBetween(c, t, t + 3 * HOUR),
          );
        }
      }
    }
  });
});
