import { StorageError } from '../../errors/frontline-error';
import type { IndexDefinition, KeyValue } from '../../ports/storage';
import { compareKeys } from './key-order';

/** The memory adapter's indexes: one map of key → ids per index, a sorted key list built on demand for ranges. */

export interface IndexState {
  /** The key function, kept so that a write through any definition maintains every index built so far. */
  key: IndexDefinition<{ id: string }>['key'];
  unique: boolean;
  byKey: Map<KeyValue, Set<string>>;
  sorted: KeyValue[] | null;
}

export function checkKeys<V>(collection: string, index: string, value: V): V {
  const bad = (k: unknown) => !(typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)));
  const values = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  if (values.some(bad)) {
    throw new StorageError(`${collection}.${index}: an index key must be a string or a finite number.`, {
      details: { collection, index },
    });
  }
  return value;
}

export function addKey(index: IndexState, key: KeyValue, id: string) {
  let holders = index.byKey.get(key);
  if (!holders) {
    holders = new Set();
    index.byKey.set(key, holders);
    index.sorted = null;
  }
  holders.add(id);
}

export function removeKey(index: IndexState, key: KeyValue, id: string) {
  const holders = index.byKey.get(key);
  if (!holders) return;
  holders.delete(id);
  if (holders.size === 0) {
    index.byKey.delete(key);
    index.sorted = null;
  }
}

export function lowerBound(sorted: readonly KeyValue[], key: KeyValue): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(sorted[mid]!, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
