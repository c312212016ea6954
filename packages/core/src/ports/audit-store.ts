/**
 * One audit entry as stored. `hash` is the SHA-256 of the entry's canonical form including `prevHash`,
 * so changing, removing or reordering any entry breaks the chain (see `verifyAuditChain`).
 * @category Ports
 */
export interface AuditEntry {
  /** 1, 2, 3, … without gaps. */
  readonly seq: number;
  /** When it happened (UTC). */
  readonly at: Date;
  /** Who did it: an agent id, `system`, or a worker name. */
  readonly actor: string;
  /** What kind of entity it concerns (e.g. `ticket`). */
  readonly entityType: string;
  /** Which entity. */
  readonly entityId: string;
  /** What happened (e.g. `ticket.escalated`). */
  readonly type: string;
  /** JSON-serialisable facts. */
  readonly payload: unknown;
  /** The previous entry's hash; 64 zeros for the first. */
  readonly prevHash: string;
  /** SHA-256 (hex) of this entry's canonical form. */
  readonly hash: string;
}

/**
 * What the next audit entry is chained to: the newest entry's sequence number and hash.
 * @category Ports
 */
export type AuditHead = Pick<AuditEntry, 'seq' | 'hash'>;

/**
 * The append-only storage behind the audit log. The adapter's only duty beyond storing is to serialise
 * appends: `appendChained` must read the head and write the new entry atomically, so two concurrent appends
 * never build on the same head. Hashing is done by core (`createAuditLog`), not by adapters.
 * @category Ports
 */
export interface AuditStore {
  /**
   * Reads the head of the chain (the newest entry's `seq` and `hash`, or `undefined` when empty), lets `build`
   * make the next entry from it, and stores that — as one atomic step with respect to other appends. Inside a
   * transaction, the entry commits or rolls back with it. An adapter may pass the whole newest entry.
   */
  appendChained(build: (head: AuditHead | undefined) => AuditEntry): Promise<AuditEntry>;
  /**
   * As {@link AuditStore.appendChained} for several entries at once (a command's events): `build` returns them
   * chained after the head, and the store writes them in one step. Optional: without it, the audit log appends
   * one at a time.
   */
  appendChainedMany?(build: (head: AuditHead | undefined) => AuditEntry[]): Promise<AuditEntry[]>;
  /** The newest entry, or `undefined` when empty. */
  head(): Promise<AuditEntry | undefined>;
  /**
   * The head the store keeps apart from the entries, when it keeps one (the PostgreSQL adapter's `audit_head`
   * row): `verify` compares it with the last entry, so a deleted tail is found. Adapters whose head is simply the
   * last entry leave it out.
   */
  storedHead?(): Promise<AuditHead | undefined>;
  /** Streams entries in stored order (by `seq`), optionally from `fromSeq` and for one entity. */
  read(options?: { fromSeq?: number; entityType?: string; entityId?: string }): AsyncIterable<AuditEntry>;
}
