import type { Store, Stored } from '@frontline/core';
import { createFrontline, defineModule, FrontlineError } from '@frontline/core';
import { type ConformanceThing, ConformanceThings, thing } from './conformance-fixtures';
import { describe, expect } from './runner';
import { type SuiteHooks, suiteCase } from './suite-harness';

/** The names of the module suite's tests, for `skip`. */
export type ModuleConformanceTest = 'extension-index' | 'extension-backfill' | 'module-conflicts';

/** What the module suite needs from an adapter (the same hooks as the storage suite). */
export interface ModuleConformanceOptions extends SuiteHooks<ModuleConformanceTest> {
  name: string;
}

/** Module A owns the collection and writes it through its own (narrower) definition. */
const moduleA = () =>
  defineModule({
    id: 'alpha',
    collections: { things: ConformanceThings },
    services: ({ store }) => ({
      save: (t: ConformanceThing) => store.repository(ConformanceThings).insert(t),
      rescore: async (id: string, score: number) => {
        const repo = store.repository(ConformanceThings);
        const current = await repo.get(id);
        return repo.update({ ...current.data, score }, current.version);
      },
    }),
  });

/** Module B only adds an index on A's collection and queries it. */
const moduleB = () =>
  defineModule({
    id: 'beta',
    requires: ['alpha'],
    extends: {
      'alpha.things': {
        indexes: { 'beta:score_band': { key: (t: ConformanceThing) => Math.floor(t.score / 10) } },
      },
    },
    services: ({ store }) => ({
      inBand: async (band: number) => {
        const out: string[] = [];
        const rows: AsyncIterable<Stored<ConformanceThing>> = store
          .repository(ConformanceThings)
          .query({ index: 'beta:score_band', equals: band });
        for await (const row of rows) out.push(row.data.id);
        return out;
      },
    }),
  });

/**
 * The composition-root suite: registers vitest tests proving that an adapter maintains an index one module
 * adds to another module's collection whichever module writes the entity, back-fills it over existing data,
 * and that conflicting modules fail before anything is stored.
 * @example
 * runModuleConformance({ name: 'my adapter', createStore: ({ clock }) => createMyStore({ clock }) });
 * @category Testing
 */
export function runModuleConformance(options: ModuleConformanceOptions): void {
  const test = (name: ModuleConformanceTest, title: string, body: (ctx: { store: Store }) => Promise<void>) =>
    suiteCase(options, name, title, '2026-01-05T08:00:00.000Z', (base) => base, body);

  describe(`module conformance: ${options.name}`, () => {
    test(
      'extension-index',
      "finds an entity written through module A by the index module B added, and follows A's updates",
      async ({ store }) => {
        const fl = await createFrontline({ store, modules: [moduleA(), moduleB()] });
        await fl.alpha.save(thing('t1', { score: 15 }));
        await fl.alpha.save(thing('t2', { score: 42 }));
        expect(await fl.beta.inBand(1)).toEqual(['t1']);
        await fl.alpha.rescore('t1', 47);
        expect(await fl.beta.inBand(1)).toEqual([]);
        expect(await fl.beta.inBand(4)).toEqual(['t1', 't2']);
        await store.transaction(async (tx) => {
          const repo = tx.repository(ConformanceThings);
          await repo.insert(thing('t3', { score: 12 }));
        });
        expect(await fl.beta.inBand(1)).toEqual(['t3']);
      },
    );

    test(
      'extension-backfill',
      'back-fills an index a module adds to a collection that already holds data',
      async ({ store }) => {
        const before = await createFrontline({ store, modules: [moduleA()] });
        for (let i = 0; i < 25; i++)
          await before.alpha.save(thing(`old-${String(i).padStart(2, '0')}`, { score: i }));
        const after = await createFrontline({ store, modules: [moduleA(), moduleB()] });
        expect(await after.beta.inBand(1)).toEqual(Array.from({ length: 10 }, (_, i) => `old-${10 + i}`));
        expect(await after.beta.inBand(2)).toEqual(['old-20', 'old-21', 'old-22', 'old-23', 'old-24']);
      },
    );

    test(
      'module-conflicts',
      'refuses a module registered twice and an index name another module owns, all reported together, storing nothing',
      async ({ store }) => {
        const thief = defineModule({
          id: 'gamma',
          extends: { 'alpha.things': { indexes: { 'beta:score_band': { key: () => 1 } } } },
          services: () => ({}),
        });
        let caught: unknown;
        try {
          await createFrontline({ store, modules: [moduleA(), moduleB(), moduleA(), thief] });
        } catch (error) {
          caught = error;
        }
        expect(FrontlineError.is(caught, 'VALIDATION')).toBe(true);
        const messages = (caught as FrontlineError & { issues: { message: string }[] }).issues.map(
          (i) => i.message,
        );
        expect(messages).toEqual(
          expect.arrayContaining([
            expect.stringMatching(/Module "alpha" is registered twice/),
            expect.stringMatching(
              /Index "beta:score_band" on "conformance_things" is owned by module "beta"/,
            ),
          ]),
        );
        expect(await store.repository(ConformanceThings).count()).toBe(0);
      },
    );
  });
}
