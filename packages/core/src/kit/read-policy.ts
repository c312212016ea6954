import { z } from 'zod';
import { ForbiddenError } from '../errors/frontline-error';
import { parseInput } from '../errors/validate';
import { Actor, hasPermission, type Permission } from '../kernel/actor';
import { EntityId } from '../kernel/id';
import type { CollectionDefinition, KeyValue, Store, Stored } from '../ports/storage';

/**
 * How an aggregate is read: the permissions that let an actor see it (any one of them) and how personal data
 * is masked for an actor who may see the record but not everything in it. The one place reads check and mask.
 * @category Kit
 */
export interface ReadPolicy<T> {
  /** What is read, for messages (`"ticket"`). */
  readonly what: string;
  /** Any one of these lets the actor read. */
  readonly anyOf: readonly Permission[];
  /** Returns what `actor` may see of `entity` (a copy with personal fields masked), or the entity itself. */
  readonly mask?: (entity: T, actor: Actor) => T;
}

/**
 * Validates the actor and checks it holds one of the policy's permissions, or throws `FORBIDDEN` naming them.
 * @category Kit
 */
export function authorizeRead<T>(policy: ReadPolicy<T>, actorInput: unknown): Actor {
  const actor = parseInput(Actor, actorInput, 'actor');
  if (policy.anyOf.some((p) => hasPermission(actor, p))) return actor;
  throw new ForbiddenError(
    `${actor.id} may not read ${policy.what}s: it needs "${policy.anyOf.join('" or "')}".`,
    {
      details: { actorId: actor.id, permission: policy.anyOf.join(' | '), roles: actor.roles },
    },
  );
}

/** What `actor` may see of `entity` under `policy`. */
export function present<T>(policy: ReadPolicy<T>, actor: Actor, entity: T): T {
  return policy.mask ? policy.mask(entity, actor) : entity;
}

/**
 * The input of every read by id: `{ actor, id }`, unknown keys refused.
 * @category Kit
 */
export const ReadByIdInput = z.strictObject({ actor: z.unknown(), id: EntityId });
/** @category Kit */
export type ReadByIdInput = { actor: unknown; id: string };

/**
 * Reads one aggregate by id through its policy: validate → authorize → load → mask.
 * @category Kit
 */
export async function readById<T extends { id: string }>(
  store: Store,
  collection: CollectionDefinition<T>,
  policy: ReadPolicy<T>,
  raw: unknown,
): Promise<T> {
  const input = parseInput(ReadByIdInput, raw, `${policy.what} read`);
  const actor = authorizeRead(policy, input.actor);
  return present(policy, actor, (await store.repository(collection).get(input.id)).data);
}

/**
 * Paging of an inbox query: at most `limit` items after `cursor` (the `nextCursor` of the page before).
 * @category Kit
 */
export const PageInput = {
  limit: z.int().min(1).max(500).default(50),
  cursor: z.string().min(1).max(1000).optional(),
};

/**
 * One page of an inbox query: the items, and the cursor of the next page (`null` on the last one).
 * @category Kit
 */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

const Cursor = z.object({ k: z.union([z.string(), z.number()]), id: z.string() });

function encodeCursor(key: KeyValue, id: string): string {
  return Buffer.from(JSON.stringify({ k: key, id })).toString('base64url');
}

function decodeCursor(cursor: string): { k: KeyValue; id: string } {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  return parseInput(Cursor, value, 'cursor');
}

/**
 * One page of a key-ordered index query, resumable by cursor: the rows come in (key, id) order, so the page
 * starts at the cursor's key and skips what the cursor already returned. `keyOf` gives the index key of an
 * entity (for a range query on a multi-entry index, the key inside the range); `present` turns a stored row
 * into what the caller may see (masked). Ascending order only. Streams: it never holds more than one page.
 * @category Kit
 */
export async function pageOf<T extends { id: string }, U>(
  rows: (from: KeyValue | undefined) => AsyncIterable<Stored<T>>,
  keyOf: (entity: T) => KeyValue,
  page: { limit: number; cursor?: string | undefined },
  present: (row: Stored<T>) => U,
): Promise<Page<U>> {
  const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
  const items: U[] = [];
  let last: T | undefined;
  for await (const row of rows(after?.k)) {
    const key = keyOf(row.data);
    if (after && key === after.k && row.data.id <= after.id) continue;
    if (items.length === page.limit) {
      return { items, nextCursor: encodeCursor(keyOf(last!), last!.id) };
    }
    items.push(present(row));
    last = row.data;
  }
  return { items, nextCursor: null };
}
