import { addDaysToDate, type LeapDayPolicy, occasionsBetween } from '@frontline/campaigns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const birthDate = fc.integer({ min: 0, max: 365 * 499 }).map((n) => addDaysToDate('1900-01-01', n));
const leapling = fc.constantFrom(1904, 1996, 2000, 2024, 2096, 2104, 2396).map((y) => `${y}-02-29`);
const policy = fc.constantFrom<LeapDayPolicy>('feb28', 'mar1');

describe('birthdays', () => {
  it('fall exactly once in every year after the birth year, for any lead time and either policy', () => {
    fc.assert(
      fc.property(
        fc.oneof(birthDate, leapling),
        fc.integer({ min: 1901, max: 2400 }),
        fc.integer({ min: 0, max: 366 }),
        policy,
        (born, year, leadDays, leapDayPolicy) => {
          fc.pre(Number(born.slice(0, 4)) < year);
          // The planning days whose occasions fall in `year`: Jan 1 − lead … Dec 31 − lead.
          const from = addDaysToDate(`${year}-01-01`, -leadDays);
          const to = addDaysToDate(`${year}-12-31`, -leadDays);
          const found = occasionsBetween(from, to, { birthDate: born }, { leadDays, leapDayPolicy });
          expect(found).toHaveLength(1);
          const [birthday] = found;
          expect(birthday).toMatchObject({ kind: 'birthday', number: year - Number(born.slice(0, 4)) });
          expect(birthday?.date.startsWith(String(year))).toBe(true);
          expect(birthday?.dueDate).toBe(addDaysToDate(birthday?.date ?? '', -leadDays));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('of 29 February are never skipped and never doubled over a run of years, leap and common', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2390 }), policy, (start, leapDayPolicy) => {
        const found = occasionsBetween(
          `${start}-01-01`,
          `${start + 9}-12-31`,
          { birthDate: '1896-02-29' },
          {
            leapDayPolicy,
          },
        );
        expect(found.map((o) => o.date.slice(0, 4))).toEqual(
          Array.from({ length: 10 }, (_, i) => String(start + i)),
        );
      }),
      { numRuns: 30 },
    );
  });
});
