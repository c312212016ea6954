import { z } from 'zod';
import { createAuditLog } from '../audit/audit-log';
import { parseInput } from '../errors/validate';
import type { Clock } from '../ports/clock';
import type { IdGenerator } from '../ports/ids';
import type { Store } from '../ports/storage';

/**
 * What a command produced: one fact about one entity. Each becomes an audit entry and an outbox message
 * (topic = `type`) in the command's own transaction.
 * @category Services
 */
export const DomainEvent = z.object({
  /** Dotted past tense: `ticket.escalated`, `consent.withdrawn`. */
  type: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/),
  entityType: z.string().min(1).max(100),
  entityId: z.string().min(1).max(200),
  /** JSON facts; no personal data beyond ids, since the audit log is kept longer than most records. */
  payload: z.json().default(null),
  /** An idempotency key for the outbox message, when re-running the command must not announce twice. */
  dedupeKey: z.string().min(1).max(500).optional(),
});
/** @category Services */
export type DomainEvent = z.input<typeof DomainEvent>;

/**
 * What every Frontline service is built from: the store (with its unit of work, outbox and audit storage),
 * the clock and the id generator.
 * @category Services
 */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
}

/**
 * Appends each event to the audit log and the outbox of `tx` — call it inside the command's transaction so
 * state, audit and messages commit together.
 * @category Services
 */
export async function recordEvents(
  tx: Store,
  clock: Clock,
  actorId: string,
  events: readonly DomainEvent[],
): Promise<void> {
  const parsed = parseInput(z.array(DomainEvent), events, 'events');
  if (parsed.length === 0) return;
  const audit = createAuditLog({ store: tx, clock });
  for (const event of parsed) {
    await audit.append({
      actor: actorId,
      entityType: event.entityType,
      entityId: event.entityId,
      type: event.type,
      payload: event.payload,
    });
  }
  await tx.outbox.enqueue(
    parsed.map((event) => ({
      topic: event.type,
      payload: {
        entityType: event.entityType,
        entityId: event.entityId,
        actor: actorId,
        data: event.payload,
      },
      ...(event.dedupeKey === undefined ? {} : { dedupeKey: event.dedupeKey }),
    })),
  );
}
