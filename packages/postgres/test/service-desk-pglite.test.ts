// The service-desk suites of @frontline/core (customers, agents, interactions, tickets, knowledge) on PGlite:
// every domain capability passes on the embedded default, not only on the memory adapter.
import { PGlite } from '@electric-sql/pglite';
import {
  runAgentSuite,
  runCustomerSuite,
  runInteractionSuite,
  runKnowledgeSuite,
  runKpiRollupSuite,
  runTicketSuite,
} from '@frontline/testing';
import { afterAll, beforeAll } from 'vitest';
import { createPgliteStore } from '../src/index';
import { sqlConformanceHooks } from './helpers';

let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
});
afterAll(async () => {
  await db.close();
});

const hooks = () => sqlConformanceHooks((schema, clock) => createPgliteStore({ db, schema, clock }));

runCustomerSuite({ name: 'PGlite', ...hooks() });
runAgentSuite({ name: 'PGlite', ...hooks() });
runInteractionSuite({ name: 'PGlite', ...hooks() });
runTicketSuite({ name: 'PGlite', ...hooks(), randomRuns: 5 });
runKnowledgeSuite({ name: 'PGlite', ...hooks() });
runKpiRollupSuite({ name: 'PGlite', ...hooks() });
