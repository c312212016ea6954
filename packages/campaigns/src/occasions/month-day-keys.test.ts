import {
  addDaysToDate,
  birthMonthDayKeys,
  dueMonthDayKeys,
  HUNGARIAN_NAME_DAYS,
  type LeapDayPolicy,
  occasionsOn,
} from '@frontline/campaigns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const ALL_KEYS = [...Object.keys(HUNGARIAN_NAME_DAYS), '02-29'].sort();
const policy = fc.constantFrom<LeapDayPolicy>('feb28', 'mar1');

describe('month-day keys', () => {
  it('index a customer under one key, its birth month-day', () => {
    expect(birthMonthDayKeys('1980-11-19')).toEqual(['11-19']);
    expect(birthMonthDayKeys('2000-02-29')).toEqual(['02-29']);
  });

  it('ask for 02-29 on the day that stands in for it in a common year, and only then', () => {
    expect(dueMonthDayKeys('2026-02-28')).toEqual(['02-28', '02-29']);
    expect(dueMonthDayKeys('2026-03-01', 0, 'mar1')).toEqual(['03-01', '02-29']);
    expect(dueMonthDayKeys('2026-03-01')).toEqual(['03-01']);
    expect(dueMonthDayKeys('2024-02-28')).toEqual(['02-28']);
    expect(dueMonthDayKeys('2024-02-29')).toEqual(['02-29']);
    expect(dueMonthDayKeys('2026-02-25', 3)).toEqual(['02-28', '02-29']);
  });

  it('of consecutive planning days make each month-day due exactly once for a year of occasions', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2400 }),
        fc.integer({ min: 0, max: 366 }),
        policy,
        (year, lead, p) => {
          const due: string[] = [];
          const last = addDaysToDate(`${year}-12-31`, -lead);
          for (let day = addDaysToDate(`${year}-01-01`, -lead); day <= last; day = addDaysToDate(day, 1)) {
            due.push(...dueMonthDayKeys(day, lead, p));
          }
          expect(due.sort()).toEqual(ALL_KEYS);
        },
      ),
      { numRuns: 80 },
    );
  });

  it('find a customer on exactly the days occasionsOn gives the birthday', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 365 * 400 }).map((n) => addDaysToDate('1900-01-01', n)),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 30 }),
        policy,
        (born, after, leadDays, leapDayPolicy) => {
          const day = addDaysToDate(born, after + 366);
          const found = dueMonthDayKeys(day, leadDays, leapDayPolicy).includes(
            birthMonthDayKeys(born)[0] ?? '',
          );
          const birthday = occasionsOn(day, { birthDate: born }, { leadDays, leapDayPolicy });
          expect(found).toBe(birthday.length === 1);
        },
      ),
    );
  });
});
