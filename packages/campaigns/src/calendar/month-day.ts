import type { CalendarDate } from '@frontline/core';
import { z } from 'zod';
import { pad2, partsOf } from './calendar-day';

/**
 * A day of the year without its year, `MM-DD` (`02-29` included): the key a birthday, a contract anniversary
 * or a name day is indexed and looked up by.
 * @category Calendar
 */
export const MonthDay = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Expected a month and day, MM-DD')
  .refine(
    (s) => !['02-30', '02-31', '04-31', '06-31', '09-31', '11-31'].includes(s),
    'No such day of the year',
  );
/** @category Calendar */
export type MonthDay = z.infer<typeof MonthDay>;

/**
 * The `MM-DD` of a calendar date.
 * @example monthDayOf('1990-08-20') // '08-20'
 * @category Calendar
 */
export function monthDayOf(date: CalendarDate | string): MonthDay {
  const { month, day } = partsOf(date);
  return `${pad2(month)}-${pad2(day)}`;
}
