import { z } from 'zod';
import { createAuditLog } from '../audit/audit-log';
import { forgetSealedValues, SealedAuditValues, sealPayload } from '../audit/sealed-values';
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
  /**
   * JSON facts: ids and codes, since the audit log is kept longer than most records and its entries can never
   * change. A fact that may quote a person (a free-text reason or note) is named in `sealed`.
   */
  payload: z.json().default(null),
  /**
   * Top-level payload fields kept out of the audit chain (see `sealPayload`): the entry holds a salted digest,
   * the cleartext is stored beside the chain, and an erasure of the entity deletes it (`forgetEvents`) while
   * the chain still verifies. The outbox message carries the cleartext until the erasure redacts it.
   */
  sealed: z.array(z.string().min(1).max(100)).max(20).optional(),
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
 *
 * Personal data and the audit chain: an entry can never change without breaking the chain, so payloads carry
 * ids and codes. A field that may quote a person is named in the event's `sealed`: its entry holds a salted
 * digest (see `sealPayload`), its cleartext one row of `audit_sealed_values` (one insert per sealed value), and
 * an erasure deletes that row (`forgetEvents`) — the chain still verifies. The outbox message keeps the facts as
 * given, for its consumers, until an erasure redacts it (`redactEventMessages`).
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
  const entries = [];
  for (const [i, event] of parsed.entries()) {
    let payload: unknown = event.payload;
    if (event.sealed !== undefined && event.sealed.length > 0) {
      const fields = parseInput(
        z.record(z.string(), z.json()),
        event.payload,
        `events.${i}.payload (an event with sealed fields has an object payload)`,
      );
      const split = sealPayload({
        entityType: event.entityType,
        entityId: event.entityId,
        payload: fields,
        keys: event.sealed,
        at: clock.now(),
      });
      for (const value of split.values) await tx.repository(SealedAuditValues).insert(value);
      payload = split.payload;
    }
    entries.push({
      actor: actorId,
      entityType: event.entityType,
      entityId: event.entityId,
      type: event.type,
      payload: payload as DomainEvent['payload'],
    });
  }
  // a command's audit entries in one write, its messages in another
  await createAuditLog({ store: tx, clock }).appendMany(entries);
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

/** Why {@link redactEventMessages} rewrote a message; consumers drop or skip what it marks. */
export const ERASURE_REDACTION = 'personal-data-erasure';

const RedactEventMessagesInput = z.object({
  /** `entityId`: messages about these entities; `data.<key>`: messages whose event facts name one (`data.customerId`). */
  field: z.string().regex(/^(entityId|data\.[a-zA-Z][a-zA-Z0-9_]{0,99})$/),
  ids: z.array(z.string().min(1).max(200)).max(100_000),
  at: z.date(),
});

/**
 * The payload an erased message keeps: which entity it was about, who acted and when it was redacted —
 * `data` (the event's facts, which may quote the customer) becomes `null`. A message redacted before keeps
 * its first redaction, so running an erasure or a sweep again changes nothing.
 * @category Services
 */
export function redactedEventPayload(message: unknown, when: Date): unknown {
  const payload = parseInput(z.json(), message, 'outbox payload');
  const at = parseInput(z.date(), when, 'redaction instant');
  const p = payload !== null && typeof payload === 'object' && !Array.isArray(payload) ? payload : {};
  const fields = p as Record<string, unknown>;
  if (fields.redacted !== undefined) return payload;
  const text = (key: string) => (typeof fields[key] === 'string' ? fields[key] : null);
  return {
    entityType: text('entityType'),
    entityId: text('entityId'),
    actor: text('actor'),
    data: null,
    redacted: { at: at.toISOString(), reason: ERASURE_REDACTION },
  };
}

/**
 * Redacts the outbox messages {@link recordEvents} wrote about some entities (`field: 'entityId'`) or whose
 * event facts name one of `ids` (`field: 'data.customerId'`), whatever their status: a pending one is still delivered, without its facts (see
 * {@link redactedEventPayload}); a delivered one kept for a while no longer holds them. Returns how many changed.
 * Call it inside the erasure's transaction.
 * @category Services
 */
export async function redactEventMessages(
  tx: Store,
  input: { field: 'entityId' | `data.${string}`; ids: readonly string[]; at: Date },
): Promise<number> {
  const { field, ids, at } = parseInput(RedactEventMessagesInput, input, 'event message redaction');
  const path = field.split('.');
  let changed = 0;
  for (let i = 0; i < ids.length; i += 10_000) {
    changed += await tx.outbox.redact({
      path,
      values: ids.slice(i, i + 10_000),
      redact: (message) => redactedEventPayload(message.payload, at),
    });
  }
  return changed;
}

/**
 * Forgets what the events about these entities said about a person, inside an erasure's (or a sweep's)
 * transaction: deletes the sealed values of their audit entries (the chain keeps digests and verifies) and
 * redacts their outbox messages (see {@link redactEventMessages}).
 * @category Services
 */
export async function forgetEvents(
  tx: Store,
  input: { entityType: string; ids: readonly string[]; at: Date },
): Promise<{ sealedValues: number; messages: number }> {
  const sealedValues = await forgetSealedValues(tx, { entityType: input.entityType, ids: input.ids });
  const messages =
    input.ids.length === 0
      ? 0
      : await redactEventMessages(tx, { field: 'entityId', ids: input.ids, at: input.at });
  return { sealedValues, messages };
}
