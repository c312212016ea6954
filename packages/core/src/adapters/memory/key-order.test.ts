import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareKeys } from './key-order';

const byCodePoints = (a: string, b: string) => {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

describe('index key order', () => {
  it('orders numbers before strings, numbers numerically', () => {
    expect([10, 'a', 2, 'B', -1].sort(compareKeys)).toEqual([-1, 2, 10, 'B', 'a']);
  });

  it('orders strings by code point, as PostgreSQL\'s "C" collation does, also above U+FFFF', () => {
    expect(compareCodePoints('\u{1F600}', '\uFFFD')).toBeGreaterThan(0); // code units would say the opposite
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byCodePoints(a, b)));
      }),
      { numRuns: 2000 },
    );
  });
});
