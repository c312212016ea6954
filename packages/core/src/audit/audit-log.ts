import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import type { AuditEntry, AuditStore } from '../ports/audit-store';
import type { Clock } from '../ports/clock';
import { canonicalJson } from './canonical-json';

/** The hash that stands before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * What a caller records; the log adds `seq`, `at`, `prevHash` and `hash`.
 * @category Audit
 */
export const AuditEvent = z.object({
  actor: z.string().min(1).max(200),
  entityType: z.string().min(1).max(100),
  entityId: z.string().min(1).max(200),
  type: z.string().min(1).max(200),
  payload: z.json().default(null),
});
/** @category Audit */
export type AuditEvent = z.input<typeof AuditEvent>;

/**
 * The SHA-256 (hex) of an entry's canonical form, `hash` itself left out.
 * @category Audit
 */
export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const canonical = canonicalJson({
    seq: entry.seq,
    at: entry.at.toISOString(),
    actor: entry.actor,
    entityType: entry.entityType,
    entityId: entry.entityId,
    type: entry.type,
    payload: entry.payload,
    prevHash: entry.prevHash,
  });
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * What {@link verifyAuditChain} found. On failure, `seq` is the first entry that was modified, the first
 * missing one, the first out of order, or (for `truncated`) the first expected past the end.
 * @category Audit
 */
export type AuditVerification =
  | { ok: true; count: number; head: { seq: number; hash: string } | null }
  | {
      ok: false;
      seq: number;
      problem: 'modified' | 'removed' | 'reordered' | 'truncated';
      message: string;
      checked: number;
    };

/**
 * Walks a chain in stored order and reports the first entry that breaks it.
 *
 * A chain only proves itself up to its newest entry: removing entries from the end, or rewriting the whole
 * chain, is caught only against an anchor kept elsewhere — pass the last head you saw as `expectedHead`.
 * @category Audit
 */
export async function verifyAuditChain(
  entries: AsyncIterable<AuditEntry> | Iterable<AuditEntry>,
  options: { expectedHead?: { seq: number; hash: string } } = {},
): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let anchoredHash: string | undefined;
  const fail = (seq: number, problem: 'modified' | 'removed' | 'reordered' | 'truncated', message: string) =>
    ({ ok: false, seq, problem, message, checked }) as const;
  for await (const entry of entries) {
    if (entry.seq > expectedSeq) {
      return fail(
        expectedSeq,
        'removed',
        `Audit entry ${expectedSeq} is missing (the next one is ${entry.seq}).`,
      );
    }
    if (entry.seq < expectedSeq) {
      return fail(entry.seq, 'reordered', `Audit entry ${entry.seq} appears after entry ${expectedSeq - 1}.`);
    }
    if (hashAuditEntry(entry) !== entry.hash) {
      return fail(entry.seq, 'modified', `Audit entry ${entry.seq} was modified after it was written.`);
    }
    if (entry.prevHash !== prevHash) {
      return fail(
        entry.seq - 1,
        'modified',
        `Audit entry ${entry.seq - 1} was modified or replaced: entry ${entry.seq} was chained to a different one.`,
      );
    }
    prevHash = entry.hash;
    if (entry.seq === options.expectedHead?.seq) anchoredHash = entry.hash;
    expectedSeq++;
    checked++;
  }
  const anchor = options.expectedHead;
  if (anchor) {
    if (checked < anchor.seq) {
      return fail(
        checked + 1,
        'truncated',
        `The audit log ends at entry ${checked}; entry ${anchor.seq} was seen before.`,
      );
    }
    if (anchoredHash !== anchor.hash) {
      return fail(anchor.seq, 'modified', `Audit entry ${anchor.seq} differs from the anchored one.`);
    }
  }
  return { ok: true, count: checked, head: checked === 0 ? null : { seq: checked, hash: prevHash } };
}

/**
 * The audit log of a store: append events, read them back, verify the chain.
 * @category Audit
 */
export interface AuditLog {
  /** Records one event as the next link of the chain and returns the stored entry. */
  append(event: AuditEvent): Promise<AuditEntry>;
  /** Streams entries, optionally for one entity. */
  entries(filter?: { entityType?: string; entityId?: string; fromSeq?: number }): AsyncIterable<AuditEntry>;
  /** Checks the whole chain; see {@link verifyAuditChain}. */
  verify(options?: { expectedHead?: { seq: number; hash: string } }): Promise<AuditVerification>;
}

/**
 * An audit log over a store's {@link AuditStore}. Call it on a transaction's store (`tx`) and the entry
 * commits or rolls back with the change it records.
 * @example
 * await store.transaction(async (tx) => {
 *   await tx.repository(Tickets).update(ticket, version);
 *   await createAuditLog({ store: tx, clock }).append({ actor: agentId, entityType: 'ticket',
 *     entityId: ticket.id, type: 'ticket.escalated', payload: { reason } });
 * });
 * @category Audit
 */
export function createAuditLog(options: { store: { audit: AuditStore }; clock: Clock }): AuditLog {
  const { store, clock } = options;
  return {
    append: async (input) => {
      const event = parseInput(AuditEvent, input, 'audit event');
      return store.audit.appendChained((head) => {
        // read the time once the head is held, so entries' times never run backwards along the chain
        const at = clock.now();
        const base = {
          seq: (head?.seq ?? 0) + 1,
          at,
          actor: event.actor,
          entityType: event.entityType,
          entityId: event.entityId,
          type: event.type,
          payload: JSON.parse(JSON.stringify(event.payload)),
          prevHash: head?.hash ?? GENESIS_HASH,
        };
        return { ...base, hash: hashAuditEntry(base) };
      });
    },
    entries: (filter) => store.audit.read(filter),
    verify: (verifyOptions) => verifyAuditChain(store.audit.read(), verifyOptions),
  };
}
