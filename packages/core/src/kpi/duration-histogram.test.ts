import { FrontlineError } from '@frontline/core';
import {
  durationQuantile,
  emptyHistogram,
  kpiPartialOf,
  kpiTotals,
  mergeHistograms,
} from '@frontline/core/kpi';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** A histogram of waits (milliseconds), built through the public API as answered waits. */
function waits(ms: readonly number[]) {
  const t0 = Date.parse('2026-03-02T08:00:00Z');
  const contacts = ms.map((wait, i) => ({
    id: `w${i}`,
    channel: 'phone' as const,
    offeredAt: new Date(t0),
    answeredAt: new Date(t0 + wait),
    endedAt: new Date(t0 + wait),
  }));
  return kpiTotals(kpiPartialOf({ contacts }, { period: null })).totals.contacts.answeredWait;
}

describe('the duration histogram', () => {
  it('keys buckets by their upper edge: seconds to 1 h, minutes to 24 h, hours to 90 days, then "over"', () => {
    const h = waits([0, 1, 999, 1000, 1001, 3_600_000, 3_600_001, 86_400_000, 86_400_001, 91 * 86_400_000]);
    expect(h.buckets).toEqual({ 0: 1, 1: 3, 2: 1, 3600: 1, 3660: 1, 86400: 1, 90000: 1, over: 1 });
    expect(h).toMatchObject({ count: 10, maxMs: 91 * 86_400_000 });
  });

  it('reports a quantile as the upper edge of its bucket, capped at the exact maximum', () => {
    const h = waits([4_200, 9_000, 9_100, 30_500]);
    expect(durationQuantile(h, 0.5)).toBe(9); // rank 2: 9.0 s in (8, 9]
    expect(durationQuantile(h, 0.75)).toBe(10); // rank 3: 9.1 s, bucket (9, 10] → 10 (0.9 s over)
    expect(durationQuantile(h, 1)).toBe(30.5); // the last bucket's edge 31 is capped at the maximum
    expect(durationQuantile(h, 0)).toBe(5); // rank 1
    expect(durationQuantile(emptyHistogram(), 0.5)).toBeNull();
    expect(() => durationQuantile(h, 1.5)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
  });

  it('keeps a quantile within one bucket width above the exact value (1 s below an hour)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3_600_000 }), { minLength: 1, maxLength: 60 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ms, q) => {
          const sorted = [...ms].sort((a, b) => a - b);
          const exact = (sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? 0) / 1000;
          const reported = durationQuantile(waits(ms), q) ?? Number.NaN;
          expect(reported).toBeGreaterThanOrEqual(exact);
          expect(reported - exact).toBeLessThan(1);
        },
      ),
    );
  });

  it('merges exactly: the merge of two histograms is the histogram of both lists', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 * 86_400_000 })),
        fc.array(fc.integer({ min: 0, max: 100 * 86_400_000 })),
        (a, b) => {
          expect(mergeHistograms(waits(a), waits(b))).toEqual(waits([...a, ...b]));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('names the threshold rule when a quantile is asked wrongly', () => {
    try {
      durationQuantile(emptyHistogram(), -1);
    } catch (error) {
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
    }
  });
});
