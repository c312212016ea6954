import type { PGlite } from '@electric-sql/pglite';
import type { SqlDriver, SqlRow, SqlSession } from './driver';
import { toFrontlineError } from './errors';

/**
 * A driver over one PGlite instance. PGlite has a single connection: it runs one transaction at a time and
 * makes statements from outside a running transaction wait until it ends, so a transaction here is serialised
 * with everything else (calling the root store from inside a transaction's work would wait forever — use
 * the `tx` store, as with the memory adapter).
 */
export function createPgliteDriver(db: PGlite, options: { ownsDb: boolean }): SqlDriver {
  return {
    kind: 'pglite',
    async query<R extends SqlRow>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await db.query<R>(text, [...params]);
      return result.rows;
    },
    async exec(text: string): Promise<void> {
      await db.exec(text);
    },
    async transaction<R>(work: (session: SqlSession) => Promise<R>): Promise<R> {
      const state: { phase: 'begin' | 'work' | 'commit' } = { phase: 'begin' };
      try {
        return await db.transaction(async (tx) => {
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
        });
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
