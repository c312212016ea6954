import type { PGlite } from '@electric-sql/pglite';
import type { Clock } from '@frontline/core';
import type { Pool } from 'pg';
import type { SqlDriver } from './driver';
import { type MigrationReport, runMigrations } from './migrate-runner';
import { frontlineMigrations, type Migration } from './migrations/index';
import { createPgDriver, createPgPool } from './pg-driver';
import { createPgliteDriver } from './pglite-driver';
import { openPglite } from './pglite-open';
import { DEFAULT_SCHEMA } from './schema-name';

/**
 * Where {@link migrate} applies migrations: a server (by connection string or a host's pool) or PGlite (a data
 * directory, or an open instance).
 * @category Migrations
 */
export type MigrationTarget =
  | { connectionString: string }
  | { pool: Pool }
  | { dataDir: string }
  | { pglite: PGlite };

/**
 * Options of {@link migrate}.
 * @category Migrations
 */
export interface MigrateOptions {
  /** The schema to migrate (default `frontline`). */
  schema?: string;
  /** The migrations to apply (default: the ones this package ships). */
  migrations?: readonly Migration[];
  /** Time recorded as `applied_at`. Default: the system clock. */
  clock?: Clock;
}

/**
 * Applies Frontline's pending migrations: each in its own transaction, recorded in
 * `<schema>.schema_migrations` with a checksum, under an advisory lock so concurrent runs queue. Re-running
 * is a no-op. A failing migration rolls back entirely and throws a `StorageError` with the database error as
 * `cause`. The stores run this on open; call it yourself (or the `frontline-migrate` CLI) to migrate ahead of
 * a deploy and open stores with `migrate: false`.
 * @example
 * const report = await migrate({ connectionString: 'postgres://frontline:frontline@127.0.0.1:5432/frontline' });
 * console.log(report.applied); // [{ version: 1, name: 'initial' }] the first time, [] after
 * @category Migrations
 */
export async function migrate(
  target: MigrationTarget,
  options: MigrateOptions = {},
): Promise<MigrationReport> {
  let driver: SqlDriver;
  if ('connectionString' in target) {
    const pool = await createPgPool({ connectionString: target.connectionString, max: 1 });
    driver = createPgDriver(pool, { ownsPool: true });
  } else if ('pool' in target) {
    driver = createPgDriver(target.pool, { ownsPool: false });
  } else if ('pglite' in target) {
    driver = createPgliteDriver(target.pglite, { ownsDb: false });
  } else {
    const db = await openPglite(target.dataDir);
    driver = createPgliteDriver(db, { ownsDb: true });
  }
  try {
    return await runMigrations(driver, {
      schema: options.schema ?? DEFAULT_SCHEMA,
      migrations: options.migrations ?? frontlineMigrations,
      clock: options.clock,
    });
  } finally {
    await driver.close().catch(() => undefined);
  }
}
