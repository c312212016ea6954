import { createFixedClock, createMemoryStore, createSequentialIds, FrontlineError } from '@frontline/core';
import { createCustomerService } from '@frontline/core/service-desk';
import { describeServiceUnderGarbage, runCustomerSuite } from '@frontline/testing';
import { describe, expect, it } from 'vitest';

runCustomerSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });

describeServiceUnderGarbage('customer service', createCustomerService);

describe('customer service personal-data sources', () => {
  it('refuses duplicate or malformed personal-data sources at creation', () => {
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
