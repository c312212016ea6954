// The configurable payload ceiling (maxPayloadBytes): the same limit and the same refusal on the memory adapter and
// on PGlite (the default 1 MiB is in the storage conformance suite, on every adapter).
import { PGlite } from '@electric-sql/pglite';
import { createMemoryStore, FrontlineError, type Store } from '@frontline/core';
import { ConformanceThings, thing } from '@frontline/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPgliteStore } from '../src/index';

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
});
afterAll(async () => {
  await db.close();
});

const adapters: [string, (maxPayloadBytes?: number) => Promise<Store>][] = [
  [
    'memory',
    async (maxPayloadBytes) => createMemoryStore({ ...(maxPayloadBytes ? { maxPayloadBytes } : {}) }),
  ],
  [
    'PGlite',
    (maxPayloadBytes) =>
      createPgliteStore({
        db,
        schema: `ceiling_${String(maxPayloadBytes ?? 'default').replace('.', '_')}`,
        ...(maxPayloadBytes ? { maxPayloadBytes } : {}),
      }),
  ],
];

async function refusal(work: Promise<unknown>): Promise<FrontlineError> {
  try {
    await work;
  } catch (error) {
    if (FrontlineError.is(error)) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe.each(adapters)('maxPayloadBytes on %s', (_, open) => {
  it('takes a smaller ceiling for entities and outbox payloads, naming the sizes', async () => {
    const store = await open(4096);
    const repo = store.repository(ConformanceThings);
    await repo.insert(thing('small', { nested: { note: 'x'.repeat(3000), list: [] } }));
    const error = await refusal(
      repo.insert(thing('large', { nested: { note: 'x'.repeat(5000), list: [] } })),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/at most 4,096 \(its maxPayloadBytes option\)/);
    expect(await repo.count()).toBe(1);
    const outbox = await refusal(store.outbox.enqueue([{ topic: 't', payload: 'y'.repeat(5000) }]));
    expect(outbox.message).toContain('outbox message 0 payload');
    expect((await store.outbox.stats()).pending).toBe(0);
  });

  it('refuses a ceiling outside 1 KiB … 64 MiB at maxPayloadBytes', async () => {
    for (const bad of [10, 65 * 1_048_576, 1.5]) {
      const error = await refusal(open(bad));
      expect(error.code).toBe('VALIDATION');
      expect(JSON.stringify(error.details)).toContain('maxPayloadBytes');
    }
  });
});
