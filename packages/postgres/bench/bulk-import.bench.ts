/**
 * Bulk import for host sync: customers per second into PGlite and (with `FRONTLINE_PG_URL`) a PostgreSQL server.
 *
 * Baseline: what a developer loading the same data by hand writes — multi-row INSERTs of 500 customers into a
 * table with real columns, each batch in one transaction with its audit rows (SHA-256 chained in JS under the
 * locked head) and its outbox rows, also multi-row.
 * Candidate: `customers.importCustomers` (the rows validated and built exactly as `registerCustomer` builds them,
 * 500 per transaction, one insertMany, one audit append, one enqueue). The same rows one `registerCustomer` at a
 * time run at the single-command rate (see the hand-sql suite).
 *
 *   BENCH_FILTER=import npm run bench
 */
import { createHash, randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { type ActorInput, createFixedClock, createSequentialIds, Permissions as P } from '@frontline/core';
import { type CustomerService, createCustomerService } from '@frontline/core/service-desk';
import pg from 'pg';
import { type BenchCase, type BenchTask, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { createPgliteStore, createPostgresStore, type SqlStore } from '../src/index';
import { type HandDb, pgHandDb, pgliteHandDb } from './hand-db';

const clerk: ActorInput = {
  id: 'crm-sync',
  roles: ['system'],
  permissions: [P.customerWrite, P.customerRead],
};
const serverUrl = process.env.FRONTLINE_PG_URL || undefined;
const BATCH = 500;

let serial = 0;
function customersRows(n: number) {
  return Array.from({ length: n }, () => {
    const i = ++serial;
    return {
      id: `imp-${process.pid}-${i}`,
      familyName: 'Szabó',
      givenNames: [`Ügyfél ${i}`],
      contactPoints: [{ kind: 'email' as const, value: `ugyfel${i}@pelda.hu` }],
      segmentTags: ['import'],
      externalRef: `CRM-${i}`,
    };
  });
}

async function handLoader(sql: HandDb, schema: string) {
  const s = `"${schema}"`;
  for (const statement of [
    `CREATE SCHEMA ${s}`,
    `CREATE TABLE ${s}.customers (id text PRIMARY KEY, family_name text NOT NULL, given_names text[] NOT NULL,
       email text, segment_tags text[] NOT NULL, external_ref text UNIQUE, created_at timestamptz NOT NULL)`,
    `CREATE INDEX ON ${s}.customers (family_name)`,
    `CREATE INDEX ON ${s}.customers (email)`,
    `CREATE TABLE ${s}.audit (seq bigint PRIMARY KEY, entity_id text NOT NULL, type text NOT NULL, payload jsonb,
       prev_hash text NOT NULL, hash text NOT NULL)`,
    `CREATE TABLE ${s}.audit_head (id int PRIMARY KEY, seq bigint NOT NULL, hash text NOT NULL)`,
    `INSERT INTO ${s}.audit_head VALUES (1, 0, repeat('0', 64))`,
    `CREATE TABLE ${s}.outbox (id text PRIMARY KEY, topic text NOT NULL, payload jsonb)`,
  ])
    await sql.query(statement);
  return {
    async load(rows: ReturnType<typeof customersRows>) {
      for (let start = 0; start < rows.length; start += BATCH) {
        const batch = rows.slice(start, start + BATCH);
        await sql.transaction(async (q) => {
          await q(
            `INSERT INTO ${s}.customers
             SELECT r.id, r.family_name, r.given_names, r.email, r.segment_tags, r.external_ref, now()
             FROM jsonb_to_recordset($1::jsonb) AS r(id text, family_name text, given_names text[], email text,
               segment_tags text[], external_ref text)`,
            [
              JSON.stringify(
                batch.map((r) => ({
                  id: r.id,
                  family_name: r.familyName,
                  given_names: r.givenNames,
                  email: r.contactPoints[0]!.value,
                  segment_tags: r.segmentTags,
                  external_ref: r.externalRef,
                })),
              ),
            ],
          );
          const [head] = await q(`SELECT seq, hash FROM ${s}.audit_head WHERE id = 1 FOR UPDATE`);
          let seq = Number(head!.seq);
          let prev = String(head!.hash);
          const audit = batch.map((r) => {
            seq += 1;
            const payload = { kind: 'person' };
            const hash = createHash('sha256')
              .update(JSON.stringify([seq, r.id, 'customer.registered.v1', payload, prev]))
              .digest('hex');
            const entry = {
              seq,
              entity_id: r.id,
              type: 'customer.registered.v1',
              payload,
              prev_hash: prev,
              hash,
            };
            prev = hash;
            return entry;
          });
          await q(
            `WITH a AS (INSERT INTO ${s}.audit SELECT * FROM jsonb_to_recordset($1::jsonb)
                AS a(seq bigint, entity_id text, type text, payload jsonb, prev_hash text, hash text))
             UPDATE ${s}.audit_head SET seq = $2, hash = $3 WHERE id = 1`,
            [JSON.stringify(audit), seq, prev],
          );
          await q(
            `INSERT INTO ${s}.outbox SELECT * FROM jsonb_to_recordset($1::jsonb) AS o(id text, topic text, payload jsonb)`,
            [
              JSON.stringify(
                batch.map((r) => ({
                  id: randomUUID(),
                  topic: 'customer.registered.v1',
                  payload: { id: r.id },
                })),
              ),
            ],
          );
        });
      }
    },
    close: async () => {
      await sql.query(`DROP SCHEMA ${s} CASCADE`);
      await sql.close();
    },
  };
}

interface Loader {
  load(rows: ReturnType<typeof customersRows>): Promise<void>;
  close(): Promise<void>;
}

function sdkLoader(store: SqlStore): Loader {
  const customers: CustomerService = createCustomerService({
    store,
    clock: createFixedClock('2026-03-02T08:00:00Z'),
    ids: createSequentialIds('imp'),
  });
  return {
    async load(rows) {
      const result = await customers.importCustomers({ actor: clerk, rows, batchSize: BATCH });
      if (result.imported !== rows.length) throw new Error(`imported ${result.imported} of ${rows.length}`);
    },
    close: async () => {
      if (store.driver === 'pg') await store.raw.query(`DROP SCHEMA IF EXISTS "${store.schema}" CASCADE`);
      await store.close();
    },
  };
}

export default defineBenchSuite({
  name: 'postgres: bulk import',
  cases: () => {
    const n = benchSize(2_000, 100);
    const pid = process.pid;
    const backends: { name: string; hand: () => Promise<Loader>; sdk: () => Promise<Loader> }[] = [
      {
        name: 'PGlite',
        hand: async () => handLoader(pgliteHandDb(await PGlite.create()), `bulk_hand_${pid}`),
        sdk: async () => sdkLoader(await createPgliteStore({ schema: `bulk_sdk_${pid}` })),
      },
    ];
    if (serverUrl) {
      backends.push({
        name: 'PostgreSQL server',
        hand: async () =>
          handLoader(pgHandDb(new pg.Pool({ connectionString: serverUrl, max: 2 })), `bulk_hand_${pid}`),
        sdk: async () =>
          sdkLoader(
            await createPostgresStore({
              connectionString: serverUrl,
              schema: `bulk_sdk_${pid}`,
              poolConfig: { max: 2 },
            }),
          ),
      });
    } else {
      console.error('[bulk-import bench] FRONTLINE_PG_URL is not set: measuring PGlite only, not a server.');
    }
    return backends.map((backend): BenchCase => {
      const loaders = new Map<string, Loader>();
      const task = (name: string): BenchTask => ({
        name,
        fn: async () => {
          const loader = loaders.get(name);
          if (!loader) throw new Error(`${name} is not open`);
          await loader.load(customersRows(n));
        },
      });
      const hand = task('hand-written multi-row INSERT');
      const bulk = task('SDK importCustomers');
      return {
        name: `${n} customers per op on ${backend.name} (batches of ${BATCH}, with audit chain and outbox)`,
        itemsPerOp: n,
        unit: 'customer',
        iterations: benchSize(3, 1),
        time: benchSize(1_000, 50),
        baseline: hand,
        candidates: [bulk],
        setup: async () => {
          loaders.set(hand.name, await backend.hand());
          loaders.set(bulk.name, await backend.sdk());
        },
        teardown: async () => {
          for (const loader of loaders.values()) await loader.close();
          loaders.clear();
        },
      };
    });
  },
});
