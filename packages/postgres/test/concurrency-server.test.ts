import { createFixedClock, defineCollection, FrontlineError, type Store } from '@frontline/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { z } from 'zod';
import { createPostgresStore, isRetryable, type SqlStore } from '../src/index';
import { describeWithServer, uniqueSchema } from './helpers';

const Counter = z.object({
  id: z.string(),
  count: z.number().int(),
  onCall: z.boolean(),
  email: z.string().optional(),
});
type Counter = z.infer<typeof Counter>;
const Counters = defineCollection<Counter>({
  name: 'counters',
  schema: Counter,
  indexes: { email: { key: (c) => c.email, unique: true } },
});

/** A promise `parties` callers wait on until the last one arrives. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return () => {
    arrived += 1;
    if (arrived === parties) open();
    return opened;
  };
}

describeWithServer('concurrency on a PostgreSQL server', (url) => {
  const schema = uniqueSchema('conc');
  const clock = createFixedClock('2026-03-02T08:00:00.000Z');
  let admin: SqlStore;

  beforeAll(async () => {
    admin = await createPostgresStore({ connectionString: url, schema, clock, poolConfig: { max: 4 } });
  });
  afterAll(async () => {
    await admin?.raw.query(`DROP SCHEMA "${schema}" CASCADE`);
    await admin?.close();
  });

  it('commits exactly one writer per version when 50 clients update one aggregate (no lost update)', async () => {
    const store = await createPostgresStore({
      connectionString: url,
      schema,
      clock,
      migrate: false,
      poolConfig: { max: 50 },
    });
    try {
      const repo = store.repository(Counters);
      await repo.insert({ id: 'hot', count: 0, onCall: true });
      const clients = 50;
      const perClient = 3;
      const committed: number[] = [];
      let conflicts = 0;
      const start = barrier(clients);
      await Promise.all(
        Array.from({ length: clients }, async () => {
          await start();
          for (let done = 0; done < perClient; ) {
            const current = await repo.get('hot');
            try {
              const saved = await repo.update(
                { ...current.data, count: current.data.count + 1 },
                current.version,
              );
              committed.push(saved.version);
              done += 1;
            } catch (error) {
              if (!FrontlineError.is(error, 'CONFLICT')) throw error;
              conflicts += 1;
            }
          }
        }),
      );
      const total = clients * perClient;
      const final = await repo.get('hot');
      expect(final.version).toBe(1 + total);
      expect(final.data.count).toBe(total); // every increment survived
      expect([...committed].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 2));
      expect(conflicts).toBeGreaterThan(0); // the clients really raced
    } finally {
      await store.close();
    }
  });

  it('drains a 10,000-message outbox with 8 workers, each message once, and reclaims a killed worker’s batch', async () => {
    const total = 10_000;
    const batch = Array.from({ length: total }, (_, i) => ({ topic: 'bulk', payload: { i } }));
    for (let i = 0; i < total; i += 1000) await admin.outbox.enqueue(batch.slice(i, i + 1000));

    const leaseMs = 60_000;
    const workers: Store[] = [];
    const names = Array.from({ length: 8 }, (_, i) => `fl-${schema}-w${i}`);
    for (const name of names) {
      workers.push(
        await createPostgresStore({
          connectionString: url,
          schema,
          clock,
          migrate: false,
          poolConfig: { max: 1, application_name: name },
        }),
      );
    }
    const claims = new Map<string, number>();
    const completed = new Map<string, number>();
    const victimBatch: string[] = [];
    const victimReady = barrier(2);
    const victimKilled = barrier(2);
    let victimError: unknown;

    const drain = async (worker: Store, name: string, victim: boolean) => {
      for (;;) {
        const claimed = await worker.outbox.claim({ worker: name, limit: 50, leaseMs });
        if (claimed.length === 0) return;
        for (const m of claimed) claims.set(m.id, (claims.get(m.id) ?? 0) + 1);
        if (victim) {
          victimBatch.push(...claimed.map((m) => m.id));
          try {
            await worker.transaction(async (tx) => {
              for (const m of claimed.slice(0, 25)) await tx.outbox.complete(m);
              await victimReady(); // the test kills this connection now, mid-batch
              await victimKilled();
              for (const m of claimed.slice(25)) await tx.outbox.complete(m);
            });
          } catch (error) {
            victimError = error;
          }
          return;
        }
        await worker.transaction(async (tx) => {
          for (const m of claimed) await tx.outbox.complete(m);
        });
        for (const m of claimed) completed.set(m.id, (completed.get(m.id) ?? 0) + 1);
      }
    };

    const started = Date.now();
    const killer = (async () => {
      await victimReady();
      const killed = await admin.raw.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid, 5000) AS killed FROM pg_stat_activity
         WHERE application_name = $1 AND datname = current_database()`,
        [names[0]],
      );
      expect(killed).toEqual([{ killed: true }]);
      await victimKilled();
    })();
    await Promise.all([killer, ...workers.map((w, i) => drain(w, names[i]!, i === 0))]);

    // The victim's transaction died with its connection: a StorageError with the driver's error as cause.
    expect(FrontlineError.is(victimError, 'STORAGE')).toBe(true);
    expect((victimError as FrontlineError).cause).toBeDefined();
    expect(isRetryable(victimError)).toBe(true);
    // None of its completions committed; its whole batch is still leased to it.
    expect(victimBatch).toHaveLength(50);
    expect(await admin.outbox.stats()).toEqual({ pending: 0, claimed: 50, done: total - 50, dead: 0 });

    // After the lease expires the survivors reclaim the batch.
    clock.advance(leaseMs);
    await Promise.all(workers.slice(1).map((w, i) => drain(w, names[i + 1]!, false)));
    const seconds = (Date.now() - started) / 1000;

    expect(await admin.outbox.stats()).toEqual({ pending: 0, claimed: 0, done: total, dead: 0 });
    expect(completed.size).toBe(total);
    expect([...completed.values()].every((n) => n === 1)).toBe(true);
    const reclaimed = new Set(victimBatch);
    for (const [id, n] of claims) expect(n, id).toBe(reclaimed.has(id) ? 2 : 1);
    const attempts = await admin.raw.query<{ attempts: number; n: string | number }>(
      `SELECT attempts, count(*) AS n FROM "${schema}".outbox GROUP BY attempts ORDER BY attempts`,
    );
    expect(attempts.map((r) => [r.attempts, Number(r.n)])).toEqual([
      [1, total - 50],
      [2, 50],
    ]);
    console.info(
      `[postgres] drained ${total} messages with 8 workers (one killed) in ${seconds.toFixed(1)} s`,
    );
    for (const w of workers) await w.close();
  });

  it('surfaces a serialization failure as a retryable ConflictError and keeps the winner', async () => {
    const store = await createPostgresStore({
      connectionString: url,
      schema,
      clock,
      migrate: false,
      isolation: 'serializable',
      poolConfig: { max: 4 },
    });
    try {
      const repo = store.repository(Counters);
      await repo.insert({ id: 'alice', count: 0, onCall: true });
      await repo.insert({ id: 'bob', count: 0, onCall: true });
      const bothRead = barrier(2);
      // Write skew: each takes itself off call after seeing the other on call.
      const goOffCall = (me: string, other: string) =>
        store.transaction(async (tx) => {
          const r = tx.repository(Counters);
          const mine = await r.get(me);
          const theirs = await r.get(other);
          await bothRead();
          if (theirs.data.onCall) await r.update({ ...mine.data, onCall: false }, mine.version);
        });
      const results = await Promise.allSettled([goOffCall('alice', 'bob'), goOffCall('bob', 'alice')]);
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(failures).toHaveLength(1);
      const error = failures[0]!.reason;
      expect(FrontlineError.is(error, 'CONFLICT')).toBe(true);
      expect((error as FrontlineError).details).toMatchObject({ retryable: true, sqlState: '40001' });
      expect((error as FrontlineError).cause).toBeDefined();
      const onCall = [(await repo.get('alice')).data.onCall, (await repo.get('bob')).data.onCall];
      expect(onCall.filter(Boolean)).toHaveLength(1); // nobody left the rota empty
    } finally {
      await store.close();
    }
  });

  it('surfaces a deadlock as a retryable ConflictError and rolls the loser back', async () => {
    const store = await createPostgresStore({
      connectionString: url,
      schema,
      clock,
      migrate: false,
      poolConfig: { max: 4 },
    });
    try {
      const repo = store.repository(Counters);
      await repo.insert({ id: 'left', count: 0, onCall: false });
      await repo.insert({ id: 'right', count: 0, onCall: false });
      const bothLocked = barrier(2);
      const bump = (first: string, second: string) =>
        store.transaction(async (tx) => {
          const r = tx.repository(Counters);
          const a = await r.get(first);
          await r.update({ ...a.data, count: a.data.count + 1 }, a.version);
          await bothLocked();
          const b = await r.get(second);
          await r.update({ ...b.data, count: b.data.count + 1 }, b.version);
        });
      const results = await Promise.allSettled([bump('left', 'right'), bump('right', 'left')]);
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(failures).toHaveLength(1);
      expect(FrontlineError.is(failures[0]!.reason, 'CONFLICT')).toBe(true);
      expect((failures[0]!.reason as FrontlineError).details).toMatchObject({
        retryable: true,
        sqlState: '40P01',
      });
      // The winner's two increments committed, the loser's none.
      expect((await repo.get('left')).data.count + (await repo.get('right')).data.count).toBe(2);
    } finally {
      await store.close();
    }
  });

  it('lets exactly one of 20 concurrent inserts take a unique key', async () => {
    const repo = admin.repository(Counters);
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        repo.insert({ id: `racer-${i}`, count: 0, onCall: false, email: 'same@example.hu' }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(FrontlineError.is(r.reason, 'CONFLICT')).toBe(true);
    }
    const holders = await admin.raw.query(
      `SELECT entity_id FROM "${schema}".entity_unique_keys WHERE collection = 'counters' AND index_name = 'email'`,
    );
    expect(holders).toHaveLength(1);
  });
});
