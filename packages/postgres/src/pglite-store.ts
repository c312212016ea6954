import type { PGlite } from '@electric-sql/pglite';
import { createPgliteDriver } from './pglite-driver';
import { openPglite } from './pglite-open';
import { createSqlStore, type SqlStore, type SqlStoreOptions } from './sql-store';

/**
 * Options of {@link createPgliteStore}.
 * @category Stores
 */
export interface PgliteStoreOptions extends SqlStoreOptions {
  /**
   * Where PGlite keeps its files (a directory, created when missing), so the next open sees this run's data.
   * Leave out for an in-memory database that lives as long as the store. One process at a time per directory.
   */
  dataDir?: string;
  /**
   * An open PGlite instance to use instead (e.g. one shared by several stores in different schemas);
   * `close()` leaves it open.
   */
  db?: PGlite;
}

/**
 * A Frontline `Store` on PGlite — PostgreSQL compiled to WebAssembly, running in this process: the same SQL
 * as on a server, in memory or in a data directory. For the demo, examples, tests and a small office.
 * PGlite has one connection, so transactions run one at a time. Migrates its schema on open unless
 * `migrate: false`.
 * @example
 * const store = await createPgliteStore({ dataDir: './.frontline-data' });
 * await store.repository(Tickets).insert(ticket);
 * await store.close();
 * @category Stores
 */
export async function createPgliteStore(options: PgliteStoreOptions = {}): Promise<SqlStore> {
  const db = options.db ?? (await openPglite(options.dataDir));
  const driver = createPgliteDriver(db, { ownsDb: options.db === undefined });
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
