import type { Customer } from '../customers/customer.schema';
import { CustomerCollection } from '../customers/customer-collections';
import { displayNameOf } from '../customers/display-name';
import { NotFoundError, ValidationError } from '../errors/frontline-error';
import type { PostalAddress } from '../kernel/postal-address';
import type { Store } from '../ports/storage';
import type { ComplaintConsumer } from './complaint.schema';
import { countyKeyOf } from './conciliation-boards';

/** Which postal address of a customer the minutes and letters use: private, then unlabelled, billing, other, work. */
const USE_ORDER = ['private', undefined, 'billing', 'other', 'work'] as const;

/** The customer's postal address for letters, or `undefined` when the record has none. */
export function letterAddressOf(customer: Customer): PostalAddress | undefined {
  const postal = customer.contactPoints.flatMap((p) => (p.kind === 'postal' ? [p] : []));
  for (const use of USE_ORDER) {
    const found = postal.find((p) => p.use === use);
    if (found) return found.address;
  }
  return undefined;
}

/** The county key of a Hungarian address: its region, else Budapest for a `1xxx` postal code. */
function countyOfAddress(address: PostalAddress | undefined): string | undefined {
  if (address?.country !== 'HU') return undefined;
  return countyKeyOf(address.region) ?? (/^1\d{3}$/.test(address.postalCode) ? 'budapest' : undefined);
}

/**
 * The consumer as a complaint records them, from the customer record (Fgytv. 17/A. § (5) a): name and
 * address are never typed again by the agent, so the minutes and letters cannot disagree with the record.
 * Only what the record cannot know comes from the intake: the county of domicile when the address does not
 * say it, and whether the consumer wants the trader's seat board.
 *
 * An erased or unknown customer is a `NotFoundError`, as for every customer command.
 */
export async function consumerFromCustomer(
  tx: Store,
  customerId: string,
  given: { county?: string | undefined; board?: 'domicile' | 'trader_seat' | undefined } | undefined,
): Promise<ComplaintConsumer> {
  const found = await tx.repository(CustomerCollection).find(customerId);
  if (!found || found.data.status === 'erased') {
    throw new NotFoundError('customer', customerId, found ? { details: { erased: true } } : {});
  }
  const customer = found.data;
  const address = letterAddressOf(customer);
  const county = given?.county ?? countyOfAddress(address);
  return {
    name: displayNameOf(customer),
    ...(address
      ? {
          address: {
            postalCode: address.postalCode,
            city: address.locality,
            street: address.lines.join(', '),
          },
        }
      : {}),
    ...(county ? { county } : {}),
    board: given?.board ?? 'domicile',
  };
}

/**
 * The minutes of an oral complaint must carry the consumer's address (Fgytv. 17/A. § (5) a)); the customer
 * record is where it comes from, so a record without one is refused before anything is stored.
 */
export function requireMinutesAddress(consumer: ComplaintConsumer, customerId: string): void {
  if (consumer.address) return;
  const message =
    "The customer record has no postal address; the minutes of an oral complaint need the consumer's " +
    'address (Fgytv. 17/A. § (5) a)): add one to the customer first';
  throw new ValidationError(
    `Invalid complaint: customerId: ${message}`,
    [{ path: ['customerId'], message, code: 'custom' }],
    { details: { customerId, missing: 'consumer.address' } },
  );
}
