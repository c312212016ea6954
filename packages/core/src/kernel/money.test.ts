import {
  addMoney,
  allocateMoney,
  compareMoney,
  currencyExponent,
  FrontlineError,
  formatMoney,
  fromMajor,
  minMoney,
  money,
  multiplyMoney,
  prorate,
  subtractMoney,
  toMajorString,
} from '@frontline/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const huf = (amount: number) => money(amount, 'HUF');

describe('money', () => {
  it('keeps amounts as integer minor units with ISO 4217 exponents', () => {
    expect(currencyExponent('HUF')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(fromMajor('1990', 'HUF')).toEqual({ amount: 199_000, currency: 'HUF' });
    expect(fromMajor('12.345', 'EUR')).toEqual({ amount: 1234, currency: 'EUR' });
    expect(fromMajor('12.355', 'EUR', 'half-up')).toEqual({ amount: 1236, currency: 'EUR' });
    expect(fromMajor(0.1, 'EUR')).toEqual({ amount: 10, currency: 'EUR' });
    expect(toMajorString(money(-5, 'EUR'))).toBe('-0.05');
    expect(toMajorString(money(12, 'JPY'))).toBe('12');
  });

  it('refuses floats, unknown currencies and mixing currencies', () => {
    expect(() => money(1.5, 'HUF')).toThrow(/amount/);
    expect(() => money(1, 'XYZ')).toThrow(/ISO 4217/);
    expect(() => money(1, 'huf')).toThrow(/three capital letters/);
    expect(() => addMoney(huf(1), money(1, 'EUR'))).toThrow(/Cannot add HUF and EUR/);
    expect(() => fromMajor('1e5', 'EUR')).toThrow(/decimal/);
  });

  it('rounds with each named mode', () => {
    const cases: [string, number[]][] = [
      ['half-even', [2, 2, -2, -2, 3]],
      ['half-up', [3, 2, -3, -2, 3]],
      ['half-down', [2, 2, -2, -2, 3]],
      ['up', [3, 3, -3, -3, 3]],
      ['down', [2, 2, -2, -2, 2]],
      ['ceil', [3, 3, -2, -2, 3]],
      ['floor', [2, 2, -3, -3, 2]],
    ];
    // 2.5, 2.2, -2.5, -2.2, 2.7 minor units
    for (const [mode, expected] of cases) {
      const got = [
        [25, '0.1'],
        [22, '0.1'],
        [-25, '0.1'],
        [-22, '0.1'],
        [27, '0.1'],
      ].map(([a, f]) => multiplyMoney(money(a as number, 'EUR'), f as string, mode as never).amount);
      expect(got, mode).toEqual(expected);
    }
  });

  it('multiplies exactly before rounding (no float drift)', () => {
    expect(multiplyMoney(money(30, 'EUR'), 0.1).amount).toBe(3); // 0.1 is read as the decimal it prints as
    expect(multiplyMoney(money(1_000_000_000_000, 'EUR'), 0.3).amount).toBe(300_000_000_000);
    expect(multiplyMoney(huf(100_000), '0.27', 'half-up')).toEqual(huf(27_000));
    expect(multiplyMoney(money(1_000_000_000, 'EUR'), '1.000000001')).toEqual(money(1_000_000_001, 'EUR'));
  });

  it('prorates a monthly fee over days', () => {
    expect(prorate(huf(300_000), 10, 30)).toEqual(huf(100_000));
    expect(prorate(huf(100), 1, 3)).toEqual(huf(33));
    expect(() => prorate(huf(100), 1, 0)).toThrow(/whole/);
  });

  it('allocates without losing a minor unit', () => {
    expect(allocateMoney(money(1000, 'EUR'), [1, 1, 1]).map((m) => m.amount)).toEqual([334, 333, 333]);
    expect(allocateMoney(money(-1000, 'EUR'), [1, 1, 1]).map((m) => m.amount)).toEqual([-334, -333, -333]);
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
          .filter((r) => r.some((x) => x > 0)),
        (amount, ratios) => {
          const parts = allocateMoney(money(amount, 'EUR'), ratios);
          expect(parts.reduce((s, p) => s + p.amount, 0)).toBe(amount);
          const total = ratios.reduce((s, r) => s + r, 0);
          parts.forEach((p, i) => {
            expect(Math.abs(p.amount - (amount * ratios[i]!) / total)).toBeLessThan(1 + 1e-6);
          });
        },
      ),
    );
  });

  it('compares, subtracts and picks the smaller amount', () => {
    expect(compareMoney(huf(5), huf(7))).toBe(-1);
    expect(subtractMoney(huf(5), huf(7))).toEqual(huf(-2));
    expect(minMoney(huf(500), huf(300))).toEqual(huf(300));
  });

  it('formats forints as whole forints in Hungarian and English', () => {
    // Hungarian typography (CLDR minimumGroupingDigits 2) groups from five digits on
    expect(formatMoney(huf(199_000), 'hu').replace(/\s/g, ' ')).toBe('1990 Ft');
    expect(formatMoney(huf(1_999_000), 'hu').replace(/\s/g, ' ')).toBe('19 990 Ft');
    expect(formatMoney(huf(199_000), 'en').replace(/\s/g, ' ')).toBe('HUF 1,990');
    expect(formatMoney(money(1250, 'EUR'), 'hu').replace(/\s/g, ' ')).toBe('12,50 EUR');
  });

  it('returns a valid result or throws a FrontlineError for any input (property)', () => {
    const anything = fc.anything();
    const fns: ((a: unknown, b: unknown) => unknown)[] = [
      (a, b) => money(a as number, b as string),
      (a, b) => fromMajor(a as string, b as string),
      (a, b) => addMoney(a as never, b as never),
      (a, b) => multiplyMoney(a as never, b as string),
      (a, b) => allocateMoney(a as never, b as number[]),
      (a, b) => formatMoney(a as never, b as string),
      (a) => toMajorString(a as never),
      (a, b) => prorate(a as never, b as number, 3),
    ];
    fc.assert(
      fc.property(
        fc.nat(fns.length - 1),
        fc.oneof(anything, fc.record({ amount: fc.integer(), currency: fc.constantFrom('HUF', 'EUR', 'X') })),
        anything,
        (i, a, b) => {
          try {
            fns[i]!(a, b);
          } catch (error) {
            expect(FrontlineError.is(error), String(error)).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
