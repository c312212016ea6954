import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { EmailAddress } from '../kernel/email';
import { PhoneNumber, parsePhoneNumberFromString } from '../kernel/phone';
import { PostalAddress } from '../kernel/postal-address';
import type { EmailContactPoint, PhoneContactPoint, PostalContactPoint } from './contact-point';
import { Customer, type CustomerShape } from './customer.schema';
import { displayNameOf } from './display-name';

/**
 * How sensitive a field is, which decides how it is masked and what erasure does with it:
 *
 * | class | what | masked view (no `customer.read_personal`) | on erasure |
 * |---|---|---|---|
 * | `identifier` | ids and reference numbers others' records point to | shown | kept (restricted) |
 * | `record` | facts about the record, not the person (kind, status, timestamps) | shown | kept |
 * | `name` | how the agent addresses the customer | shown — an agent must greet the caller | blanked |
 * | `contact` | phones, e-mails, postal addresses | partly masked (`+36 30 *** **67`) | blanked |
 * | `personal` | other facts about the person (birth date) | fully masked | blanked |
 * | `special` | GDPR Art. 9 data (health, beliefs …) — none in the core schema; for host extensions | fully masked | blanked |
 * | `profile` | preferences, segments, consent state | shown | blanked (the consent history keeps the proof) |
 * @category Customers
 */
export const DataClass = z.enum([
  'identifier',
  'record',
  'name',
  'contact',
  'personal',
  'special',
  'profile',
]);
/** @category Customers */
export type DataClass = z.infer<typeof DataClass>;

/**
 * What each {@link DataClass} means for masking and erasure, as data (the table in {@link DataClass}).
 * @category Customers
 */
export const DataClassHandling: Readonly<
  Record<DataClass, { readonly mask: 'none' | 'partial' | 'full'; readonly onErasure: 'keep' | 'blank' }>
> = Object.freeze({
  identifier: { mask: 'none', onErasure: 'keep' },
  record: { mask: 'none', onErasure: 'keep' },
  name: { mask: 'none', onErasure: 'blank' },
  contact: { mask: 'partial', onErasure: 'blank' },
  personal: { mask: 'full', onErasure: 'blank' },
  special: { mask: 'full', onErasure: 'blank' },
  profile: { mask: 'none', onErasure: 'blank' },
});

type CustomerField = keyof z.output<typeof CustomerShape>;

/**
 * The classification of every customer field, by path (`contactPoints[].value` for a field of each element).
 * Masking ({@link maskCustomer}) and erasure (`eraseCustomerRecord`) follow it; a test keeps it complete.
 * @category Customers
 */
export const CustomerDataClassification: Readonly<
  Record<CustomerField | `contactPoints[].${string}`, DataClass>
> = Object.freeze({
  id: 'identifier',
  externalRef: 'identifier',
  taxNumber: 'identifier',
  kind: 'record',
  status: 'record',
  customerSince: 'record',
  createdAt: 'record',
  updatedAt: 'record',
  erasure: 'record',
  familyName: 'name',
  givenNames: 'name',
  organisationName: 'name',
  contactPoints: 'contact',
  'contactPoints[].id': 'record',
  'contactPoints[].kind': 'record',
  'contactPoints[].use': 'profile',
  'contactPoints[].value': 'contact',
  'contactPoints[].address': 'contact',
  birthDate: 'personal',
  preferredChannel: 'profile',
  locale: 'profile',
  timeZone: 'profile',
  segmentTags: 'profile',
  consentState: 'profile',
});

const STARS = '***';

/**
 * A phone number with the subscriber digits hidden but the last two: country and area or network code stay, so
 * an agent can still tell a mobile from a Budapest line and confirm "the number ending in 67".
 * @example maskPhoneNumber('+36301234567') // '+36 30 *** **67'
 * @category Customers
 */
export function maskPhoneNumber(phone: string): string {
  const e164 = parseInput(PhoneNumber, phone, 'phone number');
  const groups = (parsePhoneNumberFromString(e164)?.formatInternational() ?? e164).split(' ');
  const keep = groups.length >= 3 ? 2 : 1;
  const head = groups.slice(0, keep).join(' ');
  const tail = groups.slice(keep).join(' ');
  const digits = tail.replace(/\D/g, '').length;
  let seen = 0;
  const masked = tail.replace(/\d/g, (d) => (++seen > digits - 2 ? d : '*'));
  return `${head} ${masked}`;
}

/**
 * An e-mail address with the local part hidden but its first character; the domain stays (it tells a company
 * address from a free-mail one).
 * @example maskEmailAddress('kiss.anna@example.hu') // 'k***@example.hu'
 * @category Customers
 */
export function maskEmailAddress(email: string): string {
  const address = parseInput(EmailAddress, email, 'e-mail address');
  const at = address.lastIndexOf('@');
  return `${address.slice(0, 1)}${STARS}${address.slice(at)}`;
}

/**
 * A postal address with the recipient and the street lines hidden; town, postal code, region and country
 * stay (enough to route a case to a regional office, not enough to find the door).
 * @example maskPostalAddress(address).lines // ['***']
 * @category Customers
 */
export function maskPostalAddress(address: z.input<typeof PostalAddress>): PostalAddress {
  const a = parseInput(PostalAddress, address, 'postal address');
  return {
    ...a,
    ...(a.recipient === undefined ? {} : { recipient: STARS }),
    lines: a.lines.map(() => STARS),
  };
}

/**
 * A contact point as a view shows it: the value a plain string, masked when the viewer may not see it.
 * @category Customers
 */
export type ContactPointView =
  | (Omit<PhoneContactPoint, 'value'> & { value: string })
  | (Omit<EmailContactPoint, 'value'> & { value: string })
  | PostalContactPoint;

/**
 * A customer as an actor may see it: unmasked for `customer.read_personal`, otherwise with every field
 * masked as its {@link DataClass} says. The birth date is masked fully (`****-**-**`), not to the year: a
 * year with a name still narrows a person down, and age is personal data of its own.
 * @category Customers
 */
export type CustomerView = Omit<Customer, 'contactPoints' | 'birthDate'> & {
  contactPoints: ContactPointView[];
  birthDate?: string;
  /** The name to show, in the customer's own locale (see `customerDisplayName`). */
  displayName: string;
  /** True when personal fields are masked. */
  masked: boolean;
};

const fullMask = (value: string): string => value.replace(/[^\s-]/g, '*');

function maskField<T>(field: string, value: T, partial: (v: T) => T): T {
  const cls = CustomerDataClassification[field as keyof typeof CustomerDataClassification];
  const mask = cls === undefined ? 'full' : DataClassHandling[cls].mask;
  if (mask === 'none') return value;
  if (mask === 'partial') return partial(value);
  return (typeof value === 'string' ? fullMask(value) : value) as T;
}

/** The whole customer as a view: nothing masked (what `customer.read_personal` sees). */
export function fullView(customer: Customer): CustomerView {
  return { ...customer, displayName: displayNameOf(customer), masked: false };
}

/** A view with every personal field masked as its {@link DataClass} says (already masked: unchanged). */
export function maskView(view: CustomerView): CustomerView {
  if (view.masked) return view;
  const contactPoints = view.contactPoints.map((point): ContactPointView => {
    switch (point.kind) {
      case 'phone':
        return { ...point, value: maskField('contactPoints[].value', point.value, maskPhoneNumber) };
      case 'email':
        return { ...point, value: maskField('contactPoints[].value', point.value, maskEmailAddress) };
      default:
        return { ...point, address: maskField('contactPoints[].address', point.address, maskPostalAddress) };
    }
  });
  const { birthDate, ...rest } = view;
  return {
    ...rest,
    contactPoints,
    ...(birthDate === undefined ? {} : { birthDate: maskField('birthDate', birthDate, fullMask) }),
    masked: true,
  };
}

/**
 * The customer with its personal fields masked, as shown to an agent without `customer.read_personal`:
 * phones `+36 30 *** **67`, e-mails `k***@example.hu`, street lines `***`, birth date `****-**-**`.
 * Names stay visible (an agent must address the caller); identifiers and record facts stay.
 * @example maskCustomer(customer).contactPoints[0].value // '+36 30 *** **67'
 * @category Customers
 */
export function maskCustomer(customer: Customer): CustomerView {
  return maskView(fullView(parseInput(Customer, customer, 'customer')));
}
