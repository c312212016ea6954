/**
 * The audit chain at volume: appending 100,000 entries (100 per command, as a busy command batch writes them) and
 * verifying the whole chain, on PGlite and (with `FRONTLINE_PG_URL`) a PostgreSQL server.
 *
 * Baseline: a hand-written chain — a table with real columns, SHA-256 over a JSON array in JS, the head row locked
 * per batch, each batch one multi-row INSERT plus the head's move; verification reads the table in seq order in
 * pages of 5,000 and recomputes every hash.
 * Candidate: `createAuditLog(…).appendMany` and `verify()` on the store (canonical JSON, the stored head and its
 * per-tenant checks included).
 *
 *   BENCH_FILTER=audit npm run bench
 */
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { createAuditLog, createFixedClock } from '@frontline/core';
import pg from 'pg';
import { type BenchCase, type BenchTask, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { createPgliteStore, createPostgresStore, type SqlStore } from '../src/index';
import { type HandDb, pgHandDb, pgliteHandDb } from './hand-db';

const serverUrl = process.env.FRONTLINE_PG_URL || undefined;
const PER_BATCH = 100;

interface Chain {
  append(n: number): Promise<void>;
  verify(): Promise<number>;
  close(): Promise<void>;
}

async function handChain(db: HandDb, schema: string): Promise<Chain> {
  const { query } = db;
  const s = `"${schema}"`;
  await query(`CREATE SCHEMA ${s}`);
  await query(`CREATE TABLE ${s}.audit (seq bigint PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL,
    entity_type text NOT NULL, entity_id text NOT NULL, type text NOT NULL, payload jsonb, prev_hash text NOT NULL,
    hash text NOT NULL)`);
  await query(`CREATE INDEX ON ${s}.audit (entity_type, entity_id, seq)`);
  await query(`CREATE TABLE ${s}.head (id int PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL)`);
  await query(`INSERT INTO ${s}.head VALUES (1, 0, repeat('0', 64))`);
  const hashOf = (e: { seq: number; at: string; entity_id: string; payload: unknown; prev_hash: string }) =>
    createHash('sha256')
      .update(
        JSON.stringify([
          e.seq,
          e.at,
          'agent-7',
          'ticket',
          e.entity_id,
          'ticket.touched',
          e.payload,
          e.prev_hash,
        ]),
      )
      .digest('hex');
  let n = 0;
  return {
    async append(count) {
      for (let done = 0; done < count; done += PER_BATCH) {
        await db.transaction(async (q) => {
          const [head] = await q(`SELECT seq, hash FROM ${s}.head WHERE id = 1 FOR UPDATE`);
          let seq = Number(head!.seq);
          let prev = String(head!.hash);
          const rows = Array.from({ length: Math.min(PER_BATCH, count - done) }, () => {
            seq += 1;
            const row = {
              seq,
              at: '2026-03-02T08:00:00.000Z',
              entity_id: `t-${++n % 5000}`,
              payload: { n },
              prev_hash: prev,
              hash: '',
            };
            row.hash = hashOf(row);
            prev = row.hash;
            return row;
          });
          await q(
            `WITH a AS (INSERT INTO ${s}.audit
               SELECT r.seq, r.at, 'agent-7', 'ticket', r.entity_id, 'ticket.touched', r.payload, r.prev_hash, r.hash
               FROM jsonb_to_recordset($1::jsonb) AS r(seq bigint, at timestamptz, entity_id text, payload jsonb,
                 prev_hash text, hash text))
             UPDATE ${s}.head SET seq = $2, hash = $3 WHERE id = 1`,
            [JSON.stringify(rows), seq, prev],
          );
        });
      }
    },
    async verify() {
      let after = 0;
      let prev = '0'.repeat(64);
      let checked = 0;
      for (;;) {
        const rows = await query(
          `SELECT seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, entity_id, payload,
                  prev_hash, hash FROM ${s}.audit WHERE seq > $1 ORDER BY seq LIMIT 5000`,
          [after],
        );
        for (const r of rows) {
          const row = {
            seq: Number(r.seq),
            at: String(r.at),
            entity_id: String(r.entity_id),
            payload: r.payload,
            prev_hash: String(r.prev_hash),
          };
          if (row.prev_hash !== prev || hashOf(row) !== r.hash) throw new Error(`chain broken at ${row.seq}`);
          prev = String(r.hash);
          checked++;
        }
        if (rows.length < 5000) return checked;
        after = Number(rows[rows.length - 1]!.seq);
      }
    },
    close: async () => {
      await query(`DROP SCHEMA ${s} CASCADE`);
      await db.close();
    },
  };
}

function sdkChain(store: SqlStore): Chain {
  const log = createAuditLog({ store, clock: createFixedClock('2026-03-02T08:00:00Z') });
  let n = 0;
  return {
    async append(count) {
      for (let done = 0; done < count; done += PER_BATCH) {
        await log.appendMany(
          Array.from({ length: Math.min(PER_BATCH, count - done) }, () => ({
            actor: 'agent-7',
            entityType: 'ticket',
            entityId: `t-${++n % 5000}`,
            type: 'ticket.touched',
            payload: { n },
          })),
        );
      }
    },
    async verify() {
      const result = await log.verify();
      if (!result.ok) throw new Error(`chain broken: ${JSON.stringify(result)}`);
      return result.count;
    },
    close: async () => {
      if (store.driver === 'pg') await store.raw.query(`DROP SCHEMA IF EXISTS "${store.schema}" CASCADE`);
      await store.close();
    },
  };
}

export default defineBenchSuite({
  name: 'postgres: audit chain',
  cases: () => {
    const entries = benchSize(100_000, 1_000);
    const pid = process.pid;
    const backends: { name: string; hand: () => Promise<Chain>; sdk: () => Promise<Chain> }[] = [
      {
        name: 'PGlite',
        hand: async () => handChain(pgliteHandDb(await PGlite.create()), `audit_hand_${pid}`),
        sdk: async () => sdkChain(await createPgliteStore({ schema: `audit_sdk_${pid}` })),
      },
    ];
    if (serverUrl) {
      backends.push({
        name: 'PostgreSQL server',
        hand: async () =>
          handChain(pgHandDb(new pg.Pool({ connectionString: serverUrl, max: 2 })), `audit_hand_${pid}`),
        sdk: async () =>
          sdkChain(
            await createPostgresStore({
              connectionString: serverUrl,
              schema: `audit_sdk_${pid}`,
              poolConfig: { max: 2 },
            }),
          ),
      });
    } else {
      console.error('[audit bench] FRONTLINE_PG_URL is not set: measuring PGlite only, not a server.');
    }
    return backends.flatMap((backend): BenchCase[] => {
      const chains = new Map<string, Chain>();
      const names = { hand: 'hand-written chain', sdk: 'Frontline audit log' };
      const task = (name: string, op: (chain: Chain) => Promise<unknown>): BenchTask => ({
        name,
        fn: async () => {
          const chain = chains.get(name);
          if (!chain) throw new Error(`${name} is not open`);
          await op(chain);
        },
      });
      const open = async () => {
        chains.set(names.hand, await backend.hand());
        chains.set(names.sdk, await backend.sdk());
      };
      const close = async () => {
        for (const chain of chains.values()) await chain.close();
        chains.clear();
      };
      return [
        {
          name: `append ${entries} entries (${PER_BATCH} per write) on ${backend.name}`,
          itemsPerOp: entries,
          unit: 'entry',
          iterations: 1,
          time: 0,
          baseline: task(names.hand, (c) => c.append(entries)),
          candidates: [task(names.sdk, (c) => c.append(entries))],
          setup: open,
          teardown: close,
        },
        {
          name: `verify a chain of ${entries} entries on ${backend.name}`,
          itemsPerOp: entries,
          unit: 'entry',
          iterations: benchSize(3, 1),
          time: 0,
          baseline: task(names.hand, (c) => c.verify()),
          candidates: [task(names.sdk, (c) => c.verify())],
          setup: async () => {
            await open();
            for (const chain of chains.values()) await chain.append(entries);
          },
          teardown: close,
        },
      ];
    });
  },
});
