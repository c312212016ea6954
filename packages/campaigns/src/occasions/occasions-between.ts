import { type CalendarDate, parseInput } from '@frontline/core';
import { z } from 'zod';
import { addDaysToDate, daysFromTo } from '../calendar/calendar-day';
import { DateInRange } from '../calendar/year';
import type { Occasion } from './occasion';
import { OccasionCustomer, type OccasionCustomerInput } from './occasion-customer';
import { OccasionOptions, type OccasionOptionsInput } from './occasion-options';
import { occasionsOfDay } from './occasions-of-day';

/** The longest span one call plans: ten years of days. */
const MAX_DAYS = 3660;

const Span = z
  .object({ from: DateInRange, to: DateInRange })
  .refine(({ from, to }) => from <= to, { message: 'Must not be before "from"', path: ['to'] })
  .refine(({ from, to }) => daysFromTo(from, to) < MAX_DAYS, {
    message: `At most ${MAX_DAYS} days from "from"`,
    path: ['to'],
  });

/**
 * The occasions of a customer due on each day from `from` to `to` (both included), in due-date order: the same
 * answer as {@link occasionsOn} day by day, so consecutive planning runs never skip or repeat an occasion.
 * @throws ValidationError when a date is malformed, `to` is before `from` or more than 3660 days after it, or
 *   the customer or options are invalid.
 * @example occasionsBetween('2026-01-01', '2026-12-31', { birthDate: '2000-02-29' }) // one birthday, on 02-28
 * @category Occasions
 */
export function occasionsBetween(
  from: string,
  to: string,
  customer: OccasionCustomerInput,
  options: OccasionOptionsInput = {},
): Occasion[] {
  const span = parseInput(Span, { from, to }, 'period');
  const c = parseInput(OccasionCustomer, customer, 'customer', ['customer']);
  const o = parseInput(OccasionOptions, options, 'occasion options', ['options']);
  const found: Occasion[] = [];
  const days = daysFromTo(span.from, span.to);
  for (let i = 0; i <= days; i++)
    found.push(...occasionsOfDay(addDaysToDate(span.from, i) as CalendarDate, c, o));
  return found;
}
