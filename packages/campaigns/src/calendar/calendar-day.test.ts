import { addDaysToDate, daysFromTo, daysInMonth, isLeapYear, yearlyDateIn } from '@frontline/campaigns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const DAY = 86_400_000;

describe('calendar-day arithmetic', () => {
  it('adds days as the UTC calendar does, across months, leap days and centuries', () => {
    const utc = (date: string, days: number) =>
      new Date(Date.parse(date) + days * DAY).toISOString().slice(0, 10);
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1900-01-01T00:00:00Z'),
          max: new Date('2400-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: -800, max: 800 }),
        (d, days) => {
          const date = d.toISOString().slice(0, 10);
          expect(addDaysToDate(date, days)).toBe(utc(date, days));
          expect(daysFromTo(date, addDaysToDate(date, days))).toBe(days);
        },
      ),
    );
  });

  it('knows the Gregorian leap years', () => {
    expect([1900, 2000, 2024, 2026, 2100, 2400].map(isLeapYear)).toEqual([
      false,
      true,
      true,
      false,
      false,
      true,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
  });
});

describe('yearlyDateIn', () => {
  it('keeps the month and day, and puts 29 February on 28 February or 1 March of a common year', () => {
    expect(yearlyDateIn('1990-08-20', 2026, 'feb28')).toBe('2026-08-20');
    expect(yearlyDateIn('2000-02-29', 2024, 'feb28')).toBe('2024-02-29');
    expect(yearlyDateIn('2000-02-29', 2026, 'feb28')).toBe('2026-02-28');
    expect(yearlyDateIn('2000-02-29', 2026, 'mar1')).toBe('2026-03-01');
    expect(yearlyDateIn('2000-02-29', 2100, 'mar1')).toBe('2100-03-01');
  });
});
