import { z } from 'zod';
import { ConflictError, FrontlineError, NotFoundError, StorageError } from '../../errors/frontline-error';
import { parseInput } from '../../errors/validate';
import type { AuditEntry, AuditStore } from '../../ports/audit-store';
import { type Clock, systemClock } from '../../ports/clock';
import { createUuidV7Ids, type IdGenerator } from '../../ports/ids';
import {
  type CollectionDefinition,
  checkCollectionDefinitions,
  type KeyValue,
  MAX_INSERT_MANY,
  type Query,
  type Repository,
  type Store,
  type Stored,
} from '../../ports/storage';
import {
  AuditReadInput,
  checkPayloadSize,
  DEFAULT_MAX_PAYLOAD_BYTES,
  DEFAULT_TENANT,
  IdInput,
  MaxPayloadBytesInput,
  QueryInput,
  TenantIdInput,
  VersionInput,
} from '../../ports/storage-input';
import { compareCodePoints, compareKeys, keysOf } from './key-order';
import { addKey, checkKeys, type IndexState, lowerBound, removeKey } from './memory-index';
import { createMemoryOutbox, type OutboxRow, type Undo } from './memory-outbox';
import { Mutex } from './mutex';

const InsertManyInput = z.array(z.unknown()).max(MAX_INSERT_MANY);

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /** Time for outbox scheduling and leases. Default: the system clock. */
  clock?: Clock;
  /** Ids of outbox messages. Default: UUID v7. */
  ids?: IdGenerator;
  /**
   * The largest entity, outbox payload or audit payload taken, in bytes of UTF-8 JSON (default 1 MiB, see
   * `DEFAULT_MAX_PAYLOAD_BYTES`); a larger one is a `ValidationError` and nothing is stored.
   */
  maxPayloadBytes?: number;
}

interface Row {
  json: string;
  version: number;
}

interface CollectionState {
  definition: CollectionDefinition<{ id: string }>;
  rows: Map<string, Row>;
  indexes: Map<string, IndexState>;
}

interface State {
  collections: Map<string, CollectionState>;
  outbox: Map<string, OutboxRow>;
  outboxByDedupeKey: Map<string, string>;
  outboxSeq: number;
  audit: AuditEntry[];
}

/**
 * The reference in-memory adapter: every storage port, with real transactions (serialised, rolled back on
 * error), optimistic concurrency, indexes as maps and an outbox with leases. For tests, examples and
 * single-process tools; data lives as long as the object.
 *
 * Entities are kept as JSON and parsed back with the collection schema on every read, exactly as the
 * PostgreSQL adapter does, so a schema that does not survive storage fails here first.
 * @example
 * const store = createMemoryStore({ clock: createFixedClock('2026-01-05T08:00:00Z') });
 * @category Adapters
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): Store {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? createUuidV7Ids();
  const maxPayloadBytes = parseInput(
    MaxPayloadBytesInput.default(DEFAULT_MAX_PAYLOAD_BYTES),
    options.maxPayloadBytes,
    'maxPayloadBytes',
    ['maxPayloadBytes'],
  );
  /** An entity or payload as stored: its JSON, refused when over the ceiling. */
  const encode = (value: unknown, what: string): string => {
    const json = JSON.stringify(value);
    checkPayloadSize(json, maxPayloadBytes, what);
    return json;
  };
  /** Each tenant's data, apart: nothing a tenant's store does can reach another's. */
  const tenants = new Map<string, State>();
  const stateOf = (tenant: string): State => {
    let state = tenants.get(tenant);
    if (!state) {
      state = {
        collections: new Map(),
        outbox: new Map(),
        outboxByDedupeKey: new Map(),
        outboxSeq: 0,
        audit: [],
      };
      tenants.set(tenant, state);
    }
    return state;
  };
  const mutex = new Mutex();
  let closed = false;
  /** The merged definitions of a composition root, by collection name. */
  const registered = new Map<string, CollectionDefinition<{ id: string }>>();

  /** Runs `op` holding the lock (or, inside a transaction, under the transaction's lock) with an undo log. */
  function makeScope(inTransaction: { undo: Undo[] } | null) {
    return async <R>(op: (undo: Undo[]) => R | Promise<R>): Promise<R> => {
      if (closed) throw new StorageError('The memory store is closed.');
      if (inTransaction) return op(inTransaction.undo);
      return mutex.run(async () => {
        const undo: Undo[] = [];
        try {
          return await op(undo);
        } catch (error) {
          for (let i = undo.length - 1; i >= 0; i--) undo[i]!();
          throw error;
        }
      });
    };
  }

  function collection(state: State, definition: CollectionDefinition<{ id: string }>): CollectionState {
    let entry = state.collections.get(definition.name);
    if (!entry) {
      entry = { definition, rows: new Map(), indexes: new Map() };
      state.collections.set(definition.name, entry);
    }
    for (const [name, index] of Object.entries(definition.indexes ?? {})) {
      if (entry.indexes.has(name)) continue;
      const built: IndexState = {
        key: index.key,
        unique: index.unique === true,
        byKey: new Map(),
        sorted: null,
      };
      for (const [id, row] of entry.rows) {
        for (const key of keysOf(index.key(definition.schema.parse(JSON.parse(row.json))))) {
          addKey(built, key, id);
        }
      }
      entry.indexes.set(name, built);
    }
    return entry;
  }

  function buildStore(tx: { undo: Undo[] } | null, tenant: string, view: 'root' | 'tenant' | 'tx'): Store {
    const scope = makeScope(tx);
    const state = stateOf(tenant);
    const store: Store = {
      tenant,
      forTenant: (other) => {
        const id = parseInput(TenantIdInput, other, 'tenant');
        if (id === tenant) return store;
        if (tx) {
          throw new StorageError(
            `A transaction belongs to one tenant: this one is "${tenant}", not "${id}". Open a transaction on store.forTenant("${id}").`,
            { details: { tenant, asked: id } },
          );
        }
        return buildStore(null, id, 'tenant');
      },
      repository: <T extends { id: string }>(definition: CollectionDefinition<T>) =>
        createRepository(
          (registered.get(definition.name) as CollectionDefinition<T> | undefined) ?? definition,
          scope,
          state,
        ),
      registerCollections: async (definitions) => {
        const parsed = checkCollectionDefinitions(definitions);
        await scope(() => {
          for (const definition of parsed) {
            registered.set(definition.name, definition);
            collection(state, definition);
          }
        });
      },
      outbox: createMemoryOutbox(state, scope, clock, ids, encode),
      audit: createAuditStore(scope, state),
      transaction: async <R>(work: (tx: Store) => Promise<R>): Promise<R> => {
        if (tx) return work(store);
        if (closed) throw new StorageError('The memory store is closed.');
        return mutex.run(async () => {
          const context = { undo: [] as Undo[] };
          try {
            return await work(buildStore(context, tenant, 'tx'));
          } catch (error) {
            for (let i = context.undo.length - 1; i >= 0; i--) context.undo[i]!();
            throw error;
          }
        });
      },
      close: async () => {
        if (view === 'tx')
          throw new StorageError('Close the store, not a transaction: the store owns its data.');
        if (view === 'tenant') {
          throw new StorageError(
            "Close the store the factory returned, not a tenant's view of it: they share its data.",
          );
        }
        closed = true;
      },
    };
    return store;
  }

  type Scope = ReturnType<typeof makeScope>;

  function createRepository<T extends { id: string }>(
    definition: CollectionDefinition<T>,
    scope: Scope,
    state: State,
  ): Repository<T> {
    const def = definition as unknown as CollectionDefinition<{ id: string }>;
    const read = (row: Row): Stored<T> => ({
      data: parseStored(definition, row.json),
      version: row.version,
    });
    /** The keys of every index the collection has, whichever definition built it (an extension's too). */
    const indexKeys = (c: CollectionState, entity: T) =>
      [...c.indexes].map(
        ([name, index]) => [name, keysOf(checkKeys(definition.name, name, index.key(entity)))] as const,
      );

    function write(c: CollectionState, undo: Undo[], id: string, next: Row | null, entity: T | null) {
      const previous = c.rows.get(id) ?? null;
      const oldKeys = previous ? indexKeys(c, parseStored(definition, previous.json)) : [];
      const newKeys = entity ? indexKeys(c, entity) : [];
      for (const [name, keys] of newKeys) {
        const index = c.indexes.get(name)!;
        if (!index.unique) continue;
        for (const key of keys) {
          const holders = index.byKey.get(key);
          if (holders && [...holders].some((holder) => holder !== id)) {
            throw new ConflictError(`${definition.name}: the ${name} "${String(key)}" is already taken.`, {
              details: { collection: definition.name, index: name, key },
            });
          }
        }
      }
      for (const [name, keys] of oldKeys) for (const key of keys) removeKey(c.indexes.get(name)!, key, id);
      for (const [name, keys] of newKeys) for (const key of keys) addKey(c.indexes.get(name)!, key, id);
      if (next) c.rows.set(id, next);
      else c.rows.delete(id);
      undo.push(() => {
        for (const [name, keys] of newKeys) for (const key of keys) removeKey(c.indexes.get(name)!, key, id);
        for (const [name, keys] of oldKeys) for (const key of keys) addKey(c.indexes.get(name)!, key, id);
        if (previous) c.rows.set(id, previous);
        else c.rows.delete(id);
      });
    }

    function matchingIds(c: CollectionState, query: Query): string[] {
      const index = c.indexes.get(query.index);
      if (!index) {
        throw new StorageError(`${definition.name} has no index "${query.index}".`, {
          details: { collection: definition.name, index: query.index },
        });
      }
      const keys: KeyValue[] = [];
      if ('equals' in query) {
        if (index.byKey.has(query.equals)) keys.push(query.equals);
      } else {
        index.sorted ??= [...index.byKey.keys()].sort(compareKeys);
        const sorted = index.sorted;
        let i = query.from === undefined ? 0 : lowerBound(sorted, query.from);
        for (; i < sorted.length; i++) {
          const key = sorted[i]!;
          if (query.to !== undefined && compareKeys(key, query.to) >= 0) break;
          keys.push(key);
        }
      }
      const result: string[] = [];
      for (const key of keys) result.push(...[...index.byKey.get(key)!].sort(compareCodePoints));
      if (query.order === 'desc') result.reverse();
      return query.limit === undefined ? result : result.slice(0, Math.max(0, query.limit));
    }

    return {
      get: (id) =>
        scope(() => {
          parseInput(IdInput, id, 'id');
          const row = collection(state, def).rows.get(id);
          if (!row) throw new NotFoundError(definition.name, id);
          return read(row);
        }),
      find: (id) =>
        scope(() => {
          parseInput(IdInput, id, 'id');
          const row = collection(state, def).rows.get(id);
          return row ? read(row) : undefined;
        }),
      insert: (entity) =>
        scope((undo) => {
          const parsed = parseInput(definition.schema, entity, definition.name);
          parseInput(IdInput, parsed.id, 'id');
          const c = collection(state, def);
          if (c.rows.has(parsed.id)) {
            throw new ConflictError(`${definition.name} "${parsed.id}" already exists.`, {
              details: { collection: definition.name, id: parsed.id },
            });
          }
          const row = { json: encode(parsed, definition.name), version: 1 };
          write(c, undo, parsed.id, row, parseStored(definition, row.json));
          return read(row);
        }),
      insertMany: (entities) =>
        scope((undo) => {
          const list = parseInput(InsertManyInput, entities, `${definition.name} batch`);
          const c = collection(state, def);
          const out: Stored<T>[] = [];
          // all or nothing even inside a transaction whose work catches the error and carries on
          const mark = undo.length;
          const rollBack = () => {
            while (undo.length > mark) undo.pop()!();
          };
          try {
            list.forEach((entity, i) => {
              const parsed = parseInput(definition.schema, entity, `${definition.name} ${i}`);
              parseInput(IdInput, parsed.id, 'id');
              if (c.rows.has(parsed.id)) {
                throw new ConflictError(`${definition.name} "${parsed.id}" already exists.`, {
                  details: { collection: definition.name, id: parsed.id, position: i },
                });
              }
              const row = { json: encode(parsed, definition.name), version: 1 };
              write(c, undo, parsed.id, row, parseStored(definition, row.json));
              out.push(read(row));
            });
          } catch (error) {
            rollBack();
            throw error;
          }
          return out;
        }),
      update: (entity, expectedVersion) =>
        scope((undo) => {
          const parsed = parseInput(definition.schema, entity, definition.name);
          parseInput(IdInput, parsed.id, 'id');
          parseInput(VersionInput, expectedVersion, 'expectedVersion');
          const c = collection(state, def);
          const current = c.rows.get(parsed.id);
          if (!current) throw new NotFoundError(definition.name, parsed.id);
          if (current.version !== expectedVersion)
            throw versionConflict(definition.name, parsed.id, expectedVersion, current.version);
          const row = { json: encode(parsed, definition.name), version: current.version + 1 };
          write(c, undo, parsed.id, row, parseStored(definition, row.json));
          return read(row);
        }),
      delete: (id, expectedVersion) =>
        scope((undo) => {
          parseInput(IdInput, id, 'id');
          parseInput(VersionInput, expectedVersion, 'expectedVersion');
          const c = collection(state, def);
          const current = c.rows.get(id);
          if (!current) throw new NotFoundError(definition.name, id);
          if (current.version !== expectedVersion)
            throw versionConflict(definition.name, id, expectedVersion, current.version);
          write(c, undo, id, null, null);
        }),
      query: (query) =>
        batched(
          () => scope(() => matchingIds(collection(state, def), parseInput(QueryInput, query, 'query'))),
          (idsBatch) =>
            scope(() => {
              const c = collection(state, def);
              return idsBatch.flatMap((id) => {
                const row = c.rows.get(id);
                return row ? [read(row)] : [];
              });
            }),
        ),
      scan: () =>
        batched(
          () => scope(() => [...collection(state, def).rows.keys()].sort(compareCodePoints)),
          (idsBatch) =>
            scope(() => {
              const c = collection(state, def);
              return idsBatch.flatMap((id) => {
                const row = c.rows.get(id);
                return row ? [read(row)] : [];
              });
            }),
        ),
      count: (query) =>
        scope(() =>
          query === undefined
            ? collection(state, def).rows.size
            : matchingIds(collection(state, def), parseInput(QueryInput, query, 'query')).length,
        ),
    };
  }

  function createAuditStore(scope: Scope, state: State): AuditStore {
    return {
      appendChained: (build) =>
        scope((undo) => {
          const head = state.audit.at(-1);
          const entry = build(head);
          encode(entry.payload, 'audit entry payload');
          if (entry.seq !== (head?.seq ?? 0) + 1) {
            throw new ConflictError(`Audit entry ${entry.seq} does not follow the head ${head?.seq ?? 0}.`);
          }
          state.audit.push(structuredClone(entry));
          undo.push(() => {
            state.audit.pop();
          });
          return entry;
        }),
      appendChainedMany: (build) =>
        scope((undo) => {
          const head = state.audit.at(-1);
          const entries = build(head);
          entries.forEach((entry, i) => {
            encode(entry.payload, `audit entry ${i} payload`);
            if (entry.seq !== (head?.seq ?? 0) + 1 + i) {
              throw new ConflictError(
                `Audit entry ${entry.seq} does not follow entry ${(head?.seq ?? 0) + i}.`,
              );
            }
          });
          for (const entry of entries) state.audit.push(structuredClone(entry));
          undo.push(() => {
            state.audit.length -= entries.length;
          });
          return entries;
        }),
      head: () => scope(() => structuredClone(state.audit.at(-1))),
      // like the SQL adapter's: the filter is checked when the stream is read, as a rejected iteration
      read: (rawOptions = {}) =>
        (async function* () {
          const readOptions = parseInput(AuditReadInput, rawOptions, 'audit filter');
          yield* batched(
            () =>
              scope(() =>
                state.audit
                  .filter(
                    (e) =>
                      e.seq >= (readOptions.fromSeq ?? 1) &&
                      (readOptions.entityType === undefined || e.entityType === readOptions.entityType) &&
                      (readOptions.entityId === undefined || e.entityId === readOptions.entityId),
                  )
                  .map((e) => structuredClone(e)),
              ),
            async (entries) => entries,
          );
        })(),
    };
  }

  return buildStore(null, DEFAULT_TENANT, 'root');
}

function versionConflict(collection: string, id: string, expected: number, actual: number): ConflictError {
  return new ConflictError(
    `${collection} "${id}" was changed by someone else (expected version ${expected}, found ${actual}).`,
    { details: { collection, id, expectedVersion: expected, actualVersion: actual } },
  );
}

function parseStored<T extends { id: string }>(definition: CollectionDefinition<T>, json: string): T {
  try {
    return parseInput(definition.schema, JSON.parse(json), `stored ${definition.name}`);
  } catch (error) {
    if (FrontlineError.is(error)) throw error;
    throw new StorageError(`Stored ${definition.name} could not be read.`, { cause: error });
  }
}

const BATCH = 1000;

/** Streams `load(ids)` in batches of ids so a consumer's own writes between batches do not block on the lock. */
function batched<I, R>(list: () => Promise<I[]>, load: (batch: I[]) => Promise<R[]>): AsyncIterable<R> {
  return {
    async *[Symbol.asyncIterator]() {
      const all = await list();
      for (let i = 0; i < all.length; i += BATCH) {
        yield* await load(all.slice(i, i + BATCH));
      }
    },
  };
}
