import { type CalendarDate, parseInput } from '@frontline/core';
import { DateInRange } from '../calendar/year';
import type { Occasion } from './occasion';
import { OccasionCustomer, type OccasionCustomerInput } from './occasion-customer';
import { OccasionOptions, type OccasionOptionsInput } from './occasion-options';
import { occasionsOfDay } from './occasions-of-day';

/**
 * The occasions of a customer due on a calendar date of the customer's own calendar: birthdays, name days and
 * anniversaries whose date is `date` plus the lead time. A 29 February date falls once in a common year, as the
 * leap-day policy says; the first occasion is the first return (the birth date itself is no birthday).
 * @param date - the planning day, `YYYY-MM-DD` in the customer's zone (see {@link occasionsDueAt} for an instant).
 * @throws ValidationError naming the bad field (`['date']`, `['customer', …]`, `['options', …]`).
 * @example
 * occasionsOn('2026-11-16', { givenNames: ['Erzsebet'], birthDate: '1980-11-19' }, { leadDays: 3 })
 * // [{ kind: 'birthday', date: '2026-11-19', dueDate: '2026-11-16', number: 46 },
 * //  { kind: 'nameDay', date: '2026-11-19', dueDate: '2026-11-16', name: 'Erzsébet', nameDayKind: 'main' }]
 * @category Occasions
 */
export function occasionsOn(
  date: string,
  customer: OccasionCustomerInput,
  options: OccasionOptionsInput = {},
): Occasion[] {
  const day = parseInput(DateInRange, date, 'date', ['date']) as CalendarDate;
  const c = parseInput(OccasionCustomer, customer, 'customer', ['customer']);
  const o = parseInput(OccasionOptions, options, 'occasion options', ['options']);
  return occasionsOfDay(day, c, o);
}
