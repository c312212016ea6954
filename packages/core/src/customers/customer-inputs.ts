import { z } from 'zod';
import { Actor } from '../kernel/actor';
import { EmailAddress } from '../kernel/email';
import { EntityId } from '../kernel/id';
import { CalendarDate, Instant } from '../kernel/instant';
import { Locale } from '../kernel/locale';
import { PhoneNumber } from '../kernel/phone';
import { BUDAPEST, TimeZone } from '../kernel/time-zone';
import { ConsentChannel, ConsentPurpose, ConsentSource } from './consent';
import { ContactChannel, NewContactPoint } from './contact-point';
import { CustomerKind, NamePart, SegmentTag } from './customer.schema';

const OrganisationName = z.string().trim().min(1).max(200);
const ExternalRef = z.string().trim().min(1).max(100);
const TaxNumber = z.string().trim().min(1).max(30);

/**
 * Input of `registerCustomer`. A person needs `familyName`; an organisation `organisationName`. Phones may be
 * written any usual way (`06 30 123 4567`) and are stored in E.164. `customerSince` defaults to today in the
 * customer's zone; `id` to a new id.
 * @category Customers
 */
export const RegisterCustomerInput = z.strictObject({
  actor: Actor,
  id: EntityId.optional(),
  kind: CustomerKind.default('person'),
  familyName: NamePart.optional(),
  givenNames: z.array(NamePart).max(5).default([]),
  organisationName: OrganisationName.optional(),
  contactPoints: z.array(NewContactPoint).max(30).default([]),
  preferredChannel: ContactChannel.optional(),
  locale: Locale.default('hu'),
  timeZone: TimeZone.default(BUDAPEST),
  birthDate: CalendarDate.optional(),
  segmentTags: z.array(SegmentTag).max(50).default([]),
  customerSince: CalendarDate.optional(),
  externalRef: ExternalRef.optional(),
  taxNumber: TaxNumber.optional(),
});
/** @category Customers */
export type RegisterCustomerInput = z.input<typeof RegisterCustomerInput>;

/**
 * The fields `updateCustomer` may change; a field left out stays, `null` clears an optional one. The kind,
 * the contact points (see `addContactPoint`/`removeContactPoint`) and the consents (see `recordConsent`) have
 * their own commands.
 * @category Customers
 */
export const CustomerChanges = z.strictObject({
  familyName: NamePart.optional(),
  givenNames: z.array(NamePart).max(5).optional(),
  organisationName: OrganisationName.optional(),
  preferredChannel: ContactChannel.nullable().optional(),
  locale: Locale.optional(),
  timeZone: TimeZone.optional(),
  birthDate: CalendarDate.nullable().optional(),
  segmentTags: z.array(SegmentTag).max(50).optional(),
  customerSince: CalendarDate.optional(),
  externalRef: ExternalRef.nullable().optional(),
  taxNumber: TaxNumber.nullable().optional(),
});
/** @category Customers */
export type CustomerChanges = z.input<typeof CustomerChanges>;

/**
 * Input of `updateCustomer`: the changes and the version they were made against (optimistic concurrency —
 * a stale version is a `ConflictError`).
 * @category Customers
 */
export const UpdateCustomerInput = z.strictObject({
  actor: Actor,
  customerId: EntityId,
  expectedVersion: z.number().int().min(1),
  changes: CustomerChanges,
});
/** @category Customers */
export type UpdateCustomerInput = z.input<typeof UpdateCustomerInput>;

/**
 * Input of `addContactPoint`. `expectedVersion`, when given, makes a stale form fail with a `ConflictError`.
 * @category Customers
 */
export const AddContactPointInput = z.strictObject({
  actor: Actor,
  customerId: EntityId,
  contactPoint: NewContactPoint,
  expectedVersion: z.number().int().min(1).optional(),
});
/** @category Customers */
export type AddContactPointInput = z.input<typeof AddContactPointInput>;

/**
 * Input of `removeContactPoint`.
 * @category Customers
 */
export const RemoveContactPointInput = z.strictObject({
  actor: Actor,
  customerId: EntityId,
  contactPointId: EntityId,
  expectedVersion: z.number().int().min(1).optional(),
});
/** @category Customers */
export type RemoveContactPointInput = z.input<typeof RemoveContactPointInput>;

/**
 * Input of `recordConsent` and `withdrawConsent`. `at` is when the customer made the statement (default now;
 * never in the future); `source` where it came from; `evidenceRef` where its proof is kept.
 * @category Customers
 */
export const ConsentStatementInput = z.strictObject({
  actor: Actor,
  customerId: EntityId,
  purpose: ConsentPurpose,
  channel: ConsentChannel,
  at: Instant.optional(),
  source: ConsentSource,
  evidenceRef: z.string().trim().min(1).max(500).optional(),
});
/** @category Customers */
export type ConsentStatementInput = z.input<typeof ConsentStatementInput>;

/**
 * Input of the queries and requests about one customer (`getCustomer`, `getConsentHistory`,
 * `exportPersonalData`).
 * @category Customers
 */
export const CustomerQueryInput = z.strictObject({ actor: Actor, customerId: EntityId });
/** @category Customers */
export type CustomerQueryInput = z.input<typeof CustomerQueryInput>;

/**
 * Input of `findCustomersByPhone`: a number as the telephony reports it (any usual form).
 * @category Customers
 */
export const FindByPhoneInput = z.strictObject({
  actor: Actor,
  phone: PhoneNumber,
  limit: z.number().int().min(1).max(100).default(20),
});
/** @category Customers */
export type FindByPhoneInput = z.input<typeof FindByPhoneInput>;

/**
 * Input of `findCustomersByEmail` (matched without regard to case).
 * @category Customers
 */
export const FindByEmailInput = z.strictObject({
  actor: Actor,
  email: EmailAddress,
  limit: z.number().int().min(1).max(100).default(20),
});
/** @category Customers */
export type FindByEmailInput = z.input<typeof FindByEmailInput>;

/**
 * Input of `eraseCustomer`. `requestRef` is the reference of the data subject's request (its registry number),
 * kept on the consent withdrawals and in the audit trail.
 * @category Customers
 */
export const EraseCustomerInput = z.strictObject({
  actor: Actor,
  customerId: EntityId,
  requestRef: z.string().trim().min(1).max(200).optional(),
});
/** @category Customers */
export type EraseCustomerInput = z.input<typeof EraseCustomerInput>;
