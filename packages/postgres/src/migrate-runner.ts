import { createHash } from 'node:crypto';
import { type Clock, FrontlineError, StorageError, systemClock } from '@frontline/core';
import type { SqlDriver, SqlSession } from './driver';
import { toFrontlineError } from './errors';
import type { Migration } from './migrations/migration';
import { quoteSchema } from './schema-name';

/**
 * What a migration run did.
 * @category Migrations
 */
export interface MigrationReport {
  /** The schema migrated. */
  schema: string;
  /** The migrations this run applied, in order (empty when the schema was up to date). */
  applied: { version: number; name: string }[];
  /** The newest version recorded in the schema after the run. */
  version: number;
}

/** Namespace of Frontline's advisory locks (`Fron` in ASCII), the first half of a two-key lock. */
export const ADVISORY_NAMESPACE = 0x46726f6e;

/** The checksum of a migration: SHA-256 of its SQL rendered for a placeholder schema. */
export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql('"{{schema}}"')).digest('hex');
}

function checkMigrationList(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const migration of migrations) {
    if (!Number.isInteger(migration.version) || migration.version <= previous) {
      throw new StorageError(
        `Migration versions must be increasing positive integers; "${migration.name}" has ${migration.version} after ${previous}.`,
        { details: { version: migration.version, name: migration.name } },
      );
    }
    previous = migration.version;
  }
}

/**
 * Applies the pending migrations to `schema`, each in its own transaction under an advisory lock (so two
 * processes opening the same database at once do not race), recording each with its checksum. Re-running is
 * a no-op. A migration that fails rolls back completely and surfaces as a `StorageError` with the database
 * error as `cause`; the ones before it stay applied. A recorded migration whose SQL has since changed is
 * refused. Versions recorded that this package does not know (a newer release migrated the schema) are left
 * alone.
 */
export async function runMigrations(
  driver: SqlDriver,
  options: { schema: string; migrations: readonly Migration[]; clock?: Clock },
): Promise<MigrationReport> {
  const quoted = quoteSchema(options.schema);
  const clock = options.clock ?? systemClock;
  checkMigrationList(options.migrations);
  const table = `${quoted}.schema_migrations`;
  const lock = (session: SqlSession) =>
    session.query('SELECT pg_advisory_xact_lock($1::int, hashtext($2::text)) AS locked', [
      ADVISORY_NAMESPACE,
      `migrate:${options.schema}`,
    ]);

  const transaction = async <R>(operation: string, work: (session: SqlSession) => Promise<R>) => {
    try {
      return await driver.transaction(work);
    } catch (error) {
      throw toFrontlineError(error, operation);
    }
  };

  const recorded = await transaction(`prepare schema ${options.schema}`, async (session) => {
    await lock(session);
    const exists = await session.query('SELECT 1 AS found FROM pg_namespace WHERE nspname = $1', [
      options.schema,
    ]);
    if (exists.length === 0) await session.exec(`CREATE SCHEMA ${quoted}`);
    const [found] = await session.query<{ name: string | null }>('SELECT to_regclass($1)::text AS name', [
      table,
    ]);
    if (found?.name == null) {
      await session.exec(
        `CREATE TABLE ${table} (
          version integer PRIMARY KEY,
          name text NOT NULL,
          checksum text NOT NULL,
          applied_at timestamptz NOT NULL
        )`,
      );
    }
    return session.query<{ version: number; checksum: string }>(
      `SELECT version, checksum FROM ${table} ORDER BY version`,
    );
  });

  const known = new Map(recorded.map((row) => [Number(row.version), row.checksum]));
  for (const migration of options.migrations) {
    const checksum = known.get(migration.version);
    if (checksum !== undefined && checksum !== migrationChecksum(migration)) {
      throw new StorageError(
        `Migration ${migration.version} "${migration.name}" was changed after it was applied to schema "${options.schema}"; write a new migration instead.`,
        { details: { schema: options.schema, version: migration.version, name: migration.name } },
      );
    }
  }

  const applied: MigrationReport['applied'] = [];
  for (const migration of options.migrations) {
    if (known.has(migration.version)) continue;
    const ran = await driver
      .transaction(async (session) => {
        await lock(session);
        const again = await session.query(`SELECT 1 AS found FROM ${table} WHERE version = $1`, [
          migration.version,
        ]);
        if (again.length > 0) return false; // another process applied it while we waited for the lock
        await session.exec(migration.sql(quoted));
        await session.query(
          `INSERT INTO ${table} (version, name, checksum, applied_at) VALUES ($1, $2, $3, $4::timestamptz)`,
          [migration.version, migration.name, migrationChecksum(migration), clock.now().toISOString()],
        );
        return true;
      })
      .catch((error: unknown) => {
        const mapped = toFrontlineError(error, `migration ${migration.version} "${migration.name}"`);
        throw new StorageError(
          `Migration ${migration.version} "${migration.name}" failed on schema "${options.schema}" and was rolled back: ${mapped.message}`,
          {
            details: {
              ...mapped.details,
              schema: options.schema,
              version: migration.version,
              name: migration.name,
            },
            cause: FrontlineError.is(error) ? error : mapped.cause,
          },
        );
      });
    if (ran) applied.push({ version: migration.version, name: migration.name });
    known.set(migration.version, migrationChecksum(migration));
  }
  return { schema: options.schema, applied, version: Math.max(0, ...known.keys()) };
}
