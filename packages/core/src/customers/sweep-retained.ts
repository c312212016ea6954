import { z } from 'zod';
import { Permissions } from '../agents/permissions';
import { parseInput } from '../errors/validate';
import { Actor, requirePermission } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import { BUDAPEST } from '../kernel/time-zone';
import { runCommand } from '../kit/command-runner';
import { emit } from '../kit/define-event';
import type { Store } from '../ports/storage';
import { type DomainEvent, recordEvents, redactEventMessages } from '../services/domain-events';
import { ConsentCollection, CustomerCollection } from './customer-collections';
import { aboutCustomer, CustomerConsentsRemoved, CustomerStubRemoved } from './customer-events';
import { type CustomerContext, callSource } from './customer-support';
import { calendarDateIn } from './local-date';
import { SourceSweepResult } from './personal-data-source';

/**
 * Input of `sweepRetained`: who runs it and at most how many records each part removes in one run.
 * @category Customers
 */
export const SweepRetainedInput = z.strictObject({
  actor: Actor,
  limit: z.int().min(1).max(100_000).default(1000),
});
/** @category Customers */
export type SweepRetainedInput = z.input<typeof SweepRetainedInput>;

/**
 * What a retention sweep removed: erased customers' stubs and consent histories whose day had passed, and each
 * personal-data source's retained records. `more` says a part stopped at the limit: run the sweep again.
 * @category Customers
 */
export interface SweepRetainedResult {
  readonly sweptAt: Date;
  readonly customerStubs: number;
  readonly consentHistories: number;
  readonly consentRecords: number;
  readonly sources: readonly { name: string; removed: number; more: boolean }[];
  readonly more: boolean;
}

async function deleteConsents(tx: Store, customerId: string): Promise<number> {
  const repo = tx.repository(ConsentCollection);
  const rows: { id: string; version: number }[] = [];
  for await (const row of repo.query({ index: 'customer_id', equals: customerId })) {
    rows.push({ id: row.data.id, version: row.version });
  }
  for (const row of rows) await repo.delete(row.id, row.version);
  return rows.length;
}

/** Input of one consent-history removal on the runner (the sweep's actor, already checked, and the customer). */
const ConsentHistoryRemoval = z.strictObject({ actor: Actor, customerId: EntityId });

/**
 * Deletes one erased customer's consent history once its day (`consentsRetainUntil`) is before `today`, and
 * records on the stub when (`consentsRemovedAt`): one command on the runner, so a history a concurrent sweep
 * removed meanwhile is found done and skipped. The number of records removed, or `null` when nothing was due.
 */
async function removeConsentHistory(
  ctx: CustomerContext,
  actor: Actor,
  customerId: string,
  today: string,
): Promise<number | null> {
  const result = await runCommand(
    ctx.deps,
    {
      name: 'consent history removal',
      input: ConsentHistoryRemoval,
      collection: CustomerCollection,
      id: (input) => input.customerId,
      permission: Permissions.customerErase,
      execute: async ({ current, at, tx }) => {
        const erasure = current.data.erasure;
        if (!erasure || erasure.consentsRemovedAt || erasure.consentsRetainUntil >= today) {
          return { entity: current.data, events: [] };
        }
        const consentRecords = await deleteConsents(tx, customerId);
        return {
          entity: { ...current.data, erasure: { ...erasure, consentsRemovedAt: at } },
          events: [emit(CustomerConsentsRemoved, aboutCustomer(customerId), { consentRecords })],
          extra: consentRecords,
        };
      },
    },
    { actor, customerId },
  );
  return result.events.length === 0 ? null : (result.extra ?? 0);
}

/**
 * `sweepRetained`: removes what erasures kept once its day has passed — the consent histories
 * (`consentsRetainUntil`), the customer stubs (`retainUntil`, with any consents left) and, through each source's
 * `sweep`, what the sources retained (complaint files). Every part streams an index by due date
 * (`consents_retain_until`, `retain_until`, the sources' own), so a run costs what is due, not the size of the
 * base; running it again removes nothing more. Each consent history goes in its own unit of work on the kit's
 * runner (it changes one customer: `customer.consents_removed.v1`); the stubs, which the runner cannot delete,
 * and the sources' parts go together in one more (`customer.stub_removed.v1`), where a concurrent change fails
 * that part (`CONFLICT`) with nothing of it removed — run the sweep again.
 */
export async function sweepRetained(ctx: CustomerContext, raw: unknown): Promise<SweepRetainedResult> {
  const { deps } = ctx;
  const input = parseInput(SweepRetainedInput, raw, 'retention sweep');
  const actor = requirePermission(input.actor, Permissions.customerErase);
  const at = deps.clock.now();
  // "Kept until D" means deleted after D: the day of the sweep must be later (keys compare as YYYY-MM-DD).
  const today = calendarDateIn(at, BUDAPEST);
  let more = false;
  const consentsDue: string[] = [];
  for await (const row of deps.store
    .repository(CustomerCollection)
    .query({ index: 'consents_retain_until', to: today, limit: input.limit + 1 })) {
    if (consentsDue.length >= input.limit) {
      more = true;
      break;
    }
    consentsDue.push(row.data.id);
  }
  let consentHistories = 0;
  let consentRecords = 0;
  for (const customerId of consentsDue) {
    const removed = await removeConsentHistory(ctx, actor, customerId, today);
    if (removed === null) continue;
    consentHistories++;
    consentRecords += removed;
  }
  return deps.store.transaction(async (tx) => {
    const customers = tx.repository(CustomerCollection);
    const events: DomainEvent[] = [];

    const stubsDue: { id: string; version: number }[] = [];
    for await (const row of customers.query({ index: 'retain_until', to: today })) {
      if (stubsDue.length >= input.limit) {
        more = true;
        break;
      }
      stubsDue.push({ id: row.data.id, version: row.version });
    }
    for (const stub of stubsDue) {
      consentRecords += await deleteConsents(tx, stub.id);
      await customers.delete(stub.id, stub.version);
      events.push(emit(CustomerStubRemoved, aboutCustomer(stub.id), {}));
    }
    if (stubsDue.length > 0) {
      const ids = stubsDue.map((s) => s.id);
      await redactEventMessages(tx, { field: 'entityId', ids, at });
      await redactEventMessages(tx, { field: 'data.customerId', ids, at });
    }

    const sources: SweepRetainedResult['sources'][number][] = [];
    for (const source of ctx.sources) {
      const sweep = source.sweep;
      if (!sweep) continue;
      const result = await callSource(source, 'sweep', () =>
        sweep.call(source, tx, { at, actorId: actor.id, limit: input.limit }),
      );
      const checked = parseInput(SourceSweepResult, result, `sweep result of "${source.name}"`);
      sources.push({ name: source.name, removed: checked.removed, more: checked.more });
      more ||= checked.more;
    }
    await recordEvents(tx, deps.clock, actor.id, events);
    return {
      sweptAt: at,
      customerStubs: stubsDue.length,
      consentHistories,
      consentRecords,
      sources,
      more,
    };
  });
}
