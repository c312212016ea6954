import { CustomerCollection } from '../customers/customer-collections';
import { NotFoundError } from '../errors/frontline-error';
import type { Store } from '../ports/storage';

/**
 * Checks, inside the command's transaction, that the customer exists and is not erased; a `NotFoundError`
 * otherwise (an erased customer is only a retention stub: nothing new is documented for it). Internal.
 */
export async function requireCustomer(tx: Store, customerId: string): Promise<void> {
  const found = await tx.repository(CustomerCollection).find(customerId);
  if (!found || found.data.status === 'erased') {
    throw new NotFoundError('customer', customerId, found ? { details: { erased: true } } : {});
  }
}
