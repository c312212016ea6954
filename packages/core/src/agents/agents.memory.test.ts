import {
  createAgentService,
  createFixedClock,
  createMemoryStore,
  createSequentialIds,
  FrontlineError,
} from '@frontline/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runAgentSuite } from '../testing/agents-suite';

runAgentSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });

describe('agent service on random input', () => {
  it('answers any garbage with a FrontlineError, never a TypeError', async () => {
    const clock = createFixedClock('2026-03-02T08:00:00Z');
    const store = createMemoryStore({ clock });
    const agents = createAgentService({ store, clock, ids: createSequentialIds('r') });
    const methods = Object.values(agents) as ((input: unknown) => Promise<unknown>)[];
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

  it('refuses garbage ports at creation', () => {
    for (const deps of [undefined, null, {}, { store: {}, clock: {}, ids: {} }]) {
      expect(() => createAgentService(deps as never)).toThrow(
        expect.objectContaining({ code: 'VALIDATION' }),
      );
    }
  });
});
