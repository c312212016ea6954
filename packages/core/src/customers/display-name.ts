import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Locale } from '../kernel/locale';
import { Customer, NamePart } from './customer.schema';

/**
 * A person's name as Frontline keeps it: the family name and the given names in order.
 * @category Customers
 */
export const PersonName = z.object({
  familyName: NamePart,
  givenNames: z.array(NamePart).max(5).default([]),
});
/** @category Customers */
export type PersonName = z.input<typeof PersonName>;

function ordered(familyName: string, givenNames: readonly string[], locale: Locale): string {
  return (locale === 'hu' ? [familyName, ...givenNames] : [...givenNames, familyName]).join(' ');
}

/**
 * A person's name in the order of `locale`: Hungarian puts the family name first (`Kiss Anna Mária`),
 * English last (`Anna Mária Kiss`).
 * @example
 * formatPersonName({ familyName: 'Kiss', givenNames: ['Anna'] }, 'hu') // 'Kiss Anna'
 * formatPersonName({ familyName: 'Kiss', givenNames: ['Anna'] }, 'en') // 'Anna Kiss'
 * @category Customers
 */
export function formatPersonName(name: PersonName, locale: Locale): string {
  const n = parseInput(PersonName, name, 'person name');
  return ordered(n.familyName, n.givenNames, parseInput(Locale, locale, 'locale'));
}

const erasedLabel: Record<Locale, string> = { hu: 'Törölt ügyfél', en: 'Erased customer' };

/** {@link customerDisplayName} for a customer already validated. */
export function displayNameOf(customer: Customer, locale: Locale = customer.locale): string {
  if (customer.status === 'erased') return erasedLabel[locale];
  if (customer.kind === 'organisation') return customer.organisationName ?? '';
  return ordered(customer.familyName ?? '', customer.givenNames, locale);
}

/**
 * How to show a customer to an agent: a person's name in the order of `locale` (default: the customer's own
 * locale), an organisation's name, or "Törölt ügyfél" / "Erased customer" for an erased stub.
 * @example customerDisplayName(customer, 'en') // 'Anna Kiss'
 * @category Customers
 */
export function customerDisplayName(customer: Customer, locale?: Locale): string {
  const c = parseInput(Customer, customer, 'customer');
  return displayNameOf(c, parseInput(Locale.optional(), locale, 'locale') ?? c.locale);
}
