import type { PGlite } from '@electric-sql/pglite';
import { type SqlDriver, type SqlRow, type SqlSession, setTenantSql } from './driver';
import { toFrontlineError } from './errors';

/**
 * A driver over one PGlite instance. PGlite has a single connection: it runs one transaction at a time and
 * makes statements from outside a running transaction wait until it ends, so a transaction here is serialised
 * with everything else (calling the root store from inside a transaction's work would wait forever — use
 * the `tx` store, as with the memory adapter).
 */
export function createPgliteDriver(db: PGlite, options: { ownsDb: boolean }): SqlDriver {
  /**
   * The tenant the one connection's session is set to, and a lock that keeps "set the tenant, run the statement
   * (or the transaction)" together, so a statement never runs under the tenant another caller set meanwhile.
   */
  let current: string | undefined;
  let tail: Promise<void> = Promise.resolve();
  const asTenant = async <R>(tenant: string, work: () => Promise<R>): Promise<R> => {
    let release!: () => void;
    const previous = tail;
    tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    try {
      if (current !== tenant) {
        current = undefined;
        await db.exec(setTenantSql(tenant));
        current = tenant;
      }
      return await work();
    } finally {
      release();
    }
  };
  return {
    kind: 'pglite',
    as(tenant: string): SqlSession {
      return {
        query: <R extends SqlRow>(text: string, params: readonly unknown[] = []) =>
          asTenant(tenant, async () => (await db.query<R>(text, [...params])).rows),
        exec: (text: string) => asTenant(tenant, async () => void (await db.exec(text))),
      };
    },
    async query<R extends SqlRow>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await db.query<R>(text, [...params]);
      return result.rows;
    },
    async exec(text: string): Promise<void> {
      await db.exec(text);
    },
    async transaction<R>(work: (session: SqlSession) => Promise<R>, tenant?: string): Promise<R> {
      const state: { phase: 'begin' | 'work' | 'commit' } = { phase: 'begin' };
      const run = (inner: () => Promise<R>) => (tenant === undefined ? inner() : asTenant(tenant, inner));
      try {
        return await run(() =>
          db.transaction(async (tx) => {
            state.phase = 'work';
            const session: SqlSession = {
              async query<Q extends SqlRow>(text: string, params: readonly unknown[] = []): Promise<Q[]> {
                const result = await tx.query<Q>(text, [...params]);
                return result.rows;
              },
              async exec(text: string): Promise<void> {
                await tx.exec(text);
              },
            };
            const value = await work(session);
            state.phase = 'commit';
            return value;
          }),
        );
      } catch (error) {
        if (state.phase === 'work') throw error;
        throw toFrontlineError(error, state.phase === 'begin' ? 'begin transaction' : 'commit');
      }
    },
    async close(): Promise<void> {
      if (options.ownsDb && !db.closed) await db.close();
    },
  };
}
