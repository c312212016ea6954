import { FrontlineError } from '@frontline/core';
import { type KpiContactInput, kpiGroups, kpiPartialOf, kpiPeriodOf } from '@frontline/core/kpi';
import { describe, expect, it } from 'vitest';

const iso = (p: { start: Date; end: Date }) => [p.start.toISOString(), p.end.toISOString()];
const hours = (p: { start: Date; end: Date }) => (p.end.getTime() - p.start.getTime()) / 3_600_000;
const BUDAPEST = 'Europe/Budapest';

/** Every instant of a UTC range, `stepMinutes` apart. */
function instants(fromIso: string, toIso: string, stepMinutes: number): Date[] {
  const out: Date[] = [];
  for (let t = Date.parse(fromIso); t < Date.parse(toIso); t += stepMinutes * 60_000) out.push(new Date(t));
  return out;
}

describe('kpiPeriodOf', () => {
  it('gives the local day, 23 hours on 29 March 2026 and 25 hours on 25 October 2026 in Budapest', () => {
    const spring = kpiPeriodOf('2026-03-29T10:00:00Z', 'day', BUDAPEST);
    expect(iso(spring)).toEqual(['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(hours(spring)).toBe(23);
    const autumn = kpiPeriodOf('2026-10-25T10:00:00Z', 'day', BUDAPEST);
    expect(iso(autumn)).toEqual(['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z']);
    expect(hours(autumn)).toBe(25);
  });

  it('cuts the spring-forward day into 23 hourly and 92 quarter-hour periods, each of the real length', () => {
    const day = instants('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 5);
    const hourly = new Set(day.map((t) => kpiPeriodOf(t, '60min', BUDAPEST).start.toISOString()));
    const quarters = day.map((t) => kpiPeriodOf(t, '15min', BUDAPEST));
    expect(hourly.size).toBe(23);
    expect(new Set(quarters.map((q) => q.start.toISOString())).size).toBe(92);
    expect(quarters.every((q) => hours(q) === 0.25)).toBe(true);
  });

  it('cuts the fall-back day into 25 hourly periods: the repeated 02:00 hour twice', () => {
    const day = instants('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 10);
    const hourly = [...new Set(day.map((t) => kpiPeriodOf(t, '60min', BUDAPEST).start.toISOString()))];
    expect(hourly).toHaveLength(25);
    // 02:00 CEST (00:00Z) and 02:00 CET (01:00Z)
    expect(hourly).toContain('2026-10-25T00:00:00.000Z');
    expect(hourly).toContain('2026-10-25T01:00:00.000Z');
    expect(
      day.every((t) => kpiPeriodOf(t, 'day', BUDAPEST).start.toISOString() === '2026-10-24T22:00:00.000Z'),
    ).toBe(true);
  });

  it('buckets a day of contacts across the change into 23 or 25 hourly groups', () => {
    const contacts = (fromIso: string, toIso: string): KpiContactInput[] =>
      instants(fromIso, toIso, 20).map((t, i) => ({
        id: `k${i}`,
        channel: 'phone',
        offeredAt: t,
        endedAt: t,
      }));
    const spring = kpiPartialOf(
      { contacts: contacts('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z') },
      { period: '60min' },
    );
    const autumn = kpiPartialOf(
      { contacts: contacts('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z') },
      { period: '60min' },
    );
    expect(kpiGroups(spring)).toHaveLength(23);
    expect(kpiGroups(autumn)).toHaveLength(25);
    expect(kpiGroups(autumn).every((g) => g.totals.contacts.offered === 3)).toBe(true);
    const days = kpiPartialOf(
      { contacts: contacts('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z') },
      { period: 'day' },
    );
    expect(kpiGroups(days).map((g) => g.totals.contacts.offered)).toEqual([75]);
  });

  it('follows the local wall clock in a zone offset by 45 minutes (Asia/Kathmandu)', () => {
    // 10:07 UTC is 15:52 in Kathmandu (UTC+5:45): the quarter started at 15:45 local = 10:00 UTC
    expect(iso(kpiPeriodOf('2026-03-02T10:07:00Z', '15min', 'Asia/Kathmandu'))).toEqual([
      '2026-03-02T10:00:00.000Z',
      '2026-03-02T10:15:00.000Z',
    ]);
    // the local hour 15:00–16:00 is 09:15–10:15 UTC
    expect(iso(kpiPeriodOf('2026-03-02T10:07:00Z', '60min', 'Asia/Kathmandu'))).toEqual([
      '2026-03-02T09:15:00.000Z',
      '2026-03-02T10:15:00.000Z',
    ]);
  });

  it('starts weeks on Monday and months on the 1st, local time, across the change', () => {
    const week = kpiPeriodOf('2026-03-29T10:00:00Z', 'week', BUDAPEST); // Sunday of the change
    expect(iso(week)).toEqual(['2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z']);
    expect(hours(week)).toBe(7 * 24 - 1);
    const month = kpiPeriodOf('2026-10-31T23:30:00Z', 'month', BUDAPEST); // already 1 November in Budapest
    expect(iso(month)).toEqual(['2026-10-31T23:00:00.000Z', '2026-11-30T23:00:00.000Z']);
  });

  it('fails on an unknown time zone with a validation error at timeZone, also when grouping', () => {
    expect(() => kpiPeriodOf('2026-03-02T10:00:00Z', 'day', 'Europe/Budapset')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ path: ['timeZone'] })],
      }),
    );
    try {
      kpiPartialOf({}, { timeZone: 'Mars/Olympus' });
      expect.unreachable();
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      expect((error as FrontlineError).details.issues).toMatchObject([{ path: ['grouping', 'timeZone'] }]);
    }
    expect(() => kpiPeriodOf('2026-03-02T10:00:00Z', 'fortnight' as never, BUDAPEST)).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
  });
});
