import { z } from 'zod';
import { parseInput } from '../errors/validate';
import type { Customer } from './customer.schema';

/**
 * What identifies a customer in free text: the names (family, given, organisation), the e-mail addresses and
 * the phone numbers (E.164) of the record.
 * @category Customers
 */
export const CustomerIdentifiers = z.object({
  names: z.array(z.string().min(1).max(300)).max(50),
  emails: z.array(z.string().min(1).max(320)).max(50),
  phones: z.array(z.string().min(1).max(20)).max(50),
});
/** @category Customers */
export type CustomerIdentifiers = z.infer<typeof CustomerIdentifiers>;

/** The mark that stands where an identifier was. */
export const REDACTED_MARK = '[…]';

/**
 * The identifiers of a customer record, for {@link redactIdentifiers}.
 * @category Customers
 */
export function identifiersOf(customer: Customer): CustomerIdentifiers {
  const names = [customer.familyName, ...customer.givenNames, customer.organisationName].filter(
    (n): n is string => typeof n === 'string' && n.trim().length > 0,
  );
  return {
    names: names.map((n) => n.trim()),
    emails: customer.contactPoints.flatMap((p) => (p.kind === 'email' ? [p.value] : [])),
    phones: customer.contactPoints.flatMap((p) => (p.kind === 'phone' ? [p.value] : [])),
  };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A name part as a pattern that also matches its lengthened stem: Anna → Annát, Annának; Csille → Csillét. */
function inflectable(part: string): string {
  const last = part.slice(-1).toLowerCase();
  const lengthened: Record<string, string> = { a: '[aá]', e: '[eé]' };
  const tail = lengthened[last];
  return tail === undefined ? escapeRegExp(part) : `${escapeRegExp(part.slice(0, -1))}${tail}`;
}

/** A run of digits as people write phone numbers: `+36 30 123 4567`, `06-30/123-4567`, `(30) 1234567`. */
const PHONE_LIKE = /\+?\(?\d[\d\s()./-]{5,}\d/g;
/** The tail of a number that identifies it, whatever prefix (+36, 06, none) the writer used. */
const PHONE_TAIL = 8;

/**
 * `text` with every occurrence of the customer's identifiers replaced by {@link REDACTED_MARK}: e-mail
 * addresses (case-insensitively), phone numbers however they are written (matched on their last eight digits),
 * and each name part as a word start with any suffix (Hungarian inflects names: `Annának`, `Kissék`), in any
 * letter case. Words that merely begin like a name part go too (`kissé` for Kiss): a redacted article loses a
 * word rather than keep a name. Used on texts kept after an erasure that may quote the customer (a knowledge article's problem).
 * @example redactIdentifiers('Kiss Annának: +36 30 123 4567', ids) // '[…]: […]'
 * @category Customers
 */
export function redactIdentifiers(text: string, identifiers: CustomerIdentifiers): string {
  const ids = parseInput(CustomerIdentifiers, identifiers, 'customer identifiers');
  let out = parseInput(z.string(), text, 'text');
  for (const email of ids.emails) out = out.replace(new RegExp(escapeRegExp(email), 'giu'), REDACTED_MARK);
  const tails = ids.phones.map((p) => p.replace(/\D/g, '').slice(-PHONE_TAIL)).filter((t) => t.length > 0);
  if (tails.length > 0) {
    out = out.replace(PHONE_LIKE, (run) => {
      const digits = run.replace(/\D/g, '');
      return tails.some((tail) => digits.endsWith(tail)) ? REDACTED_MARK : run;
    });
  }
  const parts = [...new Set(ids.names.flatMap((n) => n.split(/[\s-]+/)).filter((p) => p.length > 1))];
  for (const part of parts.sort((a, b) => b.length - a.length)) {
    const stem = inflectable(part);
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${stem}\\p{L}*`, 'giu'), REDACTED_MARK);
  }
  return out;
}
