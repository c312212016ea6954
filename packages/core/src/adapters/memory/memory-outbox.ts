import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../../errors/frontline-error';
import { parseInput } from '../../errors/validate';
import type { Clock } from '../../ports/clock';
import type { IdGenerator } from '../../ports/ids';
import type {
  ClaimedMessage,
  ClaimOptions,
  FailOptions,
  Outbox,
  OutboxMessage,
  OutboxStats,
} from '../../ports/outbox';
import {
  ClaimHandleInput,
  ClaimOptionsInput,
  FailOptionsInput,
  NewOutboxMessageInput,
  OutboxRedactionInput,
  payloadStringAt,
} from '../../ports/outbox-input';
import { IdInput } from '../../ports/storage-input';

/** One change to undo when the unit of work fails. */
export type Undo = () => void;

/** Runs an operation under the store's lock (or the running transaction's) with an undo log. */
export type MemoryScope = <R>(op: (undo: Undo[]) => R | Promise<R>) => Promise<R>;

/** An outbox message as the memory adapter keeps it. */
export interface OutboxRow {
  id: string;
  topic: string;
  payloadJson: string;
  dedupeKey: string | null;
  createdAt: number;
  availableAt: number;
  attempts: number;
  status: OutboxMessage['status'];
  lastError: string | null;
  leaseToken: string | null;
  leaseExpiresAt: number | null;
  seq: number;
}

/** The outbox part of the memory store's state. */
export interface MemoryOutboxState {
  outbox: Map<string, OutboxRow>;
  outboxByDedupeKey: Map<string, string>;
  outboxSeq: number;
}

/**
 * The memory adapter's outbox: messages in a map, claimed with leases, oldest `availableAt` first (the map is
 * walked: the reference adapter trades speed for obviousness). Internal to `createMemoryStore`.
 */
export function createMemoryOutbox(
  state: MemoryOutboxState,
  scope: MemoryScope,
  clock: Clock,
  ids: IdGenerator,
  /** JSON of a payload, refused (`ValidationError`) over the store's ceiling. */
  encode: (value: unknown, what: string) => string,
): Outbox {
  const view = (row: OutboxRow): OutboxMessage => ({
    id: row.id,
    topic: row.topic,
    payload: JSON.parse(row.payloadJson),
    dedupeKey: row.dedupeKey,
    createdAt: new Date(row.createdAt),
    availableAt: new Date(row.availableAt),
    attempts: row.attempts,
    status: row.status,
    lastError: row.lastError,
  });
  const mutate = (undo: Undo[], row: OutboxRow, change: Partial<OutboxRow>) => {
    const before = { ...row };
    Object.assign(row, change);
    undo.push(() => Object.assign(row, before));
  };
  const held = (handle: Pick<ClaimedMessage, 'id' | 'leaseToken'>, now: number): OutboxRow => {
    const message = parseInput(ClaimHandleInput, handle, 'claimed message');
    const row = state.outbox.get(message.id);
    if (!row) throw new NotFoundError('outbox message', message.id);
    if (
      row.status !== 'claimed' ||
      row.leaseToken !== message.leaseToken ||
      (row.leaseExpiresAt ?? 0) <= now
    ) {
      throw new ConflictError(`Outbox message "${message.id}" is no longer held by this claim.`, {
        details: { id: message.id, status: row.status },
      });
    }
    return row;
  };
  return {
    enqueue: (messages) =>
      scope((undo) => {
        const now = clock.now().getTime();
        const stored: string[] = [];
        const prepared = parseInput(z.array(NewOutboxMessageInput), messages, 'outbox messages').map(
          (m, i) => ({
            ...m,
            payloadJson: encode(m.payload, `outbox message ${i} payload`),
          }),
        );
        for (const message of prepared) {
          if (message.dedupeKey !== undefined && state.outboxByDedupeKey.has(message.dedupeKey)) continue;
          const row: OutboxRow = {
            id: ids.next(),
            topic: message.topic,
            payloadJson: message.payloadJson,
            dedupeKey: message.dedupeKey ?? null,
            createdAt: now,
            availableAt: message.availableAt?.getTime() ?? now,
            attempts: 0,
            status: 'pending',
            lastError: null,
            leaseToken: null,
            leaseExpiresAt: null,
            seq: ++state.outboxSeq,
          };
          state.outbox.set(row.id, row);
          if (row.dedupeKey !== null) state.outboxByDedupeKey.set(row.dedupeKey, row.id);
          undo.push(() => {
            state.outbox.delete(row.id);
            if (row.dedupeKey !== null) state.outboxByDedupeKey.delete(row.dedupeKey);
          });
          stored.push(row.id);
        }
        return stored;
      }),
    claim: (claimOptions: ClaimOptions) =>
      scope((undo) => {
        parseInput(ClaimOptionsInput, claimOptions, 'claim options');
        const now = clock.now().getTime();
        const due: OutboxRow[] = [];
        for (const row of state.outbox.values()) {
          const claimable =
            (row.status === 'pending' && row.availableAt <= now) ||
            (row.status === 'claimed' && (row.leaseExpiresAt ?? 0) <= now);
          if (claimable) due.push(row);
        }
        due.sort((a, b) => a.availableAt - b.availableAt || a.seq - b.seq);
        return due.slice(0, claimOptions.limit).map((row) => {
          mutate(undo, row, {
            status: 'claimed',
            attempts: row.attempts + 1,
            leaseToken: randomUUID(),
            leaseExpiresAt: now + claimOptions.leaseMs,
          });
          return {
            ...view(row),
            status: 'claimed' as const,
            leaseToken: row.leaseToken!,
            leaseExpiresAt: new Date(row.leaseExpiresAt!),
          };
        });
      }),
    complete: (message) =>
      scope((undo) => {
        const row = held(message, clock.now().getTime());
        mutate(undo, row, { status: 'done', leaseToken: null, leaseExpiresAt: null });
      }),
    fail: (message, failOptions: FailOptions) =>
      scope((undo) => {
        parseInput(FailOptionsInput, failOptions, 'fail options');
        const now = clock.now().getTime();
        const row = held(message, now);
        const maxAttempts = failOptions.maxAttempts ?? 10;
        const dead = row.attempts >= maxAttempts;
        mutate(undo, row, {
          status: dead ? 'dead' : 'pending',
          lastError: String(failOptions.error).slice(0, 4000),
          leaseToken: null,
          leaseExpiresAt: null,
          availableAt: dead ? row.availableAt : (failOptions.retryAt?.getTime() ?? now),
        });
        return dead ? 'dead' : 'retry';
      }),
    get: (id) =>
      scope(() => {
        const row = state.outbox.get(parseInput(IdInput, id, 'id'));
        return row ? view(row) : undefined;
      }),
    stats: () =>
      scope(() => {
        const stats: OutboxStats = { pending: 0, claimed: 0, done: 0, dead: 0 };
        const now = clock.now().getTime();
        for (const row of state.outbox.values()) {
          if (row.status === 'claimed' && (row.leaseExpiresAt ?? 0) <= now) stats.pending++;
          else stats[row.status]++;
        }
        return stats;
      }),
    redact: (redaction) =>
      scope((undo) => {
        const { path, values } = parseInput(OutboxRedactionInput, redaction, 'outbox redaction');
        const wanted = new Set(values);
        const changes: { row: OutboxRow; payloadJson: string }[] = [];
        for (const row of state.outbox.values()) {
          const at = payloadStringAt(JSON.parse(row.payloadJson), path);
          if (at === undefined || !wanted.has(at)) continue;
          const payload = parseInput(z.json(), redaction.redact(view(row)), 'redacted outbox payload');
          const payloadJson = encode(payload, 'redacted outbox payload');
          if (payloadJson !== row.payloadJson) changes.push({ row, payloadJson });
        }
        // every payload is computed (and checked) before any is written: a failing one changes nothing
        for (const { row, payloadJson } of changes) mutate(undo, row, { payloadJson });
        return changes.length;
      }),
  };
}
