import {
  type Clock,
  type CollectionDefinition,
  checkCollectionDefinitions,
  createUuidV7Ids,
  DEFAULT_MAX_PAYLOAD_BYTES,
  DEFAULT_TENANT,
  type IdGenerator,
  MaxPayloadBytesInput,
  parseInput,
  type Repository,
  StorageError,
  type Store,
  systemClock,
  TenantIdInput,
} from '@frontline/core';
import { createSqlAuditStore } from './audit-store';
import { ensureCollection } from './collection-registry';
import { attachContext, type Ctx, run, runTransaction, type Shared, tablesIn, toNumber } from './context';
import type { SqlDriver, SqlRow } from './driver';
import { type MigrationReport, runMigrations } from './migrate-runner';
import { frontlineMigrations, type Migration } from './migrations/index';
import { createSqlOutbox } from './outbox';
import { createSqlRepository } from './repository';
import { DEFAULT_SCHEMA, quoteSchema } from './schema-name';

/**
 * Direct reads of what the store wrote, around its repositories — for the conformance suite's read-back
 * checks (it fits `RawInspector` of `@frontline/testing`), for diagnostics and for host reports.
 * @category Stores
 */
export interface SqlInspector {
  /** The store's tenant's stored row of `collection` with this id, its jsonb decoded; `undefined` when there is none. */
  readEntity(collection: string, id: string): Promise<{ version: number; data: unknown } | undefined>;
  /** How many outbox messages the store's tenant has, in any status. */
  countOutbox(): Promise<number>;
  /** How many audit entries the store's tenant has. */
  countAudit(): Promise<number>;
  /**
   * Runs any SQL on the store's connection (autocommit) as the store's tenant (the row-level security policies
   * show that tenant's rows only) and returns its rows. Tables are in {@link SqlStore.schema}; quote it as
   * `"schema"."entities"`.
   */
  query<R extends SqlRow = SqlRow>(sql: string, params?: readonly unknown[]): Promise<R[]>;
}

/**
 * A Frontline `Store` on PostgreSQL — a server through `pg`, or PGlite in-process. Everything the core ports
 * ask for, plus the schema it lives in, its migrations and a raw inspector.
 * @category Stores
 */
export interface SqlStore extends Store {
  /** `pg` (a PostgreSQL server) or `pglite` (embedded). */
  readonly driver: 'pg' | 'pglite';
  /** The schema holding Frontline's tables. */
  readonly schema: string;
  /** Direct SQL read-back, around the repositories. */
  readonly raw: SqlInspector;
  /** Applies pending migrations to {@link SqlStore.schema}; a no-op when it is up to date. */
  migrate(): Promise<MigrationReport>;
  /** The same store scoped to another tenant (see `Store.forTenant`), its inspector scoped with it. */
  forTenant(tenant: string): SqlStore;
}

/** Options every SQL store shares. */
export interface SqlStoreOptions {
  /**
   * The schema for Frontline's tables (default `frontline`), so a host CRM keeps them apart from its own:
   * lower-case letters, digits and `_`, at most 63 characters.
   */
  schema?: string;
  /** Time for timestamps, outbox scheduling and leases. Default: the system clock. */
  clock?: Clock;
  /** Ids of outbox messages. Default: UUID v7. */
  ids?: IdGenerator;
  /** Apply pending migrations when the store opens (default `true`). */
  migrate?: boolean;
  /** The migrations to apply (default: the ones this package ships). */
  migrations?: readonly Migration[];
  /**
   * The largest entity, outbox payload or audit payload taken, in bytes of UTF-8 JSON (default 1 MiB, see
   * `DEFAULT_MAX_PAYLOAD_BYTES`; 1 KiB to 64 MiB): a larger one is a `ValidationError` before any SQL runs.
   */
  maxPayloadBytes?: number;
}

/** Builds the store over a driver; the driver-specific factories add connection handling and migration. */
export function createSqlStore(driver: SqlDriver, options: SqlStoreOptions): SqlStore {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  const quoted = quoteSchema(schema);
  const shared: Shared = {
    driver,
    tables: tablesIn(schema, quoted),
    clock: options.clock ?? systemClock,
    ids: options.ids ?? createUuidV7Ids(),
    maxPayloadBytes: parseInput(
      MaxPayloadBytesInput.default(DEFAULT_MAX_PAYLOAD_BYTES),
      options.maxPayloadBytes,
      'maxPayloadBytes',
      ['maxPayloadBytes'],
    ),
    ensured: new Set(),
    registered: new Map(),
    closed: false,
  };
  const migrations = options.migrations ?? frontlineMigrations;

  function inspectorFor(root: Ctx): SqlInspector {
    const count = async (table: string) => {
      const [row] = await run<{ n: unknown }>(
        root,
        `count ${table}`,
        `SELECT count(*) AS n FROM ${table} WHERE tenant = $1`,
        [root.tenant],
      );
      return toNumber(row?.n ?? 0);
    };
    return {
      async readEntity(collection, id) {
        const [row] = await run<{ version: unknown; data: unknown }>(
          root,
          `read ${collection} directly`,
          `SELECT version, data FROM ${shared.tables.entities} WHERE tenant = $3 AND collection = $1 AND id = $2`,
          [collection, id, root.tenant],
        );
        return row ? { version: toNumber(row.version), data: row.data } : undefined;
      },
      countOutbox: () => count(shared.tables.outbox),
      countAudit: () => count(shared.tables.audit),
      query: (sql, params = []) => run(root, 'raw query', sql, params),
    };
  }

  function storeFor(ctx: Ctx): Store {
    // Repositories are cheap but build their SQL once: keep one per definition object.
    const repositories = new WeakMap<object, unknown>();
    const store: Store = {
      tenant: ctx.tenant,
      forTenant: (other) => {
        const tenant = parseInput(TenantIdInput, other, 'tenant');
        if (tenant === ctx.tenant) return store;
        if (ctx.tx) {
          throw new StorageError(
            `A transaction belongs to one tenant: this one is "${ctx.tenant}", not "${tenant}". Open a transaction on store.forTenant("${tenant}").`,
            { details: { tenant: ctx.tenant, asked: tenant } },
          );
        }
        return tenantStore(tenant, false);
      },
      repository: <T extends { id: string }>(asked: CollectionDefinition<T>): Repository<T> => {
        const definition =
          (shared.registered.get(asked.name) as CollectionDefinition<T> | undefined) ?? asked;
        const known = repositories.get(definition) as Repository<T> | undefined;
        if (known) return known;
        const created = createSqlRepository(definition, ctx);
        repositories.set(definition, created);
        return created;
      },
      registerCollections: async (definitions) => {
        for (const definition of checkCollectionDefinitions(definitions)) {
          shared.registered.set(definition.name, definition);
          await ensureCollection(ctx, definition);
        }
      },
      outbox: createSqlOutbox(ctx),
      audit: createSqlAuditStore(ctx),
      transaction: <R>(work: (tx: Store) => Promise<R>): Promise<R> =>
        ctx.tx ? work(store) : runTransaction(shared, ctx.tenant, (txCtx) => work(storeFor(txCtx))),
      close: async () => {
        throw new StorageError('Close the store, not a transaction: the store owns the connections.');
      },
    };
    return attachContext(store, ctx);
  }

  function tenantStore(tenant: string, isRoot: boolean): SqlStore {
    const root: Ctx = { shared, tenant, session: driver.as(tenant), tx: null };
    const base = storeFor(root);
    const sqlStore: SqlStore = {
      ...base,
      forTenant: (other) => {
        const id = parseInput(TenantIdInput, other, 'tenant');
        return id === tenant ? sqlStore : tenantStore(id, false);
      },
      driver: driver.kind,
      schema,
      raw: inspectorFor(root),
      migrate: () => {
        if (shared.closed) return Promise.reject(new StorageError('The PostgreSQL store is closed.'));
        return runMigrations(driver, { schema, migrations, clock: shared.clock });
      },
      close: async () => {
        if (!isRoot) {
          throw new StorageError(
            "Close the store the factory returned, not a tenant's view of it: they share its connections.",
          );
        }
        if (shared.closed) return;
        shared.closed = true;
        try {
          await driver.close();
        } catch (error) {
          throw new StorageError('Closing the PostgreSQL store failed.', { cause: error });
        }
      },
    };
    return attachContext(sqlStore, root);
  }

  return tenantStore(DEFAULT_TENANT, true);
}
