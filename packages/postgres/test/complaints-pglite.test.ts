// The complaint workflow suite of @frontline/core on PGlite.
import { PGlite } from '@electric-sql/pglite';
import { runComplaintSuite } from '@frontline/testing';
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

runComplaintSuite({
  name: 'PGlite',
  ...sqlConformanceHooks((schema, clock) => createPgliteStore({ db, schema, clock })),
});
