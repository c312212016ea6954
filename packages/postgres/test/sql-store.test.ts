import { PGlite } from '@electric-sql/pglite';
import {
  type CollectionDefinition,
  collect,
  createMemoryStore,
  defineCollection,
  FrontlineError,
  type KeyValue,
  type Query,
  type Store,
  type Stored,
} from '@frontline/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createPgliteStore, type SqlStore } from '../src/index';
import { uniqueSchema } from './helpers';

const Item = z.object({
  id: z.string().min(1),
  k: z.union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))]).optional(),
  u: z.string().optional(),
  text: z.string().default(''),
});
type Item = z.infer<typeof Item>;

let collections = 0;
function itemCollection(indexes?: CollectionDefinition<Item>['indexes']): CollectionDefinition<Item> {
  collections += 1;
  return defineCollection<Item>({
    name: `items_${collections}`,
    schema: Item,
    indexes: indexes ?? {
      k: { key: (item) => item.k },
      u: { key: (item) => item.u, unique: true },
    },
  });
}

async function outcome<T>(promise: Promise<T>): Promise<{ ok: T } | { code: string }> {
  try {
    return { ok: await promise };
  } catch (error) {
    if (!FrontlineError.is(error)) throw error;
    return { code: error.code };
  }
}

const summary = (rows: Stored<Item>[]) => rows.map((r) => `${r.data.id}@${r.version}`);

let db: PGlite;
let store: SqlStore;
beforeAll(async () => {
  db = await PGlite.create();
  store = await createPgliteStore({ db, schema: uniqueSchema('store') });
});
afterAll(async () => {
  await store.close();
  await db.close();
});

describe('queries agree with the memory adapter', () => {
  // Strings from the Basic Multilingual Plane only: see the README on the order of astral characters.
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'é', 'ő', '~', '\uffee'), maxLength: 2 });
  const key: fc.Arbitrary<KeyValue> = fc.oneof(
    { arbitrary: text, weight: 3 },
    { arbitrary: fc.integer({ min: -2, max: 2 }), weight: 2 },
    { arbitrary: fc.constantFrom(0.5, -0.25, 1e9, -1e-9), weight: 1 },
  );
  const keyField = fc.option(fc.oneof(key, fc.array(key, { maxLength: 3 })), { nil: undefined, freq: 6 });
  const id = fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5', 'i6', 'I7', 'é8');
  const unique = fc.option(fc.constantFrom('x', 'y', 'z', 'X', 'é'), { nil: undefined });
  const command = fc.oneof(
    { arbitrary: fc.record({ op: fc.constant('insert' as const), id, k: keyField, u: unique }), weight: 4 },
    { arbitrary: fc.record({ op: fc.constant('update' as const), id, k: keyField, u: unique }), weight: 2 },
    { arbitrary: fc.record({ op: fc.constant('delete' as const), id }), weight: 1 },
  );
  const query: fc.Arbitrary<Query> = fc.oneof(
    fc.record(
      {
        index: fc.constant('k'),
        equals: key,
        limit: fc.integer({ min: 0, max: 4 }),
        order: fc.constantFrom('asc', 'desc'),
      },
      { requiredKeys: ['index', 'equals'] },
    ),
    fc.record(
      {
        index: fc.constant('k'),
        from: key,
        to: key,
        limit: fc.integer({ min: 0, max: 4 }),
        order: fc.constantFrom('asc', 'desc'),
      },
      { requiredKeys: ['index'] },
    ),
    fc.record({ index: fc.constant('u'), equals: fc.constantFrom('x', 'y', 'z', 'X', 'é') }),
  );

  it('gives the same results, versions, errors and counts for random commands and queries', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(command, { minLength: 4, maxLength: 30 }),
        fc.array(query, { minLength: 1, maxLength: 10 }),
        async (commands, queries) => {
          const definition = itemCollection();
          const stores: Store[] = [createMemoryStore(), store];
          const results: unknown[][] = [[], []];
          for (const [s, target] of stores.entries()) {
            const repo = target.repository(definition);
            for (const c of commands) {
              if (c.op === 'delete') {
                const current = await repo.find(c.id);
                results[s]!.push(await outcome(repo.delete(c.id, current?.version ?? 1)));
                continue;
              }
              const entity: Item = { id: c.id, text: '' };
              if (c.k !== undefined) entity.k = c.k;
              if (c.u !== undefined) entity.u = c.u;
              if (c.op === 'insert') {
                const r = await outcome(repo.insert(entity));
                results[s]!.push('ok' in r ? r.ok.version : r);
              } else {
                const current = await repo.find(c.id);
                const r = await outcome(repo.update(entity, current?.version ?? 1));
                results[s]!.push('ok' in r ? r.ok.version : r);
              }
            }
            for (const q of queries) {
              results[s]!.push(summary(await collect(repo.query(q))), await repo.count(q));
            }
            results[s]!.push(summary(await collect(repo.scan())), await repo.count());
          }
          expect(results[1]).toEqual(results[0]);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('pages through more rows than one batch in key, then id order, both ways', async () => {
    const definition = itemCollection();
    const memory = createMemoryStore().repository(definition);
    const sql = store.repository(definition);
    const items: Item[] = Array.from({ length: 2_300 }, (_, i) => ({
      id: `e${String((i * 7919) % 2_300).padStart(5, '0')}`,
      k: i % 3 === 0 ? i % 5 : `k${i % 4}`,
      text: '',
    }));
    await store.transaction(async (tx) => {
      const r = tx.repository(definition);
      for (const item of items) await r.insert(item);
    });
    for (const item of items) await memory.insert(item);
    for (const q of [
      { index: 'k', from: 1 },
      { index: 'k', order: 'desc' as const, limit: 1_700 },
      { index: 'k', equals: 'k2', order: 'desc' as const },
      { index: 'k', from: 2, to: 'k3' },
    ]) {
      const expected = summary(await collect(memory.query(q)));
      expect(expected.length).toBeGreaterThan(0);
      expect(summary(await collect(sql.query(q)))).toEqual(expected);
      expect(await sql.count(q)).toBe(expected.length);
    }
  });
});

describe('indexes follow the collection definition', () => {
  it('builds an index added later from the stored rows, and never drops one this definition does not name', async () => {
    const before = itemCollection({ k: { key: (item) => item.k } });
    await store.repository(before).insert({ id: 'a', k: 'x', u: 'first', text: '' });
    await store.repository(before).insert({ id: 'b', k: 'y', u: 'second', text: '' });
    const after = defineCollection<Item>({
      ...before,
      indexes: { u: { key: (item) => item.u, unique: true } },
    });
    // a fresh store, as a redeployed process would open
    const reopened = await createPgliteStore({ db, schema: store.schema, migrate: false });
    const repo = reopened.repository(after);
    expect(summary(await collect(repo.query({ index: 'u', equals: 'second' })))).toEqual(['b@1']);
    await expect(repo.insert({ id: 'c', u: 'first', text: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const keys = await store.raw.query<{ index_name: string }>(
      `SELECT DISTINCT index_name FROM "${store.schema}".entity_keys WHERE collection = $1`,
      [before.name],
    );
    // `k` may belong to a module another process registers: it stays, with the keys it had
    expect(keys.map((k) => k.index_name).sort()).toEqual(['k', 'u']);
    await reopened.close();
  });

  it('refuses to make an index unique over duplicate keys, changing nothing', async () => {
    const loose = itemCollection({ u: { key: (item) => item.u } });
    await store.repository(loose).insert({ id: 'a', u: 'dup', text: '' });
    await store.repository(loose).insert({ id: 'b', u: 'dup', text: '' });
    const strict = defineCollection<Item>({
      ...loose,
      indexes: { u: { key: (item) => item.u, unique: true } },
    });
    const reopened = await createPgliteStore({ db, schema: store.schema, migrate: false });
    await expect(reopened.repository(strict).insert({ id: 'c', text: '' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await reopened.repository(strict).find('c')).toBeUndefined();
    expect(await store.repository(loose).count({ index: 'u', equals: 'dup' })).toBe(2);
    await reopened.close();
  });
});

describe('transactions', () => {
  it('stay usable after a caught version or unique-key conflict, and commit the rest', async () => {
    const definition = itemCollection();
    await store.repository(definition).insert({ id: 'holder', u: 'taken', text: '' });
    await store.transaction(async (tx) => {
      const r = tx.repository(definition);
      await expect(r.insert({ id: 'x', u: 'taken', text: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(r.update({ id: 'holder', text: 'stale' }, 7)).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(r.insert({ id: 'holder', text: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await r.insert({ id: 'x', u: 'free', text: '' });
    });
    expect((await store.repository(definition).get('x')).data.u).toBe('free');
  });

  it('roll back when a statement failed inside, even if the work caught the error', async () => {
    const definition = itemCollection();
    const schema = `"${store.schema}"`;
    await store.raw.query(
      `ALTER TABLE ${schema}.entities ADD CONSTRAINT no_forbidden CHECK (data->>'text' <> 'forbidden')`,
    );
    try {
      let inner: unknown;
      const result = store.transaction(async (tx) => {
        const r = tx.repository(definition);
        await r.insert({ id: 'before', text: 'fine' });
        inner = await r.insert({ id: 'bad', text: 'forbidden' }).catch((e: unknown) => e);
        await expect(r.insert({ id: 'after', text: 'fine' })).rejects.toThrow(
          /aborted by an earlier failed statement/,
        );
        return 'work resolved';
      });
      await expect(result).rejects.toMatchObject({
        code: 'STORAGE',
        message: expect.stringContaining('rolled back'),
      });
      expect(FrontlineError.is(inner, 'STORAGE')).toBe(true);
      expect((inner as FrontlineError).details).toMatchObject({ sqlState: '23514' });
      expect(await store.repository(definition).find('before')).toBeUndefined();
    } finally {
      await store.raw.query(`ALTER TABLE ${schema}.entities DROP CONSTRAINT no_forbidden`);
    }
  });

  it('refuse use after they end, and refuse to close the store from inside', async () => {
    const definition = itemCollection();
    let leaked: Store | undefined;
    await store.transaction(async (tx) => {
      leaked = tx;
      await expect(tx.close()).rejects.toMatchObject({ code: 'STORAGE' });
    });
    await expect(leaked!.repository(definition).find('x')).rejects.toMatchObject({ code: 'STORAGE' });
  });
});

describe('what PostgreSQL cannot store', () => {
  it('refuses NUL characters and unpaired surrogates as VALIDATION before any SQL runs', async () => {
    const definition = itemCollection();
    await store.transaction(async (tx) => {
      const r = tx.repository(definition);
      const error = await r.insert({ id: 'n', text: 'a\u0000b' }).catch((e: unknown) => e);
      expect(FrontlineError.is(error, 'VALIDATION')).toBe(true);
      expect((error as FrontlineError).details.issues).toEqual([expect.objectContaining({ path: ['text'] })]);
      await expect(r.insert({ id: 's', text: 'x\ud800' })).rejects.toMatchObject({ code: 'VALIDATION' });
      await expect(tx.outbox.enqueue([{ topic: 't', payload: { bad: '\u0000' } }])).rejects.toMatchObject({
        code: 'VALIDATION',
      });
      // a literal backslash-u sequence is ordinary text, and the transaction is still usable
      await r.insert({ id: 'ok', text: '\\u0000 and 😀' });
    });
    expect((await store.repository(definition).get('ok')).data.text).toBe('\\u0000 and 😀');
  });

  it('refuses an index key that would overflow a btree entry as STORAGE', async () => {
    const definition = itemCollection();
    await expect(
      store.repository(definition).insert({ id: 'long', k: 'x'.repeat(5000), text: '' }),
    ).rejects.toMatchObject({
      code: 'STORAGE',
    });
  });
});
