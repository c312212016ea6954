import type { Pool, PoolConfig } from 'pg';
import { createPgDriver, createPgPool, type IsolationLevel } from './pg-driver';
import { createSqlStore, type SqlStore, type SqlStoreOptions } from './sql-store';

/**
 * Options of {@link createPostgresStore}: a connection string (the store makes and owns a pool) or a `pg`
 * pool the host owns.
 * @category Stores
 */
export type PostgresStoreOptions = SqlStoreOptions & {
  /**
   * Isolation of `store.transaction` (default `read committed`). Under `repeatable read` and `serializable`
   * a transaction that loses to a concurrent one fails with a retryable `ConflictError`.
   */
  isolation?: IsolationLevel;
} & (
    | {
        /** `postgres://user:password@host:5432/database`. */
        connectionString: string;
        /** Further `pg` pool settings (`max`, `idleTimeoutMillis`, `application_name`, `ssl`, …). */
        poolConfig?: Omit<PoolConfig, 'connectionString'>;
      }
    | {
        /**
         * A pool the host owns: `close()` leaves it open. Give it an `error` listener — an idle connection the
         * server drops emits one, and without a listener Node ends the process.
         */
        pool: Pool;
      }
  );

/**
 * A Frontline `Store` on a PostgreSQL server through `pg`: each repository write is one statement, each
 * `transaction` a dedicated pooled connection (`BEGIN` … `COMMIT`), the outbox claimed with
 * `FOR UPDATE SKIP LOCKED`. Migrates its schema on open unless `migrate: false`.
 * Connection failures surface as `StorageError`s with the driver's error as `cause`.
 * @example
 * const store = await createPostgresStore({ connectionString: process.env.DATABASE_URL!, schema: 'frontline' });
 * const tickets = store.repository(Tickets);
 * await store.close();
 * @category Stores
 */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<SqlStore> {
  let pool: Pool;
  let ownsPool: boolean;
  if ('pool' in options) {
    pool = options.pool;
    ownsPool = false;
  } else {
    pool = await createPgPool({ ...options.poolConfig, connectionString: options.connectionString });
    ownsPool = true;
  }
  const driver = createPgDriver(pool, { ownsPool, isolation: options.isolation });
  let store: SqlStore;
  try {
    store = createSqlStore(driver, options);
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw error;
  }
  if (options.migrate !== false) {
    try {
      await store.migrate();
    } catch (error) {
      await store.close().catch(() => undefined);
      throw error;
    }
  }
  return store;
}
