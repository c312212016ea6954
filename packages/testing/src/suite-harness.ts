import type { CollectionDefinition, Page, Store } from '@frontline/core';
import {
  createFixedClock,
  createMemoryStore,
  createSequentialIds,
  type FixedClock,
  FrontlineError,
  type IdGenerator,
} from '@frontline/core';
import fc from 'fast-check';
import { describe, expect, it } from './runner';

/**
 * Direct read-back of what an adapter stored, bypassing its repository code — so an adapter whose reads
 * and writes are wrong in the same way still fails (the lesson of Auth.js's adapter tests).
 */
export interface RawInspector {
  /** The stored row of `collection` with this id, decoded from JSON; `undefined` when there is none. */
  readEntity(collection: string, id: string): Promise<{ version: number; data: unknown } | undefined>;
  /** How many outbox messages are stored, in any status. */
  countOutbox(): Promise<number>;
  /** How many audit entries are stored. */
  countAudit(): Promise<number>;
}

/** The adapter hooks every suite takes (the shape of `StoreConformanceOptions`). */
export interface SuiteHooks<N extends string> {
  createStore: (context: { clock: FixedClock }) => Promise<Store> | Store;
  raw?: (store: Store) => RawInspector;
  dispose?: (store: Store) => Promise<void> | void;
  skip?: Partial<Record<N, string>>;
}

/** What every suite case starts from: a fresh store, its clock and (when the adapter gives one) its raw inspector. */
export interface SuiteBase {
  store: Store;
  clock: FixedClock;
  raw: RawInspector | undefined;
}

/**
 * Registers one suite case: skipped with its written reason when the adapter asks, else run on a fresh store
 * whose clock starts at `start`, with `setup` building the case's services, and the store disposed afterwards
 * whatever happens.
 */
export function suiteCase<N extends string, C>(
  hooks: SuiteHooks<N>,
  name: N | undefined,
  title: string,
  start: string,
  setup: (base: SuiteBase) => Promise<C> | C,
  body: (context: C) => Promise<void>,
  timeout?: number,
): void {
  const reason = name === undefined ? undefined : hooks.skip?.[name];
  if (reason) {
    it.skip(`${title} — skipped: ${reason}`, () => {});
    return;
  }
  it(
    title,
    async () => {
      const clock = createFixedClock(start);
      const store = await hooks.createStore({ clock });
      try {
        await body(await setup({ store, clock, raw: hooks.raw?.(store) }));
      } finally {
        await hooks.dispose?.(store);
      }
    },
    timeout,
  );
}

/** Everything a failed command must leave as it was: every row with its version, the audit head, the outbox. */
export async function snapshotCollections(
  store: Store,
  collections: readonly CollectionDefinition<{ id: string }>[],
  raw: RawInspector | undefined,
): Promise<unknown> {
  const rows: Record<string, unknown[]> = {};
  for (const c of collections) {
    rows[c.name] = [];
    for await (const row of store.repository(c).scan()) rows[c.name]!.push(JSON.parse(JSON.stringify(row)));
  }
  const head = await store.audit.head();
  return {
    rows,
    counts: await Promise.all(collections.map((c) => store.repository(c).count())),
    audit: head ? { seq: head.seq, hash: head.hash } : null,
    outbox: await store.outbox.stats(),
    raw: raw ? { audit: await raw.countAudit(), outbox: await raw.countOutbox() } : null,
  };
}

/**
 * Registers the two random-input checks every service factory must pass: any garbage to any method is a
 * `FrontlineError` (never a `TypeError`) and stores nothing, and garbage ports are refused at creation.
 */
export function describeServiceUnderGarbage(
  title: string,
  create: (deps: { store: Store; clock: FixedClock; ids: IdGenerator }) => object,
  numRuns = 100,
): void {
  describe(`${title} on random input`, () => {
    it('answers any garbage with a FrontlineError, never a TypeError, and stores nothing', async () => {
      const clock = createFixedClock('2026-03-02T08:00:00Z');
      const store = createMemoryStore({ clock });
      const service = create({ store, clock, ids: createSequentialIds('r') });
      const methods = Object.values(service).filter(
        (m): m is (input: unknown) => Promise<unknown> => typeof m === 'function',
      );
      await fc.assert(
        fc.asyncProperty(fc.anything(), async (input) => {
          for (const method of methods) {
            try {
              await method(input);
            } catch (error) {
              expect(FrontlineError.is(error), String(error)).toBe(true);
            }
          }
        }),
        { numRuns },
      );
      expect(await store.audit.head()).toBeUndefined();
    });

    it('refuses garbage ports at creation', () => {
      for (const deps of [undefined, null, {}, { store: {}, clock: {}, ids: {} }]) {
        expect(() => create(deps as never)).toThrow(expect.objectContaining({ code: 'VALIDATION' }));
      }
    });
  });
}

/**
 * Every page of a paged read, following `nextCursor` from the first page: the ids of each page. A page before
 * the last must not be empty, and paging must end (at most 1000 pages).
 */
export async function pageIds(
  read: (cursor: string | undefined) => Promise<Page<{ id: string }>>,
): Promise<string[][]> {
  const out: string[][] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 1000; i++) {
    const page = await read(cursor);
    out.push(page.items.map((item) => item.id));
    if (page.nextCursor === null) return out;
    expect(page.items.length, 'a page before the last is not empty').toBeGreaterThan(0);
    cursor = page.nextCursor;
  }
  throw new Error('paging did not end after 1000 pages');
}
