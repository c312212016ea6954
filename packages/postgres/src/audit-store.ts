import {
  type AuditEntry,
  AuditReadInput,
  type AuditStore,
  ConflictError,
  checkPayloadSize,
  IntegrityError,
  parseInput,
  StorageError,
} from '@frontline/core';
import { atomically, type Ctx, run, toDate, toNumber } from './context';
import { STREAM_BATCH } from './repository';
import { toStorableJson } from './storable';

interface AuditRow {
  [column: string]: unknown;
  seq: unknown;
  at: unknown;
  actor: string;
  entity_type: string;
  entity_id: string;
  type: string;
  payload: unknown;
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'seq, at, actor, entity_type, entity_id, type, payload, prev_hash, hash';

function entryOf(row: AuditRow): AuditEntry {
  return {
    seq: toNumber(row.seq),
    at: toDate(row.at),
    actor: row.actor,
    entityType: row.entity_type,
    entityId: row.entity_id,
    type: row.type,
    payload: row.payload ?? null,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The audit chain on `audit_log`. An append locks the one-row `audit_head` (`SELECT seq, hash … FOR UPDATE`),
 * builds the next entry from it and writes both in the same transaction, so concurrent appends — from this process
 * or another — queue on the lock and never build on the same head.
 */
export function createSqlAuditStore(ctx: Ctx): AuditStore {
  const { tables, maxPayloadBytes } = ctx.shared;
  const { tenant } = ctx;
  const storablePayload = (payload: unknown) => {
    const json = toStorableJson(payload, 'audit entry payload');
    checkPayloadSize(json, maxPayloadBytes, 'audit entry payload');
    return json;
  };
  const A = tables.audit;

  /**
   * Locks the head (its row holds the newest entry's seq and hash; FOR UPDATE re-reads it once the lock is
   * granted, so a waiting append builds on the entry just committed), builds the entries, and inserts them all
   * with the head's move in one statement — only if the entry they chain to is still stored (the statement's fresh
   * snapshot), so a cut tail stops appends with a message, never a silent gap. Two statements for any number of
   * entries.
   */
  function appendEntries(build: (head: { seq: number; hash: string } | undefined) => AuditEntry[]) {
    return atomically(ctx, async (c) => {
      const lockHead = () =>
        run<{ seq: unknown; hash: string | null }>(
          c,
          'lock the audit head',
          `SELECT seq, hash FROM ${tables.auditHead} WHERE tenant = $1 FOR UPDATE`,
          [tenant],
        );
      let [locked] = await lockHead();
      if (!locked) {
        // the tenant's first append: its chain's head starts at 0 (a concurrent first append may win the insert)
        await run(
          c,
          'start the audit chain',
          `INSERT INTO ${tables.auditHead} (tenant, seq, hash) VALUES ($1, 0, repeat('0', 64)) ON CONFLICT DO NOTHING`,
          [tenant],
        );
        [locked] = await lockHead();
      }
      if (!locked) {
        throw new StorageError(`The audit head of tenant "${tenant}" could not be created.`, {
          details: { schema: tables.schema, tenant },
        });
      }
      const headSeq = toNumber(locked.seq);
      if (headSeq > 0 && typeof locked.hash !== 'string') {
        throw new StorageError(`The audit head names entry ${headSeq} without its hash.`, {
          details: { schema: tables.schema, tenant, seq: headSeq },
        });
      }
      const head = headSeq > 0 ? { seq: headSeq, hash: locked.hash as string } : undefined;
      const entries = build(head);
      if (entries.length === 0) return entries;
      let expected = headSeq;
      const rows = entries.map((entry) => {
        expected += 1;
        if (entry.seq !== expected) {
          throw new ConflictError(`Audit entry ${entry.seq} does not follow the head ${expected - 1}.`);
        }
        const { actor, entityType, entityId, type } = entry;
        toStorableJson({ actor, entityType, entityId, type }, 'audit entry');
        return {
          seq: entry.seq,
          at: entry.at.toISOString(),
          actor,
          entity_type: entityType,
          entity_id: entityId,
          type,
          payload: JSON.parse(storablePayload(entry.payload)),
          prev_hash: entry.prevHash,
          hash: entry.hash,
        };
      });
      const [moved] = await run<{ seq: unknown }>(
        c,
        'append audit entries',
        `WITH r AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, at timestamptz, actor text,
             entity_type text, entity_id text, type text, payload jsonb, prev_hash text, hash text)),
         ins AS (
           INSERT INTO ${A} (tenant, ${COLUMNS})
           SELECT $4, r.seq, r.at, r.actor, r.entity_type, r.entity_id, r.type, r.payload, r.prev_hash, r.hash FROM r
           WHERE CASE WHEN $2::bigint = 0 THEN NOT EXISTS (SELECT 1 FROM ${A} p WHERE p.tenant = $4)
                 ELSE EXISTS (SELECT 1 FROM ${A} p WHERE p.tenant = $4 AND p.seq = $2::bigint AND p.hash = $3) END
           RETURNING seq, hash)
         UPDATE ${tables.auditHead} h SET seq = last.seq, hash = last.hash
         FROM (SELECT seq, hash FROM ins ORDER BY seq DESC LIMIT 1) last WHERE h.tenant = $4 RETURNING h.seq`,
        [JSON.stringify(rows), headSeq, head?.hash ?? '', tenant],
      );
      if (!moved) {
        const repair =
          `Restore the entries from a backup; if they are lost for good, record the loss and set the head back to ` +
          `the last stored entry (UPDATE ${tables.auditHead} SET seq = <last seq>, hash = <its hash> WHERE tenant = '${tenant}').`;
        throw new IntegrityError(
          headSeq === 0
            ? `The audit head of tenant "${tenant}" is missing or reset to 0, yet entries are stored: the head row ` +
                `was deleted or changed. ${repair}`
            : `The audit head names entry ${headSeq}, which is no longer stored as it was: the chain's tail was cut or ` +
                `changed. ${repair}`,
          { details: { schema: tables.schema, tenant, headSeq } },
        );
      }
      return entries;
    });
  }
  return {
    appendChained(build) {
      return appendEntries((head) => [build(head)]).then((entries) => entries[0]!);
    },

    appendChainedMany(build) {
      return appendEntries(build);
    },

    async storedHead() {
      const [row] = await run<{ seq: unknown; hash: string }>(
        ctx,
        'read the stored audit head',
        `SELECT seq, hash FROM ${tables.auditHead} WHERE tenant = $1`,
        [tenant],
      );
      const seq = row ? toNumber(row.seq) : 0;
      return row && seq > 0 ? { seq, hash: row.hash } : undefined;
    },

    async head() {
      const [row] = await run<AuditRow>(
        ctx,
        'read the audit head',
        `SELECT ${COLUMNS} FROM ${A} WHERE tenant = $1 ORDER BY seq DESC LIMIT 1`,
        [tenant],
      );
      return row ? entryOf(row) : undefined;
    },

    async *read(rawOptions = {}) {
      const options = parseInput(AuditReadInput, rawOptions, 'audit filter');
      const fromSeq = options.fromSeq ?? 1;
      if (Number.isNaN(fromSeq) || fromSeq === Number.POSITIVE_INFINITY) return;
      let from = Math.max(1, Math.ceil(fromSeq));
      for (;;) {
        const params: unknown[] = [tenant, from];
        const where = ['tenant = $1', 'seq >= $2'];
        if (options.entityType !== undefined) {
          params.push(options.entityType);
          where.push(`entity_type = $${params.length}`);
        }
        if (options.entityId !== undefined) {
          params.push(options.entityId);
          where.push(`entity_id = $${params.length}`);
        }
        const rows = await run<AuditRow>(
          ctx,
          'read the audit log',
          `SELECT ${COLUMNS} FROM ${A} WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ${STREAM_BATCH}`,
          params,
        );
        for (const row of rows) yield entryOf(row);
        if (rows.length < STREAM_BATCH) return;
        from = toNumber(rows[rows.length - 1]!.seq) + 1;
      }
    },
  };
}
