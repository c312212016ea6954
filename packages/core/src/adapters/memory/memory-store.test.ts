import { createMemoryStore } from '@frontline/core';
import { runStoreConformance } from '@frontline/core/testing';

runStoreConformance({
  name: 'memory',
  createStore: ({ clock }) => createMemoryStore({ clock }),
  outboxMessages: 1000,
});
