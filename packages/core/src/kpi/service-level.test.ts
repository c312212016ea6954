import { FrontlineError } from '@frontline/core';
import { emptyKpiTotals, kpiPartialOf, kpiTotals, serviceLevel } from '@frontline/core/kpi';
import { describe, expect, it } from 'vitest';

const OFFERED = Date.parse('2026-03-02T08:00:00Z');
const at = (seconds: number) => new Date(OFFERED + seconds * 1000);

// One small worked example, computed by hand: ten inbound calls on one queue.
// answered after 5, 10, 20, 21 and 40 s        → A = 5, answered within 20 s A_20 = 3 (5, 10, 20)
// abandoned after 3, 8 and 30 s                → B = 3, short abandons within 5 s B_5 = 1 (3), within 20 s 2
// two overflowed (neither answered nor abandoned) → in none of the service levels
const answered = [5, 10, 20, 21, 40].map((wait, i) => ({
  id: `a${i}`,
  channel: 'phone' as const,
  queue: 'billing',
  offeredAt: at(0),
  answeredAt: at(wait),
  endedAt: at(wait + 120),
}));
const abandoned = [3, 8, 30].map((wait, i) => ({
  id: `b${i}`,
  channel: 'phone' as const,
  queue: 'billing',
  offeredAt: at(0),
  abandonedAt: at(wait),
  endedAt: at(wait),
}));
const overflowed = [0, 1].map((i) => ({
  id: `o${i}`,
  channel: 'phone' as const,
  queue: 'billing',
  offeredAt: at(0),
  endedAt: at(60),
}));
const totals = kpiTotals(kpiPartialOf({ contacts: [...answered, ...abandoned, ...overflowed] })).totals;

describe('serviceLevel', () => {
  it('counts answered calls within the threshold over answered calls (answered-only): 3 / 5', () => {
    expect(serviceLevel(totals, { thresholdSeconds: 20, variant: 'answered-only' })).toBe(0.6);
  });

  it('counts every abandoned call as a miss (answered-and-abandoned): 3 / 8', () => {
    expect(serviceLevel(totals, { thresholdSeconds: 20, variant: 'answered-and-abandoned' })).toBe(0.375);
  });

  it('counts short abandons as met (short-abandons-met): (3 + 1) / 8 with T = 5 s, (3 + 2) / 8 with T = Y', () => {
    expect(serviceLevel(totals, { thresholdSeconds: 20, variant: 'short-abandons-met' })).toBe(0.5);
    expect(
      serviceLevel(totals, { thresholdSeconds: 20, variant: 'short-abandons-met', shortAbandonSeconds: 20 }),
    ).toBe(0.625);
  });

  it('leaves short abandons out (short-abandons-excluded): 3 / (8 − 1)', () => {
    expect(serviceLevel(totals, { thresholdSeconds: 20, variant: 'short-abandons-excluded' })).toBe(3 / 7);
    expect(
      serviceLevel(totals, {
        thresholdSeconds: 20,
        variant: 'short-abandons-excluded',
        shortAbandonSeconds: 0,
      }),
    ).toBe(0.375);
  });

  it('counts a wait of exactly the threshold as within it and one millisecond more as not', () => {
    const contacts = [
      { ...answered[0]!, answeredAt: at(20) },
      { ...answered[1]!, answeredAt: new Date(at(20).getTime() + 1) },
    ];
    const t = kpiTotals(kpiPartialOf({ contacts })).totals;
    expect(serviceLevel(t, { thresholdSeconds: 20, variant: 'answered-only' })).toBe(0.5);
  });

  it('is null, never NaN, when no call was answered or abandoned', () => {
    for (const variant of [
      'answered-only',
      'answered-and-abandoned',
      'short-abandons-met',
      'short-abandons-excluded',
    ] as const) {
      expect(serviceLevel(emptyKpiTotals(), { thresholdSeconds: 20, variant })).toBeNull();
    }
  });

  it('refuses an unknown variant and a threshold the histogram cannot count exactly, naming the option', () => {
    const wrong = (options: unknown) => {
      try {
        serviceLevel(totals, options as never);
      } catch (error) {
        expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
        return (error as FrontlineError).details.issues;
      }
      throw new Error('expected a validation error');
    };
    expect(wrong({ thresholdSeconds: 20, variant: 'answered-first' })).toMatchObject([{ path: ['variant'] }]);
    expect(wrong({ thresholdSeconds: 20.5, variant: 'answered-only' })).toMatchObject([
      { path: ['thresholdSeconds'] },
    ]);
    expect(wrong({ thresholdSeconds: 3601, variant: 'answered-only' })).toMatchObject([
      { path: ['thresholdSeconds'] },
    ]);
    expect(wrong({ thresholdSeconds: 20, variant: 'answered-only', target: 0.8 })).toMatchObject([
      { code: 'unrecognized_keys' },
    ]);
  });
});
