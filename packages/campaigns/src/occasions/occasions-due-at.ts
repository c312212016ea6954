import { BUDAPEST, parseInput } from '@frontline/core';
import { localDateOf } from '../calendar/local-date-of';
import type { Occasion } from './occasion';
import { OccasionCustomer, type OccasionCustomerInput } from './occasion-customer';
import { OccasionOptions, type OccasionOptionsInput } from './occasion-options';
import { occasionsOfDay } from './occasions-of-day';

/**
 * The occasions of a customer due at an instant: the instant is turned into the customer's local date in the
 * customer's time zone (`Europe/Budapest` when the customer has none), then {@link occasionsOn} applies. Pass
 * the `Clock` port's now; a run just after midnight UTC finds a Budapest customer's day already begun.
 * @throws ValidationError for an unknown zone at `['customer', 'timeZone']`, a bad instant at `['instant']`.
 * @example occasionsDueAt(clock.now(), { timeZone: 'America/Los_Angeles', birthDate: '1990-03-02' })
 * @category Occasions
 */
export function occasionsDueAt(
  instant: Date | string,
  customer: OccasionCustomerInput,
  options: OccasionOptionsInput = {},
): Occasion[] {
  const c = parseInput(OccasionCustomer, customer, 'customer', ['customer']);
  const o = parseInput(OccasionOptions, options, 'occasion options', ['options']);
  return occasionsOfDay(localDateOf(instant, c.timeZone ?? BUDAPEST), c, o);
}
