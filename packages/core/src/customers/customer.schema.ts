import { z } from 'zod';
import { EntityId } from '../kernel/id';
import { CalendarDate, Instant } from '../kernel/instant';
import { Locale } from '../kernel/locale';
import { TimeZone } from '../kernel/time-zone';
import { ConsentAction, ConsentChannel, ConsentPurpose } from './consent';
import { ContactChannel, ContactPoint, contactPointKey, isChannelReachable } from './contact-point';

/**
 * A natural person (magánszemély) or an organisation (company, sole trader, public body).
 * @category Customers
 */
export const CustomerKind = z.enum(['person', 'organisation']);
/** @category Customers */
export type CustomerKind = z.infer<typeof CustomerKind>;

/**
 * `active`, or `erased`: anonymised on request or at the end of retention, only a restricted stub left.
 * @category Customers
 */
export const CustomerStatus = z.enum(['active', 'erased']);
/** @category Customers */
export type CustomerStatus = z.infer<typeof CustomerStatus>;

/**
 * A segment tag (`vip`, `b2b`, `pensioner`): lower-case letters, digits, `_` and `-`.
 * @category Customers
 */
export const SegmentTag = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,49}$/, 'A segment tag is lower-case letters, digits, "_" or "-", e.g. "vip"');
/** @category Customers */
export type SegmentTag = z.infer<typeof SegmentTag>;

/** One name part: trimmed, 1–100 characters. */
export const NamePart = z.string().trim().min(1).max(100);

/**
 * The current consent for one purpose on one channel, kept on the customer so selection needs no history
 * reads. Derived from the append-only history (the `consents` collection), which stays the proof.
 * @category Customers
 */
export const ConsentStateEntry = z.object({
  purpose: ConsentPurpose,
  channel: ConsentChannel,
  state: ConsentAction,
  /** When the deciding statement was made. */
  since: Instant,
  /** The deciding history record. */
  recordId: EntityId,
});
/** @category Customers */
export type ConsentStateEntry = z.output<typeof ConsentStateEntry>;

/**
 * What is left of an erasure: when it happened and until when the restricted stub and the consent proofs
 * must be kept (see `CustomerRetentionRules`).
 * @category Customers
 */
export const CustomerErasure = z.object({
  at: Instant,
  /** The stub (ids the accounting records refer to) may be deleted after this date. */
  retainUntil: CalendarDate,
  /** The consent history may be deleted after this date. */
  consentsRetainUntil: CalendarDate,
  /** When the retention sweep deleted the consent history (`sweepRetained`), once it has. */
  consentsRemovedAt: Instant.optional(),
});
/** @category Customers */
export type CustomerErasure = z.output<typeof CustomerErasure>;

/** The customer's fields without the cross-field rules (for picking and documenting). */
export const CustomerShape = z.object({
  id: EntityId,
  kind: CustomerKind,
  status: CustomerStatus,
  /** A person's family name (vezetéknév) — first in Hungarian order. */
  familyName: NamePart.optional(),
  /** A person's given names (utónevek) in order, kept apart so name days can be matched per name. */
  givenNames: z.array(NamePart).max(5),
  /** An organisation's registered name. */
  organisationName: z.string().trim().min(1).max(200).optional(),
  contactPoints: z.array(ContactPoint).max(30),
  preferredChannel: ContactChannel.optional(),
  locale: Locale,
  timeZone: TimeZone,
  /** A person's birth date. */
  birthDate: CalendarDate.optional(),
  segmentTags: z.array(SegmentTag).max(50),
  /** The current consent per purpose and channel (derived; see {@link ConsentStateEntry}). */
  consentState: z.array(ConsentStateEntry).max(100),
  /** The first day of the customer relationship (ügyfél kezdete). */
  customerSince: CalendarDate,
  /** The host CRM's or billing system's customer number (ügyfélszám); unique. */
  externalRef: z.string().trim().min(1).max(100).optional(),
  /** Tax number (adószám) of an organisation or sole trader, as invoices carry it. */
  taxNumber: z.string().trim().min(1).max(30).optional(),
  createdAt: Instant,
  updatedAt: Instant,
  /** Set once the customer is erased. */
  erasure: CustomerErasure.optional(),
});

function customerRules(c: z.output<typeof CustomerShape>, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (c.status === 'erased') {
    if (!c.erasure) issue(['erasure'], 'An erased customer records when it was erased');
    for (const k of ['familyName', 'organisationName', 'birthDate', 'preferredChannel'] as const) {
      if (c[k] !== undefined) issue([k], 'An erased customer keeps no personal data');
    }
    if (c.givenNames.length > 0) issue(['givenNames'], 'An erased customer keeps no personal data');
    if (c.contactPoints.length > 0) issue(['contactPoints'], 'An erased customer keeps no personal data');
    if (c.segmentTags.length > 0) issue(['segmentTags'], 'An erased customer keeps no personal data');
    if (c.consentState.length > 0) issue(['consentState'], 'An erased customer keeps no personal data');
    return;
  }
  if (c.erasure) issue(['erasure'], 'Only an erased customer has an erasure record');
  if (c.kind === 'person') {
    if (c.familyName === undefined) issue(['familyName'], 'A person needs a family name');
    if (c.organisationName !== undefined) issue(['organisationName'], 'A person has no organisation name');
  } else {
    if (c.organisationName === undefined) issue(['organisationName'], 'An organisation needs a name');
    if (c.familyName !== undefined) issue(['familyName'], 'An organisation has no family name');
    if (c.givenNames.length > 0) issue(['givenNames'], 'An organisation has no given names');
    if (c.birthDate !== undefined) issue(['birthDate'], 'An organisation has no birth date');
  }
  const seenIds = new Set<string>();
  const seenValues = new Set<string>();
  c.contactPoints.forEach((point, i) => {
    if (seenIds.has(point.id)) issue(['contactPoints', i, 'id'], 'Contact point ids must be unique');
    seenIds.add(point.id);
    const key = contactPointKey(point);
    if (seenValues.has(key)) issue(['contactPoints', i], 'This contact point is listed twice');
    seenValues.add(key);
  });
  if (c.preferredChannel && !isChannelReachable(c.preferredChannel, c.contactPoints)) {
    issue(['preferredChannel'], `No contact point for the channel "${c.preferredChannel}"`);
  }
  const seenConsents = new Set<string>();
  c.consentState.forEach((entry, i) => {
    const key = `${entry.purpose}:${entry.channel}`;
    if (seenConsents.has(key)) issue(['consentState', i], 'One entry per purpose and channel');
    seenConsents.add(key);
  });
  if (new Set(c.segmentTags).size !== c.segmentTags.length) issue(['segmentTags'], 'Segment tags repeat');
}

/**
 * A customer (ügyfél): a person or an organisation, how to reach them and in which language and zone,
 * their segments and the current state of their consents. Personal fields are classified in
 * `CustomerDataClassification`, which drives masking and erasure.
 *
 * Rules checked on every write and read: a person has a family name and no organisation name (and the other
 * way round), contact points are unique, the preferred channel has a contact point, an erased customer keeps
 * nothing personal.
 * @category Customers
 */
export const Customer = CustomerShape.superRefine(customerRules);
/** @category Customers */
export type Customer = z.output<typeof Customer>;

/** The birth month-day key (`MM-DD`) a birthday campaign looks customers up by; `undefined` without one. */
export function birthMonthDay(birthDate: string | undefined): string | undefined {
  return birthDate === undefined ? undefined : birthDate.slice(5, 10);
}
