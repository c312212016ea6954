import { z } from 'zod';
import { parseInput } from '../errors/validate';
import type { AuditStore } from './audit-store';
import type { Outbox } from './outbox';

/**
 * A value an index can hold. Instants are indexed as ISO-8601 UTC strings (`toISOString()`), which sort
 * in time order.
 * @category Ports
 */
export type KeyValue = string | number;

/**
 * One secondary index of a collection: the key a selective query filters or ranges on (a customer id,
 * an SLA due instant, a month-day). The PostgreSQL adapter keeps it in an indexed column, the memory adapter
 * in a map; both answer {@link Query} without scanning the collection.
 * @category Ports
 */
export interface IndexDefinition<T> {
  /**
   * Extracts the key from an entity. `null`/`undefined` leaves the entity out of the index; an array puts it
   * under each of the values (a multi-entry index, e.g. segment tags).
   */
  key: (entity: T) => KeyValue | readonly KeyValue[] | null | undefined;
  /** When true, two entities may not share a key: the second write fails with a `ConflictError`. */
  unique?: boolean;
}

/**
 * Describes one aggregate's collection: its name, its schema and the indexes its queries need.
 *
 * The schema must accept its own JSON form (instants as ISO strings, see `Instant`): adapters store entities
 * as JSON and parse them back with it, so what a repository returns is always valid.
 * @category Ports
 */
export interface CollectionDefinition<T extends { id: string }> {
  /** Storage name: lower-case letters, digits and `_`, starting with a letter (e.g. `tickets`). */
  readonly name: string;
  /** The entity schema; parses on every write and every read. */
  readonly schema: z.ZodType<T, unknown>;
  /** Secondary indexes by name (`[a-z][a-z0-9_]*`). */
  readonly indexes?: Readonly<Record<string, IndexDefinition<T>>>;
}

/** An extension index is named `<moduleId>:<name>` (see `defineModule`). */
const IndexName = z
  .string()
  .regex(
    /^([a-z][a-zA-Z0-9]{0,39}:)?[a-z][a-z0-9_]{0,47}$/,
    'An index name is lower-case letters, digits and "_", starting with a letter, optionally after "<moduleId>:"',
  );

const StorageName = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,47}$/,
    'A storage name is lower-case letters, digits and "_", starting with a letter',
  );

const CollectionDefinitionShape = z.object({
  name: StorageName,
  schema: z.custom<z.ZodType>((s) => s instanceof z.ZodType, 'Expected a zod schema'),
  indexes: z.record(IndexName, z.object({ key: z.function(), unique: z.boolean().optional() })).optional(),
});

/**
 * Checks the definitions a store is asked to register (names, index names, schemas; each name once) and returns
 * them as given. Adapters call it first in `registerCollections`.
 * @category Ports
 */
export function checkCollectionDefinitions(
  definitions: readonly CollectionDefinition<{ id: string }>[],
): readonly CollectionDefinition<{ id: string }>[] {
  parseInput(
    z
      .array(CollectionDefinitionShape)
      .max(1000)
      .superRefine((list, ctx) => {
        const seen = new Set<string>();
        list.forEach((d, i) => {
          if (seen.has(d.name))
            ctx.addIssue({
              code: 'custom',
              path: [i, 'name'],
              message: `Collection "${d.name}" is listed twice`,
            });
          seen.add(d.name);
        });
      }),
    definitions,
    'collections',
  );
  return definitions;
}

/**
 * Declares a collection; checks its name and index names once, up front.
 * @category Ports
 */
export function defineCollection<T extends { id: string }>(
  definition: CollectionDefinition<T>,
): CollectionDefinition<T> {
  parseInput(CollectionDefinitionShape, definition, 'collection definition');
  return Object.freeze({ ...definition });
}

/**
 * An entity as stored, with the version that optimistic concurrency checks. A new entity has version 1;
 * each update adds one.
 * @category Ports
 */
export interface Stored<T> {
  readonly data: T;
  readonly version: number;
}

/**
 * A selective query on one index. Results come ordered by key, then id.
 *
 * - `{ index, equals }` — every entity whose key equals the value.
 * - `{ index, from, to }` — keys in the half-open range `[from, to)`; either bound may be left out.
 * @category Ports
 */
export type Query =
  | { index: string; equals: KeyValue; limit?: number; order?: 'asc' | 'desc' }
  | { index: string; from?: KeyValue; to?: KeyValue; limit?: number; order?: 'asc' | 'desc' };

/**
 * The most entities one {@link Repository.insertMany} call takes.
 * @category Ports
 */
export const MAX_INSERT_MANY = 5000;

/**
 * Load and save one kind of aggregate, with optimistic concurrency.
 *
 * Every method validates with the collection's schema, throws only Frontline errors
 * (`NotFoundError`, `ConflictError`, `ValidationError`, `StorageError`) and leaves storage unchanged when
 * it throws.
 * @category Ports
 */
export interface Repository<T extends { id: string }> {
  /** The entity with this id, or a `NotFoundError`. */
  get(id: string): Promise<Stored<T>>;
  /** The entity with this id, or `undefined`. */
  find(id: string): Promise<Stored<T> | undefined>;
  /** Stores a new entity at version 1; `ConflictError` when the id or a unique key is taken. */
  insert(entity: T): Promise<Stored<T>>;
  /**
   * Stores many new entities at version 1, all or none (bulk import): one round trip on SQL adapters. A taken or
   * repeated id or unique key fails the whole call with a `ConflictError` naming it; an invalid entity fails it
   * with a `ValidationError` whose path starts with its position. At most {@link MAX_INSERT_MANY} at a time.
   */
  insertMany(entities: readonly T[]): Promise<Stored<T>[]>;
  /**
   * Replaces the entity if its stored version is still `expectedVersion`; returns it at the next version.
   * `ConflictError` when another writer got there first, `NotFoundError` when it is gone.
   */
  update(entity: T, expectedVersion: number): Promise<Stored<T>>;
  /** Removes the entity if its stored version is still `expectedVersion`. */
  delete(id: string, expectedVersion: number): Promise<void>;
  /** Streams the entities a selective query matches, in key order, in batches behind the scenes. */
  query(query: Query): AsyncIterable<Stored<T>>;
  /** Streams every entity, in id order. For exports and migrations; hot paths use {@link Repository.query}. */
  scan(): AsyncIterable<Stored<T>>;
  /** How many entities a query matches (or the whole collection, without one). */
  count(query?: Query): Promise<number>;
}

/**
 * The unit of work: runs `work` in one transaction. Everything it writes through `tx` — entities, outbox
 * messages, audit entries — commits together when it resolves, and none of it when it throws (the error
 * is re-thrown). Calling `transaction` on a `tx` joins the running transaction.
 * @category Ports
 */
export interface UnitOfWork {
  transaction<R>(work: (tx: Store) => Promise<R>): Promise<R>;
}

/**
 * Everything a Frontline service needs from storage. An adapter implements it once; the conformance suite
 * in `@frontline/testing` proves it.
 * @example
 * const store = createMemoryStore();
 * const tickets = store.repository(TicketCollection);
 * await store.transaction(async (tx) => {
 *   await tx.repository(TicketCollection).insert(ticket);
 *   await tx.outbox.enqueue([{ topic: 'ticket.opened', payload: { id: ticket.id } }]);
 * });
 * @category Ports
 */
export interface Store extends UnitOfWork {
  /**
   * The tenant whose data this store reads and writes: `'default'` for the store an adapter's factory returns,
   * the named one for a store from {@link Store.forTenant}. Every entity, index key, outbox message and audit entry
   * belongs to one tenant; each tenant has its own audit chain and its own ids (two tenants may both hold a
   * `customers/c-1`).
   */
  readonly tenant: string;
  /**
   * The same store — same connections, same registered collections — scoped to another tenant: it never sees,
   * counts, claims or erases another tenant's data. Cheap; call it per request. On a transaction's `tx` store it
   * fails with a `StorageError` unless `tenant` is the transaction's own (a transaction belongs to one tenant).
   * An id outside {@link TenantIdInput}'s rule fails with a `ValidationError`. Closing a tenant's store fails:
   * close the store the factory returned.
   */
  forTenant(tenant: string): Store;
  /**
   * The repository for a collection; cheap to call, may be called per request. When a definition of the same
   * name was registered ({@link Store.registerCollections}), the registered one is used, so a write through any
   * module maintains every index any module registered on the collection.
   */
  repository<T extends { id: string }>(definition: CollectionDefinition<T>): Repository<T>;
  /**
   * Registers the merged collection plan of a composition root (every index every module needs): builds and
   * back-fills each index not built yet, before it resolves. An adapter never drops an index a registered
   * definition does not name — another process may run a larger module set. Registering the same plan again is
   * a no-op; a definition registered under an existing name replaces it (its new indexes are built).
   */
  registerCollections(definitions: readonly CollectionDefinition<{ id: string }>[]): Promise<void>;
  /** Messages written with state changes, claimed by workers exactly once. */
  readonly outbox: Outbox;
  /** The append-only storage behind the hash-chained audit log. */
  readonly audit: AuditStore;
  /**
   * Releases connections; the store is unusable afterwards. Called on a transaction's `tx` store it fails with
   * a `StorageError`: the root store owns the connections.
   */
  close(): Promise<void>;
}
