import {
  runModuleConformance,
  runPersonalDataConformance,
  runStoreConformance,
  runTenantConformance,
} from '@frontline/testing';
import { createPostgresStore } from '../src/index';
import { describeWithServer, sqlConformanceHooks } from './helpers';

describeWithServer('PostgreSQL server', (url) => {
  runStoreConformance({
    name: 'PostgreSQL server (pg)',
    ...sqlConformanceHooks((schema, clock) =>
      createPostgresStore({ connectionString: url, schema, clock, poolConfig: { max: 10 } }),
    ),
  });
  runModuleConformance({
    name: 'PostgreSQL server (pg)',
    ...sqlConformanceHooks((schema, clock) => createPostgresStore({ connectionString: url, schema, clock })),
  });
  runPersonalDataConformance({
    name: 'PostgreSQL server (pg)',
    ...sqlConformanceHooks((schema, clock) => createPostgresStore({ connectionString: url, schema, clock })),
  });
  runTenantConformance({
    name: 'PostgreSQL server (pg)',
    ...sqlConformanceHooks((schema, clock) => createPostgresStore({ connectionString: url, schema, clock })),
  });
});
