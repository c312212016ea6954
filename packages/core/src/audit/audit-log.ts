import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import type { AuditEntry, AuditHead, AuditStore } from '../ports/audit-store';
import type { Clock } from '../ports/clock';
import {
  type AuditCheckpoint,
  type CheckpointSigningKey,
  type CheckpointVerifyingKeys,
  checkAuditCheckpoint,
  signAuditCheckpoint,
} from './audit-checkpoint';
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
      problem: 'modified' | 'removed' | 'reordered' | 'truncated' | 'forged_checkpoint';
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
  options: { expectedHead?: { seq: number; hash: string }; anchors?: readonly AuditAnchor[] } = {},
): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const anchors: AuditAnchor[] = [
    ...(options.expectedHead ? [{ ...options.expectedHead, source: 'the expected head' }] : []),
    ...(options.anchors ?? []),
  ];
  const seen = new Map<number, string>();
  const wanted = new Set(anchors.map((a) => a.seq));
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
    if (wanted.has(entry.seq)) seen.set(entry.seq, entry.hash);
    expectedSeq++;
    checked++;
  }
  for (const anchor of [...anchors].sort((a, b) => a.seq - b.seq)) {
    if (checked < anchor.seq) {
      return fail(
        checked + 1,
        'truncated',
        `The audit log ends at entry ${checked}, but ${anchor.source} names entry ${anchor.seq}: the tail was cut. ` +
          (anchor.repair ?? 'Restore the missing entries from a backup.'),
      );
    }
    if (seen.get(anchor.seq) !== anchor.hash) {
      return fail(
        anchor.seq,
        'modified',
        `Audit entry ${anchor.seq} differs from the one ${anchor.source} names: the chain was rewritten from there on.`,
      );
    }
  }
  return { ok: true, count: checked, head: checked === 0 ? null : { seq: checked, hash: prevHash } };
}

/**
 * A point the chain must pass through: entry `seq` with `hash`, known from somewhere other than the entries
 * (the store's head row, a checkpoint kept elsewhere, a head remembered by the caller).
 * @category Audit
 */
export interface AuditAnchor {
  readonly seq: number;
  readonly hash: string;
  /** What named it, for messages (`"the store's head"`, `"checkpoint k1 of 2026-03-02"`). */
  readonly source: string;
  /** What a person does when the log ends before this anchor. */
  readonly repair?: string;
}

/**
 * What `verify` may check besides the chain itself: a head seen before, and checkpoints kept outside the store
 * with the keys to check their signatures.
 * @category Audit
 */
export interface AuditVerifyOptions {
  readonly expectedHead?: { seq: number; hash: string };
  readonly checkpoints?: readonly AuditCheckpoint[];
  readonly keys?: CheckpointVerifyingKeys;
}

/**
 * The audit log of a store: append events, read them back, verify the chain.
 * @category Audit
 */
export interface AuditLog {
  /** Records one event as the next link of the chain and returns the stored entry. */
  append(event: AuditEvent): Promise<AuditEntry>;
  /** Records several events as the next links, in one write where the store can (a command's events). */
  appendMany(events: readonly AuditEvent[]): Promise<AuditEntry[]>;
  /** Streams entries, optionally for one entity. */
  entries(filter?: { entityType?: string; entityId?: string; fromSeq?: number }): AsyncIterable<AuditEntry>;
  /**
   * Checks the whole chain (see {@link verifyAuditChain}) against the store's own head, when the store keeps one
   * (a deleted tail is reported, with the repair), and against each checkpoint given, after checking its
   * signature (a tail rewritten with recomputed hashes is reported).
   */
  verify(options?: AuditVerifyOptions): Promise<AuditVerification>;
  /** Signs the chain's current head as a checkpoint to keep outside the store; `null` while the log is empty. */
  checkpoint(key: CheckpointSigningKey): Promise<AuditCheckpoint | null>;
}

/**
 * The entries that follow `head` for `events`, chained in order. The time is read once the head is held (the
 * caller passes it), so entries' times never run backwards along the chain.
 */
function chainAfter(
  head: AuditHead | undefined,
  events: readonly z.output<typeof AuditEvent>[],
  at: Date,
): AuditEntry[] {
  const out: AuditEntry[] = [];
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  for (const event of events) {
    seq += 1;
    const base = {
      seq,
      at,
      actor: event.actor,
      entityType: event.entityType,
      entityId: event.entityId,
      type: event.type,
      payload: JSON.parse(JSON.stringify(event.payload)),
      prevHash,
    };
    const entry = { ...base, hash: hashAuditEntry(base) };
    out.push(entry);
    prevHash = entry.hash;
  }
  return out;
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
      return store.audit.appendChained((head) => chainAfter(head, [event], clock.now())[0]!);
    },
    appendMany: async (input) => {
      const events = parseInput(z.array(AuditEvent).max(1000), input, 'audit events');
      if (events.length === 0) return [];
      const many = store.audit.appendChainedMany;
      if (many) return many.call(store.audit, (head) => chainAfter(head, events, clock.now()));
      const out: AuditEntry[] = [];
      for (const event of events)
        out.push(await store.audit.appendChained((head) => chainAfter(head, [event], clock.now())[0]!));
      return out;
    },
    entries: (filter) => store.audit.read(filter),
    verify: async (verifyOptions = {}) => {
      const anchors: AuditAnchor[] = [];
      for (const checkpoint of verifyOptions.checkpoints ?? []) {
        if (!checkAuditCheckpoint(checkpoint, verifyOptions.keys ?? {})) {
          return {
            ok: false,
            seq: checkpoint.seq,
            problem: 'forged_checkpoint',
            message: `Checkpoint of entry ${checkpoint.seq} (key "${checkpoint.keyId}") does not verify: forged, or signed with another key.`,
            checked: 0,
          };
        }
        anchors.push({
          seq: checkpoint.seq,
          hash: checkpoint.hash,
          source: `checkpoint "${checkpoint.keyId}" of ${checkpoint.at.toISOString()}`,
        });
      }
      const stored = await store.audit.storedHead?.();
      if (stored) {
        anchors.push({
          ...stored,
          source: "the store's head",
          repair:
            'Restore the missing entries from a backup; if they are lost for good, record the loss and set the ' +
            "store's head back to the last stored entry (the adapter's README says how).",
        });
      }
      return verifyAuditChain(store.audit.read(), {
        ...(verifyOptions.expectedHead ? { expectedHead: verifyOptions.expectedHead } : {}),
        anchors,
      });
    },
    checkpoint: async (key) => {
      const head = (await store.audit.storedHead?.()) ?? (await store.audit.head());
      return head ? signAuditCheckpoint({ seq: head.seq, hash: head.hash }, key, clock.now()) : null;
    },
  };
}
