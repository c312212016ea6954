import {
  type ClaimedMessage,
  ClaimHandleInput,
  ClaimOptionsInput,
  ConflictError,
  checkPayloadSize,
  FailOptionsInput,
  IdInput,
  NewOutboxMessageInput,
  NotFoundError,
  type Outbox,
  type OutboxMessage,
  type OutboxStats,
  parseInput,
} from '@frontline/core';
import { z } from 'zod';
import { type Ctx, run, toDate, toNumber } from './context';
import { sanitizeText, toStorableJson } from './storable';

const NewMessages = z.array(NewOutboxMessageInput);
/** The shape of `Outbox.redact`'s argument (as core's `OutboxRedactionInput`). */
const Redaction = z.object({
  path: z.array(z.string().min(1).max(200)).min(1).max(5),
  values: z.array(z.string().min(1).max(500)).min(1).max(10_000),
  redact: z.custom<(message: OutboxMessage) => unknown>(
    (v) => typeof v === 'function',
    'redact must be a function',
  ),
});
const MAX_ERROR_LENGTH = 4000;

interface OutboxRow {
  [column: string]: unknown;
  id: string;
  topic: string;
  payload: unknown;
  dedupe_key: string | null;
  created_at: unknown;
  available_at: unknown;
  attempts: number;
  status: OutboxMessage['status'];
  last_error: string | null;
  lease_token: string | null;
  lease_expires_at: unknown;
  seq: unknown;
}

const COLUMNS =
  'id, topic, payload, dedupe_key, created_at, available_at, attempts, status, last_error, lease_token, lease_expires_at, seq';

function view(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    topic: row.topic,
    payload: row.payload ?? null,
    dedupeKey: row.dedupe_key,
    createdAt: toDate(row.created_at),
    availableAt: toDate(row.available_at),
    attempts: toNumber(row.attempts),
    status: row.status,
    lastError: row.last_error,
  };
}

/** Cuts an error message to the stored length without splitting a surrogate pair. */
function errorText(error: string): string {
  let text = String(error).slice(0, MAX_ERROR_LENGTH);
  if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
  return sanitizeText(text);
}

/**
 * The outbox on the `outbox` table. Claims take due rows oldest `available_at` first with
 * `FOR UPDATE SKIP LOCKED`, so concurrent workers never wait for each other and never get the same message;
 * every instant comes from the store's clock, never from the database's `now()`.
 */
export function createSqlOutbox(ctx: Ctx): Outbox {
  const { tables, clock, ids, maxPayloadBytes } = ctx.shared;
  const { tenant } = ctx;
  const O = tables.outbox;

  const held = async (
    operation: string,
    message: Pick<ClaimedMessage, 'id' | 'leaseToken'>,
    rows: { n: number; status: string | null }[],
  ) => {
    const [row] = rows;
    if (row && toNumber(row.n) === 1) return;
    if (!row || row.status === null) throw new NotFoundError('outbox message', message.id);
    throw new ConflictError(
      `Outbox message "${message.id}" is no longer held by this claim (${operation}).`,
      {
        details: { id: message.id, status: row.status },
      },
    );
  };

  return {
    async enqueue(messages) {
      const parsed = parseInput(NewMessages, messages, 'outbox messages');
      if (parsed.length === 0) return [];
      toStorableJson(parsed, 'outbox messages'); // names the message and field PostgreSQL cannot store
      for (const [i, message] of parsed.entries())
        checkPayloadSize(JSON.stringify(message.payload), maxPayloadBytes, `outbox message ${i} payload`);
      const now = clock.now().toISOString();
      // Drop known and repeated dedupe keys first, so ids are drawn only for messages that will be stored
      // (deterministic ids stay in step with the memory adapter); ON CONFLICT still covers a concurrent writer.
      const keys = parsed.flatMap((message) => (message.dedupeKey === undefined ? [] : [message.dedupeKey]));
      const taken = new Set<string>();
      if (keys.length > 0) {
        const found = await run<{ dedupe_key: string }>(
          ctx,
          'check outbox dedupe keys',
          `SELECT dedupe_key FROM ${O} WHERE tenant = $2 AND dedupe_key IN (SELECT jsonb_array_elements_text($1::jsonb))`,
          [toStorableJson(keys, 'outbox dedupe keys'), tenant],
        );
        for (const row of found) taken.add(row.dedupe_key);
      }
      const fresh = parsed.filter((message) => {
        if (message.dedupeKey === undefined) return true;
        if (taken.has(message.dedupeKey)) return false;
        taken.add(message.dedupeKey);
        return true;
      });
      if (fresh.length === 0) return [];
      const rows = fresh.map((message, ord) => ({
        id: ids.next(),
        topic: message.topic,
        payload: message.payload,
        dedupe_key: message.dedupeKey ?? null,
        available_at: message.availableAt?.toISOString() ?? now,
        ord,
      }));
      const json = toStorableJson(rows, 'outbox messages');
      const stored = await run<{ id: string }>(
        ctx,
        'enqueue outbox messages',
        `INSERT INTO ${O} (tenant, id, topic, payload, dedupe_key, status, attempts, created_at, available_at, updated_at)
         SELECT $3, m.id, m.topic, m.payload, m.dedupe_key, 'pending', 0, $2::timestamptz, m.available_at, $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb)
           AS m(id text, topic text, payload jsonb, dedupe_key text, available_at timestamptz, ord int)
         ORDER BY m.ord
         ON CONFLICT (tenant, dedupe_key) DO NOTHING
         RETURNING id`,
        [json, now, tenant],
      );
      const order = new Map(rows.map((row) => [row.id, row.ord]));
      return stored.map((row) => row.id).sort((a, b) => order.get(a)! - order.get(b)!);
    },

    async claim(options) {
      parseInput(ClaimOptionsInput, options, 'claim options');
      const now = clock.now();
      const rows = await run<OutboxRow>(
        ctx,
        'claim outbox messages',
        `WITH due AS (
           SELECT id FROM ${O}
           WHERE tenant = $5 AND status IN ('pending', 'claimed')
             AND ((status = 'pending' AND available_at <= $1::timestamptz)
               OR (status = 'claimed' AND lease_expires_at <= $1::timestamptz))
           ORDER BY available_at, seq
           LIMIT $2
           FOR UPDATE SKIP LOCKED)
         UPDATE ${O} o
         SET status = 'claimed', attempts = o.attempts + 1, lease_token = gen_random_uuid()::text,
             lease_owner = $3, lease_expires_at = $4::timestamptz, updated_at = $1::timestamptz
         FROM due WHERE o.tenant = $5 AND o.id = due.id
         RETURNING o.id, o.topic, o.payload, o.dedupe_key, o.created_at, o.available_at, o.attempts, o.status,
                   o.last_error, o.lease_token, o.lease_expires_at, o.seq`,
        [
          now.toISOString(),
          options.limit,
          sanitizeText(options.worker),
          new Date(now.getTime() + options.leaseMs).toISOString(),
          tenant,
        ],
      );
      return rows
        .map((row) => ({ row, availableAt: toDate(row.available_at).getTime(), seq: toNumber(row.seq) }))
        .sort((a, b) => a.availableAt - b.availableAt || a.seq - b.seq)
        .map(({ row }) => ({
          ...view(row),
          status: 'claimed' as const,
          leaseToken: row.lease_token!,
          leaseExpiresAt: toDate(row.lease_expires_at),
        }));
    },

    async complete(handle) {
      const message = parseInput(ClaimHandleInput, handle, 'claimed message');
      const now = clock.now().toISOString();
      const rows = await run<{ n: number; status: string | null }>(
        ctx,
        'complete an outbox message',
        `WITH upd AS (
           UPDATE ${O} SET status = 'done', lease_token = NULL, lease_expires_at = NULL, updated_at = $3::timestamptz
           WHERE tenant = $4 AND id = $1 AND status = 'claimed' AND lease_token = $2 AND lease_expires_at > $3::timestamptz
           RETURNING id)
         SELECT (SELECT count(*) FROM upd)::int AS n, (SELECT status FROM ${O} WHERE tenant = $4 AND id = $1) AS status`,
        [message.id, message.leaseToken, now, tenant],
      );
      await held('complete', message, rows);
    },

    async fail(handle, options) {
      const message = parseInput(ClaimHandleInput, handle, 'claimed message');
      parseInput(FailOptionsInput, options, 'fail options');
      const now = clock.now().toISOString();
      const rows = await run<{ n: number; outcome: string | null; status: string | null }>(
        ctx,
        'fail an outbox message',
        `WITH upd AS (
           UPDATE ${O} SET
             status = CASE WHEN attempts >= $4 THEN 'dead' ELSE 'pending' END,
             available_at = CASE WHEN attempts >= $4 THEN available_at ELSE $5::timestamptz END,
             last_error = $6, lease_token = NULL, lease_expires_at = NULL, updated_at = $3::timestamptz
           WHERE tenant = $7 AND id = $1 AND status = 'claimed' AND lease_token = $2 AND lease_expires_at > $3::timestamptz
           RETURNING status)
         SELECT (SELECT count(*) FROM upd)::int AS n, (SELECT status FROM upd) AS outcome,
                (SELECT status FROM ${O} WHERE tenant = $7 AND id = $1) AS status`,
        [
          message.id,
          message.leaseToken,
          now,
          options.maxAttempts ?? 10,
          options.retryAt?.toISOString() ?? now,
          errorText(options.error),
          tenant,
        ],
      );
      await held('fail', message, rows);
      return rows[0]?.outcome === 'dead' ? 'dead' : 'retry';
    },

    async get(id) {
      parseInput(IdInput, id, 'id');
      const [row] = await run<OutboxRow>(
        ctx,
        'get an outbox message',
        `SELECT ${COLUMNS} FROM ${O} WHERE tenant = $2 AND id = $1`,
        [id, tenant],
      );
      return row ? view(row) : undefined;
    },

    async stats() {
      const [row] = await run<Record<keyof OutboxStats, unknown>>(
        ctx,
        'count outbox messages',
        `SELECT
           count(*) FILTER (WHERE status = 'pending' OR (status = 'claimed' AND lease_expires_at <= $1::timestamptz)) AS pending,
           count(*) FILTER (WHERE status = 'claimed' AND lease_expires_at > $1::timestamptz) AS claimed,
           count(*) FILTER (WHERE status = 'done') AS done,
           count(*) FILTER (WHERE status = 'dead') AS dead
         FROM ${O} WHERE tenant = $2`,
        [clock.now().toISOString(), tenant],
      );
      return {
        pending: toNumber(row?.pending ?? 0),
        claimed: toNumber(row?.claimed ?? 0),
        done: toNumber(row?.done ?? 0),
        dead: toNumber(row?.dead ?? 0),
      };
    },

    async redact(redaction) {
      const { path, values, redact } = parseInput(Redaction, redaction, 'outbox redaction');
      // Matched by payload content: no index serves it, so this reads the outbox (kept small by pruning).
      const rows = await run<OutboxRow>(
        ctx,
        'find outbox messages to redact',
        `WITH p AS (SELECT ARRAY(SELECT jsonb_array_elements_text($1::jsonb)) AS path)
         SELECT ${COLUMNS} FROM ${O} o, p
         WHERE o.tenant = $3 AND jsonb_typeof(payload #> p.path) = 'string'
           AND payload #>> p.path IN (SELECT jsonb_array_elements_text($2::jsonb))
         ORDER BY seq FOR UPDATE OF o`,
        [toStorableJson(path, 'redaction path'), toStorableJson(values, 'redaction values'), tenant],
      );
      const changed: { id: string; payload: unknown }[] = [];
      for (const row of rows) {
        const message = view(row);
        const payload = parseInput(z.json(), redact(message), 'redacted outbox payload');
        checkPayloadSize(JSON.stringify(payload), maxPayloadBytes, 'redacted outbox payload');
        if (JSON.stringify(payload) !== JSON.stringify(message.payload))
          changed.push({ id: row.id, payload });
      }
      if (changed.length === 0) return 0;
      await run(
        ctx,
        'redact outbox messages',
        `UPDATE ${O} o SET payload = m.payload, updated_at = $2::timestamptz
         FROM jsonb_to_recordset($1::jsonb) AS m(id text, payload jsonb) WHERE o.tenant = $3 AND o.id = m.id`,
        [toStorableJson(changed, 'redacted outbox messages'), clock.now().toISOString(), tenant],
      );
      return changed.length;
    },
  };
}
