import {
  type AuditEntry,
  AuditReadInput,
  type AuditStore,
  ConflictError,
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
  const { tables } = ctx.shared;
  const A = tables.audit;
  return {
    appendChained(build) {
      return atomically(ctx, async (c) => {
        // Lock first, read second: under READ COMMITTED a statement that waited for the lock sees the new head
        // row, but a join in the same statement would still read the old snapshot of audit_log.
        // The head row carries the newest entry's seq and hash; FOR UPDATE re-reads the row once the lock is
        // granted, so a waiting append builds on the entry that was just committed — one statement, not two.
        const [locked] = await run<{ seq: unknown; hash: string | null }>(
          c,
          'lock the audit head',
          `SELECT seq, hash FROM ${tables.auditHead} WHERE id = 1 FOR UPDATE`,
        );
        if (!locked) {
          throw new StorageError('The audit head row is missing; are the Frontline migrations applied?', {
            details: { schema: tables.schema },
          });
        }
        const headSeq = toNumber(locked.seq);
        if (headSeq > 0 && typeof locked.hash !== 'string') {
          throw new StorageError(`The audit head names entry ${headSeq} without its hash.`, {
            details: { schema: tables.schema, seq: headSeq },
          });
        }
        const head = headSeq > 0 ? { seq: headSeq, hash: locked.hash as string } : undefined;
        const entry = build(head);
        if (entry.seq !== headSeq + 1) {
          throw new ConflictError(`Audit entry ${entry.seq} does not follow the head ${headSeq}.`);
        }
        const payload = toStorableJson(entry.payload, 'audit entry payload');
        const { actor, entityType, entityId, type } = entry;
        toStorableJson({ actor, entityType, entityId, type }, 'audit entry');
        // The entry is inserted only if the one it chains to is still stored (a fresh snapshot: this statement
        // runs after the lock was granted), so a cut tail stops appends with a message, never a silent gap.
        const [moved] = await run<{ seq: unknown }>(
          c,
          'append an audit entry',
          `WITH ins AS (
             INSERT INTO ${A} (${COLUMNS})
             SELECT $1::bigint, $2::timestamptz, $3, $4, $5, $6, $7::jsonb, $8, $9
             WHERE $1::bigint = 1 OR EXISTS (SELECT 1 FROM ${A} p WHERE p.seq = $1::bigint - 1 AND p.hash = $8)
             RETURNING seq, hash)
           UPDATE ${tables.auditHead} h SET seq = ins.seq, hash = ins.hash FROM ins WHERE h.id = 1 RETURNING h.seq`,
          [
            entry.seq,
            entry.at.toISOString(),
            entry.actor,
            entry.entityType,
            entry.entityId,
            entry.type,
            payload,
            entry.prevHash,
            entry.hash,
          ],
        );
        if (!moved) {
          throw new IntegrityError(
            `The audit head names entry ${headSeq}, which is no longer stored as it was: the chain's tail was cut or ` +
              `changed. Restore the entries from a backup; if they are lost for good, record the loss and set the head ` +
              `back to the last stored entry (UPDATE ${tables.auditHead} SET seq = <last seq>, hash = <its hash> WHERE id = 1).`,
            { details: { schema: tables.schema, headSeq } },
          );
        }
        return entry;
      });
    },

    async storedHead() {
      const [row] = await run<{ seq: unknown; hash: string }>(
        ctx,
        'read the stored audit head',
        `SELECT seq, hash FROM ${tables.auditHead} WHERE id = 1`,
      );
      const seq = row ? toNumber(row.seq) : 0;
      return row && seq > 0 ? { seq, hash: row.hash } : undefined;
    },

    async head() {
      const [row] = await run<AuditRow>(
        ctx,
        'read the audit head',
        `SELECT ${COLUMNS} FROM ${A} ORDER BY seq DESC LIMIT 1`,
      );
      return row ? entryOf(row) : undefined;
    },

    async *read(rawOptions = {}) {
      const options = parseInput(AuditReadInput, rawOptions, 'audit filter');
      const fromSeq = options.fromSeq ?? 1;
      if (Number.isNaN(fromSeq) || fromSeq === Number.POSITIVE_INFINITY) return;
      let from = Math.max(1, Math.ceil(fromSeq));
      for (;;) {
        const params: unknown[] = [from];
        const where = ['seq >= $1'];
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
