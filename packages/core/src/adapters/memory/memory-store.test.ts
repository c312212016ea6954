import { createMemoryStore } from '@frontline/core';
import {
  runModuleConformance,
  runPersonalDataConformance,
  runStoreConformance,
  runTenantConformance,
} from '@frontline/testing';

runStoreConformance({
  name: 'memory',
  createStore: ({ clock }) => createMemoryStore({ clock }),
  outboxMessages: 1000,
});

runModuleConformance({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });

runPersonalDataConformance({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });

runTenantConformance({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });
