/**
 * `@frontline/postgres` — Frontline's storage on PostgreSQL: on a server through `pg`, or embedded through
 * PGlite (PostgreSQL in WebAssembly, in-process). Implements every storage port of `@frontline/core` —
 * repositories with optimistic concurrency, the unit of work as a real transaction, the transactional outbox
 * (claimed with `FOR UPDATE SKIP LOCKED`, with leases, retries and a dead-letter state) and the audit store —
 * with versioned migrations, applied on open, by {@link migrate} or by the `frontline-migrate` CLI.
 * @module
 */

export type { SqlRow } from './driver';
export { isRetryable, MissingDriverError, toFrontlineError } from './errors';
export { postgresKnowledgeSearch } from './knowledge-search';
export { type MigrateOptions, type MigrationTarget, migrate } from './migrate';
export type { MigrationReport } from './migrate-runner';
export { citusMigrations, frontlineMigrations, type Migration } from './migrations/index';
export type { IsolationLevel } from './pg-driver';
export { createPgliteStore, type PgliteStoreOptions } from './pglite-store';
export { createPostgresStore, type PostgresStoreOptions } from './postgres-store';
export { DEFAULT_SCHEMA } from './schema-name';
export type { SqlInspector, SqlStore, SqlStoreOptions } from './sql-store';
