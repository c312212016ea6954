import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

/** One statement with `$n` parameters, its rows back. */
export type HandQuery = (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * What the benches' hand-written baselines need from a connection: statements, one transaction, close. The
 * baselines use the drivers directly (no store), as a developer writing the SQL by hand would.
 */
export interface HandDb {
  query: HandQuery;
  transaction<R>(work: (q: HandQuery) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

/** A PGlite instance as a {@link HandDb}; closing it closes the instance. */
export function pgliteHandDb(db: PGlite): HandDb {
  return {
    query: async (text, params = []) => (await db.query<Record<string, unknown>>(text, params)).rows,
    transaction: (work) =>
      db.transaction((tx) =>
        work(async (text, params = []) => (await tx.query<Record<string, unknown>>(text, params)).rows),
      ),
    close: () => db.close(),
  };
}

/** A `pg` pool as a {@link HandDb}: a transaction on one checked-out client; closing it ends the pool. */
export function pgHandDb(pool: pg.Pool): HandDb {
  return {
    query: async (text, params = []) => (await pool.query(text, params)).rows,
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(async (text, params = []) => (await client.query(text, params)).rows);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
