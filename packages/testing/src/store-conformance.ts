import type { Stored } from '@frontline/core';
import { collect, createAuditLog, FrontlineError } from '@frontline/core';
import { type ConformanceThing, ConformanceThings, thing } from './conformance-fixtures';
import { expectFrontlineError } from './interactions-suite-fixtures';
import { describe, expect } from './runner';
import type { ConformanceTest, StoreCaseContext, StoreConformanceOptions } from './store-conformance-options';
import { registerOutboxAndAuditCases } from './store-conformance-outbox';
import { suiteCase } from './suite-harness';

export type {
  ConformanceTest,
  RawInspector,
  StoreCaseContext,
  StoreConformanceOptions,
} from './store-conformance-options';

/**
 * The storage conformance suite: registers vitest tests that prove an adapter keeps every contract of
 * the storage ports — CRUD, not found, version conflicts, indexes, streaming, transactions that roll back,
 * an outbox claimed exactly once under concurrent claimers, and an audit chain that stays gap-free.
 * @example
 * // my-adapter.test.ts
 * import { runStoreConformance } from '@frontline/testing';
 * runStoreConformance({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runStoreConformance(options: StoreConformanceOptions): void {
  const test = (name: ConformanceTest, title: string, body: (ctx: Ctx) => Promise<void>) =>
    suiteCase(options, name, title, '2026-01-05T08:00:00.000Z', (base) => base, body);

  describe(`storage conformance: ${options.name}`, () => {
    test(
      'crud',
      'stores, reads back, updates and deletes an entity with versions',
      async ({ store, raw }) => {
        const repo = store.repository(ConformanceThings);
        const created = await repo.insert(thing('t1', { tags: ['a', 'b'], score: 5 }));
        expect(created.version).toBe(1);
        expect(created.data).toEqual(thing('t1', { tags: ['a', 'b'], score: 5 }));
        expect(created.data.dueAt).toBeInstanceOf(Date);
        const loaded = await repo.get('t1');
        expect(loaded).toEqual(created);
        if (raw) {
          const row = await raw.readEntity(ConformanceThings.name, 't1');
          expect(row?.version).toBe(1);
          expect(row?.data).toMatchObject({ id: 't1', score: 5, dueAt: '2026-01-05T08:00:00.000Z' });
        }
        const updated = await repo.update({ ...loaded.data, score: 6 }, 1);
        expect(updated.version).toBe(2);
        expect((await repo.get('t1')).data.score).toBe(6);
        if (raw) expect((await raw.readEntity(ConformanceThings.name, 't1'))?.version).toBe(2);
        await repo.delete('t1', 2);
        expect(await repo.find('t1')).toBeUndefined();
        if (raw) expect(await raw.readEntity(ConformanceThings.name, 't1')).toBeUndefined();
      },
    );

    test(
      'not-found',
      'reports a missing entity as NOT_FOUND on get, update and delete',
      async ({ store }) => {
        const repo = store.repository(ConformanceThings);
        expect(await repo.find('nope')).toBeUndefined();
        const error = await expectCode(repo.get('nope'), 'NOT_FOUND');
        expect(error.details).toMatchObject({ id: 'nope' });
        await expectCode(repo.update(thing('nope'), 1), 'NOT_FOUND');
        await expectCode(repo.delete('nope', 1), 'NOT_FOUND');
      },
    );

    test('duplicate-id', 'refuses a second entity with the same id as CONFLICT', async ({ store }) => {
      const repo = store.repository(ConformanceThings);
      await repo.insert(thing('dup', { score: 1 }));
      await expectCode(repo.insert(thing('dup', { score: 2 })), 'CONFLICT');
      expect((await repo.get('dup')).data.score).toBe(1);
    });

    test(
      'version-conflict',
      'refuses a stale version as CONFLICT and keeps the winner',
      async ({ store, raw }) => {
        const repo = store.repository(ConformanceThings);
        await repo.insert(thing('v'));
        await repo.update(thing('v', { score: 1 }), 1);
        const error = await expectCode(repo.update(thing('v', { score: 99 }), 1), 'CONFLICT');
        expect(error.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
        await expectCode(repo.delete('v', 1), 'CONFLICT');
        const current = await repo.get('v');
        expect(current.version).toBe(2);
        expect(current.data.score).toBe(1);
        if (raw)
          expect((await raw.readEntity(ConformanceThings.name, 'v'))?.data).toMatchObject({ score: 1 });
      },
    );

    test(
      'validation',
      'refuses an invalid entity as VALIDATION with the field path, storing nothing',
      async ({ store, raw }) => {
        const repo = store.repository(ConformanceThings);
        const bad = { ...thing('bad'), score: 1.5 } as ConformanceThing;
        const error = await expectCode(repo.insert(bad), 'VALIDATION');
        expect(JSON.stringify(error.details)).toContain('score');
        expect(await repo.find('bad')).toBeUndefined();
        if (raw) expect(await raw.readEntity(ConformanceThings.name, 'bad')).toBeUndefined();
        await repo.insert(thing('good'));
        await expectCode(repo.update({ ...thing('good'), dueAt: new Date(Number.NaN) }, 1), 'VALIDATION');
        expect((await repo.get('good')).version).toBe(1);
      },
    );

    test(
      'bad-arguments',
      'refuses malformed ids, versions, queries and claim handles as VALIDATION',
      async ({ store }) => {
        const repo = store.repository(ConformanceThings);
        await repo.insert(thing('b1'));
        await expectCode(repo.get(42 as unknown as string), 'VALIDATION');
        await expectCode(repo.find('' as string), 'VALIDATION');
        await expectCode(repo.update(thing('b1'), 0), 'VALIDATION');
        await expectCode(repo.update(thing('b1'), 1.5), 'VALIDATION');
        await expectCode(repo.delete('b1', Number.NaN), 'VALIDATION');
        await expectCode(repo.count({ index: 'owner', equals: 'x', from: 'a' } as never), 'VALIDATION');
        await expectCode(collect(repo.query(undefined as never)), 'VALIDATION');
        await expectCode(collect(repo.query({ index: 'owner', equals: { x: 1 } } as never)), 'VALIDATION');
        await expectCode(collect(repo.query({ index: 'no_such_index', equals: 'x' })), 'STORAGE');
        await expectCode(store.outbox.complete({ id: 7 } as never), 'VALIDATION');
        await expectCode(store.outbox.claim({ worker: 'w', limit: 0, leaseMs: 1000 }), 'VALIDATION');
        await expectCode(
          store.outbox.fail({ id: 'x', leaseToken: 'y' }, { error: 'e', maxAttempts: 0 }),
          'VALIDATION',
        );
        expect((await repo.get('b1')).version).toBe(1);
      },
    );
    test(
      'indexes',
      'answers equality, range, multi-entry, order and limit queries and follows updates',
      async ({ store }) => {
        const repo = store.repository(ConformanceThings);
        const day = (d: number) => new Date(Date.UTC(2026, 0, d, 8));
        for (let i = 1; i <= 9; i++) {
          await repo.insert(
            thing(`q${i}`, {
              owner: i % 2 ? 'odd' : 'even',
              dueAt: day(i),
              score: i * 10 - 50,
              tags: i % 3 === 0 ? ['vip', 'b2b'] : ['b2c'],
            }),
          );
        }
        const ids = (rows: Stored<ConformanceThing>[]) => rows.map((r) => r.data.id);
        expect(ids(await collect(repo.query({ index: 'owner', equals: 'odd' })))).toEqual([
          'q1',
          'q3',
          'q5',
          'q7',
          'q9',
        ]);
        expect(await repo.count({ index: 'owner', equals: 'even' })).toBe(4);
        expect(await repo.count()).toBe(9);
        expect(
          ids(
            await collect(
              repo.query({ index: 'due_at', from: day(3).toISOString(), to: day(6).toISOString() }),
            ),
          ),
        ).toEqual(['q3', 'q4', 'q5']);
        expect(
          ids(await collect(repo.query({ index: 'due_at', to: day(3).toISOString(), order: 'desc' }))),
        ).toEqual(['q2', 'q1']);
        expect(ids(await collect(repo.query({ index: 'score', from: -20, to: 10 })))).toEqual([
          'q3',
          'q4',
          'q5',
        ]);
        expect(ids(await collect(repo.query({ index: 'score', from: -100, limit: 2 })))).toEqual([
          'q1',
          'q2',
        ]);
        expect(ids(await collect(repo.query({ index: 'tags', equals: 'vip' })))).toEqual(['q3', 'q6', 'q9']);
        expect(await collect(repo.query({ index: 'owner', equals: 'nobody' }))).toEqual([]);
        const q3 = await repo.get('q3');
        await repo.update({ ...q3.data, owner: 'even', tags: ['b2c'] }, q3.version);
        expect(ids(await collect(repo.query({ index: 'owner', equals: 'odd' })))).toEqual([
          'q1',
          'q5',
          'q7',
          'q9',
        ]);
        expect(ids(await collect(repo.query({ index: 'tags', equals: 'vip' })))).toEqual(['q6', 'q9']);
        await repo.delete('q9', 1);
        expect(ids(await collect(repo.query({ index: 'tags', equals: 'vip' })))).toEqual(['q6']);
      },
    );

    test(
      'unique-index',
      'refuses a taken unique key as CONFLICT and frees it when the holder changes',
      async ({ store }) => {
        const repo = store.repository(ConformanceThings);
        await repo.insert(thing('u1', { email: 'a@example.hu' }));
        await repo.insert(thing('u2'));
        await repo.insert(thing('u3'));
        await expectCode(repo.insert(thing('u4', { email: 'a@example.hu' })), 'CONFLICT');
        expect(await repo.find('u4')).toBeUndefined();
        await expectCode(repo.update(thing('u2', { email: 'a@example.hu' }), 1), 'CONFLICT');
        await repo.update(thing('u1', { email: 'b@example.hu' }), 1);
        await repo.update(thing('u2', { email: 'a@example.hu' }), 1);
        expect(
          (await collect(repo.query({ index: 'email', equals: 'a@example.hu' }))).map((r) => r.data.id),
        ).toEqual(['u2']);
      },
    );

    test(
      'payload-ceiling',
      'refuses an entity, an outbox payload or an audit payload over the 1 MiB default as VALIDATION, storing nothing, inside a transaction too',
      async ({ store, clock }) => {
        const repo = store.repository(ConformanceThings);
        // 2-byte UTF-8 characters: 600,000 of them are under a million code units but over 1 MiB as bytes
        const big = 'é'.repeat(600_000);
        const fits = 'a'.repeat(1_000_000);
        await expectCode(repo.insert(thing('p1', { nested: { note: big, list: [] } })), 'VALIDATION');
        await expectCode(
          repo.insertMany([thing('p2'), thing('p3', { nested: { note: big, list: [] } })]),
          'VALIDATION',
        );
        expect(await repo.count()).toBe(0);
        const stored = await repo.insert(thing('p4', { nested: { note: fits, list: [] } }));
        await expectCode(repo.update({ ...stored.data, nested: { note: big, list: [] } }, 1), 'VALIDATION');
        expect((await repo.get('p4')).version).toBe(1);
        const before = await store.outbox.stats();
        await expectCode(
          store.outbox.enqueue([
            { topic: 't', payload: { a: 1 } },
            { topic: 't', payload: { big } },
          ]),
          'VALIDATION',
        );
        expect(await store.outbox.stats()).toEqual(before);
        const audit = createAuditLog({ store, clock });
        await expectCode(
          audit.append({
            actor: 'a',
            entityType: 'thing',
            entityId: 'p4',
            type: 'thing.noted.v1',
            payload: { big },
          }),
          'VALIDATION',
        );
        expect((await collect(store.audit.read())).length).toBe(0);
        // a refusal inside a transaction leaves it usable
        await store.transaction(async (tx) => {
          await expectCode(
            tx.repository(ConformanceThings).insert(thing('p5', { nested: { note: big, list: [] } })),
            'VALIDATION',
          );
          await tx.repository(ConformanceThings).insert(thing('p6'));
        });
        expect((await repo.get('p6')).version).toBe(1);
      },
    );

    test(
      'insert-many',
      'inserts a batch all or nothing: a stored, repeated or taken id or key refuses the whole batch as CONFLICT',
      async ({ store, raw }) => {
        const repo = store.repository(ConformanceThings);
        expect(await repo.insertMany([])).toEqual([]);
        const batch = Array.from({ length: 40 }, (_, i) =>
          thing(`b${String(i).padStart(2, '0')}`, {
            owner: `o${i % 4}`,
            score: i,
            tags: ['x', `t${i}`],
            email: `${i}@x.hu`,
          }),
        );
        const stored = await repo.insertMany(batch);
        expect(stored.map((s) => [s.data.id, s.version])).toEqual(batch.map((t) => [t.id, 1]));
        expect(await repo.count()).toBe(40);
        expect(
          (await collect(repo.query({ index: 'owner', equals: 'o1' }))).map((r) => r.data.id),
        ).toHaveLength(10);
        expect((await collect(repo.query({ index: 'tags', equals: 't7' }))).map((r) => r.data.id)).toEqual([
          'b07',
        ]);
        expect((await raw?.readEntity(ConformanceThings.name, 'b03'))?.version ?? 1).toBe(1);

        // a stored id, a repeated id, a taken unique key, an invalid entity: nothing of the batch is stored
        await expectCode(repo.insertMany([thing('n1'), thing('b05')]), 'CONFLICT');
        await expectCode(repo.insertMany([thing('n1'), thing('n1')]), 'CONFLICT');
        await expectCode(repo.insertMany([thing('n1'), thing('n2', { email: '9@x.hu' })]), 'CONFLICT');
        await expectCode(
          repo.insertMany([thing('n1'), thing('n2', { email: 'x@y.hu' }), thing('n3', { email: 'x@y.hu' })]),
          'CONFLICT',
        );
        const invalid = await expectCode(
          repo.insertMany([thing('n1'), { ...thing('n2'), score: 'high' } as unknown as ConformanceThing]),
          'VALIDATION',
        );
        expect(JSON.stringify(invalid)).toContain('score');
        expect(await repo.find('n1')).toBeUndefined();
        expect(await repo.count()).toBe(40);
        // inside a transaction a refused batch leaves it usable
        await store.transaction(async (tx) => {
          const r = tx.repository(ConformanceThings);
          await expectCode(r.insertMany([thing('n4'), thing('b01')]), 'CONFLICT');
          await r.insertMany([thing('n5'), thing('n6')]);
        });
        expect(await repo.count()).toBe(42);
      },
    );

    test(
      'streaming',
      'streams a large collection in id order without loading it in one piece',
      async ({ store }) => {
        const repo = store.repository(ConformanceThings);
        const n = 2_345;
        await store.transaction(async (tx) => {
          const txRepo = tx.repository(ConformanceThings);
          for (let i = 0; i < n; i++)
            await txRepo.insert(thing(`s${String(i).padStart(5, '0')}`, { owner: i % 2 ? 'x' : 'y' }));
        });
        let count = 0;
        let last = '';
        for await (const row of repo.scan()) {
          expect(row.data.id > last).toBe(true);
          last = row.data.id;
          count++;
        }
        expect(count).toBe(n);
        let xs = 0;
        for await (const row of repo.query({ index: 'owner', equals: 'x' })) {
          expect(row.data.owner).toBe('x');
          xs++;
        }
        expect(xs).toBe(Math.floor(n / 2));
      },
    );

    test(
      'transaction-commit',
      'commits entities, outbox messages and audit entries together',
      async ({ store, clock, raw }) => {
        await store.transaction(async (tx) => {
          await tx.repository(ConformanceThings).insert(thing('c1'));
          await tx.outbox.enqueue([{ topic: 'thing.created', payload: { id: 'c1' } }]);
          await createAuditLog({ store: tx, clock }).append({
            actor: 'agent-1',
            entityType: 'thing',
            entityId: 'c1',
            type: 'thing.created',
          });
          // the root store owns the connections: a transaction cannot close it
          await expectCode(tx.close(), 'STORAGE');
          // a nested call joins the running transaction
          await tx.transaction(async (inner) => {
            await inner.repository(ConformanceThings).insert(thing('c2'));
          });
        });
        expect((await store.repository(ConformanceThings).get('c1')).version).toBe(1);
        expect((await store.repository(ConformanceThings).get('c2')).version).toBe(1);
        expect((await store.outbox.stats()).pending).toBe(1);
        expect((await store.audit.head())?.seq).toBe(1);
        if (raw) {
          expect(await raw.countOutbox()).toBe(1);
          expect(await raw.countAudit()).toBe(1);
        }
      },
    );

    test(
      'transaction-rollback',
      'rolls back every write when the work throws, and re-throws its error',
      async ({ store, clock, raw }) => {
        const repo = store.repository(ConformanceThings);
        await repo.insert(thing('keep', { score: 1 }));
        const boom = new Error('boom');
        await expect(
          store.transaction(async (tx) => {
            const r = tx.repository(ConformanceThings);
            await r.insert(thing('gone'));
            await r.update(thing('keep', { score: 2 }), 1);
            await tx.outbox.enqueue([{ topic: 'never', payload: {}, dedupeKey: 'rolled-back' }]);
            await createAuditLog({ store: tx, clock }).append({
              actor: 'a',
              entityType: 'thing',
              entityId: 'gone',
              type: 'x',
            });
            expect((await r.get('gone')).version).toBe(1); // a transaction sees its own writes
            throw boom;
          }),
        ).rejects.toBe(boom);
        expect(await repo.find('gone')).toBeUndefined();
        expect(await repo.get('keep')).toMatchObject({ version: 1, data: { score: 1 } });
        expect(await store.outbox.stats()).toEqual({ pending: 0, claimed: 0, done: 0, dead: 0 });
        expect(await store.audit.head()).toBeUndefined();
        if (raw) {
          expect(await raw.readEntity(ConformanceThings.name, 'gone')).toBeUndefined();
          expect(await raw.countOutbox()).toBe(0);
          expect(await raw.countAudit()).toBe(0);
        }
        // the dedupe key of a rolled-back message is free again
        expect(
          await store.outbox.enqueue([{ topic: 'now', payload: {}, dedupeKey: 'rolled-back' }]),
        ).toHaveLength(1);
        // a Frontline error thrown inside keeps its code
        await expectCode(
          store.transaction(async (tx) => tx.repository(ConformanceThings).update(thing('keep'), 7)),
          'CONFLICT',
        );
      },
    );

    test(
      'concurrent-updates',
      'lets exactly one of many concurrent writers of one version win',
      async ({ store }) => {
        const repo = store.repository(ConformanceThings);
        await repo.insert(thing('hot'));
        const writers = Array.from({ length: 20 }, (_, i) =>
          store.transaction(async (tx) => {
            const r = tx.repository(ConformanceThings);
            const current = await r.get('hot');
            return r.update({ ...current.data, score: i + 1 }, current.version);
          }),
        );
        const results = await Promise.allSettled(writers);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        for (const r of lost) expect(FrontlineError.is(r.reason, 'CONFLICT')).toBe(true);
        const final = await repo.get('hot');
        expect(final.version).toBe(1 + won.length);
        // with a read-then-write per transaction some writers may serialise; none may be lost silently
        expect(won.length + lost.length).toBe(20);
        expect(won.length).toBeGreaterThanOrEqual(1);
        // and a blind race on the same version: exactly one wins
        const v = final.version;
        const blind = await Promise.allSettled(
          Array.from({ length: 10 }, (_, i) => repo.update({ ...final.data, score: 100 + i }, v)),
        );
        expect(blind.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        expect((await repo.get('hot')).version).toBe(v + 1);
      },
    );

    test(
      'bad-ids',
      'refuses an id or key with NUL, an unpaired surrogate or over 200 characters as VALIDATION on every method, before storage, leaving the transaction usable',
      async ({ store }) => {
        const bad = ['a\u0000b', '\uD800x', 'x'.repeat(201)];
        await store.transaction(async (tx) => {
          const repo = tx.repository(ConformanceThings);
          for (const id of bad) {
            await expectCode(repo.insert(thing(id)), 'VALIDATION');
            await expectCode(repo.get(id), 'VALIDATION');
            await expectCode(repo.find(id), 'VALIDATION');
            await expectCode(repo.delete(id, 1), 'VALIDATION');
            await expectCode(tx.outbox.get(id), 'VALIDATION');
            await expectCode(collect(tx.audit.read({ entityId: id })), 'VALIDATION');
          }
          await expectCode(collect(repo.query({ index: 'owner', equals: 'o\u0000' })), 'VALIDATION');
          // the transaction is still usable: nothing reached the database
          await repo.insert(thing('ok', { owner: 'x'.repeat(200) }));
        });
        const longest = 'y'.repeat(200);
        await store.repository(ConformanceThings).insert(thing(longest));
        expect((await store.repository(ConformanceThings).get(longest)).data.id).toBe(longest);
        await store.repository(ConformanceThings).delete(longest, 1);
        expect(await store.repository(ConformanceThings).count()).toBe(1);
      },
    );

    registerOutboxAndAuditCases(test, options);
  });
}

const expectCode = expectFrontlineError;
type Ctx = StoreCaseContext;
