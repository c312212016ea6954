import { defineCollection } from '../ports/storage';
import { ConsentRecord } from './consent';
import { birthMonthDay, Customer } from './customer.schema';

/**
 * The `customers` collection. Indexes, for the hot lookups:
 * - `phone` — every phone contact point in E.164 (multi-entry): caller ID when a call comes in;
 * - `email` — every e-mail address, lower-cased (multi-entry): matching an inbound e-mail;
 * - `birth_month_day` — `MM-DD` of the birth date: a day's birthday campaign;
 * - `segment` — every segment tag (multi-entry);
 * - `external_ref` — the host's customer number, unique;
 * - `retain_until` — when an erased stub may finally be deleted (a retention job ranges on it).
 * @category Customers
 */
export const CustomerCollection = defineCollection<Customer>({
  name: 'customers',
  schema: Customer,
  indexes: {
    phone: { key: (c) => c.contactPoints.flatMap((p) => (p.kind === 'phone' ? [p.value] : [])) },
    email: {
      key: (c) => c.contactPoints.flatMap((p) => (p.kind === 'email' ? [p.value.toLowerCase()] : [])),
    },
    birth_month_day: { key: (c) => birthMonthDay(c.birthDate) },
    segment: { key: (c) => c.segmentTags },
    external_ref: { key: (c) => c.externalRef, unique: true },
    retain_until: { key: (c) => c.erasure?.retainUntil },
  },
});

/**
 * The `consents` collection: the append-only consent history, one row per statement, indexed by
 * `customer_id`. Kept apart from the customer so it can outlive the customer's erasure (it is the proof) and
 * grow without making the customer aggregate heavy; the customer carries the current state.
 * @category Customers
 */
export const ConsentCollection = defineCollection<ConsentRecord>({
  name: 'consents',
  schema: ConsentRecord,
  indexes: {
    customer_id: { key: (c) => c.customerId },
  },
});
