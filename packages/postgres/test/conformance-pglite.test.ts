import { PGlite } from '@electric-sql/pglite';
import {
  runModuleConformance,
  runPersonalDataConformance,
  runStoreConformance,
  runTenantConformance,
} from '@frontline/testing';
import { afterAll, beforeAll } from 'vitest';
import { createPgliteStore } from '../src/index';
import { sqlConformanceHooks } from './helpers';

// One PGlite instance for the file (starting one takes seconds); every test gets its own schema in it.
let db: PGlite;
beforeAll(async () => {
  db = await PGlite.create();
});
afterAll(async () => {
  await db.close();
});

runStoreConformance({
  name: 'PGlite (in memory)',
  ...sqlConformanceHooks((schema, clock) => createPgliteStore({ db, schema, clock })),
});

runModuleConformance({
  name: 'PGlite (in memory)',
  ...sqlConformanceHooks((schema, clock) => createPgliteStore({ db, schema, clock })),
});

runPersonalDataConformance({
  name: 'PGlite (in memory)',
  ...sqlConformanceHooks((schema, clock) => createPgliteStore({ db, schema, clock })),
});

runTenantConformance({
  name: 'PGlite (in memory)',
  ...sqlConformanceHooks((schema, clock) => createPgliteStore({ db, schema, clock })),
});
