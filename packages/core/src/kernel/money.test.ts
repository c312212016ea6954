import {
  addMoney,
  allocateMoney,
  compareMoney,
  currencyExponent,
  type FieldIssue,
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

  it('refuses a factor or value that is neither a string nor a number, even one whose toString is not a function', () => {
    // seed 1789671017 found it: String([{ toString: 0 }]) throws a TypeError inside the factor parser
    const notDecimals: unknown[] = [
      [{ toString: 0 }],
      { toString: 0 },
      Object.create(null),
      5n,
      Object(1),
      Symbol('x'),
      null,
    ];
    for (const bad of notDecimals) {
      expectValidation(() => multiplyMoney(huf(0), bad as string), ['factor']);
      expectValidation(() => fromMajor(bad as string, 'HUF'), ['value']);
    }
    expect(() => multiplyMoney(huf(0), [{ toString: 0 }] as never)).toThrow(
      'Invalid factor: expected a finite decimal number (e.g. "12.34"), got an array.',
    );
  });

  it('reads tiny and huge numbers as the decimal they print as', () => {
    expect(fromMajor(1e-25, 'EUR', 'up')).toEqual(money(1, 'EUR'));
    expect(fromMajor(-5e-324, 'EUR', 'floor')).toEqual(money(-1, 'EUR'));
    expect(fromMajor(1e-7, 'EUR', 'half-even')).toEqual(money(0, 'EUR'));
    expect(multiplyMoney(money(0, 'EUR'), 1e21)).toEqual(money(0, 'EUR'));
    expectValidation(() => fromMajor(1e21, 'JPY'), ['amount']);
  });

  it('keeps each share within one minor unit of its exact part when the ratios sum past 2^53', () => {
    // found by the safe-integer allocation property: the float sum of the ratios was 2 too large
    const ratios = [8_137_619_762_167_052, 1_289_189_815_419_907, 1_043_600_458_613_243];
    const parts = allocateMoney(money(5_956_184_835_444_157, 'EUR'), ratios).map((p) => p.amount);
    expect(parts).toEqual([4_629_156_571_371_482, 733_366_964_814_661, 593_661_299_258_014]);
  });

  it('formats the last cent of the largest amounts', () => {
    expect(formatMoney(money(Number.MAX_SAFE_INTEGER, 'EUR'), 'en')).toBe('€90,071,992,547,409.91');
    expect(formatMoney(money(-Number.MAX_SAFE_INTEGER, 'EUR'), 'en')).toBe('-€90,071,992,547,409.91');
  });

  it('names the bad argument in the path of every validation error', () => {
    expectValidation(() => money(1.5, 'HUF'), ['amount']);
    expectValidation(() => money(1, 'huf'), ['currency']);
    expectValidation(() => currencyExponent('XYZ'), ['currency']);
    expectValidation(() => fromMajor('1', 'HUF', 'sideways' as never), ['rounding']);
    expectValidation(() => multiplyMoney(huf(1), '1', 'sideways' as never), ['rounding']);
    expectValidation(() => prorate(huf(1), -1, 3), ['part']);
    expectValidation(() => prorate(huf(1), 1, 0), ['whole']);
    expectValidation(() => allocateMoney(huf(1), [0, 0]), ['ratios']);
    expectValidation(() => allocateMoney(huf(1), [1, -1]), ['ratios', 1]);
    expectValidation(() => formatMoney(huf(1), 'not a locale'), ['locale']);
    expectValidation(() => formatMoney(huf(1), 'hu', { fractionDigits: 7 }), ['options', 'fractionDigits']);
    expectValidation(() => formatMoney(huf(1), 'hu', 'x' as never), ['options']);
    expectValidation(() => addMoney(huf(1), money(1, 'EUR')), ['currency']);
    expectValidation(() => toMajorString({ amount: 1 } as never), ['currency']);
  });

  it('returns a valid result or throws a ValidationError for any input (property)', () => {
    const anything = fc.anything({
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withObjectString: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    const fns: ((a: unknown, b: unknown, c: unknown) => unknown)[] = [
      (a, b) => money(a as number, b as string),
      (a) => currencyExponent(a as string),
      (a, b, c) => fromMajor(a as string, b as string, c as never),
      (a) => toMajorString(a as never),
      (a, b) => addMoney(a as never, b as never),
      (a, b) => subtractMoney(a as never, b as never),
      (a, b) => compareMoney(a as never, b as never),
      (a, b) => minMoney(a as never, b as never),
      (a, b, c) => multiplyMoney(a as never, b as string, c as never),
      (a, b, c) => prorate(a as never, b as number, c as number),
      (a, b, c) => prorate(a as never, 1, b as number, c as never),
      (a, b) => allocateMoney(a as never, b as number[]),
      (a, b, c) => formatMoney(a as never, b as string, c as never),
    ];
    const moneyLike = fc.record({
      amount: fc.integer(),
      currency: fc.constantFrom('HUF', 'EUR', 'JPY', 'X'),
    });
    const decimalLike = fc.oneof(fc.double(), fc.stringMatching(/^[+-]?\d{1,30}(\.\d{1,30})?$/));
    const argument = fc.oneof(
      anything,
      moneyLike,
      decimalLike,
      fc.constantFrom('HUF', 'hu', 'en', 'half-up'),
    );
    fc.assert(
      fc.property(fc.nat(fns.length - 1), argument, argument, argument, (i, a, b, c) => {
        try {
          fns[i]!(a, b, c);
        } catch (error) {
          expect(
            FrontlineError.is(error, 'VALIDATION'),
            error instanceof Error ? error.message : 'not an Error',
          ).toBe(true);
          const issues = (error as { issues: readonly FieldIssue[] }).issues;
          expect(issues.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('rounds any finite number by its mode, never losing a tiny fraction (property)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }), (n) => {
        const up = fromMajor(n, 'EUR', 'up').amount;
        const down = fromMajor(n, 'EUR', 'down').amount;
        expect(Math.sign(up)).toBe(n > 0 ? 1 : n < 0 ? -1 : 0);
        expect(Math.abs(up - down)).toBeLessThanOrEqual(1);
        expect(Math.abs(down)).toBeLessThanOrEqual(Math.abs(n * 100) + 1e-3);
      }),
      { numRuns: 1000 },
    );
  });

  it('allocates by any safe-integer ratios: the parts add up, each within a unit of its share (property)', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger(),
        fc.array(fc.maxSafeNat(), { minLength: 1, maxLength: 8 }).filter((r) => r.some((x) => x > 0)),
        (amount, ratios) => {
          const parts = allocateMoney(money(amount, 'EUR'), ratios);
          expect(parts.reduce((s, p) => s + BigInt(p.amount), 0n)).toBe(BigInt(amount));
          // |part − amount × ratio / total| < 1, in integers
          const total = ratios.reduce((s, r) => s + BigInt(r), 0n);
          parts.forEach((p, i) => {
            const off = BigInt(p.amount) * total - BigInt(amount) * BigInt(ratios[i]!);
            expect(off < 0n ? -off : off).toBeLessThan(total);
          });
        },
      ),
      { numRuns: 500 },
    );
  });
});

function expectValidation(run: () => unknown, path: readonly (string | number)[]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(FrontlineError.is(caught, 'VALIDATION'), 'a ValidationError').toBe(true);
  expect((caught as { issues: readonly FieldIssue[] }).issues.map((i) => i.path)).toContainEqual(path);
}
