// The knowledge suite on a PostgreSQL server (FRONTLINE_PG_URL) with the database engine (postgresKnowledgeSearch).
import { runKnowledgeSuite } from '@frontline/testing';
import { createPostgresStore, postgresKnowledgeSearch } from '../src/index';
import { describeWithServer, sqlConformanceHooks } from './helpers';

describeWithServer('knowledge search in PostgreSQL on the server', (url) => {
  runKnowledgeSuite({
    name: 'PostgreSQL server, PostgreSQL search',
    search: postgresKnowledgeSearch(),
    ...sqlConformanceHooks((schema, clock) =>
      createPostgresStore({ connectionString: url, schema, clock, poolConfig: { max: 5 } }),
    ),
  });
});
