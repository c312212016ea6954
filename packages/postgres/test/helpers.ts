import type { FixedClock, Store } from '@frontline/core';
import type { RawInspector, StoreConformanceOptions } from '@frontline/testing';
import { describe, it } from 'vitest';
import type { SqlStore } from '../src/index';

/** The PostgreSQL server the server tests use (see scripts/start-postgres.sh). */
export const serverUrl: string | undefined = process.env.FRONTLINE_PG_URL || undefined;

/**
 * Registers `body` as a suite that needs the PostgreSQL server. Without `FRONTLINE_PG_URL` it is skipped with
 * a message saying how to run it — except in CI (`CI=true`), where a missing server is a failure, never a skip.
 */
export function describeWithServer(title: string, body: (url: string) => void): void {
  if (serverUrl) {
    describe(title, () => body(serverUrl));
    return;
  }
  if (process.env.CI === 'true') {
    describe(title, () => {
      it('has a PostgreSQL server to run against', () => {
        throw new Error(
          'CI=true but FRONTLINE_PG_URL is not set: the PostgreSQL server tests must run in CI. ' +
            'Start one with `bash scripts/start-postgres.sh` and export the URL it prints as FRONTLINE_PG_URL.',
        );
      });
    });
    return;
  }
  console.warn(
    `[@frontline/postgres] skipping "${title}": set FRONTLINE_PG_URL to a PostgreSQL server ` +
      '(e.g. the URL printed by `bash scripts/start-postgres.sh`) to run it.',
  );
  describe.skip(`${title} — skipped: FRONTLINE_PG_URL is not set`, () => body('postgres://unset'));
}

let schemas = 0;

/** A schema name no other test (in this or a parallel test process) uses. */
export function uniqueSchema(prefix: string): string {
  schemas += 1;
  return `${prefix}_${process.pid}_${schemas}`;
}

/**
 * The conformance suite's store hooks for SQL stores: a fresh schema per test, read-back through the store's
 * raw inspector, and the schema dropped afterwards.
 */
export function sqlConformanceHooks(
  open: (schema: string, clock: FixedClock) => Promise<SqlStore>,
): Pick<StoreConformanceOptions, 'createStore' | 'raw' | 'dispose'> {
  const opened = new Map<Store, SqlStore>();
  const sqlStore = (store: Store): SqlStore => {
    const found = opened.get(store);
    if (!found) throw new Error('not a store these hooks opened');
    return found;
  };
  return {
    createStore: async ({ clock }) => {
      const store = await open(uniqueSchema('conf'), clock);
      opened.set(store, store);
      return store;
    },
    raw: (store): RawInspector => sqlStore(store).raw,
    dispose: async (store) => {
      const sql = sqlStore(store);
      opened.delete(store);
      try {
        await sql.raw.query(`DROP SCHEMA "${sql.schema}" CASCADE`);
      } finally {
        await sql.close();
      }
    },
  };
}
