import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '../errors/validate';
import { Instant } from '../kernel/instant';
import { defineCollection, type Store } from '../ports/storage';
import { canonicalJson } from './canonical-json';

/**
 * One value kept out of the audit chain: the cleartext of a payload field an event declared `sealed`, with the
 * salt of its digest. The audit entry holds only `{ $sealed: id, sha256 }`, so deleting this row erases the
 * value for good (without the salt the digest cannot be tested against guesses) while every entry, and so the
 * hash chain, stays exactly as written.
 * @category Audit
 */
export const SealedAuditValue = z.object({
  id: z.string().min(1).max(100),
  entityType: z.string().min(1).max(100),
  entityId: z.string().min(1).max(200),
  /** The payload field it was taken from. */
  key: z.string().min(1).max(100),
  value: z.json(),
  /** 32 hex digits, random per value. */
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  sealedAt: Instant,
});
/** @category Audit */
export type SealedAuditValue = z.output<typeof SealedAuditValue>;

/** `entityType|entityId`: the key the `entity` index of {@link SealedAuditValues} finds an entity's values by. */
export const sealedEntityKey = (entityType: string, entityId: string) => `${entityType}|${entityId}`;

/**
 * The `audit_sealed_values` collection, indexed by `entity` (`entityType|entityId`), which is how an erasure
 * finds the values of the entities it erases.
 * @category Audit
 */
export const SealedAuditValues = defineCollection<SealedAuditValue>({
  name: 'audit_sealed_values',
  schema: SealedAuditValue,
  indexes: { entity: { key: (v) => sealedEntityKey(v.entityType, v.entityId) } },
});

/**
 * What a sealed field reads in an audit entry: the id of its {@link SealedAuditValue} and the SHA-256 (hex) of
 * the salt followed by the value's canonical JSON.
 * @category Audit
 */
export const SealedMarker = z.strictObject({
  $sealed: z.string().min(1).max(100),
  sha256: z.string().length(64),
});
/** @category Audit */
export type SealedMarker = z.infer<typeof SealedMarker>;

const digest = (salt: string, value: unknown) =>
  createHash('sha256')
    .update(salt + canonicalJson(value))
    .digest('hex');

const SealInput = z.object({
  entityType: z.string().min(1).max(100),
  entityId: z.string().min(1).max(200),
  payload: z.record(z.string(), z.json()),
  keys: z.array(z.string().min(1).max(100)).max(20),
  at: Instant,
});

/**
 * Splits a payload for the audit chain: each of `keys` that holds a value is replaced by a {@link SealedMarker}
 * and its cleartext returned as a {@link SealedAuditValue} to store beside the chain (in the same transaction).
 * @category Audit
 */
export function sealPayload(input: z.input<typeof SealInput>): {
  payload: Record<string, unknown>;
  values: SealedAuditValue[];
} {
  const { entityType, entityId, payload, keys, at } = parseInput(SealInput, input, 'sealed payload');
  const sealed: Record<string, unknown> = { ...payload };
  const values: SealedAuditValue[] = [];
  for (const key of new Set(keys)) {
    const value = payload[key];
    if (value === undefined || value === null) continue;
    const salt = randomBytes(16).toString('hex');
    const id = randomUUID();
    sealed[key] = { $sealed: id, sha256: digest(salt, value) };
    values.push({ id, entityType, entityId, key, value, salt, sealedAt: at });
  }
  return { payload: sealed, values };
}

/**
 * An audit payload with its sealed fields read back: the cleartext where it is still kept and matches its
 * digest, `{ erased: true }` where an erasure removed it, `{ tampered: true }` where the kept value no longer
 * matches the digest the chain holds.
 * @category Audit
 */
export async function unsealPayload(tx: Store, payload: unknown): Promise<unknown> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return payload;
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(payload)) {
    const marker = SealedMarker.safeParse(field);
    if (!marker.success) {
      out[key] = field;
      continue;
    }
    const kept = await tx.repository(SealedAuditValues).find(marker.data.$sealed);
    if (!kept) out[key] = { erased: true };
    else if (digest(kept.data.salt, kept.data.value) !== marker.data.sha256) out[key] = { tampered: true };
    else out[key] = kept.data.value;
  }
  return out;
}

const ForgetInput = z.object({
  entityType: z.string().min(1).max(100),
  ids: z.array(z.string().min(1).max(200)).max(100_000),
});

/**
 * Deletes the sealed values of these entities (through the `entity` index) and returns how many: their audit
 * entries keep only digests that nothing can be tested against any more.
 * @category Audit
 */
export async function forgetSealedValues(
  tx: Store,
  input: { entityType: string; ids: readonly string[] },
): Promise<number> {
  const { entityType, ids } = parseInput(ForgetInput, input, 'sealed values to forget');
  const repo = tx.repository(SealedAuditValues);
  let removed = 0;
  for (const id of ids) {
    const rows: { id: string; version: number }[] = [];
    for await (const row of repo.query({ index: 'entity', equals: sealedEntityKey(entityType, id) })) {
      rows.push({ id: row.data.id, version: row.version });
    }
    for (const row of rows) await repo.delete(row.id, row.version);
    removed += rows.length;
  }
  return removed;
}
