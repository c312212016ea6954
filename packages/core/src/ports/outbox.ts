/**
 * A message to publish once the state change that wrote it commits.
 * @category Ports
 */
export interface NewOutboxMessage {
  /** What happened or what to do, dotted (e.g. `ticket.escalated`, `letter.send`). */
  topic: string;
  /** JSON-serialisable content. */
  payload: unknown;
  /**
   * An idempotency key: a second message with the same key is dropped, so a retried command sends
   * nothing twice (e.g. `birthday:2026:customer-42`).
   */
  dedupeKey?: string;
  /** Not to be claimed before this instant (scheduling, back-off). Defaults to now. */
  availableAt?: Date;
}

/**
 * An outbox message as stored.
 * @category Ports
 */
export interface OutboxMessage {
  readonly id: string;
  readonly topic: string;
  readonly payload: unknown;
  readonly dedupeKey: string | null;
  readonly createdAt: Date;
  readonly availableAt: Date;
  /** How many times a worker has claimed it. */
  readonly attempts: number;
  /** `pending` (claimable when `availableAt` has passed), `claimed`, `done` or `dead` (gave up). */
  readonly status: 'pending' | 'claimed' | 'done' | 'dead';
  /** The last failure's message, if any. */
  readonly lastError: string | null;
}

/**
 * A message a worker holds: until `leaseExpiresAt` nobody else can claim it. A worker that dies leaves the
 * lease to expire, and the message is claimed again.
 * @category Ports
 */
export interface ClaimedMessage extends OutboxMessage {
  readonly status: 'claimed';
  /** Proves the holder: completing or failing with a stale token is a `ConflictError`. */
  readonly leaseToken: string;
  readonly leaseExpiresAt: Date;
}

/** Options of {@link Outbox.claim}. */
export interface ClaimOptions {
  /** Who claims (for diagnostics). */
  worker: string;
  /** At most this many messages. */
  limit: number;
  /** How long the claim holds before others may take the message again. */
  leaseMs: number;
}

/** Options of {@link Outbox.fail}. */
export interface FailOptions {
  /** What went wrong, kept on the message. */
  error: string;
  /** When to try again; leave out to retry at once. Ignored once the message goes dead. */
  retryAt?: Date;
  /** After this many attempts the message goes `dead` instead of back to `pending`. Default 10. */
  maxAttempts?: number;
}

/** Counts by status. */
export interface OutboxStats {
  pending: number;
  claimed: number;
  done: number;
  dead: number;
}

/**
 * What {@link Outbox.redact} rewrites: the messages whose payload holds one of `values` at `path`, each given
 * the payload `redact` returns for it. It is how an erasure keeps a message that is still pending from shipping
 * a data subject's personal data, and scrubs the delivered ones kept for a while (GDPR Art. 17).
 * @category Ports
 */
export interface OutboxRedaction {
  /** Object keys from the payload's root to a string (`['entityId']`, `['data', 'customerId']`); 1–5 keys. */
  path: readonly string[];
  /** The strings to match at `path` (exact, case-sensitive); 1–10 000 of them. */
  values: readonly string[];
  /**
   * The payload to keep instead of a matched message's, computed from the message (any status); must be JSON.
   * Returning a payload equal to the old one leaves the message as it was. The status, attempts and times stay:
   * a pending message is still delivered, with the redacted payload.
   */
  redact: (message: OutboxMessage) => unknown;
}

/**
 * The transactional outbox: messages are written in the same transaction as the state they announce,
 * then claimed by workers — each message by one worker at a time, and never again once done.
 * @category Ports
 */
export interface Outbox {
  /** Adds messages (inside the caller's transaction when called on a `tx`). Returns the ids stored (deduped ones left out). */
  enqueue(messages: readonly NewOutboxMessage[]): Promise<string[]>;
  /** Claims up to `limit` due messages, oldest `availableAt` first, skipping those others hold. */
  claim(options: ClaimOptions): Promise<ClaimedMessage[]>;
  /**
   * Marks a claimed message done. On a database server each call outside a transaction is a commit of its
   * own: a worker draining many messages completes a claimed batch inside one `store.transaction`.
   */
  complete(message: Pick<ClaimedMessage, 'id' | 'leaseToken'>): Promise<void>;
  /** Gives a claimed message back for a retry, or dead-letters it; returns which. */
  fail(message: Pick<ClaimedMessage, 'id' | 'leaseToken'>, options: FailOptions): Promise<'retry' | 'dead'>;
  /** The message with this id, or `undefined`. */
  get(id: string): Promise<OutboxMessage | undefined>;
  /** How many messages are in each status. */
  stats(): Promise<OutboxStats>;
  /**
   * Rewrites the payload of every message matched by `redaction` (in the caller's transaction on a `tx`) and
   * returns how many changed. Matches are found by payload content: adapters may scan the outbox, which stays
   * small because delivered messages are pruned.
   */
  redact(redaction: OutboxRedaction): Promise<number>;
}
