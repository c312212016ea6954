/**
 * The customer reads (internal): each takes one input object with the actor and is checked and masked through
 * `CustomerReadPolicy` — by id, caller ID by phone, by e-mail, and the consent history.
 *
 * Caller ID and e-mail matching return arrays of at most `limit` (default 20, at most 100), not cursor pages:
 * they are point lookups of one number or address on the `phone` / `email` index, whose answer is a household
 * at most, not an inbox to page through. The name search, which can match thousands, pages by cursor
 * (`findCustomersByName`).
 */
import { parseInput } from '../errors/validate';
import { authorizeRead } from '../kit/read-policy';
import type { Query } from '../ports/storage';
import type { ConsentRecord } from './consent';
import { consentHistoryOf } from './consent-commands';
import { CustomerCollection } from './customer-collections';
import { CustomerQueryInput, FindByEmailInput, FindByPhoneInput } from './customer-inputs';
import { CustomerReadPolicy, resultFor } from './customer-read-policy';
import type { CustomerResult } from './customer-results';
import type { CustomerContext } from './customer-support';

/** The reads of the customer service, by name. */
export function customerQueries(ctx: CustomerContext) {
  const { store } = ctx.deps;
  const customers = () => store.repository(CustomerCollection);

  /** The customers on one key of a multi-entry index, at most `limit`, masked for `actorInput`. */
  const lookup = async (actorInput: unknown, query: Query): Promise<CustomerResult[]> => {
    const actor = authorizeRead(CustomerReadPolicy, actorInput);
    const results: CustomerResult[] = [];
    for await (const row of customers().query(query)) results.push(resultFor(row, actor));
    return results;
  };

  return {
    async getCustomer(raw: unknown): Promise<CustomerResult> {
      const input = parseInput(CustomerQueryInput, raw, 'customer query');
      const actor = authorizeRead(CustomerReadPolicy, input.actor);
      return resultFor(await customers().get(input.customerId), actor);
    },

    async findCustomersByPhone(raw: unknown): Promise<CustomerResult[]> {
      const input = parseInput(FindByPhoneInput, raw, 'caller-ID lookup');
      return lookup(input.actor, { index: 'phone', equals: input.phone, limit: input.limit });
    },

    async findCustomersByEmail(raw: unknown): Promise<CustomerResult[]> {
      const input = parseInput(FindByEmailInput, raw, 'e-mail lookup');
      const key = input.email.toLowerCase();
      return lookup(input.actor, { index: 'email', equals: key, limit: input.limit });
    },

    async getConsentHistory(raw: unknown): Promise<ConsentRecord[]> {
      const input = parseInput(CustomerQueryInput, raw, 'consent history query');
      authorizeRead(CustomerReadPolicy, input.actor);
      await customers().get(input.customerId);
      return consentHistoryOf(store, input.customerId);
    },
  };
}
