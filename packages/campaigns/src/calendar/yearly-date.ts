import type { CalendarDate } from '@frontline/core';
import { formatDate, isLeapYear, partsOf } from './calendar-day';
import type { LeapDayPolicy } from './leap-day-policy';

/**
 * The date in `year` of a yearly occasion that began on `date`: the same month and day, except that
 * 29 February falls on 28 February or 1 March of a common year, as `policy` says.
 * @example yearlyDateIn('2000-02-29', 2023, 'mar1') // '2023-03-01'
 * @category Calendar
 */
export function yearlyDateIn(date: CalendarDate | string, year: number, policy: LeapDayPolicy): CalendarDate {
  const { month, day } = partsOf(date);
  if (month === 2 && day === 29 && !isLeapYear(year)) {
    return policy === 'feb28'
      ? formatDate({ year, month: 2, day: 28 })
      : formatDate({ year, month: 3, day: 1 });
  }
  return formatDate({ year, month, day });
}
