import { FrontlineError } from '@frontline/core';
import {
  consumedBusinessTime,
  isSlaClockRunning,
  pauseSlaClock,
  resumeSlaClock,
  type SlaClock,
  slaClockReaches,
  startSlaClock,
} from '@frontline/core/service-desk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { businessTimeBetween, createBusinessCalendar } from '../kernel/business-calendar';
import { hungarianBusinessCalendar } from '../kernel/business-calendar-hungary';

const H = 3_600_000;
const split = ['08:00-12:00', '13:00-17:00'];
/** Monday–Friday 08–12 and 13–17 UTC: eight working hours a day with a lunch break. */
const calendar = createBusinessCalendar({
  zone: 'UTC',
  hours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: split },
});
const at = (iso: string) => new Date(iso);

describe('SLA clock', () => {
  it('counts only working time while it runs', () => {
    const clock = startSlaClock(at('2026-03-06T15:00:00Z')); // Friday 15:00
    expect(isSlaClockRunning(clock)).toBe(true);
    expect(consumedBusinessTime(clock, calendar, at('2026-03-09T09:00:00Z'))).toBe(3 * H); // Fri 15–17, Mon 8–9
  });

  it('stops counting while paused and goes on from where it stopped when resumed', () => {
    let clock = startSlaClock(at('2026-03-02T08:00:00Z'));
    clock = pauseSlaClock(clock, at('2026-03-02T10:00:00Z'), calendar);
    expect(isSlaClockRunning(clock)).toBe(false);
    expect(consumedBusinessTime(clock, calendar, at('2026-03-04T10:00:00Z'))).toBe(2 * H);
    clock = resumeSlaClock(clock, at('2026-03-03T13:00:00Z'));
    expect(consumedBusinessTime(clock, calendar, at('2026-03-03T15:30:00Z'))).toBe(4.5 * H);
  });

  it('finds the due instant ahead while running, behind when already reached, and none while paused short', () => {
    let clock = startSlaClock(at('2026-03-02T11:00:00Z'));
    expect(slaClockReaches(clock, calendar, 2 * H)?.toISOString()).toBe('2026-03-02T14:00:00.000Z'); // lunch skipped
    clock = pauseSlaClock(clock, at('2026-03-02T16:00:00Z'), calendar); // 4 h consumed
    expect(slaClockReaches(clock, calendar, 2 * H)?.toISOString()).toBe('2026-03-02T14:00:00.000Z');
    expect(slaClockReaches(clock, calendar, 5 * H)).toBeNull();
    clock = resumeSlaClock(clock, at('2026-03-04T08:00:00Z'));
    expect(slaClockReaches(clock, calendar, 5 * H)?.toISOString()).toBe('2026-03-04T09:00:00.000Z');
  });

  it('treats pausing a paused clock and resuming a running one as no change', () => {
    const running = startSlaClock(at('2026-03-02T08:00:00Z'));
    expect(resumeSlaClock(running, at('2026-03-02T09:00:00Z'))).toEqual(running);
    const paused = pauseSlaClock(running, at('2026-03-02T09:00:00Z'), calendar);
    expect(pauseSlaClock(paused, at('2026-03-02T10:00:00Z'), calendar)).toEqual(paused);
  });

  it('refuses a change dated before the last one', () => {
    const clock = pauseSlaClock(
      startSlaClock(at('2026-03-02T08:00:00Z')),
      at('2026-03-02T10:00:00Z'),
      calendar,
    );
    expect(() => resumeSlaClock(clock, at('2026-03-02T09:00:00Z'))).toThrow(/before the clock's last change/);
  });

  it('skips Hungarian public holidays on a split-shift calendar', () => {
    const hu = hungarianBusinessCalendar({
      hours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: ['08:00-14:00'] },
    });
    // Thursday 2 April 2026, 16:00 Budapest (14:00Z); Good Friday and Easter Monday are holidays
    const clock = startSlaClock(at('2026-04-02T14:00:00Z'));
    expect(slaClockReaches(clock, hu, 2 * H)?.toISOString()).toBe('2026-04-07T07:00:00.000Z'); // Tue 09:00 local
  });

  it('answers garbage with FrontlineErrors, never TypeErrors', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        const calls = [
          () => startSlaClock(a as Date),
          () => isSlaClockRunning(a as SlaClock),
          () => pauseSlaClock(a as SlaClock, b as Date, calendar),
          () => resumeSlaClock(a as SlaClock, b as Date),
          () => consumedBusinessTime(a as SlaClock, calendar, b as Date),
          () => slaClockReaches(a as SlaClock, calendar, b as number),
          () => slaClockReaches(startSlaClock(at('2026-03-02T08:00:00Z')), a as typeof calendar, H),
        ];
        for (const call of calls) {
          try {
            call();
          } catch (error) {
            expect(FrontlineError.is(error), String(error)).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('SLA clock properties', () => {
  const start = at('2026-03-02T06:30:00Z').getTime();
  /** Random increasing instants across three weeks (nights, weekends and lunch breaks included). */
  const instants = fc
    .array(fc.integer({ min: 1, max: 36 * H }), { minLength: 1, maxLength: 12 })
    .map((steps) => {
      const out: number[] = [];
      for (const step of steps) out.push((out.at(-1) ?? start) + step);
      return out;
    });

  it('never loses or double-counts time: consumed equals businessTimeBetween over the running segments', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 0, max: 48 * H }), (changes, after) => {
        let clock: SlaClock = startSlaClock(new Date(start));
        const segments: [number, number | null][] = [[start, null]];
        for (const t of changes) {
          if (isSlaClockRunning(clock)) {
            clock = pauseSlaClock(clock, new Date(t), calendar);
            segments[segments.length - 1]![1] = t;
          } else {
            clock = resumeSlaClock(clock, new Date(t));
            segments.push([t, null]);
          }
        }
        const now = (changes.at(-1) ?? start) + after;
        const expected = segments.reduce(
          (sum, [from, to]) => sum + businessTimeBetween(calendar, new Date(from), new Date(to ?? now)),
          0,
        );
        expect(consumedBusinessTime(clock, calendar, new Date(now))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('puts the instant a threshold is reached where exactly that much running time has passed', () => {
    fc.assert(
      fc.property(instants, fc.integer({ min: 1, max: 40 * H }), (changes, threshold) => {
        let clock: SlaClock = startSlaClock(new Date(start));
        for (const t of changes) {
          clock = isSlaClockRunning(clock)
            ? pauseSlaClock(clock, new Date(t), calendar)
            : resumeSlaClock(clock, new Date(t));
        }
        const reached = slaClockReaches(clock, calendar, threshold);
        if (reached === null) {
          expect(isSlaClockRunning(clock)).toBe(false);
          expect(clock.consumedMs).toBeLessThan(threshold);
          return;
        }
        const upTo = clock.segments.reduce((sum, { from, to }) => {
          const end = to === null || to > reached ? reached : to;
          return end > from ? sum + businessTimeBetween(calendar, from, end) : sum;
        }, 0);
        expect(upTo).toBe(threshold);
      }),
      { numRuns: 300 },
    );
  });
});
