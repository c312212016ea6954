import type { CalendarDate } from '@frontline/core';
import { daysInMonth, partsOf } from '../calendar/calendar-day';
import type { TenureUnit } from './segment-condition';

/**
 * Whole months or years from `since` to `asOf` (both calendar dates): the tenure of a customer, the age of a
 * person. A month is complete on the same day of a later month, or on that month's last day when it is
 * shorter (from 31 January, one month on 28/29 February; from 29 February, one year on 28 February, as the
 * occasion calendar's default `feb28` policy). A `since` after `asOf` gives a negative number (whole months
 * towards zero); a tenure condition never matches a date after the as-of day.
 * @example tenureOn('2020-01-31', '2020-02-29', 'months') // 1
 * @example tenureOn('2000-02-29', '2001-02-28', 'years') // 1
 * @category Segments
 */
export function tenureOn(
  since: CalendarDate | string,
  asOf: CalendarDate | string,
  unit: TenureUnit,
): number {
  if (since > asOf) return -tenureOn(asOf, since, unit);
  const s = partsOf(since);
  const a = partsOf(asOf);
  const completeDay = Math.min(s.day, daysInMonth(a.year, a.month));
  const months = (a.year - s.year) * 12 + (a.month - s.month) - (a.day < completeDay ? 1 : 0);
  return unit === 'months' ? months : Math.floor(months / 12);
}
