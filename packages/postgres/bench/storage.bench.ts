/**
 * Storage benchmarks of @frontline/postgres against the memory adapter of @frontline/core, measured in the
 * same run: aggregate load + save and an index query on PGlite (and on a PostgreSQL server when
 * FRONTLINE_PG_URL is set), and the outbox drain rate with 1 and 8 workers.
 *
 *   BENCH_FILTER=postgres npm run bench
 */
import { createMemoryStore, defineCollection, type Store } from '@frontline/core';
import { z } from 'zod';
import { type BenchCase, type BenchTask, benchSize, defineBenchSuite } from '../../../scripts/bench-kit';
import { createPgliteStore, createPostgresStore, type SqlStore } from '../src/index';

const Account = z.object({
  id: z.string(),
  customerId: z.string(),
  segment: z.enum(['retail', 'business']),
  balance: z.number().int(),
  tags: z.array(z.string()),
  note: z.string(),
});
type Account = z.infer<typeof Account>;
const Accounts = defineCollection<Account>({
  name: 'bench_accounts',
  schema: Account,
  indexes: {
    customer: { key: (a) => a.customerId },
    segment: { key: (a) => a.segment },
    tags: { key: (a) => a.tags },
  },
});

/** Two accounts per customer over the first `customers * 2` accounts. */
const account = (i: number, customers = 500): Account => ({
  id: `acc-${String(i).padStart(6, '0')}`,
  customerId: `cust-${i % customers}`,
  segment: i % 4 === 0 ? 'business' : 'retail',
  balance: i,
  tags: i % 3 === 0 ? ['vip'] : [],
  note: 'Ügyfélszolgálati megjegyzés — egy átlagos aggregátum mérete',
});

interface Target {
  name: string;
  open: () => Promise<Store>;
}

const serverUrl = process.env.FRONTLINE_PG_URL || undefined;
const schema = `bench_${process.pid}`;

function targets(): Target[] {
  const list: Target[] = [{ name: 'PGlite (in memory)', open: () => createPgliteStore({ schema }) }];
  if (serverUrl) {
    list.push({
      name: 'PostgreSQL server',
      open: () => createPostgresStore({ connectionString: serverUrl, schema, poolConfig: { max: 10 } }),
    });
  } else {
    console.error('[postgres bench] FRONTLINE_PG_URL is not set: measuring PGlite only, not a server.');
  }
  return list;
}

async function dispose(store: Store | undefined): Promise<void> {
  if (!store) return;
  const sql = store as Partial<SqlStore>;
  if (sql.raw && sql.driver === 'pg') await sql.raw.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await store.close();
}

/** A case whose tasks each run `op` on their own store, opened in setup and closed in teardown. */
function storeCase(
  spec: Omit<BenchCase, 'baseline' | 'candidates' | 'setup' | 'teardown'> & {
    prepare: (store: Store) => Promise<void>;
    op: (store: Store) => () => Promise<unknown>;
    label?: (target: string) => string;
  },
  list: Target[],
): BenchCase {
  const stores = new Map<string, Store>();
  const task = (name: string, open: () => Promise<Store>): BenchTask & { open: () => Promise<Store> } => {
    let run: (() => Promise<unknown>) | undefined;
    return {
      name,
      open,
      // An async function, so tinybench knows without calling it (a probing call would overlap the first run).
      fn: async () => {
        if (!run) {
          const store = stores.get(name);
          if (!store) throw new Error(`${name} is not open`);
          run = spec.op(store);
        }
        await run();
      },
    };
  };
  const baseline = task('memory adapter', async () => createMemoryStore());
  const candidates = list.map((t) => task(spec.label?.(t.name) ?? t.name, t.open));
  return {
    name: spec.name,
    itemsPerOp: spec.itemsPerOp,
    unit: spec.unit,
    iterations: spec.iterations,
    time: spec.time,
    baseline,
    candidates,
    setup: async () => {
      for (const t of [baseline, ...candidates]) {
        const store = await t.open();
        await spec.prepare(store);
        stores.set(t.name, store);
      }
    },
    teardown: async () => {
      for (const store of stores.values()) await dispose(store);
      stores.clear();
    },
  };
}

async function drain(store: Store, workers: number): Promise<number> {
  let done = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (;;) {
        const claimed = await store.outbox.claim({ worker: `w${w}`, limit: 50, leaseMs: 60_000 });
        if (claimed.length === 0) return;
        // One commit per batch, as a worker should: on a server each commit waits for a WAL flush.
        await store.transaction(async (tx) => {
          for (const m of claimed) await tx.outbox.complete(m);
        });
        done += claimed.length;
      }
    }),
  );
  return done;
}

export default defineBenchSuite({
  name: 'postgres',
  cases: () => {
    const list = targets();
    const aggregates = benchSize(1_000, 50);
    const messages = benchSize(1_000, 50);
    const drainCase = (workers: number): BenchCase =>
      storeCase(
        {
          name: `outbox enqueue + drain ${messages} messages, ${workers} worker${workers > 1 ? 's' : ''}, 50 per claim`,
          itemsPerOp: messages,
          unit: 'message',
          iterations: 3,
          time: 200,
          prepare: async () => undefined,
          op: (store) => async () => {
            for (let i = 0; i < messages; i += 500) {
              await store.outbox.enqueue(
                Array.from({ length: Math.min(500, messages - i) }, (_, j) => ({
                  topic: 'bench.message',
                  payload: { n: i + j },
                })),
              );
            }
            const done = await drain(store, workers);
            if (done !== messages)
              throw new Error(
                `drained ${done} of ${messages}: ${JSON.stringify(await store.outbox.stats())}`,
              );
          },
        },
        list,
      );
    return [
      storeCase(
        {
          name: `aggregate load + save (one of ${aggregates} per op)`,
          itemsPerOp: 1,
          unit: 'aggregate',
          prepare: async (store) => {
            await store.transaction(async (tx) => {
              const repo = tx.repository(Accounts);
              for (let i = 0; i < aggregates; i++) await repo.insert(account(i));
            });
          },
          op: (store) => {
            const repo = store.repository(Accounts);
            let i = 0;
            return async () => {
              const id = account(i++ % aggregates).id;
              const current = await repo.get(id);
              await repo.update({ ...current.data, balance: current.data.balance + 1 }, current.version);
            };
          },
        },
        list,
      ),
      storeCase(
        {
          name: 'aggregate insert (one per op)',
          itemsPerOp: 1,
          unit: 'aggregate',
          prepare: async () => undefined,
          op: (store) => {
            const repo = store.repository(Accounts);
            let i = 0;
            return () => repo.insert(account(i++));
          },
        },
        list,
      ),
      storeCase(
        {
          name: `index query, customer id → 2 of ${aggregates} aggregates`,
          itemsPerOp: 1,
          unit: 'query',
          prepare: async (store) => {
            await store.transaction(async (tx) => {
              const repo = tx.repository(Accounts);
              for (let i = 0; i < aggregates; i++) await repo.insert(account(i, aggregates / 2));
            });
          },
          op: (store) => {
            const repo = store.repository(Accounts);
            let i = 0;
            return async () => {
              const found: Account[] = [];
              const customer = `cust-${i++ % (aggregates / 2)}`;
              for await (const row of repo.query({ index: 'customer', equals: customer })) {
                found.push(row.data);
              }
              if (found.length !== 2) throw new Error(`${customer}: ${found.length} matches`);
            };
          },
        },
        list,
      ),
      drainCase(1),
      drainCase(8),
    ];
  },
});
