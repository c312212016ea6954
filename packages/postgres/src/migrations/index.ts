import { initialMigration } from './0001-initial';
import { tenantsMigration } from './0002-tenants';
import { knowledgeSearchMigration } from './0003-knowledge-search';
import type { Migration } from './migration';

/**
 * The migrations this version of the package ships, oldest first.
 * @category Migrations
 */
export const frontlineMigrations: readonly Migration[] = Object.freeze([
  initialMigration,
  tenantsMigration,
  knowledgeSearchMigration,
]);

/**
 * The migrations for a schema distributed on [Citus](https://www.citusdata.com): the same steps as
 * {@link frontlineMigrations}, each followed by the distribution DDL of the tables it creates or re-keys (every
 * table distributed by `tenant`, colocated with `entities`). Use it from the first migration of a Citus schema —
 * `migrate(target, { migrations: citusMigrations })` or the stores' `migrations` option — and keep using it: a
 * schema is plain or distributed for life (the checksums differ). See the README's "Past one server".
 * @category Migrations
 */
export const citusMigrations: readonly Migration[] = Object.freeze(
  frontlineMigrations.map((migration) => {
    const citus = migration.citus;
    if (!citus) return migration;
    return Object.freeze({
      ...migration,
      sql: (schema: string) => `${migration.sql(schema)}\n${citus(schema)}`,
    });
  }),
);

export type { Migration } from './migration';
