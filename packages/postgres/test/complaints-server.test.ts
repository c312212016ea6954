// The complaint workflow suite of @frontline/core on a real PostgreSQL server (FRONTLINE_PG_URL).
import { runComplaintSuite } from '@frontline/testing';
import { createPostgresStore } from '../src/index';
import { describeWithServer, sqlConformanceHooks } from './helpers';

describeWithServer('complaints on the PostgreSQL server', (url) => {
  runComplaintSuite({
    name: 'PostgreSQL server',
    ...sqlConformanceHooks((schema, clock) =>
      createPostgresStore({ connectionString: url, schema, clock, poolConfig: { max: 5 } }),
    ),
  });
});
