import { v7 as uuidv7 } from 'uuid';

/**
 * Where new ids come from. Ids sort by creation time, so storage indexes stay append-friendly.
 * @category Ports
 */
export interface IdGenerator {
  /** A new unique id. */
  next(): string;
}

/**
 * UUID version 7 ids (RFC 9562): time-ordered, random in the low bits, safe across processes.
 * @category Ports
 */
export function createUuidV7Ids(): IdGenerator {
  return { next: () => uuidv7() };
}

/**
 * Deterministic ids `prefix-000001`, `prefix-000002`, … for tests and examples; sortable as strings.
 * @category Ports
 */
export function createSequentialIds(prefix = 'id'): IdGenerator {
  let n = 0;
  return { next: () => `${prefix}-${String(++n).padStart(6, '0')}` };
}
