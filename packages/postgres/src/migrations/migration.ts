/**
 * One versioned step of the database schema. Migrations ship inside the package as code, so the bundle
 * needs no SQL files beside it; each runs in its own transaction and is recorded in `schema_migrations`
 * with a checksum of its SQL.
 * @category Migrations
 */
export interface Migration {
  /** 1, 2, 3, … in the order they apply. */
  readonly version: number;
  /** A short kebab-case name (e.g. `initial`). */
  readonly name: string;
  /** The SQL script, given the schema as a quoted identifier (e.g. `"frontline"`). */
  readonly sql: (schema: string) => string;
  /**
   * What this migration adds on Citus (see `citusMigrations`): the distribution DDL of the tables it creates or
   * re-keys, run after its `sql` in the same transaction.
   */
  readonly citus?: (schema: string) => string;
}
