import { defineCollection } from '../ports/storage';
import { ConsentRecord } from './consent';
import { birthMonthDay, Customer } from './customer.schema';
import { customerNameKeys } from './name-keys';

/**
 * The `customers` collection. Indexes, for the hot lookups:
 * - `phone` — every phone contact point in E.164 (multi-entry): caller ID when a call comes in;
 * - `email` — every e-mail address, lower-cased (multi-entry): matching an inbound e-mail;
 * - `birth_month_day` — `MM-DD` of the birth date: a day's birthday campaign;
 * - `segment` — every segment tag (multi-entry);
 * - `external_ref` — the host's customer number, unique;
 * - `name` — the name folded without accents, "family given" and "given family" (multi-entry): search by name;
 * - `retain_until` — when an erased stub may finally be deleted (`sweepRetained` ranges on it);
 * - `consents_retain_until` — when an erased customer's consent history may go, until it has gone.
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
    name: { key: customerNameKeys },
    retain_until: { key: (c) => c.erasure?.retainUntil },
    consents_retain_until: {
      key: (c) => (c.erasure && !c.erasure.consentsRemovedAt ? c.erasure.consentsRetainUntil : null),
    },
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
