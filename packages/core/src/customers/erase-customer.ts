import { Permissions } from '../agents/permissions';
import { parseInput } from '../errors/validate';
import { emit } from '../kit/define-event';
import { forgetEvents, redactEventMessages } from '../services/domain-events';
import type { ConsentRecord } from './consent';
import { appendConsent, consentEvent } from './consent-commands';
import { type CustomerCommandSpec, customerResult, runCustomerCommand } from './customer-command';
import { aboutCustomer, CustomerErased } from './customer-events';
import { EraseCustomerInput } from './customer-inputs';
import type { EraseCustomerResult, ErasureReport } from './customer-results';
import { type CustomerContext, callSource, requireActive } from './customer-support';
import { CustomerDataClassification, DataClassHandling } from './personal-data';
import { SourceErasureResult } from './personal-data-source';
import { CustomerRetentionRules, eraseCustomerRecord } from './retention';

/** The customer fields an erasure blanks, read from the classification. */
export const blankedFields: readonly string[] = Object.entries(CustomerDataClassification)
  .filter(([, cls]) => DataClassHandling[cls].onErasure === 'blank')
  .map(([path]) => path);

/**
 * `eraseCustomer`, one command on the customer through the kit's runner, whose unit of work also writes what
 * the erasure reaches beyond the customer (through `tx`): withdraws every standing grant (source `erasure`, so
 * the history shows when contact ended), lets every personal-data source erase its part, forgets what the
 * customer's own events said (sealed audit values deleted, outbox messages about the customer or naming them
 * redacted — the audit chain is never rewritten and still verifies), and saves the restricted stub (see
 * `eraseCustomerRecord` and `CustomerRetentionRules`) with the expected version. Either all of it happens or,
 * when any part fails, none; a grant recorded meanwhile makes the save lose the race and the erasure is decided
 * again on the new state.
 */
export async function eraseCustomer(ctx: CustomerContext, raw: unknown): Promise<EraseCustomerResult> {
  const spec: CustomerCommandSpec<typeof EraseCustomerInput, ErasureReport> = {
    name: 'erasure request',
    input: EraseCustomerInput,
    permission: Permissions.customerErase,
    execute: async ({ input, actor, current, at: now, tx }) => {
      requireActive(current.data, 'erase');
      const evidence = input.requestRef === undefined ? {} : { evidenceRef: input.requestRef };
      let customer = current.data;
      const withdrawals: ConsentRecord[] = [];
      for (const grant of customer.consentState.filter((e) => e.state === 'granted')) {
        const withdrawal: ConsentRecord = {
          id: ctx.deps.ids.next(),
          customerId: input.customerId,
          purpose: grant.purpose,
          channel: grant.channel,
          action: 'withdrawn',
          at: now,
          recordedAt: now,
          recordedBy: actor.id,
          source: 'erasure',
          ...evidence,
        };
        customer = (await appendConsent(tx, customer, withdrawal, now)).customer;
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
      const stub = eraseCustomerRecord(customer, now);
      const erasure = stub.erasure!;
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
        withdrawnConsents: withdrawals.length,
        sources,
      };
      const erased = emit(CustomerErased, aboutCustomer(input.customerId), {
        ...(input.requestRef === undefined ? {} : { requestRef: input.requestRef }),
        withdrawnConsents: withdrawals.length,
        retainUntil: erasure.retainUntil,
        consentsRetainUntil: erasure.consentsRetainUntil,
        sources: sources.map((s) => ({
          name: s.name,
          anonymised: s.anonymised,
          retained: s.retained.reduce((n, r) => n + r.count, 0),
        })),
      });
      return { entity: stub, events: [...withdrawals.map(consentEvent), erased], extra: report };
    },
  };
  const result = await runCustomerCommand(ctx, spec, raw);
  return { ...customerResult(result), report: result.extra!.value! };
}
