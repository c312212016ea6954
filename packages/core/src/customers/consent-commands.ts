import { Permissions } from '../agents/permissions';
import { parseInput } from '../errors/validate';
import { requirePermission } from '../kernel/actor';
import type { Store } from '../ports/storage';
import { recordEvents } from '../services/domain-events';
import { type ConsentAction, type ConsentRecord, type ConsentStatus, consentStatus } from './consent';
import { consentMachine } from './consent-machine';
import type { ConsentStateEntry, Customer } from './customer.schema';
import { ConsentCollection, CustomerCollection } from './customer-collections';
import { ConsentStatementInput } from './customer-inputs';
import type { ConsentCommandResult } from './customer-results';
import {
  type CustomerContext,
  customerEvent,
  invalid,
  loadCustomer,
  requireActive,
} from './customer-support';

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
 * Appends one statement to the history and refreshes the customer's current state for its purpose and
 * channel. Writing the customer too is deliberate: its version then orders consent changes against an
 * erasure running at the same time, which must not miss a grant.
 */
export async function appendConsent(
  tx: Store,
  customer: { data: Customer; version: number },
  record: ConsentRecord,
  now: Date,
): Promise<{ customer: Customer; version: number; status: ConsentStatus }> {
  await tx.repository(ConsentCollection).insert(record);
  const history = (await consentHistoryOf(tx, customer.data.id)).filter(
    (r) => r.purpose === record.purpose && r.channel === record.channel,
  );
  const status = consentStatus(history, record.purpose, record.channel, now);
  const others = customer.data.consentState.filter(
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
  const saved = await tx
    .repository(CustomerCollection)
    .update({ ...customer.data, consentState: [...others, ...entry], updatedAt: now }, customer.version);
  return { customer: saved.data, version: saved.version, status };
}

/** `recordConsent` (action `granted`) and `withdrawConsent` (action `withdrawn`). */
export async function consentStatement(
  ctx: CustomerContext,
  action: ConsentAction,
  raw: unknown,
): Promise<ConsentCommandResult> {
  const { deps } = ctx;
  const what = action === 'granted' ? 'consent' : 'consent withdrawal';
  const input = parseInput(ConsentStatementInput, raw, what);
  const actor = requirePermission(input.actor, Permissions.consentWrite);
  const now = deps.clock.now();
  const at = input.at ?? now;
  if (at.getTime() > now.getTime()) throw invalid(what, ['at'], 'A statement cannot be dated in the future');
  return deps.store.transaction(async (tx) => {
    const current = await loadCustomer(tx, input.customerId);
    requireActive(current.data, action === 'granted' ? 'record_consent' : 'withdraw_consent');
    const standing = current.data.consentState.find(
      (e) => e.purpose === input.purpose && e.channel === input.channel,
    );
    consentMachine.decide(standing?.state ?? 'none', action === 'granted' ? 'grant' : 'withdraw', undefined);
    const record: ConsentRecord = {
      id: deps.ids.next(),
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
    const saved = await appendConsent(tx, current, record, now);
    const events = [
      customerEvent(`consent.${action}`, input.customerId, {
        consentId: record.id,
        purpose: record.purpose,
        channel: record.channel,
        source: record.source,
      }),
    ];
    await recordEvents(tx, deps.clock, actor.id, events);
    return { consent: record, status: saved.status, version: saved.version, events };
  });
}
