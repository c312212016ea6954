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
  /**
   * Autocommit statements run as `tenant`: the connection's `frontline.tenant` setting — what the row-level
   * security policies compare every row's tenant with — is `tenant` when each statement runs.
   */
  as(tenant: string): SqlSession;
  /** One transaction; with a `tenant`, its connection's `frontline.tenant` setting is that tenant throughout. */
  transaction<R>(work: (session: SqlSession) => Promise<R>, tenant?: string): Promise<R>;
  close(): Promise<void>;
}

const TENANT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * The statement that makes `tenant` the connection's tenant for the row-level security policies. The id is
 * inlined (a `SET` takes no parameters, and the driver sends it in the same round trip as `BEGIN`), so it is
 * checked here against the tenant rule once more, whatever the caller checked before.
 */
export function setTenantSql(tenant: string): string {
  if (!TENANT.test(tenant))
    throw new Error(`Refusing to set an invalid tenant id: ${JSON.stringify(tenant)}`);
  return `SET frontline.tenant = '${tenant}'`;
}
