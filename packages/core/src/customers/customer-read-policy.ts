import { Permissions } from '../agents/permissions';
import { parseInput } from '../errors/validate';
import { Actor, type ActorInput, hasPermission } from '../kernel/actor';
import { present, type ReadPolicy } from '../kit/read-policy';
import type { Stored } from '../ports/storage';
import { Customer } from './customer.schema';
import type { CustomerResult } from './customer-results';
import { type CustomerView, fullView, maskView } from './personal-data';

/**
 * How customers are read, the one place their personal data is masked: with `customer.read`; the view is whole
 * for an actor holding `customer.read_personal`, otherwise every personal field is masked as its `DataClass`
 * says (phones `+36 30 *** **67`, e-mails `k***@example.hu`, street lines, birth date). Every read and every
 * command's result passes through it; only `exportPersonalData` returns the record itself.
 * @category Customers
 */
export const CustomerReadPolicy: ReadPolicy<CustomerView> = Object.freeze({
  what: 'customer',
  anyOf: [Permissions.customerRead],
  mask: (view: CustomerView, actor: Actor): CustomerView =>
    hasPermission(actor, Permissions.customerReadPersonal) ? view : maskView(view),
});

/** The customer as `actor` (already validated) may see it, through {@link CustomerReadPolicy}. */
export function viewFor(customer: Customer, actor: Actor): CustomerView {
  return present(CustomerReadPolicy, actor, fullView(customer));
}

/** A stored customer as `actor` may see it, with the version to send back with a change. */
export function resultFor(row: Stored<Customer>, actor: Actor): CustomerResult {
  return { customer: viewFor(row.data, actor), version: row.version };
}

/**
 * The customer as `actor` may see it: unmasked with `customer.read_personal`, masked otherwise.
 * @example customerViewFor(customer, actorFor(agent, roles))
 * @category Customers
 */
export function customerViewFor(customer: Customer, actor: ActorInput): CustomerView {
  return viewFor(parseInput(Customer, customer, 'customer'), parseInput(Actor, actor, 'actor'));
}
