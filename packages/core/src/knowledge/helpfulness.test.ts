import { FrontlineError } from '@frontline/core';
import { helpfulnessBoost, wilsonLowerBound } from '@frontline/core/service-desk';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

describe('wilsonLowerBound', () => {
  it('gives the 95 % lower bound of the Wilson score interval', () => {
    expect(wilsonLowerBound(9, 10)).toBeCloseTo(0.5958, 4);
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(0, 10)).toBe(0);
    expect(wilsonLowerBound(90, 100)).toBeGreaterThan(wilsonLowerBound(9, 10));
  });

  it('refuses more positives than votes, negatives and fractions', () => {
    for (const [k, n] of [
      [3, 2],
      [-1, 2],
      [1.5, 2],
    ] as const) {
      expect(() => wilsonLowerBound(k, n)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
    }
  });
});

describe('helpfulnessBoost', () => {
  it('is neutral without votes and stays within 0.5 and 1.5', () => {
    expect(helpfulnessBoost(0, 0)).toBe(1);
    expect(helpfulnessBoost(20, 1)).toBeCloseTo(1.38, 2);
    expect(helpfulnessBoost(1_000_000, 0)).toBeLessThanOrEqual(1.5);
    expect(helpfulnessBoost(0, 1_000_000)).toBeGreaterThanOrEqual(0.5);
    expect(helpfulnessBoost(5, 5)).toBeCloseTo(1, 10);
  });

  it('grows with each helpful vote and shrinks with each not-helpful one (property)', () => {
    fc.assert(
      fc.property(fc.nat(10_000), fc.nat(10_000), (h, n) => {
        const boost = helpfulnessBoost(h, n);
        expect(boost).toBeGreaterThanOrEqual(0.5);
        expect(boost).toBeLessThanOrEqual(1.5);
        expect(helpfulnessBoost(h + 1, n)).toBeGreaterThan(boost);
        expect(helpfulnessBoost(h, n + 1)).toBeLessThan(boost);
      }),
    );
  });

  it('trusts a long record more than one lucky vote', () => {
    expect(helpfulnessBoost(40, 4)).toBeGreaterThan(helpfulnessBoost(1, 0));
  });

  it('returns a number or throws a FrontlineError for any input (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        for (const call of [
          () => helpfulnessBoost(a as number, b as number),
          () => wilsonLowerBound(a as number, b as number),
        ]) {
          try {
            expect(Number.isFinite(call())).toBe(true);
          } catch (error) {
            expect(FrontlineError.is(error), String(error)).toBe(true);
          }
        }
      }),
    );
  });
});
