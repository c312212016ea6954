import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import { Locale } from '../kernel/locale';
import { BUDAPEST } from '../kernel/time-zone';
import { Customer } from './customer.schema';
import { addYearsToDate, calendarDateIn } from './local-date';

/**
 * One thing erasure keeps, for how long and why.
 * @category Customers
 */
export interface RetentionRule {
  /** A stable name. */
  readonly id: 'accounting-identifiers' | 'consent-proofs';
  /** What is kept. */
  readonly what: string;
  /** Whole years after the erasure day it is kept. */
  readonly keepYears: number;
  /** The law that requires or allows keeping it. */
  readonly basis: string;
  /** Why, in a sentence a data subject understands. */
  readonly why: string;
}

/**
 * What erasing a customer keeps, restricted (GDPR Art. 18: only stored, used for nothing but the stated
 * purpose), and why. Everything else about the customer — names, contact points, birth date, preferences,
 * segments, current consent state — is blanked at once.
 *
 * Other areas keep their own records through their personal-data sources: complaint records and the copy of
 * the answer, for example, are kept 5 years under Fgytv. (Act CLV of 1997) 17/A. § (7).
 * @category Customers
 */
export const CustomerRetentionRules: readonly RetentionRule[] = Object.freeze([
  {
    id: 'accounting-identifiers',
    what: 'the customer id, the customer number (externalRef), the tax number and the start of the relationship',
    keepYears: 8,
    basis: 'Számviteli tv. (Act C of 2000 on Accounting) 169. § (2); GDPR Art. 17(3)(b)',
    why:
      'Invoices and ledger entries refer to the customer by these identifiers and must stay readable for 8 years, ' +
      'so the reference must still resolve; the stub holds nothing else.',
  },
  {
    id: 'consent-proofs',
    what: 'the consent history: purpose, channel, grant or withdrawal, time, source and evidence reference',
    keepYears: 5,
    basis: 'GDPR Art. 7(1) and 17(3)(e); Ptk. (Act V of 2013, Civil Code) 6:22. § (5-year limitation period)',
    why:
      'It proves that each past contact was lawful, and is needed to defend a claim until such claims are ' +
      'time-barred.',
  },
]);

const EraseRecordInput = z.object({ customer: Customer, at: Instant });

function keepYears(id: RetentionRule['id']): number {
  return CustomerRetentionRules.find((rule) => rule.id === id)?.keepYears ?? 0;
}

/**
 * The restricted stub an erasure leaves of `customer` at instant `at`: the identifiers and record facts
 * (`identifier` and `record` classes, see `CustomerDataClassification`) kept, every other field blanked,
 * the locale and zone reset to the defaults, and the dates until which the stub and the consent proofs
 * must be kept (see {@link CustomerRetentionRules}), counted in the customer's own time zone.
 * @example eraseCustomerRecord(customer, clock.now()).erasure // { at, retainUntil: '2034-…', consentsRetainUntil: '2031-…' }
 * @category Customers
 */
export function eraseCustomerRecord(customer: Customer, at: Date): Customer {
  const input = parseInput(EraseRecordInput, { customer, at }, 'erasure');
  const c = input.customer;
  const day = calendarDateIn(input.at, c.timeZone);
  const stub: Customer = {
    id: c.id,
    kind: c.kind,
    status: 'erased',
    givenNames: [],
    contactPoints: [],
    locale: Locale.parse('hu'),
    timeZone: BUDAPEST,
    segmentTags: [],
    consentState: [],
    customerSince: c.customerSince,
    ...(c.externalRef === undefined ? {} : { externalRef: c.externalRef }),
    ...(c.taxNumber === undefined ? {} : { taxNumber: c.taxNumber }),
    createdAt: c.createdAt,
    updatedAt: input.at,
    erasure: {
      at: input.at,
      retainUntil: addYearsToDate(day, keepYears('accounting-identifiers')),
      consentsRetainUntil: addYearsToDate(day, keepYears('consent-proofs')),
    },
  };
  return parseInput(Customer, stub, 'erased customer');
}
