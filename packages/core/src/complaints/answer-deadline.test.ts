import { tzScan } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import { complaintAnswerDueAt, complaintDeadlines, HUNGARIAN_CONSUMER_POLICY } from './index';

/** `YYYY-MM-DD` of an instant in a zone, read with Intl (independent of date-fns). */
function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(at)
    .slice(0, 10);
}

/** Plain calendar arithmetic on `YYYY-MM-DD`. */
function plusDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

// Zones with daylight saving in both hemispheres, half-hour shifts (Lord Howe), changes at midnight (Havana,
// Santiago) and none at all. Pacific/Apia is left out on purpose: it skipped 30 December 2011 entirely, so
// "N calendar days later" has no single answer there.
const ZONES = [
  'Europe/Budapest',
  'Europe/London',
  'America/New_York',
  'America/Havana',
  'America/Santiago',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
  'UTC',
] as const;

const FROM = Date.UTC(1995, 0, 1);
const TO = Date.UTC(2045, 0, 1);

/** A zone and an instant: anywhere in 1995–2045, or within two days of one of the zone's offset changes. */
const CHANGES = new Map(
  ZONES.map((zone) => [
    zone,
    tzScan(zone, { start: new Date(Date.UTC(2000, 0, 1)), end: new Date(Date.UTC(2040, 0, 1)) }),
  ]),
);
const zonedInstant = fc.constantFrom(...ZONES).chain((zone) => {
  const changes = CHANGES.get(zone) ?? [];
  const anywhere = fc.integer({ min: FROM, max: TO });
  const nearChange =
    changes.length === 0
      ? anywhere
      : fc
          .tuple(fc.constantFrom(...changes), fc.integer({ min: -2 * 86_400_000, max: 2 * 86_400_000 }))
          .map(([change, offset]) => change.date.getTime() + offset);
  return fc.tuple(
    fc.constant(zone),
    fc.oneof(anywhere, nearChange).map((ms) => new Date(ms)),
  );
});

describe('complaint answer deadline', () => {
  it('counts calendar days in Budapest: received 3 March 2026 23:30 is due at the end of 2 April, across the DST change', () => {
    const received = new Date('2026-03-03T22:30:00Z'); // 23:30 in Budapest (UTC+1)
    const { dueAt, warnAt } = complaintDeadlines(received, HUNGARIAN_CONSUMER_POLICY);
    // 2 April 2026 23:59:59.999 in Budapest (UTC+2 since 29 March)
    expect(dueAt.toISOString()).toBe('2026-04-02T21:59:59.999Z');
    // five calendar days before: the end of 28 March, still winter time (UTC+1)
    expect(warnAt.toISOString()).toBe('2026-03-28T22:59:59.999Z');
  });

  it('follows the office time zone when one is given', () => {
    const received = new Date('2026-03-03T22:30:00Z'); // already 4 March in Helsinki (UTC+2)
    expect(
      complaintDeadlines(received, HUNGARIAN_CONSUMER_POLICY, 'Europe/Helsinki').dueAt.toISOString(),
    ).toBe('2026-04-03T20:59:59.999Z');
    expect(complaintAnswerDueAt(received, 30, 'UTC').toISOString()).toBe('2026-04-02T23:59:59.999Z');
  });

  it('refuses a zone that is not an IANA name, or a negative day count, with a ValidationError', () => {
    for (const call of [
      () => complaintAnswerDueAt('2026-03-03T22:30:00Z', 30, 'Mars/Olympus'),
      () => complaintAnswerDueAt('2026-03-03T22:30:00Z', -1),
      () => complaintDeadlines('2026-03-03T22:30:00Z', HUNGARIAN_CONSUMER_POLICY, 'CET+1'),
    ]) {
      expect(call).toThrow(FrontlineError);
      try {
        call();
      } catch (error) {
        expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      }
    }
  });

  it('ends a day whose clock goes back at midnight at its second 23:59:59.999 (regression: seed 830270988)', () => {
    // Santiago left summer time at midnight on 12 March 2000: 23:00–23:59 of 11 March happened twice
    const due = complaintAnswerDueAt(new Date('2000-03-11T02:59:59.999Z'), 1, 'America/Santiago');
    expect(due.toISOString()).toBe('2000-03-12T03:59:59.999Z');
  });

  it('is always the end of a local day, exactly N local calendar days after the local day of receipt (property)', () => {
    fc.assert(
      fc.property(zonedInstant, fc.integer({ min: 0, max: 120 }), ([zone, received], days) => {
        const due = complaintAnswerDueAt(received, days, zone);
        expect(localDate(due, zone)).toBe(plusDays(localDate(received, zone), days));
        // the next millisecond is already the next local day: nothing of the due day is left out
        expect(localDate(new Date(due.getTime() + 1), zone)).toBe(
          plusDays(localDate(received, zone), days + 1),
        );
        expect(due.getTime()).toBeGreaterThanOrEqual(received.getTime());
      }),
      { numRuns: 500 },
    );
  });
});
