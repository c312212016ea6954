import { z } from 'zod';
import { EmailAddress } from '../kernel/email';
import { EntityId } from '../kernel/id';
import { PhoneNumber } from '../kernel/phone';
import { PostalAddress } from '../kernel/postal-address';

/**
 * The channels Frontline reaches a customer on — for the preferred channel and for consents.
 * `phone` and `sms` need a phone contact point, `email` an e-mail, `letter` a postal address; `chat` is an
 * inbound channel the host's chat system identifies.
 * @category Customers
 */
export const ContactChannel = z.enum(['phone', 'sms', 'email', 'letter', 'chat']);
/** @category Customers */
export type ContactChannel = z.infer<typeof ContactChannel>;

/**
 * What a contact point is for. A fixed vocabulary rather than free text, so no personal detail hides in a label.
 * @category Customers
 */
export const ContactPointUse = z.enum(['private', 'work', 'billing', 'other']);
/** @category Customers */
export type ContactPointUse = z.infer<typeof ContactPointUse>;

const phoneShape = { kind: z.literal('phone'), value: PhoneNumber, use: ContactPointUse.optional() };
const emailShape = { kind: z.literal('email'), value: EmailAddress, use: ContactPointUse.optional() };
const postalShape = { kind: z.literal('postal'), address: PostalAddress, use: ContactPointUse.optional() };

/**
 * A phone number of a customer, stored in E.164 (any usual written form is accepted on input).
 * @category Customers
 */
export const PhoneContactPoint = z.object({ id: EntityId, ...phoneShape });
/** @category Customers */
export type PhoneContactPoint = z.output<typeof PhoneContactPoint>;

/**
 * An e-mail address of a customer.
 * @category Customers
 */
export const EmailContactPoint = z.object({ id: EntityId, ...emailShape });
/** @category Customers */
export type EmailContactPoint = z.output<typeof EmailContactPoint>;

/**
 * A postal address of a customer (for letters).
 * @category Customers
 */
export const PostalContactPoint = z.object({ id: EntityId, ...postalShape });
/** @category Customers */
export type PostalContactPoint = z.output<typeof PostalContactPoint>;

/**
 * One way to reach a customer: a phone, an e-mail or a postal address, with its own id so it can be removed.
 * @category Customers
 */
export const ContactPoint = z.discriminatedUnion('kind', [
  PhoneContactPoint,
  EmailContactPoint,
  PostalContactPoint,
]);
/** @category Customers */
export type ContactPoint = z.output<typeof ContactPoint>;

/**
 * A contact point as a caller gives it: without an id (the service assigns one).
 * @example { kind: 'phone', value: '06 30 123 4567', use: 'private' }
 * @category Customers
 */
export const NewContactPoint = z.discriminatedUnion('kind', [
  z.strictObject(phoneShape),
  z.strictObject(emailShape),
  z.strictObject(postalShape),
]);
/** @category Customers */
export type NewContactPoint = z.input<typeof NewContactPoint>;

/**
 * The key that tells two contact points apart regardless of id: kind plus normalised value
 * (E.164, lower-cased e-mail, or the address fields).
 * @category Customers
 */
export function contactPointKey(point: z.output<typeof NewContactPoint> | ContactPoint): string {
  switch (point.kind) {
    case 'phone':
      return `phone:${point.value}`;
    case 'email':
      return `email:${point.value.toLowerCase()}`;
    case 'postal': {
      const a = point.address;
      return `postal:${[a.country, a.postalCode, a.locality, ...a.lines].join('|').toLowerCase()}`;
    }
  }
}

/**
 * True when the contact points let Frontline use `channel`: a phone for `phone`/`sms`, an e-mail for `email`,
 * a postal address for `letter`; `chat` needs none.
 * @category Customers
 */
export function isChannelReachable(channel: ContactChannel, points: readonly { kind: string }[]): boolean {
  const needs: Record<ContactChannel, string | null> = {
    phone: 'phone',
    sms: 'phone',
    email: 'email',
    letter: 'postal',
    chat: null,
  };
  const kind = needs[channel];
  return kind === null || points.some((p) => p.kind === kind);
}
