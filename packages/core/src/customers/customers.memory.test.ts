import {
  createCustomerService,
  createFixedClock,
  createMemoryStore,
  createSequentialIds,
  FrontlineError,
} from '@frontline/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCustomerSuite } from '../testing/customers-suite';

runCustomerSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });

describe('customer service on random input', () => {
  it('answers any garbage with a FrontlineError, never a TypeError', async () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const store = createMemoryStore({ clock });
    const customers = createCustomerService({ store, clock, ids: createSequentialIds('r') });
    const methods = Object.values(customers) as ((input: unknown) => Promise<unknown>)[];
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
      { numRuns: 100 },
    );
    expect(await store.audit.head()).toBeUndefined();
  });

  it('refuses garbage ports and personal-data sources at creation', () => {
    for (const deps of [undefined, null, {}, { store: {}, clock: {}, ids: {} }]) {
      expect(() => createCustomerService(deps as never)).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
    }
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const base = { store: createMemoryStore({ clock }), clock, ids: createSequentialIds('r') };
    const source = { name: 'notes', export: async () => [], erase: async () => ({ anonymised: 0 }) };
    expect(() => createCustomerService({ ...base, personalDataSources: [source, source] })).toThrow(
      /personalDataSources|unique/,
    );
    expect(() =>
      createCustomerService({ ...base, personalDataSources: [{ name: 'Bad Name' } as never] }),
    ).toThrow(FrontlineError);
  });
});
