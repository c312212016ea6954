import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryStore } from '../adapters/memory/memory-store';
import { ConflictError } from '../errors/frontline-error';
import { Actor } from '../kernel/actor';
import { createFixedClock } from '../ports/clock';
import { createSequentialIds } from '../ports/ids';
import { defineCollection, type Store } from '../ports/storage';
import { runCommand, runCreate } from './command-runner';
import { authorizeRead, pageOf, readById } from './read-policy';

const Counter = z.object({ id: z.string(), n: z.int(), owner: z.string() });
type Counter = z.infer<typeof Counter>;
const Counters = defineCollection<Counter>({
  name: 'kit_counters',
  schema: Counter,
  indexes: { owner: { key: (c) => c.owner } },
});
const writer = { id: 'w', roles: [], permissions: ['counter.write', 'counter.read'] };
const reader = { id: 'r', roles: [], permissions: ['counter.read'] };

const setup = () => {
  const clock = createFixedClock('2026-01-05T08:00:00Z');
  const store = createMemoryStore({ clock });
  return { store, clock, ids: createSequentialIds('c') };
};

const create = {
  name: 'counter',
  input: z.strictObject({ actor: Actor, id: z.string(), owner: z.string().default('o') }),
  collection: Counters,
  permission: 'counter.write',
  create: ({ input }: { input: { id: string; owner: string } }) => ({
    entity: { id: input.id, n: 0, owner: input.owner },
    events: [{ type: 'counter.created.v1', entityType: 'counter', entityId: input.id }],
  }),
} as const;

const increment = (race?: (tx: Store) => Promise<void>) =>
  ({
    name: 'increment',
    input: z.strictObject({ actor: Actor, id: z.string(), expectedVersion: z.int().min(1).optional() }),
    collection: Counters,
    id: (i: { id: string }) => i.id,
    permission: 'counter.write',
    execute: async ({ current }: { current: { data: Counter } }) => {
      await race?.(undefined as never);
      return {
        entity: { ...current.data, n: current.data.n + 1 },
        events: [{ type: 'counter.incremented.v1', entityType: 'counter', entityId: current.data.id }],
      };
    },
  }) as const;

describe('runCommand', () => {
  it('loads, decides, saves with the version and records one audit entry and one outbox message per event', async () => {
    const deps = setup();
    await runCreate(deps, create, { actor: writer, id: 'a' });
    const result = await runCommand(deps, increment(), { actor: writer, id: 'a' });
    expect(result).toMatchObject({ entity: { n: 1 }, version: 2 });
    expect((await deps.store.outbox.stats()).pending).toBe(2);
    expect((await deps.store.audit.head())?.seq).toBe(2);
  });

  it('refuses unknown keys and a missing permission before anything is read, storing nothing', async () => {
    const deps = setup();
    await runCreate(deps, create, { actor: writer, id: 'a' });
    await expect(runCommand(deps, increment(), { actor: writer, id: 'a', extra: 1 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(runCommand(deps, increment(), { actor: reader, id: 'a' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    expect((await deps.store.repository(Counters).get('a')).version).toBe(1);
  });

  it('fails a stale expectedVersion with CONFLICT and never retries it', async () => {
    const deps = setup();
    await runCreate(deps, create, { actor: writer, id: 'a' });
    await runCommand(deps, increment(), { actor: writer, id: 'a' });
    await expect(
      runCommand(deps, increment(), { actor: writer, id: 'a', expectedVersion: 1 }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { expectedVersion: 1, actualVersion: 2 } });
  });

  it('decides again on fresh state when a concurrent writer wins, then gives up after three attempts', async () => {
    const deps = setup();
    await runCreate(deps, create, { actor: writer, id: 'a' });
    // every attempt loses: another writer saves between the command's read and its save
    const store = deps.store;
    let calls = 0;
    const racing: Store = {
      ...store,
      transaction: (work) =>
        store.transaction(async (tx) => {
          calls++;
          const repo = tx.repository(Counters);
          const current = await repo.get('a');
          await repo.update(current.data, current.version); // the other writer saves first
          return work({
            ...tx,
            repository: ((def: typeof Counters) => {
              const r = tx.repository(def);
              return { ...r, get: async () => current };
            }) as Store['repository'],
          });
        }),
    };
    await expect(
      runCommand({ ...deps, store: racing }, increment(), { actor: writer, id: 'a' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      details: { attempts: 3 },
    });
    expect(calls).toBe(3);
  });

  it("decides as many times as the command's own attempts when it sets them", async () => {
    const deps = setup();
    await runCreate(deps, create, { actor: writer, id: 'a' });
    let losses = 4; // the first four runs lose to another writer, the fifth gets through
    const store = deps.store;
    const racing: Store = {
      ...store,
      transaction: (work) =>
        store.transaction(async (tx) => {
          if (losses-- <= 0) return work(tx);
          const repo = tx.repository(Counters);
          const current = await repo.get('a');
          await repo.update(current.data, current.version);
          return work({
            ...tx,
            repository: ((def: typeof Counters) => ({
              ...tx.repository(def),
              get: async () => current,
            })) as Store['repository'],
          });
        }),
    };
    const patient = { ...increment(), attempts: 5 };
    const result = await runCommand({ ...deps, store: racing }, patient, { actor: writer, id: 'a' });
    expect(result.entity.n).toBe(1);
    losses = 5;
    await expect(
      runCommand({ ...deps, store: racing }, patient, { actor: writer, id: 'a' }),
    ).rejects.toMatchObject({ code: 'CONFLICT', details: { attempts: 5 } });
  });
});

describe('reads through one policy', () => {
  const policy = {
    what: 'counter',
    anyOf: ['counter.read'],
    mask: (c: Counter, actor: { permissions: string[] }) =>
      actor.permissions.includes('counter.write') ? c : { ...c, owner: '***' },
  };

  it('takes the actor, checks the permission and masks in one place', async () => {
    const deps = setup();
    await runCreate(deps, create, { actor: writer, id: 'a', owner: 'kiss.anna' });
    expect((await readById(deps.store, Counters, policy, { actor: writer, id: 'a' })).owner).toBe(
      'kiss.anna',
    );
    expect((await readById(deps.store, Counters, policy, { actor: reader, id: 'a' })).owner).toBe('***');
    await expect(readById(deps.store, Counters, policy, { id: 'a' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    expect(() => authorizeRead(policy, { id: 'x', roles: [], permissions: [] })).toThrow(
      expect.objectContaining({ code: 'FORBIDDEN' }),
    );
  });

  it('pages an index query by cursor without repeating or skipping rows that share a key', async () => {
    const deps = setup();
    for (let i = 0; i < 7; i++)
      await runCreate(deps, create, { actor: writer, id: `c${i}`, owner: i < 5 ? 'a' : 'b' });
    const repo = deps.store.repository(Counters);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await pageOf(
        (from) => repo.query({ index: 'owner', ...(from === undefined ? {} : { from }) }),
        (c) => c.owner,
        { limit: 2, cursor },
        (row) => row.data,
      );
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(['c0', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(pages).toBe(4);
    await expect(
      pageOf(
        () => repo.query({ index: 'owner' }),
        (c) => c.owner,
        { limit: 2, cursor: 'not-a-cursor' },
        (c) => c,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the conflict policy for transactions the database aborted', () => {
  it('redoes a command whose transaction lost to a deadlock, even with expectedVersion', async () => {
    const deps = setup();
    await runCreate(deps, create, { actor: writer, id: 'a' });
    let calls = 0;
    const store = deps.store;
    const deadlocking: Store = {
      ...store,
      transaction: (work) => {
        calls++;
        if (calls === 1) {
          return Promise.reject(
            new ConflictError('save lost to a concurrent transaction (a deadlock); retry the work.', {
              details: { retryable: true, sqlState: '40P01' },
            }),
          );
        }
        return store.transaction(work);
      },
    };
    const done = await runCommand({ ...deps, store: deadlocking }, increment(), {
      actor: writer,
      id: 'a',
      expectedVersion: 1,
    });
    expect(done.version).toBe(2);
    expect(calls).toBe(2);
  });
});
