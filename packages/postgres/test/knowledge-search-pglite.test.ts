// The knowledge suite on PGlite with the database engine (postgresKnowledgeSearch): with the unaccent contrib
// extension loaded, and without it (the translate() fallback of migration 3).
import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { runKnowledgeSuite } from '@frontline/testing';
import { afterAll, beforeAll } from 'vitest';
import { createPgliteStore, postgresKnowledgeSearch } from '../src/index';
import { sqlConformanceHooks } from './helpers';

let withUnaccent: PGlite;
let without: PGlite;
beforeAll(async () => {
  withUnaccent = await PGlite.create({ extensions: { unaccent } });
  without = await PGlite.create();
});
afterAll(async () => {
  await withUnaccent.close();
  await without.close();
});

const search = postgresKnowledgeSearch();
runKnowledgeSuite({
  name: 'PGlite, PostgreSQL search (unaccent)',
  search,
  ...sqlConformanceHooks((schema, clock) => createPgliteStore({ db: withUnaccent, schema, clock })),
});
runKnowledgeSuite({
  name: 'PGlite, PostgreSQL search (translate fallback)',
  search,
  ...sqlConformanceHooks((schema, clock) => createPgliteStore({ db: without, schema, clock })),
});
