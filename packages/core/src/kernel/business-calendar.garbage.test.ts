import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrontlineError } from '../errors/frontline-error';
import {
  addBusinessDays,
  addBusinessHours,
  addBusinessMilliseconds,
  addBusinessMinutes,
  type BusinessCalendar,
  businessTimeBetween,
  createBusinessCalendar,
  isWorkingDay,
  isWorkingTime,
  nextWorkingTime,
  workingIntervals,
} from './business-calendar';
import { businessCalendarCoverage } from './business-calendar-coverage';
import { type BusinessCalendarDefinitionInput, WEEKDAYS, type Weekday } from './business-calendar-definition';
import { hungarianBusinessCalendar } from './business-calendar-hungary';
import { upgradeCalendarDefinition } from './business-calendar-upgrade';

const ZONE = 'Europe/Budapest';
const split = ['08:00-12:00', '12:30-16:30'];
const office = hungarianBusinessCalendar({
  hours: { monday: split, tuesday: split, wednesday: split, thursday: split, friday: split },
});
const instantIn = fc
  .integer({ min: Date.UTC(2013, 0, 2), max: Date.UTC(2040, 0, 1) })
  .map((t) => new Date(t));

describe('business calendar: garbage', () => {
  it('(d) garbage into every public function gives a result or a FrontlineError, never a TypeError', () => {
    const garbage = fc.anything({ withDate: true, withNullPrototype: true, withBigInt: true, withMap: true });
    const anyInstant = fc.oneof(
      garbage,
      fc.date({ noInvalidDate: false }),
      instantIn,
      fc.constantFrom('2026-03-02T08:00:00Z', '2026-03-02', 'not a date', '9999-12-31T23:59:59Z'),
    );
    const anyNumber = fc.oneof(garbage, fc.double(), fc.integer(), fc.integer({ min: -1000, max: 1000 }));
    const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
      fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: bad, weight: 1 });
    const anyDefinition = fc.oneof(
      { arbitrary: garbage, weight: 1 },
      {
        weight: 4,
        arbitrary: fc.record(
          {
            zone: mostly(fc.constantFrom(ZONE, 'UTC', 'America/Santiago', 'Asia/Kathmandu'), fc.string()),
            hours: fc.dictionary(
              mostly(fc.constantFrom(...WEEKDAYS), fc.constantFrom('funday', '')),
              fc.array(
                mostly(
                  fc.constantFrom('08:00-12:00', '00:00-24:00', '23:59-24:00', '02:15-02:45', '13:00-17:30'),
                  fc.oneof(
                    fc.constantFrom('12:00-08:00', '24:00-24:00', '08:00-08:00'),
                    fc.string(),
                    fc.record({ start: fc.string(), end: fc.string() }),
                  ),
                ),
                { maxLength: 1 },
              ),
              { maxKeys: 7 },
            ),
            holidays: fc.array(
              mostly(fc.constantFrom('2026-01-01', '2026-03-02'), fc.constantFrom('2026-02-30', 'x')),
              {
                maxLength: 3,
              },
            ),
            extraWorkingDays: fc.array(
              fc.record({
                date: mostly(fc.constantFrom('2026-01-10', '2026-01-11'), fc.constant('x')),
                hours: mostly(fc.constantFrom<Weekday | string[]>('monday', ['09:00-10:00']), garbage),
              }),
              { maxLength: 1 },
            ),
            publicHolidays: mostly(
              fc.record(
                {
                  source: mostly(fc.constant('hu'), fc.constantFrom('de', '')),
                  swaps: mostly(fc.boolean(), garbage),
                  workingSaturdayHours: mostly(
                    fc.constantFrom('as-rest-day', 'monday', ['09:00-10:00']),
                    garbage,
                  ),
                  uncoveredYears: mostly(fc.constantFrom('statutory-only', 'refuse'), garbage),
                },
                { requiredKeys: ['source'] },
              ),
              garbage,
            ),
            coverage: fc.record({
              from: mostly(
                fc.constantFrom('2020-01-01', '1900-01-01'),
                fc.constantFrom('1800-01-01', '2026-13-01'),
              ),
              to: mostly(fc.constantFrom('2027-12-31', '9999-12-31'), fc.constantFrom('2019-01-01', 'x')),
            }),
          },
          { requiredKeys: ['zone', 'hours'] },
        ),
      },
    );
    const anyCalendar = fc.oneof(fc.constant(office), garbage);

    const attempts: ((cal: unknown, a: unknown, b: unknown, n: unknown) => unknown)[] = [
      (cal, a) => isWorkingTime(cal as BusinessCalendar, a as Date),
      (cal, a) => nextWorkingTime(cal as BusinessCalendar, a as Date),
      (cal, a, _b, n) => addBusinessMilliseconds(cal as BusinessCalendar, a as Date, n as number),
      (cal, a, _b, n) => addBusinessMinutes(cal as BusinessCalendar, a as Date, n as number),
      (cal, a, _b, n) => addBusinessHours(cal as BusinessCalendar, a as Date, n as number),
      (cal, a, _b, n) => addBusinessDays(cal as BusinessCalendar, a as Date, n as number),
      (cal, a, b) => businessTimeBetween(cal as BusinessCalendar, a as Date, b as Date),
      (cal, a) => isWorkingDay(cal as BusinessCalendar, a as Date),
      (cal, a) => workingIntervals(cal as BusinessCalendar, a as string),
      (cal, _a, _b, n) => businessCalendarCoverage(cal as BusinessCalendar, n as number),
    ];
    const check = (run: () => unknown) => {
      let result: unknown;
      try {
        result = run();
      } catch (error) {
        if (!FrontlineError.is(error)) throw error;
        return;
      }
      if (result instanceof Date) expect(Number.isNaN(result.getTime())).toBe(false);
      if (typeof result === 'number') expect(Number.isFinite(result)).toBe(true);
    };

    fc.assert(
      fc.property(anyCalendar, anyInstant, anyInstant, anyNumber, (cal, a, b, n) => {
        for (const attempt of attempts) check(() => attempt(cal, a, b, n));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(anyDefinition, anyInstant, anyNumber, (definition, a, n) => {
        let calendar: BusinessCalendar | undefined;
        check(() => {
          calendar = createBusinessCalendar(definition as BusinessCalendarDefinitionInput);
        });
        if (calendar) for (const attempt of attempts) check(() => attempt(calendar, a, a, n));
        check(() => hungarianBusinessCalendar(definition as { hours: Record<string, string[]> }));
        check(() => upgradeCalendarDefinition(definition as BusinessCalendarDefinitionInput));
      }),
      { numRuns: 300 },
    );
  });
});
