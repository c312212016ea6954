import { addDaysToDate, localDateOf } from '@frontline/campaigns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { issuePaths as issuesOf } from '../../test/issue-paths';

const ms = (iso: string) => new Date(iso).getTime();
const justBefore = (iso: string) => new Date(ms(iso) - 1);

describe('localDateOf', () => {
  // Local midnight as a UTC instant, with the offset in force at that midnight.
  const midnights = [
    { zone: 'Europe/Budapest', date: '2026-03-29', utc: '2026-03-28T23:00:00Z' }, // CET, the day DST starts
    { zone: 'Europe/Budapest', date: '2026-03-30', utc: '2026-03-29T22:00:00Z' }, // first CEST midnight
    { zone: 'Europe/Budapest', date: '2026-10-25', utc: '2026-10-24T22:00:00Z' }, // CEST, the day DST ends
    { zone: 'Europe/Budapest', date: '2026-10-26', utc: '2026-10-25T23:00:00Z' },
    { zone: 'America/Los_Angeles', date: '2026-03-08', utc: '2026-03-08T08:00:00Z' }, // PST, DST starts 02:00
    { zone: 'America/Los_Angeles', date: '2026-03-09', utc: '2026-03-09T07:00:00Z' },
    { zone: 'America/Los_Angeles', date: '2026-11-01', utc: '2026-11-01T07:00:00Z' }, // PDT, DST ends 02:00
    { zone: 'America/Los_Angeles', date: '2026-11-02', utc: '2026-11-02T08:00:00Z' },
    { zone: 'Pacific/Kiritimati', date: '2027-01-01', utc: '2026-12-31T10:00:00Z' }, // UTC+14, first to a new day
    { zone: 'UTC', date: '2026-01-01', utc: '2026-01-01T00:00:00Z' },
  ];

  it('turns the instant of local midnight into the new day and the millisecond before into the old one', () => {
    for (const { zone, date, utc } of midnights) {
      expect(localDateOf(new Date(utc), zone), `${zone} ${utc}`).toBe(date);
      expect(localDateOf(justBefore(utc), zone), `${zone} before ${utc}`).toBe(addDaysToDate(date, -1));
    }
  });

  it('reads an ISO string with an offset as well as a Date', () => {
    expect(localDateOf('2026-03-28T23:30:00+00:00', 'Europe/Budapest')).toBe('2026-03-29');
  });

  it('skips the day Kiritimati left out when it crossed the date line (31 December 1994)', () => {
    expect(localDateOf(justBefore('1994-12-31T10:00:00Z'), 'Pacific/Kiritimati')).toBe('1994-12-30');
    expect(localDateOf(new Date('1994-12-31T10:00:00Z'), 'Pacific/Kiritimati')).toBe('1995-01-01');
  });

  it('moves forward one day at a time, hour by hour, through DST changes in every zone', () => {
    const zones = ['Europe/Budapest', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Australia/Lord_Howe'];
    const start = { min: ms('1996-01-01T00:00:00Z'), max: ms('2040-01-01T00:00:00Z') };
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer(start), (zone, t0) => {
        let previous = localDateOf(new Date(t0), zone);
        for (let h = 1; h <= 50; h++) {
          const next = localDateOf(new Date(t0 + h * 3_600_000), zone);
          expect([previous, addDaysToDate(previous, 1)]).toContain(next);
          previous = next;
        }
      }),
      { numRuns: 60 },
    );
  });

  it('agrees with the UTC date in UTC', () => {
    fc.assert(
      fc.property(fc.integer({ min: ms('1900-01-01T00:00:00Z'), max: ms('2400-12-31T23:59:59Z') }), (t) => {
        expect(localDateOf(new Date(t), 'UTC')).toBe(new Date(t).toISOString().slice(0, 10));
      }),
    );
  });

  it('refuses an unknown zone and a bad instant at their paths', () => {
    expect(issuesOf(() => localDateOf(new Date(), 'Europe/Budapets'))).toEqual([['timeZone']]);
    expect(new Set(issuesOf(() => localDateOf(new Date(), '')).map(String))).toEqual(new Set(['timeZone']));
    expect(issuesOf(() => localDateOf('soon', 'Mars/Olympus'))).toEqual([['instant'], ['timeZone']]);
    expect(issuesOf(() => localDateOf(new Date(Number.NaN), 'UTC'))).toEqual([['instant']]);
    expect(issuesOf(() => localDateOf('yesterday', 'UTC'))).toEqual([['instant']]);
  });
});
