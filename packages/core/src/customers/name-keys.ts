import { foldDiacritics } from '../kernel/fold';
import type { Customer } from './customer.schema';

/**
 * The keys of the `name` index of customers, folded (lower case, no accents): a person under "family given"
 * and "given family" (a caller may say either), an organisation under its name. An erased stub has none.
 */
export function customerNameKeys(c: Customer): string[] {
  const keys =
    c.organisationName !== undefined
      ? [c.organisationName]
      : c.familyName === undefined
        ? []
        : [`${c.familyName} ${c.givenNames.join(' ')}`, `${c.givenNames.join(' ')} ${c.familyName}`];
  return [...new Set(keys.map(foldDiacritics).filter((k) => k.length > 0))];
}
