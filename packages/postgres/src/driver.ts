/** A row as a driver returns it: column name to parsed value. */
export type SqlRow = Record<string, unknown>;

/** Where SQL runs: a connection in autocommit mode, or one transaction. */
export interface SqlSession {
  /** Runs one statement with `$1…` parameters and returns its rows. */
  query<R extends SqlRow = SqlRow>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Runs a script of statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

/**
 * What the store needs from a PostgreSQL client library: autocommit statements and transactions. The `pg`
 * driver gives each transaction its own pooled connection; the PGlite driver runs everything on its one
 * connection, one transaction at a time. Errors from `begin`/`commit` come out as Frontline errors; errors
 * thrown by `work` come out unchanged.
 */
export interface SqlDriver extends SqlSession {
  readonly kind: 'pg' | 'pglite';
  transaction<R>(work: (session: SqlSession) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}
