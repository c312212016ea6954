// The service-desk suites of @frontline/core on a real PostgreSQL server (FRONTLINE_PG_URL).
import {
  runAgentSuite,
  runCustomerSuite,
  runInteractionSuite,
  runKnowledgeSuite,
  runKpiRollupSuite,
  runTicketSuite,
} from '@frontline/testing';
import { createPostgresStore } from '../src/index';
import { describeWithServer, sqlConformanceHooks } from './helpers';

describeWithServer('service desk on the PostgreSQL server', (url) => {
  const hooks = () =>
    sqlConformanceHooks((schema, clock) =>
      createPostgresStore({ connectionString: url, schema, clock, poolConfig: { max: 5 } }),
    );
  runCustomerSuite({ name: 'PostgreSQL server', ...hooks() });
  runAgentSuite({ name: 'PostgreSQL server', ...hooks() });
  runInteractionSuite({ name: 'PostgreSQL server', ...hooks() });
  runTicketSuite({ name: 'PostgreSQL server', ...hooks(), randomRuns: 5 });
  runKnowledgeSuite({ name: 'PostgreSQL server', ...hooks() });
  runKpiRollupSuite({ name: 'PostgreSQL server', ...hooks() });
});
