// The KPI roll-up suite of @frontline/testing on the memory adapter (PGlite and the server run it in
// @frontline/postgres).
import { createMemoryStore } from '@frontline/core';
import { runKpiRollupSuite } from '@frontline/testing';

runKpiRollupSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });
