import { addDaysToDate, daysInMonth, tenureOn } from '@frontline/campaigns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** `date` plus `months`, the day clamped to the last day of a shorter month. */
function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const date = fc.integer({ min: 0, max: 200 * 366 }).map((n) => addDaysToDate('1900-01-01', n));

describe('tenureOn', () => {
  it('completes a month on the same day, or on the last day of a shorter month', () => {
    expect(tenureOn('2020-01-31', '2020-02-28', 'months')).toBe(0);
    expect(tenureOn('2020-01-31', '2020-02-29', 'months')).toBe(1);
    expect(tenureOn('2021-01-31', '2021-02-28', 'months')).toBe(1);
    expect(tenureOn('2020-03-15', '2020-04-14', 'months')).toBe(0);
    expect(tenureOn('2020-03-15', '2020-04-15', 'months')).toBe(1);
  });

  it('completes the year of a 29 February date on 28 February of a common year', () => {
    expect(tenureOn('2000-02-29', '2001-02-27', 'years')).toBe(0);
    expect(tenureOn('2000-02-29', '2001-02-28', 'years')).toBe(1);
    expect(tenureOn('2000-02-29', '2004-02-28', 'years')).toBe(3);
    expect(tenureOn('2000-02-29', '2004-02-29', 'years')).toBe(4);
  });

  it('counts the whole months m with since + m months ≤ as-of < since + (m + 1) months, years as m ÷ 12', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [since, asOf] = a <= b ? [a, b] : [b, a];
        const m = tenureOn(since, asOf, 'months');
        expect(addMonthsClamped(since, m) <= asOf).toBe(true);
        expect(asOf < addMonthsClamped(since, m + 1)).toBe(true);
        expect(tenureOn(since, asOf, 'years')).toBe(Math.floor(m / 12));
      }),
    );
  });
});
