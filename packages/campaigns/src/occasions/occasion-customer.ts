import { CalendarDate, TimeZone } from '@frontline/core';
import { z } from 'zod';

/**
 * What a dated anniversary counts from: a contract's start (szerződéskötés), the day someone became a customer
 * (ügyfél óta), or a date the host names (`label`).
 * @category Occasions
 */
export const AnniversaryKind = z.enum(['contract', 'customerSince', 'custom']);
/** @category Occasions */
export type AnniversaryKind = z.infer<typeof AnniversaryKind>;

/**
 * A date whose yearly return is an occasion.
 * @category Occasions
 */
export const AnniversaryDate = z.strictObject({
  kind: AnniversaryKind,
  /** The first day (the contract start, the customer-since date), `YYYY-MM-DD`. */
  date: CalendarDate,
  /** What the date is, for the host and the message (`"Premium plan"`). */
  label: z.string().min(1).max(200).optional(),
});
/** @category Occasions */
export type AnniversaryDate = z.infer<typeof AnniversaryDate>;

/**
 * The facts about a customer the occasion calendar needs, all calendar dates: the time zone that decides the
 * customer's "today" (`Europe/Budapest` when absent), given names for name days (one name an entry; a name the
 * calendar does not list has no name day), a birth date, and anniversary dates. Unknown keys are refused.
 * @category Occasions
 */
export const OccasionCustomer = z.strictObject({
  timeZone: TimeZone.optional(),
  givenNames: z.array(z.string().max(200)).max(10).default([]),
  birthDate: CalendarDate.optional(),
  anniversaries: z.array(AnniversaryDate).max(100).default([]),
});
/** The customer as given (defaults not yet applied). @category Occasions */
export type OccasionCustomerInput = z.input<typeof OccasionCustomer>;
/** @category Occasions */
export type OccasionCustomer = z.output<typeof OccasionCustomer>;
