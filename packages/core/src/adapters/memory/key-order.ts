import type { KeyValue } from '../../ports/storage';

/** Numbers before strings; numbers numerically; strings by UTF-16 code unit (as PostgreSQL's "C" collation). */
export function compareKeys(a: KeyValue, b: KeyValue): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The keys an index extractor yields for an entity, deduplicated. */
export function keysOf(value: KeyValue | readonly KeyValue[] | null | undefined): KeyValue[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return [...new Set(value as KeyValue[])];
  return [value as KeyValue];
}
