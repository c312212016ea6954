import { CalendarDate, EntityId, Instant, Locale, Money, TimeZone } from '@frontline/core';
import { ContactChannel, CustomerKind, SegmentTag } from '@frontline/core/service-desk';
import { z } from 'zod';

/**
 * A free host tag on a profile (`newsletter-2025`, `Churn risk`): 1–100 characters, compared exactly.
 * @category Segments
 */
export const ProfileTag = z.string().min(1).max(100);

/**
 * The facts about a customer a segment filter can ask about, as the host or the planner assembles them from
 * the customer, the contracts and the contact history. Field by field:
 * - `customerId` — the customer's id; `kind` — `person` (magánszemély) or `organisation`;
 * - `birthDate` — a person's birth date (`YYYY-MM-DD`);
 * - `tags` — free host tags; `segmentTags` — the customer's segment tags (`vip`, `b2b`, core's `SegmentTag`);
 * - `customerSince` — the first day of the relationship (ügyfél kezdete), the base of tenure;
 * - `contractStart` — the start of the current contract (szerződéskötés);
 * - `value` — lifetime value as money, integer minor units and a currency (never a float);
 * - `contactCount` — how many contacts the host counts for the customer (frequency, for RFM scoring);
 * - `lastContactAt` — the instant of the last contact;
 * - `preferredChannel` — `phone`, `sms`, `email`, `letter` or `chat` (core's `ContactChannel`);
 * - `county` (megye), `postalCode` (irányítószám) — where the customer lives, compared as written;
 * - `language` — `hu` or `en`; `timeZone` — the IANA zone whose calendar dates tenure and age are counted in
 *   (`Europe/Budapest` when absent).
 *
 * Every field but `customerId` and `kind` may be absent; a condition on an absent field does not match
 * (only `exists: false` does). Unknown keys are refused.
 * @category Segments
 */
export const SegmentProfile = z.strictObject({
  customerId: EntityId,
  kind: CustomerKind,
  birthDate: CalendarDate.optional(),
  tags: z.array(ProfileTag).max(200).default([]),
  segmentTags: z.array(SegmentTag).max(50).default([]),
  customerSince: CalendarDate.optional(),
  contractStart: CalendarDate.optional(),
  value: Money.optional(),
  contactCount: z.int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  lastContactAt: Instant.optional(),
  preferredChannel: ContactChannel.optional(),
  county: z.string().min(1).max(100).optional(),
  postalCode: z.string().min(1).max(20).optional(),
  language: Locale.optional(),
  timeZone: TimeZone.optional(),
});
/** A profile as given (tag lists optional, instants as `Date` or ISO strings). @category Segments */
export type SegmentProfileInput = z.input<typeof SegmentProfile>;
/** @category Segments */
export type SegmentProfile = z.output<typeof SegmentProfile>;
