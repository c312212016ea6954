import type { KeyValue } from '../../ports/storage';

/** Numbers before strings; numbers numerically; strings by code point (as PostgreSQL's "C" collation). */
export function compareKeys(a: KeyValue, b: KeyValue): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return compareCodePoints(a, b);
}

/**
 * Compares strings by Unicode code point. UTF-16 code-unit order (JavaScript's `<`) differs only where a
 * surrogate (U+D800–DFFF, half of a character above U+FFFF) meets U+E000–FFFF: shifting those two ranges
 * at the first differing unit gives code-point order without decoding the strings.
 */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}

function fixup(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}

/** The keys an index extractor yields for an entity, deduplicated. */
export function keysOf(value: KeyValue | readonly KeyValue[] | null | undefined): KeyValue[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return [...new Set(value as KeyValue[])];
  return [value as KeyValue];
}
