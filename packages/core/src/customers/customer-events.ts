import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { CalendarDate } from '../kernel/instant';
import { defineEvent } from '../kit/define-event';
import { ConsentChannel, ConsentPurpose, ConsentSource } from './consent';
import { CustomerKind } from './customer.schema';
import { CustomerChanges } from './customer-inputs';

// Payloads carry ids, kinds, codes, counts and dates only: never a name, a phone, an e-mail, an address, a birth
// date or a consent's evidence reference. An update names the fields it changed, not their values.

/** The kind of a contact point. */
const ContactPointKind = z.enum(['phone', 'email', 'postal']);
const ContactPointRef = { contactPointId: EntityId, kind: ContactPointKind };

/**
 * `customer.registered.v1`: A customer was registered, with the ids and kinds of its contact points.
 * @category Customers
 */
export const CustomerRegistered = defineEvent({
  type: 'customer.registered.v1',
  description: 'A customer was registered, with the ids and kinds of its contact points.',
  payload: z.strictObject({
    kind: CustomerKind,
    contactPoints: z.array(z.strictObject({ id: EntityId, kind: ContactPointKind })),
  }),
});

/**
 * `customer.updated.v1`: Fields of a customer changed; the payload names the fields, never their values.
 * @category Customers
 */
export const CustomerUpdated = defineEvent({
  type: 'customer.updated.v1',
  description: 'Fields of a customer changed; the payload names the fields, never their values.',
  payload: z.strictObject({ fields: z.array(CustomerChanges.keyof()).min(1) }),
});

/**
 * `customer.contact_point_added.v1`: A phone, e-mail or postal address was added (its id and kind).
 * @category Customers
 */
export const CustomerContactPointAdded = defineEvent({
  type: 'customer.contact_point_added.v1',
  description: 'A phone, e-mail or postal address was added (its id and kind).',
  payload: z.strictObject(ContactPointRef),
});

/**
 * `customer.contact_point_removed.v1`: A contact point was removed; `preferredChannelCleared` when it was the
 * last one of the preferred channel.
 * @category Customers
 */
export const CustomerContactPointRemoved = defineEvent({
  type: 'customer.contact_point_removed.v1',
  description:
    'A contact point was removed; preferredChannelCleared when it was the last one of the preferred channel.',
  payload: z.strictObject({ ...ContactPointRef, preferredChannelCleared: z.boolean() }),
});

const ConsentStatement = z.strictObject({
  consentId: EntityId,
  purpose: ConsentPurpose,
  channel: ConsentChannel,
  source: ConsentSource,
});

/**
 * `consent.granted.v1`: A customer gave consent for a purpose on a channel (the history record's id).
 * @category Customers
 */
export const ConsentGranted = defineEvent({
  type: 'consent.granted.v1',
  description: 'A customer gave consent for a purpose on a channel (the history record is consentId).',
  payload: ConsentStatement,
});

/**
 * `consent.withdrawn.v1`: A consent was withdrawn (by the customer, or by an erasure: source `erasure`).
 * @category Customers
 */
export const ConsentWithdrawn = defineEvent({
  type: 'consent.withdrawn.v1',
  description: 'A consent was withdrawn (by the customer, or by an erasure: source "erasure").',
  payload: ConsentStatement,
});

/**
 * `customer.erased.v1`: A data subject was erased: the grants withdrawn, how long the stub and the consent
 * proofs are kept, and what each personal-data source anonymised and retained (counts).
 * @category Customers
 */
export const CustomerErased = defineEvent({
  type: 'customer.erased.v1',
  description:
    'A data subject was erased: grants withdrawn, retention dates of the stub and consent proofs, counts per source.',
  payload: z.strictObject({
    /** The registry number of the data subject's request, when given. */
    requestRef: z.string().optional(),
    withdrawnConsents: z.int().min(0),
    retainUntil: CalendarDate,
    consentsRetainUntil: CalendarDate,
    sources: z.array(
      z.strictObject({ name: z.string(), anonymised: z.int().min(0), retained: z.int().min(0) }),
    ),
  }),
});

/**
 * `customer.personal_data_exported.v1`: Everything held on a data subject was exported (the sources read).
 * @category Customers
 */
export const CustomerPersonalDataExported = defineEvent({
  type: 'customer.personal_data_exported.v1',
  description:
    'Everything held on a data subject was exported (the sources read, the consent records counted).',
  payload: z.strictObject({ sources: z.array(z.string()), consentRecords: z.int().min(0) }),
});

/**
 * `customer.consents_removed.v1`: A retention sweep deleted an erased customer's consent history.
 * @category Customers
 */
export const CustomerConsentsRemoved = defineEvent({
  type: 'customer.consents_removed.v1',
  description: "A retention sweep deleted an erased customer's consent history (how many records).",
  payload: z.strictObject({ consentRecords: z.int().min(0) }),
});

/**
 * `customer.stub_removed.v1`: A retention sweep deleted an erased customer's stub.
 * @category Customers
 */
export const CustomerStubRemoved = defineEvent({
  type: 'customer.stub_removed.v1',
  description: "A retention sweep deleted an erased customer's stub.",
  payload: z.strictObject({}),
});

/**
 * Every event the customer service records, for the composition root's catalogue.
 * @category Customers
 */
export const CUSTOMER_EVENTS = [
  CustomerRegistered,
  CustomerUpdated,
  CustomerContactPointAdded,
  CustomerContactPointRemoved,
  ConsentGranted,
  ConsentWithdrawn,
  CustomerErased,
  CustomerPersonalDataExported,
  CustomerConsentsRemoved,
  CustomerStubRemoved,
] as const;

/** Where a customer event is about: the customer. */
export const aboutCustomer = (customerId: string) => ({ entityType: 'customer', entityId: customerId });
