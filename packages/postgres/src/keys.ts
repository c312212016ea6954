import { type CollectionDefinition, type KeyValue, StorageError } from '@frontline/core';
import { hasUnstorableChar } from './storable';

/** Index keys longer than this (UTF-8 bytes) would overflow a btree entry; they are refused up front. */
export const MAX_KEY_BYTES = 1400;

/** One index key of an entity as the write statements take it (`jsonb_to_recordset`). */
export interface EncodedKey {
  /** Index name. */
  i: string;
  /** 0 for a number, 1 for a string: numbers sort first. */
  k: 0 | 1;
  /** The number, or 0 for a string. */
  n: number;
  /** The string, or '' for a number. */
  t: string;
  /** Whether the index is unique. */
  u: boolean;
}

/** A key as three sortable columns. */
export interface KeyColumns {
  kind: 0 | 1;
  num: number;
  text: string;
}

function badKey(collection: string, index: string, message: string): StorageError {
  return new StorageError(`${collection}.${index}: ${message}`, { details: { collection, index } });
}

/** Splits a key into its columns; `bound` allows ±Infinity (query bounds), stored keys must be finite. */
export function keyColumns(collection: string, index: string, key: KeyValue, bound = false): KeyColumns {
  if (typeof key === 'number') {
    if (Number.isNaN(key) || (!bound && !Number.isFinite(key))) {
      throw badKey(collection, index, 'an index key must be a string or a finite number.');
    }
    return { kind: 0, num: key === 0 ? 0 : key, text: '' };
  }
  if (typeof key !== 'string') throw badKey(collection, index, 'an index key must be a string or a number.');
  if (hasUnstorableChar(key)) {
    throw badKey(collection, index, 'PostgreSQL cannot store a key with U+0000 or an unpaired surrogate.');
  }
  if (!bound && Buffer.byteLength(key, 'utf8') > MAX_KEY_BYTES) {
    throw badKey(collection, index, `an index key may be at most ${MAX_KEY_BYTES} bytes of UTF-8.`);
  }
  return { kind: 1, num: 0, text: key };
}

/** Every key of every index of `entity`, deduplicated per index (as the memory adapter's `keysOf`). */
export function encodeKeys<T extends { id: string }>(
  definition: CollectionDefinition<T>,
  entity: T,
  only?: ReadonlySet<string>,
): EncodedKey[] {
  const out: EncodedKey[] = [];
  for (const [name, index] of Object.entries(definition.indexes ?? {})) {
    if (only && !only.has(name)) continue;
    const value = index.key(entity);
    if (value === null || value === undefined) continue;
    const values: readonly unknown[] = Array.isArray(value) ? value : [value];
    const seen = new Set<KeyValue>();
    for (const item of values) {
      if (typeof item !== 'string' && typeof item !== 'number') {
        throw badKey(definition.name, name, 'an index key must be a string or a finite number.');
      }
      if (seen.has(item)) continue;
      seen.add(item);
      const columns = keyColumns(definition.name, name, item);
      out.push({ i: name, k: columns.kind, n: columns.num, t: columns.text, u: index.unique === true });
    }
  }
  return out;
}

/** The key back from its columns. */
export function keyValue(columns: { kind: number; num: number; text: string }): KeyValue {
  return columns.kind === 0 ? columns.num : columns.text;
}
