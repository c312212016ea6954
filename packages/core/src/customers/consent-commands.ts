import { Permissions } from '../agents/permissions';
import { emit } from '../kit/define-event';
import type { Store } from '../ports/storage';
import { type ConsentAction, type ConsentRecord, type ConsentStatus, consentStatus } from './consent';
import { consentMachine } from './consent-machine';
import type { ConsentStateEntry, Customer } from './customer.schema';
import { ConsentCollection } from './customer-collections';
import { type CustomerCommandSpec, runCustomerCommand } from './customer-command';
import { aboutCustomer, ConsentGranted, ConsentWithdrawn } from './customer-events';
import { ConsentStatementInput } from './customer-inputs';
import type { ConsentCommandResult } from './customer-results';
import { type CustomerContext, invalid, requireActive } from './customer-support';

/** The whole consent history of a customer, oldest statement first. */
export async function consentHistoryOf(tx: Store, customerId: string): Promise<ConsentRecord[]> {
  const history: ConsentRecord[] = [];
  for await (const row of tx
    .repository(ConsentCollection)
    .query({ index: 'customer_id', equals: customerId })) {
    history.push(row.data);
  }
  return history.sort(
    (a, b) => a.at.getTime() - b.at.getTime() || a.recordedAt.getTime() - b.recordedAt.getTime(),
  );
}

/**
 * Appends one statement to the history (inside `tx`) and returns the customer with its current state for the
 * statement's purpose and channel refreshed, to be saved in the same unit of work: the customer's version then
 * orders consent changes against an erasure running at the same time, which must not miss a grant.
 */
export async function appendConsent(
  tx: Store,
  customer: Customer,
  record: ConsentRecord,
  now: Date,
): Promise<{ customer: Customer; status: ConsentStatus }> {
  await tx.repository(ConsentCollection).insert(record);
  const history = (await consentHistoryOf(tx, customer.id)).filter(
    (r) => r.purpose === record.purpose && r.channel === record.channel,
  );
  const status = consentStatus(history, record.purpose, record.channel, now);
  const others = customer.consentState.filter(
    (e) => e.purpose !== record.purpose || e.channel !== record.channel,
  );
  const entry: ConsentStateEntry[] =
    status.state === 'none' || status.since === null || status.recordId === null
      ? []
      : [
          {
            purpose: record.purpose,
            channel: record.channel,
            state: status.state,
            since: status.since,
            recordId: status.recordId,
          },
        ];
  return { customer: { ...customer, consentState: [...others, ...entry], updatedAt: now }, status };
}

/** The typed event of a consent statement: ids and codes, never the evidence reference. */
export const consentEvent = (record: ConsentRecord) =>
  emit(record.action === 'granted' ? ConsentGranted : ConsentWithdrawn, aboutCustomer(record.customerId), {
    consentId: record.id,
    purpose: record.purpose,
    channel: record.channel,
    source: record.source,
  });

/**
 * `recordConsent` (action `granted`) and `withdrawConsent` (action `withdrawn`) on the kit's runner: the consent
 * machine decides the statement, the history record and the customer's current state are written in one unit
 * of work with the typed event.
 */
export async function consentStatement(
  ctx: CustomerContext,
  action: ConsentAction,
  raw: unknown,
): Promise<ConsentCommandResult> {
  const what = action === 'granted' ? 'consent' : 'consent withdrawal';
  const spec: CustomerCommandSpec<
    typeof ConsentStatementInput,
    { consent: ConsentRecord; status: ConsentStatus }
  > = {
    name: what,
    input: ConsentStatementInput,
    permission: Permissions.consentWrite,
    execute: async ({ input, actor, current, at: now, tx }) => {
      const at = input.at ?? now;
      if (at.getTime() > now.getTime())
        throw invalid(what, ['at'], 'A statement cannot be dated in the future');
      requireActive(current.data, action === 'granted' ? 'record_consent' : 'withdraw_consent');
      const standing = current.data.consentState.find(
        (e) => e.purpose === input.purpose && e.channel === input.channel,
      );
      consentMachine.decide(
        standing?.state ?? 'none',
        action === 'granted' ? 'grant' : 'withdraw',
        undefined,
      );
      const consent: ConsentRecord = {
        id: ctx.deps.ids.next(),
        customerId: input.customerId,
        purpose: input.purpose,
        channel: input.channel,
        action,
        at,
        recordedAt: now,
        recordedBy: actor.id,
        source: input.source,
        ...(input.evidenceRef === undefined ? {} : { evidenceRef: input.evidenceRef }),
      };
      const applied = await appendConsent(tx, current.data, consent, now);
      return {
        entity: applied.customer,
        events: [consentEvent(consent)],
        extra: { consent, status: applied.status },
      };
    },
  };
  const result = await runCustomerCommand(ctx, spec, raw);
  const { consent, status } = result.extra!.value!;
  return { consent, status, version: result.version, events: [...result.events] };
}
