import { collect, createAuditLog } from '@frontline/core';
import { expectFrontlineError } from './interactions-suite-fixtures';
import { expect } from './runner';
import type { ConformanceTest, StoreCaseContext, StoreConformanceOptions } from './store-conformance-options';

const expectCode = expectFrontlineError;
type Ctx = StoreCaseContext;

/**
 * The outbox and audit cases of the storage suite (see `runStoreConformance`): leases, retries and dead letters,
 * exactly-once claims under concurrent claimers, and a gap-free audit chain under concurrent appends.
 */
export function registerOutboxAndAuditCases(
  test: (name: ConformanceTest, title: string, body: (ctx: Ctx) => Promise<void>) => void,
  options: StoreConformanceOptions,
): void {
  test(
    'outbox-basics',
    'claims due messages oldest first, drops duplicates and never hands out a done message',
    async ({ store, clock }) => {
      const first = await store.outbox.enqueue([
        { topic: 'a', payload: { n: 1 }, dedupeKey: 'k1' },
        { topic: 'b', payload: { n: 2 } },
      ]);
      expect(first).toHaveLength(2);
      expect(await store.outbox.enqueue([{ topic: 'a', payload: { n: 3 }, dedupeKey: 'k1' }])).toEqual([]);
      await store.outbox.enqueue([
        { topic: 'later', payload: null, availableAt: new Date(clock.now().getTime() + 60_000) },
      ]);
      await expectCode(store.outbox.enqueue([{ topic: '', payload: 1 }]), 'VALIDATION');
      const claimed = await store.outbox.claim({ worker: 'w1', limit: 10, leaseMs: 30_000 });
      expect(claimed.map((m) => m.topic)).toEqual(['a', 'b']);
      expect(claimed[0]).toMatchObject({
        payload: { n: 1 },
        attempts: 1,
        status: 'claimed',
        dedupeKey: 'k1',
      });
      expect(await store.outbox.claim({ worker: 'w2', limit: 10, leaseMs: 30_000 })).toEqual([]);
      for (const m of claimed) await store.outbox.complete(m);
      expect((await store.outbox.get(claimed[0]!.id))?.status).toBe('done');
      clock.advance(60_000);
      const later = await store.outbox.claim({ worker: 'w2', limit: 10, leaseMs: 30_000 });
      expect(later.map((m) => m.topic)).toEqual(['later']);
      clock.advance(3_600_000);
      await store.outbox.complete(later[0]!).catch(() => undefined);
      expect(
        (await store.outbox.claim({ worker: 'w3', limit: 10, leaseMs: 1000 })).map((m) => m.topic),
      ).toEqual(['later']);
      expect(await store.outbox.stats()).toEqual({ pending: 0, claimed: 1, done: 2, dead: 0 });
    },
  );

  test(
    'outbox-leases',
    'hands a message to another worker when a lease expires, and refuses the stale holder',
    async ({ store, clock }) => {
      await store.outbox.enqueue([{ topic: 'lease', payload: {} }]);
      const [held] = await store.outbox.claim({ worker: 'dies', limit: 1, leaseMs: 10_000 });
      expect(held).toBeDefined();
      clock.advance(9_999);
      expect(await store.outbox.claim({ worker: 'other', limit: 1, leaseMs: 10_000 })).toEqual([]);
      clock.advance(1);
      const [again] = await store.outbox.claim({ worker: 'other', limit: 1, leaseMs: 10_000 });
      expect(again?.id).toBe(held!.id);
      expect(again?.attempts).toBe(2);
      await expectCode(store.outbox.complete(held!), 'CONFLICT');
      await store.outbox.complete(again!);
      await expectCode(store.outbox.complete(again!), 'CONFLICT');
      await expectCode(store.outbox.complete({ id: 'missing', leaseToken: 'x' }), 'NOT_FOUND');
    },
  );

  test(
    'outbox-retry-dead',
    'retries a failed message at its retry time and dead-letters it after max attempts',
    async ({ store, clock }) => {
      await store.outbox.enqueue([{ topic: 'flaky', payload: {} }]);
      const [m1] = await store.outbox.claim({ worker: 'w', limit: 1, leaseMs: 1000 });
      expect(
        await store.outbox.fail(m1!, {
          error: 'smtp down',
          retryAt: new Date(clock.now().getTime() + 5000),
          maxAttempts: 2,
        }),
      ).toBe('retry');
      expect(await store.outbox.claim({ worker: 'w', limit: 1, leaseMs: 1000 })).toEqual([]);
      clock.advance(5000);
      const [m2] = await store.outbox.claim({ worker: 'w', limit: 1, leaseMs: 1000 });
      expect(m2).toMatchObject({ attempts: 2, lastError: 'smtp down' });
      expect(await store.outbox.fail(m2!, { error: 'still down', maxAttempts: 2 })).toBe('dead');
      clock.advance(60_000);
      expect(await store.outbox.claim({ worker: 'w', limit: 1, leaseMs: 1000 })).toEqual([]);
      expect(await store.outbox.get(m2!.id)).toMatchObject({
        status: 'dead',
        lastError: 'still down',
        attempts: 2,
      });
      expect((await store.outbox.stats()).dead).toBe(1);
    },
  );

  test(
    'outbox-concurrent-claimers',
    'delivers every message exactly once to concurrent claimers',
    async ({ store }) => {
      const total = options.outboxMessages ?? 400;
      const batch = Array.from({ length: total }, (_, i) => ({ topic: 'bulk', payload: { i } }));
      for (let i = 0; i < total; i += 100) await store.outbox.enqueue(batch.slice(i, i + 100));
      const seen = new Map<string, number>();
      const worker = async (name: string) => {
        for (;;) {
          const claimed = await store.outbox.claim({ worker: name, limit: 7, leaseMs: 600_000 });
          if (claimed.length === 0) return;
          for (const m of claimed) {
            seen.set(m.id, (seen.get(m.id) ?? 0) + 1);
            await store.outbox.complete(m);
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, (_, i) => worker(`w${i}`)));
      expect(seen.size).toBe(total);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
      expect(await store.outbox.stats()).toEqual({ pending: 0, claimed: 0, done: total, dead: 0 });
    },
  );

  test('audit-chain', 'chains audit entries and reads them back per entity', async ({ store, clock }) => {
    const audit = createAuditLog({ store, clock });
    await audit.append({
      actor: 'a1',
      entityType: 'ticket',
      entityId: 't1',
      type: 'ticket.opened',
      payload: { text: 'ő' },
    });
    clock.advance(1000);
    await audit.append({ actor: 'a2', entityType: 'ticket', entityId: 't2', type: 'ticket.opened' });
    await audit.append({
      actor: 'a1',
      entityType: 'ticket',
      entityId: 't1',
      type: 'ticket.closed',
      payload: { n: [1, { b: 2, a: 1 }] },
    });
    const all = await collect(audit.entries());
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(all[1]!.prevHash).toBe(all[0]!.hash);
    expect(all[1]!.at.toISOString()).toBe('2026-01-05T08:00:01.000Z');
    expect(
      (await collect(audit.entries({ entityType: 'ticket', entityId: 't1' }))).map((e) => e.type),
    ).toEqual(['ticket.opened', 'ticket.closed']);
    expect(await audit.verify()).toEqual({ ok: true, count: 3, head: { seq: 3, hash: all[2]!.hash } });
    expect(await audit.verify({ expectedHead: { seq: 3, hash: all[2]!.hash } })).toMatchObject({
      ok: true,
    });
  });

  test('audit-concurrent', 'keeps the chain gap-free under concurrent appends', async ({ store, clock }) => {
    const audit = createAuditLog({ store, clock });
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        i % 2
          ? audit.append({ actor: 'x', entityType: 'e', entityId: String(i), type: 'direct' })
          : store.transaction((tx) =>
              createAuditLog({ store: tx, clock }).append({
                actor: 'x',
                entityType: 'e',
                entityId: String(i),
                type: 'tx',
              }),
            ),
      ),
    );
    const verification = await audit.verify();
    expect(verification).toMatchObject({ ok: true, count: 25 });
  });

  test(
    'audit-batch',
    "appends a command's entries in one write, chained in order, and keeps the chain whole under concurrent batches",
    async ({ store, clock }) => {
      const audit = createAuditLog({ store, clock });
      const event = (n: number) => ({
        actor: 'a',
        entityType: 'thing',
        entityId: `t${n}`,
        type: 'thing.done.v1',
        payload: { n },
      });
      const first = await audit.appendMany([event(1), event(2), event(3)]);
      expect(first.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(first[1]?.prevHash).toBe(first[0]?.hash);
      expect(await audit.appendMany([])).toEqual([]);
      await Promise.all(
        Array.from({ length: 4 }, (_, w) =>
          store.transaction((tx) =>
            createAuditLog({ store: tx, clock }).appendMany([event(10 * w), event(10 * w + 1)]),
          ),
        ),
      );
      expect(await audit.verify()).toMatchObject({ ok: true, count: 11 });
    },
  );
}
