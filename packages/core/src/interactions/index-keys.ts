import type { KeyValue } from '../ports/storage';

/** Id-safe characters stay; every other UTF-16 code unit becomes `%xxxx` (total: lone surrogates included). */
function encodeOwner(owner: string): string {
  return owner.replace(/[^A-Za-z0-9_.:-]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A composite index key `owner|instant` (owner escaped, instant as ISO-8601 UTC), so one index answers both
 * "everything of this owner" and "this owner's between two instants" as a range query. Keys compare by code unit
 * (PostgreSQL "C" collation), which keeps each owner's keys together and in time order.
 * @internal
 */
export function timeKey(owner: string, at: Date): string {
  return `${encodeOwner(owner)}|${at.toISOString()}`;
}

/**
 * The `[from, to)` range of {@link timeKey} keys for one owner, optionally narrowed to instants in `[from, to)`.
 * @internal
 */
export function timeKeyRange(owner: string, from?: Date, to?: Date): { from: KeyValue; to: KeyValue } {
  const prefix = encodeOwner(owner);
  // '}' is the code unit right after '|', and never occurs in an escaped owner.
  return {
    from: from === undefined ? `${prefix}|` : `${prefix}|${from.toISOString()}`,
    to: to === undefined ? `${prefix}}` : `${prefix}|${to.toISOString()}`,
  };
}
