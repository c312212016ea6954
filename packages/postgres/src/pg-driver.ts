import { FrontlineError, StorageError } from '@frontline/core';
import type { Pool, PoolClient, PoolConfig } from 'pg';
import { type SqlDriver, type SqlRow, type SqlSession, setTenantSql } from './driver';
import { isConnectionFailure, sqlStateOf, toFrontlineError } from './errors';
import { loadOptionalPeer, PG_PEER } from './optional-peer';

/** Transaction isolation for the `pg` driver. */
export type IsolationLevel = 'read committed' | 'repeatable read' | 'serializable';

const BEGIN: Record<IsolationLevel, string> = {
  'read committed': 'BEGIN',
  'repeatable read': 'BEGIN ISOLATION LEVEL REPEATABLE READ',
  serializable: 'BEGIN ISOLATION LEVEL SERIALIZABLE',
};

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

/**
 * A new `pg` pool the store owns, with `pg` loaded only now (it is an optional peer dependency): without it
 * this throws a `MissingDriverError` naming `pg`. An idle connection the server ends emits 'error' on the
 * pool; the pool drops it and the next query opens a new one — without a listener Node would end the process.
 */
export async function createPgPool(config: PoolConfig): Promise<Pool> {
  const pg = await loadOptionalPeer(PG_PEER, () => import('pg'));
  const pool = new pg.default.Pool(config);
  pool.on('error', () => undefined);
  // Every client gets a listener from its first moment, before any checkout: a termination that arrives
  // between `connect()` resolving and a transaction attaching its own listener must not crash the host.
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
}

/** A driver over a `pg` pool: autocommit statements on any pooled connection, a dedicated one per transaction. */
export function createPgDriver(
  pool: Pool,
  options: { ownsPool: boolean; isolation?: IsolationLevel },
): SqlDriver {
  const begin = BEGIN[options.isolation ?? 'read committed'];
  /**
   * The tenant each pooled connection's session is set to. A session `SET` (not `SET LOCAL`) sent with `BEGIN`
   * in one message joins the transaction: it stays when the transaction commits and is forgotten here when it
   * rolls back, so a connection is set once and re-set only when it next serves another tenant (or after a
   * rollback). Should anything else change the setting behind the driver's back, every statement still
   * filters by tenant itself: the policies then hide rows, they never show another tenant's.
   */
  const tenantOf = new WeakMap<PoolClient, string>();
  const connect = async () => {
    try {
      return await pool.connect();
    } catch (error) {
      throw toFrontlineError(error, 'connect');
    }
  };
  return {
    kind: 'pg',
    as(tenant: string): SqlSession {
      const set = setTenantSql(tenant);
      const onClient = async <R>(use: (client: PoolClient) => Promise<R>): Promise<R> => {
        const client = await connect();
        let broken: Error | undefined;
        try {
          if (tenantOf.get(client) !== tenant) {
            tenantOf.delete(client);
            await client.query(set);
            tenantOf.set(client, tenant);
          }
          return await use(client);
        } catch (error) {
          // a statement error leaves the connection usable; a lost connection is dropped by the pool
          if (isConnectionFailure(error, sqlStateOf(error))) broken = asError(error);
          throw error;
        } finally {
          client.release(broken);
        }
      };
      return {
        query: <R extends SqlRow>(text: string, params: readonly unknown[] = []) =>
          onClient(async (client) => (await client.query<R>(text, [...params])).rows),
        exec: (text: string) => onClient(async (client) => void (await client.query(text))),
      };
    },
    async query<R extends SqlRow>(text: string, params: readonly unknown[] = []): Promise<R[]> {
      const result = await pool.query<R>(text, [...params]);
      return result.rows;
    },
    async exec(text: string): Promise<void> {
      await pool.query(text);
    },
    async transaction<R>(work: (session: SqlSession) => Promise<R>, tenant?: string): Promise<R> {
      const client = await connect();
      // A checked-out client has no pool listener: an 'error' event (the server ended the connection while
      // the work awaited something else) would otherwise crash the process.
      let broken: Error | undefined;
      const onError = (error: Error) => {
        broken ??= error;
      };
      client.on('error', onError);
      let open = true;
      const finish = () => {
        open = false;
        client.removeListener('error', onError);
        client.release(broken);
      };
      const session: SqlSession = {
        async query<Q extends SqlRow>(text: string, params: readonly unknown[] = []): Promise<Q[]> {
          if (!open) throw new StorageError('This transaction has already ended; use the store outside it.');
          const result = await client.query<Q>(text, [...params]);
          return result.rows;
        },
        async exec(text: string): Promise<void> {
          if (!open) throw new StorageError('This transaction has already ended; use the store outside it.');
          await client.query(text);
        },
      };
      try {
        if (tenant === undefined || tenantOf.get(client) === tenant) {
          await client.query(begin);
        } else {
          // one round trip: the session setting, then BEGIN (simple protocol, no parameters)
          tenantOf.delete(client);
          await client.query(`${setTenantSql(tenant)}; ${begin}`);
          tenantOf.set(client, tenant);
        }
      } catch (error) {
        broken ??= asError(error);
        finish();
        throw toFrontlineError(error, 'begin transaction');
      }
      let result: R;
      try {
        result = await work(session);
      } catch (error) {
        open = false;
        // "SET …; BEGIN" in one message makes the SET part of the transaction: a rollback undoes it
        tenantOf.delete(client);
        try {
          await client.query('ROLLBACK');
        } catch (rollbackError) {
          broken ??= asError(rollbackError);
        }
        finish();
        throw error;
      }
      open = false;
      try {
        const committed = await client.query('COMMIT');
        if (committed.command === 'ROLLBACK') {
          throw new StorageError('The transaction was rolled back by the server instead of committed.');
        }
      } catch (error) {
        tenantOf.delete(client);
        if (!FrontlineError.is(error)) broken ??= asError(error);
        finish();
        throw toFrontlineError(error, 'commit');
      }
      finish();
      return result;
    },
    async close(): Promise<void> {
      if (options.ownsPool) await pool.end();
    },
  };
}
