import { Permissions } from '../agents/permissions';
import { parseInput } from '../errors/validate';
import { requirePermission } from '../kernel/actor';
import { forgetEvents, recordEvents, redactEventMessages } from '../services/domain-events';
import type { ConsentRecord } from './consent';
import { appendConsent } from './consent-commands';
import { CustomerCollection } from './customer-collections';
import { EraseCustomerInput } from './customer-inputs';
import type { EraseCustomerResult, ErasureReport } from './customer-results';
import {
  type CustomerContext,
  callSource,
  customerEvent,
  loadCustomer,
  requireActive,
} from './customer-support';
import { CustomerDataClassification, DataClassHandling, viewFor } from './personal-data';
import { SourceErasureResult } from './personal-data-source';
import { CustomerRetentionRules, eraseCustomerRecord } from './retention';

/** The customer fields an erasure blanks, read from the classification. */
export const blankedFields: readonly string[] = Object.entries(CustomerDataClassification)
  .filter(([, cls]) => DataClassHandling[cls].onErasure === 'blank')
  .map(([path]) => path);

/**
 * `eraseCustomer`, in one transaction: withdraws every standing grant (source `erasure`, so the history
 * shows when contact ended), lets every personal-data source erase its part, forgets what the customer's own
 * events said (sealed audit values deleted, outbox messages about the customer or naming them redacted — the
 * audit chain is never rewritten and still verifies), and replaces the customer with its restricted stub (see
 * `eraseCustomerRecord` and `CustomerRetentionRules`). Either all of it happens or, when any part fails, none.
 */
export async function eraseCustomer(ctx: CustomerContext, raw: unknown): Promise<EraseCustomerResult> {
  const { deps } = ctx;
  const input = parseInput(EraseCustomerInput, raw, 'erasure request');
  const actor = requirePermission(input.actor, Permissions.customerErase);
  const now = deps.clock.now();
  return deps.store.transaction(async (tx) => {
    let current = await loadCustomer(tx, input.customerId);
    requireActive(current.data, 'erase');
    const grants = current.data.consentState.filter((e) => e.state === 'granted');
    const withdrawals: ConsentRecord[] = [];
    for (const grant of grants) {
      const withdrawal: ConsentRecord = {
        id: deps.ids.next(),
        customerId: input.customerId,
        purpose: grant.purpose,
        channel: grant.channel,
        action: 'withdrawn',
        at: now,
        recordedAt: now,
        recordedBy: actor.id,
        source: 'erasure',
        ...(input.requestRef === undefined ? {} : { evidenceRef: input.requestRef }),
      };
      const saved = await appendConsent(tx, current, withdrawal, now);
      current = { data: saved.customer, version: saved.version };
      withdrawals.push(withdrawal);
    }
    const context = {
      at: now,
      actorId: actor.id,
      ...(input.requestRef === undefined ? {} : { requestRef: input.requestRef }),
    };
    const sources: ErasureReport['sources'][number][] = [];
    for (const source of ctx.sources) {
      const result = await callSource(source, 'erase', () => source.erase(input.customerId, tx, context));
      const checked = parseInput(
        SourceErasureResult,
        result,
        `erasure result of personal-data source "${source.name}"`,
      );
      sources.push({ name: source.name, anonymised: checked.anonymised, retained: checked.retained });
    }
    // messages about the customer, or naming them in their facts, stop carrying anything but ids
    await forgetEvents(tx, { entityType: 'customer', ids: [input.customerId], at: now });
    await redactEventMessages(tx, { field: 'data.customerId', ids: [input.customerId], at: now });
    const stub = eraseCustomerRecord(current.data, now);
    const saved = await tx.repository(CustomerCollection).update(stub, current.version);
    const erasure = saved.data.erasure!;
    const until = {
      'accounting-identifiers': erasure.retainUntil,
      'consent-proofs': erasure.consentsRetainUntil,
    };
    const report: ErasureReport = {
      customerId: input.customerId,
      erasedAt: now,
      blanked: blankedFields,
      kept: CustomerRetentionRules.map((rule) => ({
        what: rule.what,
        basis: rule.basis,
        until: until[rule.id],
      })),
      withdrawnConsents: grants.length,
      sources,
    };
    const events = [
      ...withdrawals.map((w) =>
        customerEvent('consent.withdrawn', input.customerId, {
          consentId: w.id,
          purpose: w.purpose,
          channel: w.channel,
          source: w.source,
        }),
      ),
      customerEvent('customer.erased', input.customerId, {
        ...(input.requestRef === undefined ? {} : { requestRef: input.requestRef }),
        withdrawnConsents: grants.length,
        retainUntil: erasure.retainUntil,
        consentsRetainUntil: erasure.consentsRetainUntil,
        sources: sources.map((s) => ({
          name: s.name,
          anonymised: s.anonymised,
          retained: s.retained.reduce((n, r) => n + r.count, 0),
        })),
      }),
    ];
    await recordEvents(tx, deps.clock, actor.id, events);
    return { customer: viewFor(saved.data, actor), version: saved.version, report, events };
  });
}
