/**
 * Finding customers the way a contact centre does — by a name heard on the phone (accents optional), by the
 * host's customer number — and keeping a host's customer table in sync (`ensureCustomer`). Reads take the
 * actor and go through `CustomerReadPolicy` (`customer.read`, masked per actor); pages resume by cursor.
 */
import { z } from 'zod';
import { Permissions } from '../agents/permissions';
import { FrontlineError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Actor, requirePermission } from '../kernel/actor';
import { foldDiacritics } from '../kernel/fold';
import { authorizeRead, type Page, PageInput, pageOf } from '../kit/read-policy';
import type { Store } from '../ports/storage';
import type { Customer } from './customer.schema';
import { CustomerCollection } from './customer-collections';
import { RegisterCustomerInput, type UpdateCustomerInput } from './customer-inputs';
import { CustomerReadPolicy, resultFor, viewFor } from './customer-read-policy';
import type { CustomerCommandResult, CustomerResult } from './customer-results';
import { customerNameKeys } from './name-keys';

/**
 * Input of `findCustomersByName`: the start of a name in either order ("Kovács P", "peter kovacs"), folded
 * without accents; at most `limit` per page, `cursor` from the page before.
 * @category Customers
 */
export const FindByNameInput = z.strictObject({
  actor: Actor,
  name: z.string().trim().min(2).max(200),
  limit: PageInput.limit,
  cursor: PageInput.cursor,
});
/** @category Customers */
export type FindByNameInput = z.input<typeof FindByNameInput>;

/**
 * Input of `findCustomerByExternalRef`: the host's customer number.
 * @category Customers
 */
export const FindByExternalRefInput = z.strictObject({
  actor: Actor,
  externalRef: z.string().trim().min(1).max(100),
});
/** @category Customers */
export type FindByExternalRefInput = z.input<typeof FindByExternalRefInput>;

/**
 * Input of `ensureCustomer`: a registration keyed by the host's customer number (`externalRef`, required).
 * @category Customers
 */
export const EnsureCustomerInput = RegisterCustomerInput.omit({ id: true }).extend({
  externalRef: z.string().trim().min(1).max(100),
});
/** @category Customers */
export type EnsureCustomerInput = z.input<typeof EnsureCustomerInput>;

/**
 * What `ensureCustomer` did: `created` (registered now), `updated` (fields changed, named in `changed`) or
 * `unchanged`.
 * @category Customers
 */
export interface EnsureCustomerResult extends CustomerCommandResult {
  readonly outcome: 'created' | 'updated' | 'unchanged';
  readonly changed: readonly string[];
}

/** Name fields `ensureCustomer` keeps in sync; contact points and consents have their own commands. */
const SYNCED = [
  'familyName',
  'givenNames',
  'organisationName',
  'locale',
  'timeZone',
  'birthDate',
  'segmentTags',
] as const;

const prefixKey = (customer: Customer, prefix: string) =>
  customerNameKeys(customer)
    .filter((k) => k.startsWith(prefix))
    .sort()[0] ?? '';

/**
 * Customers whose name starts with `name` (either order, accent-insensitive), a page at a time in name order.
 * @category Customers
 */
export async function findCustomersByName(store: Store, raw: unknown): Promise<Page<CustomerResult>> {
  const input = parseInput(FindByNameInput, raw, 'name search');
  const actor = authorizeRead(CustomerReadPolicy, input.actor);
  const prefix = foldDiacritics(input.name);
  const page = await pageOf(
    (from) =>
      store
        .repository(CustomerCollection)
        .query({ index: 'name', from: from ?? prefix, to: `${prefix}\uffff` }),
    (c) => prefixKey(c, prefix),
    { limit: input.limit, cursor: input.cursor },
    (row) => resultFor(row, actor),
  );
  // a name read both ways ("anna anna") is under two keys of the range: list the customer once
  const seen = new Set<string>();
  const items = page.items.filter((r) => !seen.has(r.customer.id) && seen.add(r.customer.id) !== undefined);
  return { items, nextCursor: page.nextCursor };
}

/**
 * The customer with the host's customer number, as the actor may see it, or `null`.
 * @category Customers
 */
export async function findCustomerByExternalRef(store: Store, raw: unknown): Promise<CustomerResult | null> {
  const input = parseInput(FindByExternalRefInput, raw, 'customer number lookup');
  const actor = authorizeRead(CustomerReadPolicy, input.actor);
  for await (const row of store
    .repository(CustomerCollection)
    .query({ index: 'external_ref', equals: input.externalRef, limit: 1 })) {
    return resultFor(row, actor);
  }
  return null;
}

/**
 * Host sync by the host's customer number: registers the customer when the number is new, else updates the
 * name fields that differ (nothing written when none does). Needs `customer.write` and `customer.read`. Two
 * syncs of one number at once cannot create two customers: the number is a unique key, and the loser retries
 * as an update (at most three times, then `CONFLICT`).
 * @category Customers
 */
export async function ensureCustomer(
  store: Store,
  service: {
    registerCustomer(input: RegisterCustomerInput): Promise<CustomerCommandResult>;
    updateCustomer(input: UpdateCustomerInput): Promise<CustomerCommandResult>;
  },
  raw: unknown,
): Promise<EnsureCustomerResult> {
  const input = parseInput(EnsureCustomerInput, raw, 'customer sync');
  const actor = requirePermission(input.actor, Permissions.customerWrite);
  authorizeRead(CustomerReadPolicy, actor);
  for (let attempt = 1; ; attempt++) {
    try {
      let existing: { data: Customer; version: number } | undefined;
      for await (const row of store
        .repository(CustomerCollection)
        .query({ index: 'external_ref', equals: input.externalRef, limit: 1 })) {
        existing = row;
      }
      if (!existing) {
        const created = await service.registerCustomer({ ...input, actor });
        return { ...created, outcome: 'created', changed: [] };
      }
      const changes: Record<string, unknown> = {};
      for (const field of SYNCED) {
        const wanted = input[field];
        if (wanted !== undefined && JSON.stringify(wanted) !== JSON.stringify(existing.data[field])) {
          changes[field] = wanted;
        }
      }
      const changed = Object.keys(changes);
      if (changed.length === 0) {
        return {
          customer: viewFor(existing.data, actor),
          version: existing.version,
          events: [],
          outcome: 'unchanged',
          changed,
        };
      }
      const updated = await service.updateCustomer({
        actor,
        customerId: existing.data.id,
        expectedVersion: existing.version,
        changes,
      });
      return { ...updated, outcome: 'updated', changed };
    } catch (error) {
      if (!FrontlineError.is(error, 'CONFLICT') || attempt >= 3) throw error;
    }
  }
}
